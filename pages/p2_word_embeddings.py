"""Page 2 · Word embeddings: GloVe's 50 numbers for a word, as coloured strips, and the columns words share."""
import numpy as np
import streamlit as st

from ui import alt, heatmaps, questions, tables
from ui.data import glove
from ui.i18n import md, t
from ui.path import page_end
from ui import share
from ui.state import PageState, Setting
from ui.words import md_escape, md_list, parse_words, split_known, warn_unknown
from w2v_core.columns import shared_columns

DEFAULT_LIST = "queen, king, woman, girl, boy, man, water"
MAX_WORDS = 16
GROUP_PRESETS = {  # button key -> words (only offered when they are all in the list)
    "women": ["woman", "girl"], "youth": ["girl", "boy"], "royalty": ["queen", "king"],
    "people": ["queen", "king", "woman", "girl", "boy", "man"], "all": None,  # None: every word in the list
}

def _url_words(raw: str) -> str:
    if len(raw) > 400:
        raise ValueError("too long")
    return ", ".join(parse_words(raw, limit=MAX_WORDS))


def _joined(words: list[str]) -> str:
    return ", ".join(words)


# A shared link (?word=&words=&group=&top=) decides on the first visit; the URL shows the words the page uses.
STATE = PageState("p2", [
    Setting("p2_word", "king", url="word", cast=_url_words, to_url=lambda v: _joined(parse_words(v, limit=1))),
    Setting("p2_words", DEFAULT_LIST, url="words", cast=_url_words),  # written as the known words (see below)
    Setting("p2_group", ["woman", "girl"], url="group", cast=lambda r: parse_words(_url_words(r)), to_url=_joined),
    Setting("p2_top", 3, url="top", cast=int, lo=1, hi=8),
])
STATE.restore()

st.title(t("p2.title"))
st.markdown(md("p2_intro"))
kv = glove()
if kv is None:
    st.stop()

labels = dict(dim_label=t("p2.dim"), value_label=t("p2.value"), colorbar_title=t("p2.value"))

# 1 · One word -----------------------------------------------------------------------------------------------
st.header(t("p2.h_one"))
words_one = parse_words(st.text_input(t("p2.word_label"), **STATE.widget("p2_word"), max_chars=60), limit=1)
known_one, unknown_one = split_known(kv, words_one)
if not words_one:
    st.info(t("p2.empty_word"))
warn_unknown(kv, unknown_one)
if known_one:
    word = known_one[0]
    vec = np.asarray(kv.get_vector(word))  # (50,)
    st.markdown(t("p2.list_caption", word=md_escape(word), d=len(vec)))
    st.code("[" + ", ".join(np.format_float_positional(np.float32(v)) for v in vec) + "]", language=None,
            wrap_lines=True)
    st.markdown(md("p2_colours"))
    alt.plot(heatmaps.strips(vec[None, :], [word], row_height=110, **labels), alt.strip(word, vec), key="p2_strip_one")

# 2 · Many words, aligned by dimension ----------------------------------------------------------------------
st.header(t("p2.h_many"))
st.markdown(md("p2_many"))
raw = parse_words(st.text_input(t("p2.words_label"), **STATE.widget("p2_words"), help=t("p2.words_help")),
                  limit=MAX_WORDS + 1)
if len(raw) > MAX_WORDS:
    st.info(t("p2.too_many", n=MAX_WORDS))
    raw = raw[:MAX_WORDS]
words, unknown = split_known(kv, raw)
warn_unknown(kv, unknown)
if len(words) < 2:
    st.info(t("p2.need_two"))
    st.stop()
X = np.stack([np.asarray(kv.get_vector(w)) for w in words])  # (n, 50)

# The shared-column finder picks a group; its columns are outlined in the strips below.
st.subheader(t("p2.h_shared"))
st.markdown(md("p2_shared"))
st.session_state["p2_group"] = [w for w in st.session_state["p2_group"] if w in words]  # list may have changed


def _set_group(group: list[str]) -> None:
    STATE.set("p2_group", group)


with st.container(horizontal=True, wrap=True):  # the buttons wrap onto a second line on narrow screens
    for name, group in GROUP_PRESETS.items():
        group = list(words) if group is None else group
        st.button(t(f"p2.preset_{name}"), key=f"p2_preset_{name}", on_click=_set_group, args=(group,),
                  disabled=not all(w in words for w in group), width="content")
gcol, ncol = st.columns([3, 1])
group = gcol.multiselect(t("p2.group_label"), words, **STATE.widget("p2_group"))
top_n = ncol.slider(t("p2.top_label"), 1, 8, **STATE.widget("p2_top"))
STATE.sync(words=_joined(words))
share.panel(STATE)  # the sidebar's 'share this view' panel; hides what a link hides
top: list[int] = []
if group:
    sc = shared_columns(X, [words.index(w) for w in group])
    top = sc.top(top_n)
else:
    st.info(t("p2.pick_group"))

alt.plot(heatmaps.strips(X, words, highlight=top, **labels), alt.strips(words, top), key="p2_strips")

# Below the strips: the pairwise similarities (every column at once) and the finder's columns (a few columns).
left, right = st.columns([1, 1])
with left:
    sims = np.stack([kv.cosine_similarities(x, X) for x in X])  # (n, n)
    alt.plot(heatmaps.similarity_heatmap(sims, words, value_label=t("p2.cosine"), title=t("p2.sim_title")),
             alt.similarity(words, sims), key="p2_sims")
with right:
    if group and top:
        rest = [w for w in words if w not in group]
        st.markdown(t("p2.found", group=md_list(group), dims=", ".join(map(str, top))))
        table = tables.columns({
            t("p2.dim"): top,
            t("p2.col_side"): [t("p2.side_red") if sc.sign[j] > 0 else t("p2.side_blue") for j in top],
            t("p2.col_score"): [float(sc.score[j]) for j in top],
            **{f"“{w}”": [float(X[words.index(w), j]) for j in top] for w in group},
            t("p2.col_rest"): [float(sc.rest[j]) for j in top],
        })
        st.dataframe(table, hide_index=True, width="stretch", key="p2_table",
                     column_config={c: st.column_config.NumberColumn(format="%.3f") for c in table.column_names[2:]})
        st.caption(t("p2.rest_caption", rest=md_list(rest) if rest else "—"))
    elif group:
        st.warning(t("p2.nothing_shared"))
questions.p2_odd_one_out(words, sims)
questions.p2_shared_column(words, X)
st.markdown(md("p2_takeaways"))

page_end("p2")
