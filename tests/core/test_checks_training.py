"""w2v_core.checks_training: the answers of pages 5-8's checkpoints against the functions whose numbers they read."""
import doctest

import numpy as np
import pytest

from w2v_core import checks_training, sgns_demo
from w2v_core.checks_training import (change_bucket, closer, group_means, positive_sigmoid, sample_views,
                                      upcoming_trace, window_sides)
from w2v_core.keyedvectors import KeyedVectors
from w2v_core.samples import cbow_samples, skipgram_pairs
from w2v_core.text import split_sentences

TEXT = "Thou shalt not make a machine in the likeness of a human mind.\nAaron ate a taco."


def test_doctests():
    assert doctest.testmod(checks_training).failed == 0


@pytest.mark.parametrize("n", [2, 3, 7])
@pytest.mark.parametrize("window", [1, 2, 5])
def test_window_sides_count_skipgrams_pairs(n, window):
    tokens = [f"w{i}" for i in range(n)]
    pairs = skipgram_pairs(tokens, window)
    for pos in range(n):
        left, right = window_sides(n, pos, window)
        assert left + right == sum(p["position"] == pos for p in pairs)
        assert left <= window and right <= window
    with pytest.raises(ValueError):
        window_sides(n, n, window)


@pytest.mark.parametrize("pos, window", [(0, 1), (1, 2), (5, 3), (11, 2)])
def test_sample_views_cbow_and_pairs_are_what_the_samplers_make(pos, window):
    tokens = "thou shalt not make a machine in the likeness of a mind".split()
    views = sample_views(tokens, pos, window)
    cb = next(s for s in cbow_samples(tokens, window) if s["position"] == pos)
    assert views["cbow"] == [(cb["context"], [cb["center"]])]
    assert views["pairs"] == [([p["input"]], [p["output"]]) for p in skipgram_pairs(tokens, window)
                              if p["position"] == pos]
    assert views["reversed"] == [([cb["center"]], cb["context"])]
    wide = next(s for s in cbow_samples(tokens, window + 1) if s["position"] == pos)
    assert views["wide"] == [(wide["context"], [cb["center"]])]


@pytest.mark.parametrize("sg", [1, 0])
def test_upcoming_trace_is_the_next_step_and_changes_nothing(sg):
    data = sgns_demo.StepperData.from_sentences(split_sentences(TEXT), window=2)
    sim = sgns_demo.Stepper(data, 4, 2, 0.1, 1957, sg).run(5)
    E, C, step = sim.embedding.copy(), sim.context.copy(), sim.step
    preview = upcoming_trace(sim)
    assert sim.phase == "applied" and sim.step == step
    np.testing.assert_array_equal(sim.embedding, E)
    np.testing.assert_array_equal(sim.context, C)
    shown = sim.next().trace  # what "Next step" computes
    assert upcoming_trace(sim) is shown
    np.testing.assert_array_equal(preview.targets, shown.targets)
    np.testing.assert_allclose(preview.sigmoids, shown.sigmoids)
    # the sigmoid of the true target, read off the matrices before and after the step
    assert positive_sigmoid(sim.embedding, sim.context, shown.inputs, int(shown.targets[0])) == \
        pytest.approx(float(shown.sigmoids[0]), rel=1e-5)
    sim.next()
    after = positive_sigmoid(sim.embedding, sim.context, shown.inputs, int(shown.targets[0]))
    assert after != pytest.approx(float(shown.sigmoids[0]), rel=1e-9)


def test_change_bucket_edges():
    assert [change_bucket(0.5, 0.5 + d) for d in (-1e-9, 0.0, 0.000999, 0.001, 0.00999, 0.01)] == \
        ["down", "tiny", "tiny", "small", "small", "big"]
    assert change_bucket(0.2, 0.25, edges=(0.1, 0.2)) == "tiny"


def test_closer_and_group_means_against_plain_numpy():
    rng = np.random.default_rng(5)
    words = [f"w{i}" for i in range(8)]
    kv = KeyedVectors(rng.normal(size=(8, 6)).astype(np.float32), words)
    for a, b in [("w1", "w2"), ("w3", "w4"), ("w5", "w6")]:
        winner, sa, sb = closer(kv, "w0", a, b)
        assert (sa, sb) == (pytest.approx(kv.similarity("w0", a)), pytest.approx(kv.similarity("w0", b)))
        assert winner == (a if sa >= sb else b)
    coord = rng.normal(size=8)
    means = group_means(coord, words, {"g1": ["w0", "w3", "nope"], "g2": ["w7"], "empty": ["x"]})
    assert means == {"g1": pytest.approx((coord[0] + coord[3]) / 2), "g2": pytest.approx(coord[7])}
