"""Shared read-only data for the pages, loaded once per server: the GloVe vectors."""
from __future__ import annotations

import re

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


def parse_words(text: str, limit: int = 20) -> list[str]:
    """Words from a comma/space separated text box: lowercased (GloVe is lowercase), de-duplicated, capped."""
    seen: dict[str, None] = {}
    for raw in (text or "").replace("，", ",").replace("、", ",").replace(",", " ").split():
        word = raw.strip().lower()
        if word and len(word) <= 60:
            seen.setdefault(word, None)
    return list(seen)[:limit]


def split_known(kv, words: list[str]) -> tuple[list[str], list[str]]:
    """(words in the vocabulary, words that are not), keeping the order."""
    return [w for w in words if w in kv], [w for w in words if w not in kv]


def warn_unknown(kv, unknown: list[str]) -> None:
    """One translated warning listing the unknown words with close spellings from the vocabulary."""
    if not unknown:
        return
    parts = []
    for w in unknown:
        try:
            close = kv.suggest(w, n=5)
        except Exception:  # suggestions are a courtesy; never let them break the page
            close = []
        parts.append(t("data.unknown_one", word=md_escape(w), close=", ".join(md_escape(c) for c in close))
                     if close else t("data.unknown_none", word=md_escape(w)))
    st.warning(t("data.unknown_words", n=f"{len(kv):,}") + "\n\n" + "\n".join(f"- {p}" for p in parts))


def md_escape(text: str) -> str:
    """User text shown inside markdown: backslash every character markdown or LaTeX would interpret."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$&])", r"\\\1", text)
