"""A student in a class: join from the link (`?class=CODE`), count each checked answer, follow the teacher.

Following is generic: the teacher's page and its query parameters (a lesson's `lesson`/`step` included) are the
follow state; a student who follows gets that page with those parameters, read like any shared link. While
following is off nothing of the student's is touched; reveals still arrive (they change no setting).
"""
from __future__ import annotations

import json

import streamlit as st

from classroom import ClassError
from classroom.base import validate_code
from ui import lesson_bar
from ui import pulse_state as ps
from ui.i18n import current_lang, t
from ui.nav import PAGES
from ui.state import PageState

POLL_S = 2.0  # how often a student's page asks for the teacher's state
FOLLOW_TOGGLE = "pulse_following"


def join_from_link() -> None:
    """`?class=CODE` joins this session as a student (no name asked); a bad or gone code gives a message."""
    raw = st.query_params.get("class")
    if raw is None or ps.role() == ps.TEACHER:
        return
    try:
        code = validate_code(raw)
        if ps.code() == code:
            return
        seat = ps.seat_from_link()
        ps.store().join(code, seat)  # a reload (same seat) joins again: no change
        ps.enter(code, ps.STUDENT, follow=ps.store().get_follow(code), seat=seat)
    except ClassError as err:
        ps.leave(err.reason.value)


def count_answer(cid: str, value) -> None:
    """A checked answer of a student counts in the class tally (the store keeps one per session, the latest)."""
    if not ps.is_student():
        return
    try:
        ps.store().answer(ps.code(), ps.sid(), cid, ps.answer_text(value))
    except ClassError as err:
        ps.refused(err)


def _target(state: dict) -> str | None:
    """What following means now: the teacher's page and parameters as one comparable text (None: nothing yet)."""
    if state.get("page") not in {p.key for p in PAGES}:
        return None
    return json.dumps([state["page"], state.get("params", {})], sort_keys=True)


def _forget(page: str) -> None:
    """Drop what this session keeps of `page`'s settings, so the page reads them from the URL again."""
    declared = PageState.declared.get(page)
    if declared is None:  # never drawn in this process: this session has nothing of it either
        return
    for key in (*declared.settings, declared.saved_key):
        st.session_state.pop(key, None)


def follow_now(page_key: str) -> None:
    """Before the page runs: move a following student to the teacher's page and parameters once per change.
    The same page takes them in place (this run goes on with them); another page costs the switch's one rerun."""
    cls = ps.current()
    if cls.get("role") != ps.STUDENT or not cls.get("following"):
        return
    state = ps.follow()
    target = _target(state)
    if target is None or target == cls.get("applied"):
        return
    cls["applied"] = target
    _forget(state["page"])
    params = lesson_bar.adopt({**state.get("params", {}), **_own_params(cls)}, state["page"])
    if state["page"] == page_key:
        if st.query_params.to_dict() != params:
            st.query_params.from_dict(params)  # read by the page's restore() below, as a link's values
        return
    st.switch_page(next(p.file for p in PAGES if p.key == state["page"]), query_params=params)


def _own_params(cls: dict) -> dict[str, str]:
    """The student's own parameters, kept whatever the teacher's page: language, class, seat, presenter view."""
    own = {"lang": current_lang(), "class": cls["code"], ps.SEAT: cls["seat"]}
    if st.query_params.get("present") == "1":
        own["present"] = "1"
    return own


def _toggle() -> None:
    cls = ps.current()
    if cls:
        cls["following"] = st.session_state[FOLLOW_TOGGLE]
        cls["applied"] = None  # switched back on: catch up with the teacher at once


@st.fragment(run_every=POLL_S)
def _poll(page_key: str) -> None:
    """Every POLL_S seconds: one read of the follow state. On a change the page reruns once: a following student
    bound for another page switches from here (that switch is the one full run), else the whole app reruns and
    `follow_now` applies the teacher's parameters in place."""
    if not ps.is_student():
        return
    try:
        state = ps.store().get_follow(ps.code())
    except ClassError as err:
        ps.refused(err)
        st.rerun(scope="app")
    if state != ps.follow():
        ps.set_follow_seen(state)
        if state.get("page") != page_key:
            follow_now(page_key)  # switches page (or returns: not following, nothing to follow)
        st.rerun(scope="app")


def panel(page_key: str) -> None:
    """The student's sidebar box on page `page_key`: which class, the follow switch, and the polling fragment."""
    cls = ps.current()
    with st.sidebar.container(border=True, key="pulse_student"):
        st.markdown(t("pulse.student_in", code=cls["code"]))
        st.session_state[FOLLOW_TOGGLE] = cls["following"]
        st.toggle(t("pulse.follow"), key=FOLLOW_TOGGLE, on_change=_toggle, help=t("pulse.follow_help"))
        _poll(page_key)
    for name, value in (("class", cls["code"]), (ps.SEAT, cls["seat"])):
        if st.query_params.get(name) != value:  # navigation drops them: a reload is the same student again
            st.query_params[name] = value
