"""Page 6, section 1: one full-softmax training step on a tiny vocabulary, and its cost as the vocabulary grows."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from ui.i18n import t
from ui import alt, tables
from ui.charts import line_chart
from w2v_core.softmax_lm import SoftmaxLM, time_sgns_step, time_softmax_step
from w2v_core.text import tokenize

SENTENCE = "Thou shalt not make a machine in the likeness of a human mind"
LARGEST = (1_000, 10_000, 100_000, 400_000)
DIM = 50  # like GloVe 6B 50d


@st.cache_resource
def _untrained_lm() -> SoftmaxLM:
    """An untrained (epochs=0) model over the sentence's words: its first prediction is a guess. Shared, read-only."""
    return SoftmaxLM.train([tokenize(SENTENCE)], left=1, right=0, dim=8, epochs=0, seed=0)  # one input word


@st.cache_data(show_spinner=False, max_entries=16)
def measure(largest: int, negative: int, run: int) -> pd.DataFrame:
    """Seconds per step on this server (run = a counter so the re-measure button gets fresh numbers)."""
    sizes = [v for v in (10, 100, 1_000, 10_000, 50_000, 100_000, 200_000, 400_000) if v <= largest]
    sg = time_sgns_step(negative=negative, dim=DIM, repeats=50)
    rows = [{"V": v, "softmax": time_softmax_step(v, dim=DIM, repeats=3 if v <= 100_000 else 1), "sgns": sg}
            for v in sizes]
    return pd.DataFrame(rows)


def softmax_section(negative: int = 5) -> None:
    lm = _untrained_lm()
    words = lm.vocab.index_to_key
    probs, trace = lm.predict(["not"], target="thou")  # the article's first sample: input not, target thou
    st.markdown(t("p6.sm_example"))
    table = tables.columns({t("p6.col_word"): words, t("p6.sm_prob"): np.asarray(trace.probs, float),
                            t("p6.col_target"): np.asarray(trace.onehot, float),
                            t("p6.sm_error"): np.asarray(trace.error, float)})
    st.dataframe(table, hide_index=True, width="stretch", key="p6_sm_table", height=250,
                 column_config={c: st.column_config.NumberColumn(format="%.4f") for c in table.column_names[1:]})
    st.caption(t("p6.sm_caption", v=len(words), loss=f"{trace.loss:.3f}"))

    st.markdown(t("p6.sm_timing_intro"))
    c1, c2 = st.columns([3, 1])
    c1.select_slider(t("p6.sm_largest"), LARGEST, value=10_000, key="p6_sm_largest",
                     format_func=lambda v: f"{v:,}")
    if c2.button(t("p6.sm_remeasure"), key="p6_sm_remeasure"):
        st.session_state.p6_sm_run = st.session_state.get("p6_sm_run", 0) + 1
    with st.spinner(t("p6.sm_measuring")):
        res = measure(st.session_state.p6_sm_largest, negative, st.session_state.get("p6_sm_run", 0))
    ms = {t("p6.sm_softmax"): res["softmax"] * 1e3, t("p6.sm_sgns", k=negative): res["sgns"] * 1e3}
    fig = line_chart(res["V"], ms,
                     t("p6.sm_timing_title", d=DIM), t("p6.sm_vocab"), t("p6.sm_ms"), log_x=True, log_y=True)
    alt.plot(fig, alt.series(t("p6.sm_vocab"), [f"{v:,}" for v in res["V"]],
                             {k: [round(float(x), 3) for x in v] for k, v in ms.items()}), key="p6_sm_chart")
    last = res.iloc[-1]
    st.markdown(t("p6.sm_result", v=f"{int(last['V']):,}", sm=f"{last['softmax'] * 1e3:.2f}",
                  sg=f"{last['sgns'] * 1e3:.3f}", ratio=f"{last['softmax'] / last['sgns']:,.0f}"))
