"""Flatten word vectors for plots: PCA, t-SNE, UMAP, word2viz-style axes from word pairs, and k-means colours."""
from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Projection:
    """2-D/3-D coordinates of the input rows, plus what is needed to explain or extend them.

    ``explained_variance_ratio`` and ``components``/``mean`` are set by :func:`pca` only; ``perplexity`` (the
    value actually used) and ``note`` (why it was changed) by :func:`tsne`.
    """

    coords: np.ndarray  # (n, n_components)
    explained_variance_ratio: np.ndarray | None = None  # (n_components,)
    components: np.ndarray | None = None  # (n_components, d), unit rows
    mean: np.ndarray | None = None  # (d,)
    perplexity: float | None = None
    note: str = ""

    def project(self, Y):
        """Place new rows in the same PCA plane: :math:`(Y - \\mu) W^\\top`."""
        return (np.atleast_2d(np.asarray(Y, np.float64)) - self.mean) @ self.components.T


def _matrix(X, min_rows=1):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[0] < min_rows or not np.isfinite(X).all():
        raise ValueError(f"need a finite 2-D array with at least {min_rows} rows, got shape {X.shape}")
    return X


def pca(X, n_components=2):
    """Principal components: eigenvectors of the scatter matrix :math:`C = (X - \\mu)^\\top (X - \\mu)`.

    Coordinates are :math:`(X - \\mu) V_k` (the top-k eigenvectors); the explained variance ratio of component
    *i* is :math:`\\lambda_i / \\sum_j \\lambda_j`, the same numbers as an SVD or scikit-learn's ``PCA``.
    The d x d eigenproblem (d = 50 for GloVe) keeps 20,000 words well under a second. Each component's
    largest-magnitude loading is made positive, so the picture never flips between reruns.

    >>> p = pca([[0, 0], [1, 1], [2, 2.1]], n_components=1)
    >>> p.coords.shape, round(float(p.explained_variance_ratio[0]), 3)
    ((3, 1), 1.0)
    """
    X = _matrix(X)
    if not 1 <= n_components <= min(X.shape):
        raise ValueError(f"n_components must be between 1 and {min(X.shape)}, got {n_components}")
    mean = X.mean(axis=0)  # (d,)
    centred = X - mean  # (n, d)
    eigvals, eigvecs = np.linalg.eigh(centred.T @ centred)  # ascending; eigvecs columns: (d, d)
    order = np.argsort(eigvals)[::-1][:n_components]
    components = eigvecs[:, order].T  # (k, d)
    pick = np.argmax(np.abs(components), axis=1)
    components *= np.sign(components[np.arange(n_components), pick])[:, None]  # deterministic signs
    total = np.clip(eigvals, 0, None).sum()
    ratio = np.clip(eigvals[order], 0, None) / total if total > 0 else np.zeros(n_components)
    return Projection(centred @ components.T, ratio, components, mean)


# scikit-learn's t-SNE takes no callback. Its optimiser calls the module-level objective ``_kl_divergence_bh``
# once per gradient step, looking the name up at each fit, so one wrapper installed once counts the steps. The
# counter is per thread (each Streamlit session runs in its own thread), so concurrent fits never see each
# other's steps; the numbers computed are unchanged. If scikit-learn renames it, progress falls back to 0 and 1.
_steps = threading.local()
_hook_lock = threading.Lock()


def _install_step_hook() -> bool:
    from sklearn.manifold import _t_sne

    with _hook_lock:
        objective = getattr(_t_sne, "_kl_divergence_bh", None)
        if objective is None:
            return False
        if not getattr(objective, "counts_steps", False):
            def counted(*args, **kwargs):
                tick = getattr(_steps, "tick", None)
                if tick is not None:
                    tick()
                return objective(*args, **kwargs)

            counted.counts_steps = True
            _t_sne._kl_divergence_bh = counted
    return True


