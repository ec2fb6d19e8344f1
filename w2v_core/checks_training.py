"""Answers for the checkpoints of pages 5-8: training samples, one SGNS step, a trained model, a projection.

Like `w2v_core.checks` (pages 1-4): each function turns the numbers a page already shows into the answer of one
question, so the answer follows the page's state and is never written in the text. No streamlit, only numpy.
"""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

from w2v_core.samples import _context_positions

BUCKETS = ("down", "tiny", "small", "big")  # how far a probability moved in one step, see change_bucket


# ---------------------------------------------------------------- page 5: samples from one position
def window_sides(n: int, pos: int, window: int) -> tuple[int, int]:
    """How many words sit inside the window on the left and on the right of position `pos` of `n` words.

    The sentence's ends cut the window short, which is why the first and last words give fewer pairs.

    >>> window_sides(12, 1, 2), window_sides(12, 5, 2), window_sides(3, 2, 5)
    ((1, 2), (2, 2), (2, 0))
    """
    if not 0 <= pos < n or window < 1:
        raise ValueError(f"position {pos} is outside 0..{n - 1} or window {window} < 1")
    return pos - max(0, pos - window), min(n - 1, pos + window) - pos


def sample_views(tokens: Sequence[str], pos: int, window: int) -> dict[str, list[tuple[list[str], list[str]]]]:
    """Four ways to read position `pos` as training samples, each a list of (input words, output words).

    "cbow" is what CBOW really makes (one sample: the context predicts the centre); "pairs" is skip-gram's (one
    pair per context word, centre -> word); "reversed" is CBOW backwards (centre -> all the context at once);
    "wide" is CBOW with one word too many on each side (equal to "cbow" when the sentence ends cut it anyway).

    >>> v = sample_views("thou shalt not make a".split(), 1, 2)
    >>> v["cbow"], v["pairs"][0], v["wide"]
    ([(['thou', 'not', 'make'], ['shalt'])], (['shalt'], ['thou']), [(['thou', 'not', 'make', 'a'], ['shalt'])])
    """
    centre = tokens[pos]
    ctx = [tokens[j] for j in _context_positions(len(tokens), pos, window)]
    wide = [tokens[j] for j in _context_positions(len(tokens), pos, window + 1)]
    return {"cbow": [(ctx, [centre])], "pairs": [([centre], [w]) for w in ctx], "reversed": [([centre], ctx)],
            "wide": [(wide, [centre])]}


# ---------------------------------------------------------------- page 6: one step of SGNS / CBOW
def upcoming_trace(stepper):
    """The step a `sgns_demo.Stepper` shows next: its pending step, else the next one worked out on the side.

    The stepper itself is left as it was (`one_step` returns new matrices). Raises ValueError on overflow.
    """
    from w2v_core.sgns_demo import one_step

    if stepper.phase == "computed":
        return stepper.trace
    return one_step(stepper.embedding, stepper.context, stepper.data, stepper.step, stepper.negative, stepper.alpha,
                    stepper.seed, stepper.ns_exponent, stepper.sg)[2]


def positive_sigmoid(embedding, context, inputs: Sequence[int], target: int) -> float:
    """sigma(h . u_target) with h the mean of the input rows (skip-gram: the one centre row), as the step scores it.

    >>> round(positive_sigmoid(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[2.0, 0.0]]), [0, 1], 0), 4)
    0.7311
    """
    h = np.asarray(embedding, dtype=np.float64)[list(inputs)].mean(axis=0)  # (d,)
    return float(1.0 / (1.0 + np.exp(-h @ np.asarray(context, dtype=np.float64)[int(target)])))


def change_bucket(before: float, after: float, edges: tuple[float, float] = (0.001, 0.01)) -> str:
    """How far a probability moved: "down", or up by less than edges[0] ("tiny"), less than edges[1] ("small"),
    or more ("big").

    >>> [change_bucket(0.5, x) for x in (0.4, 0.5, 0.5005, 0.505, 0.6)]
    ['down', 'tiny', 'tiny', 'small', 'big']
    """
    diff = after - before
    if diff < 0:
        return "down"
    return "tiny" if diff < edges[0] else "small" if diff < edges[1] else "big"


# ---------------------------------------------------------------- page 7: a trained model
def closer(kv, anchor: str, a: str, b: str) -> tuple[str, float, float]:
    """Which of `a` and `b` has the higher cosine with `anchor`, and both cosines (a tie goes to `a`)."""
    sa, sb = float(kv.similarity(anchor, a)), float(kv.similarity(anchor, b))
    return (a if sa >= sb else b), sa, sb


# ---------------------------------------------------------------- page 8: a projection
def group_means(coord, words: Sequence[str], groups: Mapping[str, Sequence[str]]) -> dict[str, float]:
    """Mean coordinate (e.g. on PC1) of each group's words that are on the map; groups with none are left out.

    >>> group_means([1.0, -2.0, 3.0], ["a", "b", "c"], {"x": ["a", "c"], "y": ["b", "zz"], "z": ["zz"]})
    {'x': 2.0, 'y': -2.0}
    """
    where = {w: i for i, w in enumerate(words)}
    coord = np.asarray(coord, dtype=np.float64)  # (n,)
    out = {}
    for name, ws in groups.items():
        rows = [where[w] for w in ws if w in where]
        if rows:
            out[name] = float(coord[rows].mean())
    return out
