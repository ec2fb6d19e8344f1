"""Untrusted text in a real browser: script payloads typed into every text box or uploaded never run.

Each payload, if it ever became live HTML, would set `window.__xss` (and `<img src=x>` would also fetch `/x`,
which `assert_clean` reports as a console error). The tests sweep every text input, text area and file uploader
on every page, then check that nothing ran and that no element the payload describes exists in the DOM.
"""
from __future__ import annotations

import pytest
from hostile import PATHS, PAYLOADS, click_button, hostile_files, no_live_payload, sweep_page, type_into, upload


@pytest.mark.parametrize("path", PATHS, ids=[p or "home" for p in PATHS])
def test_payloads_in_every_text_box(path, new_page, goto, assert_clean):
    page = new_page()
    goto(page, path, lang="en")
    done = sweep_page(page)
    print(f"{path or 'home'}: text boxes covered: {sorted(done)}")
    assert_clean(page)


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
