"""Did-you-mean suggestions: the fast filter must find exactly what a brute-force difflib search finds."""
import difflib
import random

import numpy as np

from w2v_core.keyedvectors import KeyedVectors
from w2v_core.spelling import MAX_LEN, SpellingIndex, char_counts


def brute_force(word, words, n=5, cutoff=0.6):
    """Every word scored by difflib, best first, ties to the earlier (more frequent) word."""
    m = difflib.SequenceMatcher(b=word.lower())
    scored = []
    for i, w in enumerate(words):
        m.set_seq1(w)
        if m.ratio() >= cutoff:
            scored.append((-m.ratio(), i))
    return [words[i] for _, i in sorted(scored)][:n]


def test_char_counts_count_characters():
    lengths, counts = char_counts(["aab", "国王"])
    assert lengths.tolist() == [3, 2]
    assert counts.sum(axis=1).tolist() == [3, 2]
    assert counts[0, ord("a") % 64] == 2 and counts[1, ord("国") % 64] == 1


def test_filter_loses_nothing_against_brute_force():
    rng = random.Random(0)
    letters = "abcdeilnorstu"
    words = list(dict.fromkeys("".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(3000)))
    index = SpellingIndex(words)
    for query in rng.sample(words, 40) + ["tsaer", "lino", "ab"]:
        typo = query[:-1] if len(query) > 3 else query + "e"
        got = index.suggest(typo, n=5)
        want = brute_force(typo, [w for w in words if abs(len(w) - len(typo)) <= 2])
        assert got == want, typo  # lower-case typos: no case forms come first


def test_case_forms_first_and_odd_input():
    index = SpellingIndex(["king", "kings", "queen", "x" * (MAX_LEN + 1), 7])
    assert index.suggest("King")[0] == "king"
    assert index.suggest("") == [] and index.suggest(None) == [] and index.suggest("king", n=0) == []
    assert index.words == ["king", "kings", "queen"]  # too long and non-string keys are left out
    assert SpellingIndex(["国王", "王后", "国家"]).suggest("国王们") == ["国王"]


def test_keyedvectors_suggest_honours_limit_and_knows_the_whole_vocabulary():
    words = ["the", "of", "queen", "apple", "Paris"]
    kv = KeyedVectors(np.eye(5), words)
    assert kv.suggest("quen") == ["queen"]
    assert kv.suggest("quen", limit=2) == []  # queen is not among the 2 most frequent words
    assert kv.suggest("paris", limit=2) == ["Paris"]  # the capitalised form is checked in the whole vocabulary
