"""Page 6: training with negative sampling - why softmax is slow, the neighbour task, and the SGNS stepper."""
import inspect

import numpy as np
import pandas as pd
import streamlit as st

from ui.i18n import md, t
from ui.state import init_defaults, qp_get, qp_set
from ui.charts import grouped_bars, line_chart
from ui.heatmaps import matrix_heatmap
from ui.stepper import fmt, legend_html, sentence_html, vec_str
from ui.theme import GREY, ROLES

from ui.p6_softmax import softmax_section
from ui.path import page_end
from w2v_core import sgns_demo
from w2v_core.keyedvectors import KeyedVectors
from w2v_core.samples import NegativeSampler, unigram_distribution
from w2v_core.sgns import cbow_step, init_params, sgns_step
from w2v_core.text import split_sentences

DEFAULT_TEXT = "Thou shalt not make a machine in the likeness of a human mind.\nAaron ate a taco."
DEFAULT_SEED = 1957  # with the default text, step 1 draws the article's negatives: aaron and taco
ALPHAS = (0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1.0)
SOURCES = ("sentence", "toy", "toy_zh")
NS_EXPONENT = 0.75  # the stepper draws negatives like gensim's default

st.title(t("nav.p6"))
st.markdown(md("p6_intro"))

init_defaults({
    "p6_source": qp_get("source", "sentence", choices=SOURCES),
    "p6_text": DEFAULT_TEXT,
    "p6_window": qp_get("window", 2, int, lo=1, hi=5),
    "p6_negative": qp_get("negative", 2, int, lo=1, hi=20),
    "p6_dim": qp_get("dim", 4, int, lo=2, hi=10),
    "p6_alpha": qp_get("alpha", 0.1, float, choices=ALPHAS),
    "p6_seed": qp_get("seed", DEFAULT_SEED, int, lo=0, hi=10**6),
    "p6_sg": qp_get("sg", 1, int, choices=(0, 1)),
    "p6_oneclick": False,
    "p6_ns": 0.75,
})

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
        st.radio(t("p6.source"), SOURCES, key="p6_source", horizontal=True,
                 format_func=fmt("p6.source_"))
        ss_source = st.session_state.p6_source
        # Always drawn (disabled for the corpora) so an edited sentence survives a trip to a corpus and back.
        st.text_area(t("p6.text"), key="p6_text", height=80, max_chars=2000, disabled=ss_source != "sentence")
        if ss_source == "sentence":
            text = st.session_state.p6_text
        else:  # the corpora are data, the same in both interface languages
            text = md("p6_toy_corpus" if ss_source == "toy" else "p6_toy_corpus_zh", lang="en")
            with st.expander(t("p6.toy_caption")):
                st.text(text)
        st.radio(t("p6.sg"), (1, 0), key="p6_sg", horizontal=True, format_func=fmt("p6.sg_"), help=t("p6.sg_help"))
    with c2:
        a, b = st.columns(2)
        a.slider(t("p6.window"), 1, 5, key="p6_window", help=t("p6.window_help"))
        b.slider(t("p6.negative"), 1, 20, key="p6_negative", help=t("p6.negative_help"))
        a.slider(t("p6.dim"), 2, 10, key="p6_dim", help=t("p6.dim_help"))
        b.select_slider(t("p6.alpha"), ALPHAS, key="p6_alpha", help=t("p6.alpha_help"))
        a.number_input(t("p6.seed"), 0, 10**6, key="p6_seed", step=1)

ss = st.session_state
window, negative, dim, alpha, seed, sg = ss.p6_window, ss.p6_negative, ss.p6_dim, ss.p6_alpha, ss.p6_seed, ss.p6_sg
qp_set(source=ss.p6_source, window=window, negative=negative, dim=dim, alpha=alpha, seed=seed, sg=sg)


@st.cache_data(max_entries=32)
def stepper_data(text: str, window: int):
    return sgns_demo.StepperData.from_sentences(split_sentences(text), window=window)


try:
    data = stepper_data(text, window)
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
    st.dataframe(pos_rows, hide_index=True, width="stretch")
    st.metric(t("p6.always_one_acc"), f"{np.mean([r[t('p6.col_target')] == 1 for r in pos_rows]):.0%}")
    st.caption(t("p6.always_one"))
