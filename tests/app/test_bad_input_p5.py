"""Bad input on page 5 (skip-gram and CBOW): odd sentences and windows, as a new user would type them."""
import pytest
from apptest import assert_message_in, has_cjk, open_page

from w2v_core.samples import cbow_samples, skipgram_pairs
from w2v_core.text import tokenize

PAGE = "pages/p5_skipgram_cbow.py"
VALID = "the quick brown fox jumps over the lazy dog"


def metrics(at) -> list:
    return [m.value for m in at.metric]


def assert_counts(at, sentence: str, window: int) -> None:
    """The page's counts equal w2v_core's for this sentence (shrink off)."""
    tokens = tokenize(sentence)[:80]
    expected = [str(len(tokens)), str(len(cbow_samples(tokens, window))), str(len(skipgram_pairs(tokens, window)))]
    assert metrics(at)[-3:] == expected


def follow_up(at, window: int = 2) -> None:
    """The page still works: a valid sentence shows the right sample counts."""
    at.text_input(key="p5_sentence").input(VALID).run()
    assert not at.exception
    assert_counts(at, VALID, window)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("sentence", ["", "   \t  ", "!!! ... ??? ,,,", "hello", "🙂🙂🙂"],
                         ids=["empty", "whitespace", "punctuation", "one-word", "emoji-only"])
def test_too_short_sentence_warns(sentence, lang):
    at = open_page(PAGE, lang=lang)
    at.text_input(key="p5_sentence").input(sentence).run()
    assert not at.exception
    assert_message_in(at, lang)
    follow_up(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_window_larger_than_sentence(lang):
    at = open_page(PAGE, lang=lang, window=5)
    at.text_input(key="p5_sentence").input("hello world again").run()
    assert not at.exception
    info = "\n".join(str(e.value) for e in at.info)
    assert info and has_cjk(info) == (lang == "zh"), info
    assert_counts(at, "hello world again", 5)  # every word sees the whole sentence: 3 * 2 pairs
    assert metrics(at)[-1] == "6"
    follow_up(at, 5)


def test_mixed_chinese_english_emoji():
    text = "我爱 machine learning 😀！北京 is big, 真的 🚀"
    at = open_page(PAGE, lang="en")
    at.text_input(key="p5_sentence").input(text).run()
    assert not at.exception
    assert_counts(at, text, 2)
    follow_up(at)


def test_ten_megabytes_of_text():
    """A huge paste (the browser caps the box; AppTest does not) must neither crash nor hang."""
    text = ("lorem ipsum dolor sit amet " * 400_000)[:10_000_000]
    at = open_page(PAGE, lang="en")
    at.text_input(key="p5_sentence").input(text).run(timeout=30)
    assert not at.exception
    shown = at.text_input(key="p5_sentence").value  # Streamlit refuses a value over max_chars: the old one stays
    assert len(shown) <= 10_000
    assert_counts(at, shown, 2)
    follow_up(at)
