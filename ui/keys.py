"""Keyboard stepping on the pages with steps: Right or Space = next, Left = back, P = play/pause, R = reset.

A page puts each step button in a keyed slot (`slot("next", where)`), then calls `bind_keys(["next", "reset"])`
once near its buttons. The keys press whatever button sits in the slot, so the shortcut map is the same on every
page. The binding comes from the PyPI component streamlit-shortcuts (pinned in requirements.txt); when it fails
to import, `bind_keys` draws nothing and the buttons work as before.

Keys are on in both views, not only in the presenter view: a teacher who steps through a page with a remote
clicker (it sends arrows and Space) or a learner at a laptop expects them on a normal page too; the small hint
tells both that they exist.

The component listens on the whole document and does not look at where the focus is: on its own, Space typed in a
text box would press "next" instead of typing a space. `GUARD` (a few lines of our own, run once per page) stops
the key on its way to that listener while a control has the focus (a text box, a slider, a radio; a button or a
link keeps Space, which presses it), and when the page has no visible button for the key (another page's steps,
or step buttons a link hid).
"""
from __future__ import annotations

from typing import Iterable

import streamlit as st

from ui.i18n import t

KEYS = {"next": ["arrowright", " "], "back": ["arrowleft"], "play": ["p"], "reset": ["r"]}  # as the component spells them


def slot_key(action: str) -> str:
    return f"keys_{action}"


def slot(action: str, where=st, **container):
    """The keyed container a step button goes into, so the keys of `action` press it (`container`: st.container's
    own arguments, e.g. width="content" in a row of buttons)."""
    return where.container(key=slot_key(action), **container)


GUARD = """
export default function (component) {
  const w = window;
  w.__w2vKeySlots = component.data.slots;  // slot key -> its keys, as streamlit-shortcuts matches them
  if (w.__w2vKeyGuard) return;
  w.__w2vKeyGuard = true;
  const CONTROL = 'input, textarea, select, [contenteditable], [role=slider], [role=combobox], [role=radio], ' +
                  '[role=tab], [role=listbox], [role=option], [role=spinbutton]';
  const PRESSABLE = 'button, a, summary, label, [role=button], [role=checkbox], [role=switch]';
  // On <body>, the way up to the component's listener on the document: stopping here lets the focused control
  // (or Streamlit's own handlers below <body>) keep the key, and the component never sees it.
  document.body.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
    const key = (e.key || '').toLowerCase();
    const slot = Object.keys(w.__w2vKeySlots || {}).find((s) => w.__w2vKeySlots[s].includes(key));
    if (!slot) return;
    const at = e.target instanceof Element ? e.target : null;
    const owned = at && (at.closest(CONTROL) || (key === ' ' && at.closest(PRESSABLE)));
    const button = document.querySelector('.st-key-' + slot + ' button');
    if (owned || !button || !button.offsetParent) e.stopPropagation();
  });
}
"""


# The two script elements draw nothing, but a container in the page's flow would still add its gap.
HIDE_BIND = "<style>.st-key-keys_bind { position: absolute; width: 0; height: 0; overflow: hidden; }</style>"


@st.cache_resource
def _guard():
    """Registered once per server (registering on every rerun logs a warning each time)."""
    return st.components.v2.component("w2v_keys_guard", js=GUARD)


def bind_keys(actions: Iterable[str], where=st, hint_at=None) -> bool:
    """Bind the step keys and write the hint for `actions` (the slots this page filled) under its buttons (or in
    `hint_at`, a placeholder drawn earlier: the binding's frame must come after the buttons in the tab order).

    Returns False, drawing nothing, when streamlit-shortcuts cannot be used: the page keeps its buttons."""
    try:
        from streamlit_shortcuts import add_shortcuts
    except Exception:  # not installed, or broken by an upgrade: keys are a convenience, the buttons suffice
        return False
    slots = {slot_key(a): keys for a, keys in KEYS.items()}
    st.html(HIDE_BIND)
    with where.container(key="keys_bind"):
        _guard()(key="keys_guard", data={"slots": slots}, height=0)
        add_shortcuts(**slots)  # every action on every page: one map, whatever page the browser saw first
    (hint_at or where).caption(t("keys.hint", keys=t("keys.sep").join(t(f"keys.{a}") for a in KEYS if a in actions)))
    return True
