"""Shared plotly chart builders: coloured vector strips, similarity heatmaps, arrows from the origin.

Builders take numbers that `w2v_core` computed plus already-translated labels, and return a `go.Figure`; they
do no math beyond laying things out. Colours follow the article: red near +2, white near 0, blue near -2.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import plotly.graph_objects as go

# Diverging red-white-blue (ColorBrewer RdBu, flipped so that red is positive), white exactly at 0.
RED_WHITE_BLUE = [[0.0, "#2166ac"], [0.25, "#92c5de"], [0.5, "#ffffff"], [0.75, "#f4a582"], [1.0, "#b2182b"]]
PALETTE = ["#222222", "#e66101", "#1b9e77", "#7570b3", "#d95f02", "#66a61e", "#e7298a", "#a6761d"]
FONT = dict(size=16)  # readable on a projector


def _figure(data, *, height: int, title: str | None = None, **layout) -> go.Figure:
    """The figure in one go.Figure call: every later update_*/add_* call re-validates it (about 3x slower)."""
    layout = dict(height=height, margin=dict(l=10, r=10, t=50 if title else 20, b=10), font=FONT,
                  plot_bgcolor="white", **layout)
    if title:
        layout["title"] = dict(text=title)
    return go.Figure(data=data, layout=layout)


def strips(rows, labels: Sequence[str], *, dim_label: str, value_label: str, colorbar_title: str = "",
           zmax: float = 2.0, highlight: Sequence[int] = (), title: str | None = None,
           row_height: int = 42) -> go.Figure:
    """One row of coloured cells per vector, aligned by dimension; `highlight` outlines whole columns.

    rows: (n, d) values; labels: n row names (shown on the left, first row on top).
    """
    z = np.asarray(rows, dtype=float)  # (n, d)
    if z.ndim == 1:
        z = z[None, :]
    n, d = z.shape
    heatmap = go.Heatmap(
        z=z, x=list(range(d)), y=list(labels), colorscale=RED_WHITE_BLUE, zmin=-zmax, zmax=zmax, zmid=0,
        xgap=1, ygap=3,
        colorbar=dict(title=dict(text=colorbar_title, side="right"), thickness=14, len=1.0,
                      tickvals=[-zmax, -zmax / 2, 0, zmax / 2, zmax]),
        hovertemplate=f"%{{y}}<br>{dim_label} %{{x}}<br>{value_label} %{{z:.4f}}<extra></extra>",
    )
    shapes = [dict(type="rect", x0=j - 0.5, x1=j + 0.5, y0=-0.5, y1=n - 0.5, xref="x", yref="y",
                   line=dict(color="#000000", width=3), fillcolor="rgba(0,0,0,0)") for j in highlight]
    return _figure([heatmap], height=110 + row_height * n, title=title, shapes=shapes,
                   yaxis=dict(autorange="reversed", tickfont=dict(size=17), automargin=True),
                   xaxis=dict(title=dict(text=dim_label), tickmode="linear", dtick=5 if d > 10 else 1,
                              showgrid=False, range=[-0.5, d - 0.5]))


def similarity_heatmap(matrix, labels: Sequence[str], *, value_label: str, title: str | None = None,
                       height: int | None = None) -> go.Figure:
    """Square heatmap of pairwise cosine similarities (-1..1) with the value written in each cell."""
    z = np.asarray(matrix, dtype=float)  # (n, n)
    n = len(labels)
    heatmap = go.Heatmap(
        z=z, x=list(labels), y=list(labels), colorscale=RED_WHITE_BLUE, zmin=-1, zmax=1, zmid=0,
        xgap=2, ygap=2, texttemplate="%{z:.2f}", textfont=dict(size=13 if n <= 8 else 10),
        showscale=False,  # the values are written in the cells
        hovertemplate=f"%{{y}} · %{{x}}<br>{value_label} %{{z:.4f}}<extra></extra>",
    )
    return _figure([heatmap], height=height or max(320, 60 + 48 * n), title=title,
                   yaxis=dict(autorange="reversed", automargin=True),
                   xaxis=dict(tickangle=-45 if n > 6 else 0, automargin=True))


def number_line(value: float, lo: float, hi: float, *, label: str, marker_text: str,
                ticks: Sequence[float] | None = None, color: str = "#e66101", height: int = 130) -> go.Figure:
    """A single value as a dot on a horizontal number line from `lo` to `hi`."""
    line = go.Scatter(x=[lo, hi], y=[0, 0], mode="lines", line=dict(color="#888", width=3), hoverinfo="skip",
                      showlegend=False)
    dot = go.Scatter(x=[value], y=[0], mode="markers+text", text=[marker_text], textposition="top center",
                     textfont=dict(size=18, color=color), marker=dict(size=20, color=color),
                     hovertemplate=f"{label}: %{{x}}<extra></extra>", showlegend=False)
    pad = (hi - lo) * 0.04
    return _figure([line, dot], height=height,
                   xaxis=dict(range=[lo - pad, hi + pad], tickvals=list(ticks) if ticks is not None else None,
                              title=dict(text=label), showgrid=False, zeroline=False),
                   yaxis=dict(visible=False, range=[-0.6, 1.2]))


def arrows_2d(points: Sequence[dict], *, x_label: str, y_label: str, height: int = 520,
              extent: float | None = None) -> go.Figure:
    """Vectors as arrows from the origin. points: dicts with `name`, `x`, `y`, optional `color`, `bold`, `dash`.

    A bold arrow is drawn thicker with a star at its tip (the page uses it for the most similar person).
    """
    m = extent or max([1.0] + [abs(p["x"]) for p in points] + [abs(p["y"]) for p in points]) * 1.15
    arrows, tips = [], []
    for i, p in enumerate(points):
        color = p.get("color", PALETTE[i % len(PALETTE)])
        width = 5 if p.get("bold") else 3
        arrows.append(dict(x=p["x"], y=p["y"], ax=0, ay=0, xref="x", yref="y", axref="x", ayref="y",
                           showarrow=True, arrowhead=2, arrowsize=1.2, arrowwidth=width, arrowcolor=color, text=""))
        tips.append(go.Scatter(
            x=[p["x"]], y=[p["y"]], mode="markers+text", name=p["name"], text=[p["name"]],
            textposition="top center" if p["y"] >= 0 else "bottom center",
            textfont=dict(size=17, color=color),
            marker=dict(size=18 if p.get("bold") else 11, color=color, symbol="star" if p.get("bold") else "circle"),
            hovertemplate=f"{p['name']}<br>{x_label} %{{x:.2f}}<br>{y_label} %{{y:.2f}}<extra></extra>",
            showlegend=False))
    return _figure(tips, height=height, annotations=arrows,
                   xaxis=dict(range=[-m, m], constrain="domain", title=dict(text=x_label), zeroline=True,
                              zerolinewidth=2, zerolinecolor="#999", gridcolor="#eee"),
                   yaxis=dict(range=[-m, m], title=dict(text=y_label), zeroline=True, zerolinewidth=2,
                              zerolinecolor="#999", gridcolor="#eee", scaleanchor="x", scaleratio=1,
                              constrain="domain"))


def word_plane(coords, labels: Sequence[str], *, edges: Sequence[tuple[int, int, str]] = (),
               kinds: Sequence[str] | None = None, x_label: str = "PC1", y_label: str = "PC2",
               height: int = 520, label_side: dict[str, str] | None = None) -> go.Figure:
    """Words as labelled points in 2-D (e.g. a PCA), with arrows `edges` = (from, to, colour) between them.

    kinds (optional, one per point) groups points into legend entries, e.g. "input", "answer", "result";
    label_side maps a kind to a plotly textposition (e.g. "middle left") to keep close labels apart.
    """
    xy = np.asarray(coords, dtype=float)  # (n, 2)
    arrows = [dict(x=xy[b, 0], y=xy[b, 1], ax=xy[a, 0], ay=xy[a, 1], xref="x", yref="y", axref="x", ayref="y",
                   showarrow=True, arrowhead=2, arrowsize=1.2, arrowwidth=3, arrowcolor=color, text="", opacity=0.8)
              for a, b, color in edges]
    kinds = list(kinds) if kinds is not None else [""] * len(labels)
    traces = []
    for k_i, kind in enumerate(dict.fromkeys(kinds)):
        idx = [i for i, k in enumerate(kinds) if k == kind]
        traces.append(go.Scatter(
            x=xy[idx, 0], y=xy[idx, 1], mode="markers+text", name=kind or None, text=[labels[i] for i in idx],
            cliponaxis=False,
            textposition=(label_side or {}).get(kind, "top center"), textfont=dict(size=17),
            showlegend=bool(kind),
            marker=dict(size=13, color=PALETTE[k_i % len(PALETTE)],
                        symbol=["circle", "star", "diamond", "square"][k_i % 4]),
            hovertemplate="%{text}<br>" + f"{x_label} %{{x:.2f}}<br>{y_label} %{{y:.2f}}<extra></extra>"))
    span = np.ptp(xy, axis=0).max() if len(xy) else 1.0
    lo, hi = xy.min(axis=0) - [0.3 * span, 0.12 * span], xy.max(axis=0) + [0.3 * span, 0.2 * span]  # room for labels
    return _figure(traces, height=height, annotations=arrows, legend=dict(orientation="h", y=-0.15),
                   xaxis=dict(title=dict(text=x_label), range=[lo[0], hi[0]], gridcolor="#eee", zeroline=False),
                   # equal scales: a parallelogram must look like one
                   yaxis=dict(title=dict(text=y_label), range=[lo[1], hi[1]], gridcolor="#eee", zeroline=False,
                              scaleanchor="x", scaleratio=1))
