"""Page 8's search: cosine or Euclidean neighbours (both languages), the map centred on the word (2-D, and 3-D for
PCA, t-SNE and UMAP), isolate, unknown words with did-you-mean, words left out of a capped t-SNE map."""
import numpy as np
import pytest
from apptest import assert_message_in, chart_spec, open_page, plotly_array

from ui.i18n import t
from w2v_core.glove import load_glove
from w2v_core.neighbours import most_similar_euclidean

PAGE = "pages/p8_projector.py"
SMALL = {"n": 1000, "colour": "none"}


def table_words(at) -> list[str]:
    return list(at.dataframe[-1].value.iloc[:, 0])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_euclidean_neighbours_differ_from_cosine_and_match_numpy(lang):
    at = open_page(PAGE, lang=lang, search="king", nn=8, **SMALL)
    cosine = table_words(at)
    assert at.radio(key="p8_metric").value == "cosine"
    at.radio(key="p8_metric").set_value("euclidean").run()
    assert not at.exception and at.query_params["metric"] == "euclidean"
    X = load_glove().vectors[:1000].astype(np.float64)
    words = load_glove().index_to_key[:1000]
    dist = np.linalg.norm(X - X[words.index("king")], axis=1)
    expected = [words[i] for i in np.argsort(dist)[1:9]]  # independent reference: plain numpy, king itself left out
    assert table_words(at) == expected and table_words(at) != cosine
    assert list(at.dataframe[-1].value.columns) == [t("p8.neighbour", lang=lang), t("p8.distance", lang=lang)]
    assert t("p8.nn_space", lang=lang) in [c.value for c in at.caption]


def test_euclidean_core_agrees_with_cosine_on_unit_vectors():
    from w2v_core.keyedvectors import KeyedVectors
    from w2v_core.projections import unit_rows

    kv = load_glove()
    unit = KeyedVectors(unit_rows(kv.vectors[:2000]).astype(np.float32), kv.index_to_key[:2000])
    assert [w for w, _ in most_similar_euclidean(unit, "france", topn=6)] == \
        [w for w, _ in unit.most_similar("france", topn=6)]


def view(at) -> tuple[list[str], np.ndarray, np.ndarray | None]:
    """The map's words, their coordinates (n, dims) and its view's axis ranges (dims, 2; None: plotly's own)."""
    spec = chart_spec(at, 0)
    tr = spec["data"][0]
    axes = [a for a in ("x", "y", "z") if a in tr]
    box = spec["layout"]["scene"] if len(axes) == 3 else spec["layout"]  # a 3-D map's axes live in its scene
    ranges = [box.get(f"{a}axis", {}).get("range") for a in axes]
    points = np.column_stack([plotly_array(tr[a], float) for a in axes])
    return tr["customdata"], points, None if None in ranges else np.array(ranges, float)


def assert_centred(at, word: str, zoomed: bool = True) -> None:
    """The view's middle is `word`'s place on the map, every listed neighbour is inside it, and (`zoomed`) it is
    smaller than the whole map (UMAP may spread a word's neighbours over all of it: then the view holds them all)."""
    words, points, ranges = view(at)
    assert ranges is not None, f"the view is not set on every axis: not centred on {word!r}"
    assert np.allclose(ranges.mean(axis=1), points[words.index(word)])
    nbrs = points[[words.index(w) for w in table_words(at)]]  # (k, dims)
    assert ((ranges[:, 0] <= nbrs) & (nbrs <= ranges[:, 1])).all()  # every neighbour in view
    assert not zoomed or (np.ptp(ranges, axis=1) < np.ptp(points, axis=0).max()).all()


def test_map_is_centred_on_the_searched_word():
    at = open_page(PAGE, search="city", nn=5, **SMALL)
    assert_centred(at, "city")


@pytest.mark.parametrize("method, lang, small", [
    ("pca", "en", {}), ("pca", "zh", {}), ("tsne", "en", {"tsne_n": 200, "iters": 250}),
    ("umap", "zh", {"umap_n": 200}),
])
def test_3d_map_is_centred_on_the_searched_word_and_follows_a_new_one(method, lang, small):
    at = open_page(PAGE, lang=lang, timeout=300, method=method, dims=3, search="city", nn=8, **{**SMALL, **small})
    assert view(at)[1].shape[1] == 3
    assert_centred(at, "city", zoomed=method != "umap")
    at.text_input(key="p8_search").set_value("government").run()  # a new word: the view moves to it, never stale
    assert not at.exception
    assert_centred(at, "government", zoomed=method != "umap")
    at.toggle(key="p8_isolate").set_value(True).run()  # isolate still keeps only the word and its neighbours
    assert not at.exception and view(at)[0] == ["government", *table_words(at)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_isolate_keeps_only_the_word_and_its_neighbours(lang):
    at = open_page(PAGE, lang=lang, search="water", nn=6, **SMALL)
    full = chart_spec(at, 0)["data"][0]
    at.toggle(key="p8_isolate").set_value(True).run()
    assert not at.exception and at.query_params["isolate"] == "1"
    shown = chart_spec(at, 0)["data"][0]
    assert shown["customdata"] == ["water", *table_words(at)]
    before = dict(zip(full["customdata"], plotly_array(full["x"], float)))
    assert np.allclose(plotly_array(shown["x"], float), [before[w] for w in shown["customdata"]])  # same places
    assert at.toggle(key="p8_isolate").label == t("p8.isolate", lang=lang)
    at.text_input(key="p8_search").set_value("").run()  # nothing searched: isolate has nothing to keep
    assert not at.exception and len(chart_spec(at, 0)["data"][0]["customdata"]) == 1000


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_unknown_word_suggests_close_spellings(lang):
    at = open_page(PAGE, lang=lang, search="watr", metric="euclidean", **SMALL)
    text = assert_message_in(at, lang, kinds=("warning",))
    assert "water" in text and not at.dataframe


def test_word_beyond_a_capped_tsne_map_is_not_searched():
    at = open_page(PAGE, n=2000, method="tsne", tsne_n=200, iters=250, search="paris", colour="none")
    rank = load_glove().key_to_index["paris"]
    assert 200 <= rank < 2000  # among the N words, but not on this capped map
    assert any(t("p8.not_shown", word="paris", n="200")[:12] in w.value for w in at.warning)
    at.text_input(key="p8_search").set_value("city").run()  # among the 200 words: its neighbours come from them
    shown = set(chart_spec(at, 0)["data"][0]["customdata"])
    assert not at.exception and set(table_words(at)) <= shown
