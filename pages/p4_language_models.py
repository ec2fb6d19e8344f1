"""Page 4: language models - next-word prediction with a tiny softmax model, the sliding window, looking both ways."""
import numpy as np
import streamlit as st

from ui import alt, present, questions, tables
from ui.data import CORPORA, language_model
from ui.charts import prob_bars
from ui.heatmaps import matrix_heatmap
from ui.i18n import md, t, tr_format
from ui.state import PageState, Setting, typed_text
from ui.path import page_end
from ui.position_steps import position_view
from ui import share
from ui.stepper import legend_html, sentence_html
from ui.words import md_list, split_known
from w2v_core.samples import lm_windows
from w2v_core.softmax_lm import UnknownWordsError
from w2v_core.text import tokenize

MAX_WORDS = 80  # a window sliding over more than this is no longer readable
DEFAULT_SENTENCE = "Thou shalt not make a machine in the likeness of a human mind"
TOP = 10


START = {"en": "thou shalt", "zh": "我想"}


st.title(t("nav.p4"))
PRESENT_TOP = present.top()  # presenter view: the sliding window goes here
present.explain(md("p4_intro"))

STATE = PageState("p4", [
    Setting("p4_n", 3, url="n", cast=int, lo=2, hi=6),
    Setting("p4_lm", "en", url="lm", choices=tuple(CORPORA)),
    Setting("p4_prev", lambda ss: START[ss["p4_lm"]]),  # the start of a sentence in the chosen corpus
    typed_text("p4_sentence", DEFAULT_SENTENCE, "sentence", 400),
    Setting("p4_pos", 0, saved=False),
    Setting("p4_playing", False, saved=False),
    Setting("p4_blank_left", "jay was hit by a"),
    Setting("p4_blank_right", "bus"),
])
STATE.restore()
STATE.sync()
share.panel(STATE)  # the sidebar's 'share this view' panel; hides what a link hides


def _corpus_changed() -> None:
    STATE.set("p4_prev", START[st.session_state.p4_lm])

# ---------------------------------------------------------------- 1. next-word prediction
st.header(t("p4.h_predict"))
st.markdown(md("p4_predict"))
st.radio(t("p4.lm"), tuple(CORPORA), **STATE.widget("p4_lm", on_change=_corpus_changed), horizontal=True,
         format_func=tr_format("p4.lm_"))
lm = language_model(2, 0, st.session_state.p4_lm)
words = lm.vocab.index_to_key
st.text_input(t("p4.prev"), **STATE.widget("p4_prev"), max_chars=200, help=t("p4.prev_help"))
prev = tokenize(st.session_state.p4_prev)
_, unknown = split_known(lm.vocab, prev[-lm.left:])
with st.expander(t("p4.vocab_title", v=len(words))):
    st.write(", ".join(sorted(words)))

if not prev:
    st.info(t("p4.prev_empty"))
elif unknown:
    st.warning(t("p4.unknown", words=md_list(unknown)))
else:
    probs, trace = lm.predict(prev)
    top = np.argsort(probs)[::-1][:TOP]
    used = prev[-lm.left:]
    st.markdown(t("p4.uses", words=" ".join(used)))
    top_words = [words[i] for i in top]
    alt.plot(prob_bars(top_words, probs[top], t("p4.bars_title", words=" ".join(used)), t("p4.prob")),
             alt.bars(top_words, probs[top]), key="p4_bars")

    def _append(word: str) -> None:
        STATE.set("p4_prev", f"{st.session_state.p4_prev.rstrip()} {word}")

    st.caption(t("p4.keyboard"))
    for col, i in zip(st.columns(6), top[:3]):  # like a phone keyboard: tap a suggestion to accept it
        col.button(words[i], key=f"p4_pick_{words[i]}", on_click=_append, args=(words[i],), width="stretch")
    questions.p4_next_word(lm, prev, words[top[0]])

    st.subheader(t("p4.h_steps"))
    def _top_table(column: str, values, fmt: str, key: str) -> None:
        """The top words beside one stage's numbers (logits, then probabilities)."""
        st.dataframe(tables.columns({t("p4.col_word"): top_words, column: np.asarray(values, float)[top]}),
                     hide_index=True, width="stretch", key=key,
                     column_config={column: st.column_config.NumberColumn(format=fmt)})

    s1, s2, s3 = st.columns([1.2, 1, 1])
    with s1:
        st.markdown(t("p4.step1"))
        inputs = {i: "center" for i in range(len(used))}
        alt.plot(matrix_heatmap(trace.embeddings, used, "", inputs, col_title=t("p4.dimension"), height=200),
                 alt.rows(t("p4.features"), used, trace.embeddings.shape[1], inputs), key="p4_lookup")
        st.caption(t("p4.step1_caption", n=len(used), d=trace.embeddings.shape[1], h=trace.hidden.shape[0]))
    with s2:
        st.markdown(t("p4.step2"))
        _top_table(t("p4.col_logit"), trace.logits, "%.3f", "p4_logits")
        st.caption(t("p4.step2_caption", v=len(words)))
    with s3:
        st.markdown(t("p4.step3"))
        _top_table(t("p4.prob"), trace.probs, "%.4f", "p4_probs")
        st.caption(t("p4.step3_caption", v=len(words)))

