"""The lesson format: a title and ordered steps (page, link parameters, prompt, checkpoint), checked strictly.

A lesson comes as a dict (from a TOML file in assets/lessons/ or from a lesson link, see lessons/link.py) and
`from_dict` turns it into a `Lesson` or raises `LessonError` listing every problem at once, never a traceback.
The page-specific checks (does p5 have a parameter `window`, is 9 a window it accepts?) are passed in as `check`,
so this module needs no Streamlit: ui/lesson_bar.py passes the pages' own URL checks (ui/state.py).

    title.en = "One SGNS step"            # a title and a prompt in en and/or zh (the other falls back to it)
    title.zh = "一步 SGNS"
    [[steps]]
    page = "p5"                          # a page key of ui/nav.py (p1 ... p8)
    params = { window = "2", hide = "steps", lock = "mode" }   # what a shared link of that page carries
    prompt.en = "How many pairs ...?"
    prompt.zh = "……能产生多少个词对？"
    checkpoint = "p5.pairs"              # optional: a checkpoint of that page (ui/questions*.py)
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from ui.nav import PAGES  # the page registry is plain Python (no Streamlit)

LANGS = ("en", "zh")
LESSON_PAGES = tuple(p.key for p in PAGES if p.group in ("group_article", "group_lab"))  # pages with a PageState
RESERVED = ("lang", "present", "lesson", "lesson_data", "step")  # the frame's parameters, not a page's
MAX_STEPS = 20
MAX_TITLE = 120       # characters per language
MAX_PROMPT = 600      # characters per language: a prompt is read aloud in class, not an essay
MAX_PARAMS = 40       # parameters per step (p7 has ~25)
MAX_VALUE = 2000      # characters of one parameter value (p8's colour groups are the longest)
MAX_NAME = 40
LESSON_KEYS = ("title", "steps")
STEP_KEYS = ("page", "params", "prompt", "checkpoint")

# A page's check: (page, parameter name, value text) -> None when the page accepts it, else a problem code.
Check = Callable[[str, str, str], "str | None"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a lesson: a code (translated by the app), where it is, and the offending detail."""
    code: str
    where: str = ""   # "title", "step 3", "step 3 · window" (the app shows it as it is)
    detail: str = ""  # user text: the app escapes it before showing

    def __str__(self) -> str:
        return " · ".join(x for x in (self.where, self.code, self.detail[:80]) if x)


