"""Page 1 in a real browser, both languages: renders cleanly, revealing shows the cosines the core computes."""
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from w2v_core.columns import cosine_terms

LOCALES = {"zh": "zh-CN", "en": "en-US"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_personality_reveal(lang, new_page, goto, rerun, assert_clean, screenshot):
    page = new_page(locale=LOCALES[lang])
    goto(page, "personality", lang=lang)
    page.locator("[data-testid=stPlotlyChart] svg.main-svg").first.wait_for(state="visible", timeout=15_000)
    assert page.get_by_test_id("stMetricValue").count() == 0, "numbers stay hidden before the guess"
    with rerun(page):
        page.locator(".st-key-p1_reveal label").first.click()
    values = [v.inner_text() for v in page.get_by_test_id("stMetricValue").all()]
    expect = [cosine_terms([-0.4, 0.8], p).cos for p in ([-0.3, 0.2], [-0.5, -0.4])]
    assert values == [f"{c:.3f}" for c in expect]
    assert page.locator(".katex").count() >= 3, "the filled-in formulas are typeset"
    screenshot(page, f"p1-personality-revealed-{lang}")
    assert_clean(page)


def test_big_five_table_edit_reranks(new_page, goto, rerun, assert_clean):
    """The editable table (which AppTest cannot type into) feeds the ranking: Person 3's first trait -> -0.8."""
    page = new_page(locale="en-US", height=1400)
    goto(page, "personality", lang="en")
    grid = page.locator(".st-key-p1_big5_en [data-testid=stDataFrameResizable]").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    rows = 5  # header + me + three people, equal heights
    cell = (box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 4.5 / rows)
    editor = page.locator("#portal input, #portal textarea").first
    for _ in range(5):  # under load the grid may need a moment before a double click opens the cell editor
        page.mouse.dblclick(*cell)
        try:
            editor.wait_for(state="visible", timeout=3_000)
            break
        except PlaywrightTimeout:
            continue
    with rerun(page):
        editor.fill("-0.8")
        editor.press("Enter")
    values = [-0.4, 0.8, 0.5, -0.2, 0.3], [-0.8, 0.7, 0.6, 0.1, 0.2]
    expect = cosine_terms(*values).cos
    assert f"Person 3 (cosine {expect:.3f})" in page.get_by_test_id("stAlertContentSuccess").last.inner_text()
    assert_clean(page)
