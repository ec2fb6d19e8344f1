"""ui/tables.py: the Arrow tables handed to st.dataframe have the columns, order, types and cells of the table
Streamlit would have made from the same data through pandas (so the table looks the same, only cheaper)."""
from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from streamlit import dataframe_util

from apptest import open_page
from ui import tables
from ui.i18n import t

COLUMNS = [
    {"Word": ["not", "aaron", "taco"], "Target": np.array([1.0, 0.0, 0.0]), "Score": np.array([0.12, -0.3, 0.05])},
    {"排名": range(1, 4), "词": ["国王", "女王", "<b>x</b>"], "余弦": [0.91, float("nan"), -0.2]},  # NaN: empty cell
    {"rank": [1, 2], "who": ["1 号", "2 号"], "dot": [np.float64(0.5), np.float64(-1.25)], "n": [np.int64(3), 4]},
    {"param": ["window", "sg"], "now": ["5", "0"]},
]


def _via_pandas(data) -> tuple[list, list]:
    """What Streamlit sends for `data` through pandas: column names and types, and the cells (None = empty)."""
    table = dataframe_util.convert_pandas_df_to_arrow_table(dataframe_util.convert_anything_to_pandas_df(data))
    return [(f.name, f.type) for f in table.schema], table.to_pylist()


def _same_cells(ours: list[dict], theirs: list[dict]) -> bool:
    return len(ours) == len(theirs) and all(
        a.keys() == b.keys() and all(x == y or (isinstance(x, float) and math.isnan(x) and math.isnan(y))
                                     for x, y in zip(a.values(), b.values())) for a, b in zip(ours, theirs))


@pytest.mark.parametrize("cols", COLUMNS)
def test_columns_match_the_pandas_path(cols):
    ours = tables.columns(cols)
    schema, cells = _via_pandas(pd.DataFrame({k: list(v) if isinstance(v, range) else v for k, v in cols.items()}))
    assert [(f.name, f.type) for f in ours.schema] == schema
    assert _same_cells(ours.to_pylist(), cells)


@pytest.mark.parametrize("cols", COLUMNS)
def test_rows_match_the_pandas_path(cols):
    records = pd.DataFrame({k: list(v) for k, v in cols.items()}).to_dict("records")
    ours = tables.rows(records)
    schema, cells = _via_pandas(records)  # a list of row dicts, as the pages used to pass them
    assert [(f.name, f.type) for f in ours.schema] == schema
    assert _same_cells(ours.to_pylist(), cells)
    assert tables.rows([]).num_columns == 0  # no rows: an empty table, as pandas made of []


def test_a_nan_cosine_is_an_empty_cell_not_the_text_nan():
    assert tables.columns({"cos": [float("nan"), 0.5]}).column("cos").null_count == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p6_step_tables_keep_their_columns_and_formats(lang):
    """p6's forward-pass table after one step, as the page sends it: its columns in order, the numbers' format,
    no index column (AppTest decodes the Arrow the browser gets)."""
    at = open_page("pages/p6_negative_sampling.py", lang)
    at.button(key="p6_next").click().run()
    assert not at.exception, at.exception
    names = [t(f"p6.{k}", lang=lang) for k in ("col_word", "col_target", "col_score", "col_sigmoid", "col_error")]
    forward = next(d for d in at.dataframe if list(d.value.columns) == names)
    config = json.loads(forward.proto.columns)
    assert all(config[c]["type_config"]["format"] == "%.4f" for c in names[2:]) and config["_index"]["hidden"]
    assert forward.value.shape == (3, 5) and forward.value.iloc[:, 1].tolist() == [1.0, 0.0, 0.0]
