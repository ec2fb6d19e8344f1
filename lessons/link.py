"""A lesson as text: a TOML file for assets/lessons/, and the compact form a lesson link carries in its URL.

The link form is the lesson's JSON, zlib-compressed, in base64url without padding (`?lesson_data=eNq...`): no
server keeps anything, and the reader checks it exactly like a shipped file (lessons/format.py). Reading never
evaluates anything (json and tomllib only) and stops early on anything too big, so a hostile or truncated link
can only produce a LessonError.
"""
from __future__ import annotations

import base64
import binascii
import json
import re
import tomllib
import zlib
from typing import Mapping

from lessons.format import Check, Lesson, LessonError, Problem, from_dict, to_dict

MAX_LINK = 6000        # characters of `lesson_data`: URLs beyond ~8 KB break in some browsers and proxies
MAX_JSON = 64_000      # bytes after decompression: 20 steps of long prompts fit; a zip bomb stops here
MAX_FILE = 64_000      # characters of a TOML file
_B64URL = re.compile(r"[A-Za-z0-9_-]*")


def encode(lesson: Lesson) -> str:
    """The URL text of a lesson (may be longer than MAX_LINK: the builder checks and says so)."""
    raw = json.dumps(to_dict(lesson), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")


def decode(text: str, check: Check | None = None, checkpoints: Mapping[str, set] | None = None) -> Lesson:
    """A lesson from its URL text, checked like a file; LessonError for anything else."""
    if not isinstance(text, str) or not text:
        raise LessonError([Problem("bad_link", "lesson_data")])
    if len(text) > MAX_LINK:
        raise LessonError([Problem("link_too_long", "lesson_data", f"{len(text)} > {MAX_LINK}")])
    if not _B64URL.fullmatch(text):
        raise LessonError([Problem("bad_link", "lesson_data")])
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        unzip = zlib.decompressobj()
        raw = unzip.decompress(packed, MAX_JSON)
        if unzip.unconsumed_tail or not unzip.eof or unzip.unused_data:  # too big, cut short, or padded
            raise ValueError("incomplete or too big")
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, zlib.error, ValueError, RecursionError):  # UnicodeDecodeError and JSON errors too
        raise LessonError([Problem("bad_link", "lesson_data")]) from None
    return from_dict(data, check, checkpoints)


def from_toml(text: str, check: Check | None = None, checkpoints: Mapping[str, set] | None = None) -> Lesson:
    """A lesson from a TOML file's text."""
    if len(text) > MAX_FILE:
        raise LessonError([Problem("too_long", "file", f"{len(text)} > {MAX_FILE}")])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise LessonError([Problem("bad_toml", "file", str(err))]) from None
    return from_dict(data, check, checkpoints)


def _toml_str(text: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes); the format refuses the control characters
    # (DEL among them) that TOML would need escaped differently.
    return json.dumps(text, ensure_ascii=False)


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_str(key)


def _inline(table: Mapping[str, str]) -> str:
    return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_str(v)}" for k, v in table.items()) + " }"


def to_toml(lesson: Lesson) -> str:
    """The lesson as a TOML file for assets/lessons/ (from_toml reads it back unchanged)."""
    d = to_dict(lesson)
    lines = [f"title.{lang} = {_toml_str(text)}" for lang, text in d["title"].items()]
    for step in d["steps"]:
        lines += ["", "[[steps]]", f"page = {_toml_str(step['page'])}", f"params = {_inline(step['params'])}"]
        lines += [f"prompt.{lang} = {_toml_str(text)}" for lang, text in step["prompt"].items()]
        if step.get("checkpoint"):
            lines.append(f"checkpoint = {_toml_str(step['checkpoint'])}")
    return "\n".join(lines) + "\n"
