"""Word vectors and the queries the article plays with (gensim's ``KeyedVectors``: most_similar, analogies, rank).

Every query works on unit-length rows, so "similarity" always means cosine similarity:

.. math:: \\cos(a, b) = \\frac{a \\cdot b}{\\lVert a \\rVert \\, \\lVert b \\rVert}

``vectors`` is never modified: the instance keeps a read-only view, and the normalised copy is computed once
(under a lock, so many Streamlit sessions can share one instance).
"""
from __future__ import annotations

import threading
from numbers import Integral

import numpy as np

from .spelling import SpellingIndex


class UnknownWordError(KeyError):
    """A word that is not in the vocabulary; ``.word`` and ``.suggestions`` (close spellings) say more."""

    def __init__(self, word, suggestions=()):
        super().__init__(word)
        self.word = word
        self.suggestions = list(suggestions)

    def __str__(self):
        hint = f" (did you mean: {', '.join(self.suggestions)}?)" if self.suggestions else ""
        return f"'{self.word}' is not in the vocabulary{hint}"


def _as_list(value):
    """gensim's ``_ensure_list``: None -> [], one word or one vector -> [it], a 2-D array -> its rows."""
    if value is None:
        return []
    if isinstance(value, (str, Integral)) or (isinstance(value, np.ndarray) and value.ndim == 1):
        return [value]
    return list(value)  # a list, a tuple, or the rows of a 2-D array


def _top(scores, topn, skip=()):
    """Indices of the ``topn`` largest scores, best first, leaving out ``skip`` (np.argpartition, then sort)."""
    k = min(topn + len(skip), scores.size)
    if k == 0:
        return []
    best = np.argpartition(-scores, k - 1)[:k] if k < scores.size else np.arange(scores.size)
    best = best[np.argsort(-scores[best], kind="stable")]
    return [int(i) for i in best if int(i) not in skip][:topn]


