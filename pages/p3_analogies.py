"""Page 3 · Analogies: king - man + woman over all 400,000 GloVe words, as a table, strips and a PCA picture."""
import numpy as np
import streamlit as st

from ui import alt, heatmaps, maps, questions, tables, theme
from ui.data import analogy, glove, input_ranks
from ui.i18n import current_lang, md, t, tr_format
from ui.path import page_end
from ui import share
from ui.state import PageState, Setting, flag
from ui.words import md_escape, md_list, parse_words, split_known, warn_unknown
from w2v_core.columns import analogy_vector, cosine_terms
from w2v_core.projections import pca

# preset -> (positive, negative, the answer the analogy hopes for); each checked on GloVe 6B 50d (see tests)
PRESETS = {
    "king": (["king", "woman"], ["man"], "queen"),
    "paris": (["paris", "italy"], ["france"], "rome"),
    "walked": (["walked", "swimming"], ["walking"], "swam"),
    "tokyo": (["tokyo", "china"], ["japan"], "beijing"),
    "germany": (["france", "german"], ["french"], "germany"),
    "cats": (["dogs", "cat"], ["dog"], "cats"),
    "waitress": (["actress", "waiter"], ["actor"], "waitress"),
    "princess": (["queen", "prince"], ["king"], "princess"),
    "saw": (["went", "see"], ["go"], "saw"),
}
METHODS = ("add", "mul")
MAX_WORDS = 10
TOPN = 10
SEARCH = 100  # how deep to look for the hoped-for answer


def preset_label(key: str, lang: str) -> str:
    if key == "custom":
        return t("p3.custom", lang=lang)
    pos, neg, _ = PRESETS[key]
    return f"{pos[0]} − {neg[0]} + {pos[1]}"


def _url_list(text: str) -> str:
    return ", ".join(parse_words(text, limit=MAX_WORDS))


def _url_words(raw: str) -> str:
    if len(raw) > 300:
        raise ValueError("too long")
    return _url_list(raw)


def _preset_for(pos: str, neg: str) -> str:
    for key, (p, n, _) in PRESETS.items():
        if parse_words(pos) == p and parse_words(neg) == n:
            return key
    return "custom"


# The URL (a teacher's shared link) decides on the first visit; afterwards the session does.
STATE = PageState("p3", [
    Setting("p3_positive", "king, woman", url="pos", cast=_url_words, to_url=_url_list),
    Setting("p3_negative", "man", url="neg", cast=_url_words, to_url=_url_list),
    Setting("p3_preset", lambda ss: _preset_for(ss["p3_positive"], ss["p3_negative"])),
    Setting("p3_method", "add", url="method", choices=METHODS),
    Setting("p3_show_excluded", False, url="ranks", cast=flag),
])
STATE.restore()


def _apply_preset() -> None:
    key = st.session_state["p3_preset"]
    if key in PRESETS:
        pos, neg, _ = PRESETS[key]
        STATE.set("p3_positive", ", ".join(pos))
        STATE.set("p3_negative", ", ".join(neg))


def _words_edited() -> None:
    STATE.set("p3_preset", _preset_for(st.session_state["p3_positive"], st.session_state["p3_negative"]))


st.title(t("p3.title"))
st.markdown(md("p3_intro"))
kv = glove()
if kv is None:
    st.stop()

# format_func must not read session state (AppTest calls it outside the run), so the language is bound here.
lang = current_lang()
c0, c1, c2 = st.columns([2, 2, 2])
c0.selectbox(t("p3.preset_label"), ["custom", *PRESETS], **STATE.widget("p3_preset", on_change=_apply_preset),
             format_func=lambda k: preset_label(k, lang))
c1.text_input(t("p3.positive_label"), **STATE.widget("p3_positive", on_change=_words_edited),
              help=t("p3.positive_help"), max_chars=300)
c2.text_input(t("p3.negative_label"), **STATE.widget("p3_negative", on_change=_words_edited),
              help=t("p3.negative_help"), max_chars=300)
o1, o2 = st.columns([2, 4])
method = o1.radio(t("p3.method_label"), METHODS, **STATE.widget("p3_method"), horizontal=True,
                  format_func=tr_format("p3.method_"), help=t("p3.method_help"))
show_excluded = o2.toggle(t("p3.excluded_label"), **STATE.widget("p3_show_excluded", disabled=method == "mul"),
                          help=t("p3.excluded_help"))

STATE.sync()
share.panel(STATE)  # the sidebar's 'share this view' panel; hides what a link hides
positive = parse_words(st.session_state["p3_positive"], limit=MAX_WORDS)
negative = parse_words(st.session_state["p3_negative"], limit=MAX_WORDS)

# Input checks: each gets a message, none a traceback.
both = [w for w in positive if w in negative]
_, unknown = split_known(kv, positive + negative)
if not positive:
    st.warning(t("p3.need_positive"))
    st.stop()
if both:
    st.error(t("p3.in_both", words=md_list(both)))
    st.stop()
if unknown:
    warn_unknown(kv, unknown)
    st.stop()

answers = analogy(kv, tuple(positive), tuple(negative), method, SEARCH)
excluded = input_ranks(kv, tuple(positive), tuple(negative)) if show_excluded and method == "add" else None
best = answers[0][0]
expected = PRESETS[st.session_state["p3_preset"]][2] if st.session_state["p3_preset"] in PRESETS else None

