"""w2v_core.sgns_demo, the stepper's data: the article's first pair, per-step negatives, batch == single steps."""
import numpy as np
import pytest

from w2v_core import sgns_demo
from w2v_core.samples import skipgram_pairs
from w2v_core.sgns import init_params, sgns_step
from w2v_core.text import split_sentences

TEXT = "Thou shalt not make a machine in the likeness of a human mind.\nAaron ate a taco."


@pytest.fixture(scope="module")
def data():
    return sgns_demo.StepperData.from_sentences(split_sentences(TEXT), window=2)


def test_pairs_are_skipgram_pairs_rotated_to_the_articles_start(data):
    words = data.vocab.index_to_key
    got = [(words[a], words[b]) for a, b in data.pairs]
    sents = split_sentences(TEXT)
    expected = [(p["input"], p["output"]) for s in sents for p in skipgram_pairs(s, 2)]
    assert got[0] == ("not", "thou")
    i = expected.index(("not", "thou"))
    assert got == expected[i:] + expected[:i]
    assert not any(a in ("aaron", "taco") and b in ("thou", "mind") for a, b in got)  # no pair crosses sentences


def test_negatives_are_seeded_per_step_and_avoid_the_pair(data):
    for step in range(200):
        c, o, negs = data.sample(step, 5, seed=3)
        assert len(negs) == 5 and c not in negs and o not in negs
        c2, o2, negs2 = data.sample(step, 5, seed=3)
        np.testing.assert_array_equal(negs, negs2)
    assert not np.array_equal(data.sample(0, 5, 3)[2], data.sample(0, 5, 4)[2]) or \
        not np.array_equal(data.sample(1, 5, 3)[2], data.sample(1, 5, 4)[2])


def test_run_steps_equals_clicking_next(data):
    E, C = init_params(len(data.vocab), 5, 0, context_init="random")
    E1, C1, losses, tr = sgns_demo.run_steps(E, C, data, 7, 30, 3, 0.2, seed=9)
    E2, C2 = E, C
    for s in range(7, 37):
        c, o, negs = data.sample(s, 3, 9)
        E2, C2, tr2 = sgns_step(E2, C2, c, o, negs, 0.2)
    np.testing.assert_array_equal(E1, E2)
    np.testing.assert_array_equal(C1, C2)
    assert losses[-1] == tr2.loss and len(losses) == 30


def test_no_pairs_is_a_clear_error():
    with pytest.raises(ValueError, match="at least two words"):
        sgns_demo.StepperData.from_sentences([["alone"], ["single"]])
    assert sgns_demo.max_negative(3) == 1 and sgns_demo.max_negative(1) == 0


def test_cbow_samples_start_at_not_and_negatives_avoid_the_centre(data):
    words = data.vocab.index_to_key
    ctx, c = data.cbow[0]
    assert words[c] == "not" and [words[i] for i in ctx] == ["thou", "shalt", "make", "a"]
    for step in range(100):
        ctx, c, negs = data.sample_cbow(step, 4, seed=1)
        assert c not in negs and len(negs) == 4
