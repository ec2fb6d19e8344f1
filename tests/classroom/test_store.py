"""The class store's rules: counting, follow state, teacher-only actions, ending, expiry, limits and privacy."""
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from classroom import ClassError, Reason, SqliteClassStore, Tally, open_store
from classroom.base import CODE_ALPHABET, SEAT_BYTES, validate_seat

ROOT = Path(__file__).resolve().parents[2]
CP = "p3.analogy"


def rows_of(store, code):
    """How many rows each table holds for `code`, read straight from the file."""
    with sqlite3.connect(store.path) as con:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t} WHERE code = ?", (code,)).fetchone()[0]
                for t in ("classes", "students", "answers")}


def reason(call, *args):
    with pytest.raises(ClassError) as err:
        call(*args)
    return err.value.reason


def test_create_gives_a_short_code_and_a_long_key(make_store):
    store = make_store()
    (code, key), (code2, key2) = store.create_class(), store.create_class()
    assert len(code) == 6 and set(code) <= set(CODE_ALPHABET) and not set(code) & set("ILO01")
    assert len(key) >= 40 and code != code2 and key != key2
    assert store.is_teacher(code, key) and not store.is_teacher(code, key2)


def test_answers_are_counted_and_a_changed_answer_moves_its_count(make_store):
    store = make_store()
    code, _ = store.create_class()
    store.join(code, "s-watcher")                       # joined, never answers
    for sid, ans in [("s1", "queen"), ("s2", "queen"), ("s3", "king")]:
        store.answer(code, sid, CP, ans)
    assert store.tally(code, CP) == Tally(counts={"king": 1, "queen": 2}, joined=4, answered=3)
    assert store.joined(code) == 4
    store.answer(code, "s2", CP, "king")                # UPSERT: s2's vote moves, nobody is counted twice
    store.answer(code, "s2", CP, "king")
    assert store.tally(code, CP) == Tally(counts={"king": 2, "queen": 1}, joined=4, answered=3)
    store.answer(code, "s1", "p1.flip", "up")           # another checkpoint has its own tally
    assert store.tally(code, "p1.flip").counts == {"up": 1}
    assert store.tally(code, CP).counts == {"king": 2, "queen": 1}
    other, _ = store.create_class()                     # and another class its own students
    assert store.tally(other, CP) == Tally()


def test_lower_case_and_spaced_codes_are_the_same_class(make_store):
    store = make_store()
    code, _ = store.create_class()
    store.answer(f"  {code.lower()} ", "s1", CP, "queen")
    assert store.tally(code, CP).counts == {"queen": 1}


def test_an_answer_full_of_sql_is_stored_as_plain_text(make_store):
    store = make_store()
    code, _ = store.create_class()
    evil = "'); DROP TABLE answers; --"
    store.answer(code, "s1", CP, evil)
    assert store.tally(code, CP).counts == {evil: 1}


def test_follow_state_merges_reveals_and_is_read_by_students(make_store):
    store = make_store()
    code, key = store.create_class()
    assert store.get_follow(code) == {}
    store.set_follow(code, key, {"page": "p3", "step": 2})
    store.reveal(code, key, CP)
    store.reveal(code, key, CP)                         # twice: listed once
    store.set_follow(code, key, {"step": 3})            # a merge keeps page and revealed
    assert store.get_follow(code) == {"page": "p3", "step": 3, "revealed": [CP]}
    store.set_follow(code, key, {"params": {"pos": "king, woman", "lesson": "intro"}})
    store.set_follow(code, key, {"params": {"pos": "paris"}})   # params are replaced as a whole, not merged
    assert store.get_follow(code)["params"] == {"pos": "paris"}


@pytest.mark.parametrize("bad", [
    {"colour": "red"}, {"page": "../etc"}, {"page": "P3 <b>"}, {"step": True}, {"step": -1}, {"step": 10**6},
    {"step": "2"}, {"revealed": "p3.analogy"}, {"revealed": ["x;DROP"]}, {"revealed": [CP] * 101}, ["page"], None,
    {"params": "pos=king"}, {"params": {"Pos": "x"}}, {"params": {"pos": 3}}, {"params": {"pos": "a\nb"}},
    {"params": {"pos": "x" * 1501}}, {"params": {f"p{i}": "x" for i in range(31)}}, {"params": {"a b": "x"}}])
def test_follow_state_is_validated_on_write(make_store, bad):
    store = make_store()
    code, key = store.create_class()
    store.set_follow(code, key, {"page": "p1"})
    assert reason(store.set_follow, code, key, bad) == Reason.INVALID
    assert store.get_follow(code) == {"page": "p1"}


