"""The guided path in a real browser, zh and en: open page 1, follow only the "next" links at the bottom of each page
to page 8, and answer every checkpoint on the way once wrong and once right. Checkpoints are found by their keys
(`.st-key-cp_<id>_box`, see ui/checkpoint.py), so new ones are walked too; the right answer is the one the page
reveals after a wrong answer (or the first guess, when that was already right). No exception box, no console error.
"""
import re
import time

import pytest

from ui.nav import PAGES
from ui.path import PATH_KEYS

LOCALES = {"zh": "zh-CN", "en": "en-US"}
URLS = {p.key: p.url for p in PAGES}
# What some checkpoints need before they can be checked: buttons (by key) pressed once the page is open.
PREPARE = {"p6": ["p6_next", "p6_next"],  # a step computed and applied: the "after the step" question appears
           "p7": ["p7_train"]}            # the answer comes from the trained model
# Checkpoints that must be on the path (more may be: every one found is answered).
EXPECTED = {"p1_stretch", "p2_odd", "p2_column", "p3_analogy", "p3_inputs", "p4_next", "p4_rows", "p5_pairs",
            "p5_cbow", "p6_highest", "p6_moved", "p7_closer", "p8_pc1"}
BOXES = """() => [...document.querySelectorAll("[class*='st-key-cp_']")]
    .map(e => (e.className.match(/st-key-(cp_\\S+)_box/) || [])[1]).filter(Boolean)"""


def _choose(page, rerun, box, value: str) -> None:
    """Give `value` to the checkpoint's input: a radio option's label, or the text of a number or a word."""
    if box.get_by_test_id("stRadio").count():
        options = box.get_by_test_id("stRadioOption")
        labels = [o.strip() for o in options.all_inner_texts()]
        assert value in labels, f"{value!r} is not one of the choices {labels}"
        with rerun(page):
            options.nth(labels.index(value)).click()
        return
    field = box.locator("[data-testid=stNumberInput] input, [data-testid=stTextInput] input").first
    with rerun(page):
        field.fill(value)
        field.press("Enter")


def _check(page, rerun, key: str) -> tuple[str, str]:
    """Press Check; ("right", "") or ("wrong", the answer the page reveals)."""
    button = page.locator(f".st-key-{key}_check button")
    assert button.is_enabled(), f"{key}: Check is disabled after an answer was chosen"
    with rerun(page):
        button.click()
    box = page.locator(f".st-key-{key}_box")
    if box.get_by_test_id("stAlertContentSuccess").count():
        return "right", ""
    wrong = box.get_by_test_id("stAlertContentInfo")
    assert wrong.count(), f"{key}: no verdict after Check:\n{box.inner_text()}"
    return "wrong", wrong.first.locator("strong").last.inner_text().strip()


def _first_guess(box) -> tuple[str, list[str]]:
    """A first answer and the choices (empty for a number or a word)."""
    if box.get_by_test_id("stRadio").count():
        options = [o.strip() for o in box.get_by_test_id("stRadioOption").all_inner_texts()]
        return options[0], options
    return ("0" if box.get_by_test_id("stNumberInput").count() else "zzzq"), []


def answer_wrong_and_right(page, rerun, key: str) -> None:
    box = page.locator(f".st-key-{key}_box")
    box.scroll_into_view_if_needed()
    guess, options = _first_guess(box)
    _choose(page, rerun, box, guess)
    verdict, revealed = _check(page, rerun, key)
    if verdict == "right":  # lucky first guess: now a wrong one
        other = next(o for o in options if o != guess) if options else str(int(guess) + 1)
        _choose(page, rerun, box, other)
        assert _check(page, rerun, key)[0] == "wrong", f"{key}: {other!r} and {guess!r} both right"
        _choose(page, rerun, box, guess)  # and end on the right answer, as a learner would
        assert _check(page, rerun, key) == ("right", ""), f"{key}: {guess!r} right, then not"
    else:
        assert revealed and revealed != guess, f"{key}: wrong answer {guess!r}, revealed {revealed!r}"
        _choose(page, rerun, box, revealed)
        assert _check(page, rerun, key) == ("right", ""), f"{key}: the revealed answer {revealed!r} is not right"


def _sidebar_counts(page, wait: float = 5.0) -> list[int]:
    """The sidebar's (answered, right), polled a few seconds: the label is redrawn just after the run ends."""
    summary = page.get_by_test_id("stSidebar").get_by_test_id("stExpander").locator("summary").first
    counts, end = [], time.monotonic() + wait
    while time.monotonic() < end:
        counts = [int(n) for n in re.findall(r"\d+", summary.inner_text())]
        if len(counts) == 2 and counts[0] == counts[1]:
            break
        time.sleep(0.2)
    return counts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_walk_the_path_answering_every_checkpoint(lang, new_page, goto, rerun, assert_clean):
    page = new_page(locale=LOCALES[lang], height=1000)
    t0 = time.perf_counter()
    goto(page, URLS["p1"], lang=lang)
    answered = []
    for i, key in enumerate(PATH_KEYS):
        assert f"/{URLS[key]}" in page.url, f"expected page {key}, at {page.url}"
        for button in PREPARE.get(key, []):
            with rerun(page, timeout=60):
                page.locator(f".st-key-{button} button").click()
        done_here = []
        while new := [cid for cid in page.evaluate(BOXES) if cid not in done_here]:  # answers may unfold more
            assert all(cid.startswith(f"cp_{key}_") for cid in new), new
            answer_wrong_and_right(page, rerun, new[0])
            done_here.append(new[0])
        answered += [cid.removeprefix("cp_") for cid in done_here]
        # The sidebar counts every answer at once, also those checked inside a fragment (p6's stepper).
        assert _sidebar_counts(page) == [len(answered)] * 2, f"{key}: sidebar behind, answered {answered}"
        assert_clean(page)
        if i + 1 < len(PATH_KEYS):  # the next page, by the link at the bottom of this one
            with rerun(page, timeout=60):
                page.locator(f".st-key-path_end_{key} [data-testid=stPageLink] a").last.click()
    assert EXPECTED <= set(answered), f"missing checkpoints: {EXPECTED - set(answered)}"
    print(f"{lang}: {len(answered)} checkpoints on p1-p8 in {time.perf_counter() - t0:.1f} s: {answered}")
