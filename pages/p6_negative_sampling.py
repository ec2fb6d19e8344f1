"""Page 6: training with negative sampling - why softmax is slow, the neighbour task, and the SGNS stepper."""
import numpy as np
import pandas as pd
import streamlit as st

from ui import alt, keys, present, questions_training as questions, sgns_view, tables
from ui.charts import grouped_bars, line_chart
from ui.heatmaps import matrix_heatmap
from ui.i18n import md, t, tr_format
from ui.p6_softmax import softmax_section
from ui.path import page_end
from ui import share
from ui.state import PageState, Setting, typed_text
from ui.stepper import legend_html
from ui.theme import GREY, ROLES
from w2v_core import sgns_demo
from w2v_core.keyedvectors import KeyedVectors
from w2v_core.samples import NegativeSampler, unigram_distribution

DEFAULT_TEXT = "Thou shalt not make a machine in the likeness of a human mind.\nAaron ate a taco."
DEFAULT_SEED = 1957  # with the default text, step 1 draws the article's negatives: aaron and taco
ALPHAS = (0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1.0)
SOURCES = ("sentence", "toy", "toy_zh")
NS_EXPONENT = 0.75  # the stepper draws negatives like gensim's default

st.title(t("nav.p6"))
PRESENT_TOP = present.top()  # presenter view: the stepper goes here
present.explain(md("p6_intro"))

STATE = PageState("p6", [
    Setting("p6_source", "sentence", url="source", choices=SOURCES),
    typed_text("p6_text", DEFAULT_TEXT, "text", 2000),
    Setting("p6_window", 2, url="window", cast=int, lo=1, hi=5),
    Setting("p6_negative", 2, url="negative", cast=int, lo=1, hi=20),
    Setting("p6_dim", 4, url="dim", cast=int, lo=2, hi=10),
    Setting("p6_alpha", 0.1, url="alpha", cast=float, choices=ALPHAS),
    Setting("p6_seed", DEFAULT_SEED, url="seed", cast=int, lo=0, hi=10**6),
    Setting("p6_sg", 1, url="sg", cast=int, choices=(0, 1)),
    Setting("p6_oneclick", False),
    Setting("p6_ns", 0.75),
])
STATE.restore()

# ---------------------------------------------------------------- 1. why softmax is expensive
st.header(t("p6.h_softmax"))
st.markdown(md("p6_softmax"))
softmax_section(st.session_state.p6_negative)

# ---------------------------------------------------------------- 2. is it a neighbour?
st.header(t("p6.h_neighbour"))
st.markdown(md("p6_neighbour"))

# ---------------------------------------------------------------- settings shared by 2 and 3
with st.container(border=True):
    st.markdown(t("p6.settings"))
    c1, c2 = st.columns([3, 2])
    with c1:
        st.radio(t("p6.source"), SOURCES, **STATE.widget("p6_source"), horizontal=True,
                 format_func=tr_format("p6.source_"))
        ss_source = st.session_state.p6_source
        # Always drawn (disabled for the corpora) so an edited sentence survives a trip to a corpus and back.
        st.text_area(t("p6.text"), **STATE.widget("p6_text", disabled=ss_source != "sentence"), height=80,
                     max_chars=2000)
        if ss_source == "sentence":
            text = st.session_state.p6_text
        else:  # the corpora are data, the same in both interface languages
            text = md("p6_toy_corpus" if ss_source == "toy" else "p6_toy_corpus_zh", lang="en")
            with st.expander(t("p6.toy_caption")):
                st.text(text)
        st.radio(t("p6.sg"), (1, 0), **STATE.widget("p6_sg"), horizontal=True, format_func=tr_format("p6.sg_"),
                 help=t("p6.sg_help"))
    with c2:
        a, b = st.columns(2)
        a.slider(t("p6.window"), 1, 5, **STATE.widget("p6_window"), help=t("p6.window_help"))
        b.slider(t("p6.negative"), 1, 20, **STATE.widget("p6_negative"), help=t("p6.negative_help"))
        a.slider(t("p6.dim"), 2, 10, **STATE.widget("p6_dim"), help=t("p6.dim_help"))
        b.select_slider(t("p6.alpha"), ALPHAS, **STATE.widget("p6_alpha"), help=t("p6.alpha_help"))
        a.number_input(t("p6.seed"), 0, 10**6, **STATE.widget("p6_seed"), step=1)

ss = st.session_state
window, negative, dim, alpha, seed, sg = ss.p6_window, ss.p6_negative, ss.p6_dim, ss.p6_alpha, ss.p6_seed, ss.p6_sg
STATE.sync()
share.panel(STATE)  # the sidebar's 'share this view' panel; hides what a link hides


try:
    data = sgns_view.stepper_data(text, window)
