"""Bad input on pages 1 (personality vectors) and 2 (word embeddings)."""
import pytest
from apptest import assert_message_in, has_cjk, open_page

P1 = "pages/p1_personality.py"
P2 = "pages/p2_word_embeddings.py"


def follow_up_p2(at) -> None:
    """Page 2 still works: 'king' shows GloVe's own 50 numbers."""
    from ui.data import glove

    at.text_input(key="p2_word").input("king").run()
    assert not at.exception
    shown = [c.value for c in at.code if c.value.lstrip().startswith("[")]
    assert shown, "the vector's numbers are shown"
    numbers = [float(x) for x in shown[0].strip("[] \n").split(",")]
    assert numbers == pytest.approx(glove()["king"].tolist(), abs=1e-5)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("word", ["kign", "zzzzqqqxx", "国王", "😀", "<b>x</b>"],
                         ids=["misspelled", "unknown", "chinese", "emoji", "html"])
def test_p2_unknown_word(word, lang):
    at = open_page(P2, lang=lang)
    at.text_input(key="p2_word").input(word).run()
    assert not at.exception
    assert_message_in(at, lang)
    follow_up_p2(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("word", ["", "   "], ids=["empty", "whitespace"])
def test_p2_empty_word_asks_for_one(word, lang):
    at = open_page(P2, lang=lang)
    at.text_input(key="p2_word").input(word).run()
    assert not at.exception
    hint = "\n".join(i.value for i in at.info)
    assert hint and has_cjk(hint) == (lang == "zh")
    follow_up_p2(at)


@pytest.mark.parametrize("words", ["", "king", "king, king, king", "zzzz, qqqqxx", ", ".join(["king"] * 50),
                                   "x" * 5000],
                         ids=["empty", "one-word", "same-word", "unknown", "fifty-times", "5000-chars"])
def test_p2_word_lists_too_short_or_odd(words):
    at = open_page(P2, lang="zh")
    at.text_input(key="p2_words").input(words).run()
    assert not at.exception
    msgs = [m.value for m in at.info] + [m.value for m in at.warning]
    assert msgs and all(has_cjk(m) for m in msgs)
    at.text_input(key="p2_words").input("king, queen, man, woman").run()
    assert not at.exception and not at.warning
    follow_up_p2(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p1_zero_vector_is_explained(lang):
    """A person at (0, 0) has no direction: cosine similarity is undefined, the page says so (once revealed)."""
    import math

    at = open_page(P1, lang=lang)
    at.toggle(key="p1_reveal").set_value(True)
    at.number_input(key="p1_me_x").set_value(0.0)
    at.number_input(key="p1_me_y").set_value(0.0).run()
    assert not at.exception
    assert_message_in(at, lang)
    assert [m.value for m in at.metric] == ["—", "—"]
    at.number_input(key="p1_me_x").set_value(0.5).run()
    assert not at.exception
    me = (0.5, 0.0)
    p1 = (at.number_input(key="p1_p1_x").value * at.select_slider(key="p1_scale").value,
          at.number_input(key="p1_p1_y").value * at.select_slider(key="p1_scale").value)
    cos = (me[0] * p1[0] + me[1] * p1[1]) / (math.hypot(*me) * math.hypot(*p1))
    assert at.metric[0].value == f"{cos:.3f}"
