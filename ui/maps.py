"""Scatter maps: vectors as arrows from the origin, words as labelled points, the projector's map of thousands.

Builders take coordinates that `w2v_core` computed plus already-translated labels and return a `go.Figure`.
Words typed or uploaded by a learner are HTML-escaped here: plotly renders a subset of HTML in text and hovers.
"""
from __future__ import annotations

import html
from functools import partial
from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from ui.theme import AXIS_LINE, CATEGORICAL, FONT_MAP, GREY, GRID, SYMBOLS, TEXT, figure

_SYMBOLS = ["circle", "star", "diamond", "square"]


def _esc(words) -> list[str]:
    return [html.escape(str(w)) for w in words]


def arrows_2d(points: Sequence[dict], *, x_label: str, y_label: str, height: int = 520,
              extent: float | None = None) -> go.Figure:
    """Vectors as arrows from the origin. points: dicts with `name`, `x`, `y`, optional `color`, `bold`.

    A bold arrow is drawn thicker with a star at its tip (the page uses it for the most similar person).
    """
    m = extent or max([1.0] + [abs(p["x"]) for p in points] + [abs(p["y"]) for p in points]) * 1.15
    arrows, tips = [], []
    for i, p in enumerate(points):
        color = p.get("color", CATEGORICAL[i % len(CATEGORICAL)])
        width = 5 if p.get("bold") else 3
        arrows.append(dict(x=p["x"], y=p["y"], ax=0, ay=0, xref="x", yref="y", axref="x", ayref="y",
                           showarrow=True, arrowhead=2, arrowsize=1.2, arrowwidth=width, arrowcolor=color, text=""))
        tips.append(dict(
            type="scatter", x=[p["x"]], y=[p["y"]], mode="markers+text", name=p["name"], text=[p["name"]],
            textposition="top center" if p["y"] >= 0 else "bottom center",
            textfont=dict(size=17, color=TEXT),
            marker=dict(size=18 if p.get("bold") else 11, color=color, symbol="star" if p.get("bold") else "circle"),
            hovertemplate=f"{p['name']}<br>{x_label} %{{x:.2f}}<br>{y_label} %{{y:.2f}}<extra></extra>",
            showlegend=False))
    axis = dict(range=[-m, m], constrain="domain", zeroline=True, zerolinewidth=2, zerolinecolor=AXIS_LINE,
                gridcolor=GRID)
    return figure(tips, height=height, annotations=arrows, plot_bgcolor="white",
                  xaxis=dict(title=dict(text=x_label), **axis),
                  yaxis=dict(title=dict(text=y_label), scaleanchor="x", scaleratio=1, **axis))


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
        traces.append(dict(
            type="scatter", x=xy[idx, 0], y=xy[idx, 1], mode="markers+text", text=[labels[i] for i in idx],
            cliponaxis=False, **({"name": kind} if kind else {}),
            textposition=(label_side or {}).get(kind, "top center"), textfont=dict(size=17),
            showlegend=bool(kind),
            marker=dict(size=13, color=CATEGORICAL[k_i % len(CATEGORICAL)], symbol=_SYMBOLS[k_i % len(_SYMBOLS)]),
            hovertemplate="%{text}<br>" + f"{x_label} %{{x:.2f}}<br>{y_label} %{{y:.2f}}<extra></extra>"))
    span = np.ptp(xy, axis=0).max() if len(xy) else 1.0
    lo, hi = xy.min(axis=0) - [0.3 * span, 0.12 * span], xy.max(axis=0) + [0.3 * span, 0.2 * span]  # room for labels
    return figure(traces, height=height, annotations=arrows, legend=dict(orientation="h", y=-0.15),
                  plot_bgcolor="white",
                  xaxis=dict(title=dict(text=x_label), range=[lo[0], hi[0]], gridcolor=GRID, zeroline=False),
                  # equal scales: a parallelogram must look like one
                  yaxis=dict(title=dict(text=y_label), range=[lo[1], hi[1]], gridcolor=GRID, zeroline=False,
                             scaleanchor="x", scaleratio=1))


