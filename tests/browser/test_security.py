"""Untrusted text in a real browser: script payloads typed into every text box or uploaded never run.

Each payload, if it ever became live HTML, would set `window.__xss` (and `<img src=x>` would also fetch `/x`,
which `assert_clean` reports as a console error). The tests sweep every text input, text area and file uploader
on every page, then check that nothing ran and that no element the payload describes exists in the DOM.
"""
from __future__ import annotations

import time

import pytest

PATHS = ["", "personality", "word-embeddings", "analogies", "language-models", "skipgram-cbow",
         "negative-sampling", "training-lab", "projector", "about"]
# No spaces inside the tags so that the same payload also survives as one "word" in a vectors file.
PAYLOADS = ["<img/src=x/onerror=window.__xss=1>", "<script>window.__xss=1</script>",
            '"><svg/onload=window.__xss=1>']
TEXT_BOXES = "[data-testid=stTextInput] input:not([disabled]), [data-testid=stTextArea] textarea:not([disabled])"


def no_live_payload(page) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined", "a payload ran (window.__xss is set)"
    assert page.locator('img[src="x"]').count() == 0, "a payload <img> exists in the DOM"
    assert page.locator("svg[onload]").count() == 0, "a payload <svg onload> exists in the DOM"
    scripts = page.evaluate("[...document.scripts].map(s => s.textContent).join('\\n')")
    assert "__xss" not in scripts, "a payload <script> exists in the DOM"


def settle_if_rerun(page, before: int, timeout: float = 20.0) -> bool:
    """Wait for the rerun an action may have caused (True), or give up quietly when none came (False)."""
    deadline = time.monotonic() + timeout
    while page.w2v_done <= before:
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(25)
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=timeout * 1000)
    page.wait_for_function("!document.querySelector('[data-stale=true]')", timeout=timeout * 1000)
    return True


def type_into(page, box, text: str) -> None:
    """Type like a user and commit: Enter for a text input, Ctrl+Enter for a text area, then submit a form."""
    before = page.w2v_done
    tag = box.evaluate("el => el.tagName")
    box.fill(text)
    box.press("Control+Enter" if tag == "TEXTAREA" else "Enter")
    if not settle_if_rerun(page, before, 8):
        submit = page.get_by_test_id("stFormSubmitButton").locator("button")
        if submit.count():
            submit.first.click()
        else:
            page.get_by_test_id("stMain").click(position={"x": 5, "y": 5})  # blur commits the value
        settle_if_rerun(page, before, 30)


@pytest.mark.parametrize("path", PATHS, ids=[p or "home" for p in PATHS])
def test_payloads_in_every_text_box(path, new_page, goto, assert_clean):
    page = new_page()
    goto(page, path, lang="en")
    n = page.locator(TEXT_BOXES).count()
    for i in range(n):
        for payload in PAYLOADS:
            boxes = page.locator(TEXT_BOXES)
            if i >= boxes.count():  # the page shows fewer boxes after bad input; the others were covered
                break
            type_into(page, boxes.nth(i), payload)
            no_live_payload(page)
            main_text = page.get_by_test_id("stMain").inner_text()
            assert "Traceback" not in main_text
    assert_clean(page)


def upload(page, uploader_index: int, name: str, data: bytes, mime: str = "text/plain") -> None:
    before = page.w2v_done
    page.get_by_test_id("stFileUploader").nth(uploader_index).locator("input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}])
    settle_if_rerun(page, before, 60)


def hostile_files() -> list[tuple[str, bytes]]:
    words = " ".join(PAYLOADS)
    corpus = (f"the king {words} rules the land . the queen {words} rules too .\n" * 20).encode()
    vec_lines = [f"{p} 0.1 0.2 0.3" for p in PAYLOADS] + ["king 0.3 0.2 0.1", "queen 0.2 0.3 0.1"]
    vectors = (f"{len(vec_lines)} 3\n" + "\n".join(vec_lines) + "\n").encode()
    return [(f"{PAYLOADS[0]}.txt", corpus), (f"{PAYLOADS[1]}.vec", vectors), ("vectors.txt", vectors)]


@pytest.mark.parametrize("path", PATHS, ids=[p or "home" for p in PATHS])
def test_payloads_in_every_upload(path, new_page, goto, assert_clean):
    """File names and contents with payloads (a corpus, a vectors file whose words are payloads)."""
    page = new_page()
    goto(page, path, lang="en")
    n = page.get_by_test_id("stFileUploader").count()
    for i in range(n):
        for name, data in hostile_files():
            if i >= page.get_by_test_id("stFileUploader").count():
                break
            upload(page, i, name, data)
            no_live_payload(page)
            # The file name is shown, as text: its payload must not have become HTML.
            assert "Traceback" not in page.get_by_test_id("stMain").inner_text()
    assert_clean(page)