class KeyedVectors:
    """Vectors with words as keys, like gensim's ``model.wv``.

    Parameters
    ----------
    vectors : array-like, shape (n_words, vector_size)
        One row per word (kept as float32, read-only).
    index_to_key : list of str
        The word of each row, usually sorted by frequency (most frequent first).

    Examples
    --------
    >>> kv = KeyedVectors([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]], ["king", "queen", "apple"])
    >>> kv.most_similar("king", topn=1)[0][0]
    'queen'
    """

    def __init__(self, vectors, index_to_key):
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if vectors.ndim != 2:
            raise ValueError(f"vectors must be a 2-D array (words x dimensions), got shape {vectors.shape}")
        index_to_key = list(index_to_key)
        if len(index_to_key) != vectors.shape[0]:
            raise ValueError(f"{len(index_to_key)} words but {vectors.shape[0]} vectors")
        self.vectors = vectors.view()
        self.vectors.flags.writeable = False  # a view: the caller's array is untouched, ours can't be written
        self.index_to_key = index_to_key
        self.key_to_index = dict(zip(index_to_key, range(len(index_to_key))))
        if len(self.key_to_index) != len(index_to_key):
            raise ValueError("index_to_key contains duplicate words")
        self._normed = None
        self._spelling = None  # (limit, SpellingIndex), built on the first suggest()
        self._lock = threading.Lock()

    # --- basics -------------------------------------------------------------------------------------------
    @property
    def vector_size(self):
        """Number of dimensions of each vector."""
        return self.vectors.shape[1]

    def __len__(self):
        return len(self.index_to_key)

    def __contains__(self, key):
        return key in self.key_to_index

    def __getitem__(self, key_or_keys):
        if isinstance(key_or_keys, (str, Integral)):
            return self.get_vector(key_or_keys)
        return np.vstack([self.get_vector(k) for k in key_or_keys])

    def __repr__(self):
        return f"KeyedVectors({len(self)} words x {self.vector_size} dims)"

    def get_index(self, key):
        """Row of ``key`` (an int is taken as a row number); raises :class:`UnknownWordError`."""
        if isinstance(key, Integral) and not isinstance(key, bool) and 0 <= key < len(self):
            return int(key)
        try:
            return self.key_to_index[key]
        except (KeyError, TypeError):
            raise UnknownWordError(key, self.suggest(key) if isinstance(key, str) else ()) from None

    def get_vector(self, key, norm=False):
        """The vector of ``key`` (read-only), or its unit-length version :math:`v / \\lVert v \\rVert` if ``norm``.

        >>> KeyedVectors([[3.0, 4.0]], ["a"]).get_vector("a", norm=True).tolist()
        [0.6000000238418579, 0.800000011920929]
        """
        i = self.get_index(key)
        return self.get_normed_vectors()[i] if norm else self.vectors[i]

    def get_normed_vectors(self):
        """All vectors scaled to unit length (computed once, read-only; a zero vector stays zero).

        >>> KeyedVectors([[3.0, 4.0]], ["a"]).get_normed_vectors().shape
        (1, 2)
        """
        if self._normed is None:
            with self._lock:
                if self._normed is None:
                    norms = np.linalg.norm(self.vectors, axis=1, keepdims=True)  # (n, 1)
                    normed = self.vectors / np.maximum(norms, np.finfo(np.float32).tiny)
                    normed.flags.writeable = False
                    self._normed = normed
        return self._normed

    def _unit(self, item):
        """A word -> its unit vector; a raw vector is used as given (as gensim does)."""
        if isinstance(item, np.ndarray):
            return item.astype(np.float32).ravel()
        return self.get_vector(item, norm=True)

    # --- queries ------------------------------------------------------------------------------------------
    def _query(self, positive, negative):
        """Parse positive/negative (words, vectors or (word, weight) pairs) -> (unit target vector, input rows)."""
        items = [(p, 1.0) for p in _as_list(positive)] + [(n, -1.0) for n in _as_list(negative)]
        items = [(it[0], float(it[1])) if isinstance(it, tuple) else (it, w) for it, w in items]
        if not items:
            raise ValueError("cannot compute similarity with no input: give at least one word")
        mean = np.zeros(self.vector_size, np.float32)  # (d,)
        for item, weight in items:
            mean += np.float32(weight) * self._unit(item)
        mean /= sum(abs(w) for _, w in items)
        length = np.linalg.norm(mean)
        mean = mean / length if length > 0 else mean
        rows = [self.get_index(it) for it, _ in items if not isinstance(it, np.ndarray)]
        return mean.astype(np.float32), rows

    def _scores(self, mean, restrict_vocab=None):
        """Cosine of ``mean`` (unit length) with every word, or the first ``restrict_vocab`` words."""
        return self.get_normed_vectors()[: restrict_vocab or len(self)] @ mean  # (n,)

    def most_similar(self, positive=None, negative=None, topn=10, restrict_vocab=None):
        """Words closest to the mean of ``positive`` minus ``negative`` (3CosAdd), the input words left out.

        .. math:: s = \\sum_{p} \\hat{p} - \\sum_{n} \\hat{n}, \\qquad t = s / \\lVert s \\rVert,
                  \\qquad \\text{score}(w) = \\cos(w, t)

        :math:`\\hat{x}` is the unit vector of word :math:`x` (raw vectors are used as given, as in gensim).
        ``positive`` may be a single word; items may be vectors or ``(word, weight)`` pairs. Returns a list of
        ``(word, cosine)``, best first; ``topn=None`` returns the cosine of every word (an array).

        >>> kv = KeyedVectors([[1, 0, 0], [0, 1, 0], [1, 0, 1], [0, 1, 1], [1, 1, -1]],
        ...                   ["man", "woman", "king", "queen", "apple"])
        >>> kv.most_similar(positive=["king", "woman"], negative=["man"], topn=1)[0][0]
        'queen'
        """
        if isinstance(topn, Integral) and topn < 1:
            return []
        mean, rows = self._query(positive, negative)
        scores = self._scores(mean, restrict_vocab)
        if not topn:
            return scores
        return [(self.index_to_key[i], float(scores[i])) for i in _top(scores, topn, set(rows))]

    def excluded_ranks(self, positive=None, negative=None, restrict_vocab=None):
        """Where each input word of :meth:`most_similar` would have ranked had it not been left out.

        ``rank`` is 1 + the number of non-input words scoring higher (so rank 1 means "it would have been the
        answer"); ``cosine`` is its score against the target. One dict per input word, in input order.

        >>> kv = KeyedVectors([[1, 0, 0], [0, 1, 0], [1, 0, 1], [0, 1, 1], [1, 1, -1]],
        ...                   ["man", "woman", "king", "queen", "apple"])
        >>> [r["word"] for r in kv.excluded_ranks(["king", "woman"], ["man"])]
        ['king', 'woman', 'man']
        """
        mean, rows = self._query(positive, negative)
        scores = self._scores(mean)
        signs = ["positive"] * len(_as_list(positive)) + ["negative"] * len(_as_list(negative))
        end = restrict_vocab or len(self)
        others = np.delete(scores[:end], [r for r in rows if r < end])  # every non-input word
        out = []
        items = [it for it in _as_list(positive) + _as_list(negative)]
        for item, sign in zip(items, signs):
            item = item[0] if isinstance(item, tuple) else item
            if isinstance(item, np.ndarray):
                continue
            i = self.get_index(item)
            out.append({"word": self.index_to_key[i], "sign": sign, "cosine": float(scores[i]),
                        "rank": int(np.count_nonzero(others > scores[i])) + 1})
        return out

    def most_similar_cosmul(self, positive=None, negative=None, topn=10, restrict_vocab=None):
        """Analogies with the multiplicative objective 3CosMul (Levy & Goldberg 2014, eq. 4), as gensim computes it.

        .. math:: \\text{score}(w) = \\frac{\\prod_{p} s(w, p)}{\\prod_{n} s(w, n) + 10^{-6}},
                  \\qquad s(w, x) = \\frac{1 + \\cos(w, x)}{2}

        Cosines are shifted into [0, 1] so products stay positive. Unlike gensim 4.4, ``restrict_vocab`` is honoured.

        >>> kv = KeyedVectors([[1, 0, 0], [0, 1, 0], [1, 0, 1], [0, 1, 1], [1, 1, -1]],
        ...                   ["man", "woman", "king", "queen", "apple"])
        >>> kv.most_similar_cosmul(positive=["king", "woman"], negative=["man"], topn=1)[0][0]
        'queen'
        """
        if isinstance(topn, Integral) and topn < 1:
            return []
        positive, negative = _as_list(positive), _as_list(negative)
        if not positive:
            raise ValueError("cannot compute similarity with no input: give at least one positive word")
        rows = {self.get_index(w) for w in positive + negative if not isinstance(w, np.ndarray)}
        normed = self.get_normed_vectors()[: restrict_vocab or len(self)]
        pos = [(1 + normed @ self._unit(w)) / 2 for w in positive]  # each (n,)
        neg = [(1 + normed @ self._unit(w)) / 2 for w in negative]
        scores = np.prod(pos, axis=0) / (np.prod(neg, axis=0) + 1e-6)
        if not topn:
            return scores
        return [(self.index_to_key[i], float(scores[i])) for i in _top(scores, topn, rows)]

    def similar_by_vector(self, vector, topn=10, restrict_vocab=None):
        """Words closest to a raw vector (no word is left out).

        >>> KeyedVectors([[1, 0], [0, 1]], ["a", "b"]).similar_by_vector(np.array([0.1, 1.0]), topn=1)[0][0]
        'b'
        """
        return self.most_similar(positive=[np.asarray(vector, np.float32)], topn=topn, restrict_vocab=restrict_vocab)

    def similar_by_key(self, key, topn=10, restrict_vocab=None):
        """Words closest to ``key`` (the word itself left out); gensim's alias ``similar_by_word`` also works.

        >>> KeyedVectors([[1, 0], [0, 1], [1, 0.1]], ["a", "b", "c"]).similar_by_key("a", topn=1)[0][0]
        'c'
        """
        return self.most_similar(positive=[key], topn=topn, restrict_vocab=restrict_vocab)

    similar_by_word = similar_by_key

    def similarity(self, w1, w2):
        """Cosine similarity of two words, :math:`\\hat{w}_1 \\cdot \\hat{w}_2`.

        >>> round(KeyedVectors([[1, 0], [1, 1]], ["a", "b"]).similarity("a", "b"), 4)
        0.7071
        """
        return float(np.dot(self.get_vector(w1, norm=True), self.get_vector(w2, norm=True)))

    def n_similarity(self, ws1, ws2):
        """Cosine between the means of two word lists (raw vectors averaged first, as in gensim).

        >>> KeyedVectors([[1, 0], [0, 1]], ["a", "b"]).n_similarity(["a"], ["a", "a"])
        1.0
        """
        if not len(ws1) or not len(ws2):
            raise ValueError("n_similarity needs at least one word on each side")
        m1, m2 = self[list(ws1)].mean(axis=0), self[list(ws2)].mean(axis=0)
        return float(self.cosine_similarities(m1, m2[None, :])[0])

    def doesnt_match(self, words):
        """The word furthest from the mean of the unit vectors of ``words`` (lowest cosine to it).

        Unlike gensim, which skips unknown words, an unknown word raises :class:`UnknownWordError`.

        >>> KeyedVectors([[1, 0], [1, 0.1], [0, 1]], ["a", "b", "c"]).doesnt_match(["a", "b", "c"])
        'c'
        """
        words = list(words)
        if not words:
            raise ValueError("cannot select a word from an empty list")
        unit = np.vstack([self.get_vector(w, norm=True) for w in words])  # (k, d)
        mean = unit.mean(axis=0)
        mean /= max(np.linalg.norm(mean), np.finfo(np.float32).tiny)
        return sorted(zip((unit @ mean).tolist(), words))[0][1]

    @staticmethod
    def cosine_similarities(vector, vectors):
        """Cosine of one vector with each row of ``vectors`` (0 where a vector is zero).

        >>> KeyedVectors.cosine_similarities(np.array([1.0, 0.0]), np.array([[2.0, 0.0], [0.0, 3.0]])).tolist()
        [1.0, 0.0]
        """
        vector, vectors = np.asarray(vector, np.float64), np.atleast_2d(np.asarray(vectors, np.float64))
        denom = np.linalg.norm(vector) * np.linalg.norm(vectors, axis=1)  # (n,)
        return np.divide(vectors @ vector, denom, out=np.zeros(len(vectors)), where=denom > 0)

    def rank(self, key1, key2):
        """Position of ``key2`` among the neighbours of ``key1`` (1 = nearest): 1 + words strictly closer.

        >>> KeyedVectors([[1, 0], [1, 0.1], [0, 1]], ["a", "b", "c"]).rank("a", "c")
        2
        """
        i, j = self.get_index(key1), self.get_index(key2)
        cos = self.get_normed_vectors() @ self.get_normed_vectors()[i]  # (n,)
        closer = cos > cos[j]
        closer[i] = False
        return int(np.count_nonzero(closer)) + 1

    # --- files (gensim's method names; the parsing lives in w2v_core.io) ---------------------------------
    def save_word2vec_format(self, fname, *, binary=False):
        """Write the word2vec C format (text, or gensim's binary layout) to a path or binary file object.

        >>> import io; buf = io.BytesIO(); KeyedVectors([[0.5, -1.0]], ["猫"]).save_word2vec_format(buf)
        >>> buf.getvalue().decode()
        '1 2\\n猫 0.5 -1\\n'
        """
        from .io import save_word2vec_format  # io imports this module: import at call time

        save_word2vec_format(self, fname, binary=binary)

    @classmethod
    def load_word2vec_format(cls, fname, *, binary=None, no_header=False, **limits):
        """Read a word2vec-format path, bytes or binary file object; ``binary=None`` detects the layout.

        ``limits``: ``max_bytes``, ``max_words`` (see :func:`w2v_core.io.load_word2vec_format`, which raises
        :class:`~w2v_core.io.VectorsFormatError` naming the bad line).

        >>> KeyedVectors.load_word2vec_format(b"1 2\\nking 1 0.5\\n")["king"].tolist()
        [1.0, 0.5]
        """
        from .io import load_word2vec_format

        kv = load_word2vec_format(fname, binary=binary, no_header=no_header, **limits)
        return kv if cls is KeyedVectors else cls(kv.vectors, kv.index_to_key)

    # --- vocabulary helpers -------------------------------------------------------------------------------
    def suggest(self, word, n=5, limit=50_000, cutoff=0.6):
        """Close spellings of ``word`` among the ``limit`` most frequent words (difflib ratio >= ``cutoff``);
        see :class:`~w2v_core.spelling.SpellingIndex`.

        >>> KeyedVectors(np.eye(3), ["queen", "queens", "apple"]).suggest("quen")
        ['queen', 'queens']
        """
        if self._spelling is None or self._spelling[0] != limit:
            self._spelling = (limit, SpellingIndex(self.index_to_key[:limit]))  # one assignment: safe if threads race
        return self._spelling[1].suggest(word, n, cutoff, known=self.key_to_index)

    def subset(self, n):
        """A KeyedVectors with the first ``n`` words (the most frequent ones), sharing this one's memory.

        >>> len(KeyedVectors(np.eye(3), ["a", "b", "c"]).subset(2))
        2
        """
        return KeyedVectors(self.vectors[:n], self.index_to_key[:n])
