"""Page 8's exports: the CSV of the map's coordinates (words escaped for spreadsheets) and the chart's image button
format (PNG/SVG), in both languages."""
import csv
import io
import json

import numpy as np
import pytest
from apptest import open_page

from ui.i18n import t
from ui.projector_export import coords_csv, safe_cell

PAGE = "pages/p8_projector.py"


def test_csv_cells_never_start_a_formula_and_keep_odd_words_whole():
    words = ["=HYPERLINK(\"http://x\")", "+1", "-", "@sum", "a,b", 'say "hi"', "two\nlines", "国王", "king"]
    coords = np.arange(len(words) * 2, dtype=float).reshape(-1, 2) - 3.5
    raw = coords_csv(words, coords)
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM: spreadsheet programs read the Chinese word as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["word", "x", "y"] and len(rows) == len(words) + 1
    assert [r[0] for r in rows[1:]] == [safe_cell(w) for w in words]
    assert all(not r[0].startswith(("=", "+", "-", "@")) for r in rows[1:])
    assert rows[1][0] == "'=HYPERLINK(\"http://x\")" and rows[5][0] == "a,b" and rows[7][0] == "two\nlines"
    np.testing.assert_allclose([[float(v) for v in r[1:]] for r in rows[1:]], coords)  # negative numbers stay
    assert coords_csv(["a"], [[1.0, 2.0, 3.0]]).decode("utf-8-sig").splitlines()[0] == "word,x,y,z"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_image_format_and_csv_button(lang):
    at = open_page(PAGE, lang=lang, n=400, colour="none")
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["toImageButtonOptions"]["format"] == "png"
    assert "toImage" not in config.get("modeBarButtonsToRemove", []) and config.get("displayModeBar", True)
    at.radio(key="p8_img").set_value("svg").run()
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert not at.exception and config["toImageButtonOptions"]["format"] == "svg" and at.query_params["img"] == "svg"
    assert config["toImageButtonOptions"]["filename"] == "projector-pca-400"
    button = at.get("download_button")[0]
    assert button.proto.label == t("p8.csv", lang=lang, n="400")

