"""A tiny Bengio-style neural language model: look up -> concatenate -> linear -> softmax over the vocabulary."""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from .sgns import _scores_and_grads
from .text import Vocab

PAD = "<pad>"  # fills missing neighbours at sentence edges; an input only, never a prediction
BLOCK = 16_384  # columns of W updated at a time by an in-place step (no (n*d, V) gradient matrix in memory)


class UnknownWordsError(KeyError):
    """Words the language model never saw; ``.words`` lists them in the order given."""

    def __init__(self, words):
        self.words = list(words)
        super().__init__(*self.words)

    def __str__(self):
        return f"not in the vocabulary: {', '.join(self.words)}"


@dataclass
class LMTrace:
    """The three steps of one prediction (and, with a target, the error and the gradients)."""
    context_ids: np.ndarray  # (n,) rows of the embedding matrix looked up (left words, then right words)
    embeddings: np.ndarray   # (n, d) step 1: look up
    hidden: np.ndarray       # (n*d,) step 2: concatenate
    logits: np.ndarray       # (V,) step 3: hidden @ W + b, one score per vocabulary word
    probs: np.ndarray        # (V,) softmax(logits)
    onehot: np.ndarray | None = None  # (V,) 1 at the target word
    error: np.ndarray | None = None   # (V,) onehot - probs
    loss: float | None = None         # -log probs[target] (cross-entropy)
    grads: dict | None = None         # dL/dE rows (n, d), dL/dW (n*d, V), dL/db (V,)


def _forward(params, context_ids) -> LMTrace:
    ids = np.asarray(context_ids, dtype=np.int64)
    emb = params["E"][ids]  # (n, d)
    hidden = emb.reshape(-1)  # (n*d,)
    logits = hidden @ params["W"] + params["b"]  # (V,)
    z = np.exp(logits - logits.max())  # subtract the max: same softmax, no overflow
    return LMTrace(ids, emb, hidden, logits, z / z.sum())


def _backward(params, trace: LMTrace, target: int, grad_w: bool = True) -> LMTrace:
    r"""Cross-entropy gradients: :math:`\partial L/\partial \text{logits} = p - y = -\text{error}`.

    ``grad_w=False`` leaves out dL/dW, an (n*d, V) matrix that is just ``outer(hidden, dlogits)``."""
    trace.onehot = np.zeros_like(trace.probs)
    trace.onehot[target] = 1
    trace.error = trace.onehot - trace.probs  # (V,)
    trace.loss = float(-np.log(max(trace.probs[target], 1e-300)))
    dlogits = -trace.error  # (V,)
    trace.grads = {"b": dlogits,  # (V,)
                   "E": (params["W"] @ dlogits).reshape(trace.embeddings.shape)}  # (n, d) back through concat
    if grad_w:
        trace.grads["W"] = np.outer(trace.hidden, dlogits)  # (n*d, V)
    return trace


def softmax_step(params: dict, context_ids, target: int, lr: float, inplace: bool = False):
    r"""One SGD step of the language model; returns ``(new_params, trace)``.

    .. math:: h = [e_{w_1}; \dots; e_{w_n}], \quad p = \mathrm{softmax}(W^\top h + b), \quad L = -\log p_y

    Every step touches all V columns of ``W``: this is why a full softmax is expensive for a big vocabulary.
    Pure by default. ``inplace=True`` updates ``params``' arrays themselves, ``W`` a block of columns at a time,
    and leaves dL/dW out of the trace, so a step over 400,000 words needs little more memory than ``W``.
    """
    trace = _backward(params, _forward(params, context_ids), int(target), grad_w=not inplace)
    g = trace.grads
    if inplace:
        new = params
        W, step = params["W"], -lr * trace.hidden  # (n*d,)
        for a in range(0, W.shape[1], BLOCK):  # W -= lr * outer(hidden, dlogits), block by block
            W[:, a:a + BLOCK] += np.outer(step, g["b"][a:a + BLOCK])
        params["b"] -= lr * g["b"]
    else:
        new = {"W": params["W"] - lr * g["W"], "b": params["b"] - lr * g["b"], "E": params["E"].copy()}
    np.add.at(new["E"], trace.context_ids, -lr * g["E"])  # a word twice in the context gets both updates
    return new, trace


