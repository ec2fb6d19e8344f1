"""Page 1 (personality vectors): numbers shown equal an independent numpy computation; widgets change them."""
import numpy as np
import pytest
from apptest import chart_spec, open_page

PAGE = "pages/p1_personality.py"


def cos(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))


def metric_values(at):
    return [float(m.value) for m in at.metric if m.value != "—"]


@pytest.mark.parametrize("lang, title", [("en", "Personality"), ("zh", "性格")])
def test_renders_in_both_languages(lang, title):
    at = open_page(PAGE, lang=lang)
    assert title in at.title[0].value
    assert len(at.get("plotly_chart")) == 3
    assert not at.metric, "the cosines stay hidden until the learner reveals them"


def test_score_slider_moves_the_rescaled_point():
    at = open_page(PAGE)
    assert chart_spec(at, "p1_line_scaled")["data"][1]["x"] == [pytest.approx(-0.24)]
    at.slider(key="p1_score").set_value(75).run()
    assert chart_spec(at, "p1_line_score")["data"][1]["x"] == [75]
    assert chart_spec(at, "p1_line_scaled")["data"][1]["x"] == [pytest.approx(0.5)]
    assert any("0.50" in lt.value for lt in at.latex)


def test_reveal_shows_cosines_and_highlights_the_most_similar():
    at = open_page(PAGE)
    at.radio(key="p1_guess").set_value("p2").run()
    at.toggle(key="p1_reveal").set_value(True).run()
    me, p1, p2 = [-0.4, 0.8], [-0.3, 0.2], [-0.5, -0.4]
    assert metric_values(at) == [pytest.approx(cos(me, p1), abs=5e-4), pytest.approx(cos(me, p2), abs=5e-4)]
    assert at.warning and "Person 1" in at.warning[0].value  # the wrong guess is answered
    markers = [tr["marker"]["symbol"] for tr in chart_spec(at, "p1_arrows")["data"]]
    assert markers == ["circle", "star", "circle"]
    # the formula carries the current terms: dot = 0.12 + 0.16 = 0.28
    assert any("0.280" in lt.value for lt in at.latex)
    assert any(r"(-0.40) \cdot (-0.30) + 0.80 \cdot 0.20" in lt.value for lt in at.latex)


def test_stretching_keeps_the_cosine_and_flipping_negates_it():
    at = open_page(PAGE)
    at.toggle(key="p1_reveal").set_value(True).run()
    before = metric_values(at)
    at.select_slider(key="p1_scale").set_value(2.0).run()
    assert metric_values(at) == [pytest.approx(before[0], abs=1e-9), pytest.approx(before[1], abs=1e-9)]
    assert any("0.560" in lt.value for lt in at.latex), "the dot product doubles"
    at.select_slider(key="p1_scale").set_value(-1.0).run()
    assert metric_values(at)[0] == pytest.approx(-before[0], abs=1e-9)
    markers = [tr["marker"]["symbol"] for tr in chart_spec(at, "p1_arrows")["data"]]
    assert markers == ["circle", "circle", "star"], "after the flip person 2 is the closer one"


def test_zero_vector_gives_a_message_not_a_crash():
    at = open_page(PAGE)
    at.number_input(key="p1_p2_x").set_value(0.0).run()
    at.number_input(key="p1_p2_y").set_value(0.0).run()
    at.toggle(key="p1_reveal").set_value(True).run()
    assert not at.exception
    assert at.metric[1].value == "—"
    assert any("no direction" in w.value for w in at.warning)


def test_five_traits_ranking_matches_numpy_and_follows_the_table():
    at = open_page(PAGE)
    table = at.dataframe[1].value  # [0] is the editable table
    rows = at.session_state["p1_big5_values"]
    expect = sorted(((cos(rows[0], r), i) for i, r in enumerate(rows[1:], 1)), reverse=True)
    np.testing.assert_allclose(table["cos"].to_numpy(), [c for c, _ in expect], atol=1e-9)
    assert list(table["rank"]) == [1, 2, 3]
    # a new table (as if edited): person 2 becomes a copy of me, so ranks first with cosine 1
    new = [r[:] for r in rows]
    new[2] = [2 * x for x in rows[0]]
    at.session_state["p1_big5_values"] = new
    at.run()
    table = at.dataframe[1].value  # [0] is the editable table
    assert table["who"][0] == "Person 2" and table["cos"][0] == pytest.approx(1.0)
    assert "Person 2" in at.success[-1].value


def test_values_survive_a_visit_to_another_page():
    at = open_page(PAGE)
    at.slider(key="p1_score").set_value(80).run()
    at.number_input(key="p1_me_y").set_value(0.3).run()
    at.switch_page("pages/p2_word_embeddings.py").run()
    at.switch_page(PAGE).run()
    assert at.slider(key="p1_score").value == 80 and at.number_input(key="p1_me_y").value == 0.3


def test_language_switch_keeps_the_numbers():
    at = open_page(PAGE)
    at.slider(key="p1_score").set_value(64).run()
    rows = [r[:] for r in at.session_state["p1_big5_values"]]
    at.sidebar.radio(key="lang_widget").set_value("zh").run()
    assert not at.exception and "性格" in at.title[0].value
    assert at.slider(key="p1_score").value == 64
    assert at.session_state["p1_big5_values"] == rows
    assert list(at.dataframe[0].value["who"]) == ["我", "1 号", "2 号", "3 号"]


def test_a_shared_link_sets_the_vectors_and_the_page_writes_them_back():
    at = open_page(PAGE, score=70, me_x=0.5, me_y="-0.25", scale=2, p1_x="nan", p2_x=5, p2_y="<b>x</b>")
    assert at.slider(key="p1_score").value == 70
    assert at.number_input(key="p1_me_x").value == 0.5 and at.number_input(key="p1_me_y").value == -0.25
    assert at.select_slider(key="p1_scale").value == 2.0
    # unreadable or out of range: the defaults
    assert at.number_input(key="p1_p1_x").value == -0.3 and at.number_input(key="p1_p2_x").value == -0.5
    assert at.number_input(key="p1_p2_y").value == -0.4
    assert not at.toggle(key="p1_reveal").value, "a link never opens the quiz's answer"
    at.toggle(key="p1_reveal").set_value(True).run()
    me, p1 = (0.5, -0.25), (2 * -0.3, 2 * 0.2)  # person 1 stretched by the link's scale
    assert metric_values(at)[0] == pytest.approx(cos(me, p1), abs=1e-3)
    at.number_input(key="p1_p2_x").set_value(0.75).run()
    qp = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert qp["p2_x"] == "0.75" and qp["score"] == "70" and qp["me_y"] == "-0.25" and qp["p1_x"] == "-0.3"
    assert qp["scale"] == "2"
