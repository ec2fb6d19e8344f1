"""The class store's contract: the ClassStore interface, its typed error, its limits and the input validation.

Every implementation (SQLite today, a networked database later) keeps these rules, so the UI is written once.
Nothing here touches storage; `validate_*` run before any query, so a hostile code, key or id never reaches SQL.
"""
from __future__ import annotations

import abc
import enum
import hashlib
import json
import re
from dataclasses import dataclass, field

# Letters only, without the look-alikes I, L, O (1, 0) so a code read off a projector is typed right.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
KEY_BYTES = 32                                      # secrets.token_urlsafe(32): 43 characters
SEAT_BYTES = 16                                     # a student's seat, secrets.token_urlsafe(16): 22 characters
_CODE_RE = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
_KEY_RE = re.compile(r"[A-Za-z0-9_-]{43}")
_SEAT_RE = re.compile(r"[A-Za-z0-9_-]{22}")
_SESSION_RE = re.compile(r"[A-Za-z0-9_.:-]{1,128}")  # Streamlit's session ids are UUIDs
_CHECKPOINT_RE = re.compile(r"[a-z0-9_]{1,40}(\.[a-z0-9_]{1,40}){0,3}")  # e.g. "p3.analogy"
_PAGE_RE = re.compile(r"[a-z0-9_]{1,40}")
_PARAM_RE = re.compile(r"[a-z0-9_]{1,40}")           # a query parameter's name (`pos`, `lesson`, `step`)
FOLLOW_KEYS = {"page", "step", "revealed", "params"}


class Reason(enum.StrEnum):
    """Why a store call was refused; the UI translates `pulse.error.<reason>` (assets/i18n/<lang>/pulse.toml)."""
    INVALID = "invalid"                     # malformed code, key, id, answer or follow state
    UNKNOWN = "unknown"                     # no such class (never existed, or gone long ago)
    ENDED = "ended"                         # ended by the teacher or expired recently
    FULL = "full"                           # the class has its maximum number of students
    TOO_MANY_CLASSES = "too_many_classes"   # the server holds its maximum number of live classes
    RATE_LIMITED = "rate_limited"           # too many answers from one session in a short time
    FORBIDDEN = "forbidden"                 # a teacher action without the right teacher key
    UNAVAILABLE = "unavailable"             # the database is locked too long, full or unreadable; try again


class ClassError(Exception):
    """A refused store call; `reason` is a Reason. The message never contains a key or a session id."""

    def __init__(self, reason: Reason, detail: str = ""):
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    """Caps that keep one server safe from one noisy client; defaults suit a school server."""
    max_classes: int = 200          # live classes on the whole store
    max_students: int = 200         # students joined to one class
    answers_per_window: int = 20    # answers one session may send per window...
    window_s: float = 10.0          # ...of this many seconds
    max_checkpoints: int = 200      # different checkpoints one session may answer (the app has a few dozen)
    ttl_s: float = 3 * 3600         # a class idle this long is removed by expire()
    max_answer_chars: int = 80      # the longest answer (checkpoint text answers are at most 60)
    max_follow_bytes: int = 4096    # the follow state as JSON
    max_revealed: int = 100         # revealed checkpoints kept in the follow state
    max_params: int = 30            # query parameters in the follow state (the busiest page has about ten)
    max_param_chars: int = 1500     # one parameter's value (word lists stop at 300; a lesson link's data is longer)


@dataclass(frozen=True)
class Tally:
    """A checkpoint's answers in one class: `counts` maps answer -> students, plus class-wide numbers."""
    counts: dict[str, int] = field(default_factory=dict)
    joined: int = 0                 # students joined to the class
    answered: int = 0               # students who answered this checkpoint (sum of counts)


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise ClassError(Reason.INVALID, what)


def validate_code(code) -> str:
    """The class code in canonical form (upper case, spaces trimmed); INVALID unless it has the code's shape."""
    _check(isinstance(code, str) and len(code) <= 32, "code")
    code = code.strip().upper()
    _check(_CODE_RE.fullmatch(code) is not None, "code")
    return code


def validate_key(key) -> str:
    """A teacher key of the exact shape `secrets.token_urlsafe(32)` gives; INVALID otherwise."""
    _check(isinstance(key, str) and _KEY_RE.fullmatch(key) is not None, "teacher key")
    return key


def validate_seat(seat) -> str:
    """A student's seat (their link's `seat=`) of the exact shape `secrets.token_urlsafe(16)` gives; INVALID
    otherwise."""
    _check(isinstance(seat, str) and _SEAT_RE.fullmatch(seat) is not None, "seat")
    return seat


def validate_checkpoint(checkpoint_id) -> str:
    _check(isinstance(checkpoint_id, str) and _CHECKPOINT_RE.fullmatch(checkpoint_id) is not None, "checkpoint")
    return checkpoint_id