with right:
    st.markdown(t("p6.with_negatives", k=negative))
    rows = []
    for s in range(n_show):
        c, o, negs = data.sample(s, negative, seed, NS_EXPONENT)
        rows.append({t("p6.col_input"): words[c], t("p6.col_output"): words[o], t("p6.col_target"): 1})
        rows += [{t("p6.col_input"): words[c], t("p6.col_output"): words[n], t("p6.col_target"): 0} for n in negs]
    st.dataframe(rows, hide_index=True, width="stretch", height=min(400, 36 * len(rows) + 40))
    st.metric(t("p6.always_one_acc"), f"{np.mean([r[t('p6.col_target')] == 1 for r in rows]):.0%}")
    st.caption(t("p6.with_negatives_caption"))

st.subheader(t("p6.h_distribution"))
st.markdown(md("p6_distribution"))
st.slider(t("p6.ns_exponent"), 0.0, 1.0, key="p6_ns", step=0.05)
probs = unigram_distribution(vocab.counts, ss.p6_ns)
raw = unigram_distribution(vocab.counts, 1.0)
draws = NegativeSampler(vocab.counts, ns_exponent=ss.p6_ns, rng=np.random.default_rng(seed)).draw(50)
drawn = np.bincount(draws, minlength=V)
fig = grouped_bars(words, {t("p6.dist_raw"): (raw, GREY), t("p6.dist_ns", e=ss.p6_ns): (probs, ROLES["negative"])},
                   dots=(t("p6.dist_drawn"), drawn / 50, ROLES["context"]), height=340, y_title=t("p6.dist_y"),
                   percent=True)
st.plotly_chart(fig, width="stretch", key="p6_dist_chart")

# ---------------------------------------------------------------- 3. the SGNS stepper
st.header(t("p6.h_stepper"))
st.markdown(md("p6_stepper"))


