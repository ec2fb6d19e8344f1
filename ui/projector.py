"""Page 8's Streamlit side: where the vectors come from, cached projections, and the scatter figure (no math here)."""
from __future__ import annotations

import hashlib
import html
import threading
from collections import OrderedDict

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from w2v_core import projections

MAX_UPLOAD_BYTES = 50_000_000  # an uploaded word2vec file (text or binary)
MAX_WORDS = 20_000  # words shown at most (GloVe N, or the first words of a file)
TSNE_MAX = 3_000  # t-SNE runs on at most this many words (the most frequent ones; ~5 s per 1,000)
PCA_COMPONENTS = 10  # computed once; the learner picks which ones to plot
GREY = "#b0b0b0"
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
           "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1",
           "#636363", "#9c9ede"]


def load_upload(data: bytes):
    """A KeyedVectors from an uploaded word2vec file, parsed once per session (strict parser, size-limited).

    Raises w2v_core.io.VectorsFormatError (a ValueError) with line numbers; the page shows it translated.
    """
    digest = hashlib.sha1(data).hexdigest()[:16]
    cache = st.session_state.setdefault("p8_upload_cache", {})
    if digest not in cache:
        from w2v_core.io import load_word2vec_format

        # The byte limit bounds the size; a longer file is read whole, then its first MAX_WORDS are shown.
        # no_header=None also accepts GloVe-style text (no "<count> <dimensions>" line).
        kv = load_word2vec_format(data, binary=None, max_bytes=MAX_UPLOAD_BYTES, max_words=5_000_000,
                                  no_header=None)
        if len(kv) > MAX_WORDS:
            kv = kv.subset(MAX_WORDS)
        cache.clear()  # one uploaded file per session
        cache[digest] = kv
    return cache[digest], f"upload:{digest}"


# ------------------------------------------------------------------------- cached projections (per settings)
# `key` names the vectors (source + digest + N); the matrix itself (`_X`) is not hashed: hashing 20,000 rows on
# every rerun would cost more than the projection is worth caching.
@st.cache_data(max_entries=16, show_spinner=False)
def pca(key: str, _X: np.ndarray):
    return projections.pca(_X, n_components=min(PCA_COMPONENTS, _X.shape[1], _X.shape[0]))


TSNE_KEEP = 16  # t-SNE maps kept per server (each is only n x 2 numbers)
_tsne_lock = threading.Lock()


@st.cache_resource(show_spinner=False)
def _tsne_maps() -> OrderedDict:
    """t-SNE maps by settings, shared by every session (read-only arrays), least recently used dropped first.

    A plain store and not st.cache_data: the fit reports its progress to the page, and st.cache_data would record
    those ~50 progress-bar updates and replay them on every later rerun that finds the map in its cache.
    """
    return OrderedDict()


def tsne(key: str, perplexity: float, max_iter: int, seed: int, X: np.ndarray, progress=None):
    """The t-SNE map of `X` (named by `key`) for these settings: computed once per server, then reused."""
    settings = (key, perplexity, max_iter, seed)
    maps = _tsne_maps()
    with _tsne_lock:
        if settings in maps:
            maps.move_to_end(settings)
            return maps[settings]
    proj = projections.tsne(X, perplexity=perplexity, max_iter=max_iter, seed=seed, progress=progress)
    proj.coords.setflags(write=False)  # shared between sessions: nobody may change it
    with _tsne_lock:
        maps[settings] = proj
        while len(maps) > TSNE_KEEP:
            maps.popitem(last=False)
    return proj


@st.cache_data(max_entries=16, show_spinner=False)
def kmeans(key: str, k: int, seed: int, _X: np.ndarray):
    return np.asarray(projections.kmeans(_X, k, seed))


def parse_pair(text: str) -> tuple[str, str] | None:
    """'man woman' or 'man -> woman' or 'man,woman' -> ('man', 'woman'); anything else -> None."""
    parts = [p for p in text.replace("->", " ").replace("→", " ").replace(",", " ").replace("，", " ").split() if p]
    return (parts[0].lower(), parts[1].lower()) if len(parts) == 2 else None


def parse_groups(text: str, limit: int = 20) -> dict[str, list[str]]:
    """Lines 'name: word word ...' -> {name: [words]} (at most `limit` groups, 200 words each)."""
    groups: dict[str, list[str]] = {}
    for line in text.splitlines()[:limit]:
        name, sep, words = line.partition(":") if ":" in line else line.partition("：")
        if not sep:
            continue
        ws = [w.lower() for w in words.replace(",", " ").replace("，", " ").split()][:200]
        if name.strip() and ws:
            groups[name.strip()[:40]] = ws
    return groups


