"""Compiled (numba) loops that apply exactly sgns.sgns_step / sgns.cbow_step, one sample after another, in place.

The readable numpy steps in ``sgns.py`` are the reference: ``test_word2vec_fast.py`` checks these kernels against
them on the same samples. Speed comes from doing the same arithmetic without Python in the loop (gensim does the
same in Cython), plus three choices measured to matter: dot products summed in SIMD lanes (``_dot``), negatives
drawn in O(1) from an alias table instead of a binary search, and one log per step for the loss (a product of
the K+1 likelihoods) instead of one per target. Everything is float32; random numbers come from gensim's 48-bit linear congruential generator,
whose state lives in a one-element array so training can stop and resume exactly.
"""
import numpy as np
from numba import njit

_LCG_MUL = np.uint64(25214903917)  # the C tool's and gensim's generator: x <- (x * 25214903917 + 11) mod 2^48
_LCG_ADD = np.uint64(11)
_LCG_MASK = np.uint64((1 << 48) - 1)
_SHIFT = np.uint64(16)
_LOW32 = np.uint64(0xFFFFFFFF)


@njit(cache=True, fastmath=False)
def _rand32(state):
    """Next 32 random bits (gensim's ``random_int32``); advances ``state[0]``."""
    state[0] = (state[0] * _LCG_MUL + _LCG_ADD) & _LCG_MASK
    return (state[0] >> _SHIFT) & _LOW32


@njit(cache=True, fastmath=False)
def next_state(state):
    """A new 48-bit generator state taken from ``state``'s stream (a seed for another worker's generator)."""
    return (_rand32(state) << _SHIFT) ^ _rand32(state)


@njit(cache=True, fastmath={"reassoc"})
def _dot(a, b):
    """a . b in float32. ``reassoc`` lets LLVM sum in SIMD lanes (about 4x faster than one running sum); it
    allows nothing else (no approximate maths, NaN/inf kept), and the order is fixed for a compiled kernel."""
    s = np.float32(0.0)
    for x in range(a.shape[0]):
        s += a[x] * b[x]
    return s


@njit(cache=True, fastmath=False)
def _update(syn0, syn1neg, h, inputs, n_inputs, targets, n_targets, alpha, scale, scores, work):
    """Shared body of both steps: ``h`` (d,) against ``targets[:n_targets]`` (true word first).

    Gradient first, then apply (same order as sgns_step): scores with the old rows, ``work`` = alpha * errors @ U
    from the old rows, then U += alpha * errors (x) h, then each input row += scale * work. Returns the loss.
    ``scores`` and ``work`` are scratch buffers (scores[j] ends up holding alpha * error_j).
    """
    d = h.shape[0]
    likelihood = 1.0  # sigma(s_0) * prod_k sigma(-s_k): one log at the end instead of one per target
    for j in range(n_targets):  # scores = U @ h                                           # (K+1,)
        s = _dot(syn1neg[targets[j]], h)
        e = np.exp(-np.float64(s))  # float64: no overflow for any float32 score below 700
        p = 1.0 / (1.0 + e)  # sigma(s)
        if j == 0:
            scores[j] = alpha * (np.float32(1.0) - np.float32(p))  # alpha * error, error = label - sigma(s)
            likelihood *= p
        else:
            scores[j] = alpha * (np.float32(0.0) - np.float32(p))
            likelihood *= e * p  # sigma(-s) = e^-s / (1 + e^-s)
    loss = -np.log(likelihood)  # -log sigma(s_0) - sum_k log sigma(-s_k)
    for x in range(d):
        work[x] = 0.0
    for j in range(n_targets):  # work = -alpha * dL/dh = alpha * errors @ U (old rows)    # (d,)
        row = syn1neg[targets[j]]
        g = scores[j]
        for x in range(d):
            work[x] += g * row[x]
    for j in range(n_targets):  # U += alpha * errors (x) h                                # (K+1, d)
        row = syn1neg[targets[j]]
        g = scores[j]
        for x in range(d):
            row[x] += g * h[x]
    for c in range(n_inputs):  # each input row += scale * work (scale = 1, or 1/C for CBOW sums)
        row = syn0[inputs[c]]
        for x in range(d):
            row[x] += scale * work[x]
    return loss


@njit(cache=True, fastmath=False)
def _sg_pair(syn0, syn1neg, center, word, negs, n_negs, alpha, h, inputs, targets, scores, work):
    """One skip-gram pair: sgns_step(center, word, negs[:n_negs], alpha), in place."""
    inputs[0] = center
    targets[0] = word
    for k in range(n_negs):
        targets[k + 1] = negs[k]
    h[:] = syn0[center]  # a copy: v before the step
    return _update(syn0, syn1neg, h, inputs, 1, targets, n_negs + 1, alpha, np.float32(1.0), scores, work)


@njit(cache=True, fastmath=False)
def _cbow(syn0, syn1neg, ctx, n_ctx, center, negs, n_negs, cbow_mean, alpha, h, targets, scores, work):
    """One CBOW sample: cbow_step(ctx[:n_ctx], center, negs[:n_negs], alpha, cbow_mean), in place."""
    h[:] = 0.0
    for c in range(n_ctx):
        h += syn0[ctx[c]]
    inv = np.float32(1.0) / np.float32(n_ctx)
    if cbow_mean:
        h *= inv  # h = mean of the context rows
    targets[0] = center
    for k in range(n_negs):
        targets[k + 1] = negs[k]
    scale = np.float32(1.0) if cbow_mean else inv  # gensim: full update each row for mean, 1/C for sum
    return _update(syn0, syn1neg, h, ctx, n_ctx, targets, n_negs + 1, alpha, scale, scores, work)


