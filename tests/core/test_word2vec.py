"""word2vec.py: gensim's names, validation, determinism, resumable training and vectors that make sense."""
import numpy as np
import pytest

from w2v_core.word2vec import Word2Vec

CLUSTERS = {
    "animals": ["dog", "cat", "horse", "cow", "sheep", "goat", "pig", "rabbit"],
    "fruits": ["apple", "banana", "mango", "pear", "cherry", "grape", "peach", "plum"],
    "countries": ["france", "china", "brazil", "japan", "kenya", "canada", "india", "egypt"],
}
TEMPLATES = {
    "animals": ["the {} runs in the field", "a {} sleeps near the barn", "my {} eats grass and barks",
                "the farmer feeds the {} at dawn"],
    "fruits": ["i eat a ripe {} every morning", "she peeled the sweet {} slowly", "a juicy {} costs one coin",
               "we picked a fresh {} from the tree"],
    "countries": ["they flew to {} last summer", "the president of {} spoke today", "he was born in {} long ago",
                  "trade with {} grew this year"],
}


def toy_corpus(n=1500, seed=0):
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        topic = list(CLUSTERS)[rng.integers(3)]
        out.append(TEMPLATES[topic][rng.integers(4)].format(rng.choice(CLUSTERS[topic])).split())
    return out


def neighbour_accuracy(model):
    """Share of cluster words whose nearest other cluster word (cosine) is in the same cluster."""
    words = [w for ws in CLUSTERS.values() for w in ws]
    label = {w: c for c, ws in CLUSTERS.items() for w in ws}
    X = model._embedding[[model.vocab.key_to_index[w] for w in words]]  # (24, d), not via wv: no dependency
    X = X / np.linalg.norm(X, axis=1, keepdims=True)
    sims = X @ X.T
    np.fill_diagonal(sims, -np.inf)
    return np.mean([label[words[int(np.argmax(row))]] == label[w] for w, row in zip(words, sims)])


SMALL = dict(vector_size=20, window=3, min_count=1, sample=0, epochs=10)


@pytest.mark.parametrize("sg", [1, 0])
def test_neighbours_fall_in_the_same_cluster(sg):
    model = Word2Vec(toy_corpus(), sg=sg, **SMALL)
    assert neighbour_accuracy(model) >= 0.9
    assert model.loss_history[-1][1] < model.loss_history[0][1]
    untrained = Word2Vec(toy_corpus(), sg=sg, **{**SMALL, "epochs": 0})
    assert neighbour_accuracy(untrained) < 0.7  # the check can fail: random vectors do not pass it


def test_same_seed_same_vectors_other_seed_other_vectors():
    a = Word2Vec(toy_corpus(300), sg=1, **SMALL)
    b = Word2Vec(toy_corpus(300), sg=1, **SMALL)
    c = Word2Vec(toy_corpus(300), sg=1, seed=2, **{k: v for k, v in SMALL.items()})
    assert np.array_equal(a._embedding, b._embedding) and np.array_equal(a.syn1neg, b.syn1neg)
    assert not np.allclose(a._embedding, c._embedding)


@pytest.mark.parametrize("sg", [1, 0])
def test_play_pause_step_gives_the_vectors_of_one_train_call(sg):
    opts = dict(vector_size=10, window=4, min_count=2, sample=1e-2, epochs=3, sg=sg)
    whole = Word2Vec(toy_corpus(200), **opts)
    stepped = Word2Vec(**opts).build_vocab(toy_corpus(200))
    assert stepped.progress == 0 and stepped.min_alpha_yet_reached == stepped.alpha
    assert not stepped.train_chunk(1)
    assert stepped.min_alpha < stepped.min_alpha_yet_reached < stepped.alpha
    n = 1
    while not stepped.train_chunk(37):
        n += 1
        assert 0 < stepped.progress < 1
    assert n > 20 and stepped.progress == 1.0 and np.isclose(stepped.min_alpha_yet_reached, stepped.min_alpha)
    assert np.array_equal(whole._embedding, stepped._embedding)
    assert np.array_equal(whole.syn1neg, stepped.syn1neg)
    assert [w for w, _ in stepped.loss_history] == sorted(w for w, _ in stepped.loss_history)


def test_callback_sees_progress_and_can_stop():
    seen = []
    model = Word2Vec(**SMALL).build_vocab(toy_corpus(300))
    model.train(callback=lambda frac, loss: seen.append((frac, loss)) or len(seen) < 5)
    assert len(seen) == 5 and all(np.isfinite(loss) for _, loss in seen)
    assert [f for f, _ in seen] == sorted(f for f, _ in seen) and 0 < model.progress < 1
    model.train()
    assert model.progress == 1.0


def test_gensim_names_and_defaults():
    m = Word2Vec()
    assert (m.vector_size, m.alpha, m.window, m.min_count, m.sample, m.seed, m.min_alpha, m.sg, m.negative,
            m.ns_exponent, m.cbow_mean, m.epochs, m.shrink_windows, m.hs, m.workers) == \
        (100, 0.025, 5, 5, 1e-3, 1, 0.0001, 0, 5, 0.75, 1, 5, True, 0, 1)
    m = Word2Vec(toy_corpus(100), vector_size=12, min_count=1, epochs=1)
    assert m.syn1neg.shape == (len(m.vocab), 12) and m.syn1neg.dtype == np.float32
    assert m.corpus_count == 100 and m.corpus_total_words == sum(map(len, toy_corpus(100)))
    assert m.vocab.index_to_key[0] == "the"


