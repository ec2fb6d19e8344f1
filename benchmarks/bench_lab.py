"""Timings of pages 7-8: toy-corpus training (and what it learns), t-SNE / PCA sizes, and the pages' script time.

Run ``python benchmarks/bench_lab.py``; ``main()`` returns the figures as a dict. The script time is measured
inside the script thread (a wrapper times ``runpy.run_path(page)``), so it excludes AppTest's own polling:
it is what the server spends per rerun. Budgets from the issue: a good toy model in < 2 s, t-SNE of 1,000 words
< 5 s, PCA of 20,000 words < 0.5 s, an unchanged rerun well under 200 ms.
"""
from __future__ import annotations

import json
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WRAPPER = """
import runpy, time
import streamlit as st
_t0 = time.perf_counter()
try:
    runpy.run_path({page!r}, run_name="__main__")
finally:
    st.session_state.setdefault("_bench_ms", []).append(1000 * (time.perf_counter() - _t0))
"""
PROBES = {"kingdom_en": (("king", "man", "woman"), "queen"), "kingdom_zh": (("国王", "男人", "女人"), "王后"),
          "topics_en": (("farmer", "cow", "guitar"), "musician")}


def _median(fn, repeat=3):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def training() -> dict:
    from ui import lab
    from w2v_core.text import split_sentences
    from w2v_core.word2vec import Word2Vec

    warm = Word2Vec(None, **{**lab.LAB_DEFAULTS, "epochs": 1})  # numba's first call loads its cache
    warm.build_vocab([list("abcdefgh"), list("hgfedcba")] * 3)
    warm.train()
    out = {}
    for name, file in lab.CORPORA.items():
        sentences = split_sentences((lab.CORPUS_DIR / file).read_text(encoding="utf-8"))
        models = []

        def train():
            m = Word2Vec(None, **lab.LAB_DEFAULTS)
            m.build_vocab(sentences)
            m.train()
            models.append(m)

        seconds = _median(train)
        (a, b, c), want = PROBES[name]
        got = models[-1].wv.most_similar(positive=[a, c], negative=[b], topn=3)  # a - b + c
        out[name] = {"tokens": sum(map(len, sentences)), "train_s": round(seconds, 3),
                     f"{a} - {b} + {c}": [w for w, _ in got], "expected_in_top3": want in [w for w, _ in got]}
    return out


def projections() -> dict:
    from w2v_core import projections as pr
    from w2v_core.glove import load_glove

    kv = load_glove()
    pr.tsne(kv.vectors[:200], max_iter=250)  # import scikit-learn once
    return {"pca_20000_s": round(_median(lambda: pr.pca(kv.vectors[:20_000], n_components=10)), 3),
            "tsne_1000_s": round(_median(lambda: pr.tsne(kv.vectors[:1000], perplexity=30, max_iter=500, seed=0),
                                         repeat=1), 2)}


def script_ms(page: str, train: bool = False, reruns: int = 10) -> dict:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(WRAPPER.format(page=str(ROOT / page)), default_timeout=300)
    at.query_params["lang"] = "en"
    at.run()
    if train:
        at.button(key="p7_train").click().run()
    for _ in range(reruns):
        at.run()
    assert not at.exception, at.exception
    times = at.session_state["_bench_ms"]
    return {"first_ms": round(times[0], 1), "rerun_median_ms": round(statistics.median(times[-reruns:]), 1),
            "rerun_max_ms": round(max(times[-reruns:]), 1)}


def main() -> dict:
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage())
    return {"training": training(), "projections": projections(),
            "p7_script (trained, unchanged reruns)": script_ms("pages/p7_training_lab.py", train=True),
            "p8_script (GloVe 5,000 words, unchanged reruns)": script_ms("pages/p8_projector.py")}


if __name__ == "__main__":
    print(json.dumps(main(), indent=1, ensure_ascii=False))
