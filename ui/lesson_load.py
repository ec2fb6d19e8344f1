"""Where lessons come from (the shipped TOML files, lesson links) and how the pages' own URL rules check them.

A lesson's parameters are judged by the same Setting (cast, choices, range) that judges a shared link's, through
`ui.state.url_value`, so a lesson can never hand a page a value the page would refuse. Those rules are declared
by each page when it runs (`PageState.declared`); a page that has not run yet in this server process (a cold
start without `make run`'s warm-up) is checked by its own `restore()` when the step opens it, which falls back to
the default for anything it refuses, exactly as for a hand-made link.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lessons.format import Lesson, LessonError, Problem
from lessons.link import decode, from_toml
from ui.i18n import ASSETS, LANG_LABELS, t
from ui.state import PageState, url_value
from ui.words import md_escape

LESSON_DIR = ASSETS / "lessons"
NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")  # a shipped lesson's file stem; a URL `lesson=` is matched to it
CHECKPOINT_CALL = re.compile(r'checkpoint\(\s*"(p\d\.[a-z0-9_]+)"')


def shipped_names() -> list[str]:
    return sorted(p.stem for p in LESSON_DIR.glob("*.toml") if NAME.fullmatch(p.stem))


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)  # the sources do not change while the server runs: read them once, not on every rerun
def checkpoint_ids() -> dict[str, set[str]]:
    """Each page's checkpoint ids (shared: do not change the result). They are literals in the calls of ui/questions*.py (the one place that asks),
    read from there so that no second list can drift; tests/app/test_lessons.py checks each renders on its page."""
    ids: dict[str, set[str]] = {}
    for path in sorted(Path(__file__).parent.glob("questions*.py")):
        for cid in CHECKPOINT_CALL.findall(path.read_text(encoding="utf-8")):
            ids.setdefault(cid.partition(".")[0], set()).add(cid)
    return ids


def check_param(page: str, name: str, value: str) -> str | None:
    """None when page `page` accepts `name=value` in a link, else the problem code (lessons/format.py's Check)."""
    state = PageState.declared.get(page)
    if state is None:
        return None  # checked by the page itself when the step opens it (see the module docstring)
    if name in ("hide", "lock"):
        known = state.hide_names if name == "hide" else state.lock_names
        names = [n.strip() for n in value.split(",") if n.strip()]
        return None if names and all(n in known for n in names) else "bad_names"
    setting = next((s for s in state.settings.values() if s.url == name and s.key not in
                    (state.hide_key, state.lock_key)), None)
    if setting is None:
        return "unknown_param"
    try:
        url_value(value, setting.cast, setting.choices, setting.lo, setting.hi)
    except ValueError:
        return "bad_value"
    return None


def load(ref: dict[str, str]) -> Lesson:
    """The lesson a URL names: {"lesson": a shipped name} or {"lesson_data": a lesson link's text}."""
    if "lesson_data" in ref:
        return decode(ref["lesson_data"], check_param, checkpoint_ids())
    name = ref.get("lesson", "")
    if not NAME.fullmatch(name) or name not in shipped_names():  # never a path built from the URL
        raise LessonError([Problem("unknown_lesson", "lesson", name[:40])])
    return from_toml((LESSON_DIR / f"{name}.toml").read_text(encoding="utf-8"), check_param, checkpoint_ids())


def _where(where: str) -> str:
    """"step 3 · prompt.zh" in the reader's language (parameter names stay: they are the link's own names)."""
    where = re.sub(r"^step (\d+)", lambda m: t("lessons.where_step", k=m.group(1)), where)
    where = re.sub(r"\.(en|zh)$", lambda m: f" · {LANG_LABELS[m.group(1)]}", where)
    return re.sub(r"(?<![\w])(title|prompt|params|steps|lesson_data|lesson|file)(?![\w])",
                  lambda m: t(f"lessons.where_{m.group(1)}"), where)


def problem_text(p: Problem) -> str:
    """One problem as a translated markdown line; the lesson's own text in it escaped."""
    where = _where(p.where)
    what = t(f"lessons.problem_{p.code}")
    detail = " — " + md_escape(p.detail[:80]) if p.detail else ""
    return f"- {md_escape(where)}: {what}{detail}" if where else f"- {what}{detail}"


def error_text(err: LessonError, limit: int = 12) -> str:
    """The message for a lesson that cannot be used: a line per problem (the first `limit`)."""
    lines = [problem_text(p) for p in err.problems[:limit]]
    if len(err.problems) > limit:
        lines.append(f"- … (+{len(err.problems) - limit})")
    return "\n".join(lines)
