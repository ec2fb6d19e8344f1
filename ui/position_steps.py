"""The step buttons of a page that walks a position along a sentence (p4's window, p5's centre word).

One helper for both pages: back, step, play/pause and reset move the page's `<page>_pos` (0..last) and
`<page>_playing` in session state; the keys of ui/keys.py press them. The page's fragment does the playing.
"""
from __future__ import annotations

import streamlit as st

from ui import keys
from ui.a11y import reduced_motion
from ui.i18n import t


def step_buttons(page: str, last: int) -> None:
    """The four buttons in a row (labels from the page's own strings: `<page>.step`, `.play`, `.pause`, `.reset`)
    and the keys' hint under them. `last`: the last position."""
    ss, pos, playing = st.session_state, f"{page}_pos", f"{page}_playing"
    ss[pos] = min(ss[pos], last)

    def step():
        if ss[pos] < last:
            ss[pos] += 1
        else:
            ss[playing] = False

    def back():
        ss[pos] = max(0, ss[pos] - 1)

    def reset():
        ss[pos], ss[playing] = 0, False

    def play():
        if reduced_motion():  # no timer for those who asked for less motion: Play moves one step per press
            step()
            return
        if ss[pos] >= last:
            ss[pos] = 0
        ss[playing] = not ss[playing]

    cols = st.columns([1, 1, 1, 1, 2])
    for col, (action, name, label, press) in zip(cols, (
            ("back", "back", t("keys.back_button"), back), ("next", "step", t(f"{page}.step"), step),
            ("play", "play", t(f"{page}.pause" if ss[playing] else f"{page}.play"), play),
            ("reset", "reset", t(f"{page}.reset"), reset))):
        keys.slot(action, col).button(label, key=f"{page}_{name}", on_click=press, width="stretch")
    keys.bind_keys(("next", "back", "play", "reset"))
