"""ui/words.py, the one place typed words are parsed, checked against a vocabulary and escaped for markdown."""
import re

import numpy as np
import pytest
from apptest import open_page

from ui.words import MAX_LEN, MD_SPECIAL, did_you_mean, md_escape, md_list, parse_words, split_known
from w2v_core.keyedvectors import KeyedVectors

# Characters that open markdown/GFM, LaTeX, HTML or Streamlit syntax, listed here from the syntax, not the module.
SYNTAX = "\\`*_[]()#+-.!|~$:<>&@{}="
HOSTILE = [
    "[click](http://127.0.0.1:9/)", "![x](http://127.0.0.1:9/x.png)", "<script>alert(1)</script>",
    "$\\frac{1}{0}$", "$$x$$", "**bold**", "_it_", "`code`", "# heading", "> quote", "- item", "1. item",
    ":red[x]", ":material/home:", "&lt;b&gt;", "a|b|c", "~~gone~~", "\\", "http://127.0.0.1:9/", "x@y.org",
    "国王，王后。", "「引号」", "",
]


def unescape(text: str) -> str:
    """What CommonMark shows for backslash escapes: the punctuation character itself."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


@pytest.mark.parametrize("raw", HOSTILE)
def test_md_escape_shows_exactly_what_was_typed(raw):
    escaped = md_escape(raw)
    assert unescape(escaped) == raw
    # No syntax character is left live: each one sits right after an escaping backslash.
    live = re.sub(r"\\[!-/:-@\[-`{-~]", "", escaped)
    assert not set(live) & set(SYNTAX), live


def test_md_escape_covers_every_syntax_character_and_leaves_sentence_punctuation():
    assert set(SYNTAX) <= MD_SPECIAL
    assert md_escape("line 2: 'a', \"b\"; why?") == "line 2\\: 'a', \"b\"; why?"
    assert md_escape("<b>x</b>") == "\\<b\\>x\\</b\\>" and md_escape("国王") == "国王"


def test_md_list_escapes_every_word():
    assert md_list(["a_b", "$c$"]) == "a\\_b, \\$c\\$"
    assert md_list([]) == ""


def test_parse_words_separators_case_order_and_duplicates():
    assert parse_words("King, queen，王后、king  Queen\tman\n") == ["king", "queen", "王后", "man"]
    assert parse_words("King king", lower=False) == ["King", "king"]
    assert parse_words("man man", unique=False) == ["man", "man"]
    assert parse_words("a b c d", limit=2) == ["a", "b"]


@pytest.mark.parametrize("text", ["", None, "  ,，、 ", "\n\t"])
def test_parse_words_empty(text):
    assert parse_words(text) == []


def test_parse_words_drops_overlong_words_instead_of_cutting_them():
    long = "x" * (MAX_LEN + 1)
    assert parse_words(f"{long} king {'y' * MAX_LEN}") == ["king", "y" * MAX_LEN]
    assert parse_words("x" * 100_000) == []
    assert parse_words("abcdef", max_len=5) == []


def test_parse_words_keeps_hostile_words_whole_for_the_escaper():
    words = parse_words("<script>alert(1)</script>, $x$ [a](b)")
    assert words == ["<script>alert(1)</script>", "$x$", "[a](b)"]


def test_split_known_and_did_you_mean():
    kv = KeyedVectors(np.eye(3), ["queen", "queens", "apple"])
    assert split_known(kv, ["apple", "quen", "queen", "<b>"]) == (["apple", "queen"], ["quen", "<b>"])
    assert did_you_mean(kv, "quen") == ["queen", "queens"]
    assert did_you_mean(kv, "x" * 10_000) == [] and did_you_mean(kv, "") == []


def test_a_page_shows_hostile_typed_words_escaped():
    """p3 lists unknown words in a warning: each hostile word shows escaped, never as live markdown."""
    raw = ["<script>alert(1)</script>", "$x$", "[a](http://127.0.0.1:9/)"]
    at = open_page("pages/p3_analogies.py", lang="en", pos="king, " + ", ".join(raw), neg="man")
    assert not at.exception
    shown = "\n".join(w.value for w in at.warning)
    for word in raw:
        assert md_escape(word) in shown and word not in shown, shown
