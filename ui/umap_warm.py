"""UMAP's numba code compiled once per server process, in the background, and a visible wait if a fit comes first.

The first UMAP fit in a process spends ~30-40 s compiling (numba's disk cache does not cover umap-learn's parallel
and non-cached kernels), so no student should be the one who pays: `start()` (called by page 8, which
`make run`'s warm-up opens at server start) fits a tiny random set in a daemon thread; `wait()` shows a progress
bar counting the seconds if a student asks for UMAP before it has finished.
"""
from __future__ import annotations

import threading
import time

import streamlit as st

from ui.i18n import t
from w2v_core import projections, word2vec

EXPECTED_S = 45.0  # measured on the 2-core machine: import ~2-17 s, then ~40 s of compiling


class _Warm:
    """The background compile: started once, `done` set when it has finished (or failed: then a fit compiles)."""

    def __init__(self):
        self.done, self.started, self.seconds, self.error = threading.Event(), time.monotonic(), None, ""

    def run(self) -> None:
        try:
            # The trainer's kernels first (~1 s from numba's disk cache): while UMAP compiles it holds numba's
            # compiler lock for long stretches, and a first training run on page 7 would otherwise wait behind it.
            word2vec.warm_up()
            self.seconds = projections.warm_umap()
        except Exception as exc:  # a broken install: the fit itself will then raise, and the page says so
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self.done.set()


@st.cache_resource(show_spinner=False)
def _warm() -> _Warm:
    """One per server process (st.cache_resource): the thread starts on the first call."""
    warm = _Warm()
    threading.Thread(target=warm.run, name="umap-warm-up", daemon=True).start()
    return warm


def start() -> None:
    """Start compiling in the background if this process has not yet (cheap on every later call)."""
    _warm()


def ready() -> bool:
    return _warm().done.is_set()


def wait(slot) -> None:
    """Block until the compile has finished, showing in `slot` (an st.empty) how long it has been running."""
    warm = _warm()
    while not warm.done.wait(0.5):
        spent = time.monotonic() - warm.started
        text = t("p8.umap_compiling", s=f"{spent:.0f}", total=f"{EXPECTED_S:.0f}")
        slot.progress(min(0.95, spent / EXPECTED_S), text=text)
