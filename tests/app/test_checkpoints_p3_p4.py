"""Checkpoints on pages 3-4, both languages: the analogy's answers wait for a guess or "show me", wrong answers
are explained, right ones confirmed, and every revealed answer follows the page's state (it is computed)."""
import numpy as np
import pytest
from apptest import answer_checkpoint as answer, open_page, reveal, verdicts

from ui.data import _load_glove
from ui.i18n import md, t
from ui.words import md_escape
from w2v_core.checks import would_top
from w2v_core.samples import lm_windows
from w2v_core.softmax_lm import SoftmaxLM
from w2v_core.text import split_sentences, tokenize

P3, P4 = "pages/p3_analogies.py", "pages/p4_language_models.py"
LANGS = ["en", "zh"]


@pytest.fixture(scope="module")
def kv():
    return _load_glove()


@pytest.fixture(scope="module")
def lm():
    """The page's toy model, trained the same way (same corpus, settings and seed) but here, independently."""
    return SoftmaxLM.train(split_sentences(md("p4_corpus", lang="en")), left=2, right=0, dim=16, epochs=40,
                           lr=0.1, seed=0)


def said(at, text):
    return any(text in m.value for m in at.markdown)


def folded(at):
    return not at.dataframe and not at.get("plotly_chart")


@pytest.mark.parametrize("lang", LANGS)
def test_p3_answers_wait_for_a_guess_and_the_guess_is_placed(kv, lang):
    at = open_page(P3, lang=lang)
    assert folded(at) and said(at, t("checkpoint.p3_analogy_q", lang=lang, expr=md_escape("king − man + woman")))
    top = kv.most_similar(positive=["king", "woman"], negative=["man"], topn=100)
    best = top[0][0]
    answer(at, "p3.analogy", "King ")  # an input word: explained, and the answers unfold
    assert t("checkpoint.wrong", lang=lang, yours="king", answer=best) in verdicts(at, lang)
    assert said(at, t("checkpoint.p3_analogy_input", lang=lang, word="king"))
    assert list(at.dataframe[0].value.iloc[:, 1]) == [w for w, _ in top[:10]]
    rank = next(i for i, (w, _) in enumerate(top, 1) if i > 1)  # any other word of the list: its place is told
    word = top[rank - 1][0]
    answer(at, "p3.analogy", word)
    assert said(at, t("checkpoint.p3_analogy_rank", lang=lang, word=md_escape(word), rank=rank,
                      score=f"{top[rank - 1][1]:.3f}"))
    answer(at, "p3.analogy", best)
    assert t("checkpoint.right", lang=lang, answer=best) in verdicts(at, lang)
    # another analogy: folded again, and its own computed answer
    at.selectbox(key="p3_preset").set_value("tokyo").run()
    assert folded(at)
    other = kv.most_similar(positive=["tokyo", "china"], negative=["japan"], topn=1)[0][0]
    assert other != best
    answer(at, "p3.analogy", other)
    assert t("checkpoint.right", lang=lang, answer=other) in verdicts(at, lang) and not folded(at)


@pytest.mark.parametrize("lang", LANGS)
def test_p3_show_me_reveals_without_counting_and_odd_words_are_escaped(kv, lang):
    at = open_page(P3, lang=lang)
    reveal(at, "p3.analogy")
    assert t("checkpoint.shown", lang=lang, answer="queen") in verdicts(at, lang) and not folded(at)
    assert at.sidebar.expander[0].label == t("checkpoint.progress", lang=lang, answered=0, right=0)
    hostile = "[x](http://127.0.0.1:9/a.png) **b**"
    answer(at, "p3.analogy", hostile)
    typed = " ".join(hostile.split()).lower()
    assert t("checkpoint.wrong", lang=lang, yours=md_escape(typed), answer="queen") in verdicts(at, lang)
    assert said(at, t("checkpoint.p3_analogy_unknown", lang=lang, word=md_escape(typed), n=f"{len(kv):,}"))
    assert at.sidebar.expander[0].label == t("checkpoint.progress", lang=lang, answered=1, right=0)
    at.selectbox(key="p3_preset").set_value("paris").run()  # "show me" on another analogy keeps that answer
    reveal(at, "p3.analogy")
    assert t("checkpoint.shown", lang=lang, answer="rome") in verdicts(at, lang) and not folded(at)
    assert at.sidebar.expander[0].label == t("checkpoint.progress", lang=lang, answered=1, right=0)


