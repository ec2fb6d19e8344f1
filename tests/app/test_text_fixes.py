"""Issue 14's text fixes, checked against what the pages compute: the p6 "check by hand" instruction is true after
one click and false after two, the softmax example is the article's sample, p1 links its two sections, p3 names the
ranking that picked its answer."""
import math

import numpy as np
import pytest
from apptest import chart_spec, open_page, plotly_array, reveal

from ui.i18n import md, t


def framed(at, key: str) -> dict[str, np.ndarray]:
    """The rows of a p6 heatmap by word, as drawn."""
    spec = chart_spec(at, key)["data"][0]
    return dict(zip(spec["y"], plotly_array(spec["z"], float)))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p6_check_by_hand_after_one_click_not_after_two(lang):
    at = open_page("pages/p6_negative_sampling.py", lang=lang)
    assert "**Next step**" in md("p6_try", lang="en") and "once" in md("p6_try", lang="en")
    at.button(key="p6_next").click().run()
    fwd = next(d.value for d in at.dataframe if t("p6.col_score", lang=lang) in d.value.columns)  # the forward pass
    score_thou = float(fwd[fwd.iloc[:, 0] == "thou"][t("p6.col_score", lang=lang)].iloc[0])
    emb, ctx = framed(at, "p6_heat_e"), framed(at, "p6_heat_c")
    assert math.isclose(float(emb["not"] @ ctx["thou"]), score_thou, abs_tol=1e-6)  # one click: the rows give it
    at.button(key="p6_next").click().run()                                          # the second click applies
    emb, ctx = framed(at, "p6_heat_e"), framed(at, "p6_heat_c")
    assert abs(float(emb["not"] @ ctx["thou"]) - score_thou) > 1e-4


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p6_softmax_example_is_the_articles_first_sample(lang):
    at = open_page("pages/p6_negative_sampling.py", lang=lang)
    df = at.dataframe[0].value
    target = df[df[t("p6.col_target", lang=lang)] == 1.0]
    assert list(target.iloc[:, 0]) == ["thou"]
    p = float(target[t("p6.sm_prob", lang=lang)].iloc[0])
    assert math.isclose(df[t("p6.sm_prob", lang=lang)].sum(), 1.0, abs_tol=1e-9)
    assert t("p6.sm_caption", lang=lang, v=len(df), loss=f"{-math.log(p):.3f}") in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p1_links_the_score_to_me(lang):
    at = open_page("pages/p1_personality.py", lang=lang)
    at.slider(key="p1_score").set_value(70).run()
    assert t("p1.me_from_score", lang=lang, scaled="+0.40") in [c.value for c in at.caption]
    assert at.number_input(key="p1_me_x").value == -0.4  # the article's value until the learner asks
    at.button(key="p1_use_score").click().run()
    assert at.number_input(key="p1_me_x").value == pytest.approx(0.4)


@pytest.mark.parametrize("method", ["add", "mul"])
def test_p3_strips_caption_names_the_ranking(method):
    at = open_page("pages/p3_analogies.py", lang="en")
    at.radio(key="p3_method").set_value(method).run()
    reveal(at, "p3.analogy")  # the answers (and the strips) wait for a guess or "show me"
    caption = next(c.value for c in at.caption if "raw sum" in c.value)
    assert t(f"p3.method_{method}", lang="en") in caption
    assert t(f"p3.method_{'mul' if method == 'add' else 'add'}", lang="en") not in caption


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_p6_sigmoid_curve_marks_the_steps_scores(lang):
    at = open_page("pages/p6_negative_sampling.py", lang=lang)
    assert not [c for c in at.get("plotly_chart") if "p6_sigmoid" in c.proto.id]  # no step yet, no dots
    for clicks in (1, 2):  # the first step, then the step after 100 more
        if clicks == 2:
            at.button(key="p6_run100").click().run()
        at.button(key="p6_next").click().run()
        fwd = next(d.value for d in at.dataframe if t("p6.col_score", lang=lang) in d.value.columns)
        dots = chart_spec(at, "p6_sigmoid")["data"][1]
        assert dots["text"] == list(fwd[t("p6.col_word", lang=lang)])
        np.testing.assert_allclose(plotly_array(dots["x"], float), fwd[t("p6.col_score", lang=lang)], atol=1e-6)
        np.testing.assert_allclose(plotly_array(dots["y"], float), fwd[t("p6.col_sigmoid", lang=lang)], atol=1e-6)
    assert any(r"\sigma(x)" in latex.value for latex in at.latex)
