"""w2v_core.columns against hand-computed cases and an independent cosine (scipy)."""
import doctest

import numpy as np
import pytest
from scipy.spatial.distance import cosine as scipy_cosine_distance

from w2v_core import columns
from w2v_core.columns import analogy_vector, cosine_terms, rescale, shared_columns


def test_doctests():
    assert doctest.testmod(columns).failed == 0


def test_rescale_endpoints_and_article_value():
    assert rescale(0) == -1.0 and rescale(100) == 1.0 and rescale(50) == 0.0
    assert rescale(38) == pytest.approx(-0.24)
    with pytest.raises(ValueError):
        rescale(5, 10, 10)


def test_cosine_terms_by_hand_and_against_scipy():
    t = cosine_terms([-0.4, 0.8], [-0.5, -0.4])
    assert t.dot == pytest.approx(0.2 - 0.32)
    assert t.norm_a == pytest.approx(np.sqrt(0.8)) and t.norm_b == pytest.approx(np.sqrt(0.41))
    assert t.cos == pytest.approx(-0.12 / np.sqrt(0.8 * 0.41))
    rng = np.random.default_rng(0)
    for _ in range(20):
        a, b = rng.normal(size=5), rng.normal(size=5)
        assert cosine_terms(a, b).cos == pytest.approx(1 - scipy_cosine_distance(a, b))


def test_cosine_ignores_length_not_direction():
    a, b = np.array([0.3, -0.7, 0.2]), np.array([0.5, 0.1, -0.4])
    assert cosine_terms(a, 3 * b).cos == pytest.approx(cosine_terms(a, b).cos)
    assert cosine_terms(a, 3 * b).dot == pytest.approx(3 * cosine_terms(a, b).dot)
    assert cosine_terms(a, -b).cos == pytest.approx(-cosine_terms(a, b).cos)


def test_cosine_of_zero_vector_is_nan_and_length_mismatch_raises():
    assert np.isnan(cosine_terms([0, 0], [1, 2]).cos)
    with pytest.raises(ValueError):
        cosine_terms([1, 2], [1, 2, 3])


def test_shared_columns_by_hand():
    X = np.array([[1.0, 0.9, -2.0, 0.5],
                  [1.2, -0.8, -1.5, 0.5],
                  [-1.0, 0.0, -1.0, 0.5],
                  [0.0, 0.0, 0.2, 0.5]])
    sc = shared_columns(X, [0, 1])
    # column 0: agree min(1.0, 1.2)=1.0, rest mean(max(0,-1), max(0,0)) = 0 -> 1.0
    # column 2: sign -1, agree min(2.0, 1.5)=1.5, rest mean(1.0, 0) = 0.5 -> 1.0
    # column 1: the group disagrees in sign -> agree = -0.8
    # column 3: everyone shares it -> 0.5 - 0.5 = 0
    np.testing.assert_allclose(sc.score, [1.0, -0.8 - 0.0, 1.0, 0.0])
    np.testing.assert_array_equal(sc.sign, [1, 1, -1, 1])
    assert sc.top(4) == [0, 2]          # ties keep column order; non-positive scores are left out


def test_shared_columns_whole_list_and_errors():
    X = np.array([[1.0, -1.0], [2.0, 1.0]])
    np.testing.assert_allclose(shared_columns(X, [0, 1]).rest, [0.0, 0.0])
    with pytest.raises(ValueError):
        shared_columns(X, [])
    with pytest.raises(ValueError):
        shared_columns(X, [5])


def test_analogy_vector_is_the_plain_sum_and_difference():
    rng = np.random.default_rng(1)
    k, m, w = rng.normal(size=(3, 50))
    np.testing.assert_allclose(analogy_vector([k, w], [m]), k - m + w)
    np.testing.assert_allclose(analogy_vector([k]), k)
    np.testing.assert_allclose(analogy_vector([k, w], [m, k]), w - m)
