"""The training lab's Streamlit side (page 7): corpora, its settings (ui.state), messages and map colours.

No math here: tokenizing, training and queries are w2v_core's; the live training runs are ui/lab_runs.py's.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from ui.state import PageState, Setting
from ui.words import parse_words
from w2v_core.text import Vocab, split_sentences

CORPUS_DIR = Path(__file__).resolve().parent.parent / "assets" / "corpora"
CORPORA = {"kingdom_en": "kingdom_en.txt", "topics_en": "topics_en.txt", "kingdom_zh": "kingdom_zh.txt"}
# jieba's words of a shipped Chinese corpus, one sentence a line (make_corpora.py writes them; a test compares them
# with jieba's own output): the default Chinese corpus never loads jieba's dictionary (~80 MB per server, ~1 s).
SEGMENTED = {"kingdom_zh": "kingdom_zh.words.txt"}
CUSTOM = "custom"
MAX_BYTES = 2_000_000  # pasted or uploaded text
MAX_TOKENS = 300_000  # longer text is cut here (training stays interactive)

# gensim's defaults (shown next to each control) and the lab's, tuned for a toy corpus of a few thousand words.
GENSIM_DEFAULTS = dict(sg=0, window=5, negative=5, vector_size=100, epochs=5, alpha=0.025, min_count=5,
                       sample=1e-3, ns_exponent=0.75, seed=1)
LAB_DEFAULTS = dict(sg=1, window=5, negative=5, vector_size=50, epochs=20, alpha=0.025, min_count=2,
                    sample=0.0, ns_exponent=0.75, seed=1)
SAMPLE_CHOICES = (0.0, 1e-5, 1e-4, 1e-3, 1e-2)
DEFAULT_WORDS = {
    "kingdom_en": "king queen man woman prince princess boy girl dog cat horse cow bread cheese apples "
                  "three seven nine red blue market village",
    "topics_en": "cow horse milk farmer guitar piano song musician boat ship sailor waves book pencil teacher "
                 "onion carrot cook soup ball team",
    "kingdom_zh": "国王 王后 男人 女人 王子 公主 男孩 女孩 狗 猫 马 牛 面包 苹果 三 七 红色 蓝色 市场 村庄",
}
DEFAULT_PROBES = {  # (neighbour words, analogy a b c: a is to b as c is to ?, odd one out)
    "kingdom_en": ("king dog three", ("man", "king", "woman"), "dog cat horse bread"),
    "topics_en": ("milk guitar boat", ("cow", "farmer", "guitar"), "cow horse goat piano"),
    "kingdom_zh": ("国王 狗 三", ("男人", "国王", "女人"), "狗 猫 马 面包"),
    CUSTOM: ("", ("", "", ""), ""),
}
MAX_MAP_WORDS = 60
DEFAULT_WHY = {"kingdom_en": ("king", "queen"), "topics_en": ("guitar", "piano"), "kingdom_zh": ("国王", "王后")}


# ----------------------------------------------------------------------------------------------- corpora
@st.cache_resource(show_spinner=False)
def shipped_corpus(name: str, chinese: str) -> "Corpus":
    """A shipped toy corpus, tokenized once per server (read-only, shared by every session)."""
    if chinese == "word" and name in SEGMENTED:
        lines = (CORPUS_DIR / SEGMENTED[name]).read_text(encoding="utf-8").splitlines()
        return Corpus.from_sentences([line.split(" ") for line in lines if line], digest=f"{name}:{chinese}")
    text = (CORPUS_DIR / CORPORA[name]).read_text(encoding="utf-8")
    return Corpus.from_text(text, chinese, digest=f"{name}:{chinese}")


@dataclass(frozen=True)
class Corpus:
    sentences: list  # list[list[str]]
    digest: str  # identifies the text + segmentation (part of every run key)
    n_tokens: int
    truncated: bool
    counts: Vocab | None  # every word with its count (min_count=1), for the statistics

    @staticmethod
    def from_text(text: str, chinese: str, digest: str | None = None) -> "Corpus":
        digest = digest or hashlib.sha1(f"{chinese}\0{text}".encode("utf-8")).hexdigest()[:16]
        return Corpus.from_sentences(split_sentences(text, lang="auto", chinese=chinese), digest)

    @staticmethod
    def from_sentences(sentences: list, digest: str) -> "Corpus":
        """Tokenized sentences, cut at MAX_TOKENS (whole sentences), with their word counts."""
        kept, n, truncated = [], 0, False
        for s in sentences:
            if n + len(s) > MAX_TOKENS:
                truncated = True
                break
            kept.append(s)
            n += len(s)
        counts = Vocab.from_sentences(kept, min_count=1) if kept else None
        return Corpus(kept, digest, n, truncated, counts)


def custom_corpus(text: str, chinese: str) -> Corpus:
    """The learner's own text, tokenized once and kept in this session only (never shared, never pickled)."""
    key = hashlib.sha1(f"{chinese}\0{text}".encode("utf-8")).hexdigest()[:16]
    cache = st.session_state.setdefault("p7_custom_cache", {})
    if key not in cache:
        cache.clear()  # one custom text per session is enough
        cache[key] = Corpus.from_text(text, chinese, digest=key)
    return cache[key]


def decode_upload(data: bytes) -> str:
    """UTF-8 text of an uploaded file; raises ValueError("too_big" / "not_utf8") for the page to translate."""
    if len(data) > MAX_BYTES:
        raise ValueError("too_big")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("not_utf8") from None


