"""Word trails: the map of a training run as a plotly animation (frames, a play button and a slider).

Plotly plays its own `frames` in the browser, so playing, pausing and dragging the slider cost the server nothing.
The figure opens on the final frame (the trained map, with every word's trail from its random start drawn as a
faint line); Play runs the frames from the start. Coordinates come from `w2v_core.align` (one fixed plane).
"""
from __future__ import annotations

import base64
import html

import numpy as np
import plotly.graph_objects as go

from ui.maps import colour_codes
from ui.theme import CATEGORICAL, FONT_MAP, GREY, SYMBOLS, figure

FRAME_MS = 350  # one frame on screen while playing; the whole run plays in ~10 s at 30 frames


def _b64(values) -> dict:
    """Numbers as plotly's binary array spec ({dtype, bdata}), encoded once here: given numpy arrays, plotly.py
    re-encodes every one on every st.plotly_chart call (~30 ms for the 60 arrays of 30 frames; this: ~1 ms)."""
    return {"dtype": "f4", "bdata": base64.b64encode(np.ascontiguousarray(values, dtype="<f4").tobytes()).decode()}


def _trail_lines(xy: np.ndarray) -> dict:
    """Every word's path over the frames as one line trace: (T, n, 2) -> x, y with a NaN (a gap) between words."""
    T, n, _ = xy.shape
    paths = np.concatenate([xy.transpose(1, 0, 2), np.full((n, 1, 2), np.nan)], axis=1).reshape(-1, 2)  # (n(T+1), 2)
    return dict(type="scatter", x=_b64(paths[:, 0]), y=_b64(paths[:, 1]), mode="lines", hoverinfo="skip",
                line=dict(color=GREY, width=1.5), showlegend=False, connectgaps=False)


def _range(values: np.ndarray, pad: float = 0.12) -> list[float]:
    lo, hi = float(np.min(values)), float(np.max(values))
    span = (hi - lo) or 1.0
    return [lo - pad * span, hi + pad * span]


def trail_map(xy, words, groups, frame_labels, *, play: str, pause: str, slider_prefix: str,
              x_title: str = "PC1", y_title: str = "PC2", height: int = 480) -> go.Figure:
    """The animated map. xy (T, n, 2): frames of the n `words` (escaped here); `groups` one name per word (colour
    and symbol, legend); `frame_labels` one slider label per frame (e.g. "40%"); `play`/`pause` the buttons' text.

    Built in ONE go.Figure call (ui.theme.figure with `frames`): trace 0 the trails, trace 1 the words (the only
    trace the frames move), then one legend entry per group.
    """
    xy = np.asarray(xy, dtype=np.float32)  # (T, n, 2); sent as binary arrays (_b64)
    T = xy.shape[0]
    names = list(dict.fromkeys(groups))
    code = np.array([names.index(g) % len(CATEGORICAL) for g in groups])  # (n,) colour of each word's group
    safe = [html.escape(w) for w in words]
    marker = colour_codes(code, 11, 0.95)
    marker["symbol"] = [SYMBOLS[names.index(g) % len(SYMBOLS)] for g in groups]
    points = dict(type="scatter", x=_b64(xy[-1, :, 0]), y=_b64(xy[-1, :, 1]), mode="markers+text",
                  text=safe, textposition="top center", textfont=FONT_MAP, marker=marker, showlegend=False,
                  cliponaxis=False, hovertemplate="%{text}<br>(%{x:.3f}, %{y:.3f})<extra></extra>")
    legend = [dict(type="scatter", x=[None], y=[None], mode="markers", name=html.escape(g) or "·",
                   marker=dict(size=10, color=CATEGORICAL[k % len(CATEGORICAL)], symbol=SYMBOLS[k % len(SYMBOLS)]))
              for k, g in enumerate(names)]
    # frames move trace 1 only (x, y): plotly merges them into the drawn trace, labels and colours stay
    frames = [go.Frame(data=[dict(type="scatter", x=_b64(xy[k, :, 0]), y=_b64(xy[k, :, 1]))], traces=[1],
                       name=str(k)) for k in range(T)]
    still = dict(frame=dict(duration=0, redraw=False), mode="immediate", transition=dict(duration=0))
    moving = dict(frame=dict(duration=FRAME_MS, redraw=False), transition=dict(duration=FRAME_MS * 0.8),
                  fromcurrent=False, mode="immediate")
    buttons = [dict(label=play, method="animate", args=[None, moving]),
               dict(label=pause, method="animate", args=[[None], still])]
    slider = dict(active=T - 1, currentvalue=dict(prefix=slider_prefix, font=dict(size=14)), pad=dict(t=30),
                  x=0, len=1, y=0, yanchor="top",  # the full width under the plot
                  steps=[dict(label=lab, method="animate", args=[[str(k)], still])
                         for k, lab in enumerate(frame_labels)])
    # legend above the plot, the slider under it, the buttons under the slider (pads in pixels): nothing overlaps,
    # on a 390 px phone either
    return figure([_trail_lines(xy), points, *legend], height=height, top=10, frames=frames,
                  showlegend=len(names) > 1, legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom"),
                  updatemenus=[dict(type="buttons", direction="left", x=0, y=0, xanchor="left", yanchor="top",
                                    showactive=False, pad=dict(t=125), buttons=buttons)],
                  sliders=[slider], plot_bgcolor="white",
                  xaxis=dict(title=dict(text=x_title), range=_range(xy[..., 0]), gridcolor="#eee", zeroline=False),
                  yaxis=dict(title=dict(text=y_title), range=_range(xy[..., 1]), gridcolor="#eee", zeroline=False))
