"""A corpus as one flat int32 array of word ids plus sentence offsets, encoded in one pass with no per-sentence arrays.

The trainer keeps the whole corpus in memory (gensim re-reads its iterable every epoch instead), so this is the
part of our memory that gensim does not have: 4 bytes a kept token and 8 a sentence, nothing per sentence in
Python. One pass over ``sentences`` gives every token a provisional id in order of first appearance (a dict
lookup in C per token, appended to an ``array.array``); the counts then decide the vocabulary, and one compiled
loop rewrites the ids in place, dropping words under ``min_count`` and sentences left with fewer than two words.

>>> vocab, corpus, offsets = encode_corpus([["a", "b", "a"], ["c"], ["b", "a", "zz"]], min_count=1)
>>> vocab.index_to_key, corpus.tolist(), offsets.tolist()
(['a', 'b', 'c', 'zz'], [0, 1, 0, 1, 0, 3], [0, 3, 6])
"""
from __future__ import annotations

from array import array

import numpy as np
from numba import njit

from .text import Vocab, vocab_order


class _FirstSeen(dict):
    """word -> id in order of first appearance; ``ids[word]`` adds an unseen word (only new words reach Python)."""

    def __missing__(self, word):
        self[word] = n = len(self)
        return n


@njit(cache=True)
def _compact(tokens, starts, remap, max_len, offsets):
    """In place: ``tokens[p] <- remap[tokens[p]]``, dropping -1 (not in the vocabulary), cutting each sentence
    into pieces of at most ``max_len`` words and dropping pieces of fewer than two words (no context).

    ``starts`` (S+1,) bounds the raw sentences; ``offsets`` receives the kept pieces' bounds. Returns
    (kept tokens, kept pieces). Writing never overtakes reading (n <= p), so one array is enough.
    """
    n, pieces = 0, 0
    offsets[0] = 0
    for s in range(starts.shape[0] - 1):
        begin = n  # where the current piece starts in the output
        for p in range(starts[s], starts[s + 1]):
            w = remap[tokens[p]]
            if w >= 0:
                tokens[n] = w
                n += 1
                if n - begin == max_len:  # a full piece
                    if max_len >= 2:
                        pieces += 1
                        offsets[pieces] = n
                        begin = n
                    else:
                        n = begin  # max_len=1: a one-word piece has no context
        if n - begin < 2:
            n = begin  # a last piece of 0 or 1 word: nothing to learn from it
        else:
            pieces += 1
            offsets[pieces] = n
    return n, pieces


def _read(sentences):
    """Provisional ids of every token (int32, in an array.array), sentence starts (int64), and the id dict."""
    ids, tokens, starts = _FirstSeen(), array("i"), array("q", [0])
    lookup = ids.__getitem__
    for sentence in sentences:
        if isinstance(sentence, str):
            raise ValueError("sentences must be lists of tokens, not strings (use split_sentences first)")
        tokens.extend(map(lookup, sentence))
        starts.append(len(tokens))
    return ids, tokens, starts


def encode_corpus(sentences, min_count: int = 5, max_len: int = 10000):
    """``(vocab, corpus, offsets)``: sentence ``s`` is ``corpus[offsets[s]:offsets[s + 1]]`` (vocabulary ids).

    ``sentences`` is any iterable of token iterables, read once (a generator works). Words seen fewer than
    ``min_count`` times are dropped, as gensim's trainer drops them; sentences longer than ``max_len`` words
    are cut into pieces (gensim's 10,000-word limit); pieces with fewer than two words are left out.
    """
    if isinstance(sentences, str):
        raise ValueError("sentences must be a list of token lists, not a string (use text.split_sentences)")
    ids, buf, starts = _read(sentences)
    raw = np.frombuffer(buf, dtype=np.int32) if len(buf) else np.zeros(0, np.int32)  # (N,) a view, no copy
    counts = np.bincount(raw, minlength=len(ids))  # (W,) every distinct word's count
    order = vocab_order(counts, min_count)  # (V,) provisional ids of the vocabulary, most frequent first
    words = list(ids)
    vocab = Vocab([words[i] for i in order], counts[order])
    del ids, words
    remap = np.full(counts.size, -1, dtype=np.int32)  # (W,) provisional id -> vocabulary id, -1 = dropped
    remap[order] = np.arange(order.size, dtype=np.int32)
    offsets = np.empty(len(starts) + raw.size // max_len + 1, dtype=np.int64)  # room for every piece
    n, pieces = _compact(raw, np.frombuffer(starts, dtype=np.int64), remap, max_len, offsets)
    del raw  # release the view so the buffer may shrink to the kept tokens
    del buf[n:]
    corpus = np.frombuffer(buf, dtype=np.int32) if n else np.zeros(0, np.int32)  # (n,) shares buf's memory
    return vocab, corpus, offsets[:pieces + 1].copy()
