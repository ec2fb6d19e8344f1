"""The fast path of ui/theme.py (figures built without plotly's validation, as in production) sends the same chart
as the validated build the tests run with: every builder over representative inputs, and every chart of the pages."""
from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from apptest import chart_specs, open_page, reveal
from ui import charts, heatmaps, maps, present, pulse_tally, theme, trail_map

RNG = np.random.default_rng(7)
M5, M30, XY4, XY50, XYZ50, TRAILS = (RNG.normal(size=s) for s in ((5, 4), (30, 12), (4, 2), (50, 2), (50, 3),
                                                                  (3, 4, 2)))
WORDS = {"en": ["king", "queen", "man", "woman", "<b>x</b>"],  # labels: each language, and one with HTML in it
         "zh": ["国王", "女王", "男人", "女人", "<b>x</b>"]}
MAP_WORDS = [f"w{i}" for i in range(49)] + ["国王"]


def _builders(w: list[str]) -> dict:
    """name -> a function building one chart with the labels `w` (one language's words)."""
    probs = np.array([0.5, 0.2, 0.15, 0.1, 0.05])
    steps = range(1, 6)
    loss = {"loss": probs, "mean": [float(p) for p in probs]}
    return {
        "number_line": lambda: charts.number_line(0.31, -1, 1, label=w[0], marker_text="0.31"),
        "number_line_ticks": lambda: charts.number_line(-0.5, -1, 1, label=w[1], marker_text=w[1], ticks=(-1, 0, 1)),
        "prob_bars": lambda: charts.prob_bars(w, probs, w[0], w[1], highlight=w[2]),
        "grouped_plain": lambda: charts.grouped_bars(w, {w[0]: (probs, theme.GREY)}, height=300),
        "grouped_full": lambda: charts.grouped_bars(
            list(steps), {w[0]: (probs, theme.GREY), w[1]: (list(probs), "#000")}, height=340, title=w[2],
            x_title=w[3], y_title=w[4], percent=True, dots=(w[3], probs / 2, theme.ROLES["context"])),
        "highlighted_bars": lambda: charts.highlighted_bars(w, [1, 2, 3, 2, 1], [True, False, True, False, False],
                                                            title=w[0], y_title=w[1], y_max=5),
        "line_chart": lambda: charts.line_chart(steps, loss, w[0], w[1], w[2], markers=True,
                                                colors=[theme.GREY, theme.ROLES["center"]], widths=[1, 3]),
        "line_chart_log": lambda: charts.line_chart([1, 10, 100, 1000, 10**4], {w[0]: probs}, w[1], w[2], w[3],
                                                    log_x=True, log_y=True, markers=False),
        "loss_empty": lambda: charts.loss_figure([], w[0], w[1]),
        "loss": lambda: charts.loss_figure([(100, 2.5), (200, 1.9)], w[0], w[1]),
        "sigmoid": lambda: charts.sigmoid_curve(np.array([1.2, -0.4, 0.1]), w[:3], ["context", "negative", "negative"],
                                                x_title=w[3], y_title=w[4]),
        "strips": lambda: heatmaps.strips(M30[:2, :12], w[:2], dim_label=w[2], value_label=w[3], colorbar_title=w[4],
                                          highlight=[3, 7], title=w[0]),
        "strips_1d": lambda: heatmaps.strips(M30[0], w[:1], dim_label=w[2], value_label=w[3]),
        "similarity": lambda: heatmaps.similarity_heatmap(np.corrcoef(M30[:5]), w, value_label=w[0], title=w[1]),
        "similarity_big": lambda: heatmaps.similarity_heatmap(np.corrcoef(M30[:9]), [f"{w[0]}{i}" for i in range(9)],
                                                              value_label=w[0]),
        "matrix_cells": lambda: heatmaps.matrix_heatmap(M5, w, w[0], {0: "center", 1: "context", 3: "negative"},
                                                        col_title=w[1]),
        "matrix_big": lambda: heatmaps.matrix_heatmap(M30, [f"{w[1]}{i}" for i in range(30)], w[2]),
        "arrows": lambda: maps.arrows_2d([dict(name=w[0], x=0.4, y=-0.3, bold=True), dict(name=w[1], x=-0.8, y=0.6),
                                          dict(name=w[2], x=0.1, y=0.9, color="#000000")], x_label=w[3], y_label=w[4]),
        "word_plane": lambda: maps.word_plane(XY4, w[:4], edges=[(0, 1, theme.EDGES[0]), (2, 3, theme.EDGES[1])],
                                              kinds=["in", "in", "", "out"], label_side={"out": "middle left"}),
        "word_plane_plain": lambda: maps.word_plane(XY4, w[:4], x_label=w[0], y_label=w[1]),
        "word_map": lambda: maps.word_map(XY4, w[:4], groups=[w[0], w[0], w[1], ""], x_title=w[2], highlight=[w[0]]),
        "word_map_plain": lambda: maps.word_map(XY4, w[:4], labels=False),
        "projector_2d": lambda: maps.projector_map(XY50, MAP_WORDS, np.arange(50) % 3 - 1, [w[0], w[1]],
                                                   {"w1": theme.SEARCHED, "国王": theme.NEIGHBOUR}, (w[2], w[3], ""),
                                                   False, labelled=["w2", "w3"], focus=(np.array([-1, -1]), [1, 1])),
        "projector_labels": lambda: maps.projector_map(XY50, MAP_WORDS, None, [], {}, ("PC1", "PC2", ""), True),
        "projector_3d": lambda: maps.projector_map(XYZ50, MAP_WORDS, np.arange(50) % 2, [w[0], w[1]], {"w4": "#ff0"},
                                                   (w[2], w[3], w[4]), False, tags=["a", "b"],
                                                   focus=(np.array([-1.0, -1.0, -1.0]), np.ones(3))),
        "pulse_tally": lambda: pulse_tally._figure([(w[0], 3), (w[1], 0), ("<i>x</i>", 1)]),
        "trail_map": lambda: trail_map.trail_map(TRAILS, w[:4], [w[0], w[0], w[1], ""],
                                                 ["0%", "50%", "100%"], play=w[2], pause=w[3], slider_prefix=w[4]),
    }


