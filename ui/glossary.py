"""The bilingual glossary: read assets/glossary.toml once and answer "which terms does this page use?"."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import NamedTuple

from ui.i18n import ASSETS

GLOSSARY_FILE = ASSETS / "glossary.toml"
GLOSSARY_PAGE = "pages/glossary.py"


class Term(NamedTuple):
    id: str
    en: str
    zh: str
    gensim: str       # the gensim name that holds or sets it, "" when there is none
    pages: tuple      # page keys of ui/nav.py; the page that shows it best comes first
    en_def: str
    zh_def: str

    def name(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def definition(self, lang: str) -> str:
        return self.zh_def if lang == "zh" else self.en_def


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    """Every term in file order (the order the pages introduce them); read once per process (it ships with the app)."""
    with GLOSSARY_FILE.open("rb") as f:
        data = tomllib.load(f)
    return tuple(Term(**{**entry, "pages": tuple(entry["pages"])}) for entry in data["term"])


def terms_on(page_key: str) -> list[Term]:
    """The terms a page uses, in glossary order."""
    return [term for term in terms() if page_key in term.pages]