# ---------------------------------------------------------------- 2. the sliding window makes the dataset
with present.first(PRESENT_TOP):
    st.header(t("p4.h_window"))
    present.explain(md("p4_window"))
    c1, c2 = st.columns([3, 1])
    c1.text_input(t("p4.sentence"), **STATE.widget("p4_sentence"), max_chars=400)
    c2.slider(t("p4.n"), 2, 6, **STATE.widget("p4_n"), help=t("p4.n_help"))
    tokens = tokenize(st.session_state.p4_sentence)
    if len(tokens) > MAX_WORDS:
        st.caption(t("p4.truncated", n=MAX_WORDS))
        tokens = tokens[:MAX_WORDS]
    n = st.session_state.p4_n
    rows = lm_windows(tokens, n) if tokens else []
    if len(tokens) < 2:
        st.warning(t("p4.too_short"))
    elif not rows:
        st.warning(t("p4.window_too_big", n=n, words=len(tokens)))
    else:
        counted = questions.p4_rows(tokens, n, rows)  # the number of windows stays a "?" until then
        last = len(rows) - 1

        def window_view(pos: int) -> None:
            row = rows[pos]
            start = row["start"]
            roles = {i: "feature" for i in range(start, start + n - 1)}
            roles[start + n - 1] = "label"
            st.html(sentence_html(tokens, roles, bracket=(start, start + n - 1)))
            st.html(legend_html([("feature", t("p4.features")), ("label", t("p4.label"))]))
            st.caption(t("p4.window_pos", pos=pos + 1, total=len(rows) if counted else "?"))
            table = [{t("p4.col_features"): " ".join(r["features"]), t("p4.col_label"): r["label"]}
                     for r in rows[:pos + 1]]
            st.dataframe(tables.rows(table), hide_index=True, width="stretch", height=min(400, 36 * len(table) + 40),
                         key="p4_dataset")

        position_view("p4", last, window_view)  # back, step, play/pause, reset, and their keys

# ---------------------------------------------------------------- 3. look both ways
st.header(t("p4.h_both"))
st.markdown(md("p4_both"))
c1, c2 = st.columns(2)
c1.text_input(t("p4.blank_left"), **STATE.widget("p4_blank_left"), max_chars=200)
c2.text_input(t("p4.blank_right"), **STATE.widget("p4_blank_right"), max_chars=100)
left_words = tokenize(st.session_state.p4_blank_left)
right_words = tokenize(st.session_state.p4_blank_right)
st.html(sentence_html([*left_words, "____", *right_words], {len(left_words): "blank"}))
lm_left = language_model(2, 0)  # the article's example is English, whatever corpus section 1 uses
lm_both = language_model(2, 1)
if not left_words:
    st.info(t("p4.blank_need_left"))
else:
    cols = st.columns(2)
    for col, model, rw, title, key in ((cols[0], lm_left, (), t("p4.left_only"), "p4_left_bars"),
                                       (cols[1], lm_both, right_words[:1], t("p4.both_sides"), "p4_both_bars")):
        with col:
            try:
                probs, _ = model.predict(left_words, rw)
            except UnknownWordsError as err:
                st.warning(t("p4.unknown", words=md_list(err.words)))
                continue
            top = np.argsort(probs)[::-1][:5]
            seen = " ".join(left_words[-model.left:]) + " ____ " + " ".join(rw)
            st.markdown(f"**{title}**")
            st.caption(t("p4.model_sees", seen=seen.strip()))
            top_words = [model.vocab.index_to_key[i] for i in top]
            alt.plot(prob_bars(top_words, probs[top], "", t("p4.prob"), highlight=top_words[0]),
                     alt.bars(top_words, probs[top]), key=key)
    if not right_words:
        st.info(t("p4.blank_add_right"))
st.markdown(md("p4_both_after"))

page_end("p4")
