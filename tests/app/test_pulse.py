"""Class pulse in AppTest: a teacher starts a class in presenter view, student sessions join with the link and
answer, the teacher's tally counts them, a reveal and the end reach the students; a student cannot act as the
teacher. Each AppTest is its own session; they share one store in a temporary W2V_DATA_DIR."""
import json

import pytest
from streamlit.testing.v1 import AppTest
from apptest import APP, answer_checkpoint, assert_message_in, open_page, verdicts

from classroom import ClassError, Reason
from ui.i18n import t
from ui.pulse import qr_png
from ui.pulse_state import KEY

P1, P3 = "pages/p1_personality.py", "pages/p3_analogies.py"
CP = "p1.stretch"
OPTIONS = ("up", "same", "down")  # p1.stretch's choices, in the order the checkpoint draws them


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("W2V_DATA_DIR", str(tmp_path))
    from ui.pulse_state import store as open_store
    return open_store()


def start_class(lang="en", page=P1):
    teacher = open_page(page, lang=lang, present=1)
    teacher.button(key="pulse_start").click().run()
    assert not teacher.exception, teacher.exception
    return teacher, teacher.session_state[KEY]["code"]


def join(code, lang="en", **query):
    """A new student session opening the join link (the app's first run, as a browser does it)."""
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in {"lang": lang, "class": code, **query}.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def tally_bars(at) -> dict[str, int]:
    (spec,) = [json.loads(c.proto.spec) for c in at.get("plotly_chart") if f"pulse_chart_{CP}" in c.proto.id]
    return dict(zip(spec["data"][0]["x"], spec["data"][0]["y"]))


def labels(lang):
    return {k: t(f"checkpoint.p1_stretch_{k}", lang=lang) for k in OPTIONS}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_students_answer_and_the_teacher_sees_the_tally_then_the_reveal(store, lang):
    teacher, code = start_class(lang)
    join_box = [e for e in teacher.get("expander") if e.proto.label == t("pulse.join_title", lang=lang, code=code)]
    assert join_box and any(f"class={code}" in c.value for c in teacher.code)
    assert [m.value for m in teacher.metric if m.label == t("pulse.code_label", lang=lang)] == [code]
    assert qr_png(f"class={code}")[:8] == b"\x89PNG\r\n\x1a\n"
    s1, s2, s3 = join(code, lang), join(code, lang), join(code, lang)
    for s in (s1, s2, s3):      # following the teacher: moved from home to the teacher's page
        assert s.session_state[KEY]["role"] == "student" and s.radio(key="cp_p1_stretch")
        assert not [b for b in s.button if b.key and b.key.startswith(("pulse_reveal", "pulse_end"))]
    teacher.run()
    assert t("pulse.joined", lang=lang, n=3) in [c.value for c in teacher.caption]
    answer_checkpoint(s1, CP, "down")
    answer_checkpoint(s2, CP, "same")
    answer_checkpoint(s2, CP, "down")   # a changed answer moves its count
    teacher.run()
    lab = labels(lang)
    assert tally_bars(teacher) == {lab["up"]: 0, lab["same"]: 0, lab["down"]: 2}
    assert t("pulse.answered", lang=lang, answered=2, joined=3) in [m.value for m in teacher.markdown]
    assert store.tally(code, CP).counts == {"down": 2}
    teacher.button(key=f"pulse_reveal_{CP}").click().run()
    assert store.get_follow(code)["revealed"] == [CP]
    s3.run()                    # its poll sees the reveal: the answer shows without an answer of its own
    assert t("checkpoint.shown", lang=lang, answer=lab["down"]) in verdicts(s3, lang)
    assert store.tally(code, CP).answered == 2


def test_a_student_cannot_act_as_the_teacher(store):
    teacher, code = start_class()
    student = join(code)
    assert not any(c.proto.id and "pulse_chart" in c.proto.id for c in student.get("plotly_chart"))
    keys = {w.key for kind in ("button", "download_button") for w in getattr(student, kind, [])}
    assert not {k for k in keys if k and k.startswith(("pulse_reveal", "pulse_end", "pulse_teacher"))}
    assert student.session_state[KEY]["key"] is None  # a student session holds no key
    # A forged teacher link (the right shape, the wrong key): refused, no teacher controls, the class lives on.
    forged = join(code, teach="A" * 43)
    assert t("pulse.error.forbidden") in [w.value for w in forged.warning]
    assert KEY not in forged.session_state or forged.session_state[KEY]["role"] != "teacher"
    assert not any(b.key == f"pulse_reveal_{CP}" for b in forged.button)
    for call in (lambda: store.reveal(code, "A" * 43, CP), lambda: store.end(code, "A" * 43)):
        with pytest.raises(ClassError) as err:
            call()
        assert err.value.reason == Reason.FORBIDDEN
    assert store.is_teacher(code, teacher.session_state[KEY]["key"]) and store.get_follow(code).get("page") == "p1"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("raw", ["x", "ABCDE1", "QQQQQQ", "<script>alert(1)</script>", "A" * 500, "ended"])
