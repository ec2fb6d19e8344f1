"""Page 8's Streamlit side: where the vectors come from, cached projections, parsing the axis pairs and groups.

The map itself is drawn by `ui/maps.py` `projector_map`; the math is in `w2v_core.projections`.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

import numpy as np
import streamlit as st

from ui.words import parse_words
from w2v_core import projections

MAX_UPLOAD_BYTES = 50_000_000  # an uploaded word2vec file (text or binary)
MAX_WORDS = 20_000  # words shown at most (GloVe N, or the first words of a file)
TSNE_MAX = 3_000  # t-SNE runs on at most this many words (the most frequent ones; ~5 s per 1,000)
UMAP_MAX = 5_000  # UMAP likewise (~5 s for 5,000 once compiled)
PCA_COMPONENTS = 10  # computed once; the learner picks which ones to plot


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


MAPS_KEEP = 16  # t-SNE/UMAP maps kept per server (each is only n x 2 or 3 numbers)
_maps_lock = threading.Lock()


@st.cache_resource(show_spinner=False)
def _maps() -> OrderedDict:
    """t-SNE and UMAP maps by settings, shared by every session (read-only arrays), least recently used dropped first.

    A plain bounded store and not st.cache_data: the fit reports its progress to the page, and st.cache_data would
    record those ~50 progress-bar updates and replay them on every later rerun that finds the map in its cache.
    """
    return OrderedDict()


def cached(settings: tuple) -> bool:
    """Whether the map for these settings is already computed (the page then shows no progress)."""
    with _maps_lock:
        return settings in _maps()


def stored(settings: tuple, compute):
    """The map for `settings` (method, vectors' key, every parameter, seed): `compute()` once per server, then kept."""
    maps = _maps()
    with _maps_lock:
        if settings in maps:
            maps.move_to_end(settings)
            return maps[settings]
    proj = compute()
    proj.coords.setflags(write=False)  # shared between sessions: nobody may change it
    with _maps_lock:
        maps[settings] = proj
        while len(maps) > MAPS_KEEP:
            maps.popitem(last=False)
    return proj


def tsne(key: str, perplexity: float, max_iter: int, seed: int, X: np.ndarray, progress=None, dims: int = 2):
    """The t-SNE map of `X` (named by `key`) for these settings: computed once per server, then reused.

    Euclidean on the rows as given: the page's unit toggle decides whether that means cosine neighbours."""
    return stored(("tsne", key, perplexity, max_iter, seed, dims),
                  lambda: projections.tsne(X, perplexity=perplexity, max_iter=max_iter, seed=seed, progress=progress,
                                           metric="euclidean", n_components=dims))


def umap(key: str, n_neighbors: int, min_dist: float, seed: int, X: np.ndarray, dims: int = 2):
    """The UMAP map of `X` (named by `key`) for these settings: computed once per server, then reused."""
    return stored(("umap", key, n_neighbors, min_dist, seed, dims),
                  lambda: projections.umap(X, n_neighbors=n_neighbors, min_dist=min_dist, seed=seed,
                                           n_components=dims))


@st.cache_data(max_entries=16, show_spinner=False)
def kmeans(key: str, k: int, seed: int, _X: np.ndarray):
    return np.asarray(projections.kmeans(_X, k, seed))


def parse_pair(text: str) -> tuple[str, str] | None:
    """'man woman' or 'man -> woman' or 'man,woman' -> ('man', 'woman'); anything else -> None."""
    # unique=False: "man man" stays two words, so the page can say why the same word twice gives no axis.
    parts = parse_words(text.replace("->", " ").replace("→", " "), limit=3, unique=False)
    return (parts[0], parts[1]) if len(parts) == 2 else None


def parse_groups(text: str, limit: int = 20) -> dict[str, list[str]]:
    """Lines 'name: word word ...' -> {name: [words]} (at most `limit` groups, 200 words each)."""
    groups: dict[str, list[str]] = {}
    for line in text.splitlines()[:limit]:
        name, sep, words = line.partition(":") if ":" in line else line.partition("：")
        if not sep:
            continue
        ws = parse_words(words, limit=200)
        if name.strip() and ws:
            groups[name.strip()[:40]] = ws
    return groups
