"""Plotly figures for pages 7 and 8 (loss curve, word maps); numbers come from w2v_core, text is escaped."""
from __future__ import annotations

import html

import plotly.graph_objects as go

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
           "#7f7f7f"]
FONT = dict(size=15)


def esc(words) -> list[str]:
    """Hover/label text: plotly renders a subset of HTML, so user words are escaped."""
    return [html.escape(str(w)) for w in words]


def loss_figure(history, x_title: str, y_title: str, height: int = 320) -> go.Figure:
    """The training loss so far: one point per chunk, x = words processed."""
    xs = [h[0] for h in history]
    ys = [h[1] for h in history]
    curve = go.Scatter(x=xs, y=ys, mode="lines+markers", marker=dict(size=4), line=dict(width=2),
                       name=y_title, hovertemplate="%{x:,}: %{y:.4f}<extra></extra>")
    empty = {} if xs else dict(range=[0, 1])
    # One go.Figure call: each later update_*/add_* call re-validates the whole figure (about 3x slower).
    return go.Figure(data=[curve], layout=dict(
        height=height, margin=dict(l=10, r=10, t=10, b=10), font=FONT, showlegend=False,
        xaxis=dict(title=dict(text=x_title), **empty), yaxis=dict(title=dict(text=y_title), **empty)))


def word_map(coords, words, groups=None, x_title="", y_title="", highlight=(), height=420,
             labels=True) -> go.Figure:
    """A 2-D scatter of words; `groups` (one name per word) colours them, `highlight` enlarges some."""
    groups = groups or [""] * len(words)
    order = list(dict.fromkeys(groups))
    big = set(highlight)
    traces = []
    for gi, g in enumerate(order):
        idx = [i for i, gg in enumerate(groups) if gg == g]
        traces.append(go.Scatter(
            x=[float(coords[i, 0]) for i in idx], y=[float(coords[i, 1]) for i in idx],
            mode="markers+text" if labels else "markers", text=esc(words[i] for i in idx),
            textposition="top center", name=html.escape(g) if g else "",
            marker=dict(size=[16 if words[i] in big else 10 for i in idx], color=PALETTE[gi % len(PALETTE)],
                        line=dict(width=[2 if words[i] in big else 0 for i in idx], color="black")),
            hovertemplate="%{text}<br>(%{x:.3f}, %{y:.3f})<extra></extra>"))
    return go.Figure(data=traces, layout=dict(
        height=height, margin=dict(l=10, r=10, t=10, b=10), font=FONT, showlegend=len(order) > 1,
        xaxis=dict(title=dict(text=x_title)), yaxis=dict(title=dict(text=y_title)),
        legend=dict(orientation="h", y=-0.15)))
