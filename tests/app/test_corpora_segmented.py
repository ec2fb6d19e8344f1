"""Page 7's shipped Chinese corpus comes pre-segmented (assets/corpora/kingdom_zh.words.txt): the file must be
exactly jieba's words of kingdom_zh.txt, and the lab must read it without loading jieba (~80 MB per server)."""
from __future__ import annotations

import subprocess
import sys

from scripts.live_server import ROOT
from ui import lab
from w2v_core.text import split_sentences

PROBE = """
import sys, logging
logging.disable(logging.WARNING)  # st.cache_resource outside a server says so; not what this checks
from ui import lab
corpus = lab.shipped_corpus("kingdom_zh", "word")
print(corpus.n_tokens, corpus.sentences[0], "jieba" in sys.modules)
"""


def test_the_words_file_is_jiebas_segmentation_of_the_corpus():
    for name, words in lab.SEGMENTED.items():
        text = (lab.CORPUS_DIR / lab.CORPORA[name]).read_text(encoding="utf-8")
        lines = (lab.CORPUS_DIR / words).read_text(encoding="utf-8").splitlines()
        assert [line.split(" ") for line in lines] == split_sentences(text, lang="auto", chinese="word"), (
            f"{words} is out of date: run python assets/corpora/make_corpora.py")


def test_the_lab_reads_it_without_loading_jieba():
    run = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    n, *_, loaded = run.stdout.split()
    text = (lab.CORPUS_DIR / "kingdom_zh.txt").read_text(encoding="utf-8")
    assert int(n) == lab.Corpus.from_text(text, "word").n_tokens  # the same corpus as segmenting it here
    assert loaded == "False", run.stdout


def test_characters_still_come_from_the_text():
    corpus = lab.shipped_corpus("kingdom_zh", "char")
    assert all(len(w) == 1 for s in corpus.sentences for w in s if "\u4e00" <= w[0] <= "\u9fff")
