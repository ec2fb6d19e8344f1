"""Page 3 (analogies): answers, ranks, strips and the PCA picture equal direct w2v_core calls; presets,
options and the URL drive the page; bad input gets a message, never a traceback."""

import numpy as np
import pytest
from apptest import chart_spec, open_page, plotly_array, reveal

from ui.data import _load_glove
from w2v_core.projections import pca

PAGE = "pages/p3_analogies.py"


@pytest.fixture(scope="module")
def kv():
    return _load_glove()


def qp(at, name):
    v = at.query_params[name]
    return v[0] if isinstance(v, list) else v


def top_table(at):
    """The top-10 table, once the analogy checkpoint is past (the page folds the answers until a guess or "show me")."""
    return reveal(at, "p3.analogy").dataframe[0].value


@pytest.mark.parametrize("lang, title", [("en", "Analogies"), ("zh", "类比")])
def test_king_man_woman_in_both_languages(kv, lang, title):
    at = reveal(open_page(PAGE, lang=lang), "p3.analogy")
    assert title in at.title[0].value
    assert any(r"king − man \+ woman ≈ **queen**" in m.value for m in at.markdown)
    expect = kv.most_similar(positive=["king", "woman"], negative=["man"], topn=10)
    table = top_table(at)
    assert list(table.iloc[:, 1]) == [w for w, _ in expect]
    np.testing.assert_allclose(table.iloc[:, 2].to_numpy(), [s for _, s in expect], rtol=1e-6)


def test_strips_show_the_arithmetic_row_by_row(kv):
    at = open_page(PAGE)
    strips = chart_spec(reveal(at, "p3.analogy"), "p3_strips")["data"][0]
    assert strips["y"] == ["king", "− man", "+ woman", "= result", "≈ queen"]
    k, m, w, q = (np.asarray(kv.get_vector(x), dtype=float) for x in ("king", "man", "woman", "queen"))
    np.testing.assert_allclose(plotly_array(strips["z"]), np.stack([k, -m, w, k - m + w, q]), rtol=1e-5, atol=1e-6)


def test_pca_plane_has_the_words_and_the_parallelogram(kv):
    at = open_page(PAGE)
    spec = chart_spec(reveal(at, "p3.analogy"), "p3_plane")
    words = ["king", "woman", "man", "queen"]
    X = np.vstack([np.stack([kv.get_vector(x) for x in words]),
                   (kv.get_vector("king") - kv.get_vector("man") + kv.get_vector("woman"))[None, :]])
    coords = pca(X, 2).coords
    got = {t: (x, y) for tr in spec["data"] for t, x, y in zip(tr["text"], plotly_array(tr["x"]), plotly_array(tr["y"]))}
    for i, name in enumerate(words + ["= result"]):
        assert got[name] == pytest.approx(tuple(coords[i]), abs=1e-6)
    assert len(spec["layout"]["annotations"]) == 4  # four sides: man→woman, king→queen, man→king, woman→queen


def test_preset_fills_the_words_updates_answer_and_url(kv):
    at = open_page(PAGE)
    at.selectbox(key="p3_preset").set_value("paris").run()
    assert at.text_input(key="p3_positive").value == "paris, italy"
    assert at.text_input(key="p3_negative").value == "france"
    assert top_table(at).iloc[0, 1] == kv.most_similar(["paris", "italy"], ["france"], topn=1)[0][0] == "rome"
    assert qp(at, "pos") == "paris, italy" and qp(at, "neg") == "france"
    # the harder preset reports where the hoped-for answer really is
    reveal(at.selectbox(key="p3_preset").set_value("walked").run(), "p3.analogy")
    rank = [w for w, _ in kv.most_similar(["walked", "swimming"], ["walking"], topn=100)].index("swam") + 1
    assert rank > 1 and any(f"place {rank}" in w.value for w in at.warning)


def test_editing_words_switches_preset_to_custom(kv):
    at = open_page(PAGE)
    at.text_input(key="p3_positive").set_value("Berlin  France").run()
    assert at.selectbox(key="p3_preset").value == "custom"
    at.text_input(key="p3_negative").set_value("germany").run()
    assert top_table(at).iloc[0, 1] == kv.most_similar(["berlin", "france"], ["germany"], topn=1)[0][0]


