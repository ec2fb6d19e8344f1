"""Page 6: the SGNS stepper shows exactly what w2v_core.sgns.sgns_step returns, and the page's other sections."""
import inspect

import numpy as np
import pytest
from apptest import chart_spec, chart_specs, open_page

from ui.i18n import t
from w2v_core import sgns_demo
from w2v_core.sgns import init_params, sgns_step
from w2v_core.text import split_sentences

PAGE = "pages/p6_negative_sampling.py"
TEXT = "Thou shalt not make a machine in the likeness of a human mind.\nAaron ate a taco."
SEED, DIM, ALPHA, K = 1957, 4, 0.1, 2


@pytest.fixture(scope="module")
def data():
    return sgns_demo.StepperData.from_sentences(split_sentences(TEXT), window=2)


def start(data):
    return init_params(len(data.vocab), DIM, SEED, context_init="random")


def table_with(at, column):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def forward_table(at, lang="en"):
    return table_with(at, t("p6.col_sigmoid", lang=lang))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_first_step_is_the_articles_and_equals_sgns_step(lang, data):
    at = open_page(PAGE, lang=lang)
    at.button(key="p6_next").click().run()
    assert not at.exception
    E, C = start(data)
    c, o, negs = data.sample(0, K, SEED)
    words = data.vocab.index_to_key
    assert (words[c], words[o], [words[n] for n in negs]) == ("not", "thou", ["aaron", "taco"])
    _, _, tr = sgns_step(E, C, c, o, negs, ALPHA)
    df = forward_table(at, lang)
    assert df.iloc[:, 0].tolist() == ["thou", "aaron", "taco"]
    np.testing.assert_allclose(df.iloc[:, 1], tr.labels)
    np.testing.assert_allclose(df.iloc[:, 2], tr.scores, rtol=1e-5)
    np.testing.assert_allclose(df.iloc[:, 3], tr.sigmoids, rtol=1e-5)
    np.testing.assert_allclose(df.iloc[:, 4], tr.errors, rtol=1e-5)
    sim = at.session_state["p6_sim"]
    assert sim.phase == "computed" and sim.step == 0
    np.testing.assert_array_equal(sim.embedding, E)  # not applied yet
    at.button(key="p6_next").click().run()  # second click applies the update
    sim = at.session_state["p6_sim"]
    assert sim.phase == "applied" and sim.step == 1
    np.testing.assert_allclose(sim.embedding[[c]], tr.v_after)
    np.testing.assert_allclose(sim.context[tr.targets], tr.U_after)


