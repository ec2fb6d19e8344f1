"""Projections: PCA equals scikit-learn's, t-SNE is seeded and clamps perplexity, word axes and k-means behave."""
import numpy as np
import pytest
import sklearn.decomposition as sklearn_decomposition

from w2v_core.keyedvectors import KeyedVectors, UnknownWordError
from w2v_core.projections import kmeans, pca, tsne, umap, unit_rows, word_axes


@pytest.fixture(scope="module")
def X():
    rng = np.random.default_rng(0)
    return (rng.normal(size=(300, 12)) * np.linspace(3, 0.5, 12)).astype(np.float32)  # distinct variances


@pytest.mark.parametrize("k", [2, 3])
def test_pca_matches_sklearn(X, k):
    ours = pca(X, n_components=k)
    ref = sklearn_decomposition.PCA(n_components=k).fit(X.astype(np.float64))
    np.testing.assert_allclose(ours.explained_variance_ratio, ref.explained_variance_ratio_, rtol=1e-8)
    assert ours.explained_variance_ratio.sum() <= 1.0
    assert np.all(np.diff(ours.explained_variance_ratio) <= 0)
    signs = np.sign(np.sum(ours.components * ref.components_, axis=1))  # same axes up to a sign
    np.testing.assert_allclose(ours.components, ref.components_ * signs[:, None], atol=1e-8)
    np.testing.assert_allclose(ours.coords, ref.transform(X.astype(np.float64)) * signs, atol=1e-8)
    np.testing.assert_allclose(ours.project(X[:5]), ours.coords[:5], atol=1e-10)


def test_pca_signs_are_deterministic(X):
    a, b = pca(X), pca(-X[::-1][::-1] * 1.0)  # negated data: same axes, and the sign rule picks the same ones
    for comp in (a.components, b.components):
        assert np.all(comp[np.arange(2), np.argmax(np.abs(comp), axis=1)] > 0)
    np.testing.assert_allclose(a.components, b.components, atol=1e-10)
    np.testing.assert_allclose(a.coords, -b.coords, atol=1e-8)
    full = pca(X, n_components=12)
    assert full.explained_variance_ratio.sum() == pytest.approx(1.0)
    with pytest.raises(ValueError):
        pca(X, n_components=13)
    with pytest.raises(ValueError):
        pca([[np.nan, 1.0]])


def test_tsne_shape_determinism_and_progress(X):
    calls = []
    a = tsne(X[:60], perplexity=10, max_iter=250, seed=3, progress=lambda *c: calls.append(c))
    b = tsne(X[:60], perplexity=10, max_iter=250, seed=3)
    assert a.coords.shape == (60, 2) and a.perplexity == 10 and a.note == ""
    np.testing.assert_array_equal(a.coords, b.coords)  # counting the steps changes no number
    assert calls[0] == (0.0, 0, 250) and calls[-1] == (1.0, 250, 250)
    steps = [step for _, step, _ in calls]
    assert len(calls) >= 20 and steps == sorted(steps), "progress is reported while the gradient steps run"
    assert all(abs(frac - step / 250) < 1e-9 for frac, step, _ in calls)
    assert not np.allclose(a.coords, tsne(X[:60], perplexity=10, max_iter=250, seed=4).coords)  # seed matters
    p3, p4 = (tsne(X[:60], perplexity=10, max_iter=250, seed=s, init="pca").coords for s in (3, 4))
    np.testing.assert_array_equal(p3, p4)  # a PCA start needs no randomness


def test_tsne_clamps_perplexity(X):
    p = tsne(X[:10], perplexity=30, max_iter=250)
    assert p.perplexity == pytest.approx(3.0) and "30" in p.note and p.coords.shape == (10, 2)
    with pytest.raises(ValueError):
        tsne(X[:3])
    with pytest.raises(ValueError):
        tsne(X[:10], perplexity=0)


def test_word_axes_hand_computed():
    kv = KeyedVectors([[1, 0, 0], [0, 1, 0], [0.5, 0.5, 1], [0, 0, 1]], ["man", "woman", "queen", "old"])
    out = word_axes(kv, ["man", "woman", "queen"], ("man", "woman"), ("man", "old"))
    d = np.array([-1, 1, 0]) / np.sqrt(2)
    np.testing.assert_allclose(out[:, 0], [-1 / np.sqrt(2), 1 / np.sqrt(2), 0.0], atol=1e-6)
    assert out[2, 1] == pytest.approx(np.dot([0.5, 0.5, 1], [-1, 0, 1]) / np.sqrt(1.5) / np.sqrt(2))
    assert word_axes(kv, ["queen"], ("man", "woman"))[0, 1] == 0.0 and np.dot(d, d) == pytest.approx(1)
    with pytest.raises(UnknownWordError):
        word_axes(kv, ["king"], ("man", "woman"))


