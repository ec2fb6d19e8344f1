"""Rendering helpers for pages 4-6: coloured sentences, matrix heatmaps with highlighted rows, trace tables, bars.

Nothing here computes a model: every number shown comes from `w2v_core` and is only formatted or drawn.
"""
from __future__ import annotations

import html
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

# One colour per role, used by every page so "centre" looks the same on pages 4, 5 and 6.
COLORS = {
    "center": "#2e9e44",     # green: the input / centre word (Embedding matrix)
    "context": "#e0559a",    # pink: the context / output word (Context matrix), the LM label
    "negative": "#5b7bd6",   # blue: negative samples
    "feature": "#2e9e44",    # LM features share the input colour
    "label": "#e0559a",
    "dropped": "#b9b9b9",    # inside the maximum window, cut off by shrink_windows this step
    "blank": "#f2b134",
}
TEXT_ON = {"center": "white", "context": "white", "negative": "white", "feature": "white", "label": "white",
           "dropped": "#333", "blank": "#222"}


def sentence_html(tokens: Sequence[str], roles: dict[int, str] | None = None,
                  bracket: tuple[int, int] | None = None) -> str:
    """Tokens as chips; `roles[i]` colours token i; `bracket=(lo, hi)` draws a frame around tokens lo..hi.

    Every token is passed through `html.escape`: the sentence is typed by the learner.
    """
    roles = roles or {}
    parts = []
    for i, tok in enumerate(tokens):
        role = roles.get(i)
        style = "display:inline-block;padding:4px 9px;margin:3px 2px;border-radius:7px;font-size:1.15rem;"
        if role == "dropped":
            style += f"border:2px dashed {COLORS['dropped']};color:#666;"
        elif role:
            style += f"background:{COLORS[role]};color:{TEXT_ON[role]};font-weight:600;"
        else:
            style += "background:#eeeeee;color:#333;"
        if bracket and bracket[0] <= i <= bracket[1]:
            left = "3px solid #222" if i == bracket[0] else "0"
            right = "3px solid #222" if i == bracket[1] else "0"
            style += f"box-shadow:0 -3px 0 #222 inset, 0 3px 0 #222;border-left:{left};border-right:{right};"
        parts.append(f'<span style="{style}">{html.escape(str(tok))}</span>')
    return '<div style="line-height:2.4;">' + "".join(parts) + "</div>"


def legend_html(items: Iterable[tuple[str, str]]) -> str:
    """Small legend: (role, translated label) pairs."""
    out = []
    for role, label in items:
        out.append(f'<span style="display:inline-block;width:14px;height:14px;border-radius:3px;'
                   f'background:{COLORS[role]};margin:0 5px -2px 12px;"></span>{html.escape(label)}')
    return '<div style="font-size:0.95rem;">' + "".join(out) + "</div>"


def matrix_heatmap(matrix: np.ndarray, row_labels: Sequence[str], title: str, highlights: dict[int, str] | None = None,
                   zmax: float | None = None, col_title: str = "", height: int | None = None) -> go.Figure:
    """Vocabulary x dimension heatmap; `highlights[row] = role` frames the rows a step looks up."""
    m = np.asarray(matrix, dtype=float)
    zmax = zmax or float(max(np.abs(m).max(), 1e-6))
    heatmap = go.Heatmap(
        z=m, x=[str(j) for j in range(m.shape[1])], y=list(row_labels), zmin=-zmax, zmax=zmax, zmid=0,
        colorscale="RdBu", reversescale=True,
        texttemplate=(None if m.size > 160 or m.shape[1] > 10 else "%{z:.3f}" if m.shape[1] <= 6 else "%{z:.2f}"),
        hovertemplate="%{y} [%{x}] = %{z:.4f}<extra></extra>", colorbar=dict(thickness=10))
    frames = [dict(type="rect", x0=-0.5, x1=m.shape[1] - 0.5, y0=row - 0.5, y1=row + 0.5,
                   line=dict(color=COLORS[role], width=4)) for row, role in (highlights or {}).items()]
    # One go.Figure call: each later update_*/add_* call re-validates the whole figure (about 3x slower).
    return go.Figure(data=[heatmap], layout=dict(
        shapes=frames, title=title, margin=dict(l=10, r=10, t=40, b=10),
        height=height or min(1000, max(260, 24 * m.shape[0] + 90)),
        yaxis=dict(autorange="reversed", tickfont=dict(size=14), type="category"),
        xaxis=dict(title=col_title, type="category")))


def prob_bars(words: Sequence[str], probs: Sequence[float], title: str, x_title: str,
              highlight: str | None = None) -> go.Figure:
    """Horizontal bars, best at the top (probabilities from a model's softmax)."""
    colors = [COLORS["context"] if w == highlight else COLORS["negative"] for w in words]
    bars = go.Bar(x=list(probs), y=list(words), orientation="h", marker_color=colors,
                  text=[f"{p:.1%}" for p in probs], textposition="auto",
                  hovertemplate="%{y}: %{x:.4f}<extra></extra>")
    return go.Figure(data=[bars], layout=dict(
        title=title, margin=dict(l=10, r=10, t=40, b=10), height=max(260, 30 * len(words) + 90),
        yaxis=dict(autorange="reversed", tickfont=dict(size=15), type="category"),
        xaxis=dict(title=x_title, tickformat=".0%")))


def line_chart(x, ys: dict[str, Sequence[float]], title: str, x_title: str, y_title: str, log_x=False, log_y=False,
               markers=True, colors: Sequence[str] | None = None, widths: Sequence[float] | None = None) -> go.Figure:
    traces = []
    for i, (name, y) in enumerate(ys.items()):
        line = {}
        if colors:
            line["color"] = colors[i]
        if widths:
            line["width"] = widths[i]
        traces.append(go.Scatter(x=list(x), y=list(y), name=name, mode="lines+markers" if markers else "lines",
                                 line=line))
    # On log axes one labelled tick per power of ten: plotly's default minor labels (2, 5) read as data.
    return go.Figure(data=traces, layout=dict(
        title=title, margin=dict(l=10, r=10, t=40, b=10), height=340, legend=dict(orientation="h", y=-0.25),
        xaxis=dict(title=x_title, type="log" if log_x else "linear", **({"dtick": 1} if log_x else {})),
        yaxis=dict(title=y_title, type="log" if log_y else "linear", **({"dtick": 1} if log_y else {}))))


def vec_str(v: np.ndarray, digits: int = 3) -> str:
    """A short vector as text, e.g. [0.012, -0.340]."""
    return "[" + ", ".join(f"{x:.{digits}f}" for x in np.asarray(v, dtype=float)) + "]"


def table(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    """rows (dicts from w2v_core) -> DataFrame with translated column names, in the order of `columns`."""
    df = pd.DataFrame(rows, columns=list(columns))
    return df.rename(columns=columns)


def fmt(prefix: str):
    """format_func for option widgets: `prefix + option` translated in the language of this run.

    The language is bound now, because AppTest (and Streamlit) may call format_func outside the script run.
    """
    from ui.i18n import current_lang, t

    lang = current_lang()
    return lambda option: t(f"{prefix}{option}", lang=lang)
