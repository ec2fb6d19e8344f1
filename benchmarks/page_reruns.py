"""Per-page rerun time with AppTest: what a student waits for when a page opens and when it reruns unchanged.

For each page and language: a fresh AppTest session opens the page through app.py (`first_ms`: the page's first
run in that session; English runs first, so its figure also carries the process's one-time loads such as GloVe),
then ~10 reruns with nothing changed (`rerun_median_ms`, `rerun_max_ms`). A rerun that changed nothing must not
retrain or reproject, so these should stay small.

    python benchmarks/page_reruns.py
"""
from __future__ import annotations

import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = ["pages/home.py", "pages/p1_personality.py", "pages/p2_word_embeddings.py", "pages/p3_analogies.py",
         "pages/p4_language_models.py", "pages/p5_skipgram_cbow.py", "pages/p6_negative_sampling.py",
         "pages/p7_training_lab.py", "pages/p8_projector.py", "pages/about.py"]


def measure(page: str, lang: str, reruns: int = 10) -> dict:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=300)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(page)
    t0 = time.perf_counter()
    at.run()
    first = time.perf_counter() - t0
    if at.exception:
        return {"error": str(at.exception[0].message)[:300], "first_ms": round(first * 1000, 1)}
    times = []
    for _ in range(reruns):
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
        if at.exception:
            return {"error": str(at.exception[0].message)[:300], "first_ms": round(first * 1000, 1)}
    return {"first_ms": round(first * 1000, 1), "rerun_median_ms": round(statistics.median(times) * 1000, 1),
            "rerun_max_ms": round(max(times) * 1000, 1)}


def main(reruns: int = 10) -> dict:
    """{page: {lang: {first_ms, rerun_median_ms, rerun_max_ms} or {error}}}."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    # Streamlit resets its loggers' levels when it loads its config; a filter survives that.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage())
    out: dict[str, dict] = {}
    for page in PAGES:
        out[page] = {}
        for lang in ("en", "zh"):
            try:
                out[page][lang] = measure(page, lang, reruns)
            except Exception as exc:  # a page that cannot even be opened is reported, not fatal
                out[page][lang] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
    return out


def format_result(r: dict) -> str:
    lines = ["page reruns (AppTest, ms)            first(en)  rerun(en)  first(zh)  rerun(zh)"]
    for page, langs in r.items():
        cells = []
        for lang in ("en", "zh"):
            m = langs.get(lang, {})
            if "error" in m:
                cells.append(f"ERROR {m['error'][:60]}")
                break
            cells += [f"{m['first_ms']:9.1f}", f"{m['rerun_median_ms']:9.1f}"]
        lines.append(f"  {Path(page).stem:34s} " + "  ".join(cells))
    return "\n".join(lines)


if __name__ == "__main__":
    print(format_result(main()))
