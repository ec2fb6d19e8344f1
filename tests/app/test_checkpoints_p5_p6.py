"""Checkpoints on pages 5-6 (ui/questions_training.py), both languages: a wrong answer is explained, a right one
confirmed, and the revealed answer follows the page's state (the expected answers come from w2v_core here)."""
import numpy as np
import pytest
from apptest import checkpoint_answer as answer, checkpoint_feedback as feedback, open_page, said

from ui.i18n import t
from w2v_core import sgns_demo
from w2v_core.checks_training import change_bucket, positive_sigmoid
from w2v_core.samples import cbow_samples, skipgram_pairs
from w2v_core.text import split_sentences, tokenize

P5, P6 = "pages/p5_skipgram_cbow.py", "pages/p6_negative_sampling.py"
LANGS = ["en", "zh"]
TOKENS = tokenize("Thou shalt not make a machine in the likeness of a human mind")
TEXT = "Thou shalt not make a machine in the likeness of a human mind.\nAaron ate a taco."


def wrong(lang, yours, ans):
    return t("checkpoint.wrong", lang=lang, yours=yours, answer=ans)


def right(lang, ans):
    return t("checkpoint.right", lang=lang, answer=ans)


# ---------------------------------------------------------------- page 5
@pytest.mark.parametrize("lang", LANGS)
def test_p5_pairs_of_word_2_follow_the_window(lang):
    at = open_page(P5, lang=lang)
    n2 = sum(p["position"] == 1 for p in skipgram_pairs(TOKENS, 2))
    assert n2 == 3  # thou | shalt | not make: the sentence start cuts the window
    answer(at, "p5.pairs", 4)
    assert wrong(lang, "4", "3") in feedback(at)
    assert said(at, t("checkpoint.p5_pairs_full", lang=lang, full=4))
    assert said(at, t("checkpoint.p5_pairs_why", lang=lang, eff=2, pos=2, left=1, right=2, n=3))
    answer(at, "p5.pairs", 3)
    assert right(lang, "3") in feedback(at)
    at.slider(key="p5_window").set_value(4).run()
    assert at.number_input(key="cp_p5_pairs").value is None  # a new question
    answer(at, "p5.pairs", 3)
    n4 = sum(p["position"] == 1 for p in skipgram_pairs(TOKENS, 4))
    assert n4 == 5 and wrong(lang, "3", "5") in feedback(at)


def cbow_label(lang, context, centre):
    return t("checkpoint.p5_cbow_one", lang=lang, samples=f"{', '.join(context)} → {centre}")


@pytest.mark.parametrize("lang", LANGS)
def test_p5_cbow_sample_is_cbows_and_follows_the_window(lang):
    from ui.words import md_escape

    at = open_page(P5, lang=lang)
    real = next(s for s in cbow_samples(TOKENS, 2) if s["position"] == 1)
    pairs = [p for p in skipgram_pairs(TOKENS, 2) if p["position"] == 1]
    pair_label = t("checkpoint.p5_cbow_many", lang=lang, n=len(pairs),
                   samples=" · ".join(f"{p['input']} → {p['output']}" for p in pairs))
    radio = at.radio(key="cp_p5_cbow")
    assert md_escape(pair_label) in radio.options and md_escape(cbow_label(lang, real["context"], "shalt")) in \
        radio.options
    answer(at, "p5.cbow", "pairs")
    assert wrong(lang, md_escape(pair_label), md_escape(cbow_label(lang, real["context"], "shalt"))) in feedback(at)
    assert said(at, t("checkpoint.p5_cbow_yours_pairs", lang=lang))
    answer(at, "p5.cbow", "cbow")
    assert right(lang, md_escape(cbow_label(lang, real["context"], "shalt"))) in feedback(at)
    at.slider(key="p5_window").set_value(3).run()
    answer(at, "p5.cbow", "cbow")
    real3 = next(s for s in cbow_samples(TOKENS, 3) if s["position"] == 1)
    assert real3["context"] != real["context"]
    assert right(lang, md_escape(cbow_label(lang, real3["context"], "shalt"))) in feedback(at)


# ---------------------------------------------------------------- page 6
def stepper(seed=1957, alpha=0.1):
    data = sgns_demo.StepperData.from_sentences(split_sentences(TEXT), window=2)
    return sgns_demo.Stepper(data, 4, 2, alpha, seed, 1, 0.75)


def role_labels(sim, tr, lang):
    from ui.words import md_escape

    words = sim.data.vocab.index_to_key
    return [md_escape(t("checkpoint.p6_true" if j == 0 else "checkpoint.p6_negative", lang=lang,
                        word=words[int(i)])) for j, i in enumerate(tr.targets)]


@pytest.mark.parametrize("lang", LANGS)
def test_p6_highest_sigmoid_is_the_next_steps(lang):
    at = open_page(P6, lang=lang)
    sim = stepper()
    tr = sim.compute()  # what "Next step" will show
    labels, best = role_labels(sim, tr, lang), int(np.argmax(tr.sigmoids))
    assert at.radio(key="cp_p6_highest").options == labels
    other = next(i for i in range(len(labels)) if i != best)
    answer(at, "p6.highest", other)
    assert wrong(lang, labels[other], labels[best]) in feedback(at)
    assert said(at, f"{tr.sigmoids[best]:.4f}") and said(at, t("checkpoint.p6_high_luck", lang=lang))
    answer(at, "p6.highest", best)
    assert right(lang, labels[best]) in feedback(at)
    at.button(key="p6_next").click().run()  # the step is shown: same question, its answer stays
    assert right(lang, labels[best]) in feedback(at)
    # another seed draws other negatives: another question with another computed answer
    at.number_input(key="p6_seed").set_value(2).run()
    sim2 = stepper(seed=2)
    tr2 = sim2.compute()
    labels2, best2 = role_labels(sim2, tr2, lang), int(np.argmax(tr2.sigmoids))
    assert labels2[best2] != labels[best]
    answer(at, "p6.highest", best)
    assert wrong(lang, labels2[best], labels2[best2]) in feedback(at)


def moved_label(lang, bucket):
    from ui.words import md_escape

    return md_escape(t(f"checkpoint.p6_moved_{bucket}", lang=lang))


@pytest.mark.parametrize("lang", LANGS)
def test_p6_moved_follows_the_learning_rate(lang):
    at = open_page(P6, lang=lang)
    assert not [r for r in at.radio if r.key == "cp_p6_moved"]  # nothing applied yet, nothing to ask
    buckets = {}
    for alpha in (0.1, 1.0):
        sim = stepper(alpha=alpha)
        tr = sim.next().trace
        sim.next()
        buckets[alpha] = change_bucket(float(tr.sigmoids[0]), positive_sigmoid(sim.embedding, sim.context,
                                                                               tr.inputs, int(tr.targets[0])))
    assert buckets == {0.1: "small", 1.0: "big"}
    at.button(key="p6_next").click().run()
    at.button(key="p6_next").click().run()
    answer(at, "p6.moved", "down")
    assert wrong(lang, moved_label(lang, "down"), moved_label(lang, "small")) in feedback(at)
    answer(at, "p6.moved", "small")
    assert right(lang, moved_label(lang, "small")) in feedback(at)
    at.select_slider(key="p6_alpha").set_value(1.0).run()
    at.button(key="p6_next").click().run()
    at.button(key="p6_next").click().run()
    answer(at, "p6.moved", "small")
    assert wrong(lang, moved_label(lang, "small"), moved_label(lang, "big")) in feedback(at)
