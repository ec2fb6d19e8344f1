"""Predict, then reveal: one checkpoint element (a question, the learner's answer, a check, the computed answer).

The page computes the answer from its live state (through w2v_core) and passes it in, with the reason and what to
try next, already translated. This module draws the question, keeps the learner's answers for the session under
one key (`_checkpoints`), and reveals the answer. A checkpoint id is stable and names its page: "p3.analogy".

    from ui.checkpoint import checkpoint
    revealed = checkpoint("p3.analogy", t("checkpoint.p3_analogy_q", expr=expr), best, kind="word",
                          reason=t("checkpoint.p3_analogy_why", ...), next_step=t("checkpoint.p3_analogy_next"),
                          context=(positive, negative, method), show_me=True)

`context` is what the question is about (the words, the window, ...): when it changes, the question is asked
afresh. Features that count answers (the class pulse) use `answers()`, `record_answer()` and `progress()`.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.words import md_escape
from ui.i18n import t
from ui.nav import PAGES
from ui.pulse_state import revealed as revealed_to_class
from ui.pulse_student import count_answer
from ui.pulse_tally import under_checkpoint

KEY = "_checkpoints"  # {"answers": {id: record}, "asked": {id: context the input was last drawn for}}
KINDS = ("choice", "number", "word")
CHANGED = "_checkpoints_changed"  # set by the buttons' callbacks; see _refresh_sidebar


# ---------------------------------------------------------------- the answers of this session
def _store() -> dict:
    return st.session_state.setdefault(KEY, {"answers": {}, "asked": {}})


def page_of(cid: str) -> str:
    """The page a checkpoint belongs to: "p3.analogy" -> "p3"."""
    return cid.partition(".")[0]


def record_answer(cid: str, answer: Any, correct: bool, context: Any = "") -> None:
    """Keep the learner's latest checked answer (one per checkpoint; checking again replaces it)."""
    st.session_state[CHANGED] = True
    old = _store()["answers"].get(cid, {})
    _store()["answers"][cid] = {"answer": answer, "correct": bool(correct), "checked": True,
                                "tries": old.get("tries", 0) + 1, "context": repr(context),
                                "shown": old.get("shown")}
    count_answer(cid, answer)  # a student in a class: their answer counts in the class tally too


def record_shown(cid: str, context: Any = "") -> None:
    """The learner pressed "show me" for this `context`: revealed, but not an answer (a checked one is kept)."""
    st.session_state[CHANGED] = True
    rec = _store()["answers"].setdefault(cid, {"answer": None, "correct": False, "checked": False, "tries": 0,
                                               "context": None, "shown": None})
    rec["shown"] = repr(context)


def answer_of(cid: str, context: Any = None) -> dict | None:
    """The record of one checkpoint: None if never touched; with `context`, only what concerns that context
    (its checked answer, or a "show me" for it, which comes back with checked=False)."""
    rec = _store()["answers"].get(cid)
    if rec is None or context is None:
        return dict(rec) if rec else None
    if rec["context"] == repr(context):
        return dict(rec)
    if rec["shown"] == repr(context):
        return {**rec, "answer": None, "correct": False, "checked": False}
    return None


def answers() -> dict[str, dict]:
    """Every checked answer of this session: {checkpoint id: record with answer, correct, tries, context}."""
    return {cid: dict(rec) for cid, rec in _store()["answers"].items() if rec["checked"]}


def progress() -> dict[str, tuple[int, int]]:
    """Per page, (checkpoints answered, of which right at the last check)."""
    out: dict[str, tuple[int, int]] = {}
    for cid, rec in answers().items():
        answered, right = out.get(page_of(cid), (0, 0))
        out[page_of(cid)] = (answered + 1, right + rec["correct"])
    return out


def sidebar_progress() -> None:
    """One folded line in the sidebar: answered / right so far, and a line per page inside."""
    per_page = progress()
    answered, right = sum(a for a, _ in per_page.values()), sum(r for _, r in per_page.values())
    with st.sidebar.expander(t("checkpoint.progress", answered=answered, right=right)):
        if not per_page:
            st.caption(t("checkpoint.progress_none"))
        for info in PAGES:
            if info.key in per_page:
                a, r = per_page[info.key]
                st.markdown(t("checkpoint.progress_page", page=t(f"nav.{info.key}"), answered=a, right=r))


def _refresh_sidebar() -> None:
    """A checkpoint's box is a fragment (and may sit inside another, p6's stepper): a Check reruns only that
    fragment, so the sidebar's counts (and what a page shows once its checkpoint is answered) would lag behind the
    answer just checked: rerun the whole page once after such a check."""
    if st.session_state.pop(CHANGED, False):
        ctx = get_script_run_ctx()
        if ctx is not None and ctx.fragment_ids_this_run:
            st.rerun(scope="app")


# ---------------------------------------------------------------- the element
def _normalise(kind: str, value: Any) -> Any:
    if kind == "word":
        return " ".join(str(value or "").split()).lower()  # GloVe and the toy corpora are lowercase
    return value


def _default_check(kind: str, answer: Any, tolerance: float) -> Callable[[Any], bool]:
    if kind == "number":
        return lambda v: abs(float(v) - float(answer)) <= tolerance
    return lambda v: v == _normalise(kind, answer)


