"""One skip-gram and one CBOW negative-sampling step as pure functions that return every intermediate value."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def init_params(vocab_size: int, vector_size: int, seed=1, context_init: str = "zeros"):
    """gensim 4's starting point: ``embedding`` uniform in [-1, 1)/vector_size, ``context`` all zeros.

    (The C tool and gensim 3 used [-0.5, 0.5)/vector_size; gensim 4's wider start measurably helps on small
    corpora: WordSim353 Spearman 0.40 -> 0.42 in benchmarks/bench_trainer.py, level with gensim.)

    ``embedding`` is gensim's ``wv.vectors`` (syn0); ``context`` is ``syn1neg``. ``context_init="random"``
    gives small random context rows too (same scale), so a heatmap of it is not blank before the first step.
    ``seed`` may be an int or an ``np.random.Generator`` (so one generator can be passed down).
    """
    if vocab_size < 1 or vector_size < 1:
        raise ValueError(f"vocab_size and vector_size must be >= 1, got {vocab_size}, {vector_size}")
    if context_init not in ("zeros", "random"):
        raise ValueError(f"context_init must be 'zeros' or 'random', got {context_init!r}")
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    embedding = _uniform_rows(rng, vocab_size, vector_size)  # (V, d)
    if context_init == "zeros":
        context = np.zeros((vocab_size, vector_size), dtype=np.float32)  # (V, d)
    else:
        context = _uniform_rows(rng, vocab_size, vector_size)
    return embedding, context


def _uniform_rows(rng, rows, cols, block=4096):
    """float32 (rows, cols) uniform in [-1, 1)/cols, drawn ``block`` rows at a time: the same numbers as one
    float64 draw of the whole matrix (the generator's stream is sequential) without its 2-3 float64 copies."""
    out = np.empty((rows, cols), dtype=np.float32)  # (V, d)
    for a in range(0, rows, block):
        b = min(rows, a + block)
        out[a:b] = (rng.random((b - a, cols)) * 2 - 1) / cols  # float64, rounded to float32 on assignment
    return out


def sigmoid(x):
    """Logistic function written so that large |x| never overflows."""
    return np.exp(-np.logaddexp(0, -np.asarray(x)))  # 1 / (1 + e^-x); keeps float32 as float32


@dataclass
class SGNSTrace:
    """Everything one step computed, in order: look up, score, squash, compare, gradient, update.

    The same fields for both models: skip-gram has one input word (the centre), CBOW one per context word.
    """
    inputs: list            # [C] ids of the Embedding rows the step reads (skip-gram: [centre]; CBOW: the context)
    targets: np.ndarray     # (K+1,) the true word first, then the negatives
    labels: np.ndarray      # (K+1,) 1 for the true word, 0 for each negative
    V: np.ndarray           # (C, d) the input rows before the step
    v: np.ndarray           # (d,) the vector scored: skip-gram V[0], CBOW h (mean or sum of V)
    U: np.ndarray           # (K+1, d) context rows of the targets before the step
    scores: np.ndarray      # (K+1,) U @ v
    sigmoids: np.ndarray    # (K+1,) sigma(scores): predicted probability that each target is a true neighbour
    errors: np.ndarray      # (K+1,) labels - sigmoids
    grad_v: np.ndarray      # (d,) dL/dv
    grad_U: np.ndarray      # (K+1, d) dL/dU
    delta_v: np.ndarray     # (d,) change applied to each input row (= -alpha * grad_v; CBOW sum: divided by C)
    delta_U: np.ndarray     # (K+1, d) change applied to each row of U (= -alpha * grad_U)
    v_after: np.ndarray     # (C, d) the input rows after the step
    U_after: np.ndarray     # (K+1, d) context rows after
    loss: float             # -log sigma(u_o.v) - sum_k log sigma(-u_k.v), before the update
    alpha: float            # learning rate of this step


def _scores_and_grads(v, context, target, negatives):
    r"""Shared forward and backward pass for input vector ``v`` against the true ``target`` and the negatives.

    .. math:: L = -\log\sigma(u_o^\top v) - \sum_k \log\sigma(-u_k^\top v), \quad
              e_j = y_j - \sigma(u_j^\top v), \quad
              \frac{\partial L}{\partial v} = -\sum_j e_j u_j, \quad \frac{\partial L}{\partial u_j} = -e_j v
    """
    negatives = np.asarray(negatives, dtype=np.int64).reshape(-1)
    targets = np.concatenate([[int(target)], negatives]).astype(np.int64)  # (K+1,)
    labels = np.zeros(len(targets), dtype=v.dtype)
    labels[0] = 1
    U = context[targets]  # (K+1, d) a copy: fancy indexing
    scores = U @ v  # (K+1,)
    sig = sigmoid(scores)  # (K+1,)
    errors = labels - sig  # (K+1,)
    # log sigma(s) for the true word, log sigma(-s) for negatives, via logaddexp so no log(0)
    signs = np.where(labels == 1, 1.0, -1.0)
    loss = float(np.logaddexp(0, -signs * scores.astype(np.float64)).sum())
    grad_v = -(errors @ U)  # (d,)
    grad_U = -np.outer(errors, v)  # (K+1, d)
    return targets, labels, U, scores, sig, errors, grad_v, grad_U, loss


def sgns_step(embedding, context, center, context_word, negatives, alpha):
    r"""Skip-gram with negative sampling: the centre word's embedding row ``v`` learns to score its true context
    word ``u_o`` high and the ``negatives`` low. Gradient first (with the rows as they were), then apply:

    .. math:: v \leftarrow v - \alpha \frac{\partial L}{\partial v}, \qquad
              u_j \leftarrow u_j - \alpha \frac{\partial L}{\partial u_j}

    A negative drawn twice gets both updates (summed). Returns ``(embedding, context, trace)``; the inputs are
    not modified.

    >>> emb, ctx = init_params(4, 3, seed=0)  # context starts at zero: every score is 0, every sigmoid 0.5
    >>> emb2, ctx2, t = sgns_step(emb, ctx, center=0, context_word=1, negatives=[2, 3], alpha=0.1)
    >>> t.targets.tolist(), t.errors.tolist(), round(t.loss, 4)  # loss = 3 log 2
    ([1, 2, 3], [0.5, -0.5, -0.5], 2.0794)
    """
    center = int(center)
    v = embedding[center].copy()  # (d,)
    targets, labels, U, scores, sig, errors, grad_v, grad_U, loss = _scores_and_grads(v, context, context_word,
                                                                                      negatives)
    delta_v = (-alpha * grad_v).astype(embedding.dtype)  # (d,)
    delta_U = (-alpha * grad_U).astype(context.dtype)  # (K+1, d)
    new_context = context.copy()
    np.add.at(new_context, targets, delta_U)  # add.at: a repeated negative gets each of its updates
    new_embedding = embedding.copy()
    new_embedding[center] += delta_v
    trace = SGNSTrace([center], targets, labels, embedding[[center]], v, U, scores, sig, errors, grad_v, grad_U,
                      delta_v, delta_U, new_embedding[[center]], new_context[targets], loss, float(alpha))
    return new_embedding, new_context, trace


def cbow_step(embedding, context, context_words, center, negatives, alpha, cbow_mean=True):
    r"""CBOW with negative sampling: ``h``, the mean (or sum) of the context words' embedding rows, predicts the
    centre word. Same loss and gradients as :func:`sgns_step` with ``v`` replaced by

    .. math:: h = \frac{1}{C}\sum_{c} e_c \ (\text{cbow\_mean}) \quad\text{or}\quad h = \sum_c e_c

    Then, like the C tool and gensim, each context row moves by ``delta_v = -alpha * dL/dh`` when averaging, and
    by ``delta_v / C`` when summing (the exact chain rule would do it the other way round; we follow gensim so
    the trained vectors behave the same). ``trace.v`` is ``h``; ``trace.V`` and ``trace.v_after`` hold the context
    rows before and after.
    """
    ctx = np.asarray(context_words, dtype=np.int64).reshape(-1)  # (C,)
    if ctx.size == 0:
        raise ValueError("cbow_step needs at least one context word")
    rows = embedding[ctx]  # (C, d)
    h = rows.mean(axis=0) if cbow_mean else rows.sum(axis=0)  # (d,)
    h = h.astype(embedding.dtype)
    targets, labels, U, scores, sig, errors, grad_v, grad_U, loss = _scores_and_grads(h, context, center,
                                                                                      negatives)
    delta_v = (-alpha * grad_v).astype(embedding.dtype)  # (d,)
    if not cbow_mean:
        delta_v = (delta_v / ctx.size).astype(embedding.dtype)
    delta_U = (-alpha * grad_U).astype(context.dtype)  # (K+1, d)
    new_context = context.copy()
    np.add.at(new_context, targets, delta_U)
    new_embedding = embedding.copy()
    np.add.at(new_embedding, ctx, delta_v)  # a word twice in the window is moved twice
    trace = SGNSTrace(ctx.tolist(), targets, labels, rows, h, U, scores, sig, errors, grad_v, grad_U, delta_v,
                      delta_U, new_embedding[ctx], new_context[targets], loss, float(alpha))
    return new_embedding, new_context, trace
