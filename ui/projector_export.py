"""Page 8's exports: the map's coordinates with their words as CSV (safe to open in a spreadsheet), and the chart's
own image button (plotly's toolbar) set to PNG or SVG."""
from __future__ import annotations

import csv
import io

import numpy as np
import streamlit as st

from ui.i18n import t

IMAGE_FORMATS = ("png", "svg")
# A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(...)", "+cmd|..."): such a
# word gets a leading apostrophe, the usual defence (OWASP "CSV injection"). GloVe has words like "-" and "+".
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(text: str) -> str:
    """A word as a CSV cell a spreadsheet shows as text, never runs: "=1+1" -> "'=1+1"."""
    text = str(text)
    return "'" + text if text.startswith(FORMULA_START) else text


def coords_csv(words, coords) -> bytes:
    """`word,x,y[,z]` rows, quoted by the csv module (commas, quotes, newlines in a word stay inside their cell);
    UTF-8 with a byte-order mark so spreadsheet programs read Chinese words correctly."""
    coords = np.asarray(coords, dtype=np.float64)  # (n, 2 or 3)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["word", *"xyz"[: coords.shape[1]]])
    writer.writerows([safe_cell(w), *(f"{v:.6g}" for v in row)] for w, row in zip(words, coords))
    return out.getvalue().encode("utf-8-sig")


def chart_config(fmt: str, name: str) -> dict:
    """plotly's config: the toolbar's camera button downloads the current view in `fmt` (png: at 2x for slides)."""
    return {"displaylogo": False, "toImageButtonOptions": {"format": fmt, "filename": name, "scale": 2}}


def panel(state, words, coords, name: str) -> None:
    """The image format (for the chart's camera button) and the CSV download of every point on the map."""
    st.radio(t("p8.img"), IMAGE_FORMATS, **state.widget("p8_img"), horizontal=True, format_func=str.upper,
             help=t("p8.img_help"))
    st.download_button(t("p8.csv", n=f"{len(words):,}"), data=lambda: coords_csv(words, coords),
                       file_name=f"{name}.csv", mime="text/csv", key="p8_csv", on_click="ignore")