def _on_check(cid: str, key: str, kind: str, check: Callable[[Any], bool], context: Any) -> None:
    # Runs before the script, so the sidebar's counts already include this answer; `check` is the one the
    # learner saw (bound when the button was drawn).
    value = _normalise(kind, st.session_state.get(key))
    if value not in (None, ""):
        record_answer(cid, value, check(value), context)


def _input(kind: str, key: str, options: Sequence, format_func: Callable, lo, hi, step) -> Any:
    label = t("checkpoint.your_answer")
    if kind == "choice":
        return st.radio(label, list(options), index=None, key=key, horizontal=True,
                        format_func=lambda v: md_escape(format_func(v)))  # option labels are markdown
    if kind == "number":
        return st.number_input(label, min_value=lo, max_value=hi, value=None, step=step, key=key,
                               placeholder=t("checkpoint.number_placeholder"))
    return st.text_input(label, key=key, max_chars=60, placeholder=t("checkpoint.word_placeholder"))


def _feedback(rec: dict, shown_answer: str, yours: str, reason: str, about: str, next_step: str) -> None:
    if rec["checked"] and rec["correct"]:
        st.success(t("checkpoint.right", answer=shown_answer))
    elif rec["checked"]:
        st.info(t("checkpoint.wrong", yours=yours, answer=shown_answer), icon="💡")
    else:
        st.info(t("checkpoint.shown", answer=shown_answer), icon="👀")
    st.markdown(" ".join(s for s in (about, reason) if s))
    if rec["checked"] and not rec["correct"]:
        st.caption(t("checkpoint.again"))
    if next_step:
        st.markdown(t("checkpoint.try_next", text=next_step))


def _box(cid: str, key: str, question: str, answer: Any, kind: str, options: Sequence, format_func: Callable,
         check: Callable | None, reason: str, about_yours: Callable | None, next_step: str, context: Any,
         show_me: bool, lo, hi, step, tolerance: float, wait: str) -> None:
    """The checkpoint's bordered box (run as a fragment by checkpoint()): question, answer input, Check, feedback."""
    _refresh_sidebar()
    rec = answer_of(cid, context)
    with st.container(border=True, key=key + "_box"):
        st.markdown(f"**{t('checkpoint.label')}** {question}")
        if answer is None and not wait:
            st.caption(t("checkpoint.no_answer"))
            return
        value = _input(kind, key, options, format_func, lo, hi, step)
        if answer is None:  # commit now, check once the page can compute the answer
            st.button(t("checkpoint.check"), key=key + "_check", disabled=True, type="primary")
            st.caption(wait)
            return
        check = check or _default_check(kind, answer, tolerance)
        with st.container(horizontal=True):
            st.button(t("checkpoint.check"), key=key + "_check", on_click=_on_check,
                      args=(cid, key, kind, check, context), disabled=value in (None, ""), type="primary")
            if show_me and not rec:
                st.button(t("checkpoint.show_me"), key=key + "_show", on_click=record_shown, args=(cid, context))
        if rec:
            fmt = format_func if kind == "choice" else (lambda v: f"{v:g}" if isinstance(v, float) else str(v))
            yours = md_escape(fmt(rec["answer"])) if rec["checked"] else ""
            about = about_yours(rec["answer"]) if about_yours and rec["checked"] and not rec["correct"] else ""
            _feedback(rec, md_escape(fmt(answer)), yours, reason, about, next_step)


def checkpoint(cid: str, question: str, answer: Any, *, kind: str = "choice", options: Sequence = (),
               format_func: Callable[[Any], str] = str, check: Callable[[Any], bool] | None = None,
               reason: str = "", about_yours: Callable[[Any], str] | None = None, next_step: str = "",
               context: Any = "", show_me: bool = False, lo=None, hi=None, step=1, tolerance: float = 0,
               wait: str = "") -> bool:
    """Draw one checkpoint; True once its answer is revealed for this `context` (checked or "show me").

    `answer` is computed by the page (None: no answer for these settings, a note is shown instead); `check`
    decides whether a learner's answer is right (default: equal, numbers within `tolerance`, words ignoring
    case). `question`, `reason`, `next_step` and `about_yours(learner_answer)` (said after a wrong answer) are
    translated markdown with any user text already escaped; `format_func` gives a choice's plain text (escaped
    here) and must not read session state (AppTest calls it outside the run). `wait`: while `answer` is None,
    the learner may still choose (Check stays disabled) and `wait` says what makes the answer appear (e.g. "train
    the model first"); without it a None answer shows only a note.
    """
    assert kind in KINDS, kind
    key = "cp_" + cid.replace(".", "_")
    if answer is not None and revealed_to_class(cid) and answer_of(cid, context) is None:
        record_shown(cid, context)  # the teacher revealed it to the class
    asked, rec = _store()["asked"], answer_of(cid, context)
    if asked.get(cid) != repr(context):       # a new question: start from an empty answer
        st.session_state.pop(key, None)
        asked[cid] = repr(context)
    if key not in st.session_state and rec and rec["checked"]:
        st.session_state[key] = rec["answer"]  # back from another page: show what was checked
    # A fragment: choosing or typing an answer reruns only the box, not the page (a Check reruns the page once,
    # see _refresh_sidebar: the sidebar's counts, and what a page shows once its checkpoint is answered).
    st.fragment(_box)(cid, key, question, answer, kind, options, format_func, check, reason, about_yours,
                      next_step, context, show_me, lo, hi, step, tolerance, wait)
    under_checkpoint(cid, kind, options, format_func)  # the class's answers, on the teacher's page only
    return rec is not None
