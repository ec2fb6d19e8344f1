"""Heatmaps: vectors as coloured strips, pairwise similarities, a model's matrices with the rows a step uses.

Builders take numbers that `w2v_core` computed plus already-translated labels and return a `go.Figure`; they do
no math beyond laying things out. All use the one diverging colour scale of `ui/theme.py`, white exactly at 0.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from ui.theme import DIVERGING, FONT_CELLS, MARKS, ROLES, figure


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
    heatmap = dict(
        type="heatmap", z=z, x=list(range(d)), y=list(labels), colorscale=DIVERGING, zmin=-zmax, zmax=zmax, zmid=0,
        xgap=1, ygap=3,
        colorbar=dict(title=dict(text=colorbar_title, side="right"), thickness=14, len=1.0,
                      tickvals=[-zmax, -zmax / 2, 0, zmax / 2, zmax]),
        hovertemplate=f"%{{y}}<br>{dim_label} %{{x}}<br>{value_label} %{{z:.4f}}<extra></extra>",
    )
    shapes = [dict(type="rect", x0=j - 0.5, x1=j + 0.5, y0=-0.5, y1=n - 0.5, xref="x", yref="y",
                   line=dict(color="#000000", width=3), fillcolor="rgba(0,0,0,0)") for j in highlight]
    return figure([heatmap], height=110 + row_height * n, title=title or None, shapes=shapes, plot_bgcolor="white",
                  yaxis=dict(autorange="reversed", tickfont=dict(size=17), automargin=True),
                  xaxis=dict(title=dict(text=dim_label), tickmode="linear", dtick=5 if d > 10 else 1,
                             showgrid=False, range=[-0.5, d - 0.5]))


def similarity_heatmap(matrix, labels: Sequence[str], *, value_label: str, title: str | None = None,
                       height: int | None = None) -> go.Figure:
    """Square heatmap of pairwise cosine similarities (-1..1) with the value written in each cell."""
    z = np.asarray(matrix, dtype=float)  # (n, n)
    n = len(labels)
    heatmap = dict(
        type="heatmap", z=z, x=list(labels), y=list(labels), colorscale=DIVERGING, zmin=-1, zmax=1, zmid=0,
        xgap=2, ygap=2, texttemplate="%{z:.2f}", textfont=dict(size=13 if n <= 8 else 10),
        showscale=False,  # the values are written in the cells
        hovertemplate=f"%{{y}} · %{{x}}<br>{value_label} %{{z:.4f}}<extra></extra>",
    )
    return figure([heatmap], height=height or max(320, 60 + 48 * n), title=title or None, plot_bgcolor="white",
                  yaxis=dict(autorange="reversed", automargin=True),
                  xaxis=dict(tickangle=-45 if n > 6 else 0, automargin=True))


def matrix_heatmap(matrix: np.ndarray, row_labels: Sequence[str], title: str, highlights: dict[int, str] | None = None,
                   zmax: float | None = None, col_title: str = "", height: int | None = None) -> go.Figure:
    """Vocabulary x dimension heatmap; `highlights[row] = role` frames the rows a step looks up.

    A highlighted row is also marked without colour: its label gets the role's sign (✓ true context, ✗ negative)
    and a negative's frame is dashed.
    """
    m = np.asarray(matrix, dtype=float)  # (V, d)
    zmax = zmax or float(max(np.abs(m).max(), 1e-6))
    heatmap = dict(
        type="heatmap", z=m, x=[str(j) for j in range(m.shape[1])], y=list(row_labels), zmin=-zmax, zmax=zmax, zmid=0,
        colorscale=DIVERGING, hovertemplate="%{y} [%{x}] = %{z:.4f}<extra></extra>", colorbar=dict(thickness=10))
    if m.size <= 160 and m.shape[1] <= 10:  # the values in the cells while they fit
        heatmap["texttemplate"] = "%{z:.3f}" if m.shape[1] <= 6 else "%{z:.2f}"
    frames = [dict(type="rect", x0=-0.5, x1=m.shape[1] - 0.5, y0=row - 0.5, y1=row + 0.5,
                   line=dict(color=ROLES[role], width=4, dash="dot" if role == "negative" else "solid"))
              for row, role in (highlights or {}).items()]
    signs = [f"{MARKS[highlights[i]]} {w}" if i in (highlights or {}) else w for i, w in enumerate(row_labels)]
    return figure([heatmap], title=title, top=40, font=FONT_CELLS, shapes=frames,
                  height=height or min(1000, max(260, 24 * m.shape[0] + 90)),
                  yaxis=dict(autorange="reversed", tickfont=dict(size=14), type="category", tickmode="array",
                             tickvals=list(row_labels), ticktext=signs),
                  xaxis=dict(title=dict(text=col_title), type="category"))
