"""Checkpoints on pages 1-2 (ui/checkpoint.py + ui/questions.py), both languages: a wrong answer is explained, a
right one confirmed, the revealed answer follows the page's state, and the sidebar counts the answers."""
import numpy as np
import pytest
from apptest import answer_checkpoint as answer, open_page, verdicts

from ui.data import _load_glove
from ui.i18n import t
from w2v_core.checks import column_choices
from w2v_core.columns import cosine_terms, shared_columns

P1, P2 = "pages/p1_personality.py", "pages/p2_word_embeddings.py"
LANGS = ["en", "zh"]


@pytest.fixture(scope="module")
def kv():
    return _load_glove()


def said(at, text):
    return any(text in m.value for m in at.markdown)


@pytest.mark.parametrize("lang", LANGS)
def test_p1_stretch_wrong_then_right_then_follows_the_slider(lang):
    at = open_page(P1, lang=lang)
    me, p1 = (-0.4, 0.8), (-0.3, 0.2)
    cos = f"{cosine_terms(me, p1).cos:.3f}"
    flipped = f"{cosine_terms(me, (0.3, -0.2)).cos:.3f}"
    label = {k: t(f"checkpoint.p1_stretch_{k}", lang=lang) for k in ("up", "same", "down")}
    assert said(at, t("checkpoint.p1_flip_q", lang=lang, scale="-1"))  # at × 1 it asks about a flip
    answer(at, "p1.stretch", "same")
    assert t("checkpoint.wrong", lang=lang, yours=label["same"], answer=label["down"]) in verdicts(at, lang)
    assert said(at, t("checkpoint.p1_stretch_why", lang=lang, before=cos, after=flipped, scale="-1"))
    answer(at, "p1.stretch", "down")
    assert t("checkpoint.right", lang=lang, answer=label["down"]) in verdicts(at, lang)
    # stretch person 1 × 3: a new question (the answer is cleared) whose computed answer is "the same"
    at.select_slider(key="p1_scale").set_value(3.0).run()
    assert at.radio(key="cp_p1_stretch").value is None and not verdicts(at, lang)
    assert said(at, t("checkpoint.p1_stretch_q", lang=lang, scale="3"))
    answer(at, "p1.stretch", "up")
    stretched = f"{cosine_terms(me, (-0.9, 0.6)).cos:.3f}"
    assert stretched == cos
    assert t("checkpoint.wrong", lang=lang, yours=label["up"], answer=label["same"]) in verdicts(at, lang)
    assert said(at, t("checkpoint.p1_stretch_why", lang=lang, before=cos, after=stretched, scale="3"))
    # a person 1 on the far side of me: flipping now brings the arrows closer
    at.select_slider(key="p1_scale").set_value(1.0).run()
    at.number_input(key="p1_p1_x").set_value(0.4).run()
    at.number_input(key="p1_p1_y").set_value(-0.8).run()
    answer(at, "p1.stretch", "up")
    assert t("checkpoint.right", lang=lang, answer=label["up"]) in verdicts(at, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_p2_odd_one_out_is_computed_from_the_list(kv, lang):
    at = open_page(P2, lang=lang)
    words = ["queen", "king", "woman", "girl", "boy", "man", "water"]
    odd = kv.doesnt_match(words)
    assert odd == "water"
    answer(at, "p2.odd", "king")
    assert t("checkpoint.wrong", lang=lang, yours="king", answer=odd) in verdicts(at, lang)
    others = [np.mean([kv.similarity(w, v) for v in words if v != w]) for w in words]
    assert said(at, t("checkpoint.p2_odd_yours", lang=lang, word="king", mean=f"{others[1]:.2f}"))
    answer(at, "p2.odd", "water")
    assert t("checkpoint.right", lang=lang, answer="water") in verdicts(at, lang)
    assert said(at, t("checkpoint.try_next", lang=lang, text=t("checkpoint.p2_odd_next", lang=lang)))
    at.text_input(key="p2_words").set_value("cat, dog, car, mouse").run()
    assert at.radio(key="cp_p2_odd").options == ["cat", "dog", "car", "mouse"]
    answer(at, "p2.odd", "mouse")
    new_odd = kv.doesnt_match(["cat", "dog", "car", "mouse"])
    assert new_odd != "mouse"
    assert t("checkpoint.wrong", lang=lang, yours="mouse", answer=new_odd) in verdicts(at, lang)


def column_question(kv, words):
    X = np.stack([kv.get_vector(w) for w in words])
    sc = shared_columns(X, [0, 1])
    best, options = column_choices(sc.score, sc.agree, n=4)
    return sc, best, options


@pytest.mark.parametrize("lang", LANGS)
def test_p2_shared_column_comes_from_the_finder(kv, lang):
    at = open_page(P2, lang=lang)
    words = ["queen", "king", "woman", "girl", "boy", "man", "water"]
    sc, best, options = column_question(kv, words)
    assert best == sc.top(1)[0]
    assert at.radio(key="cp_p2_column").options == [t("checkpoint.p2_col_option", lang=lang, col=j) for j in options]
    decoy = next(j for j in options if j != best)
    answer(at, "p2.column", decoy)
    col = lambda j: t("checkpoint.p2_col_option", lang=lang, col=j)  # noqa: E731
    assert t("checkpoint.wrong", lang=lang, yours=col(decoy), answer=col(best)) in verdicts(at, lang)
    assert any(f"{sc.rest[decoy]:.2f}" in m.value and str(decoy) in m.value for m in at.markdown)
    answer(at, "p2.column", best)
    assert t("checkpoint.right", lang=lang, answer=col(best)) in verdicts(at, lang)
    # another pair first in the list: another question, another computed answer
    moved = ["man", "boy", "queen", "king", "woman", "girl", "water"]
    at.text_input(key="p2_words").set_value(", ".join(moved)).run()
    _, best2, options2 = column_question(kv, moved)
    assert best2 != best
    assert at.radio(key="cp_p2_column").options == [col(j) for j in options2]
    answer(at, "p2.column", best2)
    assert t("checkpoint.right", lang=lang, answer=col(best2)) in verdicts(at, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_sidebar_counts_answers_per_page_and_answers_survive_a_page_change(kv, lang):
    at = open_page(P1, lang=lang)
    assert at.sidebar.expander[0].label == t("checkpoint.progress", lang=lang, answered=0, right=0)
    answer(at, "p1.stretch", "down")
    at.switch_page(P2).run()
    answer(at, "p2.odd", "king")
    answer(at, "p2.column", column_question(kv, ["queen", "king", "woman", "girl", "boy", "man", "water"])[1])
    assert at.sidebar.expander[0].label == t("checkpoint.progress", lang=lang, answered=3, right=2)
    lines = [m.value for m in at.sidebar.markdown]
    assert t("checkpoint.progress_page", lang=lang, page=t("nav.p1", lang=lang), answered=1, right=1) in lines
    assert t("checkpoint.progress_page", lang=lang, page=t("nav.p2", lang=lang), answered=2, right=1) in lines
    at.switch_page(P1).run()
    assert at.radio(key="cp_p1_stretch").value == "down"  # the checked answer is back, with its feedback
    assert t("checkpoint.right", lang=lang, answer=t("checkpoint.p1_stretch_down", lang=lang)) in verdicts(at, lang)
    stored = at.session_state["_checkpoints"]["answers"]
    assert {k: (v["answer"], v["correct"]) for k, v in stored.items()} == {
        "p1.stretch": ("down", True), "p2.odd": ("king", False), "p2.column": (stored["p2.column"]["answer"], True)}