def test_cosmul_and_excluded_ranks(kv):
    at = open_page(PAGE)
    reveal(at.toggle(key="p3_show_excluded").set_value(True).run(), "p3.analogy")
    ex = at.dataframe[1].value
    ranks = kv.excluded_ranks(["king", "woman"], ["man"])
    assert list(ex.iloc[:, 0]) == ["+ king", "+ woman", "− man"]
    assert list(ex.iloc[:, 1]) == [r["rank"] for r in ranks]
    np.testing.assert_allclose(ex.iloc[:, 2].to_numpy(), [r["cosine"] for r in ranks])
    assert ex.iloc[0, 1] == 1, "the raw nearest word is king itself"
    assert any("**king** would have come first" in m.value for m in at.markdown)
    assert qp(at, "ranks") == "1"
    at.radio(key="p3_method").set_value("mul").run()
    expect = kv.most_similar_cosmul(positive=["king", "woman"], negative=["man"], topn=10)
    np.testing.assert_allclose(top_table(at).iloc[:, 2].to_numpy(), [s for _, s in expect], rtol=1e-6)
    assert len(at.dataframe) == 1, "3CosMul has no excluded-rank table"
    assert qp(at, "method") == "mul"


def test_url_state_round_trips(kv):
    at = open_page(PAGE, pos="tokyo, china", neg="japan", method="mul", ranks=1)
    assert at.text_input(key="p3_positive").value == "tokyo, china"
    assert at.selectbox(key="p3_preset").value == "tokyo"
    assert at.radio(key="p3_method").value == "mul" and at.toggle(key="p3_show_excluded").value is True
    assert top_table(at).iloc[0, 1] == kv.most_similar_cosmul(["tokyo", "china"], ["japan"], topn=1)[0][0]
    # what the page writes back opens the same state again
    again = open_page(PAGE, pos=qp(at, "pos"), neg=qp(at, "neg"), method=qp(at, "method"), ranks=qp(at, "ranks"))
    assert top_table(again).equals(top_table(at))


def test_hostile_url_values_fall_back_to_defaults():
    at = open_page(PAGE, pos="x" * 5000, neg="<script>alert(1)</script>", method="evil", ranks="7")
    assert at.text_input(key="p3_positive").value == "king, woman"
    assert at.radio(key="p3_method").value == "add" and at.toggle(key="p3_show_excluded").value is False
    assert not at.exception  # the script tag is just an unknown word
    assert any("script" in w.value for w in at.warning)


@pytest.mark.parametrize("pos, neg, kind, needle", [
    ("king, woman", "man, woman", "error", "woman"),
    ("kingg, woman", "man", "warning", "king"),
    ("", "man", "warning", "at least one"),
    ("   ,, ", "", "warning", "at least one"),
])
def test_bad_input_gets_a_message(pos, neg, kind, needle):
    at = open_page(PAGE)
    at.text_input(key="p3_positive").set_value(pos)
    at.text_input(key="p3_negative").set_value(neg).run()
    assert not at.exception
    assert any(needle in m.value for m in getattr(at, kind))
    assert not at.get("plotly_chart")


def test_analogy_survives_a_visit_to_another_page():
    at = open_page(PAGE)
    at.selectbox(key="p3_preset").set_value("tokyo").run()
    at.radio(key="p3_method").set_value("mul").run()
    at.switch_page("pages/p2_word_embeddings.py").run()
    at.text_input(key="p2_word").set_value("queen").run()
    at.switch_page(PAGE).run()
    assert at.text_input(key="p3_positive").value == "tokyo, china"
    assert at.radio(key="p3_method").value == "mul" and at.selectbox(key="p3_preset").value == "tokyo"


def test_language_switch_keeps_the_analogy():
    at = open_page(PAGE)
    at.selectbox(key="p3_preset").set_value("paris").run()
    at.sidebar.radio(key="lang_widget").set_value("zh").run()
    assert not at.exception and "类比" in at.title[0].value
    assert at.text_input(key="p3_positive").value == "paris, italy"
    assert top_table(at).iloc[0, 1] == "rome"