except ValueError:
    st.warning(t("p6.too_short"))
    st.stop()
vocab = data.vocab
words = vocab.index_to_key
V = len(vocab)
k_max = sgns_demo.max_negative(V)
if k_max < 1:
    st.warning(t("p6.too_short"))
    st.stop()
if negative > k_max:
    st.warning(t("p6.too_many_negatives", k=negative, v=V, k_max=k_max))
    negative = k_max

# The positive-only dataset, then the same pairs with negatives (the stepper's first steps, so they match below).
n_show = min(4, len(data.pairs))
pos_rows = [{t("p6.col_input"): words[c], t("p6.col_output"): words[o], t("p6.col_target"): 1}
            for c, o in data.pairs[:n_show]]
left, right = st.columns(2)
with left:
    st.markdown(t("p6.positive_only"))
    st.dataframe(tables.rows(pos_rows), hide_index=True, width="stretch")
    st.metric(t("p6.always_one_acc"), f"{np.mean([r[t('p6.col_target')] == 1 for r in pos_rows]):.0%}")
    st.caption(t("p6.always_one"))
with right:
    st.markdown(t("p6.with_negatives", k=negative))
    rows = []
    for s in range(n_show):
        c, o, negs = data.sample(s, negative, seed, NS_EXPONENT)
        rows.append({t("p6.col_input"): words[c], t("p6.col_output"): words[o], t("p6.col_target"): 1})
        rows += [{t("p6.col_input"): words[c], t("p6.col_output"): words[n], t("p6.col_target"): 0} for n in negs]
    st.dataframe(tables.rows(rows), hide_index=True, width="stretch", height=min(400, 36 * len(rows) + 40))
    st.metric(t("p6.always_one_acc"), f"{np.mean([r[t('p6.col_target')] == 1 for r in rows]):.0%}")
    st.caption(t("p6.with_negatives_caption"))

st.subheader(t("p6.h_distribution"))
st.markdown(md("p6_distribution"))
st.slider(t("p6.ns_exponent"), 0.0, 1.0, **STATE.widget("p6_ns"), step=0.05)
probs = unigram_distribution(vocab.counts, ss.p6_ns)
raw = unigram_distribution(vocab.counts, 1.0)
draws = NegativeSampler(vocab.counts, ns_exponent=ss.p6_ns, rng=np.random.default_rng(seed)).draw(50)
drawn = np.bincount(draws, minlength=V)
fig = grouped_bars(words, {t("p6.dist_raw"): (raw, GREY), t("p6.dist_ns", e=ss.p6_ns): (probs, ROLES["negative"])},
                   dots=(t("p6.dist_drawn"), drawn / 50, ROLES["context"]), height=340, y_title=t("p6.dist_y"),
                   percent=True)
alt.plot(fig, alt.distribution(words, probs, raw, drawn, 50), key="p6_dist_chart")

# ---------------------------------------------------------------- 3. the SGNS stepper
def _press(action) -> None:
    """Button callback: one move of this session's stepper; an overflow is kept for the fragment to explain."""
    try:
        action(ss.p6_sim)
    except ValueError:  # the learning rate blew the vectors up: the stepper kept its matrices
        ss.p6_diverged = True


def _controls(sim: sgns_demo.Stepper) -> None:
    """Back, next / apply, run 10, 100, 1000 steps, reset (the keys press them), the one-click switch, the status."""
    b = st.columns([1, 1.3, 1, 1, 1, 1])
    keys.slot("back", b[0]).button(t("keys.back_button"), key="p6_back", on_click=_press, width="stretch",
                                   args=(lambda s: s.back(one_click=ss.p6_oneclick),), disabled=sim.phase == "start")
    keys.slot("next", b[1]).button(t("p6.apply") if sim.phase == "computed" else t("p6.next"), key="p6_next",
                                   on_click=_press, args=(lambda s: s.next(one_click=ss.p6_oneclick),),
                                   type="primary", width="stretch")
    for col, n in zip(b[2:5], (10, 100, 1000)):
        col.button(t("p6.run", n=n), key=f"p6_run{n}", on_click=_press, args=(lambda s, n=n: s.run(n),),
                   width="stretch")
    keys.slot("reset", b[5]).button(t("p6.reset"), key="p6_reset", on_click=_press, args=(sgns_demo.Stepper.reset,),
                                    width="stretch")
    keys.bind_keys(("next", "back", "reset"))
    st.toggle(t("p6.oneclick"), **STATE.widget("p6_oneclick"))
    if ss.pop("p6_diverged", False):
        st.error(t("p6.diverged", alpha=alpha))
    st.caption(t("p6.status", step=sim.step, v=V, dim=dim) + " · " +
               (t("p6.status_sg", pairs=len(data.pairs)) if sg else t("p6.status_cbow", n=len(data.cbow))))


