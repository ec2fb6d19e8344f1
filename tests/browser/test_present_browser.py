"""Presenter view in a real browser at a projector's 1280x720, both languages: the sidebar starts folded, the type
is larger, the stepper comes first on page 6 and the keys step it (ui/keys.py); typing in a text box stays typing."""
import pytest

from ui.i18n import t

LOCALES = {"zh": "zh-CN", "en": "en-US"}
SIDEBAR_FOLDED = "document.querySelector('[data-testid=stSidebar]').getAttribute('data-collapsed')"
ROOT_FONT = "parseFloat(getComputedStyle(document.documentElement).fontSize)"
TOP_OF = "(sel) => document.querySelector(sel).getBoundingClientRect().top"


def projector(new_page, lang):
    return new_page(locale=LOCALES[lang], width=1280, height=720)


def steps_done(page, lang) -> str:
    """The stepper's status line, e.g. "Steps done: 1 · vocabulary ..."."""
    head = t("p6.status", lang=lang, step="@", v=0, dim=0).replace("*", "").split("@")[0]
    return next(c for c in page.get_by_test_id("stCaptionContainer").all_inner_texts() if c.startswith(head))


def button(page, key, lang):
    return page.get_by_role("button", name=t(key, lang=lang), exact=True)


def press(page, rerun, key):
    """A key pressed on the page itself (the focus on <body>, not in a control); waits for the rerun it causes."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    with rerun(page):
        page.keyboard.press(key)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p6_presenter_view_and_keys(lang, new_page, goto, rerun, assert_clean, screenshot):
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
    # The stepper comes first: its buttons above the first section's heading.
    assert page.evaluate(TOP_OF, ".st-key-p6_next") < page.get_by_role("heading", name=t("p6.h_softmax", lang=lang)
                                                                         ).bounding_box()["y"]
    assert page.get_by_text(t("keys.next", lang=lang)).count() == 1  # the hint

    start = steps_done(page, lang)
    press(page, rerun, "ArrowRight")  # computes step 1: Next becomes Apply
    assert button(page, "p6.apply", lang).count() == 1
    press(page, rerun, " ")  # applies it
    assert steps_done(page, lang) != start and "1" in steps_done(page, lang)
    press(page, rerun, "ArrowLeft")  # back: the step is shown again, not applied
    assert steps_done(page, lang) == start and button(page, "p6.apply", lang).count() == 1
    press(page, rerun, "ArrowRight")
    press(page, rerun, "r")  # reset
    assert steps_done(page, lang) == start and button(page, "p6.next", lang).count() == 1
    assert_clean(page)
    screenshot(page, f"p6-present-{lang}-top", max_height=720)
    screenshot(page, f"p6-present-{lang}")


def test_typing_in_a_text_box_does_not_step(new_page, goto, rerun, assert_clean):
    """Space, R and the arrows typed in p6's sentence box edit the text; the stepper does not move."""
    page = projector(new_page, "en")
    goto(page, "negative-sampling", lang="en", present=1)
    start = steps_done(page, "en")
    box = page.get_by_role("textbox", name=t("p6.text", lang="en"), exact=True)
    box.click()
    page.keyboard.press("End")
    before = page.w2v_finished
    for key in (" ", "r", "ArrowLeft", "ArrowRight", " "):
        page.keyboard.press(key)
    page.wait_for_timeout(800)  # a key the component took would rerun now
    assert box.input_value().endswith(" r ")
    assert page.w2v_finished == before, "a key typed in the text box started a rerun"
    assert steps_done(page, "en") == start and button(page, "p6.next", "en").count() == 1
    assert_clean(page)


@pytest.mark.parametrize("path", ["language-models", "skipgram-cbow", "training-lab"])
def test_step_buttons_come_first(path, new_page, goto, rerun, assert_clean, screenshot):
    """Pages 4, 5 and 7 in presenter view: the button the keys press for "next" is on the first 720 px (p4: above
    the page's first section, the sliding window moved up with its "predict first" question); Right presses it."""
    page = projector(new_page, "en")
    goto(page, path, lang="en", present=1)
    box = page.locator(".st-key-keys_next button").bounding_box()
    if path == "language-models":
        first_section = page.get_by_role("heading", name=t("p4.h_predict", lang="en")).bounding_box()
        assert box["y"] < first_section["y"]
    else:
        assert box["y"] + box["height"] <= 720, f"next button at {box}"
    before = page.inner_text("[data-testid=stMain]")
    press(page, rerun, "ArrowRight")
    assert page.inner_text("[data-testid=stMain]") != before
    assert_clean(page)
    screenshot(page, f"{path}-present-en-top", max_height=720)