def test_wv_is_a_keyedvectors_snapshot():
    m = Word2Vec(**SMALL).build_vocab(toy_corpus(300))
    m.train_chunk(2000)
    wv = m.wv
    assert wv.index_to_key == m.vocab.index_to_key and np.array_equal(wv.vectors, m._embedding)
    assert m.wv is wv  # cached while nothing changed
    m.train()
    assert m.wv is not wv and not np.array_equal(wv.vectors, m.wv.vectors)
    assert m.wv.most_similar("dog", topn=1)[0][0] in CLUSTERS["animals"]


@pytest.mark.parametrize("kwargs, match", [
    (dict(window=0), "window"), (dict(vector_size=0), "vector_size"), (dict(alpha=-1), "alpha"),
    (dict(min_count=0), "min_count"), (dict(negative=0), "negative"), (dict(sample=-0.1), "sample"),
    (dict(epochs=-1), "epochs"), (dict(alpha=float("nan")), "alpha"), (dict(window="5"), "window"),
    (dict(vector_size=2.5), "vector_size"), (dict(seed=True), "seed")])
def test_bad_settings_raise_clear_value_errors(kwargs, match):
    with pytest.raises(ValueError, match=match):
        Word2Vec(**kwargs)


def test_hs_is_not_implemented():
    with pytest.raises(NotImplementedError, match="hierarchical softmax"):
        Word2Vec(hs=1)


def test_bad_corpora_raise_clear_value_errors():
    with pytest.raises(ValueError, match="empty"):
        Word2Vec([], min_count=1)
    with pytest.raises(ValueError, match="min_count"):
        Word2Vec([["a", "b"], ["c"]], min_count=5)
    with pytest.raises(ValueError, match="negative=5"):
        Word2Vec([["a", "b", "c", "a"]], min_count=1)
    with pytest.raises(ValueError, match="two words"):
        Word2Vec([[w] for w in "abcdefgh"], min_count=1)
    with pytest.raises(ValueError, match="string"):
        Word2Vec("a plain string", min_count=1)
    with pytest.raises(ValueError, match="build_vocab"):
        Word2Vec().train_chunk(10)
    model = Word2Vec(min_count=1).build_vocab(toy_corpus(50))
    for bad in (0, -5, 2.5, "10", float("inf")):
        with pytest.raises(ValueError, match="max_words"):
            model.train_chunk(bad)
    assert model.train_chunk(50.0) is False and model.progress > 0


def test_huge_sizes_fail_clearly_or_work():
    with pytest.raises(ValueError, match="too large"):
        Word2Vec(toy_corpus(50), min_count=1, vector_size=10 ** 8)
    model = Word2Vec(toy_corpus(50), min_count=1, window=10 ** 9, vector_size=8, epochs=1)  # = whole sentence
    assert model.progress == 1.0 and np.isfinite(model.syn1neg).all()


def test_huge_learning_rate_raises_instead_of_returning_nan():
    with pytest.raises(ValueError, match="learning rate too high"):
        Word2Vec(toy_corpus(300), alpha=1e30, **{k: v for k, v in SMALL.items() if k != "alpha"})


def test_two_workers_share_the_work_and_learn_as_well():
    model = Word2Vec(toy_corpus(), sg=1, workers=2, **SMALL)
    assert model.progress == 1.0
    assert model.loss_history[-1][0] == model.total_words
    assert neighbour_accuracy(model) >= 0.9


def test_warm_up_runs_the_kernels():
    from w2v_core.word2vec import warm_up
    assert warm_up() > 0


def test_vocabulary_subsampling_and_noise_table_equal_gensims():
    """Same words, counts, subsampling thresholds and noise mass per word as gensim (gensim 4 breaks count ties
    by latest first appearance; the contract asks for first appearance first, so words are compared by name)."""
    gensim_models = pytest.importorskip("gensim.models")
    corpus = toy_corpus(400)
    ours = Word2Vec(min_count=3, sample=1e-2, ns_exponent=0.75).build_vocab(corpus)
    theirs = gensim_models.Word2Vec(min_count=3, sample=1e-2, ns_exponent=0.75, workers=1)
    theirs.build_vocab(corpus)
    words = theirs.wv.index_to_key
    assert sorted(ours.vocab.index_to_key) == sorted(words)
    idx = [ours.vocab.key_to_index[w] for w in words]
    assert ours.vocab.counts[idx].tolist() == [theirs.wv.get_vecattr(w, "count") for w in words]
    sample_ints = np.array([theirs.wv.get_vecattr(w, "sample_int") for w in words])
    assert (sample_ints < 2 ** 32).any()  # some words really are subsampled at sample=1e-2
    assert np.abs(ours._keep_ints[idx].astype(np.int64) - sample_ints).max() <= 1
    mass = lambda cum: np.diff(np.concatenate([[0], cum.astype(np.int64)]))  # noqa: E731
    assert np.abs(mass(ours.cum_table)[idx] - mass(theirs.cum_table)).max() <= 2


@pytest.mark.parametrize("sg", [1, 0])
def test_as_good_as_gensim_on_the_toy_corpus(sg):
    gensim_models = pytest.importorskip("gensim.models")
    opts = dict(SMALL, epochs=2, sample=1e-3)
    ours = Word2Vec(toy_corpus(), sg=sg, **opts)
    theirs = gensim_models.Word2Vec(toy_corpus(), sg=sg, workers=1, **opts)
    theirs.vocab, theirs._embedding = ours.vocab, theirs.wv.vectors[  # read gensim's rows in our word order
        [theirs.wv.key_to_index[w] for w in ours.vocab.index_to_key]]
    assert neighbour_accuracy(ours) >= neighbour_accuracy(theirs) - 0.1
