"""Bad input on page 7 (training lab): odd corpora and hyperparameters a new user would try."""
import math
import re

import pytest
from apptest import assert_message_in, chart_spec, open_page

from w2v_core.text import Vocab, split_sentences

PAGE = "pages/p7_training_lab.py"
VALID = ("the king rules the land. the queen rules the land. a dog barks at the cat. "
         "the cat runs from the dog. ") * 5
SMALL = {"corpus": "custom", "epochs": 3, "vector_size": 10, "min_count": 1, "negative": 2}


def distinct_words_shown(at) -> int:
    for m in at.markdown:
        found = re.search(r"([\d,]+)\*\* (?:distinct words|个不同的词|个不同词)", m.value)
        if found:
            return int(found.group(1).replace(",", ""))
    text = "\n".join(m.value for m in at.markdown)
    raise AssertionError(f"no corpus statistics shown: {text[:300]}")


def loss_values(at) -> list[float]:
    """The loss curve's y values (the chart keyed p7_loss_chart)."""
    spec = chart_spec(at, "p7_loss_chart")
    return [y for trace in spec.get("data", []) for y in (trace.get("y") or [])]


def follow_up(at) -> None:
    """The page still works: a valid corpus and valid settings train, and the loss curve is finite."""
    at.text_area(key="p7_text").input(VALID).run()
    for key, value in (("p7_epochs", 3), ("p7_vector_size", 10), ("p7_negative", 2)):
        at.slider(key=key).set_value(value).run()
    at.number_input(key="p7_min_count").set_value(1).run()
    at.number_input(key="p7_alpha").set_value(0.025).run()
    assert not at.exception
    assert distinct_words_shown(at) == len(Vocab.from_sentences(split_sentences(VALID), min_count=1))
    at.button(key="p7_train").click().run(timeout=120)
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    ys = loss_values(at)
    assert ys and all(isinstance(y, (int, float)) and math.isfinite(y) for y in ys)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("text", ["", " \n\t  ", "!!! ??? ... ，。！", "hello", "😀 🚀 🙂"],
                         ids=["empty", "whitespace", "punctuation", "one-word", "emoji-only"])
def test_unusable_corpus_text(text, lang):
    at = open_page(PAGE, lang=lang, **SMALL)
    at.text_area(key="p7_text").input(text).run()
    assert not at.exception
    assert_message_in(at, lang)
    follow_up(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("setting", [("slider", "p7_epochs", 0), ("number_input", "p7_min_count", 1000),
                                     ("slider", "p7_negative", 50), ("slider", "p7_vector_size", 1),
                                     ("number_input", "p7_alpha", 10.0), ("slider", "p7_window", 50)],
                         ids=["epochs-0", "min_count-removes-all", "negative-over-vocab", "vector_size-1",
                              "alpha-10", "window-over-sentence"])
def test_extreme_hyperparameters(setting, lang):
    kind, key, value = setting
    at = open_page(PAGE, lang=lang, **SMALL)
    at.text_area(key="p7_text").input(VALID).run()
    getattr(at, kind)(key=key).set_value(value).run()
    assert not at.exception
    assert_message_in(at, lang)  # said before training, in the user's language
    if not at.button(key="p7_train").disabled and key != "p7_epochs":
        at.button(key="p7_train").click().run(timeout=120)
        assert not at.exception
        if key == "p7_alpha":  # diverges: says so, in the user's language, and keeps the page usable
            assert_message_in(at, lang, kinds=("error",))
    follow_up(at)


def test_mixed_chinese_english_emoji_corpus():
    text = ("我爱北京天安门。 I love Beijing 😀! 国王 king 统治 the land 🚀。 女王 queen 也 rules 王国。\n") * 10
    at = open_page(PAGE, lang="zh", **SMALL)
    at.text_area(key="p7_text").input(text).run()
    assert not at.exception
    assert distinct_words_shown(at) == len(Vocab.from_sentences(split_sentences(text), min_count=1))
    at.button(key="p7_train").click().run(timeout=120)
    assert not at.exception and not at.error
    assert all(math.isfinite(y) for y in loss_values(at))


def test_ten_megabytes_pasted():
    at = open_page(PAGE, lang="en", **SMALL)
    at.text_area(key="p7_text").input("lorem ipsum dolor sit amet " * 400_000).run(timeout=60)
    assert not at.exception
    # Either the box refuses it (max_chars) or the page says it is too big; never a traceback or a hang.
    follow_up(at)


@pytest.mark.parametrize("word", ["", "zzzz", "kign", "<b>king</b>", "国王"])
def test_probe_with_unknown_or_odd_words(word):
    """After training, probing with unknown, misspelled or odd words gives a message, not a traceback."""
    at = open_page(PAGE, lang="en", **SMALL)
    at.text_area(key="p7_text").input(VALID).run()
    at.button(key="p7_train").click().run(timeout=120)
    assert not at.exception
    at.text_input(key="p7_nn_words").input(word).run()
    assert not at.exception
    if word.strip():
        assert_message_in(at, "en")
    at.text_input(key="p7_nn_words").input("king").run()
    assert not at.exception
    assert not at.warning, [w.value for w in at.warning]
