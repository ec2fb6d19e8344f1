"""axe-core (the engine behind Lighthouse's accessibility audit) on every page in both languages, in the browser.

No serious or critical finding may remain except those tests/browser/axe_allow.toml lists: Streamlit's own markup
the app cannot change, each with its reason. The same walk checks that `<html lang>` names the page's language
(ui/a11y.py sets it; Streamlit alone always says "en").
"""
import tomllib
from pathlib import Path

import pytest

from scripts.live_server import page_addresses

ALLOW = tomllib.loads((Path(__file__).with_name("axe_allow.toml")).read_text(encoding="utf-8"))["allow"]
BLOCKING = ("serious", "critical")
LOCALES = {"zh": "zh-CN", "en": "en-US"}
HTML_LANG = {"zh": "zh-CN", "en": "en"}
# No finite CSS transition or animation still running (Streamlit fades buttons between states).
SETTLED = """() => document.getAnimations().every(a => a.playState !== 'running'
                                                     || !isFinite(a.effect.getComputedTiming().endTime))"""
# Is the node (a CSS selector; a list means "inside this frame / shadow root") inside this container?
INSIDE = """([target, container]) => {
  const sel = Array.isArray(target) ? target[target.length - 1] : target;
  const el = document.querySelector(sel);
  return !!(el && el.closest(container));
}"""


def blocking_nodes(page, violations: list[dict]) -> list[str]:
    """Serious/critical nodes that no allow-list entry covers, as 'rule (impact): target: what is wrong'."""
    out = []
    for v in violations:
        if v["impact"] not in BLOCKING:
            continue
        for node in v["nodes"]:
            target = node["target"][-1]
            covered = any(a["rule"] == v["id"] and page.evaluate(INSIDE, [target, a["inside"]]) for a in ALLOW)
            if not covered:
                why = node.get("failureSummary", "").replace("\n", " ")[:300]
                out.append(f"{v['id']} ({v['impact']}): {target}: {why}")
    return out


def test_allow_list_is_explained():
    """Every entry names a rule, a container and why it cannot be fixed from the app."""
    assert ALLOW, "an empty allow-list file should be deleted, not kept"
    for a in ALLOW:
        assert a["rule"] and a["inside"].strip() and len(a["reason"]) > 40, a


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_axe_on_every_page(lang, new_page, goto, assert_clean):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = new_page(locale=LOCALES[lang])
    problems, seen_rules = [], set()
    for address in page_addresses():
        goto(page, address, lang=lang)
        page.wait_for_function(f"document.documentElement.lang === {HTML_LANG[lang]!r}", timeout=10_000)
        page.wait_for_function(SETTLED, timeout=10_000)  # mid-fade colours would be judged, not the real ones
        violations = axe.run(page).response["violations"]
        seen_rules |= {v["id"] for v in violations}
        problems += [f"/{address} ({lang}) {p}" for p in blocking_nodes(page, violations)]
        assert_clean(page)
    assert not problems, "axe-core found (fix it, or list Streamlit-only markup in axe_allow.toml):\n" + \
        "\n".join(problems)
    # The allow-list stays honest: an entry whose rule no longer fires anywhere should be removed.
    stale = {a["rule"] for a in ALLOW} - seen_rules
    assert not stale, f"allow-list entries no longer needed: {sorted(stale)}"