@pytest.mark.parametrize("lang", LANGS)
def test_p3_which_input_would_win(kv, lang):
    at = reveal(open_page(P3, lang=lang), "p3.analogy")
    ranks = kv.excluded_ranks(["king", "woman"], ["man"])
    winner = would_top(ranks, "queen")
    assert winner == "king" and at.radio(key="cp_p3_inputs").options == ["king", "queen", "woman"]
    answer(at, "p3.inputs", "queen")
    assert t("checkpoint.wrong", lang=lang, yours="queen", answer=winner) in verdicts(at, lang)
    assert any(f"{ranks[0]['cosine']:.3f}" in m.value for m in at.markdown)
    answer(at, "p3.inputs", "king")
    assert t("checkpoint.right", lang=lang, answer="king") in verdicts(at, lang)
    at = reveal(at.selectbox(key="p3_preset").set_value("paris").run(), "p3.analogy")
    best = kv.most_similar(positive=["paris", "italy"], negative=["france"], topn=1)[0][0]
    winner = would_top(kv.excluded_ranks(["paris", "italy"], ["france"]), best)
    assert winner == best  # here no input beats the answer
    answer(at, "p3.inputs", winner)
    assert t("checkpoint.right", lang=lang, answer=winner) in verdicts(at, lang)
    at.radio(key="p3_method").set_value("mul").run()  # the excluded ranks are 3CosAdd's: no question
    assert not [r for r in at.radio if r.key == "cp_p3_inputs"]


def next_question(lm, prev):
    """What the p4 checkpoint asks about: tap the top suggestion, then the model's top word and 4 choices."""
    labels = lm.vocab.index_to_key
    tap = labels[int(np.argmax(lm.predict(prev)[0]))]
    probs = lm.predict([*prev, tap])[0]
    order = np.argsort(-probs, kind="stable")[:4]
    return tap, labels[int(order[0])], sorted(labels[int(i)] for i in order)


@pytest.mark.parametrize("lang", LANGS)
def test_p4_next_word_after_a_tap(lm, lang):
    at = open_page(P4, lang=lang)
    tap, best, options = next_question(lm, ["thou", "shalt"])
    assert at.radio(key="cp_p4_next").options == options
    answer(at, "p4.next", next(o for o in options if o != best))
    assert t("checkpoint.wrong", lang=lang, yours=next(o for o in options if o != best), answer=best) \
        in verdicts(at, lang)
    answer(at, "p4.next", best)
    assert t("checkpoint.right", lang=lang, answer=best) in verdicts(at, lang)
    assert said(at, t("checkpoint.p4_next_next", lang=lang, tap=tap).split("“")[0])
    at.text_input(key="p4_prev").input("jay was hit").run()
    tap2, best2, options2 = next_question(lm, ["jay", "was", "hit"])
    assert (best2, options2) != (best, options) and at.radio(key="cp_p4_next").options == options2
    answer(at, "p4.next", best2)
    assert t("checkpoint.right", lang=lang, answer=best2) in verdicts(at, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_p4_rows_of_the_sliding_window(lang):
    at = open_page(P4, lang=lang)
    tokens = tokenize("Thou shalt not make a machine in the likeness of a human mind")
    rows = len(lm_windows(tokens, 3))
    assert t("p4.window_pos", lang=lang, pos=1, total="?") in [c.value for c in at.caption]
    answer(at, "p4.rows", rows + 2)
    assert t("checkpoint.wrong", lang=lang, yours=rows + 2, answer=rows) in verdicts(at, lang)
    assert said(at, t("checkpoint.p4_rows_why", lang=lang, n=3, words=len(tokens), rows=rows))
    assert t("p4.window_pos", lang=lang, pos=1, total=rows) in [c.value for c in at.caption]
    answer(at, "p4.rows", rows)
    assert t("checkpoint.right", lang=lang, answer=rows) in verdicts(at, lang)
    at.slider(key="p4_n").set_value(5).run()  # a new window: a new question, the count hidden again
    assert t("p4.window_pos", lang=lang, pos=1, total="?") in [c.value for c in at.caption]
    answer(at, "p4.rows", len(lm_windows(tokens, 5)))
    assert t("checkpoint.right", lang=lang, answer=len(lm_windows(tokens, 5))) in verdicts(at, lang)
    assert len(lm_windows(tokens, 5)) != rows
