"""The look of every chart in one place: colours, font sizes, and `figure()`, which builds a figure in one call.

Chart builders (`ui/heatmaps.py`, `ui/maps.py`, `ui/charts.py`) and the HTML chips of `ui/stepper.py` take their
colours from here, so "positive", "centre word" or "cluster 3" look the same on every page. Builders write their
traces as plain dicts (`dict(type="scatter", ...)`): `figure()` turns them into the one Figure, validated by plotly
only under the tests (VALIDATE), so a rerun in production does not pay for checking charts the tests checked (in
production a SentFigure: the dict Streamlit sends, nothing else; no code reads a figure's attributes once built).
"""
from __future__ import annotations

import functools
import os

import plotly.graph_objects as go
import plotly.io as pio
from _plotly_utils.utils import convert_to_base64

from ui import present

# The colour sets below are checked by tests/app/test_colours.py: they stay apart under simulated
# deuteranopia, protanopia and tritanopia (CIEDE2000 >= 10), text meets WCAG AA (4.5:1) on its background.
# Colour is never the only cue: roles, kinds, groups and clusters also differ by symbol, frame or label.

# Diverging red-white-blue (ColorBrewer RdBu, flipped so that red is positive), white exactly at 0:
# the article's colouring of vectors (red near +2, white near 0, blue near -2). Red and blue stay apart under
# every colour-vision deficiency (they differ in lightness and in the blue-yellow axis).
DIVERGING = [[0.0, "#2166ac"], [0.25, "#92c5de"], [0.5, "#ffffff"], [0.75, "#f4a582"], [1.0, "#b2182b"]]

# Categorical colours (Okabe & Ito's colour-blind-safe set without black, yellow last: it is faint on white):
# people (p1), kinds of points (p3), groups (p7, p8), clusters (p8). More groups than colours: the colours
# repeat and SYMBOLS (a different cycle length) or a label on the map tell them apart.
CATEGORICAL = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"]
SYMBOLS = ["circle", "square", "diamond", "cross", "x"]  # all five exist in 2-D, WebGL and 3-D plotly traces
GREY = "#c8c8c8"  # points in no group; the background of a comparison (raw counts, the per-step loss)
TEXT = "#1b1f24"  # text drawn inside a figure (the app's text colour, .streamlit/config.toml)

# One colour per role in a training step, so "centre" looks the same on pages 4, 5 and 6 (Okabe-Ito as well).
ROLES = {
    "center": "#009E73",     # bluish green: the input / centre word (Embedding matrix)
    "context": "#D55E00",    # vermillion: the context / output word (Context matrix), the LM label
    "negative": "#0072B2",   # blue: negative samples
    "feature": "#009E73",    # LM features share the input colour
    "label": "#D55E00",
    "dropped": "#b9b9b9",    # inside the maximum window, cut off by shrink_windows this step
    "blank": "#f2b134",
}
TEXT_ON = {"center": "#000000", "context": "#000000", "negative": "#ffffff", "feature": "#000000",
           "label": "#000000", "dropped": "#666", "blank": "#222"}  # text on a chip of that role (dropped: on white)
CHIP_TEXT, CHIP = "#333", "#eeeeee"  # a word with no role
# The same roles as a sign, for readers who cannot tell the colours apart (row labels, chips, legends).
MARKS = {"center": "●", "context": "✓", "negative": "✗", "feature": "●", "label": "✓"}

# The two parallelogram directions of an analogy (p3): a→b parallel to c→d, a→c parallel to b→d.
EDGES = ("#1b9e77", "#7570b3")
# Projector search: the searched word and its nearest neighbours.
SEARCHED, NEIGHBOUR = "#ffd400", "#ff7f0e"
AXIS_LINE, GRID = "#999", "#eee"

# Font sizes: text on the explainer pages must be readable on a classroom projector; the projector's maps carry
# hundreds of labels; the training-step charts write numbers inside small cells (plotly's own default size).
FONT = dict(size=16)
FONT_MAP = dict(size=14)
FONT_CELLS = dict(size=12)

