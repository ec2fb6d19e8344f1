"""Class pulse, following the teacher: what one teacher move costs a following student's page (full runs of the
app), and that the teacher's parameters arrive on the same page in place."""
import pytest
from streamlit.testing.v1 import AppTest

from apptest import APP

import ui.present
from test_pulse import P3, join, start_class, store  # noqa: F401  -- `store` is a fixture
from ui.pulse_state import KEY


@pytest.fixture
def full_runs(monkeypatch) -> list[int]:
    """Counts the app's full runs: app.py calls ui/present.py's frame() once per run, whatever the page.
    Its length is the count; clear() it to start counting."""
    runs, frame = [], ui.present.frame

    def counted():
        runs.append(1)
        return frame()
    monkeypatch.setattr(ui.present, "frame", counted)
    return runs


def test_a_teacher_move_on_the_same_page_costs_one_full_run_in_place(store, full_runs):  # noqa: F811
    teacher, code = start_class()
    follower = join(code)
    teacher.select_slider(key="p1_scale").set_value(-1.0).run()
    full_runs.clear()
    follower.run()
    # AppTest runs the poll inside a full run (a browser runs it alone): this run, then the poll's one rerun.
    # Two reruns (the poll's, then a switch to the page it is on) made it 3.
    assert len(full_runs) == 2, len(full_runs)
    assert not follower.exception, follower.exception
    assert follower.select_slider(key="p1_scale").value == -1.0
    assert follower.query_params["scale"] == "-1"
    full_runs.clear()
    follower.run()   # nothing new: no rerun at all
    assert len(full_runs) == 1


def test_a_teacher_move_to_another_page_costs_one_full_run(store, full_runs):  # noqa: F811
    teacher, code = start_class()
    follower = join(code)
    teacher.switch_page(P3).run()
    full_runs.clear()
    follower.run()
    assert len(full_runs) == 2, len(full_runs)   # this run, then the poll's switch (3 with a rerun before it)
    assert not follower.exception, follower.exception
    assert follower.session_state[KEY]["follow"]["page"] == "p3" and follower.text_input(key="p3_positive")
    assert follower.query_params["class"] == code and follower.query_params["lang"] == "en"


def lesson_buttons(at) -> set[str]:
    return {b.key for b in at.button if b.key and b.key.startswith("lesson_")}


def test_following_through_a_lesson_and_out_of_it(store, full_runs):  # noqa: F811
    """Each step costs one run and brings the step's own hide/lock lists; when the teacher leaves the lesson the
    follower's lesson bar goes too (the session kept the lesson and drew the bar again from it)."""
    teacher = AppTest.from_file(APP, default_timeout=60)
    teacher.query_params.update(lang="en", present="1", lesson="intro", step="1")
    teacher.run()
    teacher.button(key="pulse_start").click().run()
    student = join(teacher.session_state[KEY]["code"])
    assert "lesson_leave" in lesson_buttons(student) and student.query_params["hide"] == "checkpoints,recap"
    teacher.button(key="lesson_next").click().run()
    full_runs.clear()
    student.run()
    assert len(full_runs) == 2, len(full_runs)   # this run and one more (3: the lesson bar opened the step again)
    assert student.query_params["step"] == "2" and student.session_state["_lesson_step"] == 2
    assert student.query_params["hide"] == "recap" and student.query_params["lock"].startswith("me_x")
    assert student.select_slider(key="p1_scale").value == 2.0 and student.number_input(key="p1_me_x").disabled
    teacher.button(key="lesson_leave").click().run()
    assert "lesson" not in teacher.query_params
    student.run()
    assert not student.exception, student.exception
    assert not lesson_buttons(student), lesson_buttons(student)
    assert "lesson" not in student.query_params and "_lesson_ref" not in student.session_state
    student.run()   # and it stays gone
    assert not lesson_buttons(student) and "step" not in student.query_params
