"""Bar and line charts: a value on a number line, probability bars, grouped bars, loss and timing curves.

Builders take numbers that `w2v_core` computed plus already-translated labels and return a `go.Figure`.
"""
from __future__ import annotations

from typing import Sequence

import plotly.graph_objects as go

from ui.theme import CATEGORICAL, FONT_CELLS, GREY, ROLES, TEXT, figure
from w2v_core.sgns import sigmoid

PATTERNS = ["", "/", ".", "x"]  # bar fills: a second cue besides colour
DASHES = ["solid", "dash", "dot", "dashdot"]


def number_line(value: float, lo: float, hi: float, *, label: str, marker_text: str,
                ticks: Sequence[float] | None = None, color: str = CATEGORICAL[1], height: int = 130) -> go.Figure:
    """A single value as a dot on a horizontal number line from `lo` to `hi`."""
    line = dict(type="scatter", x=[lo, hi], y=[0, 0], mode="lines", line=dict(color="#888", width=3),
                hoverinfo="skip", showlegend=False)
    dot = dict(type="scatter", x=[value], y=[0], mode="markers+text", text=[marker_text], textposition="top center",
               textfont=dict(size=18, color=TEXT), marker=dict(size=20, color=color),
               hovertemplate=f"{label}: %{{x}}<extra></extra>", showlegend=False)
    pad = (hi - lo) * 0.04
    return figure([line, dot], height=height, plot_bgcolor="white",
                  xaxis=dict(range=[lo - pad, hi + pad], **({"tickvals": list(ticks)} if ticks is not None else {}),
                             title=dict(text=label), showgrid=False, zeroline=False),
                  yaxis=dict(visible=False, range=[-0.6, 1.2]))


def prob_bars(words: Sequence[str], probs: Sequence[float], title: str, x_title: str,
              highlight: str | None = None) -> go.Figure:
    """Horizontal bars, best at the top (probabilities from a model's softmax)."""
    colors = [ROLES["context"] if w == highlight else ROLES["negative"] for w in words]
    pattern = dict(shape=["/" if w == highlight else "" for w in words])  # the highlight, also without colour
    bars = dict(type="bar", x=list(probs), y=list(words), orientation="h", marker=dict(color=colors, pattern=pattern),
                text=[f"{p:.1%}" for p in probs], textposition="auto", hovertemplate="%{y}: %{x:.4f}<extra></extra>")
    return figure([bars], title=title, top=40, font=FONT_CELLS, height=max(260, 30 * len(words) + 90),
                  yaxis=dict(autorange="reversed", tickfont=dict(size=15), type="category"),
                  xaxis=dict(title=dict(text=x_title), tickformat=".0%"))


def grouped_bars(x, series: dict[str, tuple[Sequence[float], str]], *, height: int, title: str | None = None,
                 x_title: str | None = None, y_title: str | None = None, percent: bool = False,
                 dots: tuple[str, Sequence[float], str] | None = None) -> go.Figure:
    """Bars side by side, one colour per series {name: (values, colour)}; `dots` = (name, values, colour) adds
    crosses on top (e.g. how often each word was actually drawn). x: category names or integers (one tick each)."""
    traces = [dict(type="bar", x=list(x), y=ys, name=name,
                   marker=dict(color=colour, pattern=dict(shape=PATTERNS[i % 4])))
              for i, (name, (ys, colour)) in enumerate(series.items())]
    if dots:
        traces.append(dict(type="scatter", x=list(x), y=dots[1], name=dots[0], mode="markers",
                           marker=dict(symbol="x", size=12, color=dots[2])))
    return figure(traces, title=title, top=40 if title else 30, font=FONT_CELLS, height=height, barmode="group",
                  legend=dict(orientation="h", y=1.15 if title else 1.12, x=0.5, xanchor="center"),
                  xaxis=dict(title=dict(text=x_title), dtick=1) if x_title else {},
                  yaxis=dict(**({"title": dict(text=y_title)} if y_title else {}),
                             **({"tickformat": ".0%"} if percent else {})))


