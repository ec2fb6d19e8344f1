"""Bad input on page 4 (language models): odd previous words, sentences and window sizes."""

import numpy as np
import pytest
from apptest import assert_message_in, chart_spec, has_cjk, open_page

PAGE = "pages/p4_language_models.py"


def expected_next_words(prev: str) -> list[str]:
    """The top-10 next words for `prev`, from the same tiny model the page trains (seeded), via w2v_core."""
    from ui.i18n import md
    from w2v_core.softmax_lm import SoftmaxLM
    from w2v_core.text import split_sentences, tokenize

    lm = SoftmaxLM.train(split_sentences(md("p4_corpus", lang="en")), left=2, right=0, dim=16, epochs=40, lr=0.1,
                         seed=0)
    probs, _ = lm.predict(tokenize(prev)[-2:])
    return [lm.vocab.index_to_key[i] for i in np.argsort(probs)[::-1][:10]]


def bar_words(at) -> list[str]:
    spec = chart_spec(at, "p4_bars")
    axis = "y" if spec["data"][0].get("orientation") == "h" else "x"
    return [w for w in spec["data"][0][axis] if isinstance(w, str)]


def follow_up(at) -> None:
    at.text_input(key="p4_prev").input("thou shalt").run()
    assert not at.exception
    shown, expected = bar_words(at), expected_next_words("thou shalt")
    assert shown in (expected, expected[::-1]), (shown, expected)  # horizontal bars may list bottom-up


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("prev", ["zzzzqqq", "thou zzzz", "国王 女王", "<b>x</b> y"],
                         ids=["unknown", "one-unknown", "chinese", "html"])
def test_unknown_previous_words(prev, lang):
    at = open_page(PAGE, lang=lang)
    at.text_input(key="p4_prev").input(prev).run()
    assert not at.exception
    assert_message_in(at, lang)
    follow_up(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("prev", ["", "   ", "!!! ???", "😀 🚀"],
                         ids=["empty", "whitespace", "punctuation", "emoji"])
def test_no_previous_words(prev, lang):
    at = open_page(PAGE, lang=lang)
    at.text_input(key="p4_prev").input(prev).run()
    assert not at.exception
    msgs = [m.value for m in at.info] + [m.value for m in at.warning]
    assert msgs and any(has_cjk(m) == (lang == "zh") for m in msgs)
    follow_up(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("sentence,n", [("", 3), ("hello", 3), ("a b c", 6), ("?! ...", 2)],
                         ids=["empty", "one-word", "window-over-sentence", "punctuation"])
def test_sliding_window_bad_sentences(sentence, n, lang):
    at = open_page(PAGE, lang=lang, n=n)
    at.text_input(key="p4_sentence").input(sentence).run()
    assert not at.exception
    assert_message_in(at, lang)
    at.text_input(key="p4_sentence").input("thou shalt not make a machine").run()
    at.slider(key="p4_n").set_value(3).run()
    assert not at.exception and not at.warning
    from w2v_core.samples import lm_windows

    assert len(at.dataframe[-1].value) == 1 and len(lm_windows("thou shalt not make a machine".split(), 3)) == 4


@pytest.mark.parametrize("left,right", [("", "bus"), ("zzzz qqqq", ""), ("jay was hit by a", "😀")],
                         ids=["no-left", "unknown-left", "emoji-right"])
def test_fill_the_blank_odd_input(left, right):
    at = open_page(PAGE, lang="zh")
    at.text_input(key="p4_blank_left").input(left)
    at.text_input(key="p4_blank_right").input(right).run()
    assert not at.exception
    msgs = [m.value for m in at.info] + [m.value for m in at.warning]
    assert msgs and all(has_cjk(m) for m in msgs)
    follow_up(at)
