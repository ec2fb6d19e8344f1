"""The lesson bar: `?lesson=NAME&step=K` (or a lesson link's `?lesson_data=`) opens step K's page in its prepared
state; above the page, the step's prompt for the class and previous / next.

app.py calls `bar()` once per run, after st.navigation and before the page runs. A step is applied once when it
is opened (`open_step`): its page's kept values are dropped, so the page reads the step's parameters as on a
first visit and checks them with its own rules (ui/state.py); afterwards the class may play with the controls.
The lesson and the step live in session state as well as in the URL, because the navigation drops the query
string: they are written back on every run, so the bar survives a page change and a copied link keeps them.
"""
from __future__ import annotations

import streamlit as st

from lessons.format import Lesson, LessonError
from ui.i18n import current_lang, t
from ui.lesson_load import error_text, load, shipped_names
from ui.nav import PAGES
from ui.words import md_escape

REF, STEP, APPLIED = "_lesson_ref", "_lesson_step", "_lesson_applied"  # session keys (see the module docstring)
REF_PARAMS = ("lesson", "lesson_data")  # the URL names a lesson one of these ways (a link's data wins)
FRAME_PARAMS = ("lang", "present")  # the frame's own parameters, carried to the step's page
STEP_VIEW = ("hide", "lock")  # a step's own view of its page (links' lists of controls to hide or lock)
FILES = {p.key: p.file for p in PAGES}
URLS = {p.key: p.url for p in PAGES}  # st.navigation's current page says its url_path
HIGHLIGHT = "#E69F00"  # Okabe-Ito orange (ui/theme.py's CATEGORICAL): the checkpoint the prompt asks about


def _ref() -> dict[str, str] | None:
    """Which lesson this run follows: the URL's, else the one this session opened (the navigation dropped it)."""
    for name in reversed(REF_PARAMS):
        raw = st.query_params.get(name)
        if raw is not None:
            return {name: raw}
    return st.session_state.get(REF)


def open_step(lesson: Lesson, k: int, ref: dict[str, str]) -> None:
    """Open step `k` (1-based) of `lesson` (named by `ref`): its page with the step's parameters, the step's values
    winning over what this session had on that page. Ends the run (st.switch_page); the class pulse reuses it."""
    step, ss = lesson.steps[k - 1], st.session_state
    for key in ss.pop(f"_{step.page}_saved", {}):  # ui/state.py's kept copy and its widget values go...
        ss.pop(key, None)  # ...so the page's restore() reads the link as on a first visit
    ss[REF], ss[STEP], ss[APPLIED] = ref, k, (tuple(ref.items()), k)
    frame = {n: st.query_params[n] for n in FRAME_PARAMS if n in st.query_params}
    st.switch_page(FILES[step.page], query_params={**frame, **ref, "step": str(k), **step.params})


def leave() -> None:
    """Callback: stop following the lesson (the page stays as it is)."""
    for key in (REF, STEP, APPLIED):
        st.session_state.pop(key, None)
    for name in (*REF_PARAMS, "step"):
        st.query_params.pop(name, None)


def adopt(params: dict[str, str], page: str) -> dict[str, str]:
    """A student following the teacher (ui/pulse_student.py) takes the lesson step the teacher's parameters for
    `page` name, or leaves the lesson when they name none, as if this session had opened that step: `bar` makes
    no second switch, and the step's own hide/lock lists (the teacher's parameters never carry them) are added.
    Returns the parameters to open `page` with."""
    ss = st.session_state
    ref = next(({n: params[n]} for n in reversed(REF_PARAMS) if n in params), None)
    for key in (REF, STEP, APPLIED):  # else `_ref` keeps the session's lesson once the URL names none
        ss.pop(key, None)
    if ref is None:
        return params
    ss[REF] = ref
    try:
        lesson = load(ref)
    except LessonError:
        return params  # the bar says what is wrong, as for any lesson link
    k = _step_number(params.get("step", "1"), len(lesson.steps))
    if k is None:
        return params
    ss[STEP], ss[APPLIED] = k, (tuple(ref.items()), k)
    step = lesson.steps[k - 1]
    view = {n: v for n, v in step.params.items() if n in STEP_VIEW} if step.page == page else {}
    return {**params, **view}


