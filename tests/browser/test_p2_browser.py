"""Page 2 in a real browser, both languages: strips and heatmap draw, a new word shows its own numbers."""
import numpy as np
import pytest
from playwright.sync_api import expect

from ui.data import _load_glove

LOCALES = {"zh": "zh-CN", "en": "en-US"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_word_strips(lang, new_page, goto, rerun, assert_clean, screenshot):
    page = new_page(locale=LOCALES[lang])
    goto(page, "word-embeddings", lang=lang)
    # single strip, stacked strips, similarity heatmap (plotly mounts them one after another)
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(3, timeout=20_000)
    page.locator("[data-testid=stPlotlyChart] svg.main-svg").first.wait_for(state="visible", timeout=15_000)
    assert page.get_by_test_id("stMain").get_by_test_id("stCode").first.inner_text().startswith("[0.50451, 0.68607")
    box = page.locator(".st-key-p2_word input")
    with rerun(page):
        box.fill("water")
        box.press("Enter")
    first = np.format_float_positional(np.float32(_load_glove().get_vector("water")[0]))
    assert page.get_by_test_id("stMain").get_by_test_id("stCode").first.inner_text().startswith(f"[{first}, ")
    screenshot(page, f"p2-word-embeddings-{lang}")
    assert_clean(page)
