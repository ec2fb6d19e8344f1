"""Glossary: every term the pages use in English and Chinese, with its gensim name and the page that shows it."""
import pandas as pd
import streamlit as st

from ui.glossary import terms
from ui.i18n import current_lang, t
from ui.nav import PAGES
from ui.path import PATH_KEYS
from ui.state import PageState, Setting

lang = current_lang()
st.title(t("nav.glossary"))
st.markdown(t("glossary.intro"))

# ?page=p3 (the link at the bottom of page 3) opens the glossary on that page's terms; anything else shows all.
# Not saved for other pages: each visit starts from the address (the link it came from).
STATE = PageState("glossary", [
    Setting("glossary_page", "all", url="page", choices=("all", *PATH_KEYS),
            to_url=lambda k: None if k == "all" else k, saved=False),
    Setting("glossary_search", "", saved=False),
])
STATE.restore()
c1, c2 = st.columns([1, 1])
c1.selectbox(t("glossary.filter_page"), ("all", *PATH_KEYS), **STATE.widget("glossary_page"),
             format_func=lambda k: t("glossary.all_pages", lang=lang) if k == "all" else t(f"nav.{k}", lang=lang))
query = c2.text_input(t("glossary.search"), **STATE.widget("glossary_search"), max_chars=40).strip().lower()
chosen = st.session_state.glossary_page
STATE.sync()


def number(key: str) -> str:
    """The page's number as the sidebar shows it ("3" of "3 · Analogies")."""
    return t(f"nav.{key}").split("·")[0].strip()


shown = 0
for page in (p for p in PAGES if p.key in PATH_KEYS):
    rows = [term for term in terms() if term.pages[0] == page.key
            and (chosen == "all" or chosen in term.pages)
            and (not query or any(query in s.lower() for s in (term.en, term.zh, term.gensim)))]
    if not rows:
        continue
    shown += len(rows)
    st.page_link(page.file, label=f"**{t(f'nav.{page.key}')}**", icon=page.icon, query_params={"lang": lang})
    # st.table wraps long cells (st.dataframe cuts them off); the English term is the row's name.
    st.table(pd.DataFrame([{t("glossary.col_en"): term.en, t("glossary.col_zh"): term.zh,
                            t("glossary.col_meaning"): term.definition(lang), t("glossary.col_gensim"): term.gensim,
                            t("glossary.col_pages"): ", ".join(number(k) for k in term.pages)} for term in rows])
             .set_index(t("glossary.col_en")))
if not shown:
    st.info(t("glossary.none"))
st.caption(t("glossary.source"))
