"""Presenter view (ui/present.py): `?present=1` and the sidebar toggle, kept across pages and in the URL."""
import pytest
from apptest import APP, chart_spec, open_page
from streamlit.testing.v1 import AppTest

from ui import present
from ui.i18n import t
from ui.nav import PAGES

FILES = [p.file for p in PAGES]


def frame_drawn(at) -> bool:
    """AppTest shows the frame's sidebar after a page switch only when the page adds to the sidebar too (p1-p8,
    their share panel): on home, glossary and about the frame's own elements are missing from its tree."""
    return any(w.key == "lang_widget" for w in at.radio)


def styled(at) -> bool:
    """The presenter stylesheet is on the page."""
    return any(h.value == present.CSS for h in at.html)


def is_on(at) -> bool:
    """Session, toggle, URL and stylesheet all agree that the presenter view is on (False: all agree it is off)."""
    on = bool(at.session_state["present"])
    assert (at.query_params.get("present") == "1") is on and ("present" in at.query_params) is on
    if frame_drawn(at):
        assert at.sidebar.toggle(key=present.WIDGET).value is on
        assert styled(at) is on
    return on


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", FILES)
def test_present_link_turns_it_on_on_every_page(page, lang):
    at = open_page(page, lang, present=1)
    assert not at.exception and is_on(at)
    if frame_drawn(at):
        assert at.sidebar.toggle(key=present.WIDGET).label == t("present.toggle", lang=lang)
    else:
        assert page in ("pages/home.py", "pages/glossary.py", "pages/about.py")


def test_it_survives_a_page_change_and_the_toggle_turns_it_off():
    at = open_page("pages/p6_negative_sampling.py", "zh", present=1)
    at.query_params.clear()  # the app's navigation drops the query string
    at.switch_page("pages/p4_language_models.py").run()
    assert not at.exception and is_on(at)  # and written back to the URL
    at.sidebar.toggle(key=present.WIDGET).set_value(False).run()
    assert not at.exception and not is_on(at)
    at.switch_page("pages/p5_skipgram_cbow.py").run()
    assert not at.exception and not is_on(at)  # off stays off on the next page
    at.sidebar.toggle(key=present.WIDGET).set_value(True).run()
    assert not at.exception and is_on(at)


@pytest.mark.parametrize("bad", ["yes", "<script>alert(1)</script>", "", "2", "1 ", "true"])
def test_bad_values_are_ignored(bad):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["present"] = bad
    at.run()
    assert not at.exception and not is_on(at)  # and the bad value left the URL
    assert not at.error and not at.warning


def test_figure_labels_are_larger_while_presenting():
    """The same chart with and without the presenter view: every font size in the layout grows by FONT_SCALE."""
    plain = chart_spec(open_page("pages/p6_negative_sampling.py", "en"), "p6_heat_e")
    big = chart_spec(open_page("pages/p6_negative_sampling.py", "en", present=1), "p6_heat_e")
    assert big["layout"]["font"]["size"] == round(plain["layout"]["font"]["size"] * present.FONT_SCALE)
    tick, tick_big = plain["layout"]["yaxis"]["tickfont"]["size"], big["layout"]["yaxis"]["tickfont"]["size"]
    assert tick_big == round(tick * present.FONT_SCALE)
    assert big["layout"]["height"] == plain["layout"]["height"]  # only text grows


def test_figure_scales_text_only(monkeypatch):
    """theme.figure() while presenting: every font size (layout, ticks, annotations, a trace's labels) grows; the
    sizes of markers and arrows do not."""
    import plotly.graph_objects as go

    from ui import theme

    def build():
        dots = go.Scatter(x=[0], y=[0], mode="markers+text", text=["a"], textfont=dict(size=10),
                          marker=dict(size=9))
        return theme.figure([dots], height=200, xaxis=dict(tickfont=dict(size=14)),
                            annotations=[dict(x=0, y=0, text="b", font=dict(size=12), arrowsize=1.2)])

    shared = dict(theme.FONT)
    plain = build()
    monkeypatch.setattr(present, "presenting", lambda: True)
    big = build()
    k = present.FONT_SCALE
    assert big.layout.font.size == round(plain.layout.font.size * k)
    assert big.layout.xaxis.tickfont.size == round(14 * k)
    assert big.layout.annotations[0].font.size == round(12 * k)
    assert big.data[0].textfont.size == round(10 * k)
    assert big.data[0].marker.size == plain.data[0].marker.size == 9
    assert big.layout.annotations[0].arrowsize == plain.layout.annotations[0].arrowsize
    assert theme.FONT == shared  # the shared default was copied, not changed


def test_projector_map_follows_the_switch_in_one_session():
    """p8 keeps its last map per settings: switching the presenter view on must rebuild it with larger text."""
    at = open_page("pages/p8_projector.py", "en")
    plain = chart_spec(at, "p8_chart")["layout"]["font"]["size"]
    at.sidebar.toggle(key=present.WIDGET).set_value(True).run()
    assert not at.exception
    assert chart_spec(at, "p8_chart")["layout"]["font"]["size"] == round(plain * present.FONT_SCALE)
