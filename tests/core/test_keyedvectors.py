"""KeyedVectors: hand-computed cosines, agreement with gensim 4.4 on the same vectors, no mutation, errors."""
import threading

import numpy as np
import pytest

from w2v_core.keyedvectors import KeyedVectors, UnknownWordError

gensim_kv = pytest.importorskip("gensim.models.keyedvectors")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # gensim 4.4 cosmul calls init_sims


def to_gensim(kv):
    g = gensim_kv.KeyedVectors(kv.vector_size)
    g.add_vectors(list(kv.index_to_key), np.array(kv.vectors))
    return g


@pytest.fixture(scope="module")
def pair():
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in range(300)]
    kv = KeyedVectors(rng.normal(size=(300, 16)).astype(np.float32), words)
    return kv, to_gensim(kv)


def same(ours, theirs, tol=1e-5):
    assert [w for w, _ in ours] == [w for w, _ in theirs]
    np.testing.assert_allclose([s for _, s in ours], [s for _, s in theirs], atol=tol)


QUERIES = [
    dict(positive=["w1", "w2"], negative=["w3"]),
    dict(positive="w7"),
    dict(positive=["w10"], negative=["w11", "w12"], topn=25),
    dict(positive=["w5", "w6", "w8"], topn=3),
    dict(positive=[("w5", 2.0), "w9"], negative=[("w4", -0.5)], topn=5),
    dict(positive=["w1", "w2"], negative=["w3"], restrict_vocab=50),
]


@pytest.mark.parametrize("query", QUERIES)
def test_most_similar_matches_gensim(pair, query):
    kv, g = pair
    same(kv.most_similar(**query), g.most_similar(**query))


def test_most_similar_with_vectors_and_all_scores(pair):
    kv, g = pair
    v = np.random.default_rng(1).normal(size=16).astype(np.float32)
    same(kv.most_similar(positive=[v, "w3"], topn=8), g.most_similar(positive=[v, "w3"], topn=8))
    same(kv.similar_by_vector(v, topn=5), g.similar_by_vector(v, topn=5))
    np.testing.assert_allclose(kv.most_similar("w4", topn=None), g.most_similar("w4", topn=None), atol=1e-5)


@pytest.mark.parametrize("query", QUERIES[:4])
def test_cosmul_matches_gensim(pair, query):
    kv, g = pair
    same(kv.most_similar_cosmul(**query), g.most_similar_cosmul(**query))


def test_similarity_rank_doesnt_match_match_gensim(pair):
    kv, g = pair
    for a, b in [("w1", "w2"), ("w0", "w299"), ("w5", "w5")]:
        assert kv.similarity(a, b) == pytest.approx(float(g.similarity(a, b)), abs=1e-6)
        assert kv.rank(a, b) == g.rank(a, b)
    assert kv.n_similarity(["w1", "w2"], ["w3"]) == pytest.approx(float(g.n_similarity(["w1", "w2"], ["w3"])), abs=1e-6)
    for group in (["w1", "w2", "w3", "w4"], [f"w{i}" for i in range(20, 40)]):
        assert kv.doesnt_match(group) == g.doesnt_match(group)
    v = kv["w0"]
    np.testing.assert_allclose(kv.cosine_similarities(v, kv.vectors[:10]), g.cosine_similarities(v, g.vectors[:10]),
                               atol=1e-6)


def test_hand_computed_cosines():
    kv = KeyedVectors([[1, 0], [1, 1], [0, 2], [-3, 0]], ["a", "b", "c", "d"])
    assert kv.similarity("a", "b") == pytest.approx(1 / np.sqrt(2))
    assert kv.similarity("a", "d") == pytest.approx(-1.0)
    res = kv.most_similar("a")
    assert [w for w, _ in res] == ["b", "c", "d"]
    assert [s for _, s in res] == pytest.approx([1 / np.sqrt(2), 0.0, -1.0], abs=1e-6)
    # target = unit(b) + c/|c| - a = (0.707-1, 0.707+1) -> normalised
    t = np.array([1 / np.sqrt(2) - 1, 1 / np.sqrt(2) + 1]) / np.linalg.norm([1 / np.sqrt(2) - 1, 1 / np.sqrt(2) + 1])
    (word, score), = kv.most_similar(["b", "c"], ["a"], topn=1)
    assert word == "d" and score == pytest.approx(-t[0], abs=1e-6)
    assert kv.get_vector("c", norm=True).tolist() == [0.0, 1.0]
    assert kv.rank("a", "b") == 1 and kv.rank("a", "d") == 3
    assert kv.most_similar("a", topn=0) == []