@pytest.mark.parametrize("as_teacher", [None, "", "s1", "' OR '1'='1", "x" * 10_000, "other class", "valid shape"])
def test_a_student_cannot_act_as_the_teacher(make_store, as_teacher):
    store = make_store()
    code, key = store.create_class()
    other_code, other_key = store.create_class()
    as_teacher = {"other class": other_key, "valid shape": key[::-1]}.get(as_teacher, as_teacher)
    store.answer(code, "s1", CP, "queen")
    store.set_follow(code, key, {"page": "p3"})
    expected = (Reason.FORBIDDEN,) if isinstance(as_teacher, str) and len(as_teacher) == len(key) else (
        Reason.INVALID,)
    assert reason(store.reveal, code, as_teacher, CP) in expected
    assert reason(store.set_follow, code, as_teacher, {"page": "p4"}) in expected
    assert reason(store.end, code, as_teacher) in expected
    assert not store.is_teacher(code, as_teacher)
    assert store.get_follow(code) == {"page": "p3"} and store.tally(code, CP).counts == {"queen": 1}
    assert store.is_teacher(other_code, other_key) and not store.is_teacher(other_code, key)


def test_end_deletes_every_row_of_the_class_and_no_other(make_store):
    store = make_store()
    code, key = store.create_class()
    keep, _ = store.create_class()
    for c in (code, keep):
        store.answer(c, "s1", CP, "queen")
        store.answer(c, "s2", "p1.flip", "up")
    store.end(code, key)
    assert rows_of(store, code) == {"classes": 0, "students": 0, "answers": 0}
    assert rows_of(store, keep) == {"classes": 1, "students": 2, "answers": 2}
    for call, args in [(store.join, ("s1",)), (store.answer, ("s1", CP, "king")), (store.tally, (CP,)),
                       (store.joined, ()), (store.get_follow, ()), (store.end, (key,))]:
        assert reason(call, code, *args) == Reason.ENDED
    assert reason(store.join, "ABCDEF" if code != "ABCDEF" else "ABCDEG", "s1") == Reason.UNKNOWN


def test_idle_classes_expire_after_the_ttl_and_activity_keeps_them(make_store, clock):
    store = make_store(ttl_s=3 * 3600)
    idle, _ = store.create_class()
    busy, _ = store.create_class()
    store.answer(idle, "s1", CP, "queen")
    clock.now += 2 * 3600
    store.answer(busy, "s1", CP, "queen")              # last activity 2 h after the start
    clock.now += 3600 + 1                               # idle: 3 h 1 s quiet; busy: 1 h 1 s
    assert reason(store.tally, idle, CP) == Reason.ENDED   # refused even before expire() runs
    assert store.expire() == 1
    assert rows_of(store, idle) == {"classes": 0, "students": 0, "answers": 0}
    assert store.tally(busy, CP).counts == {"queen": 1}
    clock.now += 3 * 3600 + 1
    assert store.expire(clock.now) == 1
    assert reason(store.join, idle, "s1") == Reason.UNKNOWN   # the "ended" note itself goes after another ttl


def test_caps_on_classes_and_students(make_store):
    store = make_store(max_classes=2, max_students=3)
    code, key = store.create_class()
    store.create_class()
    assert reason(store.create_class) == Reason.TOO_MANY_CLASSES
    for sid in ("s1", "s2", "s3"):
        store.join(code, sid)
    assert reason(store.join, code, "s4") == Reason.FULL
    assert reason(store.answer, code, "s4", CP, "queen") == Reason.FULL
    store.answer(code, "s3", CP, "queen")              # a joined student still answers
    store.join(code, "s1")                              # joining again is not a new seat
    assert store.tally(code, CP) == Tally(counts={"queen": 1}, joined=3, answered=1)
    store.end(code, key)
    store.create_class()                                # ending frees a class slot


def test_answers_are_rate_limited_per_session(make_store, clock):
    store = make_store(answers_per_window=3, window_s=10)
    code, _ = store.create_class()
    for ans in ("a", "b", "c"):
        store.answer(code, "s1", CP, ans)
    assert reason(store.answer, code, "s1", CP, "d") == Reason.RATE_LIMITED
    store.answer(code, "s2", CP, "a")                  # another student is not slowed down
    clock.now += 10
    store.answer(code, "s1", CP, "d")
    assert store.tally(code, CP).counts == {"a": 1, "d": 1}


def test_one_session_can_answer_only_so_many_checkpoints(make_store):
    store = make_store(max_checkpoints=3)
    code, _ = store.create_class()
    for cp in ("p1.a", "p1.b", "p1.c"):
        store.answer(code, "s1", cp, "x")
    assert reason(store.answer, code, "s1", "p1.d", "x") == Reason.RATE_LIMITED
    store.answer(code, "s1", "p1.a", "y")              # changing an answer is still fine
    store.answer(code, "s2", "p1.d", "x")
    assert store.tally(code, "p1.a").counts == {"y": 1} and store.tally(code, "p1.d").counts == {"x": 1}


