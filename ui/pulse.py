"""Class pulse, the teacher's side and the frame's two calls: start a class in presenter view, show the join link
and its QR code on the projector, keep the teacher's key private, publish the page students follow, end the class.

    after_page = pulse.frame(current)  # app.py, before the page: links, panels, a following student's move
    try:
        current.run()
    finally:
        after_page()  # a teacher's page and its parameters become the follow state

The teacher key never reaches the projector or the address bar: it stays in the session, and a "teacher link"
(code + key) is offered as a file to save, for a reload or another device. Opening it takes the key off the URL.
"""
from __future__ import annotations

import io
import json
from typing import Callable
from urllib.parse import urlencode

import segno
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from classroom import ClassError, Reason
from classroom.base import valid_param, validate_code
from ui import pulse_state as ps
from ui import pulse_student
from ui.i18n import current_lang, t
from ui.nav import PAGES
from ui.present import presenting
from ui.share import page_url

# Never sent to students: their own parameters or the teacher's.
PRIVATE = ("lang", "class", "teach", "present", "hide", "lock", ps.SEAT)
QR_PX = 200
JOINED_S = 2.0  # how often the projector recounts the students who joined


def _page_key(current) -> str:
    url = current.url_path or "home"  # the default page's url_path is ""
    return next((p.key for p in PAGES if p.url == url), "home")


def _link(**params: str) -> str:
    """The app's start page with `params`: the default page is served at the root, not at /home."""
    return page_url("home").removesuffix("home") + "?" + urlencode(params)


def join_link(code: str) -> str:
    """The address students open (absolute when the browser told us its own), in the teacher's language."""
    return _link(lang=current_lang(), **{"class": code})


@st.cache_data(max_entries=64, show_spinner=False)  # ~20-60 ms to draw; the link is the same on every rerun
def qr_png(text: str) -> bytes:
    """A QR code of `text` as PNG bytes, made here (segno: pure Python; no web service sees the link)."""
    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="png", scale=8, border=2)
    return buf.getvalue()


def _teacher_from_link() -> None:
    """`?class=CODE&teach=KEY` (the saved teacher link): teacher again if the key is right; the key leaves the URL."""
    key = st.query_params.pop("teach", None)
    if key is None:
        return
    raw = st.query_params.pop("class", "")
    try:
        code = validate_code(raw)
        if not ps.store().is_teacher(code, key):
            raise ClassError(Reason.FORBIDDEN)
        ps.enter(code, ps.TEACHER, key=key, follow=ps.store().get_follow(code))
    except ClassError as err:
        ps.leave(err.reason.value)


def _start() -> None:
    try:
        code, key = ps.store().create_class()
        ps.enter(code, ps.TEACHER, key=key)
    except ClassError as err:
        ps.refused(err)


def _end() -> None:
    cls = ps.current()
    try:
        ps.store().end(cls["code"], cls["key"])
    except ClassError as err:
        if err.reason not in (Reason.ENDED, Reason.UNKNOWN):
            ps.refused(err)
            return
    ps.leave(Reason.ENDED.value)


def _join_box(code: str) -> None:
    """On the projector: the code in big letters, the join link and its QR code."""
    url = join_link(code)
    with st.expander(t("pulse.join_title", code=code), expanded=True, icon="📱", key="pulse_join"):
        qr, text = st.columns([1, 2], vertical_alignment="center")
        qr.image(qr_png(url), width=QR_PX, alt=t("pulse.qr_alt"))
        text.metric(t("pulse.code_label"), code)  # large enough to read and type from the back of the room
        text.markdown(t("pulse.join_how"))
        text.code(url, language=None, wrap_lines=True)  # a code block: the link is shown, never interpreted
        with text:
            _joined(code)


@st.fragment(run_every=JOINED_S)
def _joined(code: str) -> None:
    """Students arriving, counted live on the projector (one indexed count every JOINED_S seconds)."""
    try:
        st.caption(t("pulse.joined", n=ps.store().joined(code)))
    except ClassError as err:
        ps.refused(err)
        st.rerun(scope="app")


def _teacher_sidebar(code: str, key: str) -> None:
    with st.sidebar.container(border=True, key="pulse_teacher"):
        st.markdown(t("pulse.teacher_in", code=code))
        st.download_button(t("pulse.teacher_link"), data=_link(**{"class": code, "teach": key}) + "\n",
                           file_name=f"class-{code}-teacher-link.txt", mime="text/plain", on_click="ignore",
                           key="pulse_teacher_link", help=t("pulse.teacher_link_help"))
        with st.popover(t("pulse.end"), icon="⏹️"):
            st.markdown(t("pulse.end_confirm"))
            st.button(t("pulse.end_now"), key="pulse_end", on_click=_end, type="primary")


def frame(current) -> Callable[[], None]:
    """Before the page runs: read class links, draw this session's class panel, move a following student.
    Returns what to call after the page (see `_publisher`)."""
    _teacher_from_link()
    pulse_student.join_from_link()
    cls = ps.current()
    if cls.get("refused"):  # a refusal met after the last page run, when nothing could be shown
        ps.refused(ClassError(Reason(cls.pop("refused"))))
    ps.show_notice()
    cls = ps.current()
    if cls.get("role") == ps.TEACHER:
        _teacher_sidebar(cls["code"], cls["key"])
        _join_box(cls["code"])
        return _publisher(cls, _page_key(current))
    if cls.get("role") == ps.STUDENT:
        pulse_student.panel(_page_key(current))
        pulse_student.follow_now(_page_key(current))
    elif presenting():
        _start_button()
    return lambda: None


def _start_button() -> None:
    """Presenter view folds the sidebar, so "Start a class" sits in the main area: one small button at the top
    right (a real button: Tab reaches it, its text is its name in either language), gone once a class runs."""
    # Streamlit's header lies over the top of the page (transparent in presenter view): lift the button above it.
    st.html("<style>.st-key-pulse_start_row { position: relative; z-index: 1000000; }</style>")
    with st.container(horizontal=True, horizontal_alignment="right", key="pulse_start_row"):
        st.button(t("pulse.start"), key="pulse_start", on_click=_start, icon="📣", type="tertiary",
                  help=t("pulse.start_help"))


def _shareable(params: dict[str, str], limits) -> dict[str, str]:
    """The teacher's parameters students may receive: the store's shape only, the private ones left out, and no
    more than fits the follow state with room to spare for the revealed list."""
    kept: dict[str, str] = {}
    for name, value in params.items():
        if name in PRIVATE or not valid_param(name, value, limits) or len(kept) == limits.max_params:
            continue
        if len(json.dumps({**kept, name: value})) <= limits.max_follow_bytes // 2:
            kept[name] = value
    return kept


def _publisher(cls: dict, page: str) -> Callable[[], None]:
    """After the teacher's page ran, its key and parameters become the follow state (written only on a change).

    It runs after a page's st.stop() too, when every st.* call (session state included) raises again: so it holds
    the session's class record, the store and the live query parameters, taken now, and calls no st.* at all.
    """
    store = ps.store()
    with get_script_run_ctx().session_state.query_params() as live:  # the object `st.query_params` writes to
        query = live

    def publish() -> None:
        state = {"page": page, "params": _shareable(query.to_dict(), store.limits)}
        if cls.get("published") == state:
            return
        try:
            cls["follow"] = store.set_follow(cls["code"], cls["key"], state)
            cls["published"] = state
        except ClassError as err:
            cls["refused"] = err.reason.value
    return publish