def word_map(coords, words, groups=None, x_title="", y_title="", highlight=(), height=420,
             labels=True) -> go.Figure:
    """A 2-D scatter of words; `groups` (one name per word) colours them, `highlight` enlarges some."""
    groups = groups or [""] * len(words)
    order = list(dict.fromkeys(groups))
    big = set(highlight)
    traces = []
    for gi, g in enumerate(order):
        idx = [i for i, gg in enumerate(groups) if gg == g]
        traces.append(dict(
            type="scatter", x=[float(coords[i, 0]) for i in idx], y=[float(coords[i, 1]) for i in idx],
            mode="markers+text" if labels else "markers", text=_esc(words[i] for i in idx),
            textposition="top center", name=html.escape(g) if g else "",
            marker=dict(size=[16 if words[i] in big else 10 for i in idx], color=CATEGORICAL[gi % len(CATEGORICAL)],
                        symbol=SYMBOLS[gi % len(SYMBOLS)],
                        line=dict(width=[2 if words[i] in big else 0 for i in idx], color="black")),
            hovertemplate="%{text}<br>(%{x:.3f}, %{y:.3f})<extra></extra>"))
    return figure(traces, height=height, top=10, showlegend=len(order) > 1,
                  xaxis=dict(title=dict(text=x_title)), yaxis=dict(title=dict(text=y_title)),
                  legend=dict(orientation="h", y=-0.15))


# ------------------------------------------------------------------ the projector's map (page 8)

def colour_codes(codes, size, opacity) -> dict:
    """Colours as integer codes into CATEGORICAL + GREY on a stepped colorscale: plotly validates one number array
    in microseconds, where 5,000 colour strings cost ~0.3 s per rerun."""
    scale = CATEGORICAL + [GREY]
    steps = [[i / (len(scale) - 1), c] for i, c in enumerate(scale)]
    return dict(size=size, color=np.asarray(codes, dtype=np.int16), colorscale=steps, cmin=0,
                cmax=len(scale) - 1, opacity=opacity)


def _points(coords, idx, safe, **kw) -> dict:
    """x, y (and z in 3-D) of the words `idx`, with their escaped words as hover text."""
    pts = dict(x=coords[idx, 0], y=coords[idx, 1], customdata=safe[idx].tolist(), name="", showlegend=False,
               hovertemplate="%{customdata}<extra></extra>", **kw)
    if coords.shape[1] == 3:
        pts["z"] = coords[idx, 2]
    return pts


def _label_boxes(coords, idx, safe) -> list[dict]:
    """Labels on a white box (readable over a cloud of points); the searched word (first) last, bold and larger."""
    first = idx[:1]
    return [dict(x=float(coords[i, 0]), y=float(coords[i, 1]), showarrow=False, yshift=16, borderpad=2,
                 text=f"<b>{safe[i]}</b>" if i in first else safe[i], bgcolor="rgba(255,255,255,0.85)",
                 font=dict(size=18 if i in first else 15, color="black"))
            for i in idx[1:] + first]


def _group_names(coords, groups, names, tags, big) -> tuple[list, list]:
    """Each group's name written at the centre of its points (colour is not the only cue: colours repeat after
    len(CATEGORICAL) groups and some pairs are hard to tell apart), plus its legend entry. -> (traces, annotations)"""
    traces, annotations = [], []
    for g in [g for g in range(len(names)) if (groups == g).any()]:  # only groups with a word on the map
        colour, name, tag = CATEGORICAL[g % len(CATEGORICAL)], html.escape(names[g]), html.escape(tags[g])
        traces.append(big(x=[None], y=[None], **({"z": [None]} if coords.shape[1] == 3 else {}), mode="markers",
                          name=name, marker=dict(size=10, color=colour)))  # legend entry only (no points)
        centre = coords[groups == g].mean(axis=0)  # (2,) or (3,)
        if coords.shape[1] == 3:
            traces.append(big(x=[centre[0]], y=[centre[1]], z=[centre[2]], mode="text", text=[f"<b>{tag}</b>"],
                              textfont=dict(size=15, color=colour), showlegend=False, hoverinfo="skip"))
        else:
            annotations.append(dict(x=float(centre[0]), y=float(centre[1]), text=f"<b>{tag}</b>", showarrow=False,
                                    bgcolor="rgba(255,255,255,0.8)", bordercolor=colour, borderwidth=2,
                                    font=dict(size=13, color="black")))
    return traces, annotations


