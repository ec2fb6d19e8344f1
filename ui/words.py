"""Words typed by a user: one parser, one known/unknown split with did-you-mean, one markdown escaper."""
from __future__ import annotations

import streamlit as st

from ui.i18n import t

SEPARATORS = ",，、"  # besides whitespace: ASCII comma, Chinese comma, enumeration comma
MAX_LEN = 60  # longer "words" are no vocabulary's words (GloVe's, a toy corpus'): dropped, never truncated
# Every character that starts or ends markdown/GFM (links, emphasis, code, tables, autolinks: ":" "." "@"), LaTeX
# ($), HTML (<, &) or a Streamlit directive / emoji shortcode (:). CommonMark shows a backslash-escaped one as
# itself. Plain sentence punctuation (, ' " ; ? /) is left alone so quoted messages read normally.
MD_SPECIAL = frozenset("\\`*_{}[]()#+-.!|~$:<>&@=")


def parse_words(text: str, limit: int = 20, *, lower: bool = True, unique: bool = True,
                max_len: int = MAX_LEN) -> list[str]:
    """Words from a comma/space separated text box, in order: lowercased (GloVe and our tokenizer are; a no-op
    on Chinese), de-duplicated unless `unique=False`, words over `max_len` characters dropped, at most `limit`.

    >>> parse_words("King, queen，王后、king")
    ['king', 'queen', '王后']
    """
    text = text or ""
    for sep in SEPARATORS:
        text = text.replace(sep, " ")
    words = [w.lower() if lower else w for w in text.split() if len(w) <= max_len]
    return (list(dict.fromkeys(words)) if unique else words)[:limit]


def split_known(kv, words: list[str]) -> tuple[list[str], list[str]]:
    """(words in the vocabulary, words that are not), keeping the order."""
    return [w for w in words if w in kv], [w for w in words if w not in kv]


def did_you_mean(kv, word: str, n: int = 5) -> list[str]:
    """Close spellings of `word` among `kv`'s words (KeyedVectors.suggest), best first."""
    return kv.suggest(word, n=n)


def warn_unknown(kv, unknown: list[str]) -> None:
    """One translated warning listing the unknown GloVe words, each with its close spellings."""
    if not unknown:
        return
    parts = []
    for w in unknown:
        close = did_you_mean(kv, w)
        parts.append(t("data.unknown_one", word=md_escape(w), close=md_list(close)) if close
                     else t("data.unknown_none", word=md_escape(w)))
    st.warning(t("data.unknown_words", n=f"{len(kv):,}") + "\n\n" + "\n".join(f"- {p}" for p in parts))


def md_escape(text) -> str:
    """User text shown inside markdown (warnings, captions, headings): every MD_SPECIAL character
    backslash-escaped, so "[click](http://x)", "$x$", "<script>" or ":red[x]" shows exactly as typed.

    >>> print(md_escape("[a](b) $x$"))
    \\[a\\]\\(b\\) \\$x\\$
    """
    return "".join("\\" + ch if ch in MD_SPECIAL else ch for ch in str(text))


def md_list(words) -> str:
    """Escaped words joined by ", " (the lists in warnings and captions)."""
    return ", ".join(md_escape(w) for w in words)
