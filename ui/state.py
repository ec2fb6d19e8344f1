"""Per-user page state: each page declares its settings once; this keeps them across pages and in the URL.

Why Streamlit needs this: a widget's value lives in `st.session_state` only while runs keep drawing the widget.
A run that does not draw it (another page, a hidden tab, a control shown for one method only) drops the value;
when the widget comes back it starts from its default, or from an older value once given through session_state.
So each page keeps a copy of its values under one plain session key (`_<page>_saved`), which Streamlit never
clears: each widget's on_change updates the copy the moment the learner changes it, and the top of every run
writes the copy back into the widget keys (Streamlit's documented pattern for multipage apps).
The navigation also drops the query string, so the settings worth sharing are written to `st.query_params` on
every run: a copied link reproduces the view. A link is read on a page's first visit in a session only, and
every URL value is checked (cast, choices, range); anything hostile falls back to the default.

A page declares its state once, then makes three kinds of call:

    STATE = PageState("p5", [
        Setting("p5_window", 2, url="window", cast=int, lo=1, hi=5),  # a widget, shared in the URL
        Setting("p5_pos", 0, saved=False),                           # plain state, this session only
    ])
    STATE.restore()                                         # top of the page, before any widget
    st.slider("window", 1, 5, **STATE.widget("p5_window"))  # every declared widget: key + on_change that saves
    STATE.sync()                                            # after the widgets: keep the values, write the URL

A callback that changes another control (a preset filling two text boxes) calls `STATE.set(key, value)`.
Every control also has a share name (its URL name, else its key without the page prefix): a link's `hide=` and
`lock=` lists name the controls (and ui/share.py's sections) to hide or to show disabled; `widget` disables them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Mapping

import streamlit as st


def url_text(value: Any) -> str:
    """A value as URL text: a switch as "1"/"0" (read back by `flag`), anything else as str()."""
    return str(int(value)) if isinstance(value, bool) else str(value)


def flag(raw: str) -> bool:
    """A URL switch: "1" is on, "0" is off, anything else is refused (falls back to the default)."""
    if raw not in ("0", "1"):
        raise ValueError(raw)
    return raw == "1"


@dataclass(frozen=True)
class Setting:
    """One value a page keeps: its session key (usually a widget's key), its first value, and its URL parameter.

    `default` may be a function of the values declared before it (e.g. the words of the chosen corpus).
    `url` names the query parameter (None: not shared); `cast`, `choices`, `lo`, `hi` check what a link
    brings; `to_url` writes the value as text (None: read from a link, never written back). A switch is
    `cast=flag` (its default `to_url` writes "1"/"0"; a `to_url` that returns None takes the parameter out).
    `saved=False`: no copy for other pages, only a first value: plain state Streamlit never drops (a step
    counter), or a control that starts from the link on every visit (the glossary's page filter).
    """
    key: str
    default: Any
    url: str | None = None
    cast: Callable[[str], Any] = str
    choices: tuple | None = None
    lo: Any = None
    hi: Any = None
    to_url: Callable[[Any], str] | None = url_text
    saved: bool = True
    name: str | None = None  # its name in a link's hide/lock lists; None: derived (see PageState), "": none


    def default_value(self, values: Mapping[str, Any]) -> Any:
        return self.default(values) if callable(self.default) else self.default

    def first_value(self, values: Mapping[str, Any]) -> Any:
        """The value on a first visit: the link's if it passes the checks, else the default."""
        default = self.default_value(values)
        if self.url is None:
            return default
        return qp_get(self.url, default, self.cast, self.choices, self.lo, self.hi)


def typed_text(key: str, default: str, url: str, max_chars: int) -> Setting:
    """A text the learner types (a sentence), shared in the link only when it differs from the default, so that
    everyday links stay short; a link's text longer than the box takes (`max_chars`) is refused."""
    def cast(raw: str) -> str:
        if len(raw) > max_chars:
            raise ValueError("too long")
        return raw
    return Setting(key, default, url=url, cast=cast, to_url=lambda v: None if v == default else v)


class PageState:
    """The declared settings of one page, kept across pages (`restore`, `widget`, `set`) and in the URL (`sync`)."""

    declared: dict[str, "PageState"] = {}  # page -> its latest declaration (tests and the README list read it)

    def __init__(self, page: str, settings: list[Setting]):
        from ui.share import SECTIONS  # the named sections a link can hide (ui/share.py draws the panel)
        self.page = page
        self.controls = {n: s.key for s in settings if (n := share_name(page, s))}  # share name -> widget key
        assert len(self.controls) == len([s for s in settings if share_name(page, s)]), f"{page}: duplicate names"
        self.sections = SECTIONS.get(page, {})
        self.hide_names = (ALL_NAME, *self.controls, *self.sections)
        self.lock_names = (ALL_NAME, *self.controls)
        self.hide_key, self.lock_key = f"_{page}_hide", f"_{page}_lock"
        settings = [*settings,  # the link's hide/lock lists: kept across pages and in the URL like any setting
                    Setting(self.hide_key, "", url="hide", cast=names_reader(self.hide_names), to_url=_or_none),
                    Setting(self.lock_key, "", url="lock", cast=names_reader(self.lock_names), to_url=_or_none)]
        self.settings = {s.key: s for s in settings}
        self.saved_key = f"_{page}_saved"
        PageState.declared[page] = self

    def _saved(self) -> dict:
        return st.session_state.setdefault(self.saved_key, {})

    def restore(self) -> None:
        """Top of the page, before any widget: every value as the learner left it (see the module docstring)."""
        ss, saved = st.session_state, self._saved()
        for s in self.settings.values():
            if not s.saved:  # plain state, or a control that starts from the link on every visit
                if s.key not in ss:
                    ss[s.key] = s.first_value(ss)
                continue
            if s.key not in saved:  # first visit: the link, else the default
                saved[s.key] = ss[s.key] if s.key in ss else s.first_value(ss)
            ss[s.key] = saved[s.key]  # on every run: Streamlit may hold a dropped or an older value

    def widget(self, key: str, on_change: Callable | None = None, args: tuple = (), disabled: bool = False) -> dict:
        """A widget's keyword arguments: its key, an on_change that saves each new value the moment it is made
        (then calls the page's own `on_change`), and `disabled` (the page's own, or locked by the link):
        st.slider(..., **STATE.widget("p5_window"))."""
        if key not in self.settings:
            raise KeyError(f"{key} is not declared in the {self.page} PageState")

        def keep(*a) -> None:
            if self.settings[key].saved:
                self._saved()[key] = st.session_state[key]
            if on_change is not None:
                on_change(*a)

        return dict(key=key, on_change=keep, args=args, disabled=disabled or key in self.locked_keys())

    def names(self, which: str) -> list[str]:
        """The share names a link hides (`which="hide"`) or locks ("lock") on this page, as the link gives them."""
        raw = st.session_state.get(self.hide_key if which == "hide" else self.lock_key, "")
        return [n for n in raw.split(",") if n]

    def locked_keys(self) -> set[str]:
        names = self.names("lock")
        return set(self.controls.values()) if ALL_NAME in names else {self.controls[n] for n in names}

    def show_all(self) -> None:
        """Callback: take the link's hide/lock lists away (the teacher's own view again)."""
        self.set(self.hide_key, "")
        self.set(self.lock_key, "")

    def set(self, key: str, value: Any) -> None:
        """Change a value from a callback (a preset that fills two text boxes): the widget and its saved copy."""
        st.session_state[key] = value
        if self.settings[key].saved:
            self._saved()[key] = value

    def default_of(self, key: str) -> Any:
        """The declared default of `key` for the current values (e.g. to reset a control in a callback)."""
        return self.settings[key].default_value(st.session_state)

    def sync(self, **url_text: str) -> None:
        """After the widgets: keep values the page itself changed in this run, and write the shared ones to the
        URL (`url_text` replaces a parameter's text when the page shows less than the raw value, e.g. only the
        known words)."""
        ss, saved = st.session_state, self._saved()
        saved.update({s.key: ss[s.key] for s in self.settings.values() if s.saved and s.key in ss})
        qp_set(**{s.url: url_text[s.url] if s.url in url_text else s.to_url(ss[s.key])
                  for s in self.settings.values() if s.url and s.to_url and s.key in ss})


ALL_NAME = "settings"  # in a hide/lock list: every control of the page
MAX_NAMES_TEXT = 1000  # a hide/lock list longer than this is not a list a teacher made


def share_name(page: str, s: Setting) -> str:
    """A setting's name in a link's hide/lock lists: declared, else its URL name, else its key without the page
    prefix for a kept control; "" for plain state (a step counter)."""
    if s.name is not None:
        return s.name
    return s.url or (s.key.removeprefix(f"{page}_") if s.saved else "")


def names_reader(known: tuple[str, ...]) -> Callable[[str], str]:
    """A URL cast for a hide/lock list: the known names it holds, in order, once each; unknown ones are dropped."""
    def read(raw: str) -> str:
        if len(raw) > MAX_NAMES_TEXT:
            raise ValueError("hide/lock list too long")
        return ",".join(n for n in dict.fromkeys(part.strip() for part in raw.split(",")) if n in known)
    return read


def _or_none(text: str) -> str | None:
    return text or None  # an empty list leaves the URL


def qp_get(name: str, default: Any, cast: Callable[[str], Any] = str, choices=None, lo=None, hi=None) -> Any:
    """Read a URL query parameter defensively: anything hostile or out of range falls back to `default`."""
    raw = st.query_params.get(name)
    if raw is None:
        return default
    try:
        return url_value(raw, cast, choices, lo, hi)
    except ValueError:
        return default


def url_value(raw: str, cast: Callable[[str], Any] = str, choices=None, lo=None, hi=None) -> Any:
    """A URL value cast and checked (choices, range); ValueError when a page would refuse it (a lesson's check)."""
    try:
        value = cast(raw)
    except (TypeError, ValueError):
        raise ValueError(raw) from None
    if isinstance(value, float) and not math.isfinite(value):  # nan/inf slip past both range checks
        raise ValueError(raw)
    if (choices is not None and value not in choices) or (lo is not None and value < lo) \
            or (hi is not None and value > hi):
        raise ValueError(raw)
    return value


def qp_set(**params: Any) -> None:
    """Write settings back to the URL so a copied link reproduces the page (only when they changed; None: remove)."""
    for name, value in params.items():
        if value is None:
            st.query_params.pop(name, None)
        elif st.query_params.get(name) != str(value):
            st.query_params[name] = str(value)
