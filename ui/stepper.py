"""Rendering helpers for pages 4-6: sentences as coloured chips, their legend, vectors and trace rows as text.

Nothing here computes a model: every number shown comes from `w2v_core` and is only formatted or drawn.
"""
from __future__ import annotations

import html
from typing import Iterable, Sequence

import numpy as np

from ui.theme import CHIP, CHIP_TEXT, MARKS, ROLES, TEXT_ON


def sentence_html(tokens: Sequence[str], roles: dict[int, str] | None = None,
                  bracket: tuple[int, int] | None = None) -> str:
    """Tokens as chips; `roles[i]` colours token i and puts its sign before it; `bracket=(lo, hi)` draws a frame
    around tokens lo..hi.

    Every token is passed through `html.escape`: the sentence is typed by the learner.
    """
    roles = roles or {}
    parts = []
    for i, tok in enumerate(tokens):
        role = roles.get(i)
        style = "display:inline-block;padding:4px 9px;margin:3px 2px;border-radius:7px;font-size:1.15rem;"
        if role == "dropped":
            style += f"border:2px dashed {ROLES['dropped']};color:{TEXT_ON['dropped']};"
        elif role:
            style += f"background:{ROLES[role]};color:{TEXT_ON[role]};font-weight:600;"
        else:
            style += f"background:{CHIP};color:{CHIP_TEXT};"
        if bracket and bracket[0] <= i <= bracket[1]:
            left = "3px solid #222" if i == bracket[0] else "0"
            right = "3px solid #222" if i == bracket[1] else "0"
            style += f"box-shadow:0 -3px 0 #222 inset, 0 3px 0 #222;border-left:{left};border-right:{right};"
        sign = f"{MARKS[role]} " if role in MARKS else ""  # the role without colour
        parts.append(f'<span style="{style}">{sign}{html.escape(str(tok))}</span>')
    return '<div style="line-height:2.4;">' + "".join(parts) + "</div>"


def legend_html(items: Iterable[tuple[str, str]]) -> str:
    """Small legend: (role, translated label) pairs; each swatch carries the role's sign as well."""
    out = []
    for role, label in items:
        out.append(f'<span style="display:inline-block;min-width:18px;height:18px;border-radius:3px;'
                   f'background:{ROLES[role]};color:{TEXT_ON[role]};text-align:center;line-height:18px;'
                   f'margin:0 5px -3px 12px;">{MARKS.get(role, "")}</span>{html.escape(label)}')
    return '<div style="font-size:0.95rem;">' + "".join(out) + "</div>"


def vec_str(v: np.ndarray, digits: int = 3) -> str:
    """A short vector as text, e.g. [0.012, -0.340]."""
    return "[" + ", ".join(f"{x:.{digits}f}" for x in np.asarray(v, dtype=float)) + "]"
