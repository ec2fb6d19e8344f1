"""Page 7 in a real browser: train, open the word trails, press plotly's own Play (frames advance in the browser
with no rerun), and open "why neighbours?"; no exception box, no console error."""
import re
import time

import pytest

from ui.i18n import t


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
    seen = set()
    chart.locator("g.updatemenu-button").filter(has_text=t("p7.trail_play", lang=lang)).click()
    end = time.monotonic() + 20
    while time.monotonic() < end and not (len(seen) > 3 and current_label(chart).endswith("100%")):
        seen.add(current_label(chart))
        time.sleep(0.1)
    assert len(seen) > 3, seen  # the slider's label moved through the frames
    assert current_label(chart).endswith("100%")  # and the animation ended on the last frame
    assert page.w2v_done == done_before, "playing ran no script on the server"
    assert_clean(page)
    screenshot(page, f"p7-trails-{lang}")

    page.get_by_role("tab", name=t("p7.tab_why", lang=lang)).click()
    why = page.locator(".st-key-p7_why_chart [data-testid=stPlotlyChart]")
    why.locator("svg.main-svg").first.wait_for(state="visible", timeout=20_000)
    pair = ("国王", "王后") if lang == "zh" else ("king", "queen")
    sentence = page.get_by_text(re.compile(f"“{pair[0]}”.*“{pair[1]}”.*“"))
    assert sentence.first.is_visible()  # the computed sentence, on the open tab
    assert_clean(page)
    screenshot(page, f"p7-why-{lang}")
