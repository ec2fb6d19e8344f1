"""Page 7's result tabs: probe the trained model, compare two values of one parameter, export (queries: w2v_core's)."""
from __future__ import annotations

import io

import numpy as np
import pandas as pd
import streamlit as st

from ui import lab, lab_runs, lab_trails, tables
from ui.i18n import md, t
from ui.words import md_escape, md_list, parse_words
from w2v_core.keyedvectors import UnknownWordError
from w2v_core.projections import pca

ss = st.session_state
NN_TOPN = 8


def _unknown(exc: UnknownWordError) -> None:
    hint = t("p7.did_you_mean", words=md_list(exc.suggestions)) if exc.suggestions else ""
    st.warning(t("p7.unknown_word", word=md_escape(exc.word)) + " " + hint)


def _neighbours(kv, word: str, topn: int = NN_TOPN) -> list[tuple[str, float]]:
    return [(w, float(s)) for w, s in kv.most_similar(word, topn=topn)]


def results_tab(run: lab_runs.Run, shown: lab_runs.Run | None) -> None:
    if shown is None:
        st.info(t("p7.train_first"))
        return
    if shown is not run:
        st.info(t("p7.showing_previous"))
    kv = shown.kv()
    ss["lab_model"] = {"kv": kv, "key": f"{shown.key}@{shown.words_done()}",  # changes as training moves on
                       "settings": shown.settings, "corpus": ss["p7_corpus"]}

    st.markdown(f"**{t('p7.nn_header')}**")
    st.text_input(t("p7.nn_words"), **lab.STATE.widget("p7_nn_words"))
    words = parse_words(ss["p7_nn_words"], limit=6)
    cols = st.columns(max(1, min(3, len(words))))
    for i, w in enumerate(words):
        with cols[i % len(cols)]:
            try:
                rows = _neighbours(kv, w)
            except UnknownWordError as exc:
                _unknown(exc)
                continue
            st.dataframe(pd.DataFrame(rows, columns=[w, t("p7.cosine")]), hide_index=True, width="stretch",
                         column_config={t("p7.cosine"): st.column_config.NumberColumn(format="%.3f")})

    st.markdown(f"**{t('p7.analogy_header')}**")
    a, b, c, out = st.columns([1, 1, 1, 2])
    a.text_input(t("p7.an_a"), **lab.STATE.widget("p7_an_a"))
    b.text_input(t("p7.an_b"), **lab.STATE.widget("p7_an_b"))
    c.text_input(t("p7.an_c"), **lab.STATE.widget("p7_an_c"))
    wa, wb, wc = (ss[k].strip().lower() for k in ("p7_an_a", "p7_an_b", "p7_an_c"))
    with out:
        if wa and wb and wc:
            try:
                best = kv.most_similar(positive=[wb, wc], negative=[wa], topn=5)
                st.markdown(t("p7.analogy_answer", **{k: md_escape(v) for k, v in
                                                      dict(a=wa, b=wb, c=wc, d=best[0][0]).items()},
                              score=f"{best[0][1]:.3f}"))
                st.caption(" · ".join(f"{md_escape(w)} ({s:.2f})" for w, s in best[1:]))
            except UnknownWordError as exc:
                _unknown(exc)
        else:
            st.caption(t("p7.analogy_hint"))

    st.markdown(f"**{t('p7.odd_header')}**")
    o1, o2 = st.columns([3, 2])
    o1.text_input(t("p7.odd_words"), **lab.STATE.widget("p7_odd"))
    odd = parse_words(ss["p7_odd"], limit=12)
    with o2:
        if len(odd) < 2:
            st.caption(t("p7.odd_hint"))
        else:
            try:
                st.markdown(t("p7.odd_answer", word=md_escape(kv.doesnt_match(odd))))
            except UnknownWordError as exc:
                _unknown(exc)
            except ValueError:
                st.caption(t("p7.odd_hint"))


# One comparison per parameter: its widgets' keys (values A and B), the prefix of its own store/button keys.
COMPARE = {"window": ("cmp", "p7_cmp_a", "p7_cmp_b"), "negative": ("neg", "p7_neg_a", "p7_neg_b")}
CMP_TOPN = 5


def _train_pair(corpus: lab.Corpus, pairs: list, store: dict, words) -> bool:
    """Train both models to the end (those not trained yet); False with a message if the settings are refused."""
    for _, key, s in pairs:
        if key not in store or not store[key].done:
            try:
                run = lab_runs.new_run(key, corpus, s, words=words)
            except ValueError as exc:
                st.error(t("p7.err_settings", detail=str(exc)))
                return False
            run.train_to_end()
            store[key] = run
    for k in [k for k in store if k not in {p[1] for p in pairs}]:
        del store[k]  # keep only the pair on screen
    return True


def _summary(param: str, pairs: list, runs: list, shared: list[int]) -> str:
    """The computed sentence of what changed between A and B: time, final loss, neighbours kept."""
    (va, _, _), (vb, _, _) = pairs
    la, lb = (r.model.loss_history[-1][1] for r in runs)
    ta, tb = (max(r.seconds, 1e-6) for r in runs)
    text = t("p7.cmp_summary", param=param, a=va, b=vb, ratio=f"{tb / ta:.1f}", ta=f"{ta:.2f}", tb=f"{tb:.2f}",
             la=f"{la:.3f}", lb=f"{lb:.3f}")
    if param == "negative":  # the loss sums one term per scored word (1 true + negative): compare it per word
        text += " " + t("p7.cmp_per_word", a=va, b=vb, pa=f"{la / (1 + va):.3f}", pb=f"{lb / (1 + vb):.3f}")
    if shared:
        text += " " + t("p7.cmp_kept", kept=f"{np.mean(shared):.1f}", k=CMP_TOPN, n=len(shared))
    return text


