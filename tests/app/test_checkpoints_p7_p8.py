"""Checkpoints on pages 7-8 (ui/questions_training.py), both languages: p7's answer waits for a trained model and
comes from it, p8's from the PCA of the words on the map; wrong answers are explained, right ones confirmed, and
the revealed answer follows the page's state (expected answers recomputed here from the lab's run and GloVe)."""
import numpy as np
import pytest
from apptest import checkpoint_answer as answer, checkpoint_feedback as feedback, open_page, said

from ui import lab, lab_runs
from ui.data import _load_glove
from ui.i18n import t
from ui.projector import parse_groups
from ui.words import md_escape
from w2v_core.projections import pca

P7, P8 = "pages/p7_training_lab.py", "pages/p8_projector.py"
LANGS = ["en", "zh"]


def wrong(lang, yours, ans):
    return t("checkpoint.wrong", lang=lang, yours=md_escape(yours), answer=md_escape(ans))


def right(lang, ans):
    return t("checkpoint.right", lang=lang, answer=md_escape(ans))


# ---------------------------------------------------------------- page 7
def trained_cosines(corpus_name, anchor, a, b, **settings):
    """Train the lab's model as the page's Train button does, and read the two cosines."""
    corpus = lab.Corpus.from_text((lab.CORPUS_DIR / lab.CORPORA[corpus_name]).read_text(encoding="utf-8"), "word")
    run = lab_runs.new_run("test", corpus, dict(lab.LAB_DEFAULTS, **settings))
    run.train_to_end()
    kv = run.kv()
    return float(kv.similarity(anchor, a)), float(kv.similarity(anchor, b))


@pytest.mark.parametrize("lang", LANGS)
def test_p7_closer_waits_for_training_then_reads_the_model(lang):
    at = open_page(P7, lang=lang)
    corpus = "kingdom_zh" if lang == "zh" else "kingdom_en"
    anchor, a, b = lab.DEFAULT_WORDS[corpus].split()[:3]
    assert at.radio(key="cp_p7_closer").options == [a, b]
    assert at.button(key="cp_p7_closer_check").disabled
    assert any(c.value == t("checkpoint.p7_closer_wait", lang=lang) for c in at.caption)
    sa, sb = trained_cosines(corpus, anchor, a, b)
    best, other = (a, b) if sa >= sb else (b, a)
    at.radio(key="cp_p7_closer").set_value(other).run()  # the learner commits before training
    at.button(key="p7_train").click().run()
    assert at.radio(key="cp_p7_closer").value == other and not at.button(key="cp_p7_closer_check").disabled
    at.button(key="cp_p7_closer_check").click().run()
    assert wrong(lang, other, best) in feedback(at)
    assert said(at, f"{sa:.3f}") and said(at, f"{sb:.3f}")
    answer(at, "p7.closer", best)
    assert right(lang, best) in feedback(at)


def test_p7_closer_follows_the_window():
    at = open_page(P7, lang="en")
    at.text_input(key="p7_words").set_value("queen woman king dog cat").run()
    results = {}
    for window in (5, 2):
        at.slider(key="p7_window").set_value(window).run()
        at.button(key="p7_train").click().run()
        sa, sb = trained_cosines("kingdom_en", "queen", "woman", "king", window=window)
        results[window] = "woman" if sa >= sb else "king"
        answer(at, "p7.closer", "woman")
        assert (right("en", "woman") if results[window] == "woman" else wrong("en", "woman", "king")) in feedback(at)
    assert results == {5: "woman", 2: "king"}  # the window decides: topic neighbours vs same-slot words


# ---------------------------------------------------------------- page 8
def pc1_order(kv, n, groups_text):
    """Groups by their mean PC1 over the first `n` GloVe words, highest first."""
    sub = kv.subset(n)
    pc1 = pca(sub.vectors, n_components=10).coords[:, 0]
    where = {w: i for i, w in enumerate(sub.index_to_key)}
    means = {g: np.mean([pc1[where[w]] for w in ws if w in where]) for g, ws in parse_groups(groups_text).items()
             if any(w in where for w in ws)}
    return sorted(means, key=means.get, reverse=True)


@pytest.mark.parametrize("lang", LANGS)
def test_p8_pc1_group_follows_n(lang):
    kv = _load_glove()
    at = open_page(P8, lang=lang)
    groups_text = at.text_area(key="p8_groups").value
    order = pc1_order(kv, 5000, groups_text)
    assert at.radio(key="cp_p8_pc1").options == list(parse_groups(groups_text))
    answer(at, "p8.pc1", order[-1])
    assert wrong(lang, order[-1], order[0]) in feedback(at)
    assert said(at, t("checkpoint.p8_pc1_yours", lang=lang, group=f"**{md_escape(order[-1])}**",
                      place=len(order), n=len(order)))
    answer(at, "p8.pc1", order[0])
    assert right(lang, order[0]) in feedback(at)
    at.slider(key="p8_n").set_value(1000).run()
    order_1000 = pc1_order(kv, 1000, groups_text)
    assert order_1000[0] != order[0]
    answer(at, "p8.pc1", order[0])
    assert wrong(lang, order[0], order_1000[0]) in feedback(at)
