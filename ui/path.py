"""The guided path: the close of every article page - a recap, the page's glossary terms and the next page."""
from __future__ import annotations

import streamlit as st

from ui.glossary import GLOSSARY_PAGE, terms_on
from ui.i18n import current_lang, t
from ui.nav import PAGES

PATH_KEYS = ("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8")  # the pages that end with a recap, in path order


def next_page(key: str):
    """The page after `key` in ui/nav.py's order (the article's order); None after the last one."""
    keys = [p.key for p in PAGES]
    i = keys.index(key)
    return PAGES[i + 1] if i + 1 < len(PAGES) else None


def page_end(key: str) -> None:
    """Recap of page `key` in three lines, a link to its terms in the glossary, the next page and why it follows."""
    lang = current_lang()
    st.divider()
    with st.container(border=True, key=f"path_end_{key}"):
        st.markdown(f"**{t('path.recap_header')}**")  # bold, like the pages' own take-away lines
        st.markdown(t(f"path.recap_{key}"))
        names = " · ".join(term.name(lang) for term in terms_on(key))
        st.page_link(GLOSSARY_PAGE, label=t("path.terms_link"), icon="📖",
                     query_params={"lang": lang, "page": key})
        st.caption(t("path.terms_caption", terms=names))
        nxt = next_page(key)
        st.page_link(nxt.file, label=f"**{t('path.next', title=t(f'nav.{nxt.key}'))}**", icon=nxt.icon,
                     query_params={"lang": lang})
        st.caption(t(f"path.why_{key}"))
