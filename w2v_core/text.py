"""Text to tokens and a frequency-sorted vocabulary (English words, Chinese via jieba or characters)."""
from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable

import numpy as np

# CJK ideographs (basic block, extension A, compatibility ideographs): the runs that jieba segments.
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{_CJK}]+")
# A word: letters/digits (not CJK, not underscore), optionally joined by apostrophes ("don't", "o'clock").
_WORD = re.compile(rf"[^\W_{_CJK}]+(?:'[^\W_{_CJK}]+)*")
# Sentence ends in both scripts; newlines end a sentence too (one sentence a line is a common corpus format).
_SENTENCE_END = re.compile(r"[.!?;。！？；…\n]+")
_LANGS = ("auto", "en", "zh")
_CHINESE = ("word", "char")


def _jieba_cut(run: str) -> list[str]:
    import jieba  # lazy: loading its dictionary takes about a second, English-only users never pay it

    jieba.setLogLevel(logging.WARNING)
    return [w for w in jieba.lcut(run) if w.strip()]


def _english(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))  # curly apostrophe -> straight


def _chinese(run: str, chinese: str) -> list[str]:
    return list(run) if chinese == "char" else _jieba_cut(run)


def tokenize(text: str, lang: str = "auto", chinese: str = "word") -> list[str]:
    """Split ``text`` into lowercase tokens; punctuation is dropped.

    ``lang="auto"`` looks at each run of script separately, so ``"I love 北京天安门"`` gives
    ``['i', 'love', '北京', '天安门']``. ``lang="en"`` keeps only non-CJK words; ``lang="zh"`` also keeps
    Latin words (they occur in Chinese text) but segments every CJK run. ``chinese="char"`` uses one token per
    character instead of jieba's words.

    >>> tokenize("Don't panic, Mr. King!")
    ["don't", 'panic', 'mr', 'king']
    """
    if lang not in _LANGS:
        raise ValueError(f"lang must be one of {_LANGS}, got {lang!r}")
    if chinese not in _CHINESE:
        raise ValueError(f"chinese must be one of {_CHINESE}, got {chinese!r}")
    if not isinstance(text, str):
        raise ValueError(f"text must be a string, got {type(text).__name__}")
    if lang == "en":
        return _english(text)
    tokens: list[str] = []
    pos = 0
    for m in _CJK_RUN.finditer(text):  # alternate: non-CJK stretch, CJK run, non-CJK stretch, ...
        tokens += _english(text[pos:m.start()])
        tokens += _chinese(m.group(), chinese)
        pos = m.end()
    tokens += _english(text[pos:])
    return tokens


def split_sentences(text: str, lang: str = "auto", chinese: str = "word") -> list[list[str]]:
    """Split on sentence ends (. ! ? ; 。！？； and newlines) and tokenize each; empty sentences are dropped."""
    out = []
    for piece in _SENTENCE_END.split(text):
        toks = tokenize(piece, lang=lang, chinese=chinese)
        if toks:
            out.append(toks)
    return out


def vocab_order(counts, min_count: int = 1) -> np.ndarray:
    """Which words make the vocabulary and in what order: positions in ``counts`` (distinct words in order of
    first appearance) of the words seen ``min_count`` times or more, by count (desc), ties by first appearance.

    >>> vocab_order([1, 3, 1, 2], min_count=1).tolist()
    [1, 3, 0, 2]
    """
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"min_count must be a whole number >= 1, got {min_count!r}")
    counts = np.asarray(counts, dtype=np.int64)  # (W,)
    if counts.size == 0:
        raise ValueError("the corpus is empty: no words to build a vocabulary from")
    kept = np.flatnonzero(counts >= min_count)
    if kept.size == 0:
        raise ValueError(f"no word occurs at least min_count={min_count} times "
                         f"(the most frequent occurs {counts.max()} times); lower min_count")
    return kept[np.argsort(-counts[kept], kind="stable")]  # stable: equal counts keep first-appearance order


class Vocab:
    """Words kept after ``min_count``, sorted by count (desc), ties by first appearance, like gensim's vocab.

    >>> v = Vocab.from_sentences([["a", "b", "b"]])
    >>> v.index_to_key, v.counts.tolist(), v.total
    (['b', 'a'], [2, 1], 3)
    """

    def __init__(self, index_to_key: list[str], counts: np.ndarray):
        self.index_to_key = list(index_to_key)
        self.key_to_index = {w: i for i, w in enumerate(self.index_to_key)}
        self.counts = np.asarray(counts, dtype=np.int64)  # (V,) aligned with index_to_key
        self.total = int(self.counts.sum())  # tokens of the corpus that are in the vocabulary

    @classmethod
    def from_sentences(cls, sentences: Iterable[Iterable[str]], min_count: int = 1) -> "Vocab":
        counter: Counter = Counter()  # insertion-ordered: remembers first appearance for the tie-break
        for sentence in sentences:
            if isinstance(sentence, str):
                raise ValueError("sentences must be lists of tokens, not strings (use split_sentences first)")
            counter.update(sentence)
        words, counts = list(counter), np.fromiter(counter.values(), dtype=np.int64, count=len(counter))
        order = vocab_order(counts, min_count)
        return cls([words[i] for i in order], counts[order])

    def __len__(self) -> int:
        return len(self.index_to_key)

    def __contains__(self, word) -> bool:
        return word in self.key_to_index

    def __repr__(self) -> str:
        return f"Vocab({len(self)} words, {self.total} tokens)"

    def encode(self, tokens: Iterable[str]) -> np.ndarray:
        """Token ids (int32); tokens not in the vocabulary are dropped, as gensim's trainer does."""
        idx = self.key_to_index
        return np.array([idx[t] for t in tokens if t in idx], dtype=np.int32)