@njit(cache=True, fastmath=False)
def sgns_batch(syn0, syn1neg, centers, words, negatives, alphas):
    """Apply sgns_step to each (center, word, negatives[i] without -1 entries, alphas[i]) in order. Returns loss."""
    d, K = syn0.shape[1], negatives.shape[1]
    h, work = np.empty(d, np.float32), np.empty(d, np.float32)
    inputs, targets = np.empty(1, np.int64), np.empty(K + 1, np.int64)
    scores, negs = np.empty(K + 1, np.float32), np.empty(K, np.int64)
    loss = 0.0
    for i in range(centers.shape[0]):
        n = 0
        for k in range(K):
            if negatives[i, k] >= 0:
                negs[n] = negatives[i, k]
                n += 1
        loss += _sg_pair(syn0, syn1neg, centers[i], words[i], negs, n, np.float32(alphas[i]), h, inputs,
                         targets, scores, work)
    return loss


@njit(cache=True, fastmath=False)
def cbow_batch(syn0, syn1neg, ctx_flat, ctx_offsets, centers, negatives, alphas, cbow_mean):
    """Apply cbow_step to each sample i (context ctx_flat[ctx_offsets[i]:ctx_offsets[i+1]]) in order."""
    d, K = syn0.shape[1], negatives.shape[1]
    h, work = np.empty(d, np.float32), np.empty(d, np.float32)
    targets, scores, negs = np.empty(K + 1, np.int64), np.empty(K + 1, np.float32), np.empty(K, np.int64)
    loss = 0.0
    for i in range(centers.shape[0]):
        n = 0
        for k in range(K):
            if negatives[i, k] >= 0:
                negs[n] = negatives[i, k]
                n += 1
        ctx = ctx_flat[ctx_offsets[i]:ctx_offsets[i + 1]]
        loss += _cbow(syn0, syn1neg, ctx, ctx.shape[0], centers[i], negs, n, cbow_mean, np.float32(alphas[i]),
                      h, targets, scores, work)
    return loss


@njit(cache=True, fastmath=False)
def _draw_negatives(alias_keep, alias, negative, true_word, state, negs):
    """Draw ``negative`` words from the unigram^ns_exponent distribution with the alias table (O(1) a draw);
    a draw equal to the true word is skipped, as in gensim (so sometimes fewer). Returns how many were kept."""
    n = 0
    V = np.uint64(alias.shape[0])
    for _ in range(negative):
        w = np.int64(_rand32(state) % V)  # a column, uniformly
        if _rand32(state) >= alias_keep[w]:  # the column's other word
            w = alias[w]
        if w != true_word:
            negs[n] = w
            n += 1
    return n


@njit(cache=True, fastmath=False, nogil=True)
def train_sentences(syn0, syn1neg, corpus, offsets, s_begin, s_end, max_words, sg, window, shrink_windows,
                    negative, cbow_mean, keep_ints, alias_keep, alias, state, words_before, total_words, alpha0,
                    min_alpha):
    """Train on sentences s_begin.. (corpus[offsets[s]:offsets[s+1]]) until ``max_words`` corpus words are done.

    Per sentence: learning rate from the global word position (linear decay alpha0 -> min_alpha), subsampling
    (keep word w if ``keep_ints[w]`` >= 32 random bits), gensim's reduced window, then one skip-gram step per
    (centre, context word) pair or one CBOW step per centre, each with ``negative`` draws from the alias table. Returns (next sentence, words done, loss sum,
    steps); stopping only at sentence ends makes any split into calls give the same result.
    """
    d = syn0.shape[1]
    h, work = np.empty(d, np.float32), np.empty(d, np.float32)
    longest = 0
    for s in range(s_begin, s_end):
        longest = max(longest, offsets[s + 1] - offsets[s])
    # a window never holds more than the sentence: window=10**9 must not allocate 16 GB
    inputs, targets = np.empty(2 * min(window, longest) + 1, np.int64), np.empty(negative + 1, np.int64)
    scores, negs = np.empty(negative + 1, np.float32), np.empty(max(negative, 1), np.int64)
    buf = np.empty(longest, np.int64)
    done, loss, steps, s = 0, 0.0, 0, s_begin
    while s < s_end and done < max_words:
        frac = (words_before + done) / total_words
        alpha = np.float32(alpha0 - (alpha0 - min_alpha) * min(frac, 1.0))
        n = 0
        for p in range(offsets[s], offsets[s + 1]):  # subsampling: frequent words are often dropped
            w = corpus[p]
            if keep_ints[w] >= _rand32(state):
                buf[n] = w
                n += 1
        for i in range(n):
            b = np.int64(_rand32(state) % np.uint64(window)) if shrink_windows else 0
            lo, hi = max(0, i - window + b), min(n, i + window + 1 - b)
            if sg:
                for j in range(lo, hi):
                    if j != i:
                        k = _draw_negatives(alias_keep, alias, negative, buf[j], state, negs)
                        loss += _sg_pair(syn0, syn1neg, buf[i], buf[j], negs, k, alpha, h, inputs, targets,
                                         scores, work)
                        steps += 1
            else:
                c = 0
                for j in range(lo, hi):
                    if j != i:
                        inputs[c] = buf[j]
                        c += 1
                if c > 0:
                    k = _draw_negatives(alias_keep, alias, negative, buf[i], state, negs)
                    loss += _cbow(syn0, syn1neg, inputs, c, buf[i], negs, k, cbow_mean, alpha, h, targets,
                                  scores, work)
                    steps += 1
        done += offsets[s + 1] - offsets[s]
        s += 1
    return s, done, loss, steps
