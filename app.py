"""Illustrated Word2vec Lab: the frame (page config, language switch, navigation); every page lives in pages/."""
import streamlit as st

from ui.i18n import LANG_LABELS, LANGS, detect_lang, t

st.set_page_config(page_title="Illustrated Word2vec Lab · 图解 Word2vec 实验室", page_icon="🧭", layout="wide")


def _on_lang_change() -> None:
    st.session_state["lang"] = st.session_state["lang_widget"]
    st.query_params["lang"] = st.session_state["lang"]


lang = detect_lang()
st.session_state["lang"] = lang
st.session_state["lang_widget"] = lang
st.sidebar.radio("语言 · Language", LANGS, key="lang_widget", format_func=LANG_LABELS.get,
                 horizontal=True, on_change=_on_lang_change)
# Navigation drops the query string, so write the language back on every run: a copied link keeps it.
if st.query_params.get("lang") != lang:
    st.query_params["lang"] = lang

PAGES = [  # (file, url path, title key, icon, group)
    ("pages/home.py", "home", "nav.home", "🏠", "nav.group_start"),
    ("pages/p1_personality.py", "personality", "nav.p1", "🧑", "nav.group_article"),
    ("pages/p2_word_embeddings.py", "word-embeddings", "nav.p2", "🟥", "nav.group_article"),
    ("pages/p3_analogies.py", "analogies", "nav.p3", "👑", "nav.group_article"),
    ("pages/p4_language_models.py", "language-models", "nav.p4", "📱", "nav.group_article"),
    ("pages/p5_skipgram_cbow.py", "skipgram-cbow", "nav.p5", "🪟", "nav.group_article"),
    ("pages/p6_negative_sampling.py", "negative-sampling", "nav.p6", "🎯", "nav.group_article"),
    ("pages/p7_training_lab.py", "training-lab", "nav.p7", "🧪", "nav.group_lab"),
    ("pages/p8_projector.py", "projector", "nav.p8", "🔭", "nav.group_lab"),
    ("pages/about.py", "about", "nav.about", "📚", "nav.group_more"),
]

groups: dict[str, list] = {}
for path, url, title_key, icon, group_key in PAGES:
    page = st.Page(path, title=t(title_key), icon=icon, url_path=url, default=(url == "home"))
    groups.setdefault(t(group_key), []).append(page)

st.navigation(groups).run()