def _json(fig: go.Figure) -> dict:
    """What Streamlit sends for a figure (its plotly JSON), parsed: key order is no part of the chart."""
    return json.loads(pio.to_json(fig, validate=False))


def _both(build, monkeypatch) -> tuple[go.Figure, go.Figure]:
    monkeypatch.setattr(theme, "VALIDATE", False)
    fast = build()
    monkeypatch.setattr(theme, "VALIDATE", True)
    return fast, build()


@pytest.mark.parametrize("presenting", [False, True])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_builder_sends_the_same_chart_unvalidated(lang, presenting, monkeypatch):
    monkeypatch.setattr(present, "presenting", lambda: presenting)
    for name, build in _builders(WORDS[lang]).items():
        fast, checked = _both(build, monkeypatch)
        assert isinstance(fast, theme.SentFigure) and checked._validate is True
        assert _json(fast) == _json(checked), name


def test_the_fast_figure_is_the_dict_streamlit_sends(monkeypatch):
    """st.plotly_chart takes the fast figure's dict as it is (no Figure built, nothing validated or copied), and
    sending it leaves the template every figure shares unchanged."""
    from plotly.tools import return_figure_from_figure_or_data

    template = json.dumps(theme._template(pio.templates.default), sort_keys=True)
    fast, checked = _both(_builders(WORDS["en"])["sigmoid"], monkeypatch)
    monkeypatch.setattr(go.Figure, "__init__", lambda *a, **k: pytest.fail("a Figure was built"))
    assert return_figure_from_figure_or_data(fast, validate_figure=True) is fast.to_dict()
    assert _json(fast) == _json(fast) == _json(checked)
    assert json.dumps(theme._template(pio.templates.default), sort_keys=True) == template
    assert fast.to_dict()["data"][1]["x"] == [1.2, -0.4, 0.1]


def test_validation_is_on_under_the_tests_and_catches_a_misspelt_property(monkeypatch):
    assert theme.VALIDATE  # tests/conftest.py switched it on before ui.theme was imported
    with pytest.raises(ValueError):
        theme.figure([dict(type="scatter", x=[1], colour="red")], height=100)
    with pytest.raises(ValueError):
        theme.figure([dict(type="scatter", x=[1])], height=100, xaxis=dict(titel="x"))
    monkeypatch.setattr(theme, "VALIDATE", False)  # production: no check, the misspelling goes through as written
    assert _json(theme.figure([dict(type="scatter", x=[1], colour="red")], height=100))["data"][0]["colour"] == "red"


@pytest.mark.parametrize("page, lang, query", [
    ("pages/p1_personality.py", "en", {}), ("pages/p1_personality.py", "zh", {"present": 1}),
    ("pages/p2_word_embeddings.py", "zh", {}), ("pages/p3_analogies.py", "en", {}),
    ("pages/p4_language_models.py", "en", {}), ("pages/p5_skipgram_cbow.py", "zh", {}),
    ("pages/p6_negative_sampling.py", "en", {}), ("pages/p6_negative_sampling.py", "zh", {"present": 1}),
    ("pages/p7_training_lab.py", "en", {}), ("pages/p8_projector.py", "en", {}),
])
def test_every_chart_of_the_pages_is_what_validation_would_send(page, lang, query, monkeypatch):
    """Built unvalidated, each chart a page sends is unchanged by plotly's validation (titles as dicts, no nulls,
    no empty settings): validating what was sent gives back the same JSON."""
    monkeypatch.setattr(theme, "VALIDATE", False)
    at = open_page(page, lang, **query)
    if "p3_" in page:  # the analogy's charts show once the answer is revealed
        reveal(at, "p3.analogy")
    if "p6_" in page:  # one step computed and applied: the trace's charts too
        for _ in range(2):
            at.button(key="p6_next").click().run()
        assert not at.exception, at.exception
    specs = chart_specs(at)
    assert specs, f"{page} drew no chart"
    for i, spec in enumerate(specs):
        assert _json(go.Figure(spec)) == spec, f"{page} chart {i}"
