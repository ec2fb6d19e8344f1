"""Page 1 in a real browser, both languages: renders cleanly, revealing shows the cosines the core computes."""
import pytest

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
