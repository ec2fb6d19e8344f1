"""The training lab's live runs: one Word2Vec model per exact set of settings, kept per session.

A `Run` trains on from where it stopped (play / pause / step). Runs live in `st.session_state` keyed by a hash of
the corpus and the settings, so a rerun that changed nothing finds the same model and never retrains. On its way a
run keeps at most SNAPSHOTS copies of the rows of a few words (the map's): the frames of the word trails.
"""
from __future__ import annotations

import hashlib
import json
import math
import time
from collections import OrderedDict
from dataclasses import dataclass, field

import streamlit as st

from ui.lab import Corpus
from w2v_core.keyedvectors import KeyedVectors

STEPS = 50  # one play tick / one "step" = 1/STEPS of the whole training
MAX_RUNS = 2  # models kept per session: the current one and the previous (results fall back to it)
SNAPSHOTS = 30  # frames kept per run: the start, then one each time progress passes another 1/29 of the run


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
    corpus: Corpus | None = None  # the text it trains on (why-neighbours counts and trail replays read it)
    seconds: float = 0.0  # time spent training so far (the comparisons report it)
    tracked: tuple = ()  # vocabulary ids whose rows are snapshotted (the map words when the run started)
    frames: list = field(default_factory=list)  # [(mark 0..SNAPSHOTS-1, words done, rows (n, d) float32)]
    memo: dict = field(default_factory=dict)  # figures drawn from this run, with what they were drawn for

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
        start = time.perf_counter()
        try:
            self.model.train_chunk(n_words or self.chunk)
        except (ValueError, FloatingPointError, OverflowError) as exc:
            self.error = str(exc)
            return
        finally:
            self.seconds += time.perf_counter() - start
        self.snapshot()

    def snapshot(self) -> None:
        """Keep the tracked rows when progress has passed a new mark (at most SNAPSHOTS frames; only n x d floats)."""
        mark = int(self.progress * (SNAPSHOTS - 1))  # 0 at the random start, SNAPSHOTS-1 at the end
        if self.tracked and (not self.frames or mark > self.frames[-1][0]):
            self.frames.append((mark, self.words_done(), self.model.embedding_rows(self.tracked)))

    def train_to_end(self) -> None:
        while not self.done and not self.error:
            self.advance()  # chunk by chunk, so the loss curve has the same points as when playing


def new_run(key: str, corpus: Corpus, settings: dict, words=()) -> Run:
    """Build the vocabulary and the initial (random) vectors; raises ValueError with core's message if refused.

    `words`: the words whose trail to record, or a function of the vocabulary that names them (words not in the
    vocabulary are left out)."""
    from w2v_core.word2vec import Word2Vec

    model = Word2Vec(sentences=None, workers=1, **settings)
    model.build_vocab(corpus.sentences)
    total = max(1, model.total_words)
    words = words(model.vocab) if callable(words) else words
    ids = tuple(dict.fromkeys(model.vocab.key_to_index[w] for w in words if w in model.vocab))
    run = Run(key, dict(settings), model, chunk=max(100, math.ceil(total / STEPS)), corpus=corpus, tracked=ids)
    run.snapshot()  # frame 0: the random start
    return run


def get_run(store: str, key: str, corpus: Corpus, settings: dict, words=()) -> Run:
    """The session's run for these settings, created on first use (LRU of MAX_RUNS per store)."""
    runs: OrderedDict = st.session_state.setdefault(store, OrderedDict())
    if key in runs:
        runs.move_to_end(key)
        return runs[key]
    run = new_run(key, corpus, settings, words)
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
