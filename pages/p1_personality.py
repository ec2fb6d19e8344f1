"""Page 1 · Personality vectors: a score on a number line, two traits as arrows, cosine similarity in 2 and 5-D."""
import math

import pandas as pd
import streamlit as st

from ui import alt, charts, maps, questions, tables, theme
from ui.i18n import current_lang, md, t, tr_format
from ui.path import page_end
from ui import share
from ui.state import PageState, Setting
from w2v_core.columns import cosine_terms, rescale

PEOPLE = ("me", "p1", "p2")  # the 2-trait section: me and two candidates
BIG5 = ("E", "O", "C", "A", "N")  # extraversion first: it is the trait of the first section
BIG5_ROWS = ("me", "p1", "p2", "p3")
BIG5_DEFAULT = [[-0.4, 0.8, 0.5, -0.2, 0.3],
                [-0.3, 0.2, 0.3, -0.4, 0.9],
                [-0.5, -0.4, -0.2, 0.7, -0.1],
                [-0.2, 0.7, 0.6, 0.1, 0.2]]

SCALES = (-1.0, 0.5, 1.0, 2.0, 3.0)
# A shared link sets the score, the three 2-trait vectors and the stretch (?score=70&me_x=0.5&...); the quiz
# (guess, reveal) always starts closed. Anything out of range or unreadable falls back to the default.


def _g(v: float) -> str:
    return f"{v:g}"  # 0.5 in the URL, not 0.5000


def _trait(key: str, value: float) -> Setting:
    return Setting(f"p1_{key}", value, url=key, cast=float, lo=-1.0, hi=1.0, to_url=_g)


STATE = PageState("p1", [
    Setting("p1_score", 38, url="score", cast=int, lo=0, hi=100, to_url=_g),
    Setting("p1_scale", 1.0, url="scale", cast=float, choices=SCALES, to_url=_g),
    _trait("me_x", -0.4), _trait("me_y", 0.8), _trait("p1_x", -0.3), _trait("p1_y", 0.2),
    _trait("p2_x", -0.5), _trait("p2_y", -0.4),
    Setting("p1_reveal", False),
    Setting("p1_guess", None),
    Setting("p1_big5_values", lambda ss: [row[:] for row in BIG5_DEFAULT], saved=False),  # the editor's key has lang
])
STATE.restore()


def name(who: str) -> str:
    return t(f"p1.name_{who}")


def latex_num(x: float) -> str:
    """A number for LaTeX: negatives in brackets so products read clearly."""
    text = f"{x:.2f}"
    return "0.00" if text == "-0.00" else f"({text})" if x < 0 else text


def cosine_latex(a, b, terms) -> str:
    num = " + ".join(f"{latex_num(x)} \\cdot {latex_num(y)}" for x, y in zip(a, b))
    na = " + ".join(f"{latex_num(x)}^2" for x in a)
    nb = " + ".join(f"{latex_num(y)}^2" for y in b)
    cos = "\\text{undefined}" if math.isnan(terms.cos) else f"{terms.cos:.3f}"
    return (r"\cos\theta = \frac{\mathbf{a}\cdot\mathbf{b}}{\|\mathbf{a}\|\,\|\mathbf{b}\|}"
            rf" = \frac{{{num}}}{{\sqrt{{{na}}}\,\sqrt{{{nb}}}}}"
            rf" = \frac{{{terms.dot:.3f}}}{{{terms.norm_a:.3f} \times {terms.norm_b:.3f}}} = {cos}")


st.title(t("p1.title"))
st.markdown(md("p1_intro"))

# 1 · One number ---------------------------------------------------------------------------------------------
st.header(t("p1.h_one"))
score = st.slider(t("p1.score_label"), 0, 100, **STATE.widget("p1_score"), help=t("p1.score_help"))
scaled = rescale(score)
c1, c2 = st.columns(2)
with c1:
    alt.plot(charts.number_line(score, 0, 100, label=t("p1.axis_score"), marker_text=f"{score}/100",
                                ticks=[0, 25, 50, 75, 100]), alt.number_line(f"{score}", 0, 100), key="p1_line_score")
with c2:
    alt.plot(charts.number_line(scaled, -1, 1, label=t("p1.axis_scaled"), marker_text=f"{scaled:+.2f}",
                                ticks=[-1, -0.5, 0, 0.5, 1]), alt.number_line(f"{scaled:+.2f}", -1, 1),
             key="p1_line_scaled")
st.latex(rf"x' = 2\cdot\frac{{x - 0}}{{100 - 0}} - 1 = 2\cdot\frac{{{score}}}{{100}} - 1 = {scaled:.2f}")
st.markdown(md("p1_one_number"))

# 2 · Two traits ---------------------------------------------------------------------------------------------
st.header(t("p1.h_two"))
st.markdown(md("p1_two_traits"))
cols = st.columns(3)
for col, who in zip(cols, PEOPLE):
    with col:
        st.markdown(f"**{name(who)}**")
        st.number_input(t("p1.trait1"), -1.0, 1.0, step=0.05, **STATE.widget(f"p1_{who}_x"), format="%.2f")
        st.number_input(t("p1.trait2"), -1.0, 1.0, step=0.05, **STATE.widget(f"p1_{who}_y"), format="%.2f")
        if who == "me":  # link the two sections: the article's -0.4 is not the -0.24 a score of 38 gives
            st.caption(t("p1.me_from_score", scaled=f"{scaled:+.2f}"))
            st.button(t("p1.use_score", scaled=f"{scaled:+.2f}"), key="p1_use_score",
                      on_click=lambda: STATE.set("p1_me_x", round(scaled, 2)))
