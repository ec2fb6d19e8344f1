"""Every page keeps its widget values when the learner visits another page and comes back (ui.state.PageState)."""
import pytest
from apptest import open_page

from ui.nav import PAGES

# page -> steps (widget kind, key, new value), applied in order, each followed by a run. Some steps hide a widget
# again (p5 seed, p8 axes pairs) or change other controls through a callback (p3 preset, p4 corpus, p7 corpus).
STEPS = {
    "pages/p1_personality.py": [("slider", "p1_score", 71), ("number_input", "p1_me_x", 0.55),
                                ("select_slider", "p1_scale", 2.0), ("toggle", "p1_reveal", True),
                                ("radio", "p1_guess", "p2")],
    "pages/p2_word_embeddings.py": [("text_input", "p2_word", "queen"), ("text_input", "p2_words", "cat, dog, car"),
                                    ("multiselect", "p2_group", ["dog", "car"]), ("slider", "p2_top", 5)],
    "pages/p3_analogies.py": [("selectbox", "p3_preset", "paris"), ("radio", "p3_method", "mul")],
    "pages/p4_language_models.py": [("radio", "p4_lm", "zh"), ("slider", "p4_n", 5),
                                    ("text_input", "p4_sentence", "the cat sat on the mat today"),
                                    ("text_input", "p4_blank_right", "train")],
    "pages/p5_skipgram_cbow.py": [("radio", "p5_mode", "cbow"), ("slider", "p5_window", 4),
                                  ("toggle", "p5_shrink", True), ("number_input", "p5_seed", 7),
                                  ("toggle", "p5_shrink", False), ("toggle", "p5_shrink", True),
                                  ("text_input", "p5_sentence", "a b c d e f")],
    "pages/p6_negative_sampling.py": [("radio", "p6_source", "toy"), ("slider", "p6_window", 3),
                                      ("select_slider", "p6_alpha", 0.05), ("slider", "p6_ns", 0.5),
                                      ("toggle", "p6_oneclick", True)],
    "pages/p7_training_lab.py": [("selectbox", "p7_corpus", "topics_en"), ("slider", "p7_window", 3),
                                 ("number_input", "p7_alpha", 0.05), ("text_input", "p7_words", "cow horse milk")],
    "pages/p8_projector.py": [("radio", "p8_method", "axes"), ("text_input", "p8_ypair", "small big"),
                              ("radio", "p8_method", "pca"), ("radio", "p8_dims", 3), ("selectbox", "p8_pcz", 4),
                              ("slider", "p8_nn", 12)],
    "pages/lesson_builder.py": [("text_input", "lb_title_en", "My lesson"), ("text_input", "lb_title_zh", "我的课")],
}
# values a callback set from the steps above (the preset fills both word boxes, a corpus brings its own words)
DERIVED = {
    "pages/p3_analogies.py": {"p3_positive": "paris, italy", "p3_negative": "france"},
    "pages/p4_language_models.py": {"p4_prev": "我想"},
    "pages/p7_training_lab.py": {"p7_nn_words": "milk guitar boat", "p7_an_a": "cow"},
}
# a widget hidden when the learner left (not checked on return), then shown again: (kind, key, value, expected)
REOPEN = {
    "pages/p8_projector.py": ("radio", "p8_method", "axes", ("text_input", "p8_ypair", "small big")),
}
HIDDEN = {"pages/p8_projector.py": {"p8_ypair"}}
STATEFUL = [p.file for p in PAGES if p.file in STEPS]
QUERY = {"pages/p8_projector.py": {"n": 400}}  # a small projection keeps the test quick


def test_every_page_with_widgets_is_covered():
    """home and about have no settings; the glossary's filter starts from its link on every visit (saved=False)."""
    assert sorted(STATEFUL) == sorted(p.file for p in PAGES if p.key not in ("home", "about", "glossary"))


def _value(at, kind: str, key: str):
    return getattr(at, kind)(key=key).value


@pytest.mark.parametrize("page", STATEFUL)
def test_values_survive_a_visit_to_another_page(page):
    at = open_page(page, **QUERY.get(page, {}))
    final = {}
    for kind, key, value in STEPS[page]:
        getattr(at, kind)(key=key).set_value(value).run()
        assert not at.exception, at.exception
        if key not in HIDDEN.get(page, ()):
            final[(kind, key)] = value
    files = [p.file for p in PAGES]
    other = files[(files.index(page) + 1) % len(files)]  # the next page: it restores its own state meanwhile
    at.query_params.clear()  # the navigation drops the query string
    at.switch_page(other).run()
    assert not at.exception, at.exception
    at.switch_page(page).run()
    assert not at.exception, at.exception
    for (kind, key), value in final.items():
        assert _value(at, kind, key) == value, key
    for key, value in DERIVED.get(page, {}).items():
        assert at.session_state[key] == value, key
    if page in REOPEN:
        kind, key, value, (shown_kind, shown_key, expected) = REOPEN[page]
        getattr(at, kind)(key=key).set_value(value).run()
        assert _value(at, shown_kind, shown_key) == expected