def _step_number(raw, n: int) -> int | None:
    try:
        k = int(str(raw))
    except ValueError:
        return None
    return k if 1 <= k <= n and str(raw).strip().isdigit() else None


def _highlight(cid: str) -> None:
    """Frame the checkpoint the prompt asks about (its box has the key cp_<page>_<name>_box, ui/checkpoint.py)."""
    key = "cp_" + cid.replace(".", "_") + "_box"
    st.html(f"<style>.st-key-{key} {{ outline: 4px solid {HIGHLIGHT}; outline-offset: 4px; }}</style>")


def _draw(lesson: Lesson, k: int, ref: dict[str, str], page_url: str) -> None:
    step, lang, n = lesson.steps[k - 1], current_lang(), len(lesson.steps)
    here = URLS[step.page] == page_url
    with st.container(border=True, key="lesson_bar"):
        st.caption(t("lessons.bar_head", title=md_escape(lesson.title_in(lang)), k=k, n=n))
        st.markdown(md_escape(step.prompt_in(lang)).replace("\n", "  \n"))
        if not here:
            st.info(t("lessons.elsewhere", page=t(f"nav.{step.page}")))
        elif step.checkpoint:
            st.caption(t("lessons.checkpoint_hint"))
            _highlight(step.checkpoint)
        # The buttons name the step they open: "Next" would read like a page's own next-step button (p6).
        with st.container(horizontal=True, vertical_alignment="center"):
            if k > 1 and st.button(t("lessons.prev", k=k - 1), key="lesson_prev", icon="⬅️"):
                open_step(lesson, k - 1, ref)
            if not here and st.button(t("lessons.back", k=k), key="lesson_back"):
                open_step(lesson, k, ref)
            if k < n and st.button(t("lessons.next", k=k + 1), key="lesson_next", icon="➡️", type="primary"):
                open_step(lesson, k + 1, ref)
            if k == n:
                st.caption(t("lessons.the_end"))
            st.button(t("lessons.leave"), key="lesson_leave", on_click=leave, type="tertiary")


def _problem(message: str, restart: tuple | None = None) -> None:
    """A lesson the URL names but that cannot be followed: say why; the page below works as usual.
    `restart` = (lesson, ref): a usable lesson asked at a step it does not have, offer its first step."""
    with st.container(border=True, key="lesson_bar"):
        st.warning(message)
        with st.container(horizontal=True):
            if restart and st.button(t("lessons.start"), key="lesson_start", type="primary"):
                open_step(restart[0], 1, restart[1])
            st.button(t("lessons.leave"), key="lesson_leave", on_click=leave)


def bar(page_url: str) -> None:
    """The lesson bar above the page at `page_url` (st.navigation's current page); nothing without a lesson.
    Opens the step first when this session has not opened it yet (a lesson link, next, previous)."""
    ref = _ref()
    if ref is None:
        return
    try:
        lesson = load(ref)
    except LessonError as err:
        if err.problems[0].code == "unknown_lesson":
            names = ", ".join(shipped_names())
            _problem(t("lessons.unknown", name=md_escape(ref.get("lesson", "")[:40]), names=names))
        else:
            _problem(t("lessons.broken") + "\n\n" + error_text(err))
        return
    raw = st.query_params.get("step", st.session_state.get(STEP, 1))
    k = _step_number(raw, len(lesson.steps))
    if k is None:
        _problem(t("lessons.bad_step", step=md_escape(str(raw)[:20]), n=len(lesson.steps)), (lesson, ref))
        return
    if st.session_state.get(APPLIED) != (tuple(ref.items()), k):
        open_step(lesson, k, ref)  # a link just opened, or a step the URL names: its prepared state first
    for name, value in (*ref.items(), ("step", str(k))):  # the navigation dropped them: a copied link keeps them
        if st.query_params.get(name) != value:
            st.query_params[name] = value
    _draw(lesson, k, ref, page_url)