def _matrices(sim: sgns_demo.Stepper) -> None:
    """Both matrices as heatmaps, the rows the shown step reads framed in their role's colour."""
    highlight_e, highlight_c = {}, {}
    tr = sim.trace
    if tr is not None:
        target, negs = int(tr.targets[0]), tr.targets[1:]
        highlight_e = {i: "center" for i in tr.inputs}
        highlight_c = {int(n): "negative" for n in negs}
        highlight_c[target] = "context"
        in_words = ", ".join(words[i] for i in tr.inputs)
        st.html(legend_html([
            ("center", t("p6.leg_input", w=in_words) if sg else t("p6.leg_inputs_cbow", w=in_words)),
            ("context", t("p6.leg_context", w=words[target]) if sg else t("p6.leg_center_cbow", w=words[target])),
            ("negative", t("p6.leg_negative", w=", ".join(words[n] for n in negs)))]))

    zmax = float(max(np.abs(sim.embedding).max(), np.abs(sim.context).max(), 1e-6))
    h1, h2 = st.columns(2)
    for where, m, title, marks, key in ((h1, sim.embedding, t("p6.embedding_title"), highlight_e, "p6_heat_e"),
                                        (h2, sim.context, t("p6.context_title"), highlight_c, "p6_heat_c")):
        alt.plot(matrix_heatmap(m, words, title, marks, zmax, t("p6.dimension")),
                 alt.rows(title, words, m.shape[1], marks), key=key, where=where)
    if sim.phase == "computed":
        st.caption(t("p6.matrices_before"))


def _loss_curve(sim: sgns_demo.Stepper) -> None:
    """The loss of every applied step and its moving average."""
    losses = pd.Series(sim.losses, index=range(1, len(sim.losses) + 1))
    ys = {t("p6.loss_step"): losses}
    if len(losses) >= 20:
        ys[t("p6.loss_avg")] = losses.rolling(50, min_periods=1).mean()
    stride = -(-len(losses) // 3000)  # draw at most ~3000 points per line, so long runs stay quick to plot
    ys = {name: y.iloc[::stride] for name, y in ys.items()}
    alt.plot(line_chart(losses.index[::stride], ys, t("p6.loss_title"), t("p6.loss_x"), t("p6.loss_y"),
                        markers=len(losses) < 30, colors=[GREY, ROLES["center"]], widths=[1, 3]),
             alt.loss(sim.losses), key="p6_loss")


def _neighbours(sim: sgns_demo.Stepper) -> None:
    """After training only the Embedding matrix is kept: the nearest words of a chosen one."""
    st.subheader(t("p6.h_neighbours"))
    st.markdown(md("p6_neighbours"))
    kv = KeyedVectors(np.asarray(sim.embedding), list(words))  # the Context matrix is discarded here
    first = next((w for w in ("king", "国王", "not") if w in words), words[0])
    q = st.selectbox(t("p6.query_word"), words, index=words.index(first), key="p6_query")
    if q is not None and q in kv:
        nn = kv.most_similar(q, topn=min(5, V - 1))
        st.dataframe(tables.rows([{t("p6.col_word"): w, t("p6.col_cosine"): float(s)} for w, s in nn]),
                     hide_index=True, width="content", key="p6_nn")


@st.fragment
def stepper() -> None:
    """The stepper and the neighbours: a click here reruns only this part of the page."""
    settings = (text, window, negative, dim, alpha, seed, sg)
    if ss.get("p6_sim_key") != settings or "p6_sim" not in ss:  # new settings: start again from the seeded start
        ss.p6_sim = sgns_demo.Stepper(data, dim, negative, alpha, seed, sg, NS_EXPONENT)
        ss.p6_sim_key = settings
    sim = ss.p6_sim
    questions.p6_highest(sim, words, context=(settings, sim.step))
    _controls(sim)
    _matrices(sim)
    sgns_view.trace_section(sim, words)
    if sim.phase == "applied":
        questions.p6_moved(sim, words, context=(settings, sim.step))
    if len(sim.losses):
        _loss_curve(sim)
    with st.expander(t("p6.code_title")):
        st.markdown(t("p6.code_caption", fn="sgns_step" if sg else "cbow_step"))
        st.code(sgns_view.step_source(sg), language="python")
    _neighbours(sim)


with present.first(PRESENT_TOP):
    st.header(t("p6.h_stepper"))
    present.explain(md("p6_stepper"))
    stepper()

with st.expander(t("p6.try_title")):
    st.markdown(md("p6_try"))

# ---------------------------------------------------------------- 4. window size and negatives
st.header(t("p6.h_hyper"))
st.markdown(md("p6_hyper"))
st.page_link("pages/p7_training_lab.py", label=t("p6.to_lab"), icon="🧪")

page_end("p6")
