"""Page 8, the embedding projector: a whole vocabulary at once (PCA, t-SNE, UMAP, or axes made of word pairs)."""
import streamlit as st

from ui import alt, maps, projector as pj, projector_export as export, projector_run as run
from ui import projector_search as search, questions_training as questions, umap_warm
from ui.data import glove
from ui.i18n import md, t, tr_format
from ui.path import page_end
from ui.present import presenting
from ui import share
from ui.state import PageState, Setting, flag, qp_get, qp_set
from ui.words import md_escape

SOURCES = ("glove", "lab", "upload")
METHODS = ("pca", "tsne", "umap", "axes")
COLOURINGS = ("none", "kmeans", "groups")
METRICS_NN = ("cosine", "euclidean")  # the neighbours' measure (w2v_core.neighbours)
DEFAULT_GROUPS = {  # words among GloVe's 5,000 most frequent
    "en": "numbers: two three four five six seven eight\ncountries: france germany china japan india russia\n"
          "colours: red blue green white black yellow\nroyalty: king queen prince princess\n"
          "animals: dog horse fish bird\ndrinks: coffee tea wine beer milk\ndays: monday tuesday friday sunday",
    "zh": "数字: two three four five six seven eight\n国家: france germany china japan india russia\n"
          "颜色: red blue green white black yellow\n王室: king queen prince princess\n"
          "动物: dog horse fish bird\n饮品: coffee tea wine beer milk\n星期: monday tuesday friday sunday",
}
FIG_KEYS = ("p8_source", "p8_n", "p8_method", "p8_dims", "p8_pcx", "p8_pcy", "p8_pcz", "p8_perplexity", "p8_iters",
            "p8_seed", "p8_tsne_n", "p8_neighbors", "p8_min_dist", "p8_umap_n", "p8_unit", "p8_xpair", "p8_ypair",
            "p8_search", "p8_nn", "p8_metric", "p8_isolate", "p8_colour", "p8_k", "p8_groups")
ss = st.session_state
umap_warm.start()  # UMAP's numba code compiles in the background from the server's first visit (the warm-up's)


# Every control of the page, shared in the URL (a link reproduces the picture; the groups are read, not written).
STATE = PageState("p8", [
    Setting("p8_source", "glove", url="source", choices=SOURCES),
    Setting("p8_n", 5000, url="n", cast=int, lo=100, hi=pj.MAX_WORDS),
    Setting("p8_method", "pca", url="method", choices=METHODS),
    Setting("p8_dims", 2, url="dims", cast=int, choices=(2, 3)),
    Setting("p8_pcx", 1, url="pcx", cast=int, lo=1, hi=pj.PCA_COMPONENTS),
    Setting("p8_pcy", 2, url="pcy", cast=int, lo=1, hi=pj.PCA_COMPONENTS),
    Setting("p8_pcz", 3, url="pcz", cast=int, lo=1, hi=pj.PCA_COMPONENTS),
    Setting("p8_perplexity", 30, url="perplexity", cast=int, lo=2, hi=100),
    Setting("p8_iters", 500, url="iters", cast=int, lo=250, hi=2000),
    # One seed for t-SNE and UMAP; links made before UMAP said `tseed`, still read when `seed` is absent.
    Setting("p8_seed", lambda ss: qp_get("tseed", 0, int, lo=0, hi=run.SEED_MAX), url="seed", cast=int, lo=0,
            hi=run.SEED_MAX),
    Setting("p8_tsne_n", 1000, url="tsne_n", cast=int, lo=100, hi=pj.TSNE_MAX),
    Setting("p8_neighbors", 15, url="neighbors", cast=int, lo=2, hi=100),
    Setting("p8_min_dist", 0.1, url="min_dist", cast=lambda raw: round(float(raw), 2), lo=0.0, hi=0.99),
    Setting("p8_umap_n", 2000, url="umap_n", cast=int, lo=100, hi=pj.UMAP_MAX),
    # Unit length first: on by default where neighbours decide the map (t-SNE, UMAP), off for PCA (see p8.unit_why).
    Setting("p8_unit", lambda ss: ss.get("p8_method") in ("tsne", "umap"), url="unit", cast=flag),
    Setting("p8_xpair", "man woman", url="xpair", cast=lambda raw: raw[:80]),
    Setting("p8_ypair", "poor rich", url="ypair", cast=lambda raw: raw[:80]),
    Setting("p8_search", "king", url="search", cast=lambda raw: raw[:60]),
    Setting("p8_nn", 10, url="nn", cast=int, lo=1, hi=50),
    Setting("p8_metric", "cosine", url="metric", choices=METRICS_NN),
    Setting("p8_isolate", False, url="isolate", cast=flag),
    Setting("p8_img", "png", url="img", choices=export.IMAGE_FORMATS),
    Setting("p8_colour", "groups", url="colour", choices=COLOURINGS),
    Setting("p8_k", 8, url="k", cast=int, lo=2, hi=20),
    Setting("p8_groups", lambda ss: DEFAULT_GROUPS[ss.get("lang", "en")], url="groups", cast=lambda raw: raw[:2000],
            to_url=None),
])
STATE.restore()


