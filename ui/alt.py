"""Every chart with its text alternative: the figure, then a caption that says in words what it shows.

A plotly chart is a picture to a screen reader. `plot()` draws it and writes right under it, in the page's
language, what the chart shows and its key numbers; the functions below compose those sentences from the same
numbers the chart was drawn from (they pick the largest or the last value; they compute no model).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import streamlit as st

from ui.i18n import t
from ui.words import md_escape


def plot(fig, alt: str, *, key: str, where=st, config: dict | None = None) -> None:
    """The chart, then its text alternative as a caption (`where`: st or a column/container; `config`: plotly's
    config, e.g. the image button's format).

    The whole text is markdown-escaped: it carries words the learner typed or uploaded.
    """
    where.plotly_chart(fig, width="stretch", key=key, config=config)
    where.caption(t("alt.chart", text=md_escape(alt)))


def _list(items: Sequence[str], limit: int = 8) -> str:
    more = "" if len(items) <= limit else t("alt.more", n=len(items) - limit)
    return t("alt.sep").join(items[:limit]) + more


def number_line(value: str, lo: float, hi: float) -> str:
    return t("alt.number_line", value=value, lo=f"{lo:g}", hi=f"{hi:g}")


def arrows(points: Sequence[dict], x_label: str, y_label: str, best: str | None = None,
           cos: float | None = None) -> str:
    """points: name, x, y; `best` (and its cosine): the closest in direction, once the page reveals it."""
    text = t("alt.arrows", points=_list([f"{p['name']} ({p['x']:+.2f}, {p['y']:+.2f})" for p in points]),
             x=x_label, y=y_label)
    return text + (t("alt.arrows_best", who=best, cos=f"{cos:.3f}") if best is not None else "")


def strip(word: str, vec) -> str:
    v = np.asarray(vec, dtype=float)  # (d,)
    hi, lo = int(np.argmax(v)), int(np.argmin(v))
    return t("alt.strip", word=word, d=len(v), hi=f"{v[hi]:+.2f}", i=hi, lo=f"{v[lo]:+.2f}", j=lo)


def strips(words: Sequence[str], highlight: Sequence[int]) -> str:
    cols = t("alt.strips_cols", cols=", ".join(str(j) for j in highlight)) if len(highlight) else ""
    return t("alt.strips", n=len(words), words=_list(list(words))) + cols


def similarity(words: Sequence[str], sims) -> str:
    """The most and the least similar pair of different words."""
    s = np.asarray(sims, dtype=float)  # (n, n)
    iu = np.triu_indices(len(words), k=1)
    hi, lo = int(np.argmax(s[iu])), int(np.argmin(s[iu]))
    pair = lambda k: (words[iu[0][k]], words[iu[1][k]], f"{s[iu][k]:.2f}")  # noqa: E731
    (a, b, x), (c, d, y) = pair(hi), pair(lo)
    return t("alt.similarity", n=len(words), a=a, b=b, hi=x, c=c, d=d, lo=y)


def analogy(best: str, score: float, pcts: Sequence[float] | None = None) -> str:
    """The top answer and its score (as in the page's table); `pcts`: variance kept by the map's two axes."""
    text = t("alt.analogy", word=best, score=f"{score:.3f}")
    return text + (t("alt.pca", pc1=f"{pcts[0]:.0f}", pc2=f"{pcts[1]:.0f}") if pcts is not None else "")


def bars(words: Sequence[str], probs: Sequence[float], top: int = 3) -> str:
    """Probability bars, best first."""
    return t("alt.bars", n=len(words), top=_list([f"{w} {p:.1%}" for w, p in zip(words[:top], probs[:top])]))


def rows(title: str, words: Sequence[str], d: int, highlights: dict[int, str] | None = None) -> str:
    """A matrix shown as a heatmap: its size and the rows a step uses (`highlights[row] = role`, as drawn)."""
    text = t("alt.rows", title=title, n=len(words), d=d)
    by_role: dict[str, list[str]] = {}
    for row, role in (highlights or {}).items():
        by_role.setdefault(role, []).append(words[row])
    return text + "".join(t("alt.rows_marked", role=t(f"alt.role_{r}"), words=_list(ws)) for r, ws in by_role.items())


def series(x_label: str, x, named: dict[str, Sequence[float]]) -> str:
    """Bars or lines over the same x, read out as value lists: `name: 1 → 3, 2 → 5`."""
    parts = [f"{name}: " + ", ".join(f"{a} → {b:g}" for a, b in zip(x, ys)) for name, ys in named.items()]
    return t("alt.series", x=x_label, series="; ".join(parts))


def windows(labels: Sequence[str], values: Sequence[int], current: int | None) -> str:
    text = t("alt.windows", n=len(values), lo=min(values), hi=max(values))
    return text + (t("alt.windows_now", pos=labels[current], w=values[current]) if current is not None else "")


def distribution(words: Sequence[str], probs, raw, drawn, n_draws: int) -> str:
    i = int(np.argmax(probs))
    return t("alt.distribution", word=words[i], p=f"{probs[i]:.1%}", raw=f"{raw[i]:.1%}", k=int(drawn[i]),
             n=n_draws)


def sigmoid(words: Sequence[str], scores, sigmoids) -> str:
    """The sigmoid curve with one marked point per word of a step: score -> sigmoid."""
    return t("alt.sigmoid", points=_list([f"{w} {s:+.4f} → {p:.4f}" for w, s, p in zip(words, scores, sigmoids)]))


def loss(values: Sequence[float], window: int = 50) -> str:
    v = np.asarray(values, dtype=float)
    if not len(v):
        return t("alt.loss_empty")
    return t("alt.loss", n=len(v), first=f"{v[0]:.4f}", last=f"{v[-1]:.4f}", avg=f"{v[-window:].mean():.4f}",
             k=min(window, len(v)))


def lab_loss(history: Sequence[tuple[int, float]]) -> str:
    """The lab's loss curve: (words processed, loss) per chunk."""
    if not len(history):
        return t("alt.loss_empty")
    return t("alt.lab_loss", n=len(history), words=f"{history[-1][0]:,}", first=f"{history[0][1]:.4f}",
             last=f"{history[-1][1]:.4f}")


def word_map(words: Sequence[str], groups: Sequence[str] | None = None) -> str:
    """A map of words: how many, and which words each group (or cluster) holds."""
    if not groups:
        return t("alt.map", n=f"{len(words):,}", words=_list(list(words), 12))
    by = {g: [w for w, gg in zip(words, groups) if gg == g] for g in dict.fromkeys(groups)}
    return t("alt.map_groups", n=f"{len(words):,}", groups="; ".join(f"{g}: {_list(ws, 6)}" for g, ws in by.items()))


def neighbours(word: str, nbrs: Sequence[tuple[str, float]]) -> str:
    """A searched word and its nearest neighbours (word, cosine), nearest first."""
    return t("alt.neighbours", word=word, nbrs=_list([f"{w} {c:.3f}" for w, c in nbrs], 5))
