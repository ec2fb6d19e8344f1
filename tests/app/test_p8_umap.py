"""Page 8's UMAP, seed and unit toggle: controls in both languages, same URL -> same map (PCA, t-SNE, UMAP).

UMAP's first fit in a process compiles numba code (~30-40 s on 2 cores; the page's background warm-up starts it on
the first visit): these tests are few and small (200 words), and the first one may take a minute.
"""
import numpy as np
import pytest
from apptest import chart_spec, open_page, plotly_array

from ui import projector as pj
from ui.i18n import t
from w2v_core import projections
from w2v_core.glove import load_glove

PAGE = "pages/p8_projector.py"
UMAP = {"method": "umap", "n": 300, "umap_n": 200, "colour": "none", "search": ""}
SLOW = 300  # seconds: the first UMAP fit in this process may wait for the compile


def coords(at) -> np.ndarray:
    tr = chart_spec(at, 0)["data"][0]
    return np.column_stack([plotly_array(tr[a], float) for a in ("x", "y", "z") if a in tr])


def fresh() -> None:
    """Forget every map computed so far in this process, so the next session computes its own."""
    pj._maps().clear()
    pj.pca.clear()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_umap_controls_in_both_languages(lang):
    at = open_page(PAGE, lang=lang, timeout=SLOW, **UMAP)
    assert at.radio(key="p8_method").value == "umap"
    assert at.toggle(key="p8_unit").value is True  # UMAP: unit length by default
    assert at.toggle(key="p8_unit").label == t("p8.unit", lang=lang)
    assert t("p8.unit_why", lang=lang) in [c.value for c in at.caption]
    first = coords(at)
    assert first.shape == (200, 2) and np.isfinite(first).all()
    at.slider(key="p8_neighbors").set_value(5).run(timeout=SLOW)  # a new parameter: a new map, never the old one
    assert not at.exception and at.query_params["neighbors"] == "5"
    assert not np.allclose(coords(at), first)
    at.slider(key="p8_min_dist").set_value(0.5).run(timeout=SLOW)
    at.radio(key="p8_dims").set_value(3).run(timeout=SLOW)
    assert not at.exception and chart_spec(at, 0)["data"][0]["type"] == "scatter3d" and coords(at).shape == (200, 3)
    at.number_input(key="p8_seed").set_value(7).run(timeout=SLOW)
    assert not at.exception and at.query_params["seed"] == "7"


def test_umap_map_equals_core():
    at = open_page(PAGE, timeout=SLOW, neighbors=10, min_dist=0.2, seed=5, **UMAP)
    X = projections.unit_rows(load_glove().vectors[:200])
    ref = projections.umap(X, n_neighbors=10, min_dist=0.2, seed=5)
    np.testing.assert_allclose(coords(at), ref.coords, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("query", [
    {"method": "pca", "n": 400, "unit": 1, "pcx": 2, "pcy": 3},
    {"method": "tsne", "n": 300, "tsne_n": 150, "iters": 250, "perplexity": 12, "seed": 11},
    {**UMAP, "neighbors": 8, "seed": 3},
], ids=["pca", "tsne", "umap"])
def test_same_url_same_map(query):
    maps = []
    for _ in range(2):  # two students open the same link, each in a fresh session, nothing cached in between
        fresh()
        at = open_page(PAGE, timeout=SLOW, **{"colour": "none", **query})
        maps.append(coords(at))
    np.testing.assert_array_equal(maps[0], maps[1])
    assert maps[0].shape[0] == {"pca": 400, "tsne": 150, "umap": 200}[query["method"]]


def test_old_tseed_links_still_work_and_seed_wins():
    at = open_page(PAGE, n=300, method="tsne", tsne_n=120, iters=250, tseed=42)
    assert at.number_input(key="p8_seed").value == 42
    assert at.query_params["seed"] == "42" and "tseed" not in at.query_params  # the link now says `seed`
    at = open_page(PAGE, n=300, method="tsne", tsne_n=120, iters=250, tseed=42, seed=9)
    assert at.number_input(key="p8_seed").value == 9
    at = open_page(PAGE, n=300, method="tsne", tsne_n=120, iters=250, seed="-3")  # out of range: the default
    assert at.number_input(key="p8_seed").value == 0 and not at.exception


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_unit_toggle_follows_the_method_and_changes_pca(lang):
    at = open_page(PAGE, lang=lang, n=300, colour="none", search="")
    assert at.toggle(key="p8_unit").value is False  # PCA keeps the raw spread by default
    raw = coords(at)
    at.toggle(key="p8_unit").set_value(True).run()
    ref = projections.pca(projections.unit_rows(load_glove().vectors[:300]), n_components=pj.PCA_COMPONENTS)
    np.testing.assert_allclose(coords(at), ref.coords[:, :2], rtol=1e-4, atol=1e-4)
    assert not np.allclose(coords(at), raw) and at.query_params["unit"] == "1"
    at.radio(key="p8_method").set_value("tsne").run()
    assert at.toggle(key="p8_unit").value is True  # each method starts from its own default
    at.radio(key="p8_method").set_value("pca").run()
    assert at.toggle(key="p8_unit").value is False and not at.exception


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_missing_umap_package_is_explained(lang, monkeypatch):
    def no_umap(*a, **k):
        raise ImportError("No module named 'umap'")

    monkeypatch.setattr(projections, "umap", no_umap)
    fresh()
    at = open_page(PAGE, lang=lang, timeout=SLOW, **{**UMAP, "seed": 12345})
    assert not at.exception and at.error[0].value == t("p8.umap_missing", lang=lang)
    assert not at.get("plotly_chart")
