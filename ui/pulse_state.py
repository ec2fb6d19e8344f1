"""The class this browser session is in (class pulse): role, code, teacher key, what the teacher revealed, and the
shared store; one place, so the teacher's and the students' modules read the same session keys.

A teacher's key lives only in their session (and in the teacher link they choose to save); a student is an
anonymous random "seat", made here when they join and kept in their own URL (`seat=`), so a reload is the same
student; the store hashes it with the class code before keeping it. A seat is never published or shared.
"""
from __future__ import annotations

import secrets
from typing import Any

import streamlit as st

from classroom import ClassError, ClassStore, Reason, data_dir, open_store
from classroom.base import SEAT_BYTES, validate_seat
from ui.i18n import t

KEY = "_pulse"  # {"code", "role": "teacher" | "student", "key", "seat", "follow", "following", "applied"}
SEAT = "seat"   # the URL parameter of a student's seat (their only identity)
NOTICE = "_pulse_notice"  # a refusal or "the class has ended", shown at the top of the next run
TEACHER, STUDENT = "teacher", "student"


@st.cache_resource(show_spinner=False, max_entries=4)
def _open(folder: str) -> ClassStore:
    return open_store()  # keyed by the data folder, so tests with their own W2V_DATA_DIR get their own store


def store() -> ClassStore:
    """The process's store (SQLite under $W2V_DATA_DIR, shared with every replica on this host)."""
    return _open(str(data_dir()))


def current() -> dict:
    """This session's class ({} when it is in none)."""
    return st.session_state.get(KEY) or {}


def role() -> str | None:
    return current().get("role")


def code() -> str | None:
    return current().get("code")


def is_teacher() -> bool:
    return role() == TEACHER


def is_student() -> bool:
    return role() == STUDENT


def sid() -> str | None:
    """The id a student acts with in the store: their seat (None outside a class or as the teacher)."""
    return current().get("seat")


def seat_from_link() -> str:
    """The URL's seat when it has the right shape (a reload: the same student), else a fresh one; either way the
    URL says it from now on. A bad seat is ignored like any bad link value: the student just gets a new one."""
    try:
        seat = validate_seat(st.query_params.get(SEAT))
    except ClassError:
        seat = secrets.token_urlsafe(SEAT_BYTES)
    st.query_params[SEAT] = seat
    return seat


def enter(class_code: str, as_role: str, key: str | None = None, follow: dict | None = None,
          seat: str | None = None) -> None:
    """Make this session a class's teacher (with its key) or student (with its seat); following is on by default."""
    st.session_state[KEY] = {"code": class_code, "role": as_role, "key": key, "seat": seat, "follow": follow or {},
                             "following": True, "applied": None}


def leave(reason: str | None = None) -> None:
    """Out of the class (ended, refused); `reason` is shown as a notice on the next run."""
    st.session_state.pop(KEY, None)
    st.query_params.pop("class", None)
    st.query_params.pop(SEAT, None)
    if reason:
        st.session_state[NOTICE] = reason


def message(reason: Reason | str) -> str:
    """A refusal in the user's language (never the error's own text: it may name internals)."""
    return t(f"pulse.error.{Reason(reason).value}")


def refused(err: ClassError) -> None:
    """After a refused call: a gone class takes the session out of it; any other refusal is only shown."""
    if err.reason in (Reason.ENDED, Reason.UNKNOWN):
        leave(err.reason.value)
    else:
        st.session_state[NOTICE] = err.reason.value


def show_notice() -> None:
    """The pending notice, once: "the class has ended" as info, any other refusal as a warning."""
    reason = st.session_state.pop(NOTICE, None)
    if reason == Reason.ENDED.value:
        st.info(message(reason), icon="🔔")
    elif reason:
        st.warning(message(reason))


def follow() -> dict:
    return current().get("follow") or {}


def set_follow_seen(state: dict) -> None:
    if KEY in st.session_state:
        st.session_state[KEY]["follow"] = state


def revealed(cid: str) -> bool:
    """True when the teacher revealed checkpoint `cid` to the class this session is in."""
    return cid in follow().get("revealed", ())


def answer_text(value: Any) -> str:
    """An answer as the store keeps it: numbers without trailing zeros, anything else as its text."""
    return f"{value:g}" if isinstance(value, float) else str(value)
