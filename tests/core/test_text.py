"""text.py: tokenizing English, Chinese and mixed text; sentences; the frequency-sorted vocabulary."""
import numpy as np
import pytest

from w2v_core.text import Vocab, split_sentences, tokenize


def test_english_lowercase_apostrophes_no_punctuation():
    assert tokenize("Don't PANIC, Mr. King's dog!  ‘Quoted’ rock'n'roll...") == [
        "don't", "panic", "mr", "king's", "dog", "quoted", "rock'n'roll"]


def test_stray_apostrophes_and_underscores_are_not_words():
    assert tokenize("' 'tis_ a -- test'") == ["tis", "a", "test"]


def test_chinese_words_with_jieba_and_characters():
    assert tokenize("我爱北京天安门", lang="zh") == ["我", "爱", "北京", "天安门"]
    assert tokenize("我爱北京。", chinese="char") == ["我", "爱", "北", "京"]


def test_auto_handles_mixed_scripts():
    assert tokenize("I love 北京天安门, OK?") == ["i", "love", "北京", "天安门", "ok"]
    assert tokenize("I love 北京", lang="en") == ["i", "love"]


def test_bad_options_raise_clear_errors():
    with pytest.raises(ValueError, match="lang"):
        tokenize("x", lang="fr")
    with pytest.raises(ValueError, match="chinese"):
        tokenize("x", chinese="pinyin")


def test_split_sentences_drops_empty_ones():
    text = "The king rules. The queen too!\n\n...我爱你。你好！"
    assert split_sentences(text) == [["the", "king", "rules"], ["the", "queen", "too"], ["我爱你"], ["你好"]]
    assert split_sentences(" ... !!") == []


def test_vocab_sorted_by_count_then_first_appearance():
    v = Vocab.from_sentences([["b", "a", "c", "a"], ["c", "d", "a"]])
    assert v.index_to_key == ["a", "c", "b", "d"]
    assert v.counts.tolist() == [3, 2, 1, 1] and v.counts.dtype == np.int64
    assert v.key_to_index == {"a": 0, "c": 1, "b": 2, "d": 3}
    assert v.total == 7 and len(v) == 4 and "d" in v and "z" not in v


def test_vocab_min_count_and_encode_drops_unknown():
    v = Vocab.from_sentences([["b", "a", "c", "a"], ["c", "d", "a"]], min_count=2)
    assert v.index_to_key == ["a", "c"] and v.total == 5
    ids = v.encode(["c", "zzz", "a", "b"])
    assert ids.dtype == np.int32 and ids.tolist() == [1, 0]


def test_vocab_errors_are_clear():
    with pytest.raises(ValueError, match="empty"):
        Vocab.from_sentences([[], []])
    with pytest.raises(ValueError, match="min_count=3"):
        Vocab.from_sentences([["a", "b", "a"]], min_count=3)
    with pytest.raises(ValueError, match="min_count"):
        Vocab.from_sentences([["a"]], min_count=0)
    with pytest.raises(ValueError, match="strings"):
        Vocab.from_sentences(["a sentence as a string"])
