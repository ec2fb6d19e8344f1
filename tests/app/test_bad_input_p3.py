"""Bad input on page 3 (analogies over GloVe): what a new user types into the two word boxes."""
import pytest
from apptest import assert_message_in, open_page, reveal

PAGE = "pages/p3_analogies.py"


def answer(at) -> str:
    reveal(at, "p3.analogy")  # the answer waits for a guess or "show me"
    heads = [m.value for m in at.markdown if m.value.startswith("###") and "≈" in m.value]
    assert heads, "no answer line shown"
    return heads[0].split("≈")[-1].strip().strip("*")


def follow_up(at) -> None:
    """The page still works: king - man + woman gives GloVe's own top answer (queen)."""
    from ui.data import glove

    at.text_input(key="p3_positive").input("king, woman")
    at.text_input(key="p3_negative").input("man").run()
    assert not at.exception
    expected = glove().most_similar(positive=["king", "woman"], negative=["man"], topn=1)[0][0]
    assert answer(at) == expected == "queen"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("positive,negative", [
    ("", ""), ("   ", "man"), (" , ,, ", ""), ("king, woman", "king"), ("woman, king", "man, woman"),
    ("kign, woman", "man"), ("zzzzqqqxx", ""), ("国王, woman", "man"), ("king 😀", "man"), ("KING", "m@n"),
], ids=["empty", "whitespace", "commas-only", "same-word-both", "same-word-both-2", "misspelled", "unknown",
        "chinese-word", "emoji", "symbol-in-word"])
def test_bad_word_lists(positive, negative, lang):
    at = open_page(PAGE, lang=lang)
    at.text_input(key="p3_positive").input(positive)
    at.text_input(key="p3_negative").input(negative).run()
    assert not at.exception
    assert_message_in(at, lang)
    follow_up(at)


def test_misspelling_gets_suggestions():
    at = open_page(PAGE, lang="en")
    at.text_input(key="p3_positive").input("kign, woman").run()
    assert not at.exception
    assert "king" in assert_message_in(at, "en")  # the close spelling is offered


@pytest.mark.parametrize("text", ["king " * 3000, "x" * 10_000])
def test_huge_paste(text):
    at = open_page(PAGE, lang="en")
    at.text_input(key="p3_positive").input(text).run()
    assert not at.exception  # over max_chars: Streamlit keeps the old value; the page keeps working
    follow_up(at)


@pytest.mark.parametrize("value", ["<script>alert(1)</script>", "king" * 200, "nan", "-1", "%00", "king,,,,woman"])
def test_hostile_words_in_url(value):
    at = open_page(PAGE, lang="zh", pos=value, neg=value)
    assert not at.exception
    follow_up(at)
