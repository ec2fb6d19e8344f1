"""Page 7's "why neighbours?" tab: its numbers are w2v_core's (cosine, counts, shared contexts, cosine history)."""
import numpy as np
import pytest
from apptest import chart_spec, open_page

from ui import lab
from w2v_core import cooccur
from w2v_core.corpus import encode_corpus
from w2v_core.text import split_sentences
from w2v_core.word2vec import Word2Vec

PAGE = "pages/p7_training_lab.py"


def trained(lang="en", **query):
    at = open_page(PAGE, lang=lang, **query)
    at.button(key="p7_train").click().run()
    assert not at.exception, at.exception
    return at


def core(corpus):
    text = (lab.CORPUS_DIR / lab.CORPORA[corpus]).read_text(encoding="utf-8")
    sentences = split_sentences(text, chinese="word")
    return sentences, encode_corpus(sentences, lab.LAB_DEFAULTS["min_count"])


@pytest.mark.parametrize("lang, corpus, a, b", [("en", "kingdom_en", "king", "queen"),
                                                ("zh", "kingdom_zh", "国王", "王后")])
def test_pair_cosine_sentence_and_shared_contexts_are_computed(lang, corpus, a, b):
    at = trained(lang)
    assert (at.selectbox(key="p7_why_a").value, at.selectbox(key="p7_why_b").value) == (a, b)
    kv = list(at.session_state["p7_runs"].values())[-1].kv()
    assert any(m.value == f"{kv.similarity(a, b):.3f}" for m in at.metric)
    _, (vocab, ids, offsets) = core(corpus)
    w = lab.LAB_DEFAULTS["window"]
    ca, cb = (cooccur.context_counts(ids, offsets, vocab.key_to_index[x], w, len(vocab)) for x in (a, b))
    near = [cooccur.context_counts(ids, offsets, vocab.key_to_index[x], 1, len(vocab)) for x in (a, b)]
    left, right = cooccur.closeness_reason(*near, exclude=[vocab.key_to_index[a], vocab.key_to_index[b]])
    sentence = next(m.value for m in at.markdown if m.value.startswith(f"Both “{a}”" if lang == "en" else f"“{a}”和"))
    assert f"“{vocab.index_to_key[left]}”" in sentence and f"“{vocab.index_to_key[right]}”" in sentence
    table = next(d.value for d in at.dataframe if a in d.value.columns and b in d.value.columns)
    rows = cooccur.shared_contexts(ca, cb, 10, exclude=[vocab.key_to_index[a], vocab.key_to_index[b]])
    assert table.iloc[:, 0].tolist() == [vocab.index_to_key[i] for i, _, _ in rows]
    assert table[a].tolist() == [na for _, na, _ in rows] and table[b].tolist() == [nb for _, _, nb in rows]
    # the windows: as many lines as occurrences shown, the word bold on each
    n_a = cooccur.count_of(ids, vocab.key_to_index[a])
    assert any(m.value.endswith(f"{n_a}" + (" 次：" if lang == "zh" else " times:")) for m in at.markdown)
    assert sum(m.value.startswith("…") and f" **{a}** " in m.value for m in at.markdown) == 3


def test_cosine_history_starts_at_the_random_start_and_ends_at_the_model():
    at = trained()
    spec = chart_spec(at, "p7_why_chart")
    xs, ys = spec["data"][0]["x"], spec["data"][0]["y"]
    assert 2 <= len(xs) <= 30 and xs[0] == 0
    run = list(at.session_state["p7_runs"].values())[-1]
    assert ys[-1] == pytest.approx(float(run.kv().similarity("king", "queen")), abs=1e-5)
    m = Word2Vec(None, workers=1, **lab.LAB_DEFAULTS)
    m.build_vocab(core("kingdom_en")[0])  # untrained: gensim's random start
    assert ys[0] == pytest.approx(float(m.wv.similarity("king", "queen")), abs=1e-5)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_picking_other_words_replays_and_same_word_is_explained(lang):
    at = trained(lang)
    at.selectbox(key="p7_why_b").set_value("dog" if lang == "en" else "狗").run()
    assert not at.exception
    run = list(at.session_state["p7_runs"].values())[-1]
    ys = chart_spec(at, "p7_why_chart")["data"][0]["y"]
    a, b = at.session_state["p7_why_a"], at.session_state["p7_why_b"]
    assert ys[-1] == pytest.approx(float(run.kv().similarity(a, b)), abs=1e-5)
    assert at.query_params["why_b"] in (b, [b])
    at.selectbox(key="p7_why_b").set_value(a).run()
    assert not at.exception and at.info


def test_hostile_url_words_fall_back_with_a_note():
    at = trained(why_a="<script>alert(1)</script>", why_b="nosuchword")
    assert at.selectbox(key="p7_why_a").value in lab.DEFAULT_WORDS["kingdom_en"].split()
    assert at.selectbox(key="p7_why_b").value in lab.DEFAULT_WORDS["kingdom_en"].split()
    assert not any("<script>" in m.value for m in at.markdown)


def test_custom_text_is_escaped_and_counts_are_its_own():
    at = open_page(PAGE)
    at.selectbox(key="p7_corpus").set_value("custom").run()
    text = "the cat ate fish. the dog ate meat. a cat saw the dog. the cat ate. the dog ate. a dog saw a cat."
    at.text_area(key="p7_text").set_value(text).run()
    at.slider(key="p7_negative").set_value(1).run()
    at.number_input(key="p7_min_count").set_value(1).run()
    at.slider(key="p7_window").set_value(1).run()
    at.button(key="p7_train").click().run()
    assert not at.exception
    at.selectbox(key="p7_why_a").set_value("cat").run()
    at.selectbox(key="p7_why_b").set_value("dog").run()
    assert not at.exception
    # by hand, right next to them: cat after the (2) and a (2), before ate (2) and saw (1); dog after the (3),
    # a (1), before ate (2) and saw (1)
    sentence = next(m.value for m in at.markdown if m.value.startswith("Both “cat”"))
    assert "right after “the” and right before “ate”" in sentence