def test_excluded_ranks_agree_with_full_scores(pair):
    kv, _ = pair
    pos, neg = ["w1", "w2"], ["w3"]
    scores = kv.most_similar(pos, neg, topn=None)
    ranks = kv.excluded_ranks(pos, neg)
    assert [r["word"] for r in ranks] == ["w1", "w2", "w3"]
    assert [r["sign"] for r in ranks] == ["positive", "positive", "negative"]
    others = np.delete(scores, [1, 2, 3])
    for r in ranks:
        assert r["cosine"] == pytest.approx(float(scores[kv.key_to_index[r["word"]]]))
        assert r["rank"] == 1 + int((others > r["cosine"]).sum())
    assert ranks[0]["rank"] < ranks[2]["rank"]  # a positive input sits near the target, the negative one far


def test_nothing_is_mutated(pair):
    rng = np.random.default_rng(3)
    original = rng.normal(size=(50, 8)).astype(np.float32)
    mine = original.copy()
    kv = KeyedVectors(mine, [f"x{i}" for i in range(50)])
    kv.most_similar(["x1", "x2"], ["x3"]); kv.most_similar_cosmul(["x1"], ["x2"]); kv.doesnt_match(["x1", "x4", "x5"])
    kv.get_vector("x1", norm=True); kv.excluded_ranks("x1"); kv.rank("x1", "x2"); kv.subset(10).most_similar("x3")
    np.testing.assert_array_equal(mine, original)
    np.testing.assert_array_equal(kv.vectors, original)
    assert not kv.vectors.flags.writeable and not kv.get_normed_vectors().flags.writeable
    with pytest.raises(ValueError):
        kv["x1"][0] = 5.0
    assert mine.flags.writeable  # the caller's own array is left writeable


def test_unknown_words_and_bad_input():
    kv = KeyedVectors(np.eye(4), ["queen", "queens", "king", "apple"])
    with pytest.raises(UnknownWordError) as err:
        kv.most_similar(["quen"])
    assert isinstance(err.value, KeyError) and err.value.word == "quen"
    assert err.value.suggestions[0] == "queen" and "quen" in str(err.value) and "queen" in str(err.value)
    with pytest.raises(KeyError):
        kv.similarity("king", "nope")
    with pytest.raises(ValueError):
        kv.most_similar([])
    with pytest.raises(ValueError):
        KeyedVectors(np.eye(2), ["a", "a"])
    with pytest.raises(ValueError):
        KeyedVectors(np.eye(2), ["a"])
    assert kv.suggest("King") == ["king"]
    assert "King" not in kv and "king" in kv
    assert len(kv.subset(2)) == 2 and kv.subset(2).index_to_key == ["queen", "queens"]


def test_normed_vectors_computed_once_across_threads():
    kv = KeyedVectors(np.random.default_rng(0).normal(size=(20000, 50)), [str(i) for i in range(20000)])
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(kv.get_normed_vectors())) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len({id(x) for x in seen}) == 1
    np.testing.assert_allclose(np.linalg.norm(seen[0], axis=1), 1.0, rtol=1e-5)


def test_concurrent_queries_on_one_shared_instance(pair):
    kv = KeyedVectors(np.array(pair[0].vectors), pair[0].index_to_key)  # fresh: norms not computed yet
    expected = pair[0].most_similar(["w1", "w2"], ["w3"])
    results, errors = [], []

    def work():
        try:
            for _ in range(20):
                results.append(kv.most_similar(["w1", "w2"], ["w3"]))
                kv.suggest("w1x")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors and len(results) == 120 and all(r == expected for r in results)