class LessonError(ValueError):
    """A lesson that cannot be used; `problems` says everything that is wrong."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(map(str, problems)))


@dataclass(frozen=True)
class Step:
    page: str
    params: dict[str, str] = field(default_factory=dict)   # URL name -> URL text, as a shared link has them
    prompt: dict[str, str] = field(default_factory=dict)   # lang -> text (at least one language)
    checkpoint: str = ""

    def prompt_in(self, lang: str) -> str:
        return _in(self.prompt, lang)


@dataclass(frozen=True)
class Lesson:
    title: dict[str, str]
    steps: tuple[Step, ...]

    def title_in(self, lang: str) -> str:
        return _in(self.title, lang)


def _in(texts: Mapping[str, str], lang: str) -> str:
    """The text in `lang`, else in the other language (a teacher may write one language only)."""
    return texts.get(lang) or next((texts[k] for k in LANGS if texts.get(k)), "")


def _text(value: Any, where: str, limit: int, out: list[Problem]) -> str | None:
    """A plain text field: a string, not too long, no control characters but line breaks."""
    if not isinstance(value, str):
        out.append(Problem("wrong_type", where, type(value).__name__))
        return None
    value = value.strip()
    if len(value) > limit:
        out.append(Problem("too_long", where, f"{len(value)} > {limit}"))
        return None
    if any(ord(c) < 32 and c not in "\n\t" or 127 <= ord(c) < 160 for c in value):
        out.append(Problem("control_chars", where))
        return None
    return value


def _texts(value: Any, where: str, limit: int, out: list[Problem]) -> dict[str, str]:
    """A {en, zh} table; at least one language must say something."""
    if not isinstance(value, dict):
        out.append(Problem("missing" if value is None else "wrong_type", where))
        return {}
    texts = {}
    for lang, text in value.items():
        if lang not in LANGS:
            out.append(Problem("unknown_key", where, str(lang)[:MAX_NAME]))
        elif (clean := _text(text, f"{where}.{lang}", limit, out)) is not None and clean:
            texts[lang] = clean
    if not texts and not any(p.where.startswith(where) for p in out):
        out.append(Problem("empty_text", where))
    return texts


def _param_text(value: Any) -> str | None:
    """A parameter value as URL text: strings as they are; numbers and switches written like a link writes them."""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return f"{value:g}"
    return value if isinstance(value, str) else None


def _params(page: str, value: Any, where: str, check: Check | None, out: list[Problem]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        out.append(Problem("wrong_type", where + " · params"))
        return {}
    if len(value) > MAX_PARAMS:
        out.append(Problem("too_many_params", where, f"{len(value)} > {MAX_PARAMS}"))
        return {}
    params = {}
    for name, raw in value.items():
        here = f"{where} · {str(name)[:MAX_NAME]}"
        text = _param_text(raw)
        if not isinstance(name, str) or not name or len(name) > MAX_NAME:
            out.append(Problem("unknown_param", where, str(name)[:MAX_NAME]))
        elif name in RESERVED:
            out.append(Problem("reserved_param", here))
        elif text is None:
            out.append(Problem("wrong_type", here, type(raw).__name__))
        elif (clean := _text(text, here, MAX_VALUE, out)) is not None:
            code = check(page, name, clean) if check else None
            if code:
                out.append(Problem(code, here, clean))
            else:
                params[name] = clean
    return params


def _step(i: int, raw: Any, check: Check | None, checkpoints: Mapping[str, set] | None,
          out: list[Problem]) -> Step | None:
    where = f"step {i}"
    if not isinstance(raw, dict):
        out.append(Problem("wrong_type", where))
        return None
    out += [Problem("unknown_key", where, str(k)[:MAX_NAME]) for k in raw if k not in STEP_KEYS]
    page = raw.get("page")
    if page not in LESSON_PAGES:
        out.append(Problem("unknown_page", where, str(page)[:MAX_NAME]))
        return None
    params = _params(page, raw.get("params"), where, check, out)
    prompt = _texts(raw.get("prompt"), f"{where} · prompt", MAX_PROMPT, out)
    cp = raw.get("checkpoint", "")
    if cp != "" and (not isinstance(cp, str) or not cp.startswith(f"{page}.")
                     or (checkpoints is not None and cp not in checkpoints.get(page, ()))):
        out.append(Problem("unknown_checkpoint", where, str(cp)[:MAX_NAME]))
    elif cp and "checkpoints" in params.get("hide", "").split(","):
        out.append(Problem("checkpoint_hidden", where, cp))
    return Step(page, params, prompt, cp)


def from_dict(data: Any, check: Check | None = None, checkpoints: Mapping[str, set] | None = None) -> Lesson:
    """A checked lesson, or LessonError with every problem found. `check` judges each parameter value for its page,
    `checkpoints` lists each page's checkpoint ids (None: only the page prefix is checked)."""
    out: list[Problem] = []
    if not isinstance(data, dict):
        raise LessonError([Problem("wrong_type", "lesson")])
    out += [Problem("unknown_key", "lesson", str(k)[:MAX_NAME]) for k in data if k not in LESSON_KEYS]
    title = _texts(data.get("title"), "title", MAX_TITLE, out)
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        out.append(Problem("no_steps", "steps"))
        raw_steps = []
    elif len(raw_steps) > MAX_STEPS:
        out.append(Problem("too_many_steps", "steps", f"{len(raw_steps)} > {MAX_STEPS}"))
        raw_steps = []
    steps = [_step(i, raw, check, checkpoints, out) for i, raw in enumerate(raw_steps, start=1)]
    if out:
        raise LessonError(out)
    return Lesson(title, tuple(steps))


def to_dict(lesson: Lesson) -> dict:
    """The plain form `from_dict` reads (for TOML files and lesson links): empty parts left out."""
    steps = []
    for s in lesson.steps:
        raw = {"page": s.page, "params": dict(s.params), "prompt": dict(s.prompt)}
        if s.checkpoint:
            raw["checkpoint"] = s.checkpoint
        steps.append(raw)
    return {"title": dict(lesson.title), "steps": steps}