expr = " ".join([positive[0]] + [f"− {w}" for w in negative] + [f"+ {w}" for w in positive[1:]])
if not questions.p3_analogy(kv, positive, negative, method, answers, expr):  # the answers wait for a guess
    page_end("p3")
    st.stop()
st.markdown(f"### {md_escape(expr)} ≈ **{md_escape(best)}**")
if expected:
    found = [w for w, _ in answers].index(expected) + 1 if expected in [w for w, _ in answers] else None
    if found == 1:
        st.success(t("p3.expected_first", word=expected))
    elif found:
        st.warning(t("p3.expected_rank", word=expected, rank=found))
    else:
        st.warning(t("p3.expected_missing", word=expected, n=SEARCH))

left, right = st.columns([2, 3])
with left:
    st.markdown(f"#### {t('p3.h_top', n=TOPN)}")
    score_col = t("p3.col_cos") if method == "add" else t("p3.col_cosmul")
    st.dataframe(tables.columns({t("p3.col_rank"): range(1, TOPN + 1), t("p3.col_word"): [w for w, _ in answers[:TOPN]],
                                 score_col: [s for _, s in answers[:TOPN]]}),
                 hide_index=True, width="stretch", key="p3_top",
                 column_config={score_col: st.column_config.NumberColumn(format="%.4f")})
    if show_excluded and excluded is not None:
        st.markdown(t("p3.h_excluded"))
        st.dataframe(tables.columns({t("p3.col_word"): [("− " if r["sign"] == "negative" else "+ ") + r["word"]
                                                         for r in excluded],
                                     t("p3.col_would_rank"): [r["rank"] for r in excluded],
                                     t("p3.col_cos"): [r["cosine"] for r in excluded]}),
                     hide_index=True, width="stretch", key="p3_excluded",
                     column_config={t("p3.col_cos"): st.column_config.NumberColumn(format="%.4f")})
        first = [r["word"] for r in excluded if r["rank"] == 1]
        st.markdown(t("p3.excluded_first", words=md_list(first)) if first
                    else t("p3.excluded_none"))
        st.caption(md("p3_excluded"))

# The picture: PCA of the words involved plus the arithmetic result, with the parallelogram's four sides.
result = analogy_vector([kv.get_vector(w) for w in positive], [kv.get_vector(w) for w in negative])  # (50,)
words = list(dict.fromkeys(positive + negative + [best]))
points = np.vstack([np.stack([kv.get_vector(w) for w in words]), result[None, :]])  # (k + 1, 50)
proj = pca(points, n_components=2)
kinds = [t("p3.kind_input")] * (len(words) - 1) + [t("p3.kind_answer"), t("p3.kind_result")]
edges = []
if len(positive) == 2 and len(negative) == 1:  # a - b + c ≈ d: b→c parallel to a→d, b→a parallel to c→d
    a, b, c, d = (words.index(w) for w in (positive[0], negative[0], positive[1], best))
    edges = [(b, c, theme.EDGES[0]), (a, d, theme.EDGES[0]), (b, a, theme.EDGES[1]), (c, d, theme.EDGES[1])]
with right:
    st.markdown(f"#### {t('p3.h_plane')}")
    # the result sits next to the answer: put its label on the far side so the two labels do not collide
    side = "middle left" if proj.coords[-1, 0] < proj.coords[words.index(best), 0] else "middle right"
    fig = maps.word_plane(proj.coords, words + [f"= {t('p3.result')}"], edges=edges, kinds=kinds,
                         label_side={t("p3.kind_result"): side},
                         x_label=t("p3.pc", i=1, pct=f"{100 * proj.explained_variance_ratio[0]:.0f}"),
                         y_label=t("p3.pc", i=2, pct=f"{100 * proj.explained_variance_ratio[1]:.0f}"))
    pcts = 100 * np.asarray(proj.explained_variance_ratio[:2])
    alt.plot(fig, alt.analogy(best, float(answers[0][1]), pcts), key="p3_plane")
    st.caption(t("p3.plane_caption"))

# The arithmetic as strips, one under another.
st.subheader(t("p3.h_strips"))
rows = [kv.get_vector(positive[0])] + [-np.asarray(kv.get_vector(w)) for w in negative] + \
       [kv.get_vector(w) for w in positive[1:]] + [result, kv.get_vector(best)]
labels = [positive[0]] + [f"− {w}" for w in negative] + [f"+ {w}" for w in positive[1:]] + \
         [f"= {t('p3.result')}", f"≈ {best}"]
alt.plot(heatmaps.strips(np.stack(rows), labels, dim_label=t("p3.dim"), value_label=t("p3.value"),
                         colorbar_title=t("p3.value")), alt.strips(labels, []), key="p3_strips")
st.caption(t("p3.strips_caption", word=md_escape(best), method=t(f"p3.method_{method}"),
             cos=f"{cosine_terms(result, kv.get_vector(best)).cos:.3f}"))
questions.p3_inputs(positive, negative, answers,
                    input_ranks(kv, tuple(positive), tuple(negative)) if method == "add" else None)
st.markdown(md("p3_method_add"))
st.latex(r"\arg\max_{w \notin \text{inputs}} \cos\big(w,\; \hat{x}_{king} - \hat{x}_{man} + \hat{x}_{woman}\big)")
st.markdown(md("p3_method_mul"))
st.latex(r"\arg\max_{w \notin \text{inputs}} \frac{\cos'(w, king)\,\cos'(w, woman)}{\cos'(w, man) + \varepsilon}")
st.caption(t("p3.share"))

page_end("p3")
