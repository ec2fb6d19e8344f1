"""The word2vec trainer: gensim's ``Word2Vec`` names and defaults, negative sampling, resumable in small chunks."""
from __future__ import annotations

import numbers
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from . import fast
from .corpus import encode_corpus
from .samples import alias_table, keep_probability, unigram_distribution
from .sgns import init_params

MAX_WORDS_IN_BATCH = 10000  # gensim cuts longer sentences into pieces of this many words
MAX_MATRIX_CELLS = 250_000_000  # 1 GB of float32 for each of the two matrices: beyond, a clear error, not a crash


def _check(name, value, ok, rule):
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value) or not ok(value):
        raise ValueError(f"{name} must be {rule}, got {value!r}")


class Word2Vec:
    """Skip-gram (``sg=1``) or CBOW (``sg=0``) with negative sampling, trained the way gensim trains.

    Each step is exactly :func:`sgns.sgns_step` / :func:`sgns.cbow_step` (run by the compiled loops of ``fast``);
    the learning rate falls linearly from ``alpha`` to ``min_alpha`` over all epochs' words; one seed gives the
    same vectors every time with ``workers=1`` (more workers are faster but, like gensim's, not reproducible).
    ``wv.vectors`` (gensim's syn0) is the embedding matrix, ``syn1neg`` the context matrix. Given ``sentences``
    (lists of tokens) the constructor builds the vocabulary and trains at once, as gensim does; without, call
    :meth:`build_vocab` and then :meth:`train` or repeatedly :meth:`train_chunk`.

    >>> model = Word2Vec([["king", "queen"], ["man", "woman"]] * 50, vector_size=10, min_count=1, negative=2)
    >>> model.wv.vectors.shape
    (4, 10)
    """

    def __init__(self, sentences=None, vector_size=100, alpha=0.025, window=5, min_count=5, sample=1e-3, seed=1,
                 min_alpha=0.0001, sg=0, negative=5, ns_exponent=0.75, cbow_mean=1, epochs=5, shrink_windows=True,
                 hs=0, workers=1):
        if hs:
            raise NotImplementedError("hierarchical softmax (hs=1) is not implemented: use negative sampling "
                                      "(hs=0, negative > 0)")
        for name, value, ok, rule in [
                ("vector_size", vector_size, lambda v: int(v) == v and v >= 1, "a whole number >= 1"),
                ("window", window, lambda v: int(v) == v and v >= 1, "a whole number >= 1"),
                ("min_count", min_count, lambda v: int(v) == v and v >= 1, "a whole number >= 1"),
                ("negative", negative, lambda v: int(v) == v and v >= 1, "a whole number >= 1 (hs is not "
                 "implemented, so negative sampling is the only output layer)"),
                ("epochs", epochs, lambda v: int(v) == v and v >= 0, "a whole number >= 0"),
                ("workers", workers, lambda v: int(v) == v and v >= 1, "a whole number >= 1"),
                ("seed", seed, lambda v: int(v) == v and v >= 0, "a whole number >= 0"),
                ("alpha", alpha, lambda v: v > 0, "a number > 0"),
                ("min_alpha", min_alpha, lambda v: 0 <= v, "a number >= 0"),
                ("sample", sample, lambda v: v >= 0, "a number >= 0 (0 turns subsampling off)"),
                ("ns_exponent", ns_exponent, lambda v: True, "a finite number")]:
            _check(name, value, ok, rule)
        self.vector_size, self.window, self.min_count = int(vector_size), int(window), int(min_count)
        self.negative, self.epochs, self.workers, self.seed = int(negative), int(epochs), int(workers), int(seed)
        self.alpha, self.min_alpha, self.sample = float(alpha), float(min_alpha), float(sample)
        self.ns_exponent, self.sg, self.cbow_mean, self.hs = float(ns_exponent), int(bool(sg)), int(bool(cbow_mean)), 0
        self.shrink_windows = bool(shrink_windows)
        self.vocab = None
        self.loss_history: list[tuple[int, float]] = []  # (words done, mean loss per step since the last point)
        self._wv, self._wv_at = None, -1
        if sentences is not None:
            self.build_vocab(sentences)
            self.train()

    def build_vocab(self, sentences):
        """Count words, keep those seen ``min_count`` times, encode the corpus (one pass: a generator works) and
        start from gensim's init."""
        self.vocab, self._corpus, self._offsets = encode_corpus(sentences, self.min_count, MAX_WORDS_IN_BATCH)
        if self.negative >= len(self.vocab):
            raise ValueError(f"negative={self.negative} needs a vocabulary larger than that; only "
                             f"{len(self.vocab)} words survive min_count={self.min_count}")
        if len(self.vocab) * self.vector_size > MAX_MATRIX_CELLS:
            raise ValueError(f"{len(self.vocab)} words x vector_size={self.vector_size} is too large for memory; "
                             f"lower vector_size or raise min_count")
        if self._corpus.size == 0:
            raise ValueError("no sentence has two words in the vocabulary: nothing to train on")
        # every kept token in one int32 array, sentences back to back (no Python object per sentence)
        self.corpus_count, self.corpus_total_words = len(self._offsets) - 1, int(self._corpus.size)
        rng = np.random.default_rng(self.seed)  # the one generator everything random comes from
        self._embedding, self.syn1neg = init_params(len(self.vocab), self.vector_size, rng)
        # subsampling and negatives as integers, as gensim stores them: keep if keep_ints[w] >= 32 random bits
        self._keep_ints = np.round(keep_probability(self.vocab.counts, self.sample) * 2 ** 32).astype(np.uint64)
        probs = unigram_distribution(self.vocab.counts, self.ns_exponent)  # (V,) the noise distribution
        self.cum_table = np.round(np.cumsum(probs) * (2 ** 31 - 1)).astype(np.int64)  # gensim's, to inspect
        self._alias_keep, self._alias = alias_table(probs)  # what the kernel draws from: O(1), not bisect
        self._state = np.array([rng.integers(0, 2 ** 48)], dtype=np.uint64)  # LCG state: resumes exactly
        self._epoch, self._sentence, self._words_done = 0, 0, 0
        self.loss_history = []
        return self

    @property
    def total_words(self) -> int:
        """Corpus words over all epochs: the denominator of ``progress`` and of the learning-rate decay."""
        return self.corpus_total_words * self.epochs

    @property
    def progress(self) -> float:
        if self.vocab is None:
            return 0.0
        return 1.0 if self.total_words == 0 else self._words_done / self.total_words

    @property
    def min_alpha_yet_reached(self) -> float:
        """Learning rate at the current position (gensim's name): alpha - (alpha - min_alpha) * progress."""
        return self.alpha - (self.alpha - self.min_alpha) * min(self.progress, 1.0)

    def train_chunk(self, max_words=10000) -> bool:
        """Train on whole sentences until about ``max_words`` more words are done; returns True when finished.

        Stopping and resuming never changes the result: train_chunk(100) forever gives train()'s vectors.
        """
        if self.vocab is None:
            raise ValueError("build the vocabulary first: call build_vocab(sentences)")
        _check("max_words", max_words, lambda v: int(v) == v and v >= 1, "a whole number >= 1")
        max_words = int(max_words)  # one integer type, so numba never compiles a second version of the kernel
        done_words, loss, steps = 0, 0.0, 0
        while self._epoch < self.epochs and done_words < max_words:
            s, w, ls, st = self._run(max_words - done_words)
            self._sentence, self._words_done = s, self._words_done + w
            done_words, loss, steps = done_words + w, loss + ls, steps + st
            if s >= self.corpus_count:
                self._epoch, self._sentence = self._epoch + 1, 0
        if not np.isfinite(loss) or not np.isfinite(self._embedding).all() or not np.isfinite(self.syn1neg).all():
            raise ValueError(f"learning rate too high: training diverged (vectors became NaN or infinite) with "
                             f"alpha={self.alpha}; try a smaller alpha")
        if steps:
            self.loss_history.append((self._words_done, loss / steps))
        return self._epoch >= self.epochs

    def _kernel(self, s_begin, s_end, max_words, state, words_before):
        return fast.train_sentences(
            self._embedding, self.syn1neg, self._corpus, self._offsets, s_begin, s_end, max_words, self.sg,
            self.window, self.shrink_windows, self.negative, self.cbow_mean, self._keep_ints, self._alias_keep,
            self._alias, state, words_before, max(self.total_words, 1), self.alpha, self.min_alpha)

    def _run(self, max_words):
        """Sentences from ``self._sentence`` on, about ``max_words`` words: one call, or shared among workers."""
        start = self._sentence
        if self.workers == 1:
            return self._kernel(start, self.corpus_count, max_words, self._state, self._words_done)
        # the sentences one worker would cover, cut into ~4 jobs a worker that threads take as they come free
        # (like gensim's job queue: a thread the OS paused does not hold the other one up for a whole share)
        stop = min(int(np.searchsorted(self._offsets, self._offsets[start] + max_words)), self.corpus_count)
        stop = max(stop, start + 1)
        cuts = np.unique(np.concatenate([[start, stop], np.searchsorted(
            self._offsets, np.linspace(self._offsets[start], self._offsets[stop], 4 * self.workers + 1))]))
        cuts = cuts[(cuts >= start) & (cuts <= stop)]
        # each job its own generator state, drawn from the model's stream (gensim: one per worker)
        states = [np.array([fast.next_state(self._state)], dtype=np.uint64) for _ in range(len(cuts) - 1)]
        jobs = [(int(a), int(b), st, self._words_done + int(self._offsets[a] - self._offsets[start]))
                for (a, b), st in zip(zip(cuts[:-1], cuts[1:]), states)]
        # Hogwild, like gensim's workers: threads update shared rows without locks (the kernel releases the
        # GIL), so the result depends on timing: only workers=1 is reproducible.
        with ThreadPoolExecutor(self.workers) as pool:
            results = list(pool.map(lambda j: self._kernel(j[0], j[1], 2 ** 62, j[2], j[3]), jobs))
        return (stop, sum(r[1] for r in results), sum(r[2] for r in results), sum(r[3] for r in results))

    def train(self, callback=None):
        """Train to the end. ``callback(fraction_done, loss)`` is called about 100 times; returning False stops."""
        chunk = max(1000, self.total_words // 100)
        while not self.train_chunk(chunk):
            if callback is not None and callback(self.progress, self.loss_history[-1][1]
                                                 if self.loss_history else float("nan")) is False:
                return self
        if callback is not None:
            callback(1.0, self.loss_history[-1][1] if self.loss_history else float("nan"))
        return self

    def embedding_rows(self, indices) -> np.ndarray:
        """A copy of a few rows of the embedding matrix (n, vector_size): cheap snapshots of some words mid-run."""
        return self._embedding[np.asarray(indices, dtype=np.int64)]  # fancy indexing copies

    def get_latest_training_loss(self) -> float:
        """Mean loss per step of the last chunk (gensim's method returns a running sum instead)."""
        return self.loss_history[-1][1] if self.loss_history else 0.0

    @property
    def wv(self):
        """A KeyedVectors snapshot of the embedding matrix, rebuilt when training has moved on (never live)."""
        if self.vocab is None:
            raise ValueError("no vectors yet: call build_vocab(sentences)")
        if self._wv_at != self._words_done:
            from .keyedvectors import KeyedVectors
            self._wv = KeyedVectors(self._embedding.copy(), self.vocab.index_to_key)
            self._wv_at = self._words_done
        return self._wv


def warm_up() -> float:
    """Compile (first run ever: ~5-10 s) or load from numba's disk cache (~1 s) the training kernels; seconds.

    A server can call it once at start so the first user who presses "train" does not wait for the compiler.
    """
    import time
    t0 = time.perf_counter()
    tiny = [["a", "b", "c"], ["b", "c", "a"]] * 5
    for sg in (0, 1):
        Word2Vec(tiny, vector_size=4, min_count=1, negative=1, epochs=1, sg=sg)
    return time.perf_counter() - t0
