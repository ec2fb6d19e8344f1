"""The look of every chart in one place: colours, font sizes, and `figure()`, which builds a figure in one call.

Chart builders (`ui/heatmaps.py`, `ui/maps.py`, `ui/charts.py`) and the HTML chips of `ui/stepper.py` take their
colours from here, so "positive", "centre word" or "cluster 3" look the same on every page.
"""
from __future__ import annotations

import plotly.graph_objects as go

# Diverging red-white-blue (ColorBrewer RdBu, flipped so that red is positive), white exactly at 0:
# the article's colouring of vectors (red near +2, white near 0, blue near -2).
DIVERGING = [[0.0, "#2166ac"], [0.25, "#92c5de"], [0.5, "#ffffff"], [0.75, "#f4a582"], [1.0, "#b2182b"]]

# Categorical colours: people (p1), kinds of points (p3), groups and clusters (p7, p8; up to 20 clusters).
CATEGORICAL = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
               "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1",
               "#636363", "#9c9ede"]
GREY = "#b0b0b0"  # points in no group; the background of a comparison (raw counts, the per-step loss)

# One colour per role in a training step, so "centre" looks the same on pages 4, 5 and 6.
ROLES = {
    "center": "#2e9e44",     # green: the input / centre word (Embedding matrix)
    "context": "#e0559a",    # pink: the context / output word (Context matrix), the LM label
    "negative": "#5b7bd6",   # blue: negative samples
    "feature": "#2e9e44",    # LM features share the input colour
    "label": "#e0559a",
    "dropped": "#b9b9b9",    # inside the maximum window, cut off by shrink_windows this step
    "blank": "#f2b134",
}
TEXT_ON = {"center": "white", "context": "white", "negative": "white", "feature": "white", "label": "white",
           "dropped": "#333", "blank": "#222"}  # text colour on a chip of that role

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


def figure(data, *, height: int, title: str | None = None, top: int | None = None, font: dict = FONT,
           **layout) -> go.Figure:
    """A figure with the shared layout (margins, font, optional title), built in ONE go.Figure call.

    One call on purpose: every later update_*/add_* call re-validates the whole figure (about 3x slower).
    `top` is the top margin (default: room for the title when there is one).
    """
    top = top if top is not None else (50 if title else 20)
    layout = dict(height=height, margin=dict(l=10, r=10, t=top, b=10), font=font, **layout)
    if title is not None:
        layout["title"] = dict(text=title)
    return go.Figure(data=data, layout=layout)
