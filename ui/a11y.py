"""What screen readers, keyboards and motion-sensitive users need that Streamlit does not give by itself.

`browser_glue(lang)` runs once per rerun from app.py. It adds a small stylesheet (a visible focus ring, captions
dark enough for WCAG AA, no CSS animation for users who asked for reduced motion) and a tiny JavaScript component
that (1) sets `<html lang>` to the app's language, since Streamlit always serves `<html lang="en">`, (2) reports
the browser's `prefers-reduced-motion` back to Python, and (3) makes the sidebar `inert` while it is collapsed.
Pages ask `reduced_motion()` before they start a timer: for those users a Play button moves one step per press
instead of animating on its own.
"""
from __future__ import annotations

import streamlit as st

HTML_LANG = {"zh": "zh-CN", "en": "en"}  # what screen readers pick their voice from
PREFS_KEY = "a11y_prefs"  # session_state key of the component's state ({"reduce": bool})

# Streamlit draws captions in the text colour at 60 % opacity: #76797c on white, 4.37:1 (AA needs 4.5:1). Opaque
# #5f6368 is 6.0:1 on white and 5.5:1 on the sidebar grey.
# Focus: Streamlit shows no ring on links and a faint one on some widgets; a 3 px dark-blue outline (7:1 on white)
# marks whatever the keyboard is on (also scrollable boxes, which Chrome makes focusable). Radios, checkboxes and
# toggles hide the real <input>, so their label carries the ring.
# Narrow screens (a tablet with the sidebar open squeezes columns to ~40 px): labels of buttons, metrics, widgets
# and page links wrap instead of being cut off with "…"; a markdown table wider than a phone scrolls inside itself
# instead of making the whole page scroll sideways.
CSS = """<style>
[data-testid="stCaptionContainer"] { opacity: 1; color: #5f6368; }
:focus-visible, label:has(input:focus-visible) {
  outline: 3px solid #1a4fd6 !important; outline-offset: 2px !important;
}
[data-testid="stMain"] :is([data-testid="stMarkdownContainer"].stMarkdownEllipsis,
  .stMarkdownEllipsis p, [data-testid="stMetricLabel"] p, [data-testid="stWidgetLabel"] p,
  [data-testid="stPageLink-NavLink"] span, [data-testid="stPageLink-NavLink"] [data-testid="stMarkdownContainer"]) {
  white-space: normal; overflow: visible; text-overflow: clip; overflow-wrap: anywhere;
}
[data-testid="stMain"] [data-testid="stMarkdownContainer"] table { display: block; max-width: 100%; overflow-x: auto; }
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after {
    animation-duration: 0.001ms !important; animation-iteration-count: 1 !important;
    transition-duration: 0.001ms !important; scroll-behavior: auto !important;
  }
}
</style>"""

# Runs in the page (not an iframe). Called again whenever `data` changes, i.e. when the language switches; Streamlit
# keeps only the newest call's cleanup, so each call first stops the previous one (held on `window`).
# Sidebar: Streamlit folds it (presenter view, a phone, the learner's own click) by sliding it off screen with a
# transform, so its ~16 links and widgets stayed in the Tab order and the screen reader's page. `inert` (Chrome
# 102+, Firefox 112, Safari 15.5) takes them out while `data-collapsed="true"` and gives them back when it opens;
# the button that opens it sits in the header, outside (after the sidebar: the next Tab from a folding sidebar).
JS = """
export default function (component) {
  const { data, setStateValue } = component;
  const w = window;
  if (w.__w2vA11yStop) w.__w2vA11yStop();
  document.documentElement.lang = data.lang;
  const query = window.matchMedia('(prefers-reduced-motion: reduce)');
  // Only report a preference that differs from the default (false): every report is a rerun, and one right
  // after each page load would race with the learner's (and the tests') first input.
  if (query.matches) setStateValue('reduce', true);
  const onChange = (e) => setStateValue('reduce', e.matches);
  query.addEventListener('change', onChange);
  // Opened from the keyboard, the focus was on the open button, which is gone now: start in the sidebar instead
  // on its first control that takes the focus (at desktop width its collapse button shows only under the mouse,
  // so that is the first link). Only on opening, never on load.
  const sidebar = document.querySelector('[data-testid=stSidebar]');
  const fold = (changes) => {
    const folded = sidebar.getAttribute('data-collapsed') === 'true';
    sidebar.inert = folded;
    const opened = !folded && changes && changes.some((c) => c.oldValue === 'true');
    const lost = !document.activeElement || document.activeElement === document.body;
    if (opened && lost) {
      for (const e of sidebar.querySelectorAll('button, a[href], input, [tabindex="0"]')) {
        e.focus();
        if (document.activeElement === e) break;
      }
    }
  };
  const watch = new MutationObserver(fold);
  if (sidebar) {
    fold();
    watch.observe(sidebar, { attributes: true, attributeOldValue: true, attributeFilter: ['data-collapsed'] });
  }
  const stop = () => { query.removeEventListener('change', onChange); watch.disconnect(); };
  w.__w2vA11yStop = stop;
  return stop;
}
"""


@st.cache_resource
def _component():
    """Registered once per server: registering again on every rerun would log a warning each time."""
    return st.components.v2.component("w2v_a11y_glue", js=JS)


def browser_glue(lang: str) -> None:
    """The stylesheet and the lang/reduced-motion component; call on every rerun (from app.py, before pages)."""
    st.html(CSS)  # style-only: Streamlit puts it in the event container, it takes no space
    with st.sidebar:
        _component()(key=PREFS_KEY, data={"lang": HTML_LANG.get(lang, "en")}, default={"reduce": False},
                     on_reduce_change=lambda: None, height=0)


def reduced_motion() -> bool:
    """True when the browser asks for reduced motion (known from the first rerun after the page loaded)."""
    prefs = st.session_state.get(PREFS_KEY) or {}
    return bool(prefs.get("reduce", False))
