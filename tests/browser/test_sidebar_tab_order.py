"""A folded sidebar is out of the keyboard's way (ui/a11y.py makes it `inert`): in presenter view, on a phone and
after a learner folds it by hand, Tab from the top of the page reaches the main area in a few stops, none of them in
the hidden sidebar, and a screen reader does not read it; the button that opens it stays reachable and labelled, and
once opened, every sidebar control is reachable again."""
import pytest

from ui.i18n import t

LOCALES = {"zh": "zh-CN", "en": "en-US"}
SIZES = {"projector": dict(width=1280, height=720), "phone": dict(width=390, height=844, is_mobile=True,
                                                                    has_touch=True)}
MAX_STOPS = 5  # today: skip link, the open-sidebar button, the main area's scroll box, its first control
SIDEBAR = "[data-testid=stSidebar]"
FOLDED = f"document.querySelector('{SIDEBAR}').getAttribute('data-collapsed')"
# Where the focus is: in the sidebar, in the main area (a real control, not its scroll box), or elsewhere.
FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {where: 'nothing', what: ''};
  const box = e.closest('[data-testid]');
  const what = `${e.tagName.toLowerCase()} ${box && box.getAttribute('data-testid')} ` +
               `"${(e.getAttribute('aria-label') || e.innerText || '').trim().slice(0, 30)}"`;
  if (e.closest('[data-testid=stSidebar]')) return {where: 'sidebar', what};
  const main = e.closest('[data-testid=stMain]');
  return {where: main && main !== e ? 'main' : 'other', what, label: e.getAttribute('aria-label') || '',
          opens: e.getAttribute('data-testid') === 'stExpandSidebarButton'};
}"""


# Sequential focus from the top of the document: a throwaway focus target as <body>'s first child.
FROM_TOP = """() => {
  let e = document.getElementById('w2v-test-top');
  if (!e) { e = document.createElement('span'); e.id = 'w2v-test-top'; e.tabIndex = -1; document.body.prepend(e); }
  e.focus();
}"""


def tab_stops(page, until, limit: int = 40) -> list[dict]:
    """Press Tab from the top of the page until `until(stop)` holds for the focus; every stop on the way."""
    page.evaluate(FROM_TOP)
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS))
        if until(stops[-1]):
            return stops
    raise AssertionError(f"not reached in {limit} Tab stops: " + "; ".join(s["what"] for s in stops))


def in_main(stop) -> bool:
    return stop["where"] == "main"


def in_sidebar(stop) -> bool:
    return stop["where"] == "sidebar"


def screen_reader_names(page) -> set[str]:
    """The names in Chromium's accessibility tree (what a screen reader can read), ignored nodes left out."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    return {n["name"]["value"].strip() for n in nodes if not n.get("ignored") and n.get("name", {}).get("value")}


def glue_ran(page) -> None:
    """ui/a11y.py's component mounts just after the run: give it a moment (the assertions decide, not this wait)."""
    try:
        page.wait_for_function(f"document.querySelector('{SIDEBAR}').inert === "
                               f"(document.querySelector('{SIDEBAR}').getAttribute('data-collapsed') === 'true')",
                               timeout=5_000)
    except Exception:  # noqa: BLE001 (Playwright's TimeoutError): without the glue, the Tab count fails below
        pass


def assert_folded_out_of_reach(page, lang) -> None:
    assert page.evaluate(FOLDED) == "true"
    glue_ran(page)
    stops = tab_stops(page, in_main)
    hidden = [s["what"] for s in stops if in_sidebar(s)]
    assert not hidden, f"{len(hidden)} Tab stops inside the folded sidebar: " + "; ".join(hidden)
    assert len(stops) <= MAX_STOPS, f"{len(stops)} Tab stops to the main area: " + "; ".join(s["what"] for s in stops)
    opener = [s for s in stops if s.get("opens")]
    assert opener and opener[0]["label"].strip(), "the button that opens the sidebar is not reachable or not labelled"
    names = screen_reader_names(page)
    for hidden in (t("present.toggle", lang=lang), t("nav.home", lang=lang)):
        assert hidden not in names, f"a screen reader still reads {hidden!r} in the folded sidebar"


def open_from_keyboard(page) -> None:
    """Tab to the open-sidebar button and press Enter; the sidebar opens."""
    tab_stops(page, lambda stop: stop.get("opens", False))
    page.keyboard.press("Enter")
    page.wait_for_function(f"{FOLDED} === 'false'")


def assert_open_and_reachable(page, lang) -> None:
    glue_ran(page)
    page.wait_for_timeout(400)  # Streamlit slides it in
    seen = [s["what"] for s in tab_stops(page, in_sidebar)]
    for _ in range(30):  # on through the sidebar
        page.keyboard.press("Tab")
        s = page.evaluate(FOCUS)
        if not in_sidebar(s):
            break
        seen.append(s["what"])
    text = " ".join(seen)
    for label in (t("nav.home", lang=lang), t("present.toggle", lang=lang)):
        assert label in text, f"{label!r} not reachable by Tab in the opened sidebar: {text}"
    names = screen_reader_names(page)
    assert t("present.toggle", lang=lang) in names


@pytest.mark.parametrize("size", ["projector", "phone"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_presenter_view_sidebar_out_of_tab_order(lang, size, new_page, goto, assert_clean, screenshot):
    page = new_page(locale=LOCALES[lang], **SIZES[size])
    goto(page, "", lang=lang, present=1)
    assert_folded_out_of_reach(page, lang)
    screenshot(page, f"sidebar-folded-present-{lang}-{size}", max_height=900)
    open_from_keyboard(page)
    assert page.evaluate("(sel) => document.querySelector(sel).contains(document.activeElement)", SIDEBAR), \
        "opened from the keyboard, the focus does not start in the sidebar"
    assert_open_and_reachable(page, lang)
    screenshot(page, f"sidebar-open-present-{lang}-{size}", max_height=900)
    assert_clean(page)


def test_sidebar_folded_by_hand(new_page, goto, assert_clean):
    """Outside presenter view at 1280 px the sidebar starts open; a learner folds it with the mouse, then opens it."""
    page = new_page(locale="en-US", **SIZES["projector"])
    goto(page, "", lang="en")
    assert page.evaluate(FOLDED) == "false"
    assert_open_and_reachable(page, "en")
    page.get_by_test_id("stSidebarContent").hover()
    page.get_by_test_id("stSidebarCollapseButton").get_by_role("button").click()
    page.wait_for_function(f"{FOLDED} === 'true'")
    assert_folded_out_of_reach(page, "en")
    page.get_by_test_id("stExpandSidebarButton").click()
    page.wait_for_function(f"{FOLDED} === 'false'")
    assert_open_and_reachable(page, "en")
    assert_clean(page)
