"""Page 3 in a real browser, both languages: a shared link opens its analogy, whose answers wait for a guess;
editing words updates the URL."""
import pytest

from ui.i18n import t

LOCALES = {"zh": "zh-CN", "en": "en-US"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_analogy_link_and_edit(lang, new_page, goto, rerun, assert_clean, screenshot):
    page = new_page(locale=LOCALES[lang])
    goto(page, "analogies", lang=lang, pos="paris, italy", neg="france", ranks=1)
    guess = page.locator(".st-key-cp_p3_analogy input")
    with rerun(page):  # the checkpoint asks first: type a guess, then check it
        guess.fill("Rome")
        guess.press("Enter")
    with rerun(page):
        page.get_by_role("button", name=t("checkpoint.check", lang=lang), exact=True).click()
    assert t("checkpoint.right", lang=lang, answer="rome").replace("**", "") in page.inner_text("[data-testid=stMain]")
    heading = page.locator("[data-testid=stMain] h3").first
    heading.wait_for(state="visible", timeout=15_000)
    assert heading.inner_text().strip() == "paris − france + italy ≈ rome"
    page.locator("[data-testid=stPlotlyChart] svg.main-svg").first.wait_for(state="visible", timeout=15_000)
    screenshot(page, f"p3-analogies-{lang}")
    box = page.locator(".st-key-p3_positive input")
    with rerun(page):
        box.fill("tokyo, china")
        box.press("Enter")
    with rerun(page) as r:
        neg = page.locator(".st-key-p3_negative input")
        neg.fill("japan")
        neg.press("Enter")
    with rerun(page):  # a new analogy asks again; this time: "show me"
        page.get_by_role("button", name=t("checkpoint.show_me", lang=lang), exact=True).click()
    print(f"\np3 rerun with a new analogy, as the browser sees it ({lang}): {r.seconds:.3f} s")
    assert page.locator("[data-testid=stMain] h3").first.inner_text().strip() == "tokyo − japan + china ≈ beijing"
    assert "pos=tokyo" in page.url and "neg=japan" in page.url
    assert_clean(page)
