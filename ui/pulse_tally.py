"""The class's answers under a checkpoint, on the teacher's page only: a live bar chart and "reveal to everyone".

A fragment redraws it every TALLY_S seconds with one store call (indexed reads of one class and one checkpoint),
so the projector shows answers arriving without rerunning the page.
"""
from __future__ import annotations

import html
from typing import Callable, Sequence

import plotly.graph_objects as go
import streamlit as st

from classroom import ClassError, Tally
from ui import alt, theme
from ui import pulse_state as ps
from ui.i18n import t

TALLY_S = 1.5    # the teacher's chart refresh: answers show within 1.5 s plus one query
MAX_BARS = 10    # typed answers (words, numbers): the most frequent ones, the rest summed up in the caption


def _bars(tally: Tally, labels: dict[str, str]) -> list[tuple[str, int]]:
    """(label, count) in the choices' own order (every choice, 0 included), or typed answers most frequent first."""
    if labels:
        return [(label, tally.counts.get(value, 0)) for value, label in labels.items()]
    return sorted(tally.counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_BARS]


def _figure(bars: list[tuple[str, int]]) -> go.Figure:
    names = [html.escape(label) for label, _ in bars]  # typed answers are user text; plotly reads a few HTML tags
    counts = [n for _, n in bars]
    return theme.figure([dict(type="bar", x=names, y=counts, text=[str(n) for n in counts], textposition="outside",
                              marker=dict(color=theme.CATEGORICAL[0]), cliponaxis=False,
                              hovertemplate="%{x}: %{y}<extra></extra>")],
                        height=240, top=30, xaxis=dict(type="category"),
                        yaxis=dict(title=dict(text=t("pulse.students")), rangemode="tozero", dtick=1,
                                   range=[0, max([*counts, 1]) * 1.25]))


@st.fragment(run_every=TALLY_S)
def _live(cid: str, labels: dict[str, str]) -> None:
    if not ps.is_teacher():
        return
    try:
        tally = ps.store().tally(ps.code(), cid)
    except ClassError as err:
        ps.refused(err)
        st.rerun(scope="app")
    bars = _bars(tally, labels)
    text = t("pulse.tally_alt", answers=t("alt.sep").join(f"{label} {n}" for label, n in bars) or "—",
             answered=tally.answered, joined=tally.joined)
    alt.plot(_figure(bars), text, key=f"pulse_chart_{cid}")
    st.markdown(t("pulse.answered", answered=tally.answered, joined=tally.joined))
    if ps.revealed(cid):
        st.caption(t("pulse.revealed"))
    elif st.button(t("pulse.reveal"), key=f"pulse_reveal_{cid}", type="primary"):
        reveal(cid)


def reveal(cid: str) -> None:
    """Teacher: open checkpoint `cid`'s answer to the whole class (students see it at their next poll)."""
    cls = ps.current()
    try:
        ps.set_follow_seen(ps.store().reveal(cls["code"], cls["key"], cid))
    except ClassError as err:
        ps.refused(err)
    st.rerun(scope="app")  # the teacher's own checkpoint shows the answer too


def under_checkpoint(cid: str, kind: str, options: Sequence, format_func: Callable) -> None:
    """The class's answers to `cid` for the teacher of a class; a line for its students once it is revealed."""
    if ps.is_student() and ps.revealed(cid):
        st.container(key=f"pulse_shown_{cid.replace('.', '_')}").caption(t("pulse.revealed_to_you"))
    if not ps.is_teacher():
        return
    labels = {ps.answer_text(o): str(format_func(o)) for o in options} if kind == "choice" else {}
    with st.container(border=True, key=f"pulse_tally_{cid.replace('.', '_')}"):
        st.markdown(f"**{t('pulse.tally_title')}**")
        _live(cid, labels)
