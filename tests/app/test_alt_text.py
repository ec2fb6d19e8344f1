"""Every chart has a text alternative under it (ui/alt.py), in the page's language, whose numbers follow the state."""
import re

import numpy as np
import pytest
from apptest import chart_spec, chart_specs, has_cjk, open_page, plotly_array, reveal

from ui.i18n import t
from w2v_core.glove import load_glove
from w2v_core.samples import cbow_samples, skipgram_pairs
from w2v_core.text import tokenize


@pytest.fixture(scope="module")
def kv():
    return load_glove()


def alts(at, lang: str = "en") -> list[str]:
    """The text alternatives on the page, markdown escapes removed (as a reader hears them)."""
    prefix = t("alt.chart", lang=lang, text="")
    return [c.value.replace("\\", "")[len(prefix):] for c in at.caption if c.value.startswith(prefix)]


PAGES = [("pages/p1_personality.py", {}, None), ("pages/p2_word_embeddings.py", {"word": "king"}, None),
         ("pages/p3_analogies.py", {}, "reveal:p3.analogy"), ("pages/p4_language_models.py", {}, None),
         ("pages/p5_skipgram_cbow.py", {"shrink": 1}, None), ("pages/p6_negative_sampling.py", {}, "p6_next"),
         ("pages/p7_training_lab.py", {}, "p7_train"), ("pages/p8_projector.py", {"colour": "kmeans"}, None)]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page, query, button", PAGES, ids=[p[0][6:8] for p in PAGES])
def test_every_chart_has_a_text_alternative_in_the_page_language(page, query, button, lang):
    at = open_page(page, lang=lang, **query)
    if button and button.startswith("reveal:"):  # a checkpoint folds the charts until a guess or "show me"
        reveal(at, button.split(":", 1)[1])
    elif button:
        at.button(key=button).click().run()
    assert not at.exception
    texts = alts(at, lang)
    assert len(texts) == len(at.get("plotly_chart")) > 0  # one per chart
    assert all(re.search(r"\d", s) for s in texts), texts  # each states numbers
    if lang == "zh":
        assert all(has_cjk(s) for s in texts)


def test_chinese_sentences_have_no_english_words():
    """The zh templates (placeholders aside) are all Chinese; the words they carry are the chart's data."""
    from ui.i18n import _namespace

    for key, text in _namespace("zh", "alt").items():
        assert not re.search(r"[A-Za-z]", re.sub(r"\{[^}]*\}", "", text)), key


def test_p1_number_lines_follow_the_slider():
    at = open_page("pages/p1_personality.py")
    at.slider(key="p1_score").set_value(80).run()
    score, scaled = alts(at)[:2]
    assert "dot at 80." in score and "dot at +0.60." in scaled  # 2 * 80/100 - 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p3_names_the_top_answer_and_its_score(kv, lang):
    for query in ({"pos": "king, woman", "neg": "man"}, {"pos": "paris, italy", "neg": "france"}):
        at = reveal(open_page("pages/p3_analogies.py", lang=lang, method="add", **query), "p3.analogy")
        word, score = kv.most_similar([w.strip() for w in query["pos"].split(",")], [query["neg"]], topn=1)[0]
        assert f"“{word}”" in alts(at, lang)[0] and f"{score:.3f}" in alts(at, lang)[0]


def test_p2_names_the_most_and_least_similar_pair(kv):
    words = ["cat", "dog", "car", "water"]
    at = open_page("pages/p2_word_embeddings.py", words=", ".join(words))
    X = np.stack([kv.get_vector(w) for w in words])
    X = X / np.linalg.norm(X, axis=1, keepdims=True)
    sims = {(a, b): float(X[i] @ X[j]) for i, a in enumerate(words) for j, b in enumerate(words) if i < j}
    hi, lo = max(sims, key=sims.get), min(sims, key=sims.get)
    text = [s for s in alts(at) if "Most similar" in s][0]
    assert f"{hi[0]} and {hi[1]} ({sims[hi]:.2f})" in text and f"{lo[0]} and {lo[1]} ({sims[lo]:.2f})" in text


def test_p5_counts_are_the_samples_of_w2v_core():
    at = open_page("pages/p5_skipgram_cbow.py", shrink=0)
    toks = tokenize("Thou shalt not make a machine in the likeness of a human mind")  # the page's sentence
    text = alts(at)[0]
    for w in range(1, 6):
        assert f"{w} → {len(cbow_samples(toks, w))}" in text and f"{w} → {len(skipgram_pairs(toks, w))}" in text


def test_p6_loss_follows_the_steps():
    at = open_page("pages/p6_negative_sampling.py", seed=3)
    at.button(key="p6_run10").click().run()
    first = [s for s in alts(at) if "loss of" in s]
    losses = plotly_array(chart_spec(at, "p6_loss")["data"][0]["y"], float)
    assert first == [f"the loss of {len(losses)} steps: first {losses[0]:.4f}, last {losses[-1]:.4f}, "
                     f"mean of the last {len(losses)} {losses.mean():.4f}."]
    at.button(key="p6_run10").click().run()
    again = [s for s in alts(at) if "loss of" in s]
    assert again != first and f"the loss of {len(losses) + 10} steps" in again[0]
    heat = [s for s in alts(at) if s.startswith(t("p6.context_title", lang="en"))][0]
    assert "✓ true context" in heat and "✗ negatives" in heat  # the roles in words, not only in colour


def test_p8_names_the_searched_word_and_its_nearest_neighbours(kv):
    at = open_page("pages/p8_projector.py", search="king", nn=5, n=2000, colour="none")
    ref = kv.subset(2000).most_similar("king", topn=5)
    text = alts(at)[0]
    assert text.startswith("a map of 2,000 words")
    assert f"Searched “king”; nearest: {ref[0][0]} {ref[0][1]:.3f}" in text
    at.text_input(key="p8_search").set_value("paris").run()
    assert f"nearest: {kv.subset(2000).most_similar('paris', topn=1)[0][0]}" in alts(at)[0]
    assert len(chart_specs(at)) == 1