# ---------------------------------------------------------------------------------------------- settings
def _hyper(name: str, cast, lo, hi, choices=None) -> Setting:
    """A gensim hyperparameter: widget key p7_<name>, URL parameter <name>; outside the range: the lab default."""
    return Setting(f"p7_{name}", LAB_DEFAULTS[name], url=name, cast=cast, lo=lo, hi=hi, choices=choices)


def _probe(i: int, j: int | None = None):
    """Default of a result probe for the chosen corpus (DEFAULT_PROBES[corpus][i], or its [i][j])."""
    def default(ss) -> str:
        probe = DEFAULT_PROBES.get(ss["p7_corpus"], DEFAULT_PROBES[CUSTOM])[i]
        return probe if j is None else probe[j]
    return default


def _clean_text(text: str) -> str:
    return " ".join(parse_words(text, limit=MAX_MAP_WORDS))


def _one_word(text: str) -> str:
    return " ".join(parse_words(text, limit=1))


def _why(i: int):
    """Default of a "why neighbours" word for the chosen corpus ("" for a custom text: the map's first words)."""
    return lambda ss: DEFAULT_WHY.get(ss["p7_corpus"], ("", ""))[i]


# A shared link reproduces the run (corpus, segmentation, map words, the values compared, the pair asked about
# "why neighbours?", every hyperparameter).
STATE = PageState("p7", [
    Setting("p7_corpus", lambda ss: "kingdom_zh" if ss.get("lang") == "zh" else "kingdom_en",  # reader's language
            url="corpus", choices=(*CORPORA, CUSTOM)),
    Setting("p7_chinese", "word", url="chinese", choices=("word", "char")),
    Setting("p7_words", lambda ss: DEFAULT_WORDS.get(ss["p7_corpus"], ""), url="words", cast=_clean_text,
            to_url=_clean_text),
    Setting("p7_cmp_a", 2, url="cmp_a", cast=int, lo=1, hi=50),
    Setting("p7_cmp_b", 15, url="cmp_b", cast=int, lo=1, hi=50),
    Setting("p7_neg_a", 1, url="neg_a", cast=int, lo=1, hi=50),
    Setting("p7_neg_b", 15, url="neg_b", cast=int, lo=1, hi=50),
    Setting("p7_why_a", _why(0), url="why_a", cast=_one_word, to_url=_one_word),
    Setting("p7_why_b", _why(1), url="why_b", cast=_one_word, to_url=_one_word),
    _hyper("sg", int, 0, 1), _hyper("window", int, 1, 50), _hyper("negative", int, 1, 50),
    _hyper("vector_size", int, 1, 300), _hyper("epochs", int, 0, 200), _hyper("alpha", float, 0.0001, 10.0),
    _hyper("min_count", int, 1, 1000), _hyper("sample", float, 0.0, 0.01, choices=SAMPLE_CHOICES),
    _hyper("ns_exponent", float, -1.0, 1.0), _hyper("seed", int, 0, 2**31 - 1),
    Setting("p7_text", ""),
    Setting("p7_nn_words", _probe(0)),
    Setting("p7_an_a", _probe(1, 0)), Setting("p7_an_b", _probe(1, 1)), Setting("p7_an_c", _probe(1, 2)),
    Setting("p7_odd", _probe(2)),
    Setting("p7_cmp_words", ""),
    Setting("p7_playing", False, saved=False),
    Setting("p7_action", None, saved=False),
])


def current_settings() -> dict:
    return {name: st.session_state[f"p7_{name}"] for name in LAB_DEFAULTS}


def explain_error(exc: Exception, settings: dict, corpus: Corpus) -> str:
    """core's ValueError for these settings, as a translated sentence (core's own words as the detail)."""
    from ui.i18n import t

    msg = str(exc)
    if msg.startswith("negative="):
        return t("p7.err_negative", negative=settings["negative"], vocab=len(corpus_vocab(corpus, settings)))
    if "no word occurs" in msg:
        return t("p7.err_min_count", min_count=settings["min_count"], top=int(corpus.counts.counts[0]))
    if "no sentence has two words" in msg:
        return t("p7.err_no_pairs")
    return t("p7.err_settings", detail=msg)


def corpus_vocab(corpus: Corpus, settings: dict) -> list:
    """Words that survive min_count (for messages only)."""
    return [w for w, c in zip(corpus.counts.index_to_key, corpus.counts.counts) if c >= settings["min_count"]]


GROUPS = {  # colour groups of the default map words (group names are translation keys p7.group_*)
    "royal": "king queen prince princess 国王 王后 王子 公主",
    "people": "man woman boy girl 男人 女人 男孩 女孩",
    "animals": "dog cat horse cow 狗 猫 马 牛",
    "food": "bread cheese apples 面包 苹果",
    "numbers": "three seven nine 三 七",
    "colours": "red blue 红色 蓝色",
    "places": "market village 市场 村庄",
    "farm": "milk farmer",
    "music": "guitar piano song musician",
    "sea": "boat ship sailor waves",
    "school": "book pencil teacher",
    "kitchen": "onion carrot cook soup",
    "sport": "ball team",
}
WORD_GROUP = {w: g for g, ws in GROUPS.items() for w in ws.split()}


def group_of(word: str, corpus: str) -> str:
    """Group key of a default map word ("" for others); topics_en puts cow/horse on the farm."""
    if corpus == "topics_en" and word in ("cow", "horse"):
        return "farm"
    return WORD_GROUP.get(word, "")


def group_names(words, corpus: str) -> list[str]:
    """The translated group of each word (colour and legend of the maps and trails)."""
    from ui.i18n import t

    return [t(f"p7.group_{g}") if (g := group_of(w, corpus)) else t("p7.group_other") for w in words]