scale = st.select_slider(t("p1.scale_label"), options=SCALES, **STATE.widget("p1_scale"),
                         format_func=lambda v: f"× {v:g}", help=t("p1.scale_help"))

vec = {who: (st.session_state[f"p1_{who}_x"], st.session_state[f"p1_{who}_y"]) for who in PEOPLE}
vec["p1"] = (scale * vec["p1"][0], scale * vec["p1"][1])  # the learner's "stretch or flip person 1" knob
terms = {who: cosine_terms(vec["me"], vec[who]) for who in ("p1", "p2")}
valid = {who: tm.cos for who, tm in terms.items() if not math.isnan(tm.cos)}
best = max(valid, key=valid.get) if valid else None

lang = current_lang()
guess = st.radio(t("p1.guess_label"), ["p1", "p2"], index=None, **STATE.widget("p1_guess"),
                 format_func=tr_format("p1.name_"), horizontal=True)
revealed = st.toggle(t("p1.reveal"), **STATE.widget("p1_reveal"))
STATE.sync()
share.panel(STATE)  # the sidebar's 'share this view' panel; hides what a link hides

left, right = st.columns([3, 2])
with left:
    points = [{"name": name(w), "x": vec[w][0], "y": vec[w][1], "color": theme.CATEGORICAL[i],
               "bold": revealed and w == best} for i, w in enumerate(PEOPLE)]
    shown = revealed and best is not None  # the caption must not give the guessing game away
    alt.plot(maps.arrows_2d(points, x_label=t("p1.trait1"), y_label=t("p1.trait2")),
             alt.arrows(points, t("p1.trait1"), t("p1.trait2"), name(best) if shown else None,
                        valid[best] if shown else None), key="p1_arrows")
with right:
    if not revealed:
        st.info(t("p1.hidden"))
    else:
        for who in ("p1", "p2"):
            cos = terms[who].cos
            st.metric(t("p1.cos_to_me", who=name(who)), "—" if math.isnan(cos) else f"{cos:.3f}",
                      delta=t("p1.most_similar") if who == best else None, delta_color="normal")
        if len(valid) < len(terms):
            st.warning(t("p1.zero_vector"))
        if best is not None and guess is not None:
            (st.success if guess == best else st.warning)(
                t("p1.guess_right" if guess == best else "p1.guess_wrong", who=name(best)))
if revealed:
    for who in ("p1", "p2"):
        st.markdown(t("p1.formula_for", who=name(who)))
        st.latex(cosine_latex(vec["me"], vec[who], terms[who]))
    st.markdown(md("p1_length_direction"))
questions.p1_stretch(vec["me"], (st.session_state["p1_p1_x"], st.session_state["p1_p1_y"]), scale)

# 3 · Five traits --------------------------------------------------------------------------------------------
st.header(t("p1.h_five"))
st.markdown(md("p1_five_traits"))
table = pd.DataFrame(st.session_state["p1_big5_values"], columns=list(BIG5))
table.insert(0, "who", [name(w) for w in BIG5_ROWS])
edited = st.data_editor(
    table, key=f"p1_big5_{lang}", hide_index=True, num_rows="fixed", width="stretch",
    column_config={"who": st.column_config.TextColumn(t("p1.col_who"), disabled=True),
                   **{c: st.column_config.NumberColumn(t(f"p1.trait_{c}"), min_value=-1.0, max_value=1.0,
                                                       step=0.05, format="%.2f", required=True) for c in BIG5}})
values = edited[list(BIG5)].astype(float).fillna(0.0).values.tolist()
st.session_state["p1_big5_values"] = values  # survives a language switch (the editor's key has the language)

me5 = values[0]
terms5 = sorted(((name(who), cosine_terms(me5, row)) for who, row in zip(BIG5_ROWS[1:], values[1:])),
                key=lambda nt: (math.isnan(nt[1].cos), -nt[1].cos))  # most similar first, no direction (nan) last
ranking = tables.columns({"rank": range(1, len(terms5) + 1), "who": [n for n, _ in terms5],
                          "dot": [tm.dot for _, tm in terms5], "norm_me": [tm.norm_a for _, tm in terms5],
                          "norm": [tm.norm_b for _, tm in terms5], "cos": [tm.cos for _, tm in terms5]})
if any(math.isnan(tm.cos) for _, tm in terms5):
    st.warning(t("p1.zero_vector"))
st.dataframe(ranking, hide_index=True, width="stretch", key="p1_ranking", column_config={
    "rank": st.column_config.NumberColumn(t("p1.col_rank")),
    "who": st.column_config.TextColumn(t("p1.col_who")),
    "dot": st.column_config.NumberColumn(t("p1.col_dot"), format="%.3f"),
    "norm_me": st.column_config.NumberColumn(t("p1.col_norm_me"), format="%.3f"),
    "norm": st.column_config.NumberColumn(t("p1.col_norm"), format="%.3f"),
    "cos": st.column_config.NumberColumn(t("p1.col_cos"), format="%.3f")})
top_who, top = terms5[0]
if not math.isnan(top.cos):
    st.success(t("p1.five_best", who=top_who, cos=f"{top.cos:.3f}"))
st.latex(r"\cos\theta = \frac{\sum_{i=1}^{n} a_i b_i}{\sqrt{\sum_{i=1}^{n} a_i^2}\,\sqrt{\sum_{i=1}^{n} b_i^2}}")
st.markdown(md("p1_takeaways"))

page_end("p1")
