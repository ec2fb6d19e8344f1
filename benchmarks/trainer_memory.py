"""Benchmark: the trainer's peak extra memory against gensim's on the same corpus, each in a fresh interpreter.

Two measures of what ``build_vocab`` + training add on top of the loaded corpus (a list of token lists, which
both sides are given) and the imported libraries: the tracemalloc peak (every Python and numpy allocation,
exact and repeatable) and the growth of peak resident memory (VmHWM after resetting it: everything, C
allocations included, but rounded to pages and touched by the allocator's habits). CBOW, one epoch: later epochs
allocate nothing more on either side (the matrices and the encoded corpus are made before the first word).

    python -m benchmarks.trainer_memory [repeat]      (default 6: head500 x6, about 2 million tokens)
"""
from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOWS = ("tracemalloc", "rss")


def _vm(name: str) -> float:
    """VmRSS or VmHWM of this process, MB."""
    from benchmarks.procstats import proc_mem
    return proc_mem(os.getpid())[name]


def _train(which: str, sentences, settings):
    if which == "gensim":
        from gensim.models import Word2Vec as GensimWord2Vec
        return GensimWord2Vec(sentences, sg=0, seed=1, workers=1, **settings)
    from w2v_core.word2vec import Word2Vec
    return Word2Vec(sentences, sg=0, seed=1, **settings)


def child(which: str, repeat: int, how: str) -> dict:
    """Runs in the fresh interpreter: load, import and warm everything first, then measure the training alone."""
    from benchmarks.bench_trainer import SETTINGS, load_corpus
    import gensim.models  # noqa: F401  (both libraries loaded in both runs: the baseline is the same)
    from w2v_core.word2vec import warm_up
    sentences = load_corpus(repeat)
    warm_up()  # numba's compiled kernels are code, not the trainer's data
    gc.collect()
    if how == "rss":
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS (Linux)
        base = _vm("VmRSS")
    else:
        tracemalloc.start()
    t0 = time.perf_counter()
    model = _train(which, sentences, dict(SETTINGS, epochs=1))
    seconds = time.perf_counter() - t0
    peak = _vm("VmHWM") - base if how == "rss" else tracemalloc.get_traced_memory()[1] / 2 ** 20
    return {"which": which, "how": how, "peak_extra_mb": round(peak, 1), "vocab": len(model.wv.index_to_key),
            "tokens": sum(map(len, sentences)), "seconds": round(seconds, 1)}


def measure(which: str, repeat: int, how: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "benchmarks.trainer_memory", "--child", which, str(repeat), how],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(repeat: int = 6, verbose: bool = True) -> dict:
    """``{tracemalloc: {ours_mb, gensim_mb, ratio}, rss: {...}, tokens, vocab}``; ratio = ours / gensim."""
    out = {}
    for how in HOWS:
        ours, theirs = measure("ours", repeat, how), measure("gensim", repeat, how)
        out[how] = {"ours_mb": ours["peak_extra_mb"], "gensim_mb": theirs["peak_extra_mb"],
                    "ratio": round(ours["peak_extra_mb"] / theirs["peak_extra_mb"], 2)}
        out["tokens"], out["vocab"] = ours["tokens"], ours["vocab"]
        if verbose:
            print(f"memory ({how}): ours {ours['peak_extra_mb']} MB, gensim {theirs['peak_extra_mb']} MB, "
                  f"ratio {out[how]['ratio']}", flush=True)
    return out


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child(sys.argv[2], int(sys.argv[3]), sys.argv[4])))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 6)