@contextlib.contextmanager
def _report_steps(progress, total, every=None):
    """While fitting in this thread, call ``progress(step / total, step, total)`` every ``every`` steps."""
    if not progress or not _install_step_hook():
        yield
        return
    every = every or max(1, total // 50)
    state = {"step": 0}

    def tick():
        state["step"] += 1
        if state["step"] % every == 0:
            progress(min(1.0, state["step"] / total), state["step"], total)

    _steps.tick = tick
    try:
        yield
    finally:
        _steps.tick = None


def tsne(X, perplexity=30.0, max_iter=500, seed=0, progress=None, metric="cosine", init="random", angle=0.8,
         n_components=2):
    """t-SNE (scikit-learn, Barnes-Hut) with a fixed seed, so the same words give the same map.

    Neighbours in the original space get high probability :math:`p_{j|i} \\propto \\exp(-\\lVert x_i -
    x_j\\rVert^2 / 2\\sigma_i^2)` (:math:`\\sigma_i` set by ``perplexity``, roughly the number of neighbours
    each word looks at); the 2-D points are moved until a Student-t similarity matches them. ``metric="cosine"``
    compares directions, like every other query here. ``perplexity`` must be below the number of rows: it is
    lowered to ``(n - 1) / 3`` (at least 1) when needed and ``note`` says so. ``progress(fraction, step, total)``
    is called at the start (0.0), about 50 times while the gradient steps run, and at the end (1.0; a fit may stop
    early when it stops improving). The start is random (``seed`` picks it: same seed, same map; another seed, another
    arrangement of the same clusters); ``init="pca"`` starts from the PCA picture instead and then ignores
    ``seed``. ``angle`` is the Barnes-Hut trade-off: 0.8 (scikit-learn: 0.5) is about twice as fast on 1,000
    words for the same final KL divergence (measured 1.36 vs 1.39 on GloVe). Runs with one native thread
    (``threadpool_limits``, process-wide while it runs): on a busy 2-core server that is several times faster
    than OpenMP threads fighting other sessions for the cores.

    >>> tsne(np.random.default_rng(0).normal(size=(20, 5)), perplexity=30).perplexity
    6.333333333333333
    """
    from sklearn.manifold import TSNE
    from threadpoolctl import threadpool_limits

    X = _matrix(X, min_rows=4)
    n = X.shape[0]
    used, note = float(perplexity), ""
    if not used > 0:
        raise ValueError(f"perplexity must be positive, got {perplexity}")
    if used > (n - 1) / 3:
        used = max(1.0, (n - 1) / 3)
        note = f"perplexity lowered from {perplexity:g} to {used:.3g}: it must stay well below the {n} points"
    total = max(250, int(max_iter))
    if progress:
        progress(0.0, 0, total)
    model = TSNE(n_components=n_components, perplexity=used, max_iter=total, init=init,
                 learning_rate="auto", metric=metric, angle=angle, random_state=seed)
    with threadpool_limits(limits=1), _report_steps(progress, total):
        coords = model.fit_transform(X)  # (n, n_components)
    if progress:
        progress(1.0, total, total)
    return Projection(coords, perplexity=used, note=note)


def unit_rows(X):
    """Every row divided by its length (zero rows stay zero): :math:`x / \\lVert x \\rVert`.

    On unit vectors :math:`\\lVert a - b \\rVert^2 = 2 - 2 \\cos(a, b)`, so a Euclidean method then places
    words by their cosine neighbours, and a word's length (in GloVe, roughly how frequent and specific it is)
    no longer moves it.

    >>> unit_rows([[3, 4], [0, 0]]).tolist()
    [[0.6, 0.8], [0.0, 0.0]]
    """
    X = _matrix(X)
    norms = np.linalg.norm(X, axis=1, keepdims=True)  # (n, 1)
    return X / np.where(norms > 0, norms, 1.0)


def umap(X, n_neighbors=15, min_dist=0.1, seed=0, n_components=2):
    """UMAP (umap-learn): a graph of each word's ``n_neighbors`` nearest (Euclidean) neighbours, laid out in 2-D/3-D.

    Small ``n_neighbors`` keeps local detail, large shows more of the global shape; ``min_dist`` is how tightly
    points may pack. ``seed`` fixes the layout (``random_state`` with one thread: same input, same map).
    ``n_neighbors`` is lowered to ``n - 1`` on tiny inputs and ``note`` says so. The first fit in a process
    compiles numba code (~30-40 s): servers call :func:`warm_umap` in the background first.
    """
    from umap import UMAP  # lazy: importing umap-learn takes 2-17 s

    X = _matrix(X, min_rows=4)
    used, note = int(n_neighbors), ""
    if used > X.shape[0] - 1:
        used = X.shape[0] - 1
        note = f"n_neighbors lowered from {n_neighbors} to {used}: there are only {X.shape[0]} points"
    model = UMAP(n_neighbors=max(2, used), min_dist=float(min_dist), n_components=n_components,
                 random_state=int(seed), n_jobs=1)  # n_jobs=1: reproducible, and fair to the other sessions
    coords = model.fit_transform(X.astype(np.float32))  # (n, n_components)
    return Projection(np.asarray(coords, np.float64), note=note)


def warm_umap(rows=300, seed=0):
    """Fit tiny random data both ways a fit may go (exact neighbours below 4,096 rows, NN-descent above), so
    numba compiles every kernel once; later fits in this process start at once. Seconds spent."""
    import time

    from umap import UMAP

    start = time.perf_counter()
    X = np.random.default_rng(seed).normal(size=(rows, 8)).astype(np.float32)  # (rows, 8)
    for approx in (False, True):
        UMAP(random_state=seed, n_jobs=1, force_approximation_algorithm=approx).fit_transform(X)
    return time.perf_counter() - start


def word_axes(kv, words, x_pair, y_pair=None):
    """word2viz axes: a word's x is its cosine with :math:`\\hat{b} - \\hat{a}` for ``x_pair = (a, b)``.

    A word scores high on the ``man -> woman`` axis when it leans towards "woman". Returns an array (n, 2);
    the y column is 0 when ``y_pair`` is None. Unknown words raise :class:`UnknownWordError`.

    >>> from w2v_core.keyedvectors import KeyedVectors
    >>> kv = KeyedVectors([[1, 0], [0, 1], [0.2, 1]], ["man", "woman", "queen"])
    >>> bool(word_axes(kv, ["queen"], ("man", "woman"))[0, 0] > 0)
    True
    """
    rows = np.vstack([kv.get_vector(w, norm=True) for w in words]) if len(words) else np.zeros((0, kv.vector_size))
    out = np.zeros((len(rows), 2))
    for col, pair in enumerate((x_pair, y_pair)):
        if pair is not None:
            a, b = pair
            direction = kv.get_vector(b, norm=True).astype(np.float64) - kv.get_vector(a, norm=True)  # (d,)
            out[:, col] = kv.cosine_similarities(direction, rows)
    return out


def kmeans(X, k, seed=0):
    """Cluster labels from k-means (scikit-learn, ``n_init=10``, fixed seed: same input, same colours).

    Minimises :math:`\\sum_i \\lVert x_i - c_{\\text{label}(i)} \\rVert^2`. Labels are renumbered by first
    appearance, so row 0 is always cluster 0.

    >>> kmeans([[0, 0], [0, 0.1], [5, 5], [5, 5.1]], k=2).tolist()
    [0, 0, 1, 1]
    """
    from sklearn.cluster import KMeans
    from threadpoolctl import threadpool_limits

    X = _matrix(X)
    if not 1 <= int(k) <= X.shape[0]:
        raise ValueError(f"k must be between 1 and the number of points ({X.shape[0]}), got {k}")
    with threadpool_limits(limits=1):
        labels = KMeans(n_clusters=int(k), n_init=10, random_state=seed).fit_predict(X)
    ids, first = np.unique(labels, return_index=True)
    remap = np.zeros(ids.max() + 1, dtype=int)
    remap[ids[np.argsort(first)]] = np.arange(len(ids))  # old id -> rank of its first appearance
    return remap[labels]
