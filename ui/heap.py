"""The server's long-lived heap kept out of Python's full garbage collections (one install per process).

A warm server holds ~300,000 tracked objects that live as long as the process (GloVe's vocabulary, imported
libraries, cached models). Every full (generation-2) collection walks all of them: about 0.4 s with the
interpreter lock held, every ~10 s under a class's load, and every student waits through it. After each full
collection the survivors are frozen (`gc.freeze`): later collections walk only what is newer. Every `THAW_S`
seconds they are thawed again, so one full walk finds cycles among old objects that died since (an ended session).
"""
from __future__ import annotations

import gc
import time

THAW_S = 300.0  # one full walk per 5 minutes instead of one per ~10 seconds
_state = {"thawed_at": time.monotonic(), "installed": False}


def _after_collection(phase: str, info: dict) -> None:
    if phase != "stop" or info.get("generation") != 2:
        return
    if time.monotonic() - _state["thawed_at"] >= THAW_S:
        gc.unfreeze()  # the next full collection walks everything once and frees old cycles
        _state["thawed_at"] = time.monotonic()
    else:
        gc.freeze()  # the survivors of a full walk are long-lived: keep them out of the next ones


def install() -> None:
    """Start the policy in this process (idempotent: modules run once, but be safe under reloads)."""
    if not _state["installed"]:
        gc.callbacks.append(_after_collection)
        _state["installed"] = True
