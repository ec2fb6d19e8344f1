"""Checkpoints in a real browser, both languages: p3's answers wait for a guess; a wrong guess is explained, a
right one confirmed, the sidebar counts both; element screenshots of the checkpoint before and after a check."""
import pytest

from ui.i18n import t

LOCALES = {"zh": "zh-CN", "en": "en-US"}
SHOTS = "test-artifacts/screenshots"


def main_text(page) -> str:
    return page.inner_text("[data-testid=stMain]")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p3_guess_wrong_then_right(lang, new_page, goto, rerun, assert_clean):
    page = new_page(locale=LOCALES[lang])
    goto(page, "analogies", lang=lang)
    box = page.locator(".st-key-cp_p3_analogy_box")
    box.wait_for(state="visible", timeout=15_000)
    assert page.get_by_test_id("stDataFrame").count() == 0, "the top 10 shows before a guess"
    box.screenshot(path=f"{SHOTS}/checkpoint-before-{lang}.png")
    guess = page.locator(".st-key-cp_p3_analogy input")
    check = page.locator(".st-key-cp_p3_analogy_check button")  # p3 has a second checkpoint once unfolded
    for word, verdict in (("princess", t("checkpoint.wrong", lang=lang, yours="princess", answer="queen")),
                          ("queen", t("checkpoint.right", lang=lang, answer="queen"))):
        with rerun(page):
            guess.fill(word)
            guess.press("Enter")
        with rerun(page):
            check.click()
        assert verdict.replace("**", "") in main_text(page)
        if word == "princess":
            box.screenshot(path=f"{SHOTS}/checkpoint-after-{lang}.png")
    page.get_by_test_id("stDataFrame").first.wait_for(state="visible", timeout=15_000)
    sidebar = page.get_by_test_id("stSidebar").inner_text()
    assert t("checkpoint.progress", lang=lang, answered=1, right=1) in sidebar
    assert_clean(page)
