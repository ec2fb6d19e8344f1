"""Tables for `st.dataframe` as Arrow tables built from columns: the cheap way to hand Streamlit a table per rerun.

Streamlit serialises a `pyarrow.Table` as it is; a list of row dicts or a pandas DataFrame first goes through
pandas and its Arrow conversion (3-5 ms for a table of a few rows, on every rerun, against ~0.1 ms here). The
columns come out as that conversion makes them, so the table looks the same: text as large_string, numbers as
double / int64, NaN as an empty cell. Pass `hide_index=True` (an Arrow table has no index to show).
"""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import pyarrow as pa


def _column(values) -> pa.Array:
    if isinstance(values, np.ndarray):
        return pa.array(values, from_pandas=True)  # from_pandas: NaN becomes null (an empty cell), as from pandas
    values = list(values)
    text = pa.large_string() if values and isinstance(values[0], str) else None  # pandas' str columns' type
    return pa.array(values, type=text, from_pandas=True)


def columns(cols: Mapping[str, Sequence]) -> pa.Table:
    """{column name: values}, in display order -> an Arrow table (lists, ranges, numpy arrays)."""
    return pa.table({name: _column(values) for name, values in cols.items()})


def rows(records: Sequence[Mapping]) -> pa.Table:
    """Row dicts with the same keys -> an Arrow table, columns in the first row's order (none: an empty table)."""
    names = list(records[0]) if records else []
    return columns({name: [r[name] for r in records] for name in names})
