"""Home: what the app teaches, a map of every page with a one-line summary, and how to use it in a class."""
import streamlit as st

from ui.i18n import LANG_LABELS, LANGS, current_lang, md, t
from ui.nav import PAGES


def share_links() -> dict[str, str]:
    """The app's address in each language, built from the address the browser used (relative when unknown)."""
    url = getattr(st.context, "url", None) or ""
    base = url.split("?")[0].rstrip("/")
    if base.endswith("/home"):
        base = base[: -len("/home")]
    return {lang: f"{base}/?lang={lang}" for lang in LANGS}


st.title(t("home.title"))
st.markdown(f"**{t('home.tagline')}**")
st.markdown(md("home_intro"))
st.markdown(md("home_beyond"))

st.header(t("home.map_header"))
left, right = st.columns(2, gap="large")
others = [p for p in PAGES if p.key != "home"]
for i, p in enumerate(others):
    with left if i < (len(others) + 1) // 2 else right:
        # ?lang= in the link itself, so "open in a new tab" keeps the language too.
        st.page_link(p.file, label=f"**{t(f'nav.{p.key}')}**", icon=p.icon, query_params={"lang": current_lang()})
        st.caption(t(f"home.summary_{p.key}"))

st.header(t("home.class_header"))
st.markdown(md("home_class"))
st.subheader(t("home.plan_header"))
st.markdown(md("home_plan"))
with st.expander(t("home.answers_title")):
    st.markdown(md("home_answers"))

st.subheader(t("home.share_header"))
st.caption(t("home.share_caption"))
for lang, link in share_links().items():
    st.markdown(f"{LANG_LABELS[lang]}")
    st.code(link, language=None)
