"""The training lab's live runs: one Word2Vec model per exact set of settings, kept per session.

A `Run` trains on from where it stopped (play / pause / step). Runs live in `st.session_state` keyed by a hash of
the corpus and the settings, so a rerun that changed nothing finds the same model and never retrains.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import OrderedDict
from dataclasses import dataclass

import streamlit as st

from ui.lab import Corpus
from w2v_core.keyedvectors import KeyedVectors

STEPS = 50  # one play tick / one "step" = 1/STEPS of the whole training
MAX_RUNS = 2  # models kept per session: the current one and the previous (results fall back to it)


def run_key(corpus: Corpus, settings: dict) -> str:
    blob = json.dumps([corpus.digest, sorted(settings.items())], default=str)
    return hashlib.sha1(blob.encode()).hexdigest()[:16]


@dataclass
class Run:
    """One model for one exact set of settings; training continues where it stopped (play / pause / step)."""
    key: str
    settings: dict
    model: object = None  # w2v_core.word2vec.Word2Vec (vocabulary built, trained as far as `progress`)
    error: str | None = None  # message of the ValueError that stopped it (divergence ...)
    chunk: int = 1000  # words per play tick / step

    @property
    def progress(self) -> float:
        return float(self.model.progress) if self.model is not None else 0.0

    @property
    def done(self) -> bool:
        return self.model is not None and self.progress >= 1.0

    @property
    def trained(self) -> bool:
        return self.model is not None and self.error is None and self.progress > 0

    def words_done(self) -> int:
        hist = self.model.loss_history if self.model is not None else []
        return int(hist[-1][0]) if hist else 0

    def kv(self) -> KeyedVectors:
        """The vectors as they are now (core's snapshot, rebuilt only when training has moved on)."""
        return self.model.wv

    def advance(self, n_words: int | None = None) -> None:
        """Train `n_words` more (one chunk by default); a diverging model keeps its error and stops."""
        if self.model is None or self.error or self.done:
            return
        try:
            self.model.train_chunk(n_words or self.chunk)
        except (ValueError, FloatingPointError, OverflowError) as exc:
            self.error = str(exc)

    def train_to_end(self) -> None:
        while not self.done and not self.error:
            self.advance()  # chunk by chunk, so the loss curve has the same points as when playing


def new_run(key: str, corpus: Corpus, settings: dict) -> Run:
    """Build the vocabulary and the initial (random) vectors; raises ValueError with core's message if refused."""
    from w2v_core.word2vec import Word2Vec

    model = Word2Vec(sentences=None, workers=1, **settings)
    model.build_vocab(corpus.sentences)
    total = max(1, model.total_words)
    return Run(key, dict(settings), model, chunk=max(100, math.ceil(total / STEPS)))


def get_run(store: str, key: str, corpus: Corpus, settings: dict) -> Run:
    """The session's run for these settings, created on first use (LRU of MAX_RUNS per store)."""
    runs: OrderedDict = st.session_state.setdefault(store, OrderedDict())
    if key in runs:
        runs.move_to_end(key)
        return runs[key]
    run = new_run(key, corpus, settings)
    runs[key] = run
    while len(runs) > MAX_RUNS:
        runs.popitem(last=False)
    return run


def last_good_run(exclude: str | None = None) -> Run | None:
    """The most recent trained, non-diverged run other than `exclude` (results fall back to it)."""
    for key, run in reversed(st.session_state.get("p7_runs", OrderedDict()).items()):
        if key != exclude and run.trained:
            return run
    return None