@st.fragment
def stepper() -> None:
    """The stepper and the neighbours: a click here reruns only this part of the page."""
    sim_key = (text, window, negative, dim, alpha, seed, sg)

    def _fresh():
        emb, ctx = init_params(V, dim, seed, context_init="random")
        return {"key": sim_key, "E": emb, "C": ctx, "step": 0, "losses": np.empty(0, np.float32), "phase": "start",
                "trace": None, "pending": None, "sample": None, "inputs_before": None}

    def _sample(step: int):
        """(input ids, target id, negatives): skip-gram has one input word, CBOW the whole context."""
        if sg:
            c, o, negs = data.sample(step, negative, seed, NS_EXPONENT)
            return [c], o, negs
        ctx, c, negs = data.sample_cbow(step, negative, seed, NS_EXPONENT)
        return [int(i) for i in ctx], c, negs

    if "p6_sim" not in ss or ss.p6_sim["key"] != sim_key:
        ss.p6_sim = _fresh()
    sim = ss.p6_sim

    def _apply_pending():
        if sim["phase"] == "computed":
            sim["E"], sim["C"] = sim["pending"]
            sim["pending"] = None
            sim["losses"] = np.append(sim["losses"], np.float32(sim["trace"].loss))
            sim["step"] += 1
            sim["phase"] = "applied"

    def _compute(E, C, step: int) -> bool:
        """One step on (E, C), kept pending (not applied); False when the vectors overflowed."""
        inputs, target, negs = _sample(step)
        with np.errstate(over="ignore", invalid="ignore"):  # the same steps the trainer runs:
            if sg:
                emb, ctx, trace = sgns_step(E, C, inputs[0], target, negs, alpha)
            else:
                emb, ctx, trace = cbow_step(E, C, inputs, target, negs, alpha)
        try:
            sgns_demo.check_step(trace, step)
        except ValueError:
            sim["error"] = True
            return False
        sim.update(trace=trace, pending=(emb, ctx), sample=(inputs, target, negs), inputs_before=E[inputs],
                   phase="computed")
        return True

    def _next():
        if sim["phase"] == "computed":
            _apply_pending()
        elif _compute(sim["E"], sim["C"], sim["step"]) and ss.p6_oneclick:
            _apply_pending()

    def _run(n: int):
        _apply_pending()
        try:  # n - 1 steps in one go, then the last one like a click, so its trace and before/after can be shown
            emb, ctx, losses, _ = sgns_demo.run_steps(sim["E"], sim["C"], data, sim["step"], n - 1, negative, alpha,
                                                      seed, NS_EXPONENT, sg=sg)
        except ValueError:  # diverged: keep the matrices as they were before this run
            sim["error"] = True
            return
        before = (sim["E"], sim["C"], sim["step"], sim["losses"])
        sim.update(E=emb, C=ctx, step=sim["step"] + n - 1)
        sim["losses"] = np.append(sim["losses"], losses.astype(np.float32))  # 4 bytes a step per user
        if _compute(emb, ctx, sim["step"]):
            _apply_pending()
        else:
            sim["E"], sim["C"], sim["step"], sim["losses"] = before

    def _reset():
        ss.p6_sim = _fresh()

    b = st.columns([1.3, 1, 1, 1, 1])
    b[0].button(t("p6.apply") if sim["phase"] == "computed" else t("p6.next"), key="p6_next", on_click=_next,
                type="primary", width="stretch")
    b[1].button(t("p6.run", n=10), key="p6_run10", on_click=_run, args=(10,), width="stretch")
    b[2].button(t("p6.run", n=100), key="p6_run100", on_click=_run, args=(100,), width="stretch")
    b[3].button(t("p6.run", n=1000), key="p6_run1000", on_click=_run, args=(1000,), width="stretch")
    b[4].button(t("p6.reset"), key="p6_reset", on_click=_reset, width="stretch")
    st.toggle(t("p6.oneclick"), key="p6_oneclick")

    sim = ss.p6_sim
    if sim.pop("error", None) is not None:
        st.error(t("p6.diverged", alpha=alpha))
    st.caption(t("p6.status", step=sim["step"], v=V, dim=dim) + " · " +
               (t("p6.status_sg", pairs=len(data.pairs)) if sg else t("p6.status_cbow", n=len(data.cbow))))

    highlight_e, highlight_c = {}, {}
    if sim["sample"] is not None:
        inputs, target, negs = sim["sample"]
        highlight_e = {i: "center" for i in inputs}
        highlight_c = {int(n): "negative" for n in negs}
        highlight_c[target] = "context"
        in_words = ", ".join(words[i] for i in inputs)
        st.html(legend_html([
            ("center", t("p6.leg_input", w=in_words) if sg else t("p6.leg_inputs_cbow", w=in_words)),
            ("context", t("p6.leg_context", w=words[target]) if sg else t("p6.leg_center_cbow", w=words[target])),
            ("negative", t("p6.leg_negative", w=", ".join(words[n] for n in negs)))]))

    zmax = float(max(np.abs(sim["E"]).max(), np.abs(sim["C"]).max(), 1e-6))
    h1, h2 = st.columns(2)
    h1.plotly_chart(matrix_heatmap(sim["E"], words, t("p6.embedding_title"), highlight_e, zmax, t("p6.dimension")),
                    width="stretch", key="p6_heat_e")
    h2.plotly_chart(matrix_heatmap(sim["C"], words, t("p6.context_title"), highlight_c, zmax, t("p6.dimension")),
                    width="stretch", key="p6_heat_c")
    if sim["phase"] == "computed":
        st.caption(t("p6.matrices_before"))

    tr = sim["trace"]
    if tr is None:
        st.info(t("p6.press_next"))
    else:
        names = [words[int(i)] for i in tr.targets]
        inputs = sim["sample"][0]
        in_words = ", ".join(words[i] for i in inputs)
        if sg:
            st.markdown(t("p6.h_forward", input=in_words))
            v_line = t("p6.v_line", w=in_words, v=vec_str(tr.v))
        else:
            st.markdown(t("p6.h_forward_cbow", inputs=in_words))
            v_line = t("p6.h_line", w=in_words, v=vec_str(tr.v))
        st.markdown(v_line + "  \n" + "  \n".join(
            t("p6.u_line" if sg else "p6.u_line_cbow", w=name, u=vec_str(tr.U[j]), s=f"{tr.scores[j]:.4f}")
            for j, name in enumerate(names)))
        fwd = pd.DataFrame({
            t("p6.col_word"): names,
            t("p6.col_target"): np.asarray(tr.labels, dtype=float),
            t("p6.col_score"): np.asarray(tr.scores, dtype=float),
            t("p6.col_sigmoid"): np.asarray(tr.sigmoids, dtype=float),
            t("p6.col_error"): np.asarray(tr.errors, dtype=float),
        })
        st.dataframe(fwd, hide_index=True, width="stretch", key="p6_forward",
                     column_config={c: st.column_config.NumberColumn(format="%.4f") for c in fwd.columns[2:]})
        st.markdown(t("p6.loss_line", loss=f"{tr.loss:.4f}"))
        st.markdown(t("p6.h_grad", alpha=tr.alpha))
        if sg:
            rows = [{t("p6.col_word"): in_words, t("p6.col_matrix"): t("p6.embedding"),
                     t("p6.col_before"): vec_str(tr.v), t("p6.col_grad"): vec_str(tr.grad_v),
                     t("p6.col_delta"): vec_str(tr.delta_v), t("p6.col_after"): vec_str(tr.v_after)}]
        else:  # h is not stored anywhere: each input row moves by the change computed for h (as in gensim)
            rows = [{t("p6.col_word"): "h", t("p6.col_matrix"): t("p6.mean"), t("p6.col_before"): vec_str(tr.v),
                     t("p6.col_grad"): vec_str(tr.grad_v), t("p6.col_delta"): vec_str(tr.delta_v),
                     t("p6.col_after"): ""}]
            rows += [{t("p6.col_word"): words[i], t("p6.col_matrix"): t("p6.embedding"),
                      t("p6.col_before"): vec_str(sim["inputs_before"][j]), t("p6.col_grad"): "",
                      t("p6.col_delta"): vec_str(tr.delta_v), t("p6.col_after"): vec_str(tr.v_after[j])}
                     for j, i in enumerate(inputs)]
        for j, name in enumerate(names):
            rows.append({t("p6.col_word"): name, t("p6.col_matrix"): t("p6.context"),
                         t("p6.col_before"): vec_str(tr.U[j]),
                         t("p6.col_grad"): vec_str(tr.grad_U[j]), t("p6.col_delta"): vec_str(tr.delta_U[j]),
                         t("p6.col_after"): vec_str(tr.U_after[j])})
        st.dataframe(rows, hide_index=True, width="stretch", key="p6_update",
                     column_config={t("p6.col_word"): st.column_config.TextColumn(width="small"),
                                    t("p6.col_matrix"): st.column_config.TextColumn(width="small")})
        if sim["phase"] == "computed":
            st.info(t("p6.press_apply"))
        else:
            st.success(t("p6.applied", step=sim["step"]))

    if len(sim["losses"]):
        losses = pd.Series(sim["losses"], index=range(1, len(sim["losses"]) + 1))
        ys = {t("p6.loss_step"): losses}
        if len(losses) >= 20:
            ys[t("p6.loss_avg")] = losses.rolling(50, min_periods=1).mean()
        stride = -(-len(losses) // 3000)  # draw at most ~3000 points per line, so long runs stay quick to plot
        ys = {name: y.iloc[::stride] for name, y in ys.items()}
        st.plotly_chart(line_chart(losses.index[::stride], ys, t("p6.loss_title"), t("p6.loss_x"), t("p6.loss_y"),
                                   markers=len(losses) < 30, colors=[GREY, ROLES["center"]], widths=[1, 3]),
                        width="stretch", key="p6_loss")

    with st.expander(t("p6.code_title")):
        st.markdown(t("p6.code_caption", fn="sgns_step" if sg else "cbow_step"))
        st.code(inspect.getsource(sgns_step if sg else cbow_step), language="python")

    # ---------------------------------------------------------------- after training: keep Embedding, drop Context
    st.subheader(t("p6.h_neighbours"))
    st.markdown(md("p6_neighbours"))
    kv = KeyedVectors(np.asarray(sim["E"]), list(words))  # the Context matrix is discarded here
    first = next((w for w in ("king", "国王", "not") if w in words), words[0])
    q = st.selectbox(t("p6.query_word"), words, index=words.index(first), key="p6_query")
    if q is not None and q in kv:
        nn = kv.most_similar(q, topn=min(5, V - 1))
        st.dataframe([{t("p6.col_word"): w, t("p6.col_cosine"): float(s)} for w, s in nn], hide_index=True,
                     width="content", key="p6_nn")


stepper()

with st.expander(t("p6.try_title")):
    st.markdown(md("p6_try"))

# ---------------------------------------------------------------- 4. window size and negatives
st.header(t("p6.h_hyper"))
st.markdown(md("p6_hyper"))
st.page_link("pages/p7_training_lab.py", label=t("p6.to_lab"), icon="🧪")

page_end("p6")
