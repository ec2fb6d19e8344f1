"""Page 7, the training lab: pick a corpus, set gensim's hyperparameters, watch word2vec train, probe the result."""
import streamlit as st

from ui import alt, keys, lab, lab_runs, present, questions_training as questions, tables
from ui.a11y import reduced_motion
from ui.charts import loss_figure
from ui.i18n import md, t, tr_format
from ui.maps import word_map
from ui.path import page_end
from ui import share
from ui.words import md_escape, md_list, parse_words, split_known
from w2v_core.projections import pca

TICK = 0.25  # seconds between two play ticks (each trains 1/lab_runs.STEPS of the run)

lab.STATE.restore()
ss = st.session_state


def _on_corpus_change() -> None:
    """A new corpus brings its own map words and probes (their defaults are declared in ui.lab.STATE)."""
    for key in ("p7_words", "p7_nn_words", "p7_an_a", "p7_an_b", "p7_an_c", "p7_odd", "p7_why_a", "p7_why_b"):
        lab.STATE.set(key, lab.STATE.default_of(key))
    ss["p7_playing"] = False


def _act(action: str) -> None:
    if action == "play" and reduced_motion():  # no timer for those who asked for less motion: one step per press
        action = "step"
    ss["p7_action"] = action
    ss["p7_playing"] = action == "play"


st.title(t("p7.title"))
present.explain(md("p7_intro"))  # presenter view: folded, so the buttons and the live charts come first
with st.expander(t("p7.try_header")):
    st.markdown(md("p7_try"))