def test_one_click_mode_and_run_buttons_match_run_steps(data):
    at = open_page(PAGE, lang="en")
    at.toggle(key="p6_oneclick").set_value(True).run()
    at.button(key="p6_next").click().run()
    assert at.session_state["p6_sim"].step == 1
    at.button(key="p6_run1000").click().run()
    assert not at.exception
    sim = at.session_state["p6_sim"]
    assert sim.step == 1001 and len(sim.losses) == 1001
    E, C = start(data)
    E, C, losses, _ = sgns_demo.run_steps(E, C, data, 0, 1001, K, ALPHA, SEED)
    np.testing.assert_allclose(sim.embedding, E, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(sim.losses, losses, rtol=1e-5)  # stored as float32
    assert np.mean(losses[-100:]) < np.mean(losses[:100])  # training lowers the loss


def test_reset_restores_the_seeded_start(data):
    at = open_page(PAGE, lang="en")
    at.button(key="p6_run10").click().run()
    assert not np.allclose(at.session_state["p6_sim"].embedding, start(data)[0])
    at.button(key="p6_reset").click().run()
    sim = at.session_state["p6_sim"]
    E, C = start(data)
    assert sim.step == 0 and len(sim.losses) == 0
    np.testing.assert_array_equal(sim.embedding, E)
    np.testing.assert_array_equal(sim.context, C)


def test_stepping_changes_the_displayed_numbers():
    at = open_page(PAGE, lang="en")
    at.toggle(key="p6_oneclick").set_value(True).run()
    at.button(key="p6_next").click().run()
    first = forward_table(at).iloc[:, 2].to_numpy()
    at.button(key="p6_next").click().run()
    second = forward_table(at).iloc[:, 2].to_numpy()
    assert not np.allclose(first, second)


def test_heatmaps_frame_the_rows_looked_up(data):
    at = open_page(PAGE, lang="en")
    at.button(key="p6_next").click().run()
    specs = chart_specs(at)
    heat = [s for s in specs if s["data"] and s["data"][0]["type"] == "heatmap"]
    assert len(heat) == 2
    words = data.vocab.index_to_key
    emb_rows = [words.index("not")]
    assert [round(sh["y0"] + 0.5) for sh in heat[0]["layout"]["shapes"]] == emb_rows
    ctx_rows = sorted(round(sh["y0"] + 0.5) for sh in heat[1]["layout"]["shapes"])
    assert ctx_rows == sorted(words.index(w) for w in ("thou", "aaron", "taco"))


@pytest.mark.parametrize("text", ["", "word", "one. two. three"])
def test_too_little_text_is_explained(text):
    at = open_page(PAGE, lang="zh")
    at.text_area(key="p6_text").input(text).run()
    assert not at.exception
    assert len(at.warning) == 1


def test_more_negatives_than_words_is_clamped_with_a_message():
    at = open_page(PAGE, lang="en")
    at.text_area(key="p6_text").input("a b c d").run()
    at.slider(key="p6_negative").set_value(10).run()
    assert not at.exception
    assert len(at.warning) == 1 and "2" in at.warning[0].value
    at.button(key="p6_next").click().run()
    assert len(forward_table(at)) == 1 + 2


def test_show_the_code_is_the_real_function():
    at = open_page(PAGE, lang="en")
    assert any(c.value.strip() == inspect.getsource(sgns_step).strip() for c in at.code)


def test_softmax_step_table_sums_to_one():
    at = open_page(PAGE, lang="en")
    df = table_with(at, "predicted probability")
    assert abs(df.iloc[:, 1].sum() - 1) < 1e-6
    assert df.iloc[:, 2].sum() == 1
    np.testing.assert_allclose(df.iloc[:, 3], df.iloc[:, 2] - df.iloc[:, 1], atol=1e-9)


def test_chinese_text_and_toy_corpus_train_without_errors():
    at = open_page(PAGE, lang="zh")
    at.text_area(key="p6_text").input("我爱自然语言处理。我爱机器学习。机器学习很有趣。").run()
    assert not at.exception and not at.warning
    at.button(key="p6_run100").click().run()
    assert not at.exception and at.session_state["p6_sim"].step == 100
    at.radio(key="p6_source").set_value("toy").run()
    assert at.session_state["p6_sim"].step == 0  # new vocabulary, new seeded start
    for _ in range(4):
        at.button(key="p6_run1000").click().run()
    assert not at.exception
    spec = chart_spec(at, -1)  # the loss curve
    assert len(spec["data"][0]["x"]) <= 3000
    nn = table_with(at, t("p6.col_cosine", lang="zh"))
    assert nn.iloc[0, 0] == "queen"  # king's nearest neighbour after 4000 steps on the toy corpus


def test_hostile_url_values_fall_back_to_defaults():
    at = open_page(PAGE, lang="en", window=999, negative=-1, dim="abc", alpha="nan", seed="1e99",
                   source="<script>")
    ss = at.session_state
    assert (ss["p6_window"], ss["p6_negative"], ss["p6_dim"], ss["p6_alpha"], ss["p6_seed"], ss["p6_source"]) == \
        (2, 2, 4, 0.1, 1957, "sentence")


def test_shared_url_reproduces_the_settings(data):
    at = open_page(PAGE, lang="en", window=3, negative=4, dim=6, alpha=0.05, seed=11)
    at.button(key="p6_next").click().run()
    d3 = sgns_demo.StepperData.from_sentences(split_sentences(TEXT), window=3)
    E, C = init_params(len(d3.vocab), 6, 11, context_init="random")
    c, o, negs = d3.sample(0, 4, 11)
    _, _, tr = sgns_step(E, C, c, o, negs, 0.05)
    np.testing.assert_allclose(forward_table(at).iloc[:, 2], tr.scores, rtol=1e-5)


@pytest.mark.parametrize("k,acc", [(2, "33%"), (4, "20%")])
def test_always_one_model_is_perfect_on_positives_only(k, acc):
    at = open_page(PAGE, lang="en", negative=k)
    assert [m.value for m in at.metric] == ["100%", acc]


def test_a_learning_rate_that_blows_up_is_explained_and_the_state_kept():
    at = open_page(PAGE, lang="en", alpha=1.0, dim=10, negative=13)
    last_ok = None
    for _ in range(8):
        before = at.session_state["p6_sim"].step
        at.button(key="p6_run1000").click().run()
        assert not at.exception
        sim = at.session_state["p6_sim"]
        assert np.isfinite(sim.embedding).all() and np.isfinite(sim.context).all()
        if at.error:
            assert sim.step == before  # the diverging run was not applied
            last_ok = before
            break
    assert last_ok is not None, "alpha = 1.0 with 13 negatives should overflow within 8000 steps"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cbow_mode_shows_cbow_step(lang, data):
    from w2v_core.sgns import cbow_step

    at = open_page(PAGE, lang=lang, sg=0)
    at.button(key="p6_next").click().run()
    assert not at.exception
    E, C = start(data)
    ctx, c, negs = data.sample_cbow(0, K, SEED)
    words = data.vocab.index_to_key
    assert words[c] == "not" and [words[i] for i in ctx] == ["thou", "shalt", "make", "a"]
    E2, C2, tr = cbow_step(E, C, ctx, c, negs, ALPHA)
    df = forward_table(at, lang)
    assert df.iloc[0, 0] == "not"
    np.testing.assert_allclose(df.iloc[:, 2], tr.scores, rtol=1e-5)
    np.testing.assert_allclose(df.iloc[:, 4], tr.errors, rtol=1e-5)
    assert any(c.value.strip() == inspect.getsource(cbow_step).strip() for c in at.code)
    at.button(key="p6_run100").click().run()  # applies, then 100 more
    sim = at.session_state["p6_sim"]
    E3, C3, _, _ = sgns_demo.run_steps(E, C, data, 0, 101, K, ALPHA, SEED, sg=0)
    np.testing.assert_allclose(sim.embedding, E3, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(sim.context, C3, rtol=1e-5, atol=1e-7)


def test_an_edited_sentence_survives_a_trip_to_the_toy_corpus():
    at = open_page(PAGE, lang="en")
    at.text_area(key="p6_text").input("the cat sat on the mat. the dog sat on the rug.").run()
    at.radio(key="p6_source").set_value("toy").run()
    assert at.session_state["p6_sim_key"][0].startswith("the king")
    at.radio(key="p6_source").set_value("sentence").run()
    assert at.session_state["p6_text"] == "the cat sat on the mat. the dog sat on the rug."
