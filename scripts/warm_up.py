"""Open every page once on a freshly started server, as a teacher would before class (`make run` does it for you).

Why it matters:
1. The very first session on a new Streamlit server resolves the address against the *file names* in pages/ before
   app.py has declared its own page addresses, so a student's shared link such as /analogies would first flash a
   "Page not found" box (Streamlit's multipage v1 fallback, streamlit#9624). Once app.py has run one time, every
   later session resolves /analogies directly.
2. The first visit of a page pays for imports, loading GloVe and training page 4's small model; after that all
   sessions share them (st.cache_resource), so the first student is as fast as the thirtieth. The first training
   run on page 7 loads the trainer's compiled kernels (about 100 MB and a few seconds): the warm-up trains once
   per language, each in a new session, so page 7's Chinese corpus is loaded too.
3. Opening page 8 starts compiling UMAP's numba code in a background thread of the server (ui/umap_warm.py, ~40 s
   on 2 cores, once per server process). The warm-up then opens page 8 with UMAP chosen (100 words): that run waits
   for the compile, so the warm-up ends only when the server is fully warm. A class (or a benchmark) that starts
   earlier would share the CPU with the compiler, which holds the interpreter for long stretches.
   `--no-umap` skips that last wait (the test suite does, to save a minute per server).

Usage: python -m scripts.warm_up [PORT] [--host 127.0.0.1] [--wait 120] [--no-umap]
It waits until the server answers its health check, then runs every page in both languages over Streamlit's
websocket protocol (the one the browser speaks) and prints how long each took. Exit status 1 if a page failed.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
import time

from scripts import live_server

RUN_TIMEOUT = 120.0  # seconds one page may take on a cold server (numba loads its kernels on first use)
UMAP_QUERY = "lang=en&method=umap&n=100&umap_n=100"  # the smallest UMAP map page 8 allows: the wait is the compile


async def _umap_ready(port: int, host: str) -> tuple[str, str, float, str]:
    """Page 8 with UMAP chosen: its run waits for the background compile (ui/umap_warm.py), then maps 100 words."""
    problems: list[str] = []

    def note(fm, _size):
        if p := live_server.problem_in(fm, "projector"):
            problems.append(p)

    t0 = time.perf_counter()
    async with live_server.connect(port, host) as ws:
        await live_server.run_script(ws, live_server.rerun_request("projector", UMAP_QUERY), RUN_TIMEOUT, note)
    return "en", "/projector (UMAP compiled)", time.perf_counter() - t0, "; ".join(problems)


async def warm_visits(port: int, host: str = live_server.HOST, umap: bool = True,
                      ) -> list[tuple[str, str, float, str]]:
    """Every page in both languages, one training run on page 7 per language, then (`umap`) the wait for UMAP's compile:
    (lang, address, seconds, problem or "")."""
    visits = await live_server.visit_all(port, host, timeout=RUN_TIMEOUT)
    for lang in ("en", "zh"):  # a new session each, so each language starts on its own default corpus
        t0 = time.perf_counter()
        async with live_server.connect(port, host) as ws:
            problem = await live_server.press(ws, "training-lab", "p7_train", f"lang={lang}", RUN_TIMEOUT)
        visits.append((lang, "/training-lab (train)", time.perf_counter() - t0, problem))
    if umap:
        visits.append(await _umap_ready(port, host))
    return visits


def warm(port: int, host: str = live_server.HOST, wait: float = 120.0, umap: bool = True) -> tuple[bool, str]:
    """Wait for the server, then warm it; (all went well, a one-paragraph report)."""
    if not live_server.wait_healthy(port, wait, host):
        return False, f"warm-up: no Streamlit server answered on {host}:{port}"
    try:
        visits = asyncio.run(warm_visits(port, host, umap))
    except (OSError, TimeoutError) as exc:
        return False, f"warm-up: {type(exc).__name__}: {exc}"
    failed = [v for v in visits if v[3]]
    total = sum(v[2] for v in visits)
    umap_s = next((f" (UMAP compiled after {v[2]:.1f} s of it)" for v in visits if "UMAP" in v[1]), "")
    problems = "".join(f"\n  {lang} {page}: {problem}" for lang, page, _, problem in failed)
    pages = sum("(" not in v[1] for v in visits)  # the page visits, not the training runs or the UMAP wait
    trained = " + ".join(lang for lang, page, _, problem in visits if "(train)" in page and not problem)
    return not failed, (f"warm-up: opened {pages} pages (en + zh) and trained in {trained or 'no language'} on port "
                        f"{port} in {total:.1f} s{umap_s}{problems}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("port", nargs="?", type=int, default=8501)
    ap.add_argument("--host", default=live_server.HOST)
    ap.add_argument("--wait", type=float, default=120.0, help="seconds to wait for the server to start")
    ap.add_argument("--no-umap", action="store_true", help="do not wait for UMAP's background compile")
    args = ap.parse_args(argv)
    ok, report = warm(args.port, args.host, args.wait, umap=not args.no_umap)
    print(report, file=sys.stdout if ok else sys.stderr, flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
