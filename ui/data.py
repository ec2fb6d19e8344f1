"""Shared read-only data for the pages, loaded once per server: the GloVe vectors."""
from __future__ import annotations

import streamlit as st

from ui.i18n import t


@st.cache_resource(show_spinner="Loading GloVe 6B 50d (400,000 words) · 正在加载 GloVe 词向量…")
def _load_glove():
    # Imported here so pages that never need GloVe do not pay for it.
    from w2v_core.glove import load_glove

    return load_glove()  # read-only KeyedVectors; never mutate it (every session shares this object)


def glove():
    """The shared GloVe KeyedVectors, or None after telling the user how to install them."""
    try:
        return _load_glove()
    except ImportError:  # GloveMissingError is one: package or data files missing -> say how to install
        st.error(t("common.glove_missing"))
        return None
