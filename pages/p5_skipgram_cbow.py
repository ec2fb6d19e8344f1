"""Page 5: skip-gram and CBOW - a window slides over an editable sentence and writes training samples."""
import streamlit as st

from ui import alt, present, questions_training as questions, tables
from ui.charts import grouped_bars, highlighted_bars
from ui.data import samples
from ui.i18n import md, t, tr_format
from ui.state import PageState, Setting, flag, typed_text
from ui.path import page_end
from ui.position_steps import position_view
from ui import share
from ui.stepper import legend_html, sentence_html
from ui.theme import ROLES

from w2v_core.text import tokenize

MAX_WORDS = 80  # a window sliding over more than this is no longer readable
DEFAULT_SENTENCE = "Thou shalt not make a machine in the likeness of a human mind"
MODES = ("skipgram", "cbow")

st.title(t("nav.p5"))
present.explain(md("p5_intro"))  # presenter view: folded, so the controls, step buttons and window come first

STATE = PageState("p5", [
    Setting("p5_mode", "skipgram", url="mode", choices=MODES),
    Setting("p5_window", 2, url="window", cast=int, lo=1, hi=5),
    Setting("p5_shrink", False, url="shrink", cast=flag),
    Setting("p5_seed", 1, url="seed", cast=int, lo=0, hi=10**6),
    typed_text("p5_sentence", DEFAULT_SENTENCE, "sentence", 400),  # a lesson step can set it
    Setting("p5_pos", 0, saved=False),
    Setting("p5_playing", False, saved=False),
])
STATE.restore()

c1, c2, c3 = st.columns([2, 2, 2])
with c1:
    st.radio(t("p5.mode"), MODES, **STATE.widget("p5_mode"), horizontal=True, format_func=tr_format("p5.mode_"))
with c2:
    st.slider(t("p5.window"), 1, 5, **STATE.widget("p5_window"), help=t("p5.window_help"))
with c3:
    st.toggle(t("p5.shrink"), **STATE.widget("p5_shrink"), help=t("p5.shrink_help"))
    if st.session_state.p5_shrink:
        st.number_input(t("p5.seed"), 0, 10**6, **STATE.widget("p5_seed"), step=1)
st.text_input(t("p5.sentence"), **STATE.widget("p5_sentence"), max_chars=400)

mode, window, shrink, seed = (st.session_state.p5_mode, st.session_state.p5_window, st.session_state.p5_shrink,
                              st.session_state.p5_seed)
STATE.sync()
share.panel(STATE)  # the sidebar's 'share this view' panel; hides what a link hides

tokens = tokenize(st.session_state.p5_sentence)
if len(tokens) > MAX_WORDS:
    st.caption(t("p5.truncated", n=MAX_WORDS))
    tokens = tokens[:MAX_WORDS]
if len(tokens) < 2:
    st.warning(t("p5.too_short"))
    st.stop()
if window >= len(tokens):
    st.info(t("p5.window_too_big", window=window, n=len(tokens)))


cbow, sg = samples(tuple(tokens), window, shrink, seed)
n = len(tokens)


def sliding_view(pos: int) -> None:
    # Samples of the current position (the effective window comes from w2v_core's samples, not from here).
    cur_sg = [s for s in sg if s["position"] == pos]
    cur_cb = [s for s in cbow if s["position"] == pos]
    eff = cur_sg[0]["window"] if cur_sg else (cur_cb[0]["window"] if cur_cb else window)
    roles = {pos: "center"}
    for j in range(max(0, pos - window), min(n, pos + window + 1)):
        if j != pos:
            roles[j] = "context" if abs(j - pos) <= eff else "dropped"
    st.html(sentence_html(tokens, roles, bracket=(max(0, pos - window), min(n - 1, pos + window))))
    legend = [("center", t("p5.center")), ("context", t("p5.context"))]
    if shrink:
        legend.append(("dropped", t("p5.dropped")))
    st.html(legend_html(legend))
    cap = t("p5.position", pos=pos + 1, n=n, word=tokens[pos])
    if shrink:
        cap += " " + t("p5.effective", eff=eff, window=window)
    st.caption(cap)

    done = pos + 1  # positions visited so far, including the current one
    if mode == "skipgram":
        rows = [{t("p5.col_input"): s["input"], t("p5.col_output"): s["output"]} for s in sg if s["position"] < done]
        n_new = len(cur_sg)
    else:
        rows = [{t("p5.col_context"): " ".join(s["context"]), t("p5.col_center"): s["center"]}
                for s in cbow if s["position"] < done]
        n_new = len(cur_cb)
    st.markdown(t("p5.table_title", rows=len(rows), new=n_new))
    st.dataframe(tables.rows(rows[::-1]), hide_index=True, width="stretch", height=260)


position_view("p5", n - 1, sliding_view, redraw_page=shrink)  # back, step, play/pause, reset, their keys
questions.p5_pairs(tokens, window, sg, context=(tuple(tokens), window, shrink, seed))
questions.p5_cbow(tokens, window, cbow, context=(tuple(tokens), window, shrink, seed))

st.subheader(t("p5.counts_title"))
m1, m2, m3 = st.columns(3)
m1.metric(t("p5.count_words"), n)
m2.metric(t("p5.count_cbow"), len(cbow))
m3.metric(t("p5.count_sg"), len(sg))
st.markdown(md("p5_counts"))
by_window = [samples(tuple(tokens), w, shrink, seed) for w in range(1, 6)]
n_cbow, n_sg = [len(c) for c, _ in by_window], [len(p) for _, p in by_window]
fig = grouped_bars(range(1, 6), {t("p5.count_cbow"): (n_cbow, ROLES["center"]),
                                  t("p5.count_sg"): (n_sg, ROLES["context"])},
                   height=300, title=t("p5.counts_by_window"), x_title=t("p5.window"), y_title=t("p5.samples"))
alt.plot(fig, alt.series(t("p5.window"), range(1, 6), {t("p5.count_cbow"): n_cbow, t("p5.count_sg"): n_sg}),
         key="p5_counts_chart")

with st.expander(t("p5.shrink_title"), expanded=shrink):
    st.markdown(md("p5_shrink"))
    if shrink:
        names, sizes = [f"{i + 1}·{s['center']}" for i, s in enumerate(cbow)], [s["window"] for s in cbow]
        now = [s["position"] == st.session_state.p5_pos for s in cbow]
        fig = highlighted_bars(names, sizes, now, title=t("p5.effective_short"), y_title=t("p5.window"),
                               y_max=window + 0.5)
        alt.plot(fig, alt.windows(names, sizes, now.index(True) if any(now) else None), key="p5_windows_chart")

page_end("p5")
