"""Page 5: the sliding window writes exactly w2v_core's CBOW / skip-gram samples, step by step, in both languages."""
import numpy as np
import pytest
from apptest import chart_spec, open_page

from ui import theme
from ui.i18n import t

from w2v_core.samples import cbow_samples, skipgram_pairs
from w2v_core.text import tokenize

PAGE = "pages/p5_skipgram_cbow.py"
DUNE = "Thou shalt not make a machine in the likeness of a human mind"


def metrics(at):
    return [int(m.value) for m in at.metric]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_opens_and_counts_equal_core(lang):
    at = open_page(PAGE, lang=lang)
    toks = tokenize(DUNE)
    assert metrics(at) == [len(toks), len(cbow_samples(toks, 2)), len(skipgram_pairs(toks, 2))]
    assert "thou" in at.html[0].value and theme.ROLES["center"] in at.html[0].value  # centre word coloured
    assert at.dataframe[0].value.shape[0] == 2  # thou -> shalt, thou -> not


def test_step_appends_the_pairs_of_the_next_position_and_reset_restores():
    at = open_page(PAGE, lang="en")
    toks = tokenize(DUNE)
    pairs = skipgram_pairs(toks, 2)
    for pos in range(1, 4):
        at.button(key="p5_step").click().run()
        assert not at.exception
        assert at.session_state["p5_pos"] == pos
        df = at.dataframe[0].value
        expected = [(p["input"], p["output"]) for p in pairs if p["position"] <= pos][::-1]
        assert [tuple(r) for r in df.to_numpy().tolist()] == expected
    at.button(key="p5_reset").click().run()
    assert at.session_state["p5_pos"] == 0
    assert at.dataframe[0].value.shape[0] == 2


def test_cbow_mode_writes_one_sample_per_position():
    at = open_page(PAGE, lang="en", mode="cbow", window=3)
    toks = tokenize(DUNE)
    at.button(key="p5_step").click().run()
    at.button(key="p5_step").click().run()
    df = at.dataframe[0].value
    cb = cbow_samples(toks, 3)[:3][::-1]
    assert df.iloc[:, 0].tolist() == [" ".join(s["context"]) for s in cb]
    assert df.iloc[:, 1].tolist() == [s["center"] for s in cb]


def test_shrink_windows_uses_the_seeded_effective_windows():
    at = open_page(PAGE, lang="zh", shrink=1, window=5, seed=7)
    toks = tokenize(DUNE)
    cb = cbow_samples(toks, 5, shrink_windows=True, rng=np.random.default_rng(7))
    sg = skipgram_pairs(toks, 5, shrink_windows=True, rng=np.random.default_rng(7))
    assert metrics(at) == [len(toks), len(cb), len(sg)]
    assert len(sg) < len(skipgram_pairs(toks, 5))
    # the effective window of position 0 is shown in the caption
    assert any(t("p5.effective", lang="zh", eff=sg[0]["window"], window=5) in c.value for c in at.caption)
    assert at.query_params["shrink"] == ["1"] or at.query_params["shrink"] == "1"


@pytest.mark.parametrize("text,kind", [("", "warning"), ("hello", "warning"), ("one two three", "info")])
def test_bad_sentences_get_a_clear_message(text, kind):
    at = open_page(PAGE, lang="en", window=5)
    at.text_input(key="p5_sentence").input(text).run()
    assert not at.exception
    assert len(getattr(at, kind)) == 1


def test_user_text_is_escaped():
    at = open_page(PAGE, lang="en")
    at.text_input(key="p5_sentence").input("<script>alert(1)</script> hello world").run()
    assert not at.exception
    assert "<script>" not in at.html[0].value


def test_hostile_url_values_fall_back_to_defaults():
    at = open_page(PAGE, lang="zh", mode="<b>x</b>", window="-3", shrink="yes", seed="nan")
    ss = at.session_state
    assert (ss["p5_mode"], ss["p5_window"], ss["p5_shrink"], ss["p5_seed"]) == ("skipgram", 2, False, 1)


def test_counts_for_every_window_equal_core():
    at = open_page(PAGE, lang="en")
    toks = tokenize(DUNE)
    spec = chart_spec(at, 0)
    assert spec["data"][0]["y"] == [len(cbow_samples(toks, w)) for w in range(1, 6)]
    assert spec["data"][1]["y"] == [len(skipgram_pairs(toks, w)) for w in range(1, 6)]
