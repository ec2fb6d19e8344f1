"""Widget values survive the sidebar navigation in a real browser (ui.state), hidden controls and fragments included."""
from ui.i18n import t


def test_values_survive_other_pages(new_page, goto, nav, rerun, assert_clean):
    page = new_page(width=1400, height=1000)
    goto(page, "skipgram-cbow")
    window = page.get_by_test_id("stSlider").first.get_by_role("slider")
    with rerun(page):
        window.focus()
        page.keyboard.press("End")  # window 2 -> 5
    assert window.input_value() == "5"

    nav(page, t("nav.p6"))  # the stepper's one-click switch lives in a fragment
    oneclick = page.get_by_label(t("p6.oneclick"))
    with rerun(page):
        page.get_by_text(t("p6.oneclick"), exact=True).click()
    assert oneclick.is_checked()

    nav(page, t("nav.p8"))
    with rerun(page):
        page.get_by_test_id("stRadio").get_by_text(t("p8.method_axes"), exact=True).click()
    ypair = page.get_by_role("textbox", name=t("p8.ypair"))
    with rerun(page):
        ypair.fill("small big")
        ypair.press("Enter")
    with rerun(page):  # the word-pair boxes are hidden now
        page.get_by_test_id("stRadio").get_by_text(t("p8.method_pca"), exact=True).click()

    nav(page, t("nav.p5"))
    assert page.get_by_test_id("stSlider").first.get_by_role("slider").input_value() == "5"
    nav(page, t("nav.p6"))
    assert page.get_by_label(t("p6.oneclick")).is_checked()
    nav(page, t("nav.p8"))
    assert page.get_by_role("radio", name=t("p8.method_pca")).is_checked()
    with rerun(page):
        page.get_by_test_id("stRadio").get_by_text(t("p8.method_axes"), exact=True).click()
    assert page.get_by_role("textbox", name=t("p8.ypair")).input_value() == "small big"
    assert_clean(page)
