"""Presenter view in a real browser at a projector's 1280x720: the sidebar starts folded, the type is larger, the
page stays clean, in both languages."""
import pytest

LOCALES = {"zh": "zh-CN", "en": "en-US"}
SIDEBAR_FOLDED = "document.querySelector('[data-testid=stSidebar]').getAttribute('data-collapsed')"
ROOT_FONT = "parseFloat(getComputedStyle(document.documentElement).fontSize)"


def projector(new_page, lang):
    return new_page(locale=LOCALES[lang], width=1280, height=720)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p6_presenter_view(lang, new_page, goto, assert_clean, screenshot):
    page = projector(new_page, lang)
    goto(page, "negative-sampling", lang=lang)
    plain_font = page.evaluate(ROOT_FONT)
    assert page.evaluate(SIDEBAR_FOLDED) == "false"  # 1280 px wide: Streamlit opens the sidebar by itself

    page = projector(new_page, lang)
    goto(page, "negative-sampling", lang=lang, present=1)
    assert page.evaluate(SIDEBAR_FOLDED) == "true"
    assert page.evaluate(ROOT_FONT) > plain_font
    assert page.get_by_test_id("stExpandSidebarButton").is_visible()  # the way back to the toggle
    assert not page.get_by_test_id("stDecoration").is_visible()
    assert "present=1" in page.url
    assert_clean(page)
    page.get_by_test_id("stPlotlyChart").first.wait_for(timeout=15_000)
    screenshot(page, f"p6-present-{lang}-top", max_height=720)
    screenshot(page, f"p6-present-{lang}")
