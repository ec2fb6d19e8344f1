"""Class pulse seats: a joined student's own URL carries a random seat (`seat=`), so a reload of that URL (a new
Streamlit session) is the same student: joined once, one answer per checkpoint. A bad seat is ignored (a fresh
one); the projector, the follow state and a student's share link never carry a seat."""
import json
import secrets

import pytest
from apptest import answer_checkpoint

from test_pulse import CP, join, start_class, store  # noqa: F401  -- `store` is a fixture
from ui.pulse_state import KEY

SEAT_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def seat_of(at) -> str:
    seat = at.query_params["seat"]
    assert len(seat) == 22 and set(seat) <= SEAT_CHARS and at.session_state[KEY]["seat"] == seat
    return seat


def test_a_reload_with_the_same_seat_is_the_same_student(store):  # noqa: F811
    teacher, code = start_class()
    first, other = join(code), join(code)
    seat = seat_of(first)
    assert seat != seat_of(other)                    # each joiner from the projected link gets a fresh seat
    answer_checkpoint(first, CP, "up")
    reloaded = join(code, seat=seat)                 # the same URL in a new session
    assert seat_of(reloaded) == seat
    assert store.joined(code) == 2
    answer_checkpoint(reloaded, CP, "down")          # the reloaded student changes their answer: it moves
    assert store.tally(code, CP).counts == {"down": 1} and store.tally(code, CP).answered == 1
    reloaded.run()                                   # the seat stays in the URL across runs and the follow
    assert reloaded.query_params["seat"] == seat and reloaded.query_params["class"] == code


def test_no_seat_reaches_the_projector_the_follow_state_or_a_share_link(store):  # noqa: F811
    teacher, code = start_class()
    student = join(code)
    seat = seat_of(student)
    teacher.query_params["seat"] = secrets.token_urlsafe(16)   # even a seat in the teacher's own URL stays there
    teacher.run()
    assert not teacher.exception, teacher.exception
    shown = [c.value for c in teacher.code] + [m.value for m in teacher.markdown]
    assert any(f"class={code}" in c for c in shown) and not any("seat" in c for c in shown)
    assert "seat" not in json.dumps(store.get_follow(code))
    links = [c.value for c in student.code if "class=" in c.value]  # the student's "share this view" link
    assert links and not any(seat in c or "seat=" in c for c in links)


@pytest.mark.parametrize("bad", ["x", "A" * 21, "A" * 23, "A" * 21 + "!", "<script>alert(1)</script>",
                                 "é" * 22, "A" * 500, ""])
def test_a_bad_seat_is_ignored_and_a_fresh_one_given(store, bad):  # noqa: F811
    teacher, code = start_class()
    students = [join(code, seat=bad), join(code, seat=bad)]
    seats = [seat_of(s) for s in students]
    assert bad not in seats and seats[0] != seats[1]
    assert store.joined(code) == 2
    for s in students:
        assert not s.exception and not s.warning and not s.error
