"""Benchmark: our numba Word2Vec against gensim 4.4 on the same corpus and settings: speed, quality, memory.

Run ``python -m benchmarks.bench_trainer [--quick]``; ``main()`` returns the figures as a dict (for run_all.py).
Corpus: gensim's bundled ``head500.noblanks.cor`` (331k tokens of Porter-stemmed Wikipedia, 250 lines),
repeated ``--repeat`` times (default 6: about 2 million tokens). Quality, for CBOW and skip-gram over 3 seeds
each: Spearman on WordSim353 (words stemmed the same way; only pairs in both vocabularies) and top-10
neighbour overlap with gensim, next to gensim's overlap with itself under another seed (the noise floor: two
gensim runs do not agree perfectly either). Memory: benchmarks/trainer_memory.py.
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


def _mode(sentences, pairs, sg, seeds, two_workers) -> dict:
    """One mode (sg or CBOW): ours and gensim (1 worker) per seed, run alternately so both see the same load."""
    runs = {"ours": [], "gensim": []}
    for seed in seeds:
        runs["ours"].append(time_ours(sentences, sg, seed=seed))
        runs["gensim"].append(time_gensim(sentences, sg, 1, seed=seed))
    words = runs["ours"][0][3]
    res = {"words": words, "seeds": list(seeds)}
    for side, rs in runs.items():
        res[f"{side}_spearman"] = [spearman(r[1], {w: i for i, w in enumerate(r[2])}, pairs)[0] for r in rs]
        res[f"{side}_spearman_mean"] = float(np.mean(res[f"{side}_spearman"]))
        best = min(rs, key=lambda r: r[0])  # best wall time over the seeds (the same words each time)
        res[f"{side}_wps"], res[f"{side}_cpu_wps"] = words / best[0], words / best[4]
    res["wordsim_pairs"] = spearman(runs["ours"][0][1], {w: i for i, w in enumerate(runs["ours"][0][2])}, pairs)[1]
    res["spearman_gap"] = res["gensim_spearman_mean"] - res["ours_spearman_mean"]  # > 0: gensim better
    res["ratio_vs_gensim1"] = res["ours_wps"] / res["gensim_wps"]
    res["cpu_ratio_vs_gensim1"] = res["ours_cpu_wps"] / res["gensim_cpu_wps"]
    (_, v1, k1, *_), (_, v2, k2, *_) = runs["ours"][0], runs["gensim"][0]
    res["overlap_ours_gensim"] = neighbour_overlap(v1, k1, v2, k2)
    if len(seeds) > 1:  # the noise floor: gensim against itself under another seed
        res["overlap_gensim_gensim_seed2"] = neighbour_overlap(v2, k2, runs["gensim"][1][1], runs["gensim"][1][2])
    if two_workers:  # our threads (Hogwild, not reproducible) against gensim's 2 workers, one run each
        ours2, g2 = time_ours(sentences, sg, workers=2), time_gensim(sentences, sg, 2)
        res["ours2_wps"], res["gensim2_wps"] = words / ours2[0], words / g2[0]
        res["ratio2_vs_gensim2"] = res["ours2_wps"] / res["gensim2_wps"]
        res["ours2_spearman"] = spearman(ours2[1], {w: i for i, w in enumerate(ours2[2])}, pairs)[0]
    return res


def main(repeat: int = 6, seeds=(1, 2, 3), sgs=(0, 1), two_workers: bool = True, memory: bool = True,
         verbose: bool = True) -> dict:
    """Train both on the same corpus (head500 x``repeat``; 6 gives about 2 million tokens) with each seed.

    Quality: WordSim353 Spearman per seed and the mean. Speed: ``*_wps`` are corpus words x epochs per wall-clock
    second of ``train()`` (vocabulary building excluded, for both), best over the seeds; ``*_cpu_wps`` per second
    of CPU time of the whole process (all its threads), a fairer figure on a busy machine. ``memory``: peak
    extra memory of each (benchmarks/trainer_memory.py).
    """
    out = {"corpus": f"head500.noblanks.cor x{repeat}", "settings": dict(SETTINGS), "compile_or_load_s":
           compile_seconds()}
    if memory:
        from benchmarks import trainer_memory
        out["memory"] = trainer_memory.main(repeat, verbose=verbose)
    sentences, pairs = load_corpus(repeat), wordsim_pairs()
    out["tokens"] = sum(map(len, sentences))
    for sg in sgs:
        name = "sg" if sg else "cbow"
        out[name] = res = _mode(sentences, pairs, sg, seeds, two_workers)
        if verbose:
            print(f"{name}: Spearman ours " + " ".join(f"{x:.3f}" for x in res["ours_spearman"]) +
                  f" (mean {res['ours_spearman_mean']:.3f}), gensim " +
                  " ".join(f"{x:.3f}" for x in res["gensim_spearman"]) + f" (mean {res['gensim_spearman_mean']:.3f});"
                  f" words/s ours {res['ours_wps']:,.0f} gensim {res['gensim_wps']:,.0f} ratio "
                  f"{res['ratio_vs_gensim1']:.2f} (CPU {res['cpu_ratio_vs_gensim1']:.2f})" +
                  (f", 2 workers {res['ratio2_vs_gensim2']:.2f}" if two_workers else ""), flush=True)
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=6, help="repeat the corpus this many times (6: ~2M tokens)")
    ap.add_argument("--seeds", default="1,2,3", help="comma-separated seeds, each trained by both")
    ap.add_argument("--quick", action="store_true", help="corpus once, one seed, no 2-worker runs, no memory")
    a = ap.parse_args()
    seeds = tuple(int(x) for x in a.seeds.split(","))
    result = (main(1, (1,), two_workers=False, memory=False) if a.quick else main(a.repeat, seeds))
    print(f"compile/load: {result['compile_or_load_s']:.2f} s")
