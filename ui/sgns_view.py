"""Page 6's stepper view: every number of one SGNS/CBOW step (a `w2v_core.sgns.SGNSTrace`), forward then update.

Only formatting: the numbers are the trace's, so the page shows exactly the step the trainer runs.
"""
from __future__ import annotations

import functools
import inspect

import numpy as np
import streamlit as st

from ui import alt, tables
from ui.charts import sigmoid_curve
from ui.i18n import t
from ui.stepper import vec_str
from w2v_core import sgns_demo
from w2v_core.sgns import cbow_step, sgns_step
from w2v_core.text import split_sentences


@st.cache_data(max_entries=32)  # here, not in the page: a decorator run on every rerun reads the source (~1 ms)
def stepper_data(text: str, window: int) -> sgns_demo.StepperData:
    """The stepper's vocabulary and samples of `text` (one per text and window, shared by every session)."""
    return sgns_demo.StepperData.from_sentences(split_sentences(text), window=window)


@functools.cache  # reading a function's source costs ~4 ms; it never changes while the server runs
def step_source(sg: int) -> str:
    """The code of the step the stepper runs (sgns_step for skip-gram, cbow_step for CBOW), shown on the page."""
    return inspect.getsource(sgns_step if sg else cbow_step)


def forward_pass(tr, words, sg: int) -> None:
    """Look-up, scores, sigmoids, errors and the loss of the step, in the order they are computed."""
    names = [words[int(i)] for i in tr.targets]
    in_words = ", ".join(words[i] for i in tr.inputs)
    if sg:
        st.markdown(t("p6.h_forward", input=in_words))
        v_line = t("p6.v_line", w=in_words, v=vec_str(tr.v))
    else:
        st.markdown(t("p6.h_forward_cbow", inputs=in_words))
        v_line = t("p6.h_line", w=in_words, v=vec_str(tr.v))
    st.markdown(v_line + "  \n" + "  \n".join(
        t("p6.u_line" if sg else "p6.u_line_cbow", w=name, u=vec_str(tr.U[j]), s=f"{tr.scores[j]:.4f}")
        for j, name in enumerate(names)))
    fwd = tables.columns({
        t("p6.col_word"): names,
        t("p6.col_target"): np.asarray(tr.labels, dtype=float),
        t("p6.col_score"): np.asarray(tr.scores, dtype=float),
        t("p6.col_sigmoid"): np.asarray(tr.sigmoids, dtype=float),
        t("p6.col_error"): np.asarray(tr.errors, dtype=float),
    })
    st.dataframe(fwd, hide_index=True, width="stretch", key="p6_forward",
                 column_config={c: st.column_config.NumberColumn(format="%.4f") for c in fwd.column_names[2:]})
    st.markdown(t("p6.loss_line", loss=f"{tr.loss:.4f}"))
    curve, formula = st.columns([3, 2])  # the same scores on the sigmoid: the step pushes the true pair up
    roles = ["context" if label == 1 else "negative" for label in tr.labels]
    alt.plot(sigmoid_curve(tr.scores, names, roles, x_title=t("p6.sig_x"), y_title=t("p6.sig_y")),
             alt.sigmoid(names, tr.scores, tr.sigmoids), key="p6_sigmoid", where=curve)
    formula.latex(r"\sigma(x) = \frac{1}{1 + e^{-x}}")
    formula.caption(t("p6.sig_caption"))


def _row(word, matrix, before, grad="", delta="", after="") -> dict:
    return {t("p6.col_word"): word, t("p6.col_matrix"): matrix, t("p6.col_before"): before,
            t("p6.col_grad"): grad, t("p6.col_delta"): delta, t("p6.col_after"): after}


def update_table(tr, words, sg: int) -> None:
    """Gradient, change and new value of every row the step moves: the input rows, then the target rows."""
    st.markdown(t("p6.h_grad", alpha=tr.alpha))
    if sg:
        rows = [_row(words[tr.inputs[0]], t("p6.embedding"), vec_str(tr.v), vec_str(tr.grad_v), vec_str(tr.delta_v),
                     vec_str(tr.v_after[0]))]
    else:  # h is not stored anywhere: each input row moves by the change computed for h (as in gensim)
        rows = [_row("h", t("p6.mean"), vec_str(tr.v), vec_str(tr.grad_v), vec_str(tr.delta_v))]
        rows += [_row(words[i], t("p6.embedding"), vec_str(tr.V[j]), "", vec_str(tr.delta_v), vec_str(tr.v_after[j]))
                 for j, i in enumerate(tr.inputs)]
    rows += [_row(words[int(i)], t("p6.context"), vec_str(tr.U[j]), vec_str(tr.grad_U[j]), vec_str(tr.delta_U[j]),
                  vec_str(tr.U_after[j])) for j, i in enumerate(tr.targets)]
    st.dataframe(tables.rows(rows), hide_index=True, width="stretch", key="p6_update",
                 column_config={t("p6.col_word"): st.column_config.TextColumn(width="small"),
                                t("p6.col_matrix"): st.column_config.TextColumn(width="small")})


def trace_section(sim, words) -> None:
    """The numbers of the step a `w2v_core.sgns_demo.Stepper` shows, and which button comes next."""
    if sim.trace is None:
        st.info(t("p6.press_next"))
        return
    forward_pass(sim.trace, words, sim.sg)
    update_table(sim.trace, words, sim.sg)
    if sim.phase == "computed":
        st.info(t("p6.press_apply"))
    else:
        st.success(t("p6.applied", step=sim.step))
