"""Page 8's search: a word's k nearest neighbours among the words on the map (cosine or Euclidean, measured in the
vectors' own dimensions), their table, and what the map does with them: highlight, centre on, or isolate."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import streamlit as st

from ui import theme
from ui.i18n import t
from ui.words import did_you_mean, md_escape, md_list
from w2v_core.neighbours import nearest
from w2v_core.viewbox import centred_box


@dataclass
class Found:
    """The searched word and its neighbours ((word, score), best first); empty when nothing is searched or found."""
    query: str = ""
    nbrs: list = field(default_factory=list)
    metric: str = "cosine"

    @property
    def words(self) -> list[str]:
        return [self.query, *(w for w, _ in self.nbrs)] if self.query else []

    @property
    def highlight(self) -> dict[str, str]:
        return {self.query: theme.SEARCHED, **{w: theme.NEIGHBOUR for w, _ in self.nbrs}} if self.query else {}


def find(sub, shown: int, text: str, k: int, metric: str, notes) -> Found:
    """Search `text` among the first `shown` words of `sub` (the words on the map); an unknown or unshown word gets
    a did-you-mean message in `notes`."""
    query = text.strip().lower()
    if not query:
        return Found()
    on_map = sub if shown >= len(sub) else sub.subset(shown)
    if query not in on_map:
        sugg = did_you_mean(on_map, query)
        hint = t("p8.did_you_mean", words=md_list(sugg)) if sugg else ""
        notes.warning(t("p8.not_shown", word=md_escape(query), n=f"{shown:,}") + " " + hint)
        return Found()
    return Found(query, nearest(on_map, query, topn=k, metric=metric), metric)


def table(found: Found) -> None:
    """The neighbours as a table: cosine (higher is closer) or Euclidean distance (lower is closer)."""
    if not found.query:
        return
    score = t("p8.cosine") if found.metric == "cosine" else t("p8.distance")
    st.markdown(f"**{t('p8.nn_header', word=md_escape(found.query))}**")
    st.dataframe(pd.DataFrame(found.nbrs, columns=[t("p8.neighbour"), score]), hide_index=True, width="stretch",
                 column_config={score: st.column_config.NumberColumn(format="%.3f")})
    st.caption(t("p8.nn_space"))


def isolated(found: Found, words: list[str]) -> np.ndarray | None:
    """Rows of the searched word and its neighbours (only they stay on the map), or None when nothing was found."""
    if not found.query:
        return None
    index = {w: i for i, w in enumerate(words)}
    return np.array([index[w] for w in found.words if w in index])


def focus(found: Found, words: list[str], coords: np.ndarray) -> tuple | None:
    """The axis ranges (lo, hi), one entry per axis, of a square (2-D) or cube (3-D) view centred on the searched
    word that holds its neighbours (w2v_core.viewbox); None when nothing was found."""
    keep = isolated(found, words)  # the searched word first, then its neighbours
    return None if keep is None else centred_box(coords[keep], span=np.ptp(coords, axis=0).max())
