"""corpus.py: the flat encoding gives back exactly the sentences a plain list-based encoder gives, in any input form."""
import numpy as np
import pytest

from w2v_core.corpus import encode_corpus
from w2v_core.text import Vocab


def reference(sentences, min_count, max_len):
    """The obvious way (what the trainer did before): vocabulary, encode each sentence, cut, drop short pieces."""
    vocab = Vocab.from_sentences(sentences, min_count=min_count)
    pieces = [ids[i:i + max_len].tolist() for ids in map(vocab.encode, sentences) for i in range(0, len(ids), max_len)]
    return vocab, [p for p in pieces if len(p) > 1]


def random_corpus(seed, n=300):
    """Zipf-like words (so min_count drops some), lengths 0..40 (empty and one-word sentences included)."""
    rng = np.random.default_rng(seed)
    return [[f"w{int(z)}" for z in rng.zipf(1.3, size=rng.integers(0, 41)) if z < 500] for _ in range(n)]


def decode(corpus, offsets):
    return [corpus[a:b].tolist() for a, b in zip(offsets[:-1], offsets[1:])]


@pytest.mark.parametrize("seed, min_count, max_len", [(0, 1, 10000), (1, 3, 7), (2, 5, 2), (3, 2, 1)])
def test_flat_encoding_round_trips_to_the_reference(seed, min_count, max_len):
    sentences = random_corpus(seed)
    vocab, pieces = reference(sentences, min_count, max_len)
    got_vocab, corpus, offsets = encode_corpus(sentences, min_count, max_len)
    assert got_vocab.index_to_key == vocab.index_to_key and got_vocab.counts.tolist() == vocab.counts.tolist()
    assert corpus.dtype == np.int32 and offsets.dtype == np.int64 and offsets[0] == 0 and offsets[-1] == corpus.size
    assert decode(corpus, offsets) == pieces  # max_len=1: every piece is one word, so nothing is kept
    words = [[got_vocab.index_to_key[i] for i in p] for p in decode(corpus, offsets)]
    if max_len >= 40:  # no sentence was cut: each decoded sentence is an input sentence minus its rare words
        kept = [[w for w in s if w in vocab] for s in sentences]
        assert words == [s for s in kept if len(s) > 1]


def test_a_generator_of_tuples_is_read_once_and_gives_the_same_encoding():
    sentences = random_corpus(4)
    a = encode_corpus(sentences, 2)
    b = encode_corpus((tuple(s) for s in sentences), 2)
    assert a[0].index_to_key == b[0].index_to_key
    assert np.array_equal(a[1], b[1]) and np.array_equal(a[2], b[2])


def test_sentence_cut_exactly_at_the_limit_and_a_lone_last_word_dropped():
    vocab, corpus, offsets = encode_corpus([list("abcdefg"), list("xy"), ["x"]], min_count=1, max_len=3)
    assert offsets.tolist() == [0, 3, 6, 8] and corpus.size == 8  # g (a 1-word piece) and ["x"] are gone
    assert "g" in vocab and vocab.total == 10  # still counted, as gensim counts every word


def test_bad_corpora_give_clear_errors():
    with pytest.raises(ValueError, match="not a string"):
        encode_corpus("a b c")
    with pytest.raises(ValueError, match="strings"):
        encode_corpus(["a b", "c d"])
    with pytest.raises(ValueError, match="empty"):
        encode_corpus([[], []])
    with pytest.raises(ValueError, match="min_count=3"):
        encode_corpus([["a", "b", "a"]], min_count=3)
