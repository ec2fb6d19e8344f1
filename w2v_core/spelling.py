"""Did you mean …? Close spellings of an unknown word among a vocabulary's most frequent words."""
from __future__ import annotations

import difflib

import numpy as np

MAX_LEN = 64  # longer strings are not words a learner types; they are cut (queries) or left out (vocabulary)
BINS = 64     # characters are hashed into this many bins for the cheap upper bound


def char_counts(words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Lengths (n,) and character counts (n, BINS) of ``words``, characters hashed into ``BINS`` bins."""
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))  # (n,)
    codes = np.frombuffer("".join(words).encode("utf-32-le"), dtype=np.uint32) % BINS
    counts = np.zeros((len(words), BINS), dtype=np.int16)  # (n, BINS)
    np.add.at(counts, (np.repeat(np.arange(len(words)), lengths), codes), 1)
    return lengths, counts


class SpellingIndex:
    """The character counts of a word list (most frequent first), built once and afterwards only read.

    difflib's ratio is :math:`2M / (|a| + |b|)` (M = matching characters). The characters two words share bound M
    from above, so one vectorised pass keeps only the few hundred most promising words of similar length and
    difflib scores just those: a query over 50,000 words takes milliseconds. Ties go to the more frequent word.

    >>> SpellingIndex(["queen", "queens", "apple"]).suggest("quen")
    ['queen', 'queens']
    """

    def __init__(self, words):
        self.words = [w for w in words if isinstance(w, str) and 0 < len(w) <= MAX_LEN]
        self.lengths, self.counts = char_counts(self.words)
        self._known = set(self.words)

    def suggest(self, word: str, n: int = 5, cutoff: float = 0.6, known=None) -> list[str]:
        """Up to ``n`` words whose difflib ratio with ``word`` is at least ``cutoff``, best first.

        The lower-case and capitalised forms of ``word`` come first when they are in ``known`` (the whole
        vocabulary, if the index holds only its most frequent words; by default the index's own words).
        """
        if not isinstance(word, str) or not word or n < 1:
            return []
        known = self._known if known is None else known
        query = word.lower()[:MAX_LEN]
        out = [w for w in (query, word.capitalize()) if w != word and w in known]
        near = np.flatnonzero(np.abs(self.lengths - len(query)) <= 2)
        shared = np.minimum(self.counts[near], char_counts([query])[1][0]).sum(axis=1)  # >= matching characters
        bound = 2.0 * shared / (self.lengths[near] + len(query))  # >= difflib's ratio
        order = np.argsort(-bound, kind="stable")[:300]
        matcher, scored = difflib.SequenceMatcher(b=query), []
        for i in near[order[bound[order] >= cutoff]]:
            matcher.set_seq1(self.words[i])
            if matcher.ratio() >= cutoff:
                scored.append((-matcher.ratio(), int(i)))
        out += [self.words[i] for _, i in sorted(scored) if self.words[i] not in out]
        return out[:n]
