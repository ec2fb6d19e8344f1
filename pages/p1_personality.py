"""Placeholder until its issue lands: says so, shows nothing fake."""
import streamlit as st

from ui.i18n import t

st.title(t("nav.p1"))
st.info(t("common.placeholder"))
