"""Illustrated Word2vec Lab: the frame (page config, language switch, navigation); every page lives in pages/."""
import pandas  # noqa: F401  -- imported once here: plotly peeks at a half-imported pandas when sessions start at once
import streamlit as st

from ui.a11y import browser_glue
from ui.checkpoint import sidebar_progress
from ui.i18n import LANG_LABELS, LANGS, bind as bind_lang, detect_lang, t
from ui.lesson_bar import bar as lesson_bar
from ui.nav import PAGES
from ui.present import frame as presenter_frame
from ui import heap, pulse

heap.install()  # once per process: full garbage collections skip the long-lived heap (ui/heap.py)

st.set_page_config(page_title="Illustrated Word2vec Lab · 图解 Word2vec 实验室", page_icon="🧭", layout="wide")


def _on_lang_change() -> None:
    st.session_state["lang"] = st.session_state["lang_widget"]
    st.query_params["lang"] = st.session_state["lang"]


lang = detect_lang()
st.session_state["lang"] = lang
bind_lang(lang)  # t() reads this run's language without a session-state lookup per string
st.session_state["lang_widget"] = lang
st.sidebar.radio("语言 · Language", LANGS, key="lang_widget", format_func=LANG_LABELS.get,
                 horizontal=True, on_change=_on_lang_change)
presenter_frame()  # ?present=1 / the sidebar toggle: projector styling (ui/present.py)
browser_glue(lang)  # <html lang>, focus ring, reduced motion (ui/a11y.py)
sidebar_progress()  # after the language switch: answers checked by this rerun's click are already counted
# Navigation drops the query string, so write the language back on every run: a copied link keeps it.
if st.query_params.get("lang") != lang:
    st.query_params["lang"] = lang


def _pages() -> dict[str, list]:
    """The navigation's pages in this language, made once per session and language: st.Page resolves its file on
    the disk (~2 ms for all pages, on every rerun otherwise). Kept per session, never shared: st.navigation marks
    the page it returns as runnable and running it clears the mark, so one object in two sessions would race."""
    kept = st.session_state.get("_nav_pages")
    if kept is None or kept[0] != lang:
        groups: dict[str, list] = {}
        for p in PAGES:
            page = st.Page(p.file, title=t(f"nav.{p.key}"), icon=p.icon, url_path=p.url, default=(p.url == "home"))
            groups.setdefault(t(f"nav.{p.group}"), []).append(page)
        kept = st.session_state["_nav_pages"] = (lang, groups)
    return kept[1]


current = st.navigation(_pages())
# The browser tab names the page, then the app: "3 · Analogies · Illustrated Word2vec Lab".
st.set_page_config(page_title=f"{current.title} · {t('common.app_title')}")
after_page = pulse.frame(current)  # class pulse: join links, the class panel, a following student's move
lesson_bar(current.url_path)  # ?lesson=NAME&step=K: the step's prompt above the page (ui/lesson_bar.py)
try:
    current.run()
finally:  # also after a page's st.stop(): a teacher's page and settings reach the students who follow
    after_page()