def highlighted_bars(labels: Sequence[str], values: Sequence[float], marked: Sequence[bool], *, title: str,
                     y_title: str, y_max: float, height: int = 260) -> go.Figure:
    """One bar per item, the `marked` ones in the context colour (e.g. each step's effective window)."""
    colors = [ROLES["context"] if m else ROLES["center"] for m in marked]
    bars = dict(type="bar", x=list(labels), y=list(values),
                marker=dict(color=colors, pattern=dict(shape=["/" if m else "" for m in marked])))
    return figure([bars], title=title, top=30, font=FONT_CELLS, height=height,
                  yaxis=dict(range=[0, y_max], dtick=1, title=dict(text=y_title)))


def line_chart(x, ys: dict[str, Sequence[float]], title: str, x_title: str, y_title: str, log_x=False, log_y=False,
               markers=True, colors: Sequence[str] | None = None, widths: Sequence[float] | None = None) -> go.Figure:
    """One line per series {name: values} over the same x; log axes label one tick per power of ten."""
    traces = []
    for i, (name, y) in enumerate(ys.items()):
        palette = colors or CATEGORICAL
        # a second cue besides colour: the width where given, else the dash pattern
        line = dict(color=palette[i % len(palette)], **({"width": widths[i]} if widths else
                                                        {"dash": DASHES[i % len(DASHES)]}))
        traces.append(dict(type="scatter", x=list(x), y=list(y), name=name,
                           mode="lines+markers" if markers else "lines", line=line))
    # On log axes one labelled tick per power of ten: plotly's default minor labels (2, 5) read as data.
    return figure(traces, title=title, top=40, font=FONT_CELLS, height=340, legend=dict(orientation="h", y=-0.25),
                  xaxis=dict(title=dict(text=x_title), type="log" if log_x else "linear",
                             **({"dtick": 1} if log_x else {})),
                  yaxis=dict(title=dict(text=y_title), type="log" if log_y else "linear",
                             **({"dtick": 1} if log_y else {})))


def loss_figure(history, x_title: str, y_title: str, height: int = 320) -> go.Figure:
    """The training loss so far: one point per chunk, x = words processed."""
    xs = [h[0] for h in history]
    ys = [h[1] for h in history]
    curve = dict(type="scatter", x=xs, y=ys, mode="lines+markers", marker=dict(size=4), line=dict(width=2),
                 name=y_title, hovertemplate="%{x:,}: %{y:.4f}<extra></extra>")
    empty = {} if xs else dict(range=[0, 1])
    return figure([curve], height=height, top=10, showlegend=False,
                  xaxis=dict(title=dict(text=x_title), **empty), yaxis=dict(title=dict(text=y_title), **empty))


def sigmoid_curve(scores: Sequence[float], labels: Sequence[str], roles: Sequence[str], *, x_title: str,
                  y_title: str, height: int = 300) -> go.Figure:
    """sigma(x) = 1 / (1 + e^-x) as a curve, one dot per score of a step in its role's colour (context, negative)."""
    reach = max(3.0, *(1.3 * abs(float(s)) for s in scores)) if len(scores) else 3.0  # every dot stays on the chart
    xs = [reach * (i / 100 - 0.5) * 2 for i in range(101)]
    curve = dict(type="scatter", x=xs, y=[float(sigmoid(x)) for x in xs], mode="lines", line=dict(color=GREY, width=3),
                 hoverinfo="skip", showlegend=False)
    dots = dict(type="scatter", x=[float(s) for s in scores], y=[float(sigmoid(s)) for s in scores],
                mode="markers+text", text=list(labels), textfont=dict(size=14),  # alternate sides: close scores overlap
                textposition=[("top left", "bottom right", "top right", "bottom left")[i % 4]
                              for i in range(len(labels))],
                marker=dict(size=14, color=[ROLES[r] for r in roles], line=dict(color="white", width=1)),
                hovertemplate="%{text}: σ(%{x:.4f}) = %{y:.4f}<extra></extra>", showlegend=False)
    return figure([curve, dots], height=height, top=10, font=FONT_CELLS,
                  xaxis=dict(title=dict(text=x_title), zeroline=True),
                  yaxis=dict(title=dict(text=y_title), range=[-0.05, 1.1], tickvals=[0, 0.5, 1]))