def _colour_marker(codes, size, opacity) -> dict:
    """Colours as integer codes into PALETTE + GREY on a stepped colorscale: plotly validates one number array
    in microseconds, where 5,000 colour strings cost ~0.3 s per rerun."""
    scale = PALETTE + [GREY]
    steps = [[i / (len(scale) - 1), c] for i, c in enumerate(scale)]
    return dict(size=size, color=np.asarray(codes, dtype=np.int16), colorscale=steps, cmin=0,
                cmax=len(scale) - 1, opacity=opacity)


def scatter(coords: np.ndarray, words: list[str], colours, legend: list[tuple[str, str]],
            highlight: dict[str, str], axis_titles: tuple, label_all: bool, labelled=(),
            height: int = 640) -> go.Figure:
    """Every word as a point (hover shows it, escaped); `highlight` words are big and labelled.

    `colours`: one integer per word, an index into PALETTE (len(PALETTE) = grey), or None for one colour.
    """
    n, dims = coords.shape
    safe = np.array([html.escape(w) for w in words], dtype=object)
    colours = np.zeros(n, dtype=np.int16) if colours is None else np.asarray(colours, dtype=np.int16)
    traces, annotations = [], []
    is_3d = dims == 3
    trace = go.Scatter3d if is_3d else go.Scattergl
    base = dict(x=coords[:, 0], y=coords[:, 1], customdata=safe, name="",
                hovertemplate="%{customdata}<extra></extra>", showlegend=False)
    if is_3d:
        base["z"] = coords[:, 2]
    size = 3 if is_3d else (5 if n > 2000 else 7)
    opacity = 0.3 if highlight else 0.75  # a search dims everything else
    if label_all:
        traces.append(trace(**base, mode="markers+text", text=safe, textposition="top center",
                            marker=_colour_marker(colours, size, opacity)))
    else:
        traces.append(trace(**base, mode="markers", marker=_colour_marker(colours, size, opacity)))
    if labelled and not label_all:  # e.g. the words of the learner's groups: bigger, with their label
        index = {w: i for i, w in enumerate(words)}
        idx = [index[w] for w in labelled if w in index]
        lab = dict(x=coords[idx, 0], y=coords[idx, 1], mode="markers+text", text=safe[idx].tolist(),
                   customdata=safe[idx].tolist(), textposition="top center", showlegend=False, name="",
                   hovertemplate="%{customdata}<extra></extra>", textfont=dict(size=13),
                   marker=_colour_marker(colours[idx], size + 4, 0.3 if highlight else 1))
        if is_3d:
            lab["z"] = coords[idx, 2]
        traces.append((go.Scatter3d if is_3d else go.Scatter)(**lab))
    for name, colour in legend:  # legend entries only (no points)
        traces.append((go.Scatter3d if is_3d else go.Scatter)(
            x=[None], y=[None], **({"z": [None]} if is_3d else {}), mode="markers", name=html.escape(name),
            marker=dict(size=10, color=colour)))
    if highlight:
        index = {w: i for i, w in enumerate(words)}
        idx = [index[w] for w in highlight if w in index]
        hl = dict(x=coords[idx, 0], y=coords[idx, 1], mode="markers+text" if is_3d else "markers",
                  text=safe[idx].tolist(), textposition="top center", customdata=safe[idx].tolist(),
                  showlegend=False, name="", hovertemplate="%{customdata}<extra></extra>",
                  textfont=dict(size=15, color="black"),
                  marker=dict(size=9 if is_3d else 13, color=[highlight[words[i]] for i in idx],
                              line=dict(width=1.5, color="black")))
        if is_3d:
            hl["z"] = coords[idx, 2]
        traces.append((go.Scatter3d if is_3d else go.Scatter)(**hl))
        if not is_3d:  # labels on a white box: readable over a cloud of points
            first = idx[:1]  # the searched word: drawn last (on top), bold and larger
            annotations = [
                dict(x=float(coords[i, 0]), y=float(coords[i, 1]), showarrow=False, yshift=16, borderpad=2,
                     text=f"<b>{safe[i]}</b>" if i in first else safe[i], bgcolor="rgba(255,255,255,0.85)",
                     font=dict(size=18 if i in first else 15, color="black"))
                for i in idx[1:] + first]
    layout = dict(height=height, margin=dict(l=10, r=10, t=10, b=10), font=dict(size=14),
                  legend=dict(orientation="h", y=-0.08), hoverlabel=dict(font=dict(size=16)))
    titles = {axis: dict(title=dict(text=text)) for axis, text in zip(("xaxis", "yaxis", "zaxis"), axis_titles)}
    if is_3d:
        layout["scene"] = titles
    else:
        layout.update(xaxis=titles["xaxis"], yaxis=titles["yaxis"], annotations=annotations)
    # One go.Figure call: each add_trace/update_layout call re-validates the whole figure (about 3x slower).
    return go.Figure(data=traces, layout=layout)
