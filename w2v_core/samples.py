"""The article's datasets: language-model windows, CBOW samples, skip-gram pairs, subsampling, negatives."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def _check_window(window) -> int:
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 1:
        raise ValueError(f"window must be a whole number >= 1, got {window!r}")
    return int(window)


def lm_windows(tokens: Sequence[str], n: int) -> list[dict]:
    """Sliding n-gram windows: the first n-1 words are the features, the n-th is the label to predict.

    >>> lm_windows(["thou", "shalt", "not", "make"], 3)[0]
    {'start': 0, 'features': ['thou', 'shalt'], 'label': 'not'}
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError(f"n must be a whole number >= 2 (n-1 features + 1 label), got {n!r}")
    return [{"start": s, "features": list(tokens[s:s + n - 1]), "label": tokens[s + n - 1]}
            for s in range(len(tokens) - n + 1)]


def effective_windows(n_positions: int, window: int, shrink_windows: bool, rng=None) -> np.ndarray:
    """Window size used at each position: gensim's ``shrink_windows`` draws it uniformly from 1..window.

    This is how word2vec weights near words more: a word at distance d is used with probability
    (window - d + 1) / window. ``rng=None`` means ``np.random.default_rng(0)`` (deterministic).
    """
    window = _check_window(window)
    if not shrink_windows:
        return np.full(n_positions, window, dtype=np.int64)
    rng = np.random.default_rng(0) if rng is None else rng
    return window - rng.integers(0, window, size=n_positions)  # gensim: reduced_windows in 0..window-1


def _context_positions(n: int, pos: int, w: int) -> list[int]:
    return [j for j in range(max(0, pos - w), min(n, pos + w + 1)) if j != pos]


def cbow_samples(tokens: Sequence[str], window: int, shrink_windows: bool = False, rng=None) -> list[dict]:
    """CBOW: the words around each position (the context) predict the word at it (the centre).

    Positions without any context (a one-word sentence) give no sample, as in gensim.
    """
    wins = effective_windows(len(tokens), window, shrink_windows, rng)
    out = []
    for pos, w in enumerate(wins):
        ctx = _context_positions(len(tokens), pos, int(w))
        if ctx:
            out.append({"position": pos, "center": tokens[pos], "context": [tokens[j] for j in ctx],
                        "window": int(w)})
    return out


def skipgram_pairs(tokens: Sequence[str], window: int, shrink_windows: bool = False, rng=None) -> list[dict]:
    """Skip-gram: each centre word (``input``) paired with each word in its window (``output``)."""
    wins = effective_windows(len(tokens), window, shrink_windows, rng)
    return [{"position": pos, "input": tokens[pos], "output": tokens[j], "window": int(w)}
            for pos, w in enumerate(wins) for j in _context_positions(len(tokens), pos, int(w))]


def keep_probability(counts, sample: float) -> np.ndarray:
    r"""Probability that subsampling keeps each occurrence of a word (gensim's and the C tool's formula).

    With :math:`f` the word's count and :math:`t\,N` = ``sample`` x total count,

    .. math:: P_\text{keep}(w) = \min\left(1, \left(\sqrt{\frac{f}{tN}} + 1\right)\frac{tN}{f}\right)

    The paper (Mikolov et al. 2013) writes the *discard* probability :math:`1 - \sqrt{t/f}` (f as a frequency),
    i.e. keep :math:`\sqrt{t/f}`. The C code that the paper's results came from, and gensim after it, use the
    formula above: it keeps more (about :math:`\sqrt{t/f} + t/f`), and keeps every word with frequency below
    about 2.6 t instead of t. ``sample=0`` turns subsampling off (all ones).
    """
    f = np.asarray(counts, dtype=np.float64)  # (V,)
    if not np.isfinite(sample) or sample < 0:
        raise ValueError(f"sample must be >= 0 (0 turns subsampling off), got {sample!r}")
    if sample == 0 or f.size == 0:
        return np.ones_like(f)
    threshold = sample * f.sum()
    return np.minimum(1.0, (np.sqrt(f / threshold) + 1.0) * threshold / f)


def unigram_distribution(counts, ns_exponent: float = 0.75) -> np.ndarray:
    r"""Noise distribution for negative sampling: :math:`P(w) \propto \text{count}(w)^{\alpha}`, alpha=ns_exponent.

    0.75 (the paper's value) flattens it: rare words are drawn more often than their frequency, frequent less.
    0 gives the uniform distribution, 1 the plain unigram one, negative values prefer rare words.
    """
    c = np.asarray(counts, dtype=np.float64)
    if c.size == 0 or (c <= 0).any():
        raise ValueError("counts must be a non-empty array of positive numbers")
    if not np.isfinite(ns_exponent):
        raise ValueError(f"ns_exponent must be a finite number, got {ns_exponent!r}")
    p = c ** ns_exponent  # (V,)
    return p / p.sum()


class NegativeSampler:
    """Draws negative (noise) words from ``unigram_distribution(counts, ns_exponent)``; ``.probs`` to plot it."""

    def __init__(self, counts, ns_exponent: float = 0.75, rng=None):
        self.probs = unigram_distribution(counts, ns_exponent)  # (V,)
        self._cum = np.cumsum(self.probs)
        self._cum[-1] = 1.0  # guard against rounding: every uniform draw lands on a word
        self.rng = np.random.default_rng(0) if rng is None else rng

    def draw(self, k: int, exclude=()) -> np.ndarray:
        """``k`` word ids; ids in ``exclude`` (usually the true target) are redrawn so you always get ``k``."""
        exclude = set(int(e) for e in np.atleast_1d(np.asarray(exclude, dtype=np.int64)))
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 0:
            raise ValueError(f"k must be a whole number >= 0, got {k!r}")
        if exclude and self.probs[list(exclude)].sum() >= 1.0 - 1e-12:
            raise ValueError("every word with non-zero probability is excluded: nothing left to draw")
        out = np.empty(0, dtype=np.int64)
        while out.size < k:
            ids = np.searchsorted(self._cum, self.rng.random(k - out.size), side="right")
            ids = np.minimum(ids, len(self.probs) - 1)
            out = np.concatenate([out, ids[~np.isin(ids, list(exclude))]]) if exclude else ids
        return out


def alias_table(probs) -> tuple[np.ndarray, np.ndarray]:
    """Walker/Vose alias table: draw from ``probs`` in O(1) (the trainer's negatives) instead of a binary search.

    Column i (picked uniformly) holds word i with probability ``keep[i] / 2**32`` and ``alias[i]`` otherwise.
    Returns ``(keep, alias)`` as uint64 thresholds and int64 word ids.
    """
    p = np.asarray(probs, dtype=np.float64)
    n = p.size
    scaled = p * n / p.sum()  # column mass; 1 means "word i fills its column"
    keep, alias = np.ones(n), np.arange(n, dtype=np.int64)
    small = [i for i in range(n) if scaled[i] < 1.0]
    large = [i for i in range(n) if scaled[i] >= 1.0]
    while small and large:
        s, g = small.pop(), large.pop()
        keep[s], alias[s] = scaled[s], g  # the rest of column s goes to the large word g
        scaled[g] -= 1.0 - scaled[s]
        (small if scaled[g] < 1.0 else large).append(g)
    # leftovers are 1 up to rounding: they keep their own column
    return np.minimum(np.round(keep * 2 ** 32), 2 ** 32).astype(np.uint64), alias
