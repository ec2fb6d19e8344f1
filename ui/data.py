"""Shared read-only data for the pages, computed once per server: the GloVe vectors and p3's searches over them,
p4's toy language models, p5's samples.

The cached functions live in this module, not in the pages: a page script runs again on every rerun, and a cache
decorator run there reads its function's source each time (~1 ms).
"""
from __future__ import annotations

import numpy as np
import streamlit as st

from ui.i18n import md, t
from w2v_core.samples import cbow_samples, skipgram_pairs
from w2v_core.softmax_lm import SoftmaxLM
from w2v_core.text import split_sentences

CORPORA = {"en": "p4_corpus", "zh": "p4_corpus_zh"}  # p4's toy corpora (data, not translations)


@st.cache_resource(show_spinner="Loading GloVe 6B 50d (400,000 words) · 正在加载 GloVe 词向量…")
def _load_glove():
    # Imported here so pages that never need GloVe do not pay for it.
    from w2v_core.glove import load_glove

    return load_glove()  # read-only KeyedVectors; never mutate it (every session shares this object)


def glove():
    """The shared GloVe KeyedVectors, or None after telling the user how to install them."""
    try:
        return _load_glove()
    except ImportError:  # GloveMissingError is one: package or data files missing -> say how to install
        st.error(t("common.glove_missing"))
        return None


@st.cache_data(max_entries=512, show_spinner=False)
def analogy(_kv, positive: tuple, negative: tuple, method: str, topn: int):
    """Top `topn` answers over the whole vocabulary, the input words left out (one pass over 400k rows)."""
    search = _kv.most_similar_cosmul if method == "mul" else _kv.most_similar
    return search(positive=list(positive), negative=list(negative), topn=topn)


@st.cache_data(max_entries=512, show_spinner=False)
def input_ranks(_kv, positive: tuple, negative: tuple):
    """For 3CosAdd: where each input word would have ranked had it been allowed (only when asked for)."""
    return _kv.excluded_ranks(list(positive), list(negative))


# The spinner shows only while a model is trained (once per server); both languages, since it is set at import.
@st.cache_resource(show_spinner=f'{t("p4.training", lang="en")} · {t("p4.training", lang="zh")}')
def language_model(left: int, right: int, corpus: str = "en") -> SoftmaxLM:
    """p4's toy corpus' softmax LM, trained once per server with a fixed seed; shared and only ever read."""
    sentences = split_sentences(md(CORPORA[corpus], lang="en"))
    return SoftmaxLM.train(sentences, left=left, right=right, dim=16, epochs=40, lr=0.1, seed=0)


@st.cache_data(max_entries=64)
def samples(tokens: tuple, window: int, shrink: bool, seed: int):
    """p5's CBOW samples and skip-gram pairs, both from the same seeded effective windows (so their counts can be
    compared). -> (cbow, skip-gram)"""
    cb = cbow_samples(list(tokens), window, shrink_windows=shrink, rng=np.random.default_rng(seed))
    sg = skipgram_pairs(list(tokens), window, shrink_windows=shrink, rng=np.random.default_rng(seed))
    return cb, sg
