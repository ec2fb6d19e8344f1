"""Page 8's projection step: each method's controls, then its coordinates, with progress where the map will be.

Why the progress goes into the map's own slot: a rerun that has to compute (a new perplexity, n_neighbors, seed,
number of dimensions) replaces the old map at once, so a map never stays on screen beside settings it was not
made with. A map already computed for these settings (kept per server, ui/projector.py) shows without progress.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import streamlit as st

from ui import projector as pj, umap_warm
from ui.i18n import t
from ui.words import md_escape
from w2v_core import projections
from w2v_core.keyedvectors import UnknownWordError

SEED_MAX = 2**31 - 1
PROJECTED = ("pca", "tsne", "umap")  # methods with dimensions, a unit toggle (and a seed, but PCA has none)


def controls(state, ss) -> None:
    """The chosen method's controls (the method radio itself is the page's)."""
    method, w = ss["p8_method"], state.widget
    if method in PROJECTED:
        st.radio(t("p8.dims"), (2, 3), **w("p8_dims"), horizontal=True, format_func=lambda d: f"{d}D")
    if method == "pca":
        comps = list(range(1, pj.PCA_COMPONENTS + 1))
        cc = st.columns(3)
        cc[0].selectbox(t("p8.axis_pc", axis="x"), comps, **w("p8_pcx"))
        cc[1].selectbox(t("p8.axis_pc", axis="y"), comps, **w("p8_pcy"))
        if ss["p8_dims"] == 3:
            cc[2].selectbox(t("p8.axis_pc", axis="z"), comps, **w("p8_pcz"))
    elif method == "tsne":
        st.slider(t("p8.perplexity"), 2, 100, **w("p8_perplexity"), help=t("p8.perplexity_help"))
        st.slider(t("p8.iters"), 250, 2000, **w("p8_iters"), step=50)
        st.slider(t("p8.tsne_n"), 100, pj.TSNE_MAX, **w("p8_tsne_n"), step=100, help=t("p8.tsne_n_help"))
    elif method == "umap":
        st.slider("n_neighbors", 2, 100, **w("p8_neighbors"), help=t("p8.neighbors_help"))
        st.slider("min_dist", 0.0, 0.99, **w("p8_min_dist"), step=0.01, help=t("p8.min_dist_help"))
        st.slider(t("p8.umap_n"), 100, pj.UMAP_MAX, **w("p8_umap_n"), step=100, help=t("p8.umap_n_help"))
    if method in ("tsne", "umap"):
        st.number_input("seed", 0, SEED_MAX, **w("p8_seed"), help=t("p8.seed_help"))
    if method in PROJECTED:
        st.toggle(t("p8.unit"), **w("p8_unit"))
        st.caption(t("p8.unit_why"))
    else:
        st.text_input(t("p8.xpair"), **w("p8_xpair"), help=t("p8.pair_help"))
        st.text_input(t("p8.ypair"), **w("p8_ypair"), help=t("p8.pair_help"))


@dataclass
class Mapped:
    """What the map shows: its words (maybe fewer than asked: t-SNE/UMAP caps), their vectors, their coordinates."""
    key: str  # names these words (source, digest, N, cap): the caches' key
    words: list[str]
    X: np.ndarray  # (n, d) the original vectors (search and colours use these, never the normalised ones)
    coords: np.ndarray  # (n, 2 or 3)
    titles: tuple = ("", "", "")
    note: str = ""  # a caption under the map


def _cap(mapped: Mapped, limit: int, notes, method: str) -> Mapped:
    """The first `limit` words only (t-SNE and UMAP take seconds per thousand words)."""
    if len(mapped.words) <= limit:
        return mapped
    notes.caption(t("p8.cap_words", method=method, n=f"{limit:,}"))
    return Mapped(f"{mapped.key}:{limit}", mapped.words[:limit], mapped.X[:limit], mapped.coords)


def project(ss, kv, key: str, words: list[str], X: np.ndarray, notes, slot) -> Mapped | None:
    """Coordinates for the chosen method; messages go to `notes`, progress to `slot`. None: a message said why."""
    method, dims, seed = ss["p8_method"], int(ss["p8_dims"]), int(ss["p8_seed"])
    m = Mapped(key, words, X, np.zeros((0, 2)))
    if method == "axes":
        return _axes(ss, kv, m, notes)
    if method == "tsne":
        m = _cap(m, int(ss["p8_tsne_n"]), notes, "t-SNE")
    elif method == "umap":
        m = _cap(m, int(ss["p8_umap_n"]), notes, "UMAP")
    unit = bool(ss["p8_unit"])
    vkey = f"{m.key}:unit" if unit else m.key  # the caches' name for the rows actually projected
    rows = projections.unit_rows(m.X) if unit else m.X
    if method == "pca":
        proj = pj.pca(vkey, rows)
        ratio = proj.explained_variance_ratio
        picks = [ss["p8_pcx"], ss["p8_pcy"]] + ([ss["p8_pcz"]] if dims == 3 else [])
        picks = [min(p, proj.coords.shape[1]) for p in picks]
        m.coords = proj.coords[:, [p - 1 for p in picks]]
        m.titles = tuple(f"PC{p} ({100 * ratio[p - 1]:.1f}%)" for p in picks) + ("",)
        m.note = t("p8.explained", pcs=" · ".join(f"PC{i + 1} {100 * r:.1f}%" for i, r in enumerate(ratio)),
                   total=f"{100 * sum(ratio[p - 1] for p in set(picks)):.1f}")
        return m
    if method == "tsne":
        perplexity, iters = float(ss["p8_perplexity"]), int(ss["p8_iters"])

        def _progress(frac: float, step: int, total: int):
            slot.progress(min(1.0, float(frac)), text=t("p8.tsne_running", step=f"{step:,}", total=f"{total:,}"))

        proj = pj.tsne(vkey, perplexity, iters, seed, rows, _progress, dims)
        if proj.note:
            notes.caption(t("p8.tsne_note", perplexity=f"{proj.perplexity:.3g}"))
    else:
        nn, min_dist = int(ss["p8_neighbors"]), float(ss["p8_min_dist"])
        if not pj.cached(("umap", vkey, nn, min_dist, seed, dims)):
            umap_warm.wait(slot)  # the background compile (server start) may still be running
            slot.progress(0.99, text=t("p8.umap_running", n=f"{len(m.words):,}"))
        try:
            proj = pj.umap(vkey, nn, min_dist, seed, rows, dims)
        except ImportError:  # umap-learn missing (a partial install): say how to get it, never a traceback
            slot.empty()
            notes.error(t("p8.umap_missing"))
            return None
        if proj.note:
            notes.caption(t("p8.umap_note", n=f"{len(m.words):,}"))
    name = "t-SNE" if method == "tsne" else "UMAP"
    m.coords, m.titles = proj.coords, tuple(f"{name} {i + 1}" for i in range(dims)) + ("",) * (3 - dims)
    return m


def _axes(ss, kv, m: Mapped, notes) -> Mapped | None:
    """word2viz axes from two word pairs; warnings (not one pair, the same word twice, unknown word) say why not."""
    xp, yp = pj.parse_pair(ss["p8_xpair"]), pj.parse_pair(ss["p8_ypair"])
    if xp is None or yp is None:
        notes.warning(t("p8.pair_bad"))
        return None
    same = [(axis, p[0]) for axis, p in (("x", xp), ("y", yp)) if p[0] == p[1]]
    for axis, word in same:  # word − word is the zero vector: every point would sit at 0 on that axis
        notes.warning(t("p8.pair_same", axis=axis, word=md_escape(word)))
    if same:
        return None
    try:
        m.coords = projections.word_axes(kv, m.words, xp, yp)  # the pair words may lie beyond the first N
    except UnknownWordError as exc:
        notes.warning(t("p8.unknown_word", word=md_escape(exc.word)))
        return None
    m.titles = tuple(html.escape(f"{a} → {b}") for a, b in (xp, yp)) + ("",)  # plotly titles render tags
    return m
