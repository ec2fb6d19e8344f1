"""Keep a page's widget values when the learner visits another page and comes back.

Streamlit forgets a widget's value once a run finishes without rendering that widget (any other page), so
each page copies its values into a plain session key, which Streamlit never clears, and restores from it.
"""
from __future__ import annotations

from typing import Any, Iterable

import streamlit as st


def restore(page: str, defaults: dict[str, Any]) -> None:
    """Set each missing key from the page's saved copy, else from `defaults` (first visit)."""
    saved = st.session_state.get(f"_{page}_saved", {})
    for key, value in defaults.items():
        if key not in st.session_state:
            st.session_state[key] = saved.get(key, value)


def remember(page: str, keys: Iterable[str]) -> None:
    """Save the current values of `keys` (call after the widgets, before any st.stop())."""
    st.session_state[f"_{page}_saved"] = {k: st.session_state[k] for k in keys if k in st.session_state}
