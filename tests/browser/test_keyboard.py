"""Keyboard only, in the browser: Tab to a control, Enter or type, and the page does what a click would; every stop
on the way shows where the focus is. With `prefers-reduced-motion`, Play moves one step per press, nothing runs
on a timer and CSS animations are off (ui/a11y.py)."""
import re
import time

from playwright.sync_api import expect

from scripts import live_browser
from ui.i18n import t

# Why the focused element shows no focus ring ("" when it does). Inputs Streamlit hides (radios, checkboxes,
# toggles) are judged by their label, which is what the eye sees.
FOCUS_SHOWN = """() => {
  let e = document.activeElement;
  if (!e || e === document.body) return 'focus on nothing';
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  if ((r.width < 4 || r.height < 4 || s.opacity === '0') && e.closest('label')) e = e.closest('label');
  const c = getComputedStyle(e);
  const transparent = /rgba\\(.*,\\s*0\\)$/.test(c.outlineColor) || c.outlineColor === 'transparent';
  if (c.outlineStyle !== 'none' && parseFloat(c.outlineWidth) >= 2 && !transparent) return '';
  const box = e.closest('[data-testid]');
  const what = `${e.tagName.toLowerCase()}[${e.getAttribute('role') || ''}] in ${box && box.getAttribute('data-testid')}`;
  return `${what} "${(e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 30)}": outline ` +
         `${c.outlineStyle} ${c.outlineWidth} ${c.outlineColor}`;
}"""
IS_BUTTON = """(name) => { const e = document.activeElement;
  return !!e && e.tagName === 'BUTTON' && e.innerText.trim() === name; }"""
IS_INPUT = """(key) => { const e = document.activeElement;
  return !!e && e.tagName === 'INPUT' && !!e.closest('.st-key-' + key); }"""


def tab_to(page, test: str, arg: str, max_tabs: int = 200) -> None:
    """Press Tab until `test(arg)` holds for the focused element; every stop must show its focus."""
    unseen = []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if why := page.evaluate(FOCUS_SHOWN):
            unseen.append(why)
        if page.evaluate(test, arg):
            assert not unseen, "focus not visible on: " + "; ".join(dict.fromkeys(unseen))
            return
    raise AssertionError(f"{arg!r} not reached in {max_tabs} Tab presses")


def captions(page) -> str:
    return " ".join(page.get_by_test_id("stCaptionContainer").all_inner_texts())


def progress(page) -> str:
    return page.get_by_test_id("stProgress").inner_text()


def test_keyboard_only(new_page, goto, rerun, assert_clean):
    page = new_page()
    goto(page, "negative-sampling", lang="en")  # p6: Tab to "Next step", Enter
    tab_to(page, IS_BUTTON, t("p6.next", lang="en"))
    with rerun(page):
        page.keyboard.press("Enter")
    assert page.get_by_role("button", name=t("p6.apply", lang="en"), exact=True).count() == 1

    goto(page, "skipgram-cbow", lang="en")  # p5: step the window
    tab_to(page, IS_BUTTON, t("p5.step", lang="en"))
    with rerun(page):
        page.keyboard.press("Enter")
    assert "Position 2 of 13: centre word shalt" in captions(page)

    goto(page, "training-lab", lang="en")  # p7: play, then pause
    tab_to(page, IS_BUTTON, t("p7.play", lang="en"))
    with rerun(page):
        page.keyboard.press("Enter")
    page.wait_for_function("!/Trained 0%/.test(document.querySelector('[data-testid=stProgress]').innerText)",
                           timeout=20_000)
    tab_to(page, IS_BUTTON, t("p7.pause", lang="en"), max_tabs=3)
    with rerun(page):
        page.keyboard.press("Enter")
    page.wait_for_timeout(300)  # a tick already under way may still land
    paused_at = progress(page)
    page.wait_for_timeout(1200)
    assert progress(page) == paused_at, "training went on after Pause"
    assert not re.search(r"Trained 100%", paused_at), "paused before the end"

    goto(page, "analogies", lang="en")  # p3: type an analogy, then ask for the answer
    tab_to(page, IS_INPUT, "p3_positive")
    with rerun(page):
        page.keyboard.press("Control+A")
        page.keyboard.type("tokyo, china")
        page.keyboard.press("Enter")
    tab_to(page, IS_INPUT, "p3_negative", max_tabs=5)
    with rerun(page):
        page.keyboard.press("Control+A")
        page.keyboard.type("japan")
        page.keyboard.press("Enter")
    tab_to(page, IS_BUTTON, t("checkpoint.show_me", lang="en"))
    with rerun(page):
        page.keyboard.press("Enter")
    heading = page.locator("[data-testid=stMain] h3").first.inner_text().strip()
    assert heading == "tokyo − japan + china ≈ beijing"
    assert_clean(page)


def _prefs_known(page, timeout: float = 20) -> None:
    """After the first run, ui/a11y.py's component reports the reduced-motion wish: wait for that second run."""
    live_browser.settle(page, 1, timeout)


def test_reduced_motion(new_page, goto, rerun, assert_clean):
    page = new_page(reduced_motion="reduce")
    goto(page, "skipgram-cbow", lang="en")
    _prefs_known(page)
    play = page.get_by_role("button", name=t("p5.play", lang="en"), exact=True)
    duration = play.evaluate("e => parseFloat(getComputedStyle(e).transitionDuration)")
    assert duration < 0.01, f"buttons still animate for {duration} s"
    with rerun(page):
        play.click()
    assert "Position 2 of 13" in captions(page)
    finished = page.w2v_finished
    time.sleep(2.0)  # p5's timer would have moved twice by now
    page.wait_for_timeout(50)
    assert page.w2v_finished == finished, "something reran on its own"
    assert "Position 2 of 13" in captions(page)
    assert play.count() == 1, "the button turned into Pause: a timer is running"

    goto(page, "training-lab", lang="en")  # p7: Play trains one chunk and stops
    _prefs_known(page)  # a new page load is a new session: the wish is reported again
    with rerun(page):
        page.get_by_role("button", name=t("p7.play", lang="en"), exact=True).click()
    # The new session's reduced-motion report is a rerun of its own that may still be under way: poll briefly.
    expect(page.get_by_test_id("stProgress")).to_contain_text("Trained 2%", timeout=15_000)
    first = progress(page)
    page.wait_for_timeout(1500)  # six ticks of the lab's timer
    assert progress(page) == first
    assert t("p7.results_after_pause", lang="en") not in page.inner_text("[data-testid=stMain]")
    assert_clean(page)
