"""The step buttons and the moving view of a page that walks a position along a sentence (p4's window, p5's centre
word), as one fragment: a press of back / step reruns only the view, not the whole page.

One helper for both pages: back, step, play/pause and reset move the page's `<page>_pos` (0..last) and
`<page>_playing` in session state; the keys of ui/keys.py press them (bound after the fragment, so its frame comes
after the buttons in the tab order; they find the buttons by their slots at key time). Play is the fragment's own
timer (`run_every`), which only a whole-page run can switch on or off, so play/pause/reset that change it rerun the
page once.
"""
from __future__ import annotations

from typing import Callable

import streamlit as st

from ui import keys
from ui.a11y import reduced_motion
from ui.i18n import t

TICK_S = 0.8  # seconds per step while playing


def _buttons(page: str, last: int) -> None:
    """The four buttons in a row (labels from the page's own strings: `<page>.step`, `.play`, `.pause`, `.reset`);
    a press marks `<page>_pressed`, so that run does not also take a timer step."""
    ss, pos, playing, pressed = st.session_state, f"{page}_pos", f"{page}_playing", f"{page}_pressed"

    def step():
        ss[pressed] = True
        if ss[pos] < last:
            ss[pos] += 1
        else:
            ss[playing] = False

    def back():
        ss[pressed] = True
        ss[pos] = max(0, ss[pos] - 1)

    def reset():
        ss[pressed] = True
        ss[pos], ss[playing] = 0, False

    def play():
        if reduced_motion():  # no timer for those who asked for less motion: Play moves one step per press
            step()
            return
        ss[pressed] = True
        if ss[pos] >= last:
            ss[pos] = 0
        ss[playing] = not ss[playing]

    cols = st.columns([1, 1, 1, 1, 2])
    for col, (action, name, label, press) in zip(cols, (
            ("back", "back", t("keys.back_button"), back), ("next", "step", t(f"{page}.step"), step),
            ("play", "play", t(f"{page}.pause" if ss[playing] else f"{page}.play"), play),
            ("reset", "reset", t(f"{page}.reset"), reset))):
        keys.slot(action, col).button(label, key=f"{page}_{name}", on_click=press, width="stretch")


def position_view(page: str, last: int, draw: Callable[[int], None], redraw_page: bool = False) -> None:
    """The keys' hint, then a fragment with the buttons and `draw(pos)` (the view of position `pos`).

    `redraw_page`: the page shows the position outside this view too (p5's effective-window chart), so a press
    that moves it reruns the whole page; timer steps do not (the view moves, the page's chart waits for a pause).
    """
    ss, pos_key, playing_key = st.session_state, f"{page}_pos", f"{page}_playing"
    ss[pos_key] = min(ss[pos_key], last)
    hint = st.empty()  # the keys' hint above the buttons
    playing, pos_drawn = ss[playing_key], ss[pos_key]

    @st.fragment(run_every=TICK_S if playing else None)
    def view():
        pressed = ss.pop(f"{page}_pressed", False)
        _buttons(page, last)
        if ss[playing_key] != playing or (redraw_page and pressed and ss[pos_key] != pos_drawn):
            st.rerun(scope="app")  # the timer goes on or off (or the page's own chart must move)
        if playing and not pressed:  # a timer step
            if ss[pos_key] >= last:
                ss[playing_key] = False
                st.rerun(scope="app")
            ss[pos_key] += 1
        draw(ss[pos_key])

    view()
    keys.bind_keys(("next", "back", "play", "reset"), hint_at=hint)