def test_word_axes_on_glove():
    from w2v_core.glove import load_glove

    kv = load_glove()
    out = word_axes(kv, ["man", "woman", "king", "queen", "he", "she"], ("man", "woman"))
    x = dict(zip(["man", "woman", "king", "queen", "he", "she"], out[:, 0]))
    assert x["woman"] > x["man"] and x["queen"] > x["king"] and x["she"] > x["he"]


def test_kmeans_deterministic_and_relabelled():
    rng = np.random.default_rng(1)
    blobs = np.vstack([rng.normal(c, 0.1, size=(20, 2)) for c in ([0, 0], [5, 5], [0, 5])])
    labels = kmeans(blobs, 3, seed=0)
    assert labels[0] == 0 and set(labels) == {0, 1, 2}
    assert all(len(set(labels[i:i + 20])) == 1 for i in (0, 20, 40))  # each blob is one cluster
    np.testing.assert_array_equal(labels, kmeans(blobs, 3, seed=0))
    with pytest.raises(ValueError):
        kmeans(blobs, 61)


@pytest.mark.parametrize("name", ["keyedvectors", "glove", "io", "projections"])
def test_docstring_examples_run(name):
    import doctest
    import importlib

    module = importlib.import_module(f"w2v_core.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert name == "glove" or result.attempted > 0


def test_tsne_progress_of_concurrent_fits_stays_apart(X):
    """Two sessions fitting at once (two threads): each progress bar sees only its own steps."""
    import threading

    seen = {1: [], 2: []}
    done = {}

    def fit(n, iters):
        done[n] = tsne(X[:40], perplexity=5, max_iter=iters, seed=n, progress=lambda *c: seen[n].append(c))

    threads = [threading.Thread(target=fit, args=(1, 250)), threading.Thread(target=fit, args=(2, 500))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for n, total in ((1, 250), (2, 500)):
        steps = [step for _, step, tot in seen[n] if tot == total]
        assert len(steps) == len(seen[n]) and steps == sorted(steps) and steps[-1] == total
        assert max(steps[1:-1]) <= total  # never counts the other thread's steps
    np.testing.assert_array_equal(done[1].coords, tsne(X[:40], perplexity=5, max_iter=250, seed=1).coords)


def test_tsne_progress_falls_back_to_start_and_end_without_the_hook(X, monkeypatch):
    """If a future scikit-learn renames its objective, the hook is not installed: the map and the two end points
    of the progress remain."""
    from w2v_core import projections

    expected = tsne(X[:30], perplexity=5, max_iter=250, seed=1).coords
    monkeypatch.setattr(projections, "_install_step_hook", lambda: False)
    calls = []
    got = tsne(X[:30], perplexity=5, max_iter=250, seed=1, progress=lambda *c: calls.append(c))
    assert calls == [(0.0, 0, 250), (1.0, 250, 250)]
    np.testing.assert_array_equal(got.coords, expected)


def test_unit_rows_scale_to_length_one_and_keep_zero_rows():
    rows = unit_rows([[3.0, 4.0], [0.0, 0.0], [-2.0, 0.0]])
    np.testing.assert_allclose(rows, [[0.6, 0.8], [0.0, 0.0], [-1.0, 0.0]])
    rng = np.random.default_rng(1)
    X = rng.normal(size=(30, 6)) * rng.uniform(0.1, 9, size=(30, 1))  # very different lengths
    U = unit_rows(X)
    np.testing.assert_allclose(np.linalg.norm(U, axis=1), 1.0)
    # on unit rows squared distance = 2 - 2 cos: Euclidean neighbours are the cosine neighbours
    cos = (X @ X.T) / np.outer(np.linalg.norm(X, axis=1), np.linalg.norm(X, axis=1))
    d2 = ((U[:, None, :] - U[None, :, :]) ** 2).sum(-1)
    np.testing.assert_allclose(d2, 2 - 2 * cos, atol=1e-12)


def test_umap_is_reproducible_with_a_seed(X):
    # Small on purpose: the first UMAP fit in a process compiles numba code (~10-15 s for this path).
    a = umap(X[:80], n_neighbors=10, min_dist=0.1, seed=4)
    b = umap(X[:80], n_neighbors=10, min_dist=0.1, seed=4)
    c = umap(X[:80], n_neighbors=10, min_dist=0.1, seed=5)
    assert a.coords.shape == (80, 2) and np.isfinite(a.coords).all() and a.note == ""
    np.testing.assert_array_equal(a.coords, b.coords)
    assert not np.allclose(a.coords, c.coords)  # the seed matters
    assert umap(X[:80], n_components=3, seed=4).coords.shape == (80, 3)
    tiny = umap(X[:6], n_neighbors=15, seed=1)
    assert tiny.coords.shape == (6, 2) and "lowered" in tiny.note
    with pytest.raises(ValueError):
        umap(X[:3])
