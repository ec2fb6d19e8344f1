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


@pytest.mark.parametrize("path", PATHS, ids=[p or "home" for p in PATHS])
def test_payloads_in_every_text_box(path, new_page, goto, assert_clean):
    page = new_page()
    goto(page, path, lang="en")
    done = sweep_page(page)
    print(f"{path or 'home'}: text boxes covered: {sorted(done)}")
    assert_clean(page)


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


def click_button(page, name: str, timeout: float = 120) -> None:
    before = page.w2v_done
    page.get_by_role("button", name=name).first.click()
    assert settle_if_rerun(page, before, timeout), f"no rerun after clicking {name!r}"


def test_training_lab_custom_corpus_upload_and_probes(new_page, goto, assert_clean):
    """p7: a hostile file name and corpus, then every box of the trained model's result tabs."""
    from ui.i18n import t

    page = new_page()
    goto(page, "training-lab", lang="en", corpus="custom", epochs=2, min_count=1)
    name, corpus, _ = hostile_files()[0][0], hostile_files()[0][1], None
    upload(page, 0, name, corpus)
    no_live_payload(page)
    # The uploader shortens long names in the middle ("<img/sr…xss=1>.txt"): its start must show as text.
    assert page.get_by_test_id("stFileUploader").get_by_text(name[:7]).count() >= 1, "file name shown as text"
    click_button(page, t("p7.train", lang="en"))
    no_live_payload(page)
    done = sweep_page(page)
    print(f"training-lab (trained on a hostile corpus): boxes covered: {sorted(done)}")
    assert len(done) >= 3, "the result tabs' probe boxes were reached"
    assert_clean(page)


def test_projector_hostile_vectors_file(new_page, goto, assert_clean):
    """p8: a vectors file whose words are payloads; searching one shows it as plain text."""
    from ui.i18n import t

    page = new_page()
    goto(page, "projector", lang="en", source="upload", colour="none")
    upload(page, 0, "vectors.txt", hostile_files()[1][1])
    no_live_payload(page)
    page.get_by_test_id("stPlotlyChart").first.wait_for(timeout=20_000)  # the uploaded vectors are plotted
    box = page.get_by_label(t("p8.search", lang="en"))
    type_into(page, box, PAYLOADS[1])
    no_live_payload(page)
    heading = t("p8.nn_header", lang="en", word=PAYLOADS[1])
    assert heading in page.get_by_test_id("stMain").inner_text(), "the payload word is shown as plain text"
    goto(page, "projector", lang="en", source="upload", method="axes", xpair=f"{PAYLOADS[0]} king",
         ypair=f"{PAYLOADS[1]} queen")
    no_live_payload(page)
    assert_clean(page)
