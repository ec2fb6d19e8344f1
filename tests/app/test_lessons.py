"""Lessons in the app (ui/lesson_bar.py): a lesson link opens every step of both shipped lessons in its prepared
state (the page's widgets hold the step's values, hidden and locked controls hidden and disabled), in both
languages, pressing "next" only; the shipped lessons pass the pages' own URL checks; broken or hostile lesson links
show a message in the reader's language and the page still works."""
import base64
import json
import zlib
from pathlib import Path

import pytest
from apptest import APP, assert_message_in, hidden_selectors, open_page, widgets
from streamlit.testing.v1 import AppTest

from lessons.format import LESSON_PAGES, from_dict, to_dict
from lessons.link import encode, from_toml
from ui import share
from ui.i18n import t
from ui.lesson_load import check_param, checkpoint_ids, load, shipped_names
from ui.nav import PAGES
from ui.state import ALL_NAME, PageState
from ui.words import md_escape

LANGS = ("en", "zh")
FILES = {p.key: p.file for p in PAGES}
# A checkpoint that only shows once the class has acted: the buttons the prompt asks them to press.
REVEAL = {"p6.moved": ("p6_next", "p6_next"), "p3.inputs": ("cp_p3_analogy_show",)}


def lesson_app(lang: str, **query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(lang=lang, **query)
    at.run()
    assert not at.exception, at.exception
    return at


def node_value(at, key: str):
    """The value a keyed widget shows (None when the page did not draw it)."""
    todo = [at.main, at.sidebar]
    while todo:
        node = todo.pop()
        todo.extend(getattr(node, "children", {}).values())
        if getattr(node, "key", None) == key and hasattr(node, "value"):
            return node.value
    return None


def on_page(at, page: str, lang: str) -> bool:
    """The page that ran is `page`: its controls are drawn and the bar does not say the step is elsewhere."""
    elsewhere = t("lessons.elsewhere", lang=lang, page="").split("“")[0]
    return bool(set(PageState.declared[page].controls.values()) & set(widgets(at))) and \
        not any(i.value.startswith(elsewhere) for i in at.info)


def check_step(at, lesson, k: int, lang: str) -> None:
    """Step k of `lesson` is on screen as prepared: its page, its values, its hide/lock lists, its prompt."""
    step = lesson.steps[k - 1]
    state = PageState.declared[step.page]
    assert on_page(at, step.page, lang), (k, step.page)
    assert at.query_params["step"] == str(k)
    head = t("lessons.bar_head", lang=lang, title=md_escape(lesson.title_in(lang)), k=k, n=len(lesson.steps))
    assert head in [c.value for c in at.caption]
    assert md_escape(step.prompt_in(lang)) in [m.value for m in at.markdown]
    for name, raw in step.params.items():
        if name in ("hide", "lock"):
            continue
        s = next(s for s in state.settings.values() if s.url == name)
        assert at.session_state[s.key] == s.cast(raw), (k, name)
        shown = node_value(at, s.key)
        assert shown is None or shown == s.cast(raw) or str(shown) == raw, (k, name, shown)
    hide = [n for n in step.params.get("hide", "").split(",") if n]
    keys = list(state.controls.values()) if ALL_NAME in hide else []
    for name in hide:
        keys += [state.controls[name]] if name in state.controls else list(state.sections.get(name, ()))
    assert hidden_selectors(at) == ({share._selector(key) for key in keys} if keys else set()), k
    lock = [n for n in step.params.get("lock", "").split(",") if n]
    locked = set(state.controls.values()) if ALL_NAME in lock else {state.controls[n] for n in lock}
    drawn = widgets(at)
    assert all(drawn[key] for key in locked if key in drawn), (k, lock)
    assert any(key in drawn for key in locked) or not locked, (k, "no locked control is on the page")
    if step.checkpoint:
        for button in REVEAL.get(step.checkpoint, ()):
            if button in widgets(at):
                at.button(key=button).click().run()
        box = "cp_" + step.checkpoint.replace(".", "_")
        assert any(key.startswith(box) for key in widgets(at)), (k, step.checkpoint)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["intro", "sgns-step"])
def test_a_lesson_link_opens_every_step_in_its_state(name, lang):
    assert name in shipped_names()
    at = lesson_app(lang, lesson=name, step="1")
    lesson = load({"lesson": name})
    for k in range(1, len(lesson.steps) + 1):
        check_step(at, lesson, k, lang)
        keys = {b.key for b in at.button}
        assert ("lesson_prev" in keys) == (k > 1) and ("lesson_next" in keys) == (k < len(lesson.steps))
        if k < len(lesson.steps):
            assert at.button(key="lesson_next").label == t("lessons.next", lang=lang, k=k + 1)
            at.button(key="lesson_next").click().run()
            assert not at.exception, at.exception


