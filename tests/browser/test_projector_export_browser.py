"""Page 8's exports in a real browser: the CSV button sends the map's coordinates (equal to w2v_core's PCA), and
plotly's own camera button in the chart toolbar downloads a PNG, then an SVG once the format is switched."""
import csv
import io

import numpy as np

from ui import projector as pj
from ui.i18n import t
from ui.projector_export import safe_cell
from w2v_core import projections
from w2v_core.glove import load_glove


def camera_download(page, tmp_path, name: str) -> bytes:
    """Hover the map (plotly shows its toolbar then), press the camera button, return the downloaded file."""
    chart = page.get_by_test_id("stPlotlyChart").first
    chart.hover()
    button = chart.locator(".modebar-btn[data-title^='Download plot']")
    assert button.count() == 1, "the chart's toolbar has no image button"
    with page.expect_download(timeout=60_000) as d:
        button.click()
    path = tmp_path / name
    d.value.save_as(path)
    return path.read_bytes()


def test_csv_and_image_buttons(new_page, goto, rerun, assert_clean, tmp_path):
    page = new_page(width=1400, height=1000)
    goto(page, "projector", lang="en", n=300, colour="none", search="")
    with page.expect_download() as d:
        page.get_by_role("button", name=t("p8.csv", lang="en", n="300")).click()
    assert d.value.suggested_filename == "projector-pca-300.csv"
    rows = list(csv.reader(io.StringIO(open(d.value.path(), encoding="utf-8-sig").read())))
    ref = projections.pca(load_glove().vectors[:300], n_components=pj.PCA_COMPONENTS).coords[:, :2]
    assert rows[0] == ["word", "x", "y"]
    assert [r[0] for r in rows[1:]] == [safe_cell(w) for w in load_glove().index_to_key[:300]]  # "-" -> "'-"
    np.testing.assert_allclose([[float(v) for v in r[1:]] for r in rows[1:]], ref, rtol=1e-4, atol=1e-5)

    png = camera_download(page, tmp_path, "map.png")
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    with rerun(page):
        page.get_by_test_id("stRadio").filter(has_text=t("p8.img", lang="en")).get_by_text("SVG").click()
    svg = camera_download(page, tmp_path, "map.svg")
    assert svg.lstrip().startswith(b"<svg") and b"</svg>" in svg
    assert_clean(page)
