"""w2v_core.viewbox: the box a search centres the projector on, by hand in 2-D and 3-D."""
import doctest

import numpy as np

from w2v_core import viewbox
from w2v_core.viewbox import centred_box


def test_doctests():
    result = doctest.testmod(viewbox)
    assert result.failed == 0 and result.attempted > 0


def test_3d_box_by_hand_holds_the_neighbours_with_a_margin():
    # word at (1, 2, 3); the farthest neighbour is 2 away on y: half side 2 * 1.35 = 2.7 (over 0.15 * 10 = 1.5)
    lo, hi = centred_box([[1, 2, 3], [2, 2, 3], [1, 0, 3]], span=10)
    assert np.allclose(lo, [-1.7, -0.7, 0.3]) and np.allclose(hi, [3.7, 4.7, 5.7])
    assert np.allclose((lo + hi) / 2, [1, 2, 3])  # the word is the centre on every axis


def test_2d_box_never_zooms_in_past_the_share_of_the_map():
    # neighbour 1 away: 1.35 by the margin, but the map spans 100, so the floor 0.15 * 100 = 15 wins
    lo, hi = centred_box([[0, 5], [1, 5]], span=100)
    assert np.allclose(lo, [-15, -10]) and np.allclose(hi, [15, 20])


def test_word_alone_gets_the_floor_and_never_an_empty_box():
    lo, hi = centred_box([[4, 4, 4]], span=2)  # no neighbours: 0.15 * 2 = 0.3
    assert np.allclose(hi - lo, 0.6)
    lo, hi = centred_box([[4, 4]], span=0)  # a map of one point: still a box, not a zero range
    assert (hi > lo).all()
