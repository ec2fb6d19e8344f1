"""Presenter view: one switch (`?present=1` or the sidebar toggle) for a projector in class.

`frame()` runs once per rerun from app.py: it reads the switch, draws the sidebar toggle, writes the switch back to
the URL and, while presenting, collapses the sidebar and adds a stylesheet (larger type, less of Streamlit's own
chrome). Everything else asks `presenting()`: ui/theme.py scales figure labels; pages with steps put their step
buttons and main figure first with `top()` / `first(slot)` and fold their long explanations with `explain(text)`. Like the language, the switch lives in session state because the navigation drops the query
string, and goes back into the URL on every run so a copied link keeps it.
"""
from __future__ import annotations

import contextlib

import streamlit as st

from ui.i18n import t

KEY = "present"  # session_state: the switch; also the URL parameter's name
WIDGET = "present_widget"
FONT_SCALE = 1.25  # figure labels while presenting (ui/theme.py)

# Sized for 1280x720 seen from the back of a classroom. Streamlit sizes its text and widgets in rem, so a larger
# root font scales the page; the header keeps only the button that opens the sidebar (it sits in the toolbar: the
# way back to this toggle); the menus, the coloured decoration line and the footer go; the main area starts higher
# and headings grow less than the text (they are large already), so step buttons fit on the first screen.
CSS = """<style>
html { font-size: 21px; }
[data-testid="stToolbarActions"], [data-testid="stMainMenu"], [data-testid="stAppDeployButton"],
[data-testid="stDecoration"], footer { display: none !important; }
[data-testid="stHeader"] { background: transparent; }
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; padding-bottom: 2rem; }
[data-testid="stMain"] h1 { font-size: 2.3rem; padding-top: 0; }
[data-testid="stMain"] h2 { font-size: 1.75rem; }
</style>"""


def _from_url() -> bool | None:
    """The URL's switch: "1" on, "0" off; anything else (present=yes, present=<script>) is no switch at all."""
    raw = st.query_params.get(KEY)
    return {"1": True, "0": False}.get(raw) if isinstance(raw, str) else None


def presenting() -> bool:
    """True while the presenter view is on for this session."""
    try:
        return bool(st.session_state.get(KEY, False))
    except Exception:  # no Streamlit session (a chart built by a script or a core test): not presenting
        return False


def _write_url(on: bool) -> None:
    if on:
        st.query_params[KEY] = "1"
    else:
        st.query_params.pop(KEY, None)  # off is the default: a plain link stays plain


def _on_toggle() -> None:
    # Runs before the script: the URL must already say the new choice, or the old `present=1` would win again.
    st.session_state[KEY] = st.session_state[WIDGET]
    _write_url(st.session_state[KEY])


def frame() -> bool:
    """Read the switch (the URL wins, then this session's choice), draw the toggle, keep the URL in step,
    and style the page while presenting. Returns the switch. Call once per rerun, before the page runs."""
    ss = st.session_state
    url = _from_url()
    on = url if url is not None else bool(ss.get(KEY, False))
    ss[KEY] = ss[WIDGET] = on
    st.sidebar.toggle(t("present.toggle"), key=WIDGET, on_change=_on_toggle, help=t("present.toggle_help"))
    _write_url(on)  # the navigation drops the query string: write it back on every run
    st.set_page_config(initial_sidebar_state="collapsed" if on else "auto")
    if on:
        st.html(CSS)  # style-only: no space taken
    return on


def top():
    """Call right under the page title: an empty container there while presenting (else None), for `first`."""
    return st.container() if presenting() else None


def first(slot):
    """`with first(slot):` draws its block in the slot from `top()` (the top of the page) while presenting,
    and where it stands otherwise. The script keeps its order; only where the block shows changes."""
    return slot if slot is not None else contextlib.nullcontext()


def explain(text: str) -> None:
    """A page's explanation (markdown): shown as it is, or folded while presenting, so the figure comes first."""
    if presenting():
        st.expander(t("present.explain")).markdown(text)
    else:
        st.markdown(text)
