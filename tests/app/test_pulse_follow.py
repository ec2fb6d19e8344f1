"""Class pulse, following the teacher: what one teacher move costs a following student's page (full runs of the
app), and that the teacher's parameters arrive on the same page in place."""
import pytest

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