def test_bad_unknown_and_ended_codes_give_a_message(store, lang, raw):
    if raw == "ended":
        raw, key = store.create_class()
        store.end(raw, key)
    at = join(raw, lang)
    assert_message_in(at, lang, kinds=("warning", "info"))
    assert KEY not in at.session_state and "class" not in at.query_params


def test_the_teacher_link_restores_the_teacher_and_leaves_the_url(store):
    teacher, code = start_class()
    (link,) = [b for b in teacher.get("download_button") if b.proto.id and "pulse_teacher_link" in b.proto.id]
    key = teacher.session_state[KEY]["key"]
    again = join(code, teach=key)
    assert again.session_state[KEY]["role"] == "teacher" and link.proto.label == t("pulse.teacher_link")
    assert "teach" not in again.query_params and "class" not in again.query_params
    assert key not in json.dumps([m.value for m in again.markdown] + [c.value for c in again.code])


def test_following_moves_a_student_and_off_leaves_their_settings(store):
    teacher, code = start_class()
    follower, loner = join(code), join(code)
    loner.toggle(key="pulse_following").set_value(False).run()
    loner.select_slider(key="p1_scale").set_value(3.0).run()
    teacher.select_slider(key="p1_scale").set_value(-1.0).run()
    follower.run(), loner.run()
    assert follower.select_slider(key="p1_scale").value == -1.0      # the teacher's setting
    assert loner.select_slider(key="p1_scale").value == 3.0          # its own, untouched
    teacher.switch_page(P3).run()
    follower.run(), loner.run()
    assert follower.session_state[KEY]["follow"]["page"] == "p3" and follower.text_input(key="p3_positive")
    assert loner.select_slider(key="p1_scale").value == 3.0          # still on p1, as it was


def test_ending_the_class_deletes_it_and_tells_the_students(store):
    teacher, code = start_class()
    student = join(code)
    answer_checkpoint(student, CP, "up")
    teacher.button(key="pulse_end").click().run()
    assert KEY not in teacher.session_state
    with pytest.raises(ClassError) as err:
        store.tally(code, CP)
    assert err.value.reason == Reason.ENDED
    student.run()
    assert t("pulse.error.ended") in [i.value for i in student.info]
    assert KEY not in student.session_state and "class" not in student.query_params


def test_students_follow_the_teacher_through_a_lesson(store):
    """Generic following (page + parameters) carries a lesson's `lesson` and `step`: the lesson bar does the rest."""
    teacher = AppTest.from_file(APP, default_timeout=60)
    teacher.query_params.update(lang="en", present="1", lesson="intro", step="1")
    teacher.run()
    teacher.button(key="pulse_start").click().run()
    assert not teacher.exception, teacher.exception
    student = join(teacher.session_state[KEY]["code"])
    assert student.query_params["lesson"] == "intro" and student.query_params["step"] == "1"
    teacher.button(key="lesson_next").click().run()
    student.run()
    assert not student.exception, student.exception
    assert student.query_params["step"] == "2" and student.session_state["_lesson_step"] == 2
    assert "present" not in student.query_params  # the teacher's presenter view stays the teacher's


def test_typed_answers_reach_the_teachers_chart_escaped(store):
    """A word checkpoint's answers are the students' own text: HTML is escaped in the chart, markdown in its
    text alternative, and the store keeps them as typed (lowercased by the checkpoint)."""
    teacher, code = start_class(page=P3)
    evil, queen = join(code), join(code)
    answer_checkpoint(evil, "p3.analogy", "<b>Queen</b>")
    answer_checkpoint(queen, "p3.analogy", "queen")
    teacher.run()
    assert store.tally(code, "p3.analogy").counts == {"<b>queen</b>": 1, "queen": 1}
    (spec,) = [json.loads(c.proto.spec) for c in teacher.get("plotly_chart") if "pulse_chart_p3.analogy" in c.proto.id]
    assert sorted(spec["data"][0]["x"]) == ["&lt;b&gt;queen&lt;/b&gt;", "queen"]
    captions = [c.value for c in teacher.caption if "queen" in c.value]
    assert any("\\<b\\>queen\\<" in c for c in captions) and not any("<b>" in c for c in captions)
