"""The page registry: every page of the app once, in the article's order (app.py navigates it, home maps it)."""
from __future__ import annotations

from typing import NamedTuple


class PageInfo(NamedTuple):
    file: str   # path relative to app.py, also what st.page_link / st.switch_page take
    url: str    # url_path: stable across languages, so a shared link works in both ("home" is served at "/")
    key: str    # short id: the title is t(f"nav.{key}"), the home-page summary t(f"home.summary_{key}")
    icon: str   # an emoji: :material/ icons are fetched from the internet
    group: str  # section key in nav.toml


PAGES = [
    PageInfo("pages/home.py", "home", "home", "🏠", "group_start"),
    PageInfo("pages/p1_personality.py", "personality", "p1", "🧑", "group_article"),
    PageInfo("pages/p2_word_embeddings.py", "word-embeddings", "p2", "🟥", "group_article"),
    PageInfo("pages/p3_analogies.py", "analogies", "p3", "👑", "group_article"),
    PageInfo("pages/p4_language_models.py", "language-models", "p4", "📱", "group_article"),
    PageInfo("pages/p5_skipgram_cbow.py", "skipgram-cbow", "p5", "🪟", "group_article"),
    PageInfo("pages/p6_negative_sampling.py", "negative-sampling", "p6", "🎯", "group_article"),
    PageInfo("pages/p7_training_lab.py", "training-lab", "p7", "🧪", "group_lab"),
    PageInfo("pages/p8_projector.py", "projector", "p8", "🔭", "group_lab"),
    PageInfo("pages/glossary.py", "glossary", "glossary", "📖", "group_more"),
    PageInfo("pages/lesson_builder.py", "lesson-builder", "lesson_builder", "🧩", "group_more"),
    PageInfo("pages/about.py", "about", "about", "📚", "group_more"),
]