class SoftmaxLM:
    """Predict a missing word from ``left`` words before it (and ``right`` words after it).

    >>> lm = SoftmaxLM.train([["thou", "shalt", "not", "make", "a", "machine"]] * 20, left=2, epochs=30)
    >>> probs, trace = lm.predict(["thou", "shalt"])
    >>> lm.vocab.index_to_key[int(probs.argmax())]
    'not'
    """

    def __init__(self, vocab: Vocab, params: dict, left: int, right: int):
        self.vocab, self.params, self.left, self.right = vocab, params, left, right
        self.loss_history: list[float] = []  # mean loss of each epoch

    @classmethod
    def train(cls, sentences, left=2, right=0, dim=16, epochs=30, lr=0.1, seed=0, min_count=1) -> "SoftmaxLM":
        if left < 0 or right < 0 or left + right < 1:
            raise ValueError(f"need at least one context word: left={left}, right={right}")
        if dim < 1 or epochs < 0 or not lr > 0:
            raise ValueError(f"dim must be >= 1, epochs >= 0 and lr > 0 (got {dim}, {epochs}, {lr})")
        sentences = [list(s) for s in sentences]
        vocab = Vocab.from_sentences(sentences, min_count=min_count)
        V, rng = len(vocab), np.random.default_rng(seed)
        n = left + right
        params = {"E": rng.normal(0, 0.1, size=(V + 1, dim)),  # (V+1, d): last row is <pad>
                  "W": rng.normal(0, 0.1, size=(n * dim, V)),  # (n*d, V)
                  "b": np.zeros(V)}  # (V,)
        model = cls(vocab, params, left, right)
        samples = [(model._ids(s[:i], s[i + 1:]), vocab.key_to_index[w])
                   for s in sentences for i, w in enumerate(s) if w in vocab]
        for _ in range(epochs):
            losses = []
            for j in rng.permutation(len(samples)):
                model.params, trace = softmax_step(model.params, samples[j][0], samples[j][1], lr)
                losses.append(trace.loss)
            model.loss_history.append(float(np.mean(losses)))
        return model

    def _ids(self, left_words, right_words, strict=False) -> np.ndarray:
        """Embedding rows of the last ``left`` words before and the first ``right`` after, padded at edges."""
        pad = len(self.vocab)
        if strict:
            unknown = [w for w in [*left_words, *right_words] if w not in self.vocab]
            if unknown:
                raise UnknownWordsError(unknown)
        look = lambda w: self.vocab.key_to_index.get(w, pad)  # noqa: E731 - rare words (min_count) -> pad
        lw = [look(w) for w in list(left_words)[-self.left:]] if self.left else []
        rw = [look(w) for w in list(right_words)[:self.right]]
        return np.array([pad] * (self.left - len(lw)) + lw + rw + [pad] * (self.right - len(rw)), dtype=np.int64)

    def predict(self, left_words, right_words=(), target=None):
        """Probabilities over ``vocab`` for the blank, and the trace (with error and loss if ``target`` given).

        Unknown words raise :class:`UnknownWordsError` (a ``KeyError``); fewer words than ``left``/``right`` are
        padded.
        """
        trace = _forward(self.params, self._ids(left_words, right_words, strict=True))
        if target is not None:
            if target not in self.vocab:
                raise UnknownWordsError([target])
            trace = _backward(self.params, trace, self.vocab.key_to_index[target])
        return trace.probs, trace


def _median_seconds(fn, repeats: int) -> float:
    times = []
    for _ in range(max(1, repeats)):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return float(np.median(times))


def time_softmax_step(vocab_size: int, dim: int = 100, repeats: int = 5, context: int = 2) -> float:
    """Seconds for one full-softmax training step (:func:`softmax_step` in place) over ``vocab_size`` words."""
    rng = np.random.default_rng(0)
    params = {"E": rng.normal(size=(context, dim)).astype(np.float32),  # (n, d)
              "W": rng.normal(0, 0.01, size=(context * dim, vocab_size)).astype(np.float32),  # (n*d, V)
              "b": np.zeros(vocab_size, dtype=np.float32)}  # (V,)
    ids = np.arange(context)
    return _median_seconds(lambda: softmax_step(params, ids, 0, 0.01, inplace=True), repeats)


def time_sgns_step(negative: int = 5, dim: int = 100, repeats: int = 5) -> float:
    """Seconds for one skip-gram negative-sampling step: 1 + ``negative`` dot products, whatever the vocabulary."""
    rng = np.random.default_rng(0)
    emb = rng.normal(size=(negative + 2, dim)).astype(np.float32)
    ctx = rng.normal(0, 0.01, size=(negative + 2, dim)).astype(np.float32)
    targets = np.arange(1, negative + 2)

    def step():
        *_, grad_v, grad_U, _ = _scores_and_grads(emb[0], ctx, 1, targets[1:])
        emb[0] -= 0.01 * grad_v
        np.add.at(ctx, targets, -0.01 * grad_U)
    return _median_seconds(step, repeats)
