"""w2v_core.checks: the checkpoint answers against hand-made cases and the functions whose numbers they summarise."""
import doctest

import numpy as np
import pytest

from w2v_core import checks
from w2v_core.checks import column_choices, compare, rank_of, top_choices, would_top
from w2v_core.columns import cosine_terms, shared_columns


def test_doctests():
    assert doctest.testmod(checks).failed == 0


def test_compare_stretch_and_flip_of_a_cosine():
    a, b = [-0.4, 0.8], [-0.3, 0.2]
    base = cosine_terms(a, b).cos
    assert compare(base, cosine_terms(a, [3 * x for x in b]).cos) == "same"  # length does not change the angle
    assert compare(base, cosine_terms(a, [-x for x in b]).cos) == "down"     # a flip does (base > 0)
    assert compare(-base, base) == "up"
    assert compare(base, cosine_terms(a, [0.0, 0.0]).cos) is None            # no direction, no answer
    assert compare(1.0, 1.0 + 1e-6, tol=1e-3) == "same" and compare(1.0, 1.01, tol=1e-3) == "up"


def test_rank_of_pairs_words_and_missing():
    ranked = [("queen", 0.8), ("throne", 0.7), ("prince", 0.6)]
    assert [rank_of(w, ranked) for w in ("queen", "prince", "king")] == [1, 3, None]
    assert rank_of("b", ["a", "b"]) == 2 and rank_of("a", []) is None


def test_column_choices_hold_the_finders_best_column_and_plausible_decoys():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(5, 12))
    sc = shared_columns(X, [0, 1])
    best, options = column_choices(sc.score, sc.agree, n=4)
    assert best == sc.top(1)[0] and best in options
    assert options == sorted(options) and len(set(options)) == 4
    strongest = [int(j) for j in np.argsort(-sc.agree) if j != best][:3]
    assert set(options) - {best} == set(strongest)  # decoys: where the group agrees most, best left out
    assert all(sc.score[j] <= sc.score[best] for j in options)


def test_top_choices_hide_the_order():
    probs = np.array([0.05, 0.5, 0.1, 0.3, 0.05])
    labels = ["e", "d", "c", "b", "a"]
    best, options = top_choices(probs, labels, n=3)
    assert best == "d" and options == ["b", "c", "d"]
    assert top_choices(probs, labels, n=10)[1] == sorted(labels)


@pytest.mark.parametrize("rows, best, expect", [
    ([{"word": "king", "rank": 1, "cosine": 0.86}, {"word": "woman", "rank": 195, "cosine": 0.5}], "queen", "king"),
    ([{"word": "paris", "rank": 2, "cosine": 0.7}, {"word": "italy", "rank": 2, "cosine": 0.7}], "rome", "rome"),
    ([{"word": "dogs", "rank": 1, "cosine": 0.8}, {"word": "cat", "rank": 1, "cosine": 0.9}], "cats", "cat"),
])
def test_would_top(rows, best, expect):
    assert would_top(rows, best) == expect


def test_odd_one_out_is_gensims_doesnt_match():
    from w2v_core.checks import odd_one_out
    from w2v_core.keyedvectors import KeyedVectors
    rng = np.random.default_rng(7)
    for _ in range(10):
        words = [f"w{i}" for i in range(6)]
        kv = KeyedVectors(rng.normal(size=(6, 8)).astype(np.float32), words)
        sims = np.stack([kv.cosine_similarities(kv[w], kv.vectors) for w in words])
        i, others = odd_one_out(sims)
        assert words[i] == kv.doesnt_match(words)
        assert others[i] == pytest.approx((sims[i].sum() - sims[i, i]) / 5)
    with pytest.raises(ValueError):
        odd_one_out([[1.0, 0.5], [0.5, 1.0]])
