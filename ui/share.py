"""Share this view: the sidebar panel that builds a link to the page as it is, with chosen parts hidden or locked.

A link's `hide=` and `lock=` lists (`?window=3&hide=steps,seed&lock=mode`) name a page's controls (their share
names, declared with its settings in ui/state.py) and the sections below; `settings` means every control.
ui/state.py reads the lists like any setting (unknown names dropped) and disables locked controls. Hidden parts
are hidden with CSS by their element key (Streamlit gives a keyed element the class `st-key-<key>`): the page
still runs them, so a hidden control keeps the value the link gave it.
"""
from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit

import streamlit as st

from lessons.format import RESERVED
from ui import lesson_draft
from ui.i18n import t
from ui.pulse_state import SEAT
from ui.nav import PAGES
from ui.state import ALL_NAME

PREFIX = "*"  # a section member ending in * is a key prefix (all of a page's checkpoints)


def _common(page: str) -> dict[str, tuple[str, ...]]:
    """Sections every article page has: its checkpoints (ui/checkpoint.py) and its recap (ui/path.py)."""
    return {"checkpoints": (f"cp_{page}_*",), "recap": (f"path_end_{page}",)}


# Named sections of each page: name -> element keys. Names are stable: they are in links teachers have shared.
# Only widgets and keyed containers: a keyed dataframe gets no `st-key-` class, and a chart's text alternative
# is a separate element, so neither is a section.
SECTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "p1": _common("p1"),
    "p2": {"presets": ("p2_preset_*",), **_common("p2")},
    "p3": _common("p3"),
    "p4": {"steps": ("p4_back", "p4_step", "p4_play", "p4_reset"), **_common("p4")},
    "p5": {"steps": ("p5_back", "p5_step", "p5_play", "p5_reset"), **_common("p5")},
    "p6": {"steps": ("p6_back", "p6_next", "p6_run*", "p6_reset"), **_common("p6")},
    "p7": {"steps": ("p7_play", "p7_pause", "p7_step", "p7_train", "p7_reset"), "upload": ("p7_upload",),
           "downloads": ("p7_dl_*",), **_common("p7")},
    "p8": {"upload": ("p8_upload",), **_common("p8")},
}


def _selector(key: str) -> str:
    """The CSS selector of an element key (keys here are plain names: no escaping needed, and none is user text)."""
    if key.endswith(PREFIX):
        return f'[class*="st-key-{key[:-1]}"]'
    return f".st-key-{key}"


def hidden_keys(state) -> list[str]:
    """The element keys (or key prefixes) the link hides on this page."""
    names = state.names("hide")
    keys = list(state.controls.values()) if ALL_NAME in names else []
    for name in names:
        keys += [state.controls[name]] if name in state.controls else list(state.sections.get(name, ()))
    return list(dict.fromkeys(keys))


def hide_css(keys: list[str]) -> str:
    """One style block that hides those elements ("" when nothing is hidden)."""
    if not keys:
        return ""
    return "<style>" + ", ".join(_selector(k) for k in keys) + " { display: none !important; }</style>"


def page_url(page: str) -> str:
    """The address of page `page`: the browser's own origin and path prefix when known, else a relative path."""
    path = next(p.url for p in PAGES if p.key == page)
    url = st.context.url or ""
    parts = urlsplit(url)
    if not parts.scheme:
        return f"/{path}"
    segments = parts.path.rstrip("/").split("/")
    if segments[-1] in {p.url for p in PAGES}:  # drop the page the browser is on, keep any proxy prefix
        segments = segments[:-1]
    return f"{parts.scheme}://{parts.netloc}{'/'.join(segments)}/{path}"


def _params(hide: list[str], lock: list[str]) -> dict[str, str]:
    # A class seat is one student's own (ui/pulse_state.py): whoever opened a link with it would answer as them.
    params = {k: v for k, v in st.query_params.to_dict().items() if k not in ("hide", "lock", SEAT)}
    params.update({k: ",".join(v) for k, v in (("hide", hide), ("lock", lock)) if v})
    return params


def link(state, hide: list[str], lock: list[str]) -> str:
    """The link to this page's current settings (language included) with the given hide/lock lists."""
    return page_url(state.page) + "?" + urlencode(_params(hide, lock), safe=",", quote_via=quote)


def view_params(state, hide: list[str], lock: list[str]) -> dict[str, str]:
    """The same link's parameters of this page only (a page visited before may have left its own in the URL; the
    app's, such as the language or the lesson, are not the page's): a lesson step's state."""
    own = {s.url for s in state.settings.values() if s.url}  # hide and lock included
    return {k: v for k, v in _params(hide, lock).items() if k in own and k not in RESERVED}


def _label(state, name: str) -> str:
    return t(f"share.section_{name}") if name in state.sections or name == ALL_NAME else name


def panel(state) -> None:
    """The folded "share this view" panel in the sidebar, and the style that hides what the link hides.

    A link with hide/lock lists shows a short note and a "show everything" button instead of the builder: a
    student sees why controls are missing, and a teacher who opens their own link can get the full page back.
    """
    css = hide_css(hidden_keys(state))
    if css:
        st.html(css)
    hide, lock = state.names("hide"), state.names("lock")
    with st.sidebar.expander(t("share.title"), icon="🔗", key=f"share_{state.page}_panel"):
        if hide or lock:
            st.caption(t("share.restricted", hide=", ".join(hide) or "—", lock=", ".join(lock) or "—"))
            st.button(t("share.show_all"), key=f"share_{state.page}_show_all", on_click=state.show_all)
            return
        st.caption(t("share.intro"))
        fmt = {n: _label(state, n) for n in state.hide_names}.get  # labels made in the run: AppTest calls it outside
        hide = st.multiselect(t("share.hide"), state.hide_names, key=f"share_{state.page}_hide", format_func=fmt)
        lock = st.multiselect(t("share.lock"), state.lock_names, key=f"share_{state.page}_lock", format_func=fmt)
        st.code(link(state, hide, lock), language=None, wrap_lines=True)
        st.caption(t("share.copy"))
        lesson_draft.add_button(state.page, view_params(state, hide, lock))  # this view as a step of the teacher's lesson
