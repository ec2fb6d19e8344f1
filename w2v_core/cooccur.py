"""Why two words end up close: who stands near each of them in the corpus, and which neighbours they share.

Everything works on the corpus as the trainer sees it, ``(corpus, offsets)`` from :func:`corpus.encode_corpus`
(words under ``min_count`` already dropped, so a window spans over them exactly as in training). Windows are the
trainer's *maximum* window: ``window`` words on each side, never across a sentence end, and no random shrinking
(gensim's ``shrink_windows`` draws a width from 1 to ``window`` for each centre word). Full windows make every
count deterministic; shrinking only weights near words more, it brings no word the full window would not.

Skip-gram and CBOW both push a word's vector towards the context vectors of the words in its windows, so two
words with many contexts in common get pulled towards the same vectors and end up close.

>>> from w2v_core.corpus import encode_corpus
>>> vocab, corpus, offsets = encode_corpus([["the", "cat", "ate"], ["the", "dog", "ate"]], min_count=1)
>>> ca = context_counts(corpus, offsets, vocab.key_to_index["cat"], window=1, vocab_size=len(vocab))
>>> cb = context_counts(corpus, offsets, vocab.key_to_index["dog"], window=1, vocab_size=len(vocab))
>>> [(vocab.index_to_key[c], na, nb) for c, na, nb in shared_contexts(ca, cb)]
[('the', 1, 1), ('ate', 1, 1)]
>>> [vocab.index_to_key[c] for c in closeness_reason(ca, cb)]
['the', 'ate']
"""
from __future__ import annotations

import numpy as np


def occurrences(corpus, offsets, w: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions of word id ``w`` in ``corpus`` and the bounds [start, end) of the sentence each one is in."""
    pos = np.flatnonzero(np.asarray(corpus) == w)  # (n,)
    sent = np.searchsorted(offsets, pos, side="right") - 1  # (n,) sentence s holds offsets[s] <= p < offsets[s+1]
    return pos, np.asarray(offsets)[sent], np.asarray(offsets)[sent + 1]


def context_counts(corpus, offsets, w: int, window: int, vocab_size: int) -> np.ndarray:
    """How often each word stands within ``window`` words before / after an occurrence of ``w``: (2, V) counts.

    Row 0 counts words *before* ``w`` (at positions p-1 ... p-window), row 1 words *after* it. A word that is
    its own neighbour ("the dog saw the dog") is counted too, as the trainer would pair it.
    """
    corpus = np.asarray(corpus)
    pos, start, end = occurrences(corpus, offsets, w)
    counts = np.zeros((2, vocab_size), dtype=np.int64)  # (2, V)
    for d in range(1, int(window) + 1):  # one vectorised pass per distance: at most 2 * window passes
        left, right = pos - d, pos + d
        counts[0] += np.bincount(corpus[left[left >= start]], minlength=vocab_size)
        counts[1] += np.bincount(corpus[right[right < end]], minlength=vocab_size)
    return counts


def shared_contexts(ca: np.ndarray, cb: np.ndarray, topn: int = 10, exclude=()) -> list[tuple[int, int, int]]:
    """Context words near both words, as (id, count near a, count near b), strongest first.

    Rank by ``min(n_a, n_b)`` (a context counts only as much as the rarer side has it: 50 times near *a* and
    once near *b* is one shared occurrence, not 51), then by ``n_a + n_b``, then by id (frequency order).
    ``exclude``: ids left out (the two words themselves, whose mutual windows are reported apart).
    """
    na, nb = ca.sum(axis=0), cb.sum(axis=0)  # (V,) before + after
    both = np.minimum(na, nb)
    both[list(exclude)] = 0
    ids = np.flatnonzero(both)
    order = np.lexsort((ids, -(na + nb)[ids], -both[ids]))  # last key first: min, then sum, then id
    return [(int(i), int(na[i]), int(nb[i])) for i in ids[order][:topn]]


def closeness_reason(ca: np.ndarray, cb: np.ndarray, exclude=()) -> tuple[int, int]:
    """The one sentence's input: the word both most often come *after*, and the one both most often come *before*.

    ``-1`` when no word stands on that side of both. Scored per side by ``min`` of the two counts, ties by the
    lower id (the more frequent word): "both appear after 'the' and before 'ate'".
    """
    out = []
    for side in (0, 1):  # row 0 = words before them (they come after it), row 1 = words after them
        both = np.minimum(ca[side], cb[side])
        both[list(exclude)] = 0
        out.append(int(np.argmax(both)) if both.max() > 0 else -1)
    return out[0], out[1]


def windows(corpus, offsets, w: int, window: int, limit: int = 3) -> list[tuple[list[int], list[int]]]:
    """The first ``limit`` windows around ``w``: (ids before it, ids after it), each at most ``window`` long."""
    corpus = np.asarray(corpus)
    pos, start, end = occurrences(corpus, offsets, w)
    return [(corpus[max(s, p - window):p].tolist(), corpus[p + 1:min(e, p + 1 + window)].tolist())
            for p, s, e in zip(pos[:limit], start[:limit], end[:limit])]


def count_of(corpus, w: int) -> int:
    """How many times ``w`` occurs in the trainer's corpus."""
    return int(np.count_nonzero(np.asarray(corpus) == w))