def projector_map(coords: np.ndarray, words: list[str], groups, names: list[str], highlight: dict[str, str],
                  axis_titles: tuple, label_all: bool, labelled=(), tags: list[str] | None = None,
                  height: int = 640, focus: tuple | None = None) -> go.Figure:
    """Every word as a point (hover shows it, escaped); `highlight` {word: colour} words are big and labelled.

    `groups`: one group id per word (a cluster, a named group; -1 = none, grey) or None; `names[id]` its name,
    shown in the legend; `tags[id]` (default: the name) is written at the centre of the group's points.
    `focus` (lo, hi), one entry per axis: the view starts in that box (2-D: a double-click shows the whole map).
    """
    n, dims = coords.shape
    is_3d = dims == 3
    # trace dicts of a fixed type: the points as WebGL (thousands), labels and legend entries as SVG (crisp text)
    small, big = (partial(dict, type="scatter3d"),) * 2 if is_3d else (partial(dict, type="scattergl"),
                                                                         partial(dict, type="scatter"))
    safe = np.array([html.escape(w) for w in words], dtype=object)
    groups = np.full(n, -1) if groups is None else np.asarray(groups)
    colours = np.where(groups >= 0, groups % len(CATEGORICAL), len(CATEGORICAL)).astype(np.int16)
    index = {w: i for i, w in enumerate(words)}
    size = 3 if is_3d else (5 if n > 2000 else 7)
    opacity = 0.3 if highlight else 0.75  # a search dims everything else
    every = _points(coords, slice(None), safe, marker=colour_codes(colours, size, opacity))
    every["customdata"] = safe
    if label_all:
        every.update(mode="markers+text", text=safe, textposition="top center")
    traces = [small(**every, **({} if label_all else {"mode": "markers"}))]
    if labelled and not label_all:  # e.g. the words of the learner's groups: bigger, with their label
        idx = [index[w] for w in labelled if w in index]
        traces.append(big(**_points(coords, idx, safe, mode="markers+text", text=safe[idx].tolist(),
                                    textposition="top center", textfont=dict(size=13),
                                    marker=colour_codes(colours[idx], size + 4, 0.3 if highlight else 1))))
    more, annotations = _group_names(coords, groups, names, tags or names, big)
    traces += more
    if highlight:
        idx = [index[w] for w in highlight if w in index]
        traces.append(big(**_points(coords, idx, safe, mode="markers+text" if is_3d else "markers",
                                    text=safe[idx].tolist(), textposition="top center",
                                    textfont=dict(size=15, color="black"),
                                    marker=dict(size=9 if is_3d else 13, color=[highlight[words[i]] for i in idx],
                                                line=dict(width=1.5, color="black")))))
        annotations += [] if is_3d else _label_boxes(coords, idx, safe)
    titles = {axis: dict(title=dict(text=text)) for axis, text in zip(("xaxis", "yaxis", "zaxis"), axis_titles)}
    scene = {}
    if focus is not None:
        # 3-D too, by the axes' ranges, not camera.center: camera.center is in the scene's normalised box, not in
        # data units (0, 0, 0 is the box's middle). A box centred on the word puts it in the middle of the view
        # and holds just its neighbours (plotly hides points outside the ranges), like the 2-D zoom.
        for axis, lo, hi in zip(titles, *focus):
            titles[axis]["range"] = [float(lo), float(hi)]
        scene["aspectmode"] = "cube"  # equal ranges drawn with equal sides: the box is not stretched
    axes = dict(scene=dict(**titles, **scene)) if is_3d else dict(xaxis=titles["xaxis"], yaxis=titles["yaxis"],
                                                                  annotations=annotations)
    return figure(traces, height=height, top=10, font=FONT_MAP, legend=dict(orientation="h", y=-0.08),
                  hoverlabel=dict(font=dict(size=16)), **axes)
