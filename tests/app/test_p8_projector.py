"""Page 8 (projector): PCA/t-SNE/axes coordinates equal w2v_core's, search, colours, sources, URL, caching."""
import numpy as np
import pytest
from apptest import chart_spec, open_page, plotly_array

from ui import maps, projector as pj, theme
from ui.i18n import t
from ui.lab_results import word2vec_text
from w2v_core import projections
from w2v_core.glove import load_glove

PAGE = "pages/p8_projector.py"


@pytest.fixture(scope="module")
def kv():
    return load_glove()


def points(at) -> dict:
    """The first trace of the projector chart (every shown word)."""
    return chart_spec(at, 0)["data"][0]


@pytest.mark.parametrize("lang, title", [("en", "Embedding projector"), ("zh", "嵌入投影")])
def test_opens_with_glove_pca_equal_to_core(kv, lang, title):
    at = open_page(PAGE, lang=lang, n=500)
    assert title in at.title[0].value
    tr = points(at)
    assert len(tr["customdata"]) == 500 and tr["customdata"][:3] == kv.index_to_key[:3]
    ref = projections.pca(kv.vectors[:500], n_components=pj.PCA_COMPONENTS)
    np.testing.assert_allclose(plotly_array(tr["x"], float), ref.coords[:, 0], rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(plotly_array(tr["y"], float), ref.coords[:, 1], rtol=1e-4, atol=1e-4)
    assert any(f"{100 * ref.explained_variance_ratio[0]:.1f}%" in c.value for c in at.caption)


def test_pca_3d_and_component_choice(kv):
    at = open_page(PAGE, n=300, dims=3, pcx=2, pcy=3, pcz=5)
    tr = points(at)
    assert tr["type"] == "scatter3d"
    ref = projections.pca(kv.vectors[:300], n_components=pj.PCA_COMPONENTS).coords
    np.testing.assert_allclose(plotly_array(tr["z"], float), ref[:, 4], rtol=1e-4, atol=1e-4)


def test_tsne_is_computed_once_per_setting(kv, monkeypatch):
    calls = []
    real = projections.tsne

    def counting(*a, **k):
        calls.append(1)
        return real(*a, **k)

    monkeypatch.setattr(projections, "tsne", counting)
    at = open_page(PAGE, n=300, method="tsne", tsne_n=200, iters=250, tseed=3)
    assert not at.exception and len(points(at)["customdata"]) == 200
    at.run()
    at.text_input(key="p8_search").set_value("city").run()
    assert len(calls) <= 1, "cached per settings: a rerun or a search does not rerun t-SNE"


def test_word_pair_axes_equal_core(kv):
    at = open_page(PAGE, n=400, method="axes", xpair="man woman", ypair="poor rich")
    sub = kv.subset(400)
    ref = projections.word_axes(kv, list(sub.index_to_key), ("man", "woman"), ("poor", "rich"))
    np.testing.assert_allclose(plotly_array(points(at)["x"], float), np.asarray(ref)[:, 0], rtol=1e-4, atol=1e-4)
    at.text_input(key="p8_xpair").set_value("man").run()
    assert at.warning and not at.exception  # one word is not a pair
    at.text_input(key="p8_xpair").set_value("man qqqzzzx").run()
    assert at.warning and not at.exception  # unknown word


def test_search_highlights_the_cosine_neighbours(kv):
    at = open_page(PAGE, n=2000, search="king", nn=7)
    table = at.dataframe[0].value
    ref = kv.subset(2000).most_similar("king", topn=7)
    assert list(table.iloc[:, 0]) == [w for w, _ in ref]
    spec = chart_spec(at, 0)
    labels = [a["text"] for a in spec["layout"].get("annotations", [])]
    assert labels[-1] == "<b>king</b>" and {w for w, _ in ref} <= set(labels)  # the searched word on top
    at.text_input(key="p8_search").set_value("[click](http://evil.example)").run()
    assert not at.exception
    shown = at.warning[0].value
    assert "\\[click\\]\\(http" in shown and "[click](" not in shown  # user text never becomes a link


def test_colour_by_named_groups_and_kmeans():
    at = open_page(PAGE, n=5000, colour="groups", groups="animals: dog horse fish\ndrinks: coffee tea")
    spec = chart_spec(at, 0)
    names = [t.get("name") for t in spec["data"]]
    assert "animals" in names and "drinks" in names
    words = points(at)["customdata"]
    colours = plotly_array(points(at)["marker"]["color"], float).tolist()
    assert colours[words.index("dog")] == colours[words.index("horse")] != colours[words.index("tea")]
    assert colours[words.index("the")] == len(theme.CATEGORICAL)  # grey: the last colour of the scale
    labels = {a["text"] for a in spec["layout"]["annotations"]}
    assert {"<b>animals</b>", "<b>drinks</b>"} <= labels  # each group's name on the map: colour is not the only cue
    at.radio(key="p8_colour").set_value("kmeans").run()
    k = at.slider(key="p8_k").value
    assert len(set(plotly_array(points(at)["marker"]["color"], float).tolist())) == min(k, len(theme.CATEGORICAL))
    labels = {a["text"] for a in chart_spec(at, 0)["layout"]["annotations"]}
    assert {f"<b>{i + 1}</b>" for i in range(k)} <= labels  # every cluster's number on the map
    names = {tr.get("name") for tr in chart_spec(at, 0)["data"]}
    assert {t("p8.cluster", lang="en", i=i + 1) for i in range(k)} <= names  # and in the legend


def test_lab_model_source_needs_a_trained_model_then_shows_it():
    at = open_page(PAGE, source="lab")
    assert at.info and not at.get("plotly_chart")
    at.switch_page("pages/p7_training_lab.py").run()
    at.button(key="p7_train").click().run()
    at.switch_page(PAGE).run()
    assert not at.exception
    lab_kv = at.session_state["lab_model"]["kv"]
    assert points(at)["customdata"] == list(lab_kv.index_to_key)
    corpus = at.session_state["lab_model"]["corpus"]
    caption = " ".join(c.value for c in at.caption)
    assert t(f"p7.corpus_{corpus}", lang="en") in caption and f"Corpus: {corpus}" not in caption  # its name, not its id


def test_uploaded_vectors_are_parsed_strictly(tmp_path):
    from w2v_core.keyedvectors import KeyedVectors

    small = KeyedVectors(np.arange(12, dtype=np.float32).reshape(4, 3), ["a", "b", "国王", "d"])
    kv, key = pj.load_upload(word2vec_text(small))
    assert kv.index_to_key == ["a", "b", "国王", "d"] and key.startswith("upload:")
    from gensim.models import KeyedVectors as GensimKV

    g = GensimKV(3)
    g.add_vectors(["a", "国王", "c"], np.arange(9, dtype=np.float32).reshape(3, 3))
    g.save_word2vec_format(str(tmp_path / "g.bin"), binary=True)  # gensim's binary format is read too
    kv, _ = pj.load_upload((tmp_path / "g.bin").read_bytes())
    assert kv.index_to_key == ["a", "国王", "c"] and np.allclose(kv.vectors, g.vectors)
    glove_style, _ = pj.load_upload(b"king 0.1 0.2\nqueen 0.3 0.4\n")  # no header line
    assert glove_style.index_to_key == ["king", "queen"]
    for bad in (b"", b"2 3\na 1 2\n", b"not a header\n", "1 2\n国王 1 x\n".encode()):
        with pytest.raises(ValueError):
            pj.load_upload(bad)


def test_url_values_are_defensive():
    at = open_page(PAGE, source="evil", n=10**9, method="rm -rf", dims=7, k="x", perplexity=-1)
    assert at.radio(key="p8_source").value == "glove" and at.slider(key="p8_n").value == 5000
    assert at.radio(key="p8_method").value == "pca" and not at.exception


def test_rerun_without_changes_does_not_reproject(monkeypatch):
    at = open_page(PAGE)
    calls = []
    monkeypatch.setattr(projections, "pca", lambda *a, **k: calls.append(1))
    monkeypatch.setattr(projections, "kmeans", lambda *a, **k: calls.append(1))
    monkeypatch.setattr(maps, "projector_map", lambda *a, **k: calls.append(1))
    at.run()
    at.run()
    assert not at.exception and calls == []


def test_settings_survive_a_visit_to_another_page():
    at = open_page(PAGE, n=400)
    at.radio(key="p8_method").set_value("axes").run()
    at.text_input(key="p8_ypair").set_value("small big").run()
    at.query_params.clear()  # the navigation drops the query string
    at.switch_page("pages/about.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.radio(key="p8_method").value == "axes" and at.text_input(key="p8_ypair").value == "small big"
    assert at.slider(key="p8_n").value == 400
