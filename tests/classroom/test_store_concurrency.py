"""The class store under load: many threads and two processes writing at once lose nothing and count once."""
import collections
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from classroom import ClassError, Limits, Reason, SqliteClassStore

ROOT = Path(__file__).resolve().parents[2]
CHECKPOINTS = ("p1.flip", "p3.analogy")
CHOICES = ("up", "same", "down")
ROOMY = Limits(max_students=10_000, answers_per_window=1_000)


def plan(prefix: str, n: int) -> dict[tuple[str, str], str]:
    """Each student's final answer per checkpoint, spread unevenly over the choices so counts differ."""
    return {(f"{prefix}{i}", cp): CHOICES[(i * (j + 1)) % 3 if i % 4 else 0]
            for i in range(n) for j, cp in enumerate(CHECKPOINTS)}


def play(store, code, final: dict) -> None:
    """One student's turn: a first answer to each checkpoint, then a change to the planned final one."""
    for (sid, cp), ans in final.items():
        store.answer(code, sid, cp, CHOICES[(CHOICES.index(ans) + 1) % 3])
        store.answer(code, sid, cp, ans)


def expected(final: dict, cp: str) -> dict[str, int]:
    return dict(collections.Counter(a for (_, c), a in final.items() if c == cp))


def by_student(final: dict) -> list[dict]:
    groups = collections.defaultdict(dict)
    for (sid, cp), ans in final.items():
        groups[sid][(sid, cp)] = ans
    return list(groups.values())


def test_many_threads_answering_at_once_lose_no_answer(tmp_path):
    store = SqliteClassStore(tmp_path / "c.sqlite3", limits=ROOMY)
    code, _ = store.create_class()
    final = plan("t", 120)
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda answers: play(store, code, answers), by_student(final)))
    for cp in CHECKPOINTS:
        tally = store.tally(code, cp)
        assert tally.counts == expected(final, cp) and tally.joined == 120 and tally.answered == 120


SCRIPT = textwrap.dedent("""
    import sys
    from concurrent.futures import ThreadPoolExecutor
    from classroom import SqliteClassStore
    from tests.classroom.test_store_concurrency import ROOMY, by_student, plan, play
    path, code, prefix = sys.argv[1:4]
    store = SqliteClassStore(path, limits=ROOMY)
    sys.stdin.readline()                                  # start together
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda answers: play(store, code, answers), by_student(plan(prefix, 80))))
""")


def test_two_processes_answering_at_once_count_each_answer_once(tmp_path):
    path = tmp_path / "c.sqlite3"
    store = SqliteClassStore(path, limits=ROOMY)
    code, key = store.create_class()
    procs = [subprocess.Popen([sys.executable, "-c", SCRIPT, str(path), code, prefix], cwd=ROOT,
                              stdin=subprocess.PIPE, text=True) for prefix in ("a", "b")]
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.close()
    tallies = []
    while any(p.poll() is None for p in procs):           # the teacher's live tally reads all along
        tallies.append(store.tally(code, CHECKPOINTS[0]).answered)
    assert [p.wait(timeout=30) for p in procs] == [0, 0]
    final = {**plan("a", 80), **plan("b", 80)}
    for cp in CHECKPOINTS:
        tally = store.tally(code, cp)
        assert tally.counts == expected(final, cp) and tally.joined == 160 and tally.answered == 160
    assert tallies == sorted(tallies)                     # a reader never sees the count go back


def test_concurrent_creates_and_joins_respect_the_caps(tmp_path):
    store = SqliteClassStore(tmp_path / "c.sqlite3", limits=Limits(max_classes=20, max_students=30))

    def attempt(call, *args):
        try:
            call(*args)
            return "ok"
        except ClassError as err:
            return err.reason

    with ThreadPoolExecutor(max_workers=8) as pool:
        made = collections.Counter(pool.map(lambda _: attempt(store.create_class), range(40)))
    assert made == {"ok": 20, Reason.TOO_MANY_CLASSES: 20}
    store2 = SqliteClassStore(tmp_path / "d.sqlite3", limits=Limits(max_students=30))
    code, _ = store2.create_class()
    with ThreadPoolExecutor(max_workers=8) as pool:
        joined = collections.Counter(pool.map(lambda i: attempt(store2.join, code, f"s{i}"), range(50)))
    assert joined == {"ok": 30, Reason.FULL: 20} and store2.tally(code, "p1.flip").joined == 30
