"""fast.py runs exactly the pure steps of sgns.py: same samples -> same matrices (float32 tolerance)."""
import numpy as np
import pytest

from w2v_core import fast
from w2v_core.sgns import cbow_step, init_params, sgns_step
from w2v_core.word2vec import Word2Vec


def _start(V=20, d=8):
    return init_params(V, d, seed=5, context_init="random")


def test_sgns_batch_equals_looping_sgns_step():
    rng = np.random.default_rng(0)
    emb, ctx = _start()
    n, K = 300, 4
    centers, words = rng.integers(0, 20, n), rng.integers(0, 20, n)
    negatives = rng.integers(-1, 20, (n, K))  # -1: a skipped draw; repeats allowed
    alphas = rng.uniform(0.01, 0.5, n).astype(np.float32)
    e, c = emb.copy(), ctx.copy()
    ref_loss = 0.0
    for i in range(n):
        e, c, t = sgns_step(e, c, centers[i], words[i], negatives[i][negatives[i] >= 0], alphas[i])
        ref_loss += t.loss
    e2, c2 = emb.copy(), ctx.copy()
    loss = fast.sgns_batch(e2, c2, centers, words, negatives, alphas)
    assert np.allclose(e2, e, rtol=1e-4, atol=1e-6) and np.allclose(c2, c, rtol=1e-4, atol=1e-6)
    assert np.isclose(loss, ref_loss, rtol=1e-4)
    assert not np.allclose(e2, emb, atol=1e-3)  # it did move


@pytest.mark.parametrize("cbow_mean", [1, 0])
def test_cbow_batch_equals_looping_cbow_step(cbow_mean):
    rng = np.random.default_rng(1)
    emb, ctx = _start()
    n, K = 200, 3
    lengths = rng.integers(1, 7, n)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    flat = rng.integers(0, 20, offsets[-1])
    centers, negatives = rng.integers(0, 20, n), rng.integers(-1, 20, (n, K))
    alphas = rng.uniform(0.01, 0.3, n).astype(np.float32)
    e, c = emb.copy(), ctx.copy()
    for i in range(n):
        e, c, _ = cbow_step(e, c, flat[offsets[i]:offsets[i + 1]], centers[i], negatives[i][negatives[i] >= 0],
                            alphas[i], cbow_mean=bool(cbow_mean))
    e2, c2 = emb.copy(), ctx.copy()
    fast.cbow_batch(e2, c2, flat, offsets, centers, negatives, alphas, cbow_mean)
    assert np.allclose(e2, e, rtol=1e-4, atol=1e-6) and np.allclose(c2, c, rtol=1e-4, atol=1e-6)


class LCG:
    """The trainer's random numbers, rewritten in Python (gensim's generator)."""

    def __init__(self, state):
        self.x = int(state)

    def rand32(self):
        self.x = (self.x * 25214903917 + 11) & ((1 << 48) - 1)
        return (self.x >> 16) & 0xFFFFFFFF


def _reference_training(model, sentences):
    """The whole trainer written with the readable pieces: vocab, keep-probabilities, windows, sgns/cbow_step."""
    rnd = LCG(model._state[0])
    emb, ctx = model._embedding.copy(), model.syn1neg.copy()
    keep, alias, V = model._alias_keep, model._alias, len(model.vocab)
    total, done = model.total_words, 0
    for _ in range(model.epochs):
        for s in sentences:
            ids = model.vocab.encode(s)
            alpha = np.float32(model.alpha - (model.alpha - model.min_alpha) * done / total)
            kept = [w for w in ids if int(model._keep_ints[w]) >= rnd.rand32()]
            for i, w in enumerate(kept):
                b = rnd.rand32() % model.window
                lo, hi = max(0, i - model.window + b), min(len(kept), i + model.window + 1 - b)
                window = [kept[j] for j in range(lo, hi) if j != i]

                def draw():  # alias method: a uniform column, then its own word or its alias
                    col = rnd.rand32() % V
                    return col if rnd.rand32() < int(keep[col]) else int(alias[col])

                def negs(true):
                    return [x for x in [draw() for _ in range(model.negative)] if x != true]
                if model.sg:
                    for o in window:
                        emb, ctx, _ = sgns_step(emb, ctx, w, o, negs(o), alpha)
                elif window:
                    emb, ctx, _ = cbow_step(emb, ctx, window, w, negs(w), alpha, model.cbow_mean)
            done += len(ids)
    return emb, ctx


