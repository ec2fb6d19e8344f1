"""The ClassStore on SQLite: one file shared by every thread and every server replica on one host.

Each call opens its own connection (cheap, and safe with Streamlit's script threads and forked replicas) and runs
in one transaction; writes take the lock up front (BEGIN IMMEDIATE) so two writers queue on busy_timeout instead of
failing on a lock upgrade. WAL mode lets the teacher's tally read while students write.
"""
from __future__ import annotations

import hmac
import json
import os
import secrets
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from classroom.base import (CODE_ALPHABET, CODE_LENGTH, KEY_BYTES, ClassError, ClassStore, Limits, Reason, Tally,
                            key_hash, session_hash, validate_answer, validate_checkpoint, validate_code,
                            validate_follow, validate_key)

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1] / ".data"
DB_NAME = "classes.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS classes (code TEXT PRIMARY KEY, key_hash TEXT NOT NULL, created REAL NOT NULL,
    last_active REAL NOT NULL, follow TEXT NOT NULL DEFAULT '{}') WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS students (code TEXT NOT NULL, sid TEXT NOT NULL, joined REAL NOT NULL,
    rate_start REAL NOT NULL DEFAULT 0, rate_n INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (code, sid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS answers (code TEXT NOT NULL, checkpoint TEXT NOT NULL, sid TEXT NOT NULL,
    answer TEXT NOT NULL, at REAL NOT NULL, PRIMARY KEY (code, checkpoint, sid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS answers_by_session ON answers (code, sid);
CREATE TABLE IF NOT EXISTS ended (code TEXT PRIMARY KEY, at REAL NOT NULL) WITHOUT ROWID;
"""


@contextmanager
def _unavailable_on_error():
    """The database's own failures (locked past busy_timeout, disk full, unreadable file, no permission) as
    ClassError(UNAVAILABLE); a constraint or programming error is a bug and stays loud."""
    try:
        yield
    except (sqlite3.OperationalError, OSError) as exc:
        raise ClassError(Reason.UNAVAILABLE, type(exc).__name__) from exc
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)):
            raise
        raise ClassError(Reason.UNAVAILABLE, type(exc).__name__) from exc


def data_dir() -> Path:
    """The folder for the app's server-side data: $W2V_DATA_DIR, else `.data` at the repository root."""
    return Path(os.environ.get("W2V_DATA_DIR") or DEFAULT_DATA_DIR)


class SqliteClassStore(ClassStore):
    """ClassStore in the SQLite file `path` (default: data_dir()/classes.sqlite3, made on first use)."""

    def __init__(self, path: str | Path | None = None, limits: Limits = Limits(),
                 clock: Callable[[], float] = time.time, busy_timeout_s: float = 5.0):
        self.path = Path(path) if path else data_dir() / DB_NAME
        self.limits, self.clock, self.busy_timeout_s = limits, clock, busy_timeout_s
        self._anchor, self._anchor_pid, self._anchor_lock = None, None, threading.Lock()
        with _unavailable_on_error():
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            con = sqlite3.connect(self.path, timeout=busy_timeout_s)
            try:   # before the process's anchor connection opens: one opened in the old journal mode does not anchor
                con.execute("PRAGMA journal_mode=WAL").fetchall()   # stored in the file: once is enough
            finally:
                con.close()
        with self._tx(write=True) as con:
            for statement in filter(str.strip, _SCHEMA.split(";")):
                con.execute(statement)

    def _keep_open(self) -> sqlite3.Connection:
        """One idle connection per process: while it is open, closing a call's connection is not "the last close",
        which would checkpoint and delete the WAL file every time (~10 ms an answer instead of ~1 ms)."""
        with self._anchor_lock:
            if self._anchor_pid != os.getpid():   # a forked child must not use its parent's connection
                self._anchor = sqlite3.connect(self.path, timeout=self.busy_timeout_s, check_same_thread=False)
                self._anchor.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()   # really opens the file
                self._anchor_pid = os.getpid()
            return self._anchor

    @contextmanager
    def _tx(self, write: bool):
        """One connection, one transaction, committed at the end or rolled back on any error."""
        with _unavailable_on_error():
            self._keep_open()
            con = sqlite3.connect(self.path, timeout=self.busy_timeout_s, isolation_level=None)
            try:
                con.execute("PRAGMA synchronous=NORMAL")  # safe in WAL mode; no fsync per answer
                con.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                yield con
                con.execute("COMMIT")
            finally:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                con.close()

    # --- checks shared by the calls -------------------------------------------------------------------------
    def _live(self, con, code: str, now: float) -> tuple[str, str]:
        """(key_hash, follow JSON) of a live class; ENDED or UNKNOWN otherwise."""
        row = con.execute("SELECT key_hash, follow, last_active FROM classes WHERE code = ?", (code,)).fetchone()
        if row is None:
            ended = con.execute("SELECT 1 FROM ended WHERE code = ?", (code,)).fetchone()
            raise ClassError(Reason.ENDED if ended else Reason.UNKNOWN)
        if row[2] < now - self.limits.ttl_s:
            raise ClassError(Reason.ENDED)
        return row[0], row[1]

    def _teacher(self, con, code: str, teacher_key: str, now: float) -> dict:
        """The follow state of a live class whose teacher key is `teacher_key`; FORBIDDEN otherwise."""
        stored, follow = self._live(con, code, now)
        if not hmac.compare_digest(stored, key_hash(teacher_key)):
            raise ClassError(Reason.FORBIDDEN)
        return json.loads(follow)

    def _join(self, con, code: str, sid: str, now: float) -> None:
        if con.execute("SELECT 1 FROM students WHERE code = ? AND sid = ?", (code, sid)).fetchone():
            return
        (n,) = con.execute("SELECT COUNT(*) FROM students WHERE code = ?", (code,)).fetchone()
        if n >= self.limits.max_students:
            raise ClassError(Reason.FULL)
        con.execute("INSERT INTO students (code, sid, joined) VALUES (?, ?, ?)", (code, sid, now))

    def _rate(self, con, code: str, sid: str, cid: str, now: float) -> None:
        """A fixed window per session: at most `answers_per_window` answers every `window_s` seconds, and at
        most `max_checkpoints` different checkpoints, so one session cannot fill the disk."""
        new = not con.execute("SELECT 1 FROM answers WHERE code = ? AND checkpoint = ? AND sid = ?",
                              (code, cid, sid)).fetchone()
        if new and con.execute("SELECT COUNT(*) FROM answers WHERE code = ? AND sid = ?",
                               (code, sid)).fetchone()[0] >= self.limits.max_checkpoints:
            raise ClassError(Reason.RATE_LIMITED, "checkpoints")
        start, n = con.execute("SELECT rate_start, rate_n FROM students WHERE code = ? AND sid = ?",
                               (code, sid)).fetchone()
        if now - start >= self.limits.window_s:
            start, n = now, 0
        if n >= self.limits.answers_per_window:
            raise ClassError(Reason.RATE_LIMITED)
        con.execute("UPDATE students SET rate_start = ?, rate_n = ? WHERE code = ? AND sid = ?",
                    (start, n + 1, code, sid))

    @staticmethod
    def _touch(con, code: str, now: float) -> None:
        con.execute("UPDATE classes SET last_active = ? WHERE code = ?", (now, code))

    # --- the interface --------------------------------------------------------------------------------------
    def create_class(self) -> tuple[str, str]:
        now, key = self.clock(), secrets.token_urlsafe(KEY_BYTES)
        with self._tx(write=True) as con:
            self._expire(con, now)
            (n,) = con.execute("SELECT COUNT(*) FROM classes").fetchone()
            if n >= self.limits.max_classes:
                raise ClassError(Reason.TOO_MANY_CLASSES)
            while True:   # 23**6 = 148M codes: a clash is rare, two in a row rarer still
                code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                if not con.execute("SELECT 1 FROM classes WHERE code = ? UNION SELECT 1 FROM ended WHERE code = ?",
                                   (code, code)).fetchone():
                    break
            con.execute("INSERT INTO classes (code, key_hash, created, last_active) VALUES (?, ?, ?, ?)",
                        (code, key_hash(key), now, now))
        return code, key

    def join(self, code: str, session_id: str) -> None:
        code = validate_code(code)
        sid, now = session_hash(code, session_id), self.clock()
        with self._tx(write=True) as con:
            self._live(con, code, now)
            self._join(con, code, sid, now)
            self._touch(con, code, now)

    def answer(self, code: str, session_id: str, checkpoint_id: str, answer: str) -> None:
        code = validate_code(code)
        sid, now = session_hash(code, session_id), self.clock()
        cid, answer = validate_checkpoint(checkpoint_id), validate_answer(answer, self.limits)
        with self._tx(write=True) as con:
            self._live(con, code, now)
            self._join(con, code, sid, now)
            self._rate(con, code, sid, cid, now)
            # One row per (class, checkpoint, session): a changed answer replaces the old one, moving its count.
            con.execute("INSERT INTO answers (code, checkpoint, sid, answer, at) VALUES (?, ?, ?, ?, ?) "
                        "ON CONFLICT (code, checkpoint, sid) DO UPDATE SET answer = excluded.answer, at = excluded.at",
                        (code, cid, sid, answer, now))
            self._touch(con, code, now)

    def tally(self, code: str, checkpoint_id: str) -> Tally:
        code, cid = validate_code(code), validate_checkpoint(checkpoint_id)
        with self._tx(write=False) as con:
            self._live(con, code, self.clock())
            counts = dict(con.execute("SELECT answer, COUNT(*) FROM answers WHERE code = ? AND checkpoint = ? "
                                      "GROUP BY answer ORDER BY answer", (code, cid)).fetchall())
            (joined,) = con.execute("SELECT COUNT(*) FROM students WHERE code = ?", (code,)).fetchone()
        return Tally(counts=counts, joined=joined, answered=sum(counts.values()))

    def joined(self, code: str) -> int:
        code = validate_code(code)
        with self._tx(write=False) as con:
            self._live(con, code, self.clock())
            return con.execute("SELECT COUNT(*) FROM students WHERE code = ?", (code,)).fetchone()[0]

    def get_follow(self, code: str) -> dict:
        code = validate_code(code)
        with self._tx(write=False) as con:
            return json.loads(self._live(con, code, self.clock())[1])

    def _write_follow(self, code: str, teacher_key: str, change: Callable[[dict], dict]) -> dict:
        code, teacher_key, now = validate_code(code), validate_key(teacher_key), self.clock()
        with self._tx(write=True) as con:
            state = validate_follow(change(self._teacher(con, code, teacher_key, now)), self.limits)
            con.execute("UPDATE classes SET follow = ?, last_active = ? WHERE code = ?",
                        (json.dumps(state), now, code))
        return state

    def set_follow(self, code: str, teacher_key: str, state: dict) -> dict:
        state = validate_follow(state, self.limits)   # refuse a bad patch before it meets the stored state
        return self._write_follow(code, teacher_key, lambda old: {**old, **state})

    def reveal(self, code: str, teacher_key: str, checkpoint_id: str) -> dict:
        cid = validate_checkpoint(checkpoint_id)
        return self._write_follow(code, teacher_key, lambda old: {**old, "revealed": old.get("revealed", []) + [cid]})

    def is_teacher(self, code: str, teacher_key: str) -> bool:
        try:
            code, teacher_key = validate_code(code), validate_key(teacher_key)
            with self._tx(write=False) as con:
                self._teacher(con, code, teacher_key, self.clock())
        except ClassError:
            return False
        return True

    def end(self, code: str, teacher_key: str) -> None:
        code, teacher_key, now = validate_code(code), validate_key(teacher_key), self.clock()
        with self._tx(write=True) as con:
            self._teacher(con, code, teacher_key, now)
            for table in ("answers", "students", "classes"):   # fixed names, not user input
                con.execute(f"DELETE FROM {table} WHERE code = ?", (code,))
            con.execute("INSERT OR REPLACE INTO ended (code, at) VALUES (?, ?)", (code, now))

    def _expire(self, con, now: float) -> int:
        cutoff = now - self.limits.ttl_s
        old = "(SELECT code FROM classes WHERE last_active < ?)"
        con.execute(f"DELETE FROM answers WHERE code IN {old}", (cutoff,))
        con.execute(f"DELETE FROM students WHERE code IN {old}", (cutoff,))
        con.execute("DELETE FROM ended WHERE at < ?", (cutoff,))   # a code may be handed out again after a ttl
        con.execute("INSERT OR REPLACE INTO ended (code, at) SELECT code, ? FROM classes WHERE last_active < ?",
                    (now, cutoff))
        return con.execute("DELETE FROM classes WHERE last_active < ?", (cutoff,)).rowcount

    def expire(self, now: float | None = None) -> int:
        now = self.clock() if now is None else float(now)
        with self._tx(write=True) as con:
            return self._expire(con, now)
