"""Benchmark: our numba Word2Vec against gensim 4.4 on the same corpus and settings: words/second and quality.

Run ``python benchmarks/bench_trainer.py [--quick]``; ``main()`` returns the figures as a dict (for run_all.py).
Corpus: gensim's bundled ``head500.noblanks.cor`` (331k tokens of Porter-stemmed Wikipedia, 500 articles),
repeated ``--repeat`` times. Quality: Spearman on WordSim353 (words stemmed the same way; only pairs in both
vocabularies) and top-10 neighbour overlap with gensim, next to gensim's overlap with itself under another seed
(the noise floor: two gensim runs do not agree perfectly either).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SETTINGS = dict(vector_size=100, window=5, negative=5, sample=1e-3, min_count=5, epochs=5)  # the issue's


def load_corpus(repeat: int = 1) -> list[list[str]]:
    from gensim.test.utils import datapath
    with open(datapath("head500.noblanks.cor"), encoding="utf-8") as f:
        sentences = [line.split() for line in f if line.strip()]
    return sentences * repeat


def wordsim_pairs() -> list[tuple[str, str, float]]:
    """WordSim353 (shipped with gensim), Porter-stemmed like the corpus."""
    from gensim.parsing.porter import PorterStemmer
    from gensim.test.utils import datapath
    stem = PorterStemmer().stem
    out = []
    with open(datapath("wordsim353.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            a, b, score = line.strip().split("\t")
            out.append((stem(a.lower()), stem(b.lower()), float(score)))
    return out


def _unit(M):
    return M / np.maximum(np.linalg.norm(M, axis=1, keepdims=True), 1e-12)


def spearman(vectors, key_to_index, pairs) -> tuple[float, int]:
    from scipy.stats import spearmanr
    U = _unit(vectors)
    found = [(key_to_index[a], key_to_index[b], s) for a, b, s in pairs if a in key_to_index and b in key_to_index]
    sims = [float(U[i] @ U[j]) for i, j, _ in found]
    return float(spearmanr(sims, [s for *_, s in found]).statistic), len(found)


def neighbour_overlap(vec_a, keys_a, vec_b, keys_b, n_words=300, topn=10) -> float:
    """Mean share of the top-``topn`` neighbours the two models agree on, over the ``n_words`` most frequent."""
    words = [w for w in keys_a[:n_words] if w in keys_b]
    ia, ib = {w: i for i, w in enumerate(keys_a)}, {w: i for i, w in enumerate(keys_b)}
    Ua, Ub = _unit(vec_a), _unit(vec_b)
    shares = []
    for w in words:
        na = np.argsort(-(Ua @ Ua[ia[w]]))[1:topn + 1]
        nb = np.argsort(-(Ub @ Ub[ib[w]]))[1:topn + 1]
        shares.append(len({keys_a[i] for i in na} & {keys_b[i] for i in nb}) / topn)
    return float(np.mean(shares))


def time_ours(sentences, sg, seed=1, workers=1):
    from w2v_core.word2vec import Word2Vec
    model = Word2Vec(sg=sg, seed=seed, workers=workers, **SETTINGS).build_vocab(sentences)
    t0, c0 = time.perf_counter(), time.process_time()
    model.train()
    return (time.perf_counter() - t0, model._embedding, model.vocab.index_to_key, model.total_words,
            time.process_time() - c0)


def time_gensim(sentences, sg, workers, seed=1):
    from gensim.models import Word2Vec as GensimWord2Vec
    model = GensimWord2Vec(sg=sg, seed=seed, workers=workers, **SETTINGS)
    model.build_vocab(sentences)
    t0, c0 = time.perf_counter(), time.process_time()
    model.train(sentences, total_examples=model.corpus_count, epochs=model.epochs)
    return time.perf_counter() - t0, model.wv.vectors, model.wv.index_to_key, None, time.process_time() - c0


def compile_seconds() -> float:
    """Time to import and run the numba kernels once (a cache load when cache=True has compiled them before)."""
    t0 = time.perf_counter()
    from w2v_core.word2vec import warm_up
    warm_up()
    return time.perf_counter() - t0


def main(repeat: int = 1, sgs=(1, 0), gensim_workers=(1, 2), rounds: int = 2, verbose: bool = True) -> dict:
    """Train both on the same corpus; best of ``rounds`` wall-clock times (other processes add noise).

    ``*_wps`` are corpus words x epochs per wall-clock second of ``train()`` (vocabulary building excluded, for
    both); ``*_cpu_wps`` per second of CPU time of the whole process (all its threads), a fairer figure on a
    busy machine, where gensim's extra threads get more of the CPU than our single one.
    """
    out = {"corpus": f"head500.noblanks.cor x{repeat}", "settings": dict(SETTINGS), "compile_or_load_s":
           compile_seconds()}
    sentences, pairs = load_corpus(repeat), wordsim_pairs()
    for sg in sgs:
        name = "sg" if sg else "cbow"
        ours = min((time_ours(sentences, sg) for _ in range(rounds)), key=lambda r: r[0])
        words = ours[3]
        res = {"words": words, "ours_wps": words / ours[0], "ours_cpu_wps": words / ours[4]}
        res["ours_spearman"], res["wordsim_pairs"] = spearman(ours[1], {w: i for i, w in enumerate(ours[2])}, pairs)
        for workers in gensim_workers:
            g = min((time_gensim(sentences, sg, workers) for _ in range(rounds)), key=lambda r: r[0])
            res[f"gensim{workers}_wps"] = words / g[0]
            res[f"gensim{workers}_cpu_wps"] = words / g[4]
            res[f"ratio_vs_gensim{workers}"] = res["ours_wps"] / res[f"gensim{workers}_wps"]
            res[f"cpu_ratio_vs_gensim{workers}"] = res["ours_cpu_wps"] / res[f"gensim{workers}_cpu_wps"]
            if workers == gensim_workers[0]:
                res["gensim_spearman"] = spearman(g[1], {w: i for i, w in enumerate(g[2])}, pairs)[0]
                res["overlap_ours_gensim"] = neighbour_overlap(ours[1], ours[2], g[1], g[2])
                g2 = time_gensim(sentences, sg, workers, seed=2)
                res["overlap_gensim_gensim_seed2"] = neighbour_overlap(g[1], g[2], g2[1], g2[2])
        if 2 in gensim_workers:  # our threads too (Hogwild, not reproducible), against gensim's 2
            ours2 = min((time_ours(sentences, sg, workers=2) for _ in range(rounds)), key=lambda r: r[0])
            res["ours2_wps"] = words / ours2[0]
            res["ours2_spearman"] = spearman(ours2[1], {w: i for i, w in enumerate(ours2[2])}, pairs)[0]
            res["ratio2_vs_gensim2"] = res["ours2_wps"] / res["gensim2_wps"]
        out[name] = res
        if verbose:
            print(f"{name}: " + ", ".join(f"{k}={v:,.3f}" if isinstance(v, float) else f"{k}={v}"
                                          for k, v in res.items()), flush=True)
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1, help="repeat the corpus this many times")
    ap.add_argument("--rounds", type=int, default=2, help="best of this many timed runs each")
    ap.add_argument("--quick", action="store_true", help="one round, gensim workers=1 only")
    a = ap.parse_args()
    result = main(a.repeat, rounds=1 if a.quick else a.rounds, gensim_workers=(1,) if a.quick else (1, 2))
    print(f"compile/load: {result['compile_or_load_s']:.2f} s")