left, right = st.columns([1.25, 2.2], gap="large")
# --------------------------------------------------------------------------------------------- corpus
with left:
    st.subheader(t("p7.corpus_header"))
    st.selectbox(t("p7.corpus"), [*lab.CORPORA, lab.CUSTOM], format_func=tr_format("p7.corpus_"),
                 **lab.STATE.widget("p7_corpus", on_change=_on_corpus_change))
    st.radio(t("p7.chinese"), ["word", "char"], **lab.STATE.widget("p7_chinese"), horizontal=True,
             format_func=tr_format("p7.chinese_"), help=t("p7.chinese_help"))
    corpus, corpus_error = None, None
    if ss["p7_corpus"] == lab.CUSTOM:
        upload = st.file_uploader(t("p7.upload", mb=lab.MAX_BYTES // 1_000_000), type=["txt"], key="p7_upload")
        st.text_area(t("p7.paste", mb=lab.MAX_BYTES // 1_000_000), **lab.STATE.widget("p7_text"), height=140,
                     max_chars=lab.MAX_BYTES)
        text = ss.get("p7_text", "") or ""
        if upload is not None:
            try:
                text = lab.decode_upload(upload.getvalue())
            except ValueError as exc:
                corpus_error = t(f"p7.err_{exc}", mb=lab.MAX_BYTES // 1_000_000)
                text = ""
        if not corpus_error:
            if not text.strip():
                corpus_error = t("p7.err_empty")
            elif len(text.encode("utf-8")) > lab.MAX_BYTES:
                corpus_error = t("p7.err_too_big", mb=lab.MAX_BYTES // 1_000_000)
            else:
                corpus = lab.custom_corpus(text, ss["p7_chinese"])
                if not corpus.sentences:
                    corpus, corpus_error = None, t("p7.err_no_words")
    else:
        corpus = lab.shipped_corpus(ss["p7_corpus"], ss["p7_chinese"])
    if corpus_error:
        st.warning(corpus_error)
    elif corpus is not None:
        if corpus.truncated:
            st.warning(t("p7.truncated", n=f"{lab.MAX_TOKENS:,}"))
        counts = corpus.counts
        top = " · ".join(f"{md_escape(w)} ({int(c)})" for w, c in zip(counts.index_to_key[:12], counts.counts[:12]))
        st.markdown(t("p7.stats", tokens=f"{corpus.n_tokens:,}", vocab=f"{len(corpus.counts):,}",
                      sentences=f"{len(corpus.sentences):,}"))
        st.caption(t("p7.top_words") + " " + top)

    # --------------------------------------------------------------------------------- hyperparameters
    st.subheader(t("p7.params_header"), help=t("p7.params_caption"))
    g = lab.GENSIM_DEFAULTS

    def _help(name: str) -> str:
        return t(f"p7.help_{name}") + " " + t("p7.gensim_default", value=g[name])

    c1, c2 = st.columns(2)
    c1.radio(t("p7.param_sg"), [1, 0], **lab.STATE.widget("p7_sg"), format_func=tr_format("p7.sg_"), help=_help("sg"),
             horizontal=True)
    c2.number_input(t("p7.param_alpha"), 0.0001, 10.0, **lab.STATE.widget("p7_alpha"), step=0.005, format="%.4f",
                    help=_help("alpha"))
    c1.slider(t("p7.param_window"), 1, 50, **lab.STATE.widget("p7_window"), help=_help("window"))
    c2.slider(t("p7.param_negative"), 1, 50, **lab.STATE.widget("p7_negative"), help=_help("negative"))
    c1.slider(t("p7.param_vector_size"), 1, 300, **lab.STATE.widget("p7_vector_size"), help=_help("vector_size"))
    c2.slider(t("p7.param_epochs"), 0, 200, **lab.STATE.widget("p7_epochs"), help=_help("epochs"))
    c1.number_input(t("p7.param_min_count"), 1, 1000, **lab.STATE.widget("p7_min_count"), help=_help("min_count"))
    c2.select_slider(t("p7.param_sample"), lab.SAMPLE_CHOICES, **lab.STATE.widget("p7_sample"),
                     format_func=lambda v: f"{v:g}",
                     help=_help("sample"))
    c1.slider(t("p7.param_ns_exponent"), -1.0, 1.0, **lab.STATE.widget("p7_ns_exponent"), step=0.05,
              help=_help("ns_exponent"))
    c2.number_input(t("p7.param_seed"), 0, 2**31 - 1, **lab.STATE.widget("p7_seed"), help=_help("seed"))
    with st.expander(t("p7.defaults_header")):
        st.dataframe(tables.columns({t("p7.col_param"): list(g), t("p7.col_now"): [str(ss[f"p7_{k}"]) for k in g],
                                    t("p7.col_lab"): [str(lab.LAB_DEFAULTS[k]) for k in g],
                                    t("p7.col_gensim"): [str(v) for v in g.values()]}),
                     hide_index=True, width="stretch")
        st.caption(t("p7.defaults_why"))

def _map_words(kv):
    """(the map's words that the model knows, the typed ones it does not); kv: vectors or a vocabulary."""
    words, missing = split_known(kv, parse_words(ss["p7_words"], limit=lab.MAX_MAP_WORDS))
    if len(words) < 3:  # too few typed words that exist: fall back to the most frequent ones
        words = [w for w in kv.index_to_key[:20] if w not in words][: 20 - len(words)] + words
    return words, missing


def _tracked(vocab) -> list[str]:
    """Words whose trail a new run records: the map's and the "why neighbours" pair (others mean a replay)."""
    return [*_map_words(vocab)[0], ss["p7_why_a"], ss["p7_why_b"]]


settings = lab.current_settings()
lab.STATE.sync()
share.panel(lab.STATE)  # the sidebar's 'share this view' panel; hides what a link hides

# Problems we can name before training (each one a translated message, never a traceback).
run, run_error, notes = None, None, []
if corpus is not None:
    if settings["epochs"] == 0:
        run_error = t("p7.err_epochs0")
    else:
        key = lab_runs.run_key(corpus, settings)
        if ss.get("p7_last_key") != key:
            ss["p7_playing"] = False  # new settings: a new model, paused at its random start
            ss["p7_last_key"] = key
        try:
            run = lab_runs.get_run("p7_runs", key, corpus, settings, words=_tracked)
        except ValueError as exc:
            run_error = lab.explain_error(exc, settings, corpus)
    if run is not None:
        longest = max(len(s) for s in corpus.sentences)
        if settings["window"] >= longest:
            notes.append(t("p7.warn_window", window=settings["window"], longest=longest))
        if settings["vector_size"] < 2:
            notes.append(t("p7.warn_vector_size"))
        if settings["alpha"] > 1:
            notes.append(t("p7.warn_alpha", alpha=settings["alpha"]))

# ----------------------------------------------------------------------------------- play / pause / step
action = ss.get("p7_action")
ss["p7_action"] = None
if run is not None and action in ("step", "train", "reset"):
    if action == "step":
        run.advance()
    elif action == "train":
        run.train_to_end()
    else:
        ss["p7_runs"].pop(run.key, None)
        run = lab_runs.get_run("p7_runs", run.key, corpus, settings, words=_tracked)

right.subheader(t("p7.train_header"))
disabled = run is None
with right.container(horizontal=True, gap="small"):  # buttons at their natural width, wrapping if narrow
    now = "pause" if ss.get("p7_playing") else "play"  # P presses whichever of the two does something now
    for name in ("play", "pause"):
        box = keys.slot("play", width="content") if name == now else st.container(width="content")
        box.button(t(f"p7.{name}"), key=f"p7_{name}", on_click=_act, args=(name,), disabled=disabled,
                   type="primary" if name == "play" else "secondary")
    keys.slot("next", width="content").button(t("p7.step"), key="p7_step", on_click=_act, args=("step",),
                                              disabled=disabled)
    st.button(t("p7.train"), key="p7_train", on_click=_act, args=("train",), disabled=disabled)
    keys.slot("reset", width="content").button(t("p7.reset"), key="p7_reset", on_click=_act, args=("reset",),
                                               disabled=disabled)
keys.bind_keys(("next", "play", "reset"), where=right)  # training has no step back
if run_error:
    right.error(run_error)
for note in notes:
    right.warning(note)

playing = bool(run is not None and ss["p7_playing"] and not run.done and not run.error)


@st.fragment(run_every=TICK if playing else None)
def live_panel() -> None:
    """Progress, loss curve and the moving map; while playing, each tick trains one more chunk."""
    if run is None:
        return
    if ss["p7_playing"] and not run.done and not run.error:
        run.advance()
        if run.done or run.error:
            ss["p7_playing"] = False
            st.rerun()  # the whole page: stop ticking, refresh the results
    hist = run.model.loss_history
    epochs = run.settings["epochs"]
    st.progress(min(1.0, run.progress), text=t("p7.progress", pct=f"{100 * run.progress:.0f}",
                                                  words=f"{run.words_done():,}",
                                                  epoch=min(epochs, int(run.progress * epochs) + 1), epochs=epochs))
    if run.error:
        st.error(t("p7.err_diverged", detail=run.error))
    c_loss, c_map = st.columns([2, 3])
    with c_loss:
        st.markdown(f"**{t('p7.loss_header')}**")
        alt.plot(loss_figure(hist, t("p7.loss_x"), t("p7.loss_y"), height=440), alt.lab_loss(hist),
                 key="p7_loss_chart")
    with c_map:
        st.markdown(f"**{t('p7.map_header')}**")
        if run.error or run.settings["vector_size"] < 2:
            st.caption(t("p7.map_unavailable"))
            return
        kv = run.kv()
        words, missing = _map_words(kv)
        proj = pca(kv[words], n_components=2)
        groups = lab.group_names(words, ss["p7_corpus"])
        alt.plot(word_map(proj.coords, words, groups, "PC1", "PC2", height=440), alt.word_map(words, groups),
                 key="p7_map_chart")
        if missing:
            st.caption(t("p7.missing", words=md_list(missing)))


with right:
    live_panel()
    st.text_input(t("p7.map_words"), **lab.STATE.widget("p7_words"), help=t("p7.map_words_help"))
    if run is not None and not run.error:
        quiz_words = _map_words(run.kv())[0][:3]
        questions.p7_closer(run.kv(), quiz_words, run.done, context=(run.key, tuple(quiz_words)))

# ------------------------------------------------------------------------------- results, compare, export
if run is not None and not playing:
    shown = run if run.trained else lab_runs.last_good_run(exclude=run.key)
    tabs = st.tabs([t(f"p7.tab_{name}") for name in ("results", "why", "trails", "compare", "negative", "export")])
    from ui import lab_results, lab_trails, lab_why  # the tabs' bodies (kept out of this file for size)

    with tabs[0]:
        lab_results.results_tab(run, shown)
    if shown is None:
        for tab in tabs[1:3]:
            tab.info(t("p7.train_first"))
    else:
        shown_words = _map_words(shown.kv())[0]
        with tabs[1]:
            lab_why.why_tab(shown, shown_words)
        with tabs[2]:
            lab_trails.trails_tab(shown, shown_words, lab.group_names(shown_words, ss["p7_corpus"]))
    for tab, param in ((tabs[3], "window"), (tabs[4], "negative")):
        with tab:
            lab_results.compare_tab(corpus, settings, param, _map_words)
    with tabs[5]:
        lab_results.export_tab(shown, _map_words)
elif playing:
    st.caption(t("p7.results_after_pause"))

page_end("p7")
