"""w2v_core.neighbours: Euclidean neighbours by hand on a tiny case, the cosine path is gensim's most_similar."""
import doctest

import numpy as np
import pytest

from w2v_core import neighbours
from w2v_core.keyedvectors import KeyedVectors


def test_doctests():
    assert doctest.testmod(neighbours).failed == 0


def test_euclidean_counts_length_cosine_does_not():
    # "long" points the same way as "a" but is 10 times longer: cosine 1, distance 9
    kv = KeyedVectors([[1, 0], [10, 0], [0.8, 0.6]], ["a", "long", "tilted"])
    assert neighbours.nearest(kv, "a", topn=2, metric="cosine")[0][0] == "long"
    (first, d1), (second, d2) = neighbours.nearest(kv, "a", topn=2, metric="euclidean")
    assert (first, second) == ("tilted", "long")
    assert d1 == pytest.approx(np.hypot(0.2, 0.6)) and d2 == pytest.approx(9.0)
    assert neighbours.nearest(kv, "a", topn=5, metric="euclidean", restrict_vocab=2) == [("long", pytest.approx(9.0))]
    with pytest.raises(ValueError):
        neighbours.nearest(kv, "a", metric="manhattan")
