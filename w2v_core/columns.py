"""Comparing vectors column by column: a rescaled score, cosine terms, shared columns, analogy arithmetic.

The first pages of the lab show these small pieces of arithmetic with their intermediate numbers, so each
function returns every term a page writes into a formula (no streamlit here, only numpy).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def rescale(score: float, lo: float = 0.0, hi: float = 100.0) -> float:
    r"""Map `score` from [lo, hi] onto [-1, 1]: $x' = 2\frac{x - lo}{hi - lo} - 1$ (38/100 -> -0.24).

    >>> rescale(38)
    -0.24
    """
    if hi <= lo:
        raise ValueError("hi must be larger than lo")
    return round(2.0 * (score - lo) / (hi - lo) - 1.0, 12)


@dataclass(frozen=True)
class CosineTerms:
    """Every term of $\\cos\\theta = \\frac{a \\cdot b}{\\|a\\|\\,\\|b\\|}$ for one pair of vectors."""
    products: np.ndarray  # a_i * b_i, one per dimension  (d,)
    dot: float            # sum of the products
    norm_a: float         # ||a|| = sqrt(sum a_i^2)
    norm_b: float
    cos: float            # nan when either vector is all zeros (no direction, no angle)


def cosine_terms(a, b) -> CosineTerms:
    r"""Cosine similarity with its parts: $\cos\theta = \frac{\sum_i a_i b_i}{\sqrt{\sum_i a_i^2}\sqrt{\sum_i b_i^2}}$.

    >>> round(cosine_terms([-0.4, 0.8], [-0.3, 0.2]).cos, 2)
    0.87
    """
    a = np.asarray(a, dtype=np.float64).ravel()  # (d,)
    b = np.asarray(b, dtype=np.float64).ravel()  # (d,)
    if a.shape != b.shape:
        raise ValueError(f"vectors differ in length: {a.size} and {b.size}")
    products = a * b                                                # (d,)
    dot = float(products.sum())
    norm_a, norm_b = float(np.sqrt(a @ a)), float(np.sqrt(b @ b))
    # clip: rounding can push a parallel pair to 1.0000000002
    cos = float(np.clip(dot / (norm_a * norm_b), -1.0, 1.0)) if norm_a > 0 and norm_b > 0 else float("nan")
    return CosineTerms(products, dot, norm_a, norm_b, cos)


@dataclass(frozen=True)
class SharedColumns:
    """Per-dimension scores of how much a group of rows shares a column that the other rows do not."""
    score: np.ndarray   # agree - rest, the ranking key                                    (d,)
    sign: np.ndarray    # +1 where the group leans positive (red), -1 where negative (blue)  (d,)
    agree: np.ndarray   # the weakest group member's value in that direction (<0: they disagree)  (d,)
    rest: np.ndarray    # how far the other rows go the same way on average (0 if none)    (d,)

    def top(self, n: int = 3) -> list[int]:
        """The `n` best dimensions with a positive score, best first."""
        order = np.argsort(-self.score, kind="stable")[:n]
        return [int(j) for j in order if self.score[j] > 0]


def shared_columns(rows, group) -> SharedColumns:
    r"""Find the columns a group of rows (words) has in common and the other rows lack.

    For each dimension $j$, with $s_j$ the sign of the group's mean, $G$ the group and $R$ the other rows:

    $$\text{agree}_j = \min_{i \in G} s_j x_{ij}, \qquad
      \text{rest}_j = \frac{1}{|R|}\sum_{r \in R} \max(0, s_j x_{rj}), \qquad
      \text{score}_j = \text{agree}_j - \text{rest}_j$$

    A column scores high when every group member is far from zero on the same side and the other rows are
    near zero or on the other side (the article's "royalty" column for king and queen, or the blue column
    that every person shares and "water" does not).

    >>> X = [[1.0, 0.9, 0.0], [1.2, -0.8, 0.1], [-1.0, 0.0, 0.1]]
    >>> shared_columns(X, [0, 1]).top(1)
    [0]
    """
    X = np.asarray(rows, dtype=np.float64)                  # (n, d)
    if X.ndim != 2:
        raise ValueError("rows must be a 2-D array (one row per word)")
    g = sorted({int(i) for i in group})
    if not g:
        raise ValueError("the group needs at least one row")
    if g[0] < 0 or g[-1] >= len(X):
        raise ValueError("group index out of range")
    G = X[g]                                                # (|G|, d)
    R = np.delete(X, g, axis=0)                             # (|R|, d)
    sign = np.where(G.mean(axis=0) < 0, -1.0, 1.0)          # (d,)
    agree = (sign * G).min(axis=0)                          # (d,)
    rest = np.clip(sign * R, 0.0, None).mean(axis=0) if len(R) else np.zeros(X.shape[1])  # (d,)
    return SharedColumns(agree - rest, sign, agree, rest)


def analogy_vector(positive, negative=()) -> np.ndarray:
    r"""The raw arithmetic of an analogy, column by column: $\sum_{p} x_p - \sum_{n} x_n$ (king - man + woman).

    This is the vector the article draws; gensim's `most_similar` ranks words by cosine with the mean of the
    *unit-length* inputs instead (so a long vector does not dominate), which points in a similar direction.

    >>> analogy_vector([[1.0, 2.0], [0.5, 0.0]], [[1.0, 1.0]]).tolist()
    [0.5, 1.0]
    """
    pos = np.asarray(positive, dtype=np.float64).reshape(-1, np.shape(positive)[-1])    # (p, d)
    if len(negative) == 0:
        return pos.sum(axis=0)
    neg = np.asarray(negative, dtype=np.float64).reshape(-1, pos.shape[1])              # (n, d)
    return pos.sum(axis=0) - neg.sum(axis=0)                                           # (d,)
