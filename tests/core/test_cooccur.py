"""Co-occurrence counts, shared contexts, windows and the 'why close' input against hand-counted toy corpora."""
import numpy as np
import pytest

from w2v_core.cooccur import closeness_reason, context_counts, count_of, occurrences, shared_contexts, windows
from w2v_core.corpus import encode_corpus
from w2v_core.text import split_sentences

EN = [["the", "cat", "ate", "fish"],
      ["the", "dog", "ate", "meat"],
      ["a", "cat", "saw", "the", "dog"],
      ["rare", "the", "cat", "ate"]]


def build(sentences, min_count=1):
    vocab, corpus, offsets = encode_corpus(sentences, min_count=min_count)
    ids = vocab.key_to_index
    named = lambda counts: {vocab.index_to_key[i]: int(n) for i, n in enumerate(counts) if n}  # noqa: E731
    return vocab, corpus, offsets, ids, named


def test_counts_before_and_after_by_hand():
    vocab, corpus, offsets, ids, named = build(EN)
    c = context_counts(corpus, offsets, ids["cat"], window=2, vocab_size=len(vocab))
    # cat at: s0 p1 (before: the | after: ate fish), s2 p1 (a | saw the), s3 p2 (rare the | ate)
    assert named(c[0]) == {"the": 2, "a": 1, "rare": 1}
    assert named(c[1]) == {"ate": 2, "fish": 1, "saw": 1, "the": 1}
    c1 = context_counts(corpus, offsets, ids["cat"], window=1, vocab_size=len(vocab))
    assert named(c1[0]) == {"the": 2, "a": 1} and named(c1[1]) == {"ate": 2, "saw": 1}


def test_windows_never_cross_a_sentence_end():
    vocab, corpus, offsets, ids, named = build([["x", "y"], ["z", "x"]])
    c = context_counts(corpus, offsets, ids["x"], window=5, vocab_size=len(vocab))
    assert named(c[0]) == {"z": 1} and named(c[1]) == {"y": 1}  # y and z are never in one window


def test_dropped_words_are_skipped_as_the_trainer_skips_them():
    # min_count=2 drops 'rare', 'fish', 'meat', 'saw', 'a': 'the cat ate' windows close over the gaps
    vocab, corpus, offsets, ids, named = build(EN, min_count=2)
    assert "rare" not in vocab
    c = context_counts(corpus, offsets, ids["dog"], window=1, vocab_size=len(vocab))
    assert named(c[0]) == {"the": 2} and named(c[1]) == {"ate": 1}  # s2 is now 'cat the dog'


def test_shared_contexts_ranked_by_min_then_sum():
    vocab, corpus, offsets, ids, named = build(EN)
    ca = context_counts(corpus, offsets, ids["cat"], 2, len(vocab))
    cb = context_counts(corpus, offsets, ids["dog"], 2, len(vocab))
    # near cat: the 3, ate 2, a 1, rare 1, fish 1, saw 1; near dog: the 2, ate 1, meat 1, saw 1
    rows = [(vocab.index_to_key[i], na, nb)
            for i, na, nb in shared_contexts(ca, cb, exclude=[ids["cat"], ids["dog"]])]
    assert rows == [("the", 3, 2), ("ate", 2, 1), ("saw", 1, 1)]
    assert shared_contexts(ca, cb, exclude=[ids["the"]])[0] == (ids["ate"], 2, 1)  # excluded: never ranked
    assert shared_contexts(ca, cb, topn=1)[0][0] == ids["the"]


def test_closeness_reason_splits_before_and_after():
    vocab, corpus, offsets, ids, _ = build(EN)
    ca = context_counts(corpus, offsets, ids["cat"], 1, len(vocab))
    cb = context_counts(corpus, offsets, ids["dog"], 1, len(vocab))
    before, after = closeness_reason(ca, cb)
    assert (vocab.index_to_key[before], vocab.index_to_key[after]) == ("the", "ate")
    # fish and meat: both after 'ate', nothing after either of them
    cf = context_counts(corpus, offsets, ids["fish"], 1, len(vocab))
    cm = context_counts(corpus, offsets, ids["meat"], 1, len(vocab))
    assert closeness_reason(cf, cm) == (ids["ate"], -1)


def test_windows_and_occurrences():
    vocab, corpus, offsets, ids, _ = build(EN)
    pos, start, end = occurrences(corpus, offsets, ids["dog"])
    assert pos.tolist() == [5, 12] and start.tolist() == [4, 8] and end.tolist() == [8, 13]
    got = [([vocab.index_to_key[i] for i in left], [vocab.index_to_key[i] for i in right])
           for left, right in windows(corpus, offsets, ids["cat"], window=2, limit=2)]
    assert got == [(["the"], ["ate", "fish"]), (["a"], ["saw", "the"])]
    assert count_of(corpus, ids["the"]) == 4 and count_of(corpus, ids["cat"]) == 3


def test_chinese_segmented_corpus():
    sentences = split_sentences("我喜欢吃苹果。我喜欢吃香蕉。猫吃鱼，狗吃肉。国王住在宫殿里。王后住在宫殿里。")
    assert sentences[2] == ["猫", "吃", "鱼", "狗", "吃", "肉"]  # jieba's words: the hand counts below rely on them
    vocab, corpus, offsets, ids, named = build(sentences)
    ca = context_counts(corpus, offsets, ids["国王"], 2, len(vocab))
    cb = context_counts(corpus, offsets, ids["王后"], 2, len(vocab))
    assert named(ca[0]) == {} and named(ca[1]) == {"住": 1, "在": 1}
    assert [(vocab.index_to_key[i], a, b) for i, a, b in shared_contexts(ca, cb)] == [("住", 1, 1), ("在", 1, 1)]
    assert closeness_reason(ca, cb) == (-1, ids["住"])  # nothing before either; both stand before 住
    # 苹果 and 香蕉: both come after 吃 (and 喜欢 at distance 2)
    c1 = context_counts(corpus, offsets, ids["苹果"], 2, len(vocab))
    c2 = context_counts(corpus, offsets, ids["香蕉"], 2, len(vocab))
    assert named(c1[0]) == {"喜欢": 1, "吃": 1}
    assert closeness_reason(c1, c2)[0] in (ids["吃"], ids["喜欢"])
    assert closeness_reason(c1, c2)[0] == min(ids["吃"], ids["喜欢"])  # tie: the more frequent (吃, 4 times)
    # 吃 occurs 4 times; its window of 1 after: 苹果, 香蕉, 鱼, 肉
    c = context_counts(corpus, offsets, ids["吃"], 1, len(vocab))
    assert named(c[1]) == {"苹果": 1, "香蕉": 1, "鱼": 1, "肉": 1}
    assert named(c[0]) == {"喜欢": 2, "猫": 1, "狗": 1}


@pytest.mark.parametrize("window", [1, 3, 7])
def test_counts_match_a_plain_loop(window):
    rng = np.random.default_rng(0)
    sentences = [[f"w{i}" for i in rng.integers(0, 12, size=rng.integers(2, 15))] for _ in range(40)]
    vocab, corpus, offsets, ids, _ = build(sentences)
    for w in ("w0", "w5"):
        expect = np.zeros((2, len(vocab)), dtype=int)
        for s in sentences:
            for p, tok in enumerate(s):
                if tok == w:
                    for q in range(max(0, p - window), p):
                        expect[0, ids[s[q]]] += 1
                    for q in range(p + 1, min(len(s), p + window + 1)):
                        expect[1, ids[s[q]]] += 1
        np.testing.assert_array_equal(context_counts(corpus, offsets, ids[w], window, len(vocab)), expect)