def compare_tab(corpus: lab.Corpus, settings: dict, param: str, map_words) -> None:
    """Two models that differ in one parameter (`param`, a key of COMPARE), same seed: neighbours, loss, time,
    and their word trails side by side."""
    prefix, key_a, key_b = COMPARE[param]
    st.markdown(md(f"p7_compare_{param}" if param != "window" else "p7_compare"))
    c1, c2, c3 = st.columns([1, 1, 3])
    c1.number_input(t(f"p7.{prefix}_a"), 1, 50, **lab.STATE.widget(key_a))
    c2.number_input(t(f"p7.{prefix}_b"), 1, 50, **lab.STATE.widget(key_b))
    if param == "window":  # one box for both comparisons (both tabs are drawn on every run: one key)
        c3.text_input(t("p7.cmp_words"), **lab.STATE.widget("p7_cmp_words"), placeholder=ss.get("p7_nn_words", ""))
    pairs = []
    for value in (ss[key_a], ss[key_b]):
        s = dict(settings, **{param: int(value)})
        pairs.append((int(value), lab_runs.run_key(corpus, s), s))
    store = ss.setdefault(f"p7_{prefix}_runs", {})
    if st.button(t("p7.cmp_run"), key=f"p7_{prefix}_run", type="primary"):
        if not _train_pair(corpus, pairs, store, lambda vocab: map_words(vocab)[0]):
            return
    runs = [store.get(key) for _, key, _ in pairs]
    if not all(r is not None and r.done for r in runs):
        st.caption(t("p7.cmp_hint", param=param))
        return
    if any(r.error for r in runs):
        st.error(t("p7.err_diverged", detail=next(r.error for r in runs if r.error)))
        return
    kva, kvb = runs[0].kv(), runs[1].kv()
    words = parse_words(ss.get("p7_cmp_words") or ss.get("p7_nn_words", ""), limit=10)
    rows, shared = [], []
    for w in (w for w in words if w in kva):
        na = [x for x, _ in kva.most_similar(w, topn=CMP_TOPN)]
        nb = [x for x, _ in kvb.most_similar(w, topn=CMP_TOPN)]
        shared.append(len(set(na) & set(nb)))
        rows.append({t("p7.cmp_word"): w, f"{param}={pairs[0][0]}": ", ".join(na),
                     f"{param}={pairs[1][0]}": ", ".join(nb), t("p7.cmp_shared"): shared[-1]})
    st.markdown(_summary(param, pairs, runs, shared))
    st.dataframe(tables.columns({t("p7.cmp_setting"): [f"{param}={v}" for v, _, _ in pairs],
                                 t("p7.cmp_loss"): [r.model.loss_history[-1][1] for r in runs],
                                 t("p7.cmp_seconds"): [r.seconds for r in runs]}),
                 hide_index=True, width="stretch",
                 column_config={t("p7.cmp_loss"): st.column_config.NumberColumn(format="%.4f"),
                                t("p7.cmp_seconds"): st.column_config.NumberColumn(format="%.2f")})
    if rows:
        st.dataframe(tables.rows(rows), hide_index=True, width="stretch")
    else:
        st.caption(t("p7.cmp_no_words"))
    mw = map_words(kva)[0]
    lab_trails.pair_trails(runs, [f"{param}={v}" for v, _, _ in pairs], mw, lab.group_names(mw, ss["p7_corpus"]),
                           key=f"p7_{prefix}")


# ------------------------------------------------------------------------------------------------ export
def word2vec_text(kv) -> bytes:
    """The vectors in word2vec's text format (a header line, then `word v1 v2 ...`), as gensim reads it."""
    from w2v_core.io import save_word2vec_format

    buf = io.BytesIO()
    save_word2vec_format(kv, buf, binary=False)
    return buf.getvalue()


def projector_files(kv) -> tuple[bytes, bytes]:
    from w2v_core.io import projector_tsv

    vectors, metadata = projector_tsv(kv)
    enc = (lambda s: s.encode("utf-8") if isinstance(s, str) else s)
    return enc(vectors), enc(metadata)


def coords_csv(kv, words: list[str]) -> bytes:
    coords = pca(kv[words], n_components=2).coords
    df = pd.DataFrame({"word": words, "x": coords[:, 0], "y": coords[:, 1]})
    return df.to_csv(index=False).encode("utf-8")


def export_tab(shown: lab_runs.Run | None, map_words) -> None:
    if shown is None:
        st.info(t("p7.train_first"))
        return
    kv = shown.kv()
    st.markdown(md("p7_export"))
    c1, c2, c3, c4 = st.columns(4)
    c1.download_button(t("p7.dl_w2v"), data=lambda: word2vec_text(kv), file_name="vectors.w2v.txt",
                       mime="text/plain", key="p7_dl_w2v", on_click="ignore")
    c2.download_button(t("p7.dl_vectors"), data=lambda: projector_files(kv)[0], file_name="vectors.tsv",
                       mime="text/tab-separated-values", key="p7_dl_vectors", on_click="ignore")
    c3.download_button(t("p7.dl_metadata"), data=lambda: projector_files(kv)[1], file_name="metadata.tsv",
                       mime="text/tab-separated-values", key="p7_dl_metadata", on_click="ignore")
    if shown.settings["vector_size"] >= 2:
        words, _ = map_words(kv)
        c4.download_button(t("p7.dl_coords"), data=lambda: coords_csv(kv, words), file_name="map_2d.csv",
                           mime="text/csv", key="p7_dl_coords", on_click="ignore")