# plotly validates every property of every trace and of the layout (~0.3 ms a trace, ~0.6 ms a layout: a third of
# a page rerun's CPU). The test suite sets W2V_VALIDATE_FIGURES=1 (tests/conftest.py; the servers it starts inherit
# it), so a misspelt property fails there; tests/app/test_figures_fast.py checks both builds send the same JSON.
VALIDATE = os.environ.get("W2V_VALIDATE_FIGURES") == "1"


def figure(data, *, height: int, title: str | None = None, top: int | None = None, font: dict = FONT,
           frames=None, **layout) -> go.Figure:
    """A figure with the shared layout (margins, font, optional title), built in ONE go.Figure call.

    One call on purpose: every later update_*/add_* call re-validates the whole figure (about 3x slower).
    `data`: trace dicts (`dict(type="bar", ...)`; trace objects work too, but build validated on their own);
    `top` is the top margin (default: room for the title when there is one); `frames`: plotly animation frames.
    Write titles as dict(text=...) and leave out unset properties: unvalidated, plotly would send `"title": "x"`
    or `null` as given (validation rewrites them), and the test of the fast path would fail.
    """
    top = top if top is not None else (50 if title else 20)
    # an unset or empty setting (xaxis={}, shapes=[]) is left out, as plotly's validation leaves it out
    layout = dict(height=height, margin=dict(l=10, r=10, t=top, b=10), font=font,
                  **{key: v for key, v in layout.items() if not (v is None or isinstance(v, (dict, list)) and not v)})
    if title is not None:
        layout["title"] = dict(text=title)
    if present.presenting():  # read at every call: no builder caches a figure, so the switch is never stale
        layout = _scaled(layout, present.FONT_SCALE)
        data = [_scaled_trace(tr, present.FONT_SCALE) for tr in data]
    if not VALIDATE:
        return _plain(data, layout, frames)
    return go.Figure(data=data, layout=layout, frames=frames)


def _plain(data, layout: dict, frames) -> "SentFigure":
    """What `go.Figure(..., _validate=False).to_dict()` gives, without building the Figure: its constructor and
    `to_dict` each deep-copy every trace and the template (a sixth of a chart-heavy rerun). Safe because a figure
    is built fresh on each run and never changed after; the template is shared and only read."""
    fig = {"data": [tr if isinstance(tr, dict) else tr.to_plotly_json() for tr in data], "layout": layout}
    if frames:
        fig["frames"] = [fr if isinstance(fr, dict) else fr.to_plotly_json() for fr in frames]
    convert_to_base64(fig)  # numpy arrays as plotly's base64 arrays, as to_dict sends them
    layout.setdefault("template", _template(pio.templates.default))  # after: nothing to convert in it
    return SentFigure(fig)


class SentFigure(go.Figure):
    """A figure that is only sent: st.plotly_chart reads nothing of a Figure but `to_dict()` (a plain dict it would
    validate property by property). go.Figure's constructor is skipped on purpose; the figure is this dict."""

    def __init__(self, fig: dict):  # go.Figure.__init__ deliberately not called: no validators, no copies
        self._fig = fig

    def to_dict(self) -> dict:
        return self._fig

    def to_plotly_json(self) -> dict:
        return self._fig


@functools.cache
def _template(name: str) -> dict:
    """A plotly template (Streamlit makes its own the default) as JSON, once per process; figures share it."""
    return pio.templates[name].to_plotly_json()


def _scaled(node, k: float, font: bool = False):
    """A copy of a layout dict with every font size in it (layout, axes' ticks, legend, annotations) times k.

    Only a `size` inside a "...font" dict is text: a marker's or an arrow's size stays."""
    if isinstance(node, dict):
        return {key: (round(v * k) if font and key == "size" and isinstance(v, (int, float))
                      else _scaled(v, k, key.endswith("font"))) for key, v in node.items()}
    if isinstance(node, (list, tuple)):
        return [_scaled(v, k) for v in node]
    return node


def _scaled_trace(trace, k: float):
    """A trace's text labels (cell values, word labels) times k: a copy of a trace dict, or on a trace object."""
    if isinstance(trace, dict):
        size = trace.get("textfont", {}).get("size")
        return {**trace, "textfont": {**trace["textfont"], "size": round(size * k)}} if isinstance(
            size, (int, float)) else trace
    size = getattr(getattr(trace, "textfont", None), "size", None)
    if isinstance(size, (int, float)):
        trace.textfont.size = round(size * k)
    return trace
