"""Timings of the vector side of w2v_core: GloVe load, analogy query (ours vs gensim), PCA, t-SNE, suggest().

Run ``python -m benchmarks.bench_vectors`` (or ``python benchmarks/bench_vectors.py``); ``main()`` returns the
figures as a dict for ``benchmarks/run_all.py``. Times are medians of a few runs, in seconds unless named _ms.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from w2v_core.glove import load_glove  # noqa: E402
from w2v_core.projections import kmeans, pca, tsne  # noqa: E402

QUERY = dict(positive=["king", "woman"], negative=["man"], topn=10)
TYPOS = ["qeen", "elephnat", "beijingg", "womann", "computr", "langauge"]


def _median_time(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def _gensim_copy(kv):
    """The same vectors in a gensim 4.4 KeyedVectors (None if gensim is not installed)."""
    try:
        from gensim.models import KeyedVectors as GensimKV
    except ImportError:
        return None
    g = GensimKV(kv.vector_size, count=0)
    g.vectors, g.index_to_key, g.key_to_index = np.array(kv.vectors), list(kv.index_to_key), dict(kv.key_to_index)
    g.fill_norms()
    return g


def _cold_load_seconds():
    """GloVe load in a fresh interpreter, imports of numpy/pyarrow/w2v_core included (a server's first visitor)."""
    code = ("import time; t = time.perf_counter(); from w2v_core.glove import load_glove; load_glove(); "
            "print(time.perf_counter() - t)")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def main(repeat=5) -> dict:
    """Measure and print; returns ``{name: value}``."""
    out = {"glove_load_s": _median_time(load_glove, 3), "glove_cold_start_s": _cold_load_seconds()}
    kv = load_glove()
    ours = kv.most_similar(**QUERY)
    out["analogy_ours_ms"] = 1000 * _median_time(lambda: kv.most_similar(**QUERY), repeat * 4)
    g = _gensim_copy(kv)
    if g is not None:
        assert [w for w, _ in g.most_similar(**QUERY)] == [w for w, _ in ours], "results differ from gensim"
        out["analogy_gensim_ms"] = 1000 * _median_time(lambda: g.most_similar(**QUERY), repeat * 4)
        out["analogy_speed_ratio_ours_over_gensim"] = out["analogy_gensim_ms"] / out["analogy_ours_ms"]
    out["analogy_top1"] = ours[0][0]
    out["pca_20k_s"] = _median_time(lambda: pca(kv.vectors[:20_000]), repeat)
    out["tsne_1k_s"] = _median_time(lambda: tsne(kv.vectors[:1000], perplexity=30, max_iter=500), 1)
    out["kmeans_1k_k8_s"] = _median_time(lambda: kmeans(kv.vectors[:1000], 8), 1)
    fresh = load_glove()  # the first suggest() builds its length buckets: time it separately
    out["suggest_first_ms"] = 1000 * _median_time(lambda: fresh.suggest("qeen"), 1)
    out["suggest_ms"] = 1000 * float(np.mean([_median_time(lambda w=w: kv.suggest(w), repeat) for w in TYPOS]))
    width = max(map(len, out))
    print(f"{'measure':<{width}}  value")
    for name, value in out.items():
        print(f"{name:<{width}}  {value:.3f}" if isinstance(value, float) else f"{name:<{width}}  {value}")
    return out


if __name__ == "__main__":
    main()
