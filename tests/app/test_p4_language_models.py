"""Page 4: the tiny softmax LM's predictions, its three steps, the sliding window dataset, and look-both-ways."""
import numpy as np
import pytest
from apptest import chart_spec, open_page

from ui.i18n import md
from w2v_core.samples import lm_windows
from w2v_core.softmax_lm import SoftmaxLM
from w2v_core.text import split_sentences, tokenize

PAGE = "pages/p4_language_models.py"


@pytest.fixture(scope="module")
def lm():
    return SoftmaxLM.train(split_sentences(md("p4_corpus", lang="en")), left=2, right=0, dim=16, epochs=40, lr=0.1,
                           seed=0)


def dataset(at):
    return next(d.value for d in at.dataframe if list(d.value.columns) == ["features", "label"])


def bars(at, key_index=0):
    return chart_spec(at, key_index)["data"][0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_prediction_equals_the_model(lang, lm):
    at = open_page(PAGE, lang=lang)
    probs, trace = lm.predict(["thou", "shalt"])
    top = np.argsort(probs)[::-1][:10]
    b = bars(at)
    assert b["y"] == [lm.vocab.index_to_key[i] for i in top]
    assert b["y"][0] == "not"
    np.testing.assert_allclose(b["x"], probs[top], rtol=1e-6)
    logits = at.dataframe[0].value.iloc[:, 1].to_numpy()
    np.testing.assert_allclose(logits, trace.logits[top], rtol=1e-6)


def test_typing_other_words_changes_the_prediction(lm):
    at = open_page(PAGE, lang="en")
    at.text_input(key="p4_prev").input("see you").run()
    probs, _ = lm.predict(["see", "you"])
    assert bars(at)["y"][0] == lm.vocab.index_to_key[int(np.argmax(probs))]


@pytest.mark.parametrize("text,kind", [("", "info"), ("thou zzzqqq", "warning")])
def test_bad_previous_words(text, kind):
    at = open_page(PAGE, lang="zh")
    at.text_input(key="p4_prev").input(text).run()
    assert not at.exception
    assert len(getattr(at, kind)) >= 1


def test_window_steps_grow_the_dataset_and_reset():
    at = open_page(PAGE, lang="en")
    toks = tokenize("Thou shalt not make a machine in the likeness of a human mind")
    rows = lm_windows(toks, 3)
    for k in range(1, 4):
        at.button(key="p4_step").click().run()
        df = dataset(at)
        assert df.shape[0] == k + 1
        assert df.iloc[-1, 1] == rows[k]["label"]
    at.button(key="p4_reset").click().run()
    assert dataset(at).shape[0] == 1


@pytest.mark.parametrize("sentence,n", [("word", 3), ("one two", 4)])
def test_window_bad_input(sentence, n):
    at = open_page(PAGE, lang="en")
    at.text_input(key="p4_sentence").input(sentence).run()
    at.slider(key="p4_n").set_value(n).run()
    assert not at.exception
    assert len(at.warning) == 1


def test_looking_both_ways_changes_the_answer():
    at = open_page(PAGE, lang="en")
    left = bars(at, -2)
    both = bars(at, -1)
    assert left["y"][0] == "bus"
    assert both["y"][0] == "red"


def test_tapping_a_suggestion_appends_it_and_predicts_again(lm):
    at = open_page(PAGE, lang="en")
    at.button(key="p4_pick_not").click().run()
    assert at.session_state["p4_prev"] == "thou shalt not"
    probs, _ = lm.predict(["shalt", "not"])
    assert bars(at)["y"][0] == lm.vocab.index_to_key[int(np.argmax(probs))]


def test_chinese_corpus_predicts_chinese_and_matches_the_model():
    at = open_page(PAGE, lang="zh")
    at.radio(key="p4_lm").set_value("zh").run()
    assert not at.exception and at.session_state["p4_prev"] == "我想"
    zh = SoftmaxLM.train(split_sentences(md("p4_corpus_zh", lang="en")), left=2, right=0, dim=16, epochs=40, lr=0.1,
                         seed=0)
    probs, _ = zh.predict(tokenize("我想"))
    top = np.argsort(probs)[::-1][:10]
    assert bars(at)["y"] == [zh.vocab.index_to_key[i] for i in top]
    assert bars(at)["y"][0] == "吃"
    at.text_input(key="p4_prev").input("今天天气").run()  # typed without spaces: jieba splits it like the corpus
    assert not at.warning and bars(at)["y"][0] == "很"
    assert bars(at, -1)["y"][0] == "red"  # look-both-ways keeps the article's English example
