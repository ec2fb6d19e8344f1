"""Per-user state: session keys initialised in one place, and shareable settings mirrored in the URL."""
from __future__ import annotations

import math
from typing import Any, Callable

import streamlit as st


def init_defaults(defaults: dict[str, Any]) -> None:
    """Set each session key once; later reruns keep what the user changed."""
    for key, value in defaults.items():
        if key not in st.session_state:
            st.session_state[key] = value


def qp_get(name: str, default: Any, cast: Callable[[str], Any] = str, choices=None, lo=None, hi=None) -> Any:
    """Read a URL query parameter defensively: anything hostile or out of range falls back to `default`."""
    raw = st.query_params.get(name)
    if raw is None:
        return default
    try:
        value = cast(raw)
    except (TypeError, ValueError):
        return default
    if isinstance(value, float) and not math.isfinite(value):  # nan/inf slip past both range checks
        return default
    if choices is not None and value not in choices:
        return default
    if lo is not None and value < lo:
        return default
    if hi is not None and value > hi:
        return default
    return value


def qp_set(**params: Any) -> None:
    """Write settings back to the URL so a copied link reproduces the page (only when they changed)."""
    for name, value in params.items():
        text = str(value)
        if st.query_params.get(name) != text:
            st.query_params[name] = text
