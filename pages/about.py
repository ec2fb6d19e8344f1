"""About: credits and references, and the versions of the libraries this copy of the app is running on."""
import platform
import re
from importlib import metadata
from pathlib import Path

import pandas as pd
import streamlit as st

from ui.i18n import md, t

REQUIREMENTS = [Path(__file__).resolve().parent.parent / name for name in ("requirements.txt", "requirements-dev.txt")]


def pinned_requirements() -> list[tuple[str, str]]:
    """(name, pinned version) for every `name==version` line of the requirement files, in file order."""
    pins = []
    for path in REQUIREMENTS:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*==\s*([^\s;#]+)", line)
            if m:
                pins.append((m.group(1), m.group(2)))
    return pins


# Scanning site-packages is slow and versions cannot change while the server runs. st.cache_data and not
# functools.lru_cache: a page file is executed afresh on every run, so an lru_cache here would start empty each time.
@st.cache_data(show_spinner=False, max_entries=64)  # names come from requirements.txt; bounded anyway
def installed_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def versions_table() -> pd.DataFrame:
    rows = [(t("about.python"), "3.11", platform.python_version())]
    for name, pinned in pinned_requirements():
        rows.append((name, pinned, installed_version(name) or t("about.not_installed")))
    return pd.DataFrame(rows, columns=[t("about.col_package"), t("about.col_required"), t("about.col_installed")])


st.title(t("about.title"))
st.header(t("about.references_header"))
st.markdown(md("about_credits"))
st.header(t("about.versions_header"))
st.caption(t("about.versions_caption"))
st.table(versions_table().set_index(t("about.col_package")))