@pytest.mark.parametrize("sg", [1, 0])
def test_trainer_runs_exactly_the_pure_steps(sg):
    rng = np.random.default_rng(2)
    words = [f"w{i}" for i in range(12)]
    sentences = [list(rng.choice(words, size=rng.integers(2, 9), p=np.arange(12, 0, -1) / 78)) for _ in range(30)]
    model = Word2Vec(vector_size=6, window=3, min_count=1, sample=0.05, sg=sg, negative=3, epochs=2, seed=7,
                     alpha=0.1)
    model.build_vocab(sentences)
    emb, ctx = _reference_training(model, sentences)
    model.train()
    assert np.allclose(model._embedding, emb, rtol=1e-4, atol=1e-6)
    assert np.allclose(model.syn1neg, ctx, rtol=1e-4, atol=1e-6)
    assert np.abs(ctx).max() > 0.01


def _gensim_cbow_neg(syn0, syn1neg, context, word, negatives, alpha, cbow_mean):
    """gensim 4.4's w2v_fast_sentence_cbow_neg (models/word2vec_inner.pyx) line by line, in float64 and with the
    exact sigmoid instead of its 1000-entry table: an independent reference for our CBOW step."""
    neu1 = syn0[context].sum(axis=0)  # sum of the context rows
    if cbow_mean:
        neu1 = neu1 / len(context)
    work = np.zeros_like(neu1)
    for d, target in enumerate([word, *negatives]):
        if d > 0 and target == word:
            continue  # a negative equal to the true word is skipped
        label = 1.0 if d == 0 else 0.0
        g = (label - 1 / (1 + np.exp(-(neu1 @ syn1neg[target])))) * alpha
        work += g * syn1neg[target]
        syn1neg[target] += g * neu1
    if not cbow_mean:
        work /= len(context)  # "divide error over summed window vectors"
    for m in context:
        syn0[m] += work  # every context row gets the whole (mean) or divided (sum) error


@pytest.mark.parametrize("cbow_mean", [1, 0])
def test_cbow_kernel_matches_gensims_update(cbow_mean):
    """Distinct negatives (gensim updates a repeated negative's row before its second score; we score all with
    the rows as they were, like sgns.py), a repeated context word, the true word among the draws."""
    rng = np.random.default_rng(3)
    emb, ctx = _start(V=12, d=5)
    emb64, ctx64 = emb.astype(np.float64), ctx.astype(np.float64) * 40  # large scores: sigmoids far from 1/2
    samples = [([0, 4, 4, 7], 2, [5, 2, 9]), ([1, 3], 6, [0, 11, 8]), ([9], 4, [6, 1, 2])] * 5
    for context, word, negs in samples:
        _gensim_cbow_neg(emb64, ctx64, context, word, negs, 0.3, cbow_mean)
    e, c = emb.copy(), (ctx * 40).astype(np.float32)
    flat = np.array([w for s in samples for w in s[0]])
    offsets = np.cumsum([0] + [len(s[0]) for s in samples])
    negatives = np.array([[-1 if n == s[1] else n for n in s[2]] for s in samples])  # -1: the skipped draw
    fast.cbow_batch(e, c, flat, offsets, np.array([s[1] for s in samples]), negatives,
                    np.full(len(samples), 0.3, np.float32), cbow_mean)
    assert np.allclose(e, emb64, atol=1e-5) and np.allclose(c, ctx64, atol=1e-5)
    assert np.abs(e - emb).max() > 0.1  # the steps really moved the rows
