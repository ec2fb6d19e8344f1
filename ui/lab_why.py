"""Page 7's "why are these two words neighbours?": cosine, corpus windows, shared contexts, cosine over training.

The counting is w2v_core.cooccur's, on the corpus as the trainer sees it (words under min_count left out); this
module caches it per corpus and draws it. Every word shown comes from the learner's corpus: escaped.
"""
from __future__ import annotations

import html

import numpy as np
import pandas as pd
import streamlit as st

from ui import alt, lab, lab_runs
from ui.charts import line_chart
from ui.i18n import t
from ui.lab_trails import history
from ui.words import md_escape
from w2v_core import cooccur
from w2v_core.corpus import encode_corpus

MAX_OPTIONS = 2000  # words offered in the pickers (the most frequent): a custom corpus may have 30,000
N_WINDOWS, N_SHARED = 3, 10
ss = st.session_state


@st.cache_resource(max_entries=4, show_spinner=False)
def _encoded(digest: str, min_count: int, _sentences):
    """The trainer's view of a corpus, (vocab, corpus, offsets), once per corpus text and min_count (read-only)."""
    vocab, corpus, offsets = encode_corpus(_sentences, min_count)
    corpus.setflags(write=False)
    offsets.setflags(write=False)
    return vocab, corpus, offsets


@st.cache_data(max_entries=256, show_spinner=False)
def _counts(digest: str, min_count: int, window: int, word: str, _sentences) -> np.ndarray:
    """(2, V) words before / after `word` within the full window (keyed by the corpus hash, not its text)."""
    vocab, corpus, offsets = _encoded(digest, min_count, _sentences)
    return cooccur.context_counts(corpus, offsets, vocab.key_to_index[word], window, len(vocab))


def _pick(key: str, options: list[str], fallback: str) -> None:
    """A word picker; a linked or leftover word the model does not know gives way to `fallback`, with a note."""
    if ss[key] not in options:
        if ss[key]:
            st.caption(t("p7.unknown_word", word=md_escape(ss[key])))
        lab.STATE.set(key, fallback)
    st.selectbox(t(f"p7.{key.removeprefix('p7_')}"), options, **lab.STATE.widget(key))


def _window_line(vocab, left: list[int], word: str, right: list[int]) -> str:
    words = lambda ids: " ".join(md_escape(vocab.index_to_key[i]) for i in ids)  # noqa: E731
    return f"… {words(left)} **{md_escape(word)}** {words(right)} …"


def reason(vocab, a: str, b: str, ca, cb, near_a, near_b, window: int) -> str:
    """The one computed sentence: the word both most often come right after, and right before.

    `near_a`/`near_b` count the words right next to each (window=1): across the full window the strongest shared
    context of almost any pair is "the" on both sides, which explains nothing; the slot a word fills does.
    `ca`/`cb` (the full window) give how often each stands in the other's windows."""
    left, right = cooccur.closeness_reason(near_a, near_b, exclude=[vocab.key_to_index[a], vocab.key_to_index[b]])
    q = lambda i: md_escape(vocab.index_to_key[i])  # noqa: E731
    kw = dict(a=md_escape(a), b=md_escape(b), window=window)
    if left >= 0 and right >= 0:
        text = t("p7.why_both", left=q(left), right=q(right), **kw)
    elif left >= 0:
        text = t("p7.why_left", left=q(left), **kw)
    elif right >= 0:
        text = t("p7.why_right", right=q(right), **kw)
    else:
        text = t("p7.why_none", **kw)
    mutual = int(ca[:, vocab.key_to_index[b]].sum())  # b within a's windows (the same count seen from b)
    return text + (" " + t("p7.why_mutual", n=mutual) if mutual else "")


def why_tab(run: lab_runs.Run, map_words: list[str]) -> None:
    st.markdown(t("p7.why_intro"))
    kv = run.kv()
    options = kv.index_to_key[:MAX_OPTIONS]
    extra = [w for w in map_words if w not in options[:MAX_OPTIONS]]
    options = options + extra
    c1, c2, c3 = st.columns([2, 2, 1])
    with c1:
        _pick("p7_why_a", options, map_words[0] if map_words else options[0])
    with c2:
        _pick("p7_why_b", options, map_words[1] if len(map_words) > 1 else options[1])
    a, b = ss["p7_why_a"], ss["p7_why_b"]
    if a == b:
        st.info(t("p7.why_same"))
        return
    c3.metric(t("p7.cosine"), f"{kv.similarity(a, b):.3f}")
    s, window, corpus = run.settings, int(run.settings["window"]), run.corpus
    vocab, corpus_ids, offsets = _encoded(corpus.digest, s["min_count"], corpus.sentences)
    ca, cb, near_a, near_b = (_counts(corpus.digest, s["min_count"], win, w, corpus.sentences)
                              for win in (window, 1) for w in (a, b))
    st.markdown(reason(vocab, a, b, ca, cb, near_a, near_b, window))

    st.markdown(f"**{t('p7.why_windows', window=window)}**")
    for col, w in zip(st.columns(2), (a, b)):
        wid = vocab.key_to_index[w]
        col.markdown(t("p7.why_count", word=md_escape(w), n=cooccur.count_of(corpus_ids, wid)))
        for left, right in cooccur.windows(corpus_ids, offsets, wid, window, N_WINDOWS):
            col.markdown(_window_line(vocab, left, w, right))
    st.caption(t("p7.why_windows_how"))

    rows = cooccur.shared_contexts(ca, cb, N_SHARED, exclude=[vocab.key_to_index[a], vocab.key_to_index[b]])
    st.markdown(f"**{t('p7.why_shared')}**")
    if rows:
        st.dataframe(pd.DataFrame([(vocab.index_to_key[i], na, nb, min(na, nb)) for i, na, nb in rows],
                                  columns=[t("p7.why_col_word"), a, b, t("p7.why_col_both")]),
                     hide_index=True, width="stretch")
    else:
        st.caption(t("p7.why_no_shared"))

    done, frames = history(run, [a, b])  # (T,), (T, 2, d)
    norms = np.linalg.norm(frames, axis=2)  # (T, 2)
    cos = np.einsum("td,td->t", frames[:, 0], frames[:, 1]) / np.maximum(norms[:, 0] * norms[:, 1], 1e-12)
    name = html.escape(f"cos({a}, {b})")  # plotly renders HTML in trace names
    fig = line_chart(done, {name: cos.tolist()}, t("p7.why_history"), t("p7.loss_x"), t("p7.cosine"))
    alt.plot(fig, alt.series(t("p7.loss_x"), [f"{d:,}" for d in done[::max(1, len(done) // 6)]],
                             {name: cos[::max(1, len(done) // 6)].tolist()}), key="p7_why_chart")