def validate_answer(answer, limits: Limits) -> str:
    """An answer as stored: a non-empty printable string up to `max_answer_chars` (the UI formats numbers)."""
    _check(isinstance(answer, str), "answer")
    answer = answer.strip()
    _check(0 < len(answer) <= limits.max_answer_chars and answer.isprintable(), "answer")
    return answer


def session_hash(code: str, session_id) -> str:
    """The only trace of a student: a hash of their session id, salted with the class code so that the same
    browser session cannot be linked across classes."""
    _check(isinstance(session_id, str) and _SESSION_RE.fullmatch(session_id) is not None, "session")
    return hashlib.sha256(f"{code}:{session_id}".encode()).hexdigest()


def key_hash(key: str) -> str:
    """Stores keep a hash of the teacher key, so a copy of the database does not hand out teacher rights."""
    return hashlib.sha256(key.encode()).hexdigest()


def _validate_params(params, limits: Limits) -> dict:
    """The teacher page's query parameters: names like `pos`, values printable text (the page checks them again
    when it reads its URL, as for any shared link)."""
    _check(isinstance(params, dict) and len(params) <= limits.max_params, "follow params")
    _check(all(valid_param(name, value, limits) for name, value in params.items()), "follow param")
    return dict(sorted(params.items()))


def valid_param(name, value, limits: Limits) -> bool:
    """One query parameter the follow state may carry (the UI drops the others before it publishes)."""
    return (isinstance(name, str) and _PARAM_RE.fullmatch(name) is not None and isinstance(value, str)
            and len(value) <= limits.max_param_chars and value.isprintable())


def validate_follow(state, limits: Limits) -> dict:
    """The follow state: {"page": slug, "step": int >= 0, "revealed": [checkpoint ids], "params": {name: text}},
    each key optional."""
    _check(isinstance(state, dict) and set(state) <= FOLLOW_KEYS, "follow keys")
    if "page" in state:
        _check(isinstance(state["page"], str) and _PAGE_RE.fullmatch(state["page"]) is not None, "follow page")
    if "step" in state:
        step = state["step"]
        _check(isinstance(step, int) and not isinstance(step, bool) and 0 <= step <= 999, "follow step")
    if "revealed" in state:
        revealed = state["revealed"]
        _check(isinstance(revealed, list) and len(revealed) <= limits.max_revealed, "follow revealed")
        state = {**state, "revealed": sorted({validate_checkpoint(c) for c in revealed})}
    if "params" in state:
        state = {**state, "params": _validate_params(state["params"], limits)}
    _check(len(json.dumps(state)) <= limits.max_follow_bytes, "follow size")
    return state


class ClassStore(abc.ABC):
    """Where a live class lives: codes, joined sessions, answers, the teacher's follow state.

    Students act with the class code and their session id; teacher actions also need the teacher key. Every
    method raises ClassError (never a database error) when it refuses.
    """

    limits: Limits

    @abc.abstractmethod
    def create_class(self) -> tuple[str, str]:
        """A new class: (code to share with students, teacher key to keep secret)."""

    @abc.abstractmethod
    def join(self, code: str, session_id: str) -> None:
        """Count a student session as joined (again: no change). FULL, ENDED, UNKNOWN."""

    @abc.abstractmethod
    def answer(self, code: str, session_id: str, checkpoint_id: str, answer: str) -> None:
        """Record (or change) this session's answer to a checkpoint; joins first if needed. RATE_LIMITED."""

    @abc.abstractmethod
    def tally(self, code: str, checkpoint_id: str) -> Tally:
        """The class's answers to one checkpoint."""

    @abc.abstractmethod
    def joined(self, code: str) -> int:
        """How many students joined the class (the projector counts them arriving)."""

    @abc.abstractmethod
    def get_follow(self, code: str) -> dict:
        """The teacher's follow state (the empty dict before the teacher sets one)."""

    @abc.abstractmethod
    def set_follow(self, code: str, teacher_key: str, state: dict) -> dict:
        """Merge `state` into the follow state (teacher only); returns the new state."""

    @abc.abstractmethod
    def reveal(self, code: str, teacher_key: str, checkpoint_id: str) -> dict:
        """Add a checkpoint to the follow state's "revealed" list (teacher only); returns the new state."""

    @abc.abstractmethod
    def is_teacher(self, code: str, teacher_key: str) -> bool:
        """True when the key is this class's teacher key (False for a wrong or malformed key)."""

    @abc.abstractmethod
    def end(self, code: str, teacher_key: str) -> None:
        """Delete the class and all its rows (teacher only); later calls with its code raise ENDED."""

    @abc.abstractmethod
    def expire(self, now: float | None = None) -> int:
        """Remove classes idle for more than `limits.ttl_s`; returns how many were removed."""
