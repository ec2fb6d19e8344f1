"""Answers for the checkpoints: small pure functions that turn a page's live numbers into the answer to a question.

A checkpoint asks the learner to predict something the page is about to show ("which column do king and queen
share?"). The answer must come from the same numbers the page draws, never from the text, so each question has a
function here that computes it (and the choices it offers) from those numbers. No streamlit, only numpy.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np

UP, SAME, DOWN = "up", "same", "down"


def compare(before: float, after: float, tol: float = 1e-9) -> str | None:
    """Did a value go up, stay the same (within `tol`) or go down? None when either side is undefined (nan).

    >>> compare(0.5, 0.5 + 1e-12), compare(0.5, -0.5), compare(float("nan"), 1.0)
    ('same', 'down', None)
    """
    if math.isnan(before) or math.isnan(after):
        return None
    if abs(after - before) <= tol:
        return SAME
    return UP if after > before else DOWN


def rank_of(word: str, ranked: Sequence) -> int | None:
    """1-based place of `word` in a best-first list of words or (word, score) pairs; None when it is not there.

    >>> rank_of("queen", [("queen", 0.86), ("throne", 0.77)]), rank_of("rome", ["paris"])
    (1, None)
    """
    for i, item in enumerate(ranked, start=1):
        if (item[0] if isinstance(item, tuple) else item) == word:
            return i
    return None


def column_choices(score, agree, n: int = 4) -> tuple[int, list[int]]:
    """The shared-column finder's best column and `n` columns to choose from, in ascending order.

    The other choices are the columns where the group agrees most strongly (largest `agree`) but which rank lower
    because the other words lean the same way too: plausible at a glance, wrong on a closer look.

    >>> column_choices([0.1, 0.9, -0.2, 0.3], [0.8, 1.0, 0.1, 0.4], n=3)
    (1, [0, 1, 3])
    """
    score = np.asarray(score, dtype=float)  # (d,)
    agree = np.asarray(agree, dtype=float)  # (d,)
    best = int(np.argmax(score))
    decoys = [int(j) for j in np.argsort(-agree, kind="stable") if j != best][:n - 1]
    return best, sorted([best, *decoys])


def top_choices(probs, labels: Sequence[str], n: int = 4) -> tuple[str, list[str]]:
    """The most probable label and the `n` most probable ones in alphabetical order (the order gives nothing away).

    >>> top_choices([0.1, 0.6, 0.3], ["a", "c", "b"], n=2)
    ('c', ['b', 'c'])
    """
    order = np.argsort(-np.asarray(probs, dtype=float), kind="stable")[:n]
    return labels[int(order[0])], sorted(labels[int(i)] for i in order)


def would_top(excluded: Sequence[dict], best: str) -> str:
    """Which word would head an analogy's list had the input words been allowed (from `excluded_ranks`).

    An input word whose rank is 1 beats the answer `best`; among several such inputs, the highest cosine wins.
    Otherwise `best` stays first.

    >>> would_top([{"word": "king", "rank": 1, "cosine": 0.86}, {"word": "woman", "rank": 195, "cosine": 0.5}],
    ...           "queen")
    'king'
    """
    winners = [r for r in excluded if r["rank"] == 1]
    return max(winners, key=lambda r: r["cosine"])["word"] if winners else best


def odd_one_out(sims) -> tuple[int, np.ndarray]:
    """The row least like the others in a cosine matrix, and each row's mean cosine with the *other* rows.

    Lowest mean cosine with the others = lowest cosine with the mean of the unit vectors, which is gensim's
    `doesnt_match`; the mean is what a learner can read off a similarity heatmap.

    >>> odd_one_out([[1.0, 0.9, 0.1], [0.9, 1.0, 0.2], [0.1, 0.2, 1.0]])[0]
    2
    """
    S = np.asarray(sims, dtype=float)                                         # (n, n)
    n = len(S)
    if S.shape != (n, n) or n < 3:
        raise ValueError("need a square matrix of at least 3 words")
    others = (S.sum(axis=1) - np.diag(S)) / (n - 1)                           # (n,)
    return int(np.argmin(others)), others
