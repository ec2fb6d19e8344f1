"""Determinism: the same URL (settings and seed) gives the same numbers, in two fresh sessions.

For each page: open it twice in two fresh AppTest sessions with the same query string, do the same interactions,
and compare everything the page shows that carries numbers: markdown/captions, metrics, tables, plotly specs.
A control run with another seed (page 3 has none: another query) must differ, so the comparison can fail.
"""
import hashlib
import json
import re

import pytest
from apptest import open_page


def fingerprint(at) -> dict:
    """What a student sees, as comparable data (text, metric values, tables, chart specs)."""
    fp = {}
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "text",
                 "code", "latex"):
        fp[kind] = [str(e.value) for e in getattr(at, kind)]
    fp["metric"] = [(m.label, m.value, m.delta) for m in at.metric]
    fp["dataframe"] = [d.value.to_json(orient="split", double_precision=10) for d in at.dataframe]
    fp["table"] = [t.value.to_json(orient="split", double_precision=10) for t in at.table]
    fp["plotly"] = [json.loads(p.proto.spec) for p in at.get("plotly_chart")]
    fp["html"] = [h.proto.body for h in at.get("html")]
    return fp


def digest(fp: dict) -> str:
    return hashlib.sha256(json.dumps(fp, sort_keys=True, default=str).encode()).hexdigest()


def numbers_in(fp: dict) -> int:
    """How many numbers the fingerprint holds: a page showing no numbers proves nothing."""
    return len(re.findall(r"\d+\.\d+|\d+", json.dumps(fp, default=str)))


# page -> (query for the runs, query for the control run, interactions: list of (kind, key, value))
CASES = {
    "p1": ("pages/p1_personality.py", {"score": 70, "me_x": 0.5, "me_y": -0.25, "scale": 2},
           {"score": 20, "me_x": -0.5, "me_y": 0.25, "scale": 3}, []),  # no seed: other vectors
    "p3": ("pages/p3_analogies.py", {"pos": "king, woman", "neg": "man", "method": "add", "ranks": 1},
           {"pos": "paris, italy", "neg": "france", "method": "add", "ranks": 1}, []),  # no seed: another query
    "p7": ("pages/p7_training_lab.py", {"corpus": "kingdom_en", "epochs": 3, "vector_size": 16, "seed": 3},
           {"corpus": "kingdom_en", "epochs": 3, "vector_size": 16, "seed": 4}, [("button", "p7_train", None)]),
    "p5": ("pages/p5_skipgram_cbow.py", {"mode": "skipgram", "window": 3, "shrink": 1, "seed": 7},
           {"mode": "skipgram", "window": 3, "shrink": 1, "seed": 8},
           [("button", "p5_step", None), ("button", "p5_step", None)]),
    "p6": ("pages/p6_negative_sampling.py", {"window": 2, "negative": 3, "dim": 5, "alpha": 0.05, "seed": 42},
           {"window": 2, "negative": 3, "dim": 5, "alpha": 0.05, "seed": 43},
           [("button", "p6_next", None), ("button", "p6_next", None), ("button", "p6_run10", None)]),
}


def play(page: str, query: dict, actions: list, lang: str = "en"):
    at = open_page(page, lang=lang, **query)
    for kind, key, value in actions:
        if kind == "button":
            at.button(key=key).click().run()
        elif kind == "text":
            at.text_input(key=key).input(value).run()
        elif kind == "select":
            at.selectbox(key=key).select(value).run()
        else:
            raise ValueError(kind)
        assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("case", list(CASES))
def test_same_url_same_numbers(case):
    page, query, control, actions = CASES[case]
    a = fingerprint(play(page, query, actions))
    b = fingerprint(play(page, query, actions))
    assert numbers_in(a) > 0, "the page shows no numbers: nothing to compare"
    assert a == b, "two sessions with the same URL show different things"
    c = fingerprint(play(page, control, actions))
    assert digest(c) != digest(a), "another seed changes nothing shown: the comparison could not fail"
