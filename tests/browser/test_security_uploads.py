"""Bad uploads, as a new user would pick them, in a real browser (AppTest cannot upload files).

Each bad file gets a message in the user's language (zh here: the text must contain CJK), nothing is unpickled or
executed, no exception box; then a good file works on the same page.
"""
from __future__ import annotations

import pickle
import re

import numpy as np
import pytest
from hostile import no_live_payload, upload

CJK = re.compile(r"[\u4e00-\u9fff]")
GOOD_CORPUS = ("国王 统治 王国 。 女王 也 统治 王国 。 the king rules the land . the queen rules the land .\n" * 30).encode()


def vectors_text(words, dim=3, header=None) -> bytes:
    rng = np.random.default_rng(0)
    lines = [header or f"{len(words)} {dim}"] + [" ".join([w] + [f"{x:.3f}" for x in rng.normal(size=dim)])
                                                 for w in words]
    return ("\n".join(lines) + "\n").encode()


GOOD_VECTORS = vectors_text(["king", "queen", "man", "woman", "apple", "orange"])
BAD_CORPORA = {
    "gbk.txt": "国王统治王国。女王也统治王国。".encode("gbk"),
    "binary.txt": bytes(range(256)) * 200,
    "empty.txt": b"",
    "only-punctuation.txt": b"!!! ??? ... ,,, ;;;\n" * 10,
    "pickle.txt": pickle.dumps({"a": 1}),
}
BAD_VECTORS = {
    "empty.txt": b"",
    "header-only.txt": b"5 3\n",
    "truncated.txt": GOOD_VECTORS[: len(GOOD_VECTORS) // 2],
    "letters.txt": b"2 3\nking a b c\nqueen 0.1 0.2 0.3\n",
    "nan.txt": b"2 3\nking nan 0.2 0.3\nqueen 0.1 0.2 0.3\n",
    "not-utf8-word.txt": b"2 3\n\xff\xfe 0.1 0.2 0.3\nqueen 0.1 0.2 0.3\n",
    "binary-junk.bin": bytes(range(256)) * 50,
    "pickle.vec": pickle.dumps(np.zeros((2, 3))),
    "huge-header.txt": b"999999999 999999\nking 0.1\n",
    "duplicate.txt": b"2 3\nking 0.1 0.2 0.3\nking 0.3 0.2 0.1\n",
}


def alert_text(page) -> str:
    return "\n".join(page.get_by_test_id("stAlert").all_inner_texts())


def assert_zh_message(page, name: str) -> None:
    text = alert_text(page)
    assert text.strip(), f"{name}: no message shown"
    assert CJK.search(text), f"{name}: message not in Chinese: {text[:200]}"
    assert "Traceback" not in page.get_by_test_id("stMain").inner_text()
    assert page.get_by_test_id("stException").count() == 0, f"{name}: exception box"


def test_training_lab_bad_corpus_files(new_page, goto, assert_clean):
    page = new_page(locale="zh-CN")
    goto(page, "training-lab", lang="zh", corpus="custom", epochs=2, min_count=1)
    for name, data in BAD_CORPORA.items():
        upload(page, 0, name, data)
        no_live_payload(page)
        assert_zh_message(page, name)
    upload(page, 0, "good.txt", GOOD_CORPUS)
    from w2v_core.text import Vocab, split_sentences

    distinct = len(Vocab.from_sentences(split_sentences(GOOD_CORPUS.decode()), min_count=1))
    assert f"{distinct} 个不同的词" in page.get_by_test_id("stMain").inner_text(), "statistics of the good file"
    assert_clean(page)


def test_projector_bad_vectors_files(new_page, goto, assert_clean):
    page = new_page(locale="zh-CN")
    goto(page, "projector", lang="zh", source="upload", colour="none", search="")
    for name, data in BAD_VECTORS.items():
        upload(page, 0, name, data)
        no_live_payload(page)
        assert_zh_message(page, name)
    upload(page, 0, "good.txt", GOOD_VECTORS)
    page.get_by_test_id("stPlotlyChart").first.wait_for(timeout=20_000)
    assert not page.get_by_test_id("stAlert").filter(has_text="word2vec").count(), alert_text(page)
    assert_clean(page)


def test_projector_wrong_dimension_count(new_page, goto, assert_clean):
    """A text vectors file with a short line is refused with a message (not read as binary garbage)."""
    page = new_page(locale="zh-CN")
    goto(page, "projector", lang="zh", source="upload", colour="none", search="")
    upload(page, 0, "wrong-dim.txt", b"2 3\nking 0.1 0.2\nqueen 0.1 0.2 0.3\n")
    no_live_payload(page)
    assert_zh_message(page, "wrong-dim.txt")
    assert_clean(page)
