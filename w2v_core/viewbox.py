"""Where a map's view goes when a word is searched: a square (2-D) or cube (3-D) centred on it that holds its
neighbours, the same box in any number of dimensions."""
from __future__ import annotations

import numpy as np

MARGIN = 1.35  # the box reaches this far beyond the farthest neighbour (room for its label)
MIN_SHARE = 0.15  # never zoom in further than 30% of the map's extent: the word's surroundings stay in view


def centred_box(points, span, margin=MARGIN, min_share=MIN_SHARE):
    """The axis ranges ``(lo, hi)`` of a box centred on ``points[0]`` that holds every row of ``points``.

    Half its side is :math:`h = \\max(m \\cdot \\max_{i,j} |p_{ij} - p_{0j}|,\\ s \\cdot \\text{span},\\ 10^{-9})`,
    the same on every axis (a square or a cube, so no axis is stretched). ``span`` is the whole map's largest
    extent; ``points`` (k + 1, dims): the searched word first, then its neighbours.

    >>> lo, hi = centred_box([[1, 2, 3], [2, 2, 3], [1, 0, 3]], span=10)
    >>> lo.round(2).tolist(), hi.round(2).tolist()
    ([-1.7, -0.7, 0.3], [3.7, 4.7, 5.7])
    """
    points = np.atleast_2d(np.asarray(points, dtype=np.float64))  # (k + 1, dims)
    centre = points[0]  # (dims,)
    reach = np.abs(points - centre).max()  # 0 when the word has no neighbours
    half = max(reach * margin, min_share * float(span), 1e-9)
    return centre - half, centre + half