def _method_changed() -> None:
    STATE.set("p8_unit", STATE.default_of("p8_unit"))  # each method starts from its own default normalisation

st.title(t("p8.title"))
st.markdown(md("p8_intro"))

left, right = st.columns([1, 2.2], gap="large")
with left:
    st.subheader(t("p8.source_header"))
    st.radio(t("p8.source"), SOURCES, **STATE.widget("p8_source"), format_func=tr_format("p8.source_"))
    kv, key = None, None
    if ss["p8_source"] == "glove":
        full = glove()
        if full is not None:
            kv, key = full, "glove"
    elif ss["p8_source"] == "lab":
        lab_model = ss.get("lab_model")
        if lab_model is None:
            st.info(t("p8.no_lab_model"))
            st.page_link("pages/p7_training_lab.py", label=t("p8.go_lab"))
        else:
            kv, key = lab_model["kv"], f"lab:{lab_model['key']}"
            # The corpus is one of the lab's ids ("kingdom_en", "custom"): show its name in the reader's language.
            st.caption(t("p8.lab_model", corpus=t(f"p7.corpus_{lab_model['corpus']}"), words=f"{len(kv):,}"))
    else:
        up = st.file_uploader(t("p8.upload", mb=pj.MAX_UPLOAD_BYTES // 1_000_000), type=["txt", "vec", "bin"],
                              key="p8_upload")
        if up is not None:
            data = up.getvalue()
            if len(data) > pj.MAX_UPLOAD_BYTES:
                st.error(t("p8.err_too_big", mb=pj.MAX_UPLOAD_BYTES // 1_000_000))
            else:
                try:
                    kv, key = pj.load_upload(data)
                except ValueError as exc:  # VectorsFormatError: says which line and why
                    st.error(t("p8.err_format", detail=md_escape(exc)))  # quotes words from the file
        else:
            st.caption(t("p8.upload_hint"))
    if kv is not None and ss["p8_source"] == "glove":
        st.slider(t("p8.n"), 100, pj.MAX_WORDS, **STATE.widget("p8_n"), step=100, help=t("p8.n_help"))

    st.subheader(t("p8.projection_header"))
    st.radio(t("p8.method"), METHODS, **STATE.widget("p8_method", on_change=_method_changed),
             format_func=tr_format("p8.method_"), horizontal=True)
    method = ss["p8_method"]
    run.controls(STATE, ss)

    st.subheader(t("p8.explore_header"))
    st.text_input(t("p8.search"), **STATE.widget("p8_search"))
    st.slider(t("p8.nn"), 1, 50, **STATE.widget("p8_nn"))
    st.radio(t("p8.metric"), METRICS_NN, **STATE.widget("p8_metric"), format_func=tr_format("p8.metric_"),
             horizontal=True, help=t("p8.metric_help"))
    st.toggle(t("p8.isolate"), **STATE.widget("p8_isolate"), help=t("p8.isolate_help"))
    st.radio(t("p8.colour"), COLOURINGS, **STATE.widget("p8_colour"), format_func=tr_format("p8.colour_"),
             horizontal=True)
    if ss["p8_colour"] == "kmeans":
        st.slider(t("p8.k"), 2, 20, **STATE.widget("p8_k"))
    elif ss["p8_colour"] == "groups":
        st.text_area(t("p8.groups"), **STATE.widget("p8_groups"), height=120, help=t("p8.groups_help"))

STATE.sync()
qp_set(tseed=None)  # an old link's name for the seed: `seed` carries it now
share.panel(STATE)  # the sidebar's 'share this view' panel; hides what a link hides

with right:
    if kv is None:
        st.stop()
    n = min(ss["p8_n"] if ss["p8_source"] == "glove" else pj.MAX_WORDS, len(kv))
    sub = kv.subset(n) if n < len(kv) else kv
    key = f"{key}:{n}"
    words = list(sub.index_to_key)
    X = sub.vectors  # (n, dim), read-only: never modified
    pca_of = (key, words, X)  # the checkpoint asks about the PCA of all n words, whichever map is drawn

    # ------------------------------------------------------------------------------------------- project
    notes, slot = st.container(), st.empty()  # messages above the map; the map's slot shows progress first
    mapped = run.project(ss, kv, key, words, X, notes, slot)
    if mapped is None:
        slot.empty()
        st.stop()
    key, words, X, coords, titles, note = mapped.key, mapped.words, mapped.X, mapped.coords, mapped.titles, mapped.note
    n = len(words)

    # ---------------------------------------------------------------------------------------------- search
    found = search.find(sub, n, ss["p8_search"], int(ss["p8_nn"]), ss["p8_metric"], notes)

    # Building a 5,000-point figure costs tens of ms (plotly validates every array): keep the last one per settings.
    # The presenter view scales the figure's text (ui/theme.py), so it is part of the key too.
    fig_key = (key, ss.get("lang"), presenting(), tuple(ss[k] for k in FIG_KEYS))
    if ss.get("p8_fig", (None,))[0] != fig_key:
        # ---------------------------------------------------------------------------------------------- colour
        ids, names, labelled, tags = None, [], [], None
        if ss["p8_colour"] == "kmeans":
            ids = pj.kmeans(f"{key}", int(ss["p8_k"]), 0, X)
            names = [t("p8.cluster", i=i + 1) for i in range(int(ss["p8_k"]))]
            tags = [str(i + 1) for i in range(len(names))]  # on the map: the cluster's number, short
        elif ss["p8_colour"] == "groups":
            groups = pj.parse_groups(ss["p8_groups"])
            where = {w: i for i, ws in enumerate(groups.values()) for w in ws}
            ids, names = [where.get(w, -1) for w in words], list(groups)  # -1: in no group (grey)
            labelled = [w for w in words if w in where][:300]

        keep = search.isolated(found, words) if ss["p8_isolate"] else None  # only the word and its neighbours
        if keep is not None:
            coords, words = coords[keep], [words[i] for i in keep]
            ids = None if ids is None else [ids[i] for i in keep]
        fig = maps.projector_map(coords, words, ids, names, found.highlight, titles, label_all=len(words) <= 100,
                                 labelled=labelled, tags=tags, focus=None if keep is not None else
                                 search.focus(found, words, coords))
        text = alt.word_map(words, None if ids is None else [names[i] if i >= 0 else t("alt.other") for i in ids])
        ss["p8_fig"] = (fig_key, fig, text + (alt.neighbours(found.query, found.nbrs) if found.query else ""))
    name = f"projector-{method}-{len(mapped.words)}"  # the downloads' file name
    alt.plot(*ss["p8_fig"][1:], key="p8_chart", where=slot.container(),
             config=export.chart_config(ss["p8_img"], name))
    if note:
        st.caption(note)
    search.table(found)
    export.panel(STATE, mapped.words, mapped.coords, name)
    if ss["p8_colour"] == "groups":
        groups = pj.parse_groups(ss["p8_groups"])
        questions.p8_pc1(pj.pca(pca_of[0], pca_of[2]).coords[:, 0], pca_of[1], groups, len(pca_of[1]),
                         context=(pca_of[0], tuple(groups.items())))

page_end("p8")