def test_shipped_lessons_pass_the_pages_own_checks():
    for page in LESSON_PAGES:
        if page not in PageState.declared:
            open_page(FILES[page])
    assert check_param("p5", "window", "9") == "bad_value"  # the checks are real: p5's window is 1..5
    assert check_param("p5", "colour", "red") == "unknown_param"
    assert check_param("p5", "hide", "steps,nonsense") == "bad_names"
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]  # the README's example lesson is a valid one
    assert from_toml(example, check_param, checkpoint_ids()).steps[0].checkpoint == "p6.highest"
    for name in shipped_names():
        lesson = load({"lesson": name})  # raises LessonError on any problem
        assert all(s.prompt.keys() == {"en", "zh"} for s in lesson.steps) and lesson.title.keys() == {"en", "zh"}
        assert all(s.checkpoint in checkpoint_ids().get(s.page, ()) for s in lesson.steps if s.checkpoint)


def test_the_bar_survives_a_page_change_and_leaving_ends_it():
    at = lesson_app("en", lesson="sgns-step", step="2")
    at.switch_page("pages/p8_projector.py").run()
    assert not at.exception, at.exception
    assert at.query_params["lesson"] == "sgns-step" and at.query_params["step"] == "2"
    assert any(t("lessons.elsewhere", lang="en", page=t("nav.p6", lang="en")) in i.value for i in at.info)
    at.button(key="lesson_back").click().run()
    assert on_page(at, "p6", "en")
    at.button(key="lesson_leave").click().run()
    assert not at.exception and "lesson" not in at.query_params and "step" not in at.query_params
    assert not any(b.key and b.key.startswith("lesson_") for b in at.button)


def test_the_steps_settings_win_over_the_session():
    at = lesson_app("en", lesson="intro", step="9")  # p5, window 2, the window slider free to move
    at.slider(key="p5_window").set_value(5).run()
    assert at.session_state["p5_window"] == 5  # the class played with it...
    at.button(key="lesson_next").click().run()  # ...and step 10 (p5 again) brings the prepared window back
    assert at.session_state["p5_window"] == 2 and at.slider(key="p5_window").value == 2
    assert at.radio(key="p5_mode").value == "cbow" and at.radio(key="p5_mode").disabled


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query, key", [
    ({"lesson": "nope"}, "lessons.unknown"),
    ({"lesson": "../../etc/passwd"}, "lessons.unknown"),
    ({"lesson": "intro", "step": "0"}, "lessons.bad_step"),
    ({"lesson": "intro", "step": "99"}, "lessons.bad_step"),
    ({"lesson": "intro", "step": "<b>1</b>"}, "lessons.bad_step"),
    ({"lesson_data": "eNq"}, "lessons.broken"),
    ({"lesson_data": "x" * 7000}, "lessons.broken"),
])
def test_a_broken_lesson_link_shows_a_message(query, key, lang):
    at = lesson_app(lang, **query)
    text = assert_message_in(at, lang)
    assert t(key, lang=lang).split("{")[0].split("“")[0] in text
    assert at.title[0].value == t("home.title", lang=lang)  # the page below still works
    if key == "lessons.bad_step":
        # AppTest does not rerun the script after a run that ended on the default page (home), so go to p2 first.
        at.switch_page(FILES["p2"]).run()
        at.button(key="lesson_start").click().run()
        assert at.query_params["step"] == "1" and on_page(at, "p1", lang)


def test_a_truncated_shipped_lesson_link_lists_the_problem():
    data = encode(load({"lesson": "intro"}))
    at = lesson_app("en", lesson_data=data[: len(data) // 2])
    assert t("lessons.problem_bad_link", lang="en") in assert_message_in(at, "en")


def test_a_link_the_pages_refuse_lists_every_problem():
    open_page(FILES["p5"])  # p5's rules declared in this process
    raw = {"title": {"en": "t"}, "steps": [{"page": "p5", "params": {"window": "9", "colour": "red"},
                                            "prompt": {"en": "x"}}, {"page": "p9", "prompt": {"en": "y"}}]}
    data = base64.urlsafe_b64encode(zlib.compress(json.dumps(raw).encode())).decode().rstrip("=")  # a hand-made link
    text = assert_message_in(lesson_app("en", lesson_data=data), "en")
    for code in ("bad_value", "unknown_param", "unknown_page"):
        assert t(f"lessons.problem_{code}", lang="en") in text


def test_prompts_are_shown_as_plain_text():
    hostile = '<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) $x$ :red[x]'
    lesson = from_dict({"title": {"en": "<script>alert(1)</script>"},
                        "steps": [{"page": "p1", "prompt": {"en": hostile}}]})
    at = lesson_app("en", lesson_data=encode(lesson))
    assert not at.exception
    assert md_escape(hostile) in [m.value for m in at.markdown]
    assert any(md_escape("<script>alert(1)</script>") in c.value for c in at.caption)
    assert not any("<script>" in h.value or "onerror" in h.value for h in at.html)
    assert to_dict(lesson)["steps"][0]["prompt"]["en"] == hostile  # kept as typed; escaped only when shown
