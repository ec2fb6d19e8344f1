"""The lesson a teacher is building, kept in this browser session: add a view as a step, reorder, delete, check.

A step is added from the "share this view" panel of any page (ui/share.py calls `add_button` with the parameters
of the link it shows, hide/lock included); the builder page (pages/lesson_builder.py) edits the title and prompts
and turns the draft into one lesson link and a TOML file. Nothing is stored on the server beyond the session.
"""
from __future__ import annotations

import streamlit as st

from lessons.format import MAX_STEPS, Lesson, from_dict
from ui.i18n import current_lang, t
from ui.lesson_load import check_param, checkpoint_ids

KEY = "_lesson_draft"  # {"title": {lang: text}, "steps": [{"id", "page", "params", "prompt", "checkpoint"}], "ids"}
BUILDER = "pages/lesson_builder.py"
LANGS = ("en", "zh")


def draft() -> dict:
    return st.session_state.setdefault(KEY, {"title": dict.fromkeys(LANGS, ""), "steps": [], "ids": 0})


def _new_step(page: str, params: dict, prompt: dict | None = None, checkpoint: str = "") -> dict:
    d = draft()
    d["ids"] += 1  # a step's widgets are keyed by this id, so its texts follow it when it moves
    return {"id": d["ids"], "page": page, "params": dict(params), "checkpoint": checkpoint,
            "prompt": {lang: (prompt or {}).get(lang, "") for lang in LANGS}}


def add_step(page: str, params: dict) -> None:
    """Callback: the view as it is now becomes the last step."""
    if len(draft()["steps"]) < MAX_STEPS:
        draft()["steps"].append(_new_step(page, params))


def move(i: int, delta: int) -> None:
    """Callback: step i one place up (-1) or down (+1)."""
    steps = draft()["steps"]
    if 0 <= i + delta < len(steps):
        steps[i], steps[i + delta] = steps[i + delta], steps[i]


def delete(i: int) -> None:
    del draft()["steps"][i]


def start_from(lesson: Lesson) -> None:
    """Callback: replace the draft by a copy of `lesson` (a shipped one, to adapt)."""
    st.session_state[KEY] = {"title": dict.fromkeys(LANGS, ""), "steps": [], "ids": draft()["ids"]}
    d = draft()
    d["title"].update(lesson.title)
    d["steps"] = [_new_step(s.page, s.params, s.prompt, s.checkpoint) for s in lesson.steps]
    for lang in LANGS:
        st.session_state[f"lb_title_{lang}"] = d["title"][lang]


def clear() -> None:
    st.session_state[KEY] = {"title": dict.fromkeys(LANGS, ""), "steps": [], "ids": draft()["ids"]}
    for lang in LANGS:
        st.session_state[f"lb_title_{lang}"] = ""


def as_lesson() -> Lesson:
    """The draft checked like any lesson (LessonError lists what is still missing or wrong)."""
    d = draft()
    steps = [{"page": s["page"], "params": s["params"], "prompt": s["prompt"],
              **({"checkpoint": s["checkpoint"]} if s["checkpoint"] else {})} for s in d["steps"]]
    return from_dict({"title": d["title"], "steps": steps}, check_param, checkpoint_ids())


def add_button(page: str, params: dict) -> None:
    """In the share panel: add this view (its link's parameters) to the lesson, and the way to the builder."""
    n = len(draft()["steps"])
    st.button(t("lessons.add_view"), key=f"share_{page}_add_lesson", icon="➕", on_click=add_step,
              args=(page, params), disabled=n >= MAX_STEPS)
    if n:
        st.page_link(BUILDER, label=t("lessons.open_builder", n=n), icon="🧩",
                     query_params={"lang": current_lang()})
