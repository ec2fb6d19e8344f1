"""A word's nearest neighbours by cosine (gensim's `most_similar`) or by Euclidean distance, side by side.

Cosine compares directions only; Euclidean distance also counts the vectors' lengths, so the two lists differ
for raw vectors and agree once every vector has length 1 (then :math:`\\lVert a - b \\rVert^2 = 2 - 2\\cos`).
"""
from __future__ import annotations

import numpy as np

from .keyedvectors import _top

METRICS = ("cosine", "euclidean")


def most_similar_euclidean(kv, key, topn=10, restrict_vocab=None):
    """The ``topn`` words closest to ``key`` by :math:`\\lVert w - v \\rVert` among the first ``restrict_vocab``
    words (all by default), ``key`` left out; ``(word, distance)`` pairs, closest first.

    >>> from w2v_core.keyedvectors import KeyedVectors
    >>> kv = KeyedVectors([[1, 0], [10, 0], [0, 1]], ["a", "far", "b"])
    >>> [w for w, _ in most_similar_euclidean(kv, "a", topn=2)]
    ['b', 'far']
    """
    i = kv.get_index(key)
    rows = np.asarray(kv.vectors[: restrict_vocab or len(kv)], dtype=np.float64)  # (n, d)
    dist = np.sqrt(((rows - np.asarray(kv.vectors[i], np.float64)) ** 2).sum(axis=1))  # (n,)
    return [(kv.index_to_key[j], float(dist[j])) for j in _top(-dist, topn, {i})]


def nearest(kv, key, topn=10, metric="cosine", restrict_vocab=None):
    """``(word, score)`` pairs, best first: cosine similarities (``metric="cosine"``) or Euclidean distances."""
    if metric not in METRICS:
        raise ValueError(f"metric must be one of {METRICS}, got {metric!r}")
    if metric == "cosine":
        return kv.most_similar(key, topn=topn, restrict_vocab=restrict_vocab)
    return most_similar_euclidean(kv, key, topn=topn, restrict_vocab=restrict_vocab)
