"""Hostile input in a real browser, shared by the security tests: payloads, typing them into every text box and
upload of a page, and checking that none of them became live HTML."""
from __future__ import annotations

import time

from scripts import live_server

PATHS = live_server.page_addresses()  # every page's address, from ui/nav.py
# No spaces inside the tags so that the same payload also survives as one "word" in a vectors file.
PAYLOADS = ["<img/src=x/onerror=window.__xss=1>", "<script>window.__xss=1</script>",
            "[x](javascript:window.__xss=1)"]
SVG = '"><svg/onload=window.__xss=1>'  # in the uploads (file contents and vectors words)
# A Markdown image in user text: if rendered, every student opening a shared link fetches a remote URL.
MD_IMAGE = "![x](http://127.0.0.1:9/x.png)"
TEXT_BOXES = "[data-testid=stTextInput] input:not([disabled]), [data-testid=stTextArea] textarea:not([disabled])"


def no_live_payload(page) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined", "a payload ran (window.__xss is set)"
    assert page.locator('img[src="x"]').count() == 0, "a payload <img> exists in the DOM"
    assert page.locator("svg[onload]").count() == 0, "a payload <svg onload> exists in the DOM"
    scripts = page.evaluate("[...document.scripts].map(s => s.textContent).join('\\n')")
    assert "__xss" not in scripts, "a payload <script> exists in the DOM"
    assert page.locator("a[href^='javascript']").count() == 0, "a javascript: link exists in the DOM"
    assert page.locator("img[src*='127.0.0.1:9']").count() == 0, "user markdown loaded a remote image"


def settle_if_rerun(page, before: int, timeout: float = 20.0) -> bool:
    """Wait for the rerun an action may have caused (True), or give up quietly when none came (False)."""
    deadline = time.monotonic() + timeout
    while page.w2v_done <= before:
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(25)
    quiet(page, timeout)
    return True


def quiet(page, timeout: float = 30.0) -> None:
    """No rerun running and none finished for half a second (an action may cause two reruns: commit and blur)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen = page.w2v_finished
        page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=timeout * 1000)
        page.wait_for_function("!document.querySelector('[data-stale=true]')", timeout=timeout * 1000)
        page.wait_for_timeout(500)
        if page.w2v_finished == seen:
            return


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


def open_everything(page) -> None:
    """Open closed expanders (client-side, no rerun) so the boxes inside them are visible."""
    for summary in page.locator("[data-testid=stExpander] details:not([open]) > summary").all():
        if summary.is_visible():
            summary.click()


def box_label(box) -> str:
    return box.get_attribute("aria-label") or box.get_attribute("placeholder") or ""


def sweep_visible_boxes(page, done: set, payloads=PAYLOADS) -> None:
    """Every visible, not yet covered text box gets every payload."""
    while True:
        open_everything(page)
        todo = [b for b in page.locator(TEXT_BOXES).all() if b.is_visible() and box_label(b) not in done]
        if not todo:
            quiet(page)  # make sure no rerun is still re-drawing the page before calling it done
            todo = [b for b in page.locator(TEXT_BOXES).all() if b.is_visible() and box_label(b) not in done]
        if not todo:
            return
        label = box_label(todo[0])
        done.add(label)
        for payload in payloads:
            box = next((b for b in page.locator(TEXT_BOXES).all() if b.is_visible() and box_label(b) == label), None)
            if box is None:  # bad input hid the box: the other payloads were covered by the first one
                break
            type_into(page, box, payload)
            no_live_payload(page)
            assert "Traceback" not in page.get_by_test_id("stMain").inner_text()


def sweep_page(page, payloads=PAYLOADS) -> set:
    """All text boxes of the page, in the main area and in every tab."""
    done: set = set()
    sweep_visible_boxes(page, done, payloads)
    tabs = page.get_by_test_id("stMain").get_by_role("tab")
    for i in range(tabs.count()):  # tabs switch in the browser (no rerun); their boxes become visible
        tabs = page.get_by_test_id("stMain").get_by_role("tab")
        if i < tabs.count():
            tabs.nth(i).click()
            sweep_visible_boxes(page, done, payloads)
    return done


def upload(page, uploader_index: int, name: str, data: bytes, mime: str = "text/plain") -> None:
    before = page.w2v_done
    page.get_by_test_id("stFileUploader").nth(uploader_index).locator("input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}])
    settle_if_rerun(page, before, 40)  # a file the uploader refuses (wrong type) causes no rerun; slack for a busy CI box


def hostile_files() -> list[tuple[str, bytes]]:
    words = " ".join(PAYLOADS + [SVG])
    corpus = (f"the king {words} rules the land . the queen {words} rules too .\n" * 20).encode()
    vec_lines = [f"{p} 0.1 0.2 0.3" for p in PAYLOADS + [SVG]] + ["king 0.3 0.2 0.1", "queen 0.2 0.3 0.1"]
    vectors = (f"{len(vec_lines)} 3\n" + "\n".join(vec_lines) + "\n").encode()
    return [(f"{PAYLOADS[0]}.txt", corpus), (f"{PAYLOADS[1]}.vec", vectors), ("vectors.txt", vectors)]


def click_button(page, name: str, timeout: float = 120) -> None:
    before = page.w2v_done
    page.get_by_role("button", name=name).first.click()
    assert settle_if_rerun(page, before, timeout), f"no rerun after clicking {name!r}"
