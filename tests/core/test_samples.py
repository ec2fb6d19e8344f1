"""samples.py: the datasets the article draws, the subsampling formula and the negative sampler."""
import numpy as np
import pytest

from w2v_core.samples import (NegativeSampler, alias_table, cbow_samples, effective_windows, keep_probability,
                              lm_windows, skipgram_pairs, unigram_distribution)

TOKENS = "thou shalt not make a machine".split()


def test_lm_windows():
    rows = lm_windows(TOKENS, 3)
    assert len(rows) == 4
    assert rows[0] == {"start": 0, "features": ["thou", "shalt"], "label": "not"}
    assert rows[-1] == {"start": 3, "features": ["make", "a"], "label": "machine"}
    assert lm_windows(["a"], 3) == []
    with pytest.raises(ValueError):
        lm_windows(TOKENS, 1)


def test_skipgram_pair_count_and_content():
    pairs = skipgram_pairs(TOKENS, 2)
    # n positions, each with min(pos, 2) + min(n-1-pos, 2) neighbours: 2+3+4+4+3+2
    assert len(pairs) == 18
    assert [(p["input"], p["output"]) for p in pairs[:5]] == [
        ("thou", "shalt"), ("thou", "not"), ("shalt", "thou"), ("shalt", "not"), ("shalt", "make")]
    assert {p["window"] for p in pairs} == {2}


def test_window_larger_than_sentence():
    pairs = skipgram_pairs(["a", "b", "c"], 10)
    assert len(pairs) == 6  # every ordered pair of distinct positions
    samples = cbow_samples(["a", "b", "c"], 10)
    assert [s["context"] for s in samples] == [["b", "c"], ["a", "c"], ["a", "b"]]
    assert cbow_samples(["alone"], 5) == [] and skipgram_pairs(["alone"], 5) == []


def test_cbow_samples():
    s = cbow_samples(TOKENS, 2)
    assert len(s) == len(TOKENS)
    assert s[2] == {"position": 2, "center": "not", "context": ["thou", "shalt", "make", "a"], "window": 2}


def test_effective_windows_shrink_uniform_and_seeded():
    w = effective_windows(60000, 5, True, np.random.default_rng(3))
    assert w.min() == 1 and w.max() == 5
    freq = np.bincount(w, minlength=6)[1:] / w.size
    assert np.allclose(freq, 0.2, atol=0.01)
    assert (effective_windows(50, 5, True, np.random.default_rng(3)) == w[:50]).all()
    assert (effective_windows(7, 4, False) == 4).all()
    with pytest.raises(ValueError, match="window"):
        effective_windows(3, 0, False)


def test_shrunk_windows_give_fewer_pairs():
    rng = np.random.default_rng(0)
    tokens = [str(i) for i in range(200)]
    full, shrunk = skipgram_pairs(tokens, 5), skipgram_pairs(tokens, 5, True, rng)
    assert 0.5 * len(full) < len(shrunk) < 0.7 * len(full)  # mean window 3 of 5
    assert all(abs(int(p["input"]) - int(p["output"])) <= p["window"] for p in shrunk)


def test_keep_probability_matches_gensim_formula_by_hand():
    counts = np.array([1000, 100, 10, 1])
    total = 1111
    t = 1e-2 * total  # 11.11
    expected = [(np.sqrt(1000 / t) + 1) * t / 1000, (np.sqrt(100 / t) + 1) * t / 100, 1.0, 1.0]
    assert np.allclose(keep_probability(counts, 1e-2), expected)
    assert expected[0] < 0.5 and 0 < expected[1] < 1
    assert (keep_probability(counts, 0) == 1).all()
    with pytest.raises(ValueError):
        keep_probability(counts, -1)


def test_unigram_distribution():
    p = unigram_distribution([16, 1], 0.75)
    assert np.allclose(p, [8 / 9, 1 / 9])
    assert np.allclose(unigram_distribution([5, 1, 2], 0.0), 1 / 3)
    with pytest.raises(ValueError):
        unigram_distribution([1, 0])


def test_sampler_frequencies_follow_counts_to_the_075():
    counts = np.array([500, 200, 100, 50, 20, 5, 1])
    sampler = NegativeSampler(counts, 0.75, np.random.default_rng(42))
    expected = counts ** 0.75 / (counts ** 0.75).sum()
    assert np.allclose(sampler.probs, expected)
    n = 200_000
    observed = np.bincount(sampler.draw(n), minlength=len(counts))
    chi2 = (((observed - n * expected) ** 2) / (n * expected)).sum()
    assert chi2 < 22.5  # chi-square, 6 degrees of freedom, p = 0.001
    # and it really distinguishes: the plain unigram distribution is far off
    plain = counts / counts.sum()
    assert (((observed - n * plain) ** 2) / (n * plain)).sum() > 1000


def test_sampler_exclude_and_determinism():
    a = NegativeSampler([5, 3, 2], rng=np.random.default_rng(1)).draw(1000, exclude=0)
    assert len(a) == 1000 and 0 not in a
    b = NegativeSampler([5, 3, 2], rng=np.random.default_rng(1)).draw(1000, exclude=0)
    assert (a == b).all()
    for bad in (-1, 2.5, "3"):
        with pytest.raises(ValueError, match="k must"):
            NegativeSampler([5, 3]).draw(bad)
    with pytest.raises(ValueError, match="excluded"):
        NegativeSampler([5, 3]).draw(3, exclude=[0, 1])


def test_alias_table_reproduces_the_distribution_exactly():
    probs = unigram_distribution([500, 200, 100, 50, 20, 5, 1], 0.75)
    keep, alias = alias_table(probs)
    n = len(probs)
    # the mass each word gets: its own column's kept share plus the shares of columns aliased to it
    mass = keep / 2 ** 32 / n
    np.add.at(mass, alias, (1 - keep / 2 ** 32) / n)
    assert np.allclose(mass, probs, atol=1e-9)
    assert keep.dtype == np.uint64 and (keep <= 2 ** 32).all()