NEAR_CODES = ["ABCDE0", "ABCDEI", "ABCDE"]                  # bad codes, though fine as session ids
HOSTILE = ["' OR 1=1 --", "ABCDEF'; DROP TABLE classes;--", "A" * 100_000, "ＡＢＣＤＥＦ", "ABC\x00EF", "", None,
           123, b"ABCDEF", ["ABCDEF"]]


@pytest.mark.parametrize("bad", HOSTILE + NEAR_CODES)
def test_hostile_codes_sessions_and_ids_are_refused_before_any_query(make_store, bad):
    store = make_store()
    code, key = store.create_class()
    calls = [(store.join, (bad, "s1")), (store.answer, (bad, "s1", CP, "a")), (store.tally, (bad, CP)),
             (store.get_follow, (bad,)), (store.reveal, (bad, key, CP)), (store.end, (bad, key)),
             (store.joined, (bad,))]
    if bad not in NEAR_CODES:
        calls += [(store.join, (code, bad)), (store.answer, (code, bad, CP, "a")),
                  (store.answer, (code, "s1", bad, "a")), (store.tally, (code, bad)), (store.reveal, (code, key, bad))]
    for call, args in calls:
        assert reason(call, *args) == Reason.INVALID, (call.__name__, args)
    assert rows_of(store, code)["classes"] == 1 and store.is_teacher(code, key)


def test_answers_too_long_or_with_control_characters_are_refused(make_store):
    store = make_store(max_answer_chars=80)
    code, _ = store.create_class()
    for bad in ("x" * 81, "   ", "a\nb", "a\x00b", 3, None):
        assert reason(store.answer, code, "s1", CP, bad) == Reason.INVALID
    store.answer(code, "s1", CP, "国王 " + "x" * 77)
    assert store.tally(code, CP).answered == 1


def test_the_file_holds_no_session_id_and_no_teacher_key(make_store):
    store = make_store()
    code, key = store.create_class()
    store.answer(code, "session-4f1c-visible", CP, "queen")
    err = pytest.raises(ClassError, store.end, code, key[::-1]).value
    assert key not in str(err) and key[::-1] not in str(err)
    raw = b"".join(p.read_bytes() for p in store.path.parent.glob(store.path.name + "*"))
    assert code.encode() in raw and b"queen" in raw          # the check can see what is stored...
    assert b"session-4f1c-visible" not in raw and key.encode() not in raw   # ...and these are not


def test_a_locked_or_broken_database_gives_a_typed_error(tmp_path):
    store = SqliteClassStore(tmp_path / "c.sqlite3", busy_timeout_s=0.1)
    code, _ = store.create_class()
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")                       # another writer holds the lock
    try:
        assert reason(store.answer, code, "s1", CP, "queen") == Reason.UNAVAILABLE
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    store.answer(code, "s1", CP, "queen")
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database" * 100)
    assert reason(SqliteClassStore, tmp_path / "junk.sqlite3") == Reason.UNAVAILABLE
    (tmp_path / "file").write_text("")
    assert reason(SqliteClassStore, tmp_path / "file" / "c.sqlite3") == Reason.UNAVAILABLE


def test_data_folder_comes_from_the_environment_and_is_made_on_first_use(tmp_path, monkeypatch):
    monkeypatch.setenv("W2V_DATA_DIR", str(tmp_path / "new" / "data"))
    store = open_store()
    assert store.path.parent == tmp_path / "new" / "data" and store.path.exists()


def test_classroom_imports_no_streamlit():
    code = ("import sys, classroom, classroom.base, classroom.sqlite_store\n"
            "bad = [m for m in sys.modules if m.split('.')[0] == 'streamlit']\nassert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_a_seat_is_one_student_however_often_it_joins_and_answers(make_store):
    """The app's students act with their seat (ui/pulse_state.py): a reloaded page joins and answers again."""
    store = make_store()
    code, _ = store.create_class()
    seat, other = secrets.token_urlsafe(SEAT_BYTES), secrets.token_urlsafe(SEAT_BYTES)
    for _ in range(3):
        store.join(code, seat)
    store.answer(code, seat, CP, "queen")
    store.answer(code, seat, CP, "king")
    store.answer(code, other, CP, "king")
    assert store.joined(code) == 2 and store.tally(code, CP).counts == {"king": 2}


@pytest.mark.parametrize("bad", [None, 7, "", "A" * 21, "A" * 23, "A" * 21 + "=", "A" * 21 + "/", "é" * 22])
def test_only_a_seat_of_the_right_shape_is_valid(bad):
    assert validate_seat(secrets.token_urlsafe(SEAT_BYTES))
    assert reason(validate_seat, bad) == Reason.INVALID
