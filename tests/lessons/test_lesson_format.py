"""The lesson format (lessons/): round trips through TOML and the link form, strict checks that list every problem,
and hostile input (truncated or padded links, zip bombs, wrong types) that only ever gives a LessonError."""
import base64
import json
import zlib

import pytest

from lessons import format as fmt
from lessons.format import Lesson, LessonError, Step, from_dict, to_dict
from lessons.link import MAX_JSON, MAX_LINK, decode, encode, from_toml, to_toml

GOOD = {"title": {"en": "A lesson", "zh": "一课"},
        "steps": [{"page": "p5", "params": {"window": "3", "hide": "steps"},
                   "prompt": {"en": 'Say "why"?\nThen [look](x) <b>here</b>', "zh": "为什么？"},
                   "checkpoint": "p5.pairs"},
                  {"page": "p6", "params": {}, "prompt": {"zh": "只有中文"}}]}


def fake_check(page, name, value):
    """A page schema in miniature: p5 knows window 1..5 and hide/lock; other pages know nothing but hide/lock."""
    if name in ("hide", "lock"):
        return None
    if (page, name) != ("p5", "window"):
        return "unknown_param"
    return None if value.isdigit() and 1 <= int(value) <= 5 else "bad_value"


def codes(err: LessonError) -> list[str]:
    return [p.code for p in err.problems]


def problems_of(data, **kw) -> list[str]:
    with pytest.raises(LessonError) as err:
        from_dict(data, fake_check, **kw)
    return codes(err.value)


def test_round_trip_through_toml_and_link():
    lesson = from_dict(GOOD, fake_check, {"p5": {"p5.pairs"}})
    assert lesson.steps[0].params == {"window": "3", "hide": "steps"}
    assert to_dict(lesson) == GOOD
    assert from_toml(to_toml(lesson), fake_check) == lesson
    assert decode(encode(lesson), fake_check) == lesson
    assert encode(lesson).isascii() and "=" not in encode(lesson)


def test_text_falls_back_to_the_other_language():
    lesson = from_dict(GOOD)
    assert lesson.steps[1].prompt_in("en") == "只有中文"
    assert lesson.steps[0].prompt_in("zh") == "为什么？"
    assert lesson.title_in("en") == "A lesson"


def test_numbers_and_switches_become_link_text():
    data = json.loads(json.dumps(GOOD))
    data["steps"][0]["params"] = {"window": 4, "shrink": True, "alpha": 0.25}
    assert from_dict(data).steps[0].params == {"window": "4", "shrink": "1", "alpha": "0.25"}


def test_every_problem_is_listed_at_once():
    bad = {"title": {"fr": "Leçon"}, "extra": 1,
           "steps": [{"page": "p9", "prompt": {"en": "x"}},
                     {"page": "p5", "params": {"window": "9", "colour": "red", "lang": "zh"}, "prompt": {"en": "x"}},
                     {"page": "p5", "prompt": {"en": "x" * (fmt.MAX_PROMPT + 1)}, "checkpoint": "p6.highest"},
                     "not a table"]}
    found = problems_of(bad)
    for code in ("unknown_key", "unknown_page", "bad_value", "unknown_param", "reserved_param", "too_long",
                 "unknown_checkpoint", "wrong_type"):
        assert code in found, (code, found)
    assert len(found) >= 9


@pytest.mark.parametrize("data, code", [
    ([], "wrong_type"),
    ({"title": {"en": "t"}}, "no_steps"),
    ({"title": {"en": "t"}, "steps": []}, "no_steps"),
    ({"title": {"en": "t"}, "steps": [{"page": "p1", "prompt": {"en": "x"}}] * (fmt.MAX_STEPS + 1)}, "too_many_steps"),
    ({"title": "t", "steps": [{"page": "p1", "prompt": {"en": "x"}}]}, "wrong_type"),
    ({"title": {"en": "", "zh": " "}, "steps": [{"page": "p1", "prompt": {"en": "x"}}]}, "empty_text"),
    ({"title": {"en": "t\x00"}, "steps": [{"page": "p1", "prompt": {"en": "x"}}]}, "control_chars"),
    ({"title": {"en": "t"}, "steps": [{"page": "p1"}]}, "missing"),
    ({"title": {"en": "t"}, "steps": [{"page": ["p1"], "prompt": {"en": "x"}}]}, "unknown_page"),
    ({"title": {"en": "t"}, "steps": [{"page": "p5", "params": {"window": ["3"]}, "prompt": {"en": "x"}}]},
     "wrong_type"),
    ({"title": {"en": "t"}, "steps": [{"page": "p5", "params": {"window": float("nan")}, "prompt": {"en": "x"}}]},
     "wrong_type"),
    ({"title": {"en": "t"}, "steps": [{"page": "p5", "params": "window=3", "prompt": {"en": "x"}}]}, "wrong_type"),
    ({"title": {"en": "t"}, "steps": [{"page": "p5", "params": {f"k{i}": "1" for i in range(fmt.MAX_PARAMS + 1)},
                                       "prompt": {"en": "x"}}]}, "too_many_params"),
    ({"title": {"en": "t"}, "steps": [{"page": "p5", "params": {"hide": "checkpoints"}, "prompt": {"en": "x"},
                                       "checkpoint": "p5.pairs"}]}, "checkpoint_hidden"),
    ({"title": {"en": "t"}, "steps": [{"page": "p5", "prompt": {"en": "x"}, "checkpoint": "p5.nothing"}]},
     "unknown_checkpoint"),
])
def test_each_problem_has_its_code(data, code):
    assert code in problems_of(data, checkpoints={"p5": {"p5.pairs"}})


def packed(data: bytes) -> str:
    return base64.urlsafe_b64encode(zlib.compress(data)).decode().rstrip("=")


@pytest.mark.parametrize("text", [
    "", "!!!", "<script>", "eJ", encode(from_dict(GOOD))[:-6], encode(from_dict(GOOD)) + "AAAA",
    packed(b"not json"), packed(b"\xff\xfe"), packed(b"[" * 100_000),  # deep nesting: RecursionError, caught
    base64.urlsafe_b64encode(b"plain text, not zlib").decode(),
    packed(b" " * (MAX_JSON + 10)),  # a small link that unpacks past the limit (a zip bomb in miniature)
    "A" * (MAX_LINK + 1),
])
def test_hostile_links_give_a_lesson_error(text):
    with pytest.raises(LessonError) as err:
        decode(text, fake_check)
    assert set(codes(err.value)) <= {"bad_link", "link_too_long", "wrong_type"}


def test_hostile_json_is_checked_like_a_file():
    assert codes(pytest.raises(LessonError, decode, packed(b'{"title": 1, "steps": "x"}')).value) == [
        "wrong_type", "no_steps"]


@pytest.mark.parametrize("text", ["title = ", "[[steps]]\npage = 1\n[[steps]]\n", "x" * 70_000])
def test_bad_toml_gives_a_lesson_error(text):
    with pytest.raises(LessonError):
        from_toml(text)


def test_toml_writer_escapes_quotes_and_new_lines():
    lesson = Lesson({"en": 'He said "hi" \\ bye'}, (Step("p1", {"we ird": 'a"b'}, {"en": "line\nnext"}),))
    assert from_toml(to_toml(lesson)) == lesson
