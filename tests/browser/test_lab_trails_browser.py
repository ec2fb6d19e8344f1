"""Page 7 in a real browser: train, open the word trails, press plotly's own Play (frames advance in the browser
with no rerun), and open "why neighbours?"; no exception box, no console error, no blocking axe finding on the
trained page (test_a11y.py's walk sees the lab untrained only)."""
import re
import time

import pytest

from test_a11y import blocking_nodes
from ui.i18n import t
from ui.trail_map import FRAME_MS


def first_point(chart) -> tuple[float, ...]:
    """Where the first word's marker is drawn, in pixels (trace 0 is the trails, trace 1 the words that move)."""
    transform = chart.locator("g.scatterlayer g.trace").nth(1).locator("path.point").first.get_attribute("transform")
    return tuple(round(float(v), 1) for v in re.findall(r"-?[\d.]+", transform or ""))


def current_label(chart) -> str:
    return chart.locator("g.slider-group > text.slider-label").first.text_content() or ""  # plotly's current value


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_trails_play_in_the_browser(lang, new_page, goto, rerun, assert_clean, screenshot):
    page = new_page(locale="zh-CN" if lang == "zh" else "en-US", width=1280, height=800)
    goto(page, "training-lab", lang=lang)
    with rerun(page):
        page.get_by_role("button", name=t("p7.train", lang=lang)).click()
    page.get_by_role("tab", name=t("p7.tab_trails", lang=lang)).click()
    chart = page.locator(".st-key-p7_trails_chart [data-testid=stPlotlyChart]")
    chart.locator("svg.main-svg").first.wait_for(state="visible", timeout=20_000)
    chart.scroll_into_view_if_needed()
    start = current_label(chart)
    assert start.endswith("100%"), start  # opens on the trained map
    done_before = page.w2v_done
    seen, places, final = set(), set(), first_point(chart)
    chart.locator("g.updatemenu-button").filter(has_text=t("p7.trail_play", lang=lang)).click()
    end = time.monotonic() + 20
    while time.monotonic() < end and not (len(seen) > 3 and current_label(chart).endswith("100%")):
        seen.add(current_label(chart))
        places.add(first_point(chart))
        time.sleep(0.1)
    assert len(seen) > 3, seen  # the slider's label moved through the frames
    assert len(places) > 3, places  # and the words moved with them
    assert current_label(chart).endswith("100%")  # the animation ended on the last frame ...
    time.sleep(FRAME_MS / 1000 + 0.3)  # (its last transition)
    assert first_point(chart) == pytest.approx(final, abs=0.5)  # ... where the trained map is
    assert page.w2v_done == done_before, "playing ran no script on the server"
    assert_clean(page)
    screenshot(page, f"p7-trails-{lang}")

    page.get_by_role("tab", name=t("p7.tab_why", lang=lang)).click()
    why = page.locator(".st-key-p7_why_chart [data-testid=stPlotlyChart]")
    why.locator("svg.main-svg").first.wait_for(state="visible", timeout=20_000)
    pair = ("国王", "王后") if lang == "zh" else ("king", "queen")
    sentence = page.get_by_text(re.compile(f"“{pair[0]}”.*“{pair[1]}”.*“"))
    assert sentence.first.is_visible()  # the computed sentence, on the open tab
    from axe_playwright_python.sync_playwright import Axe

    assert not blocking_nodes(page, Axe().run(page).response["violations"])
    assert_clean(page)
    screenshot(page, f"p7-why-{lang}")
