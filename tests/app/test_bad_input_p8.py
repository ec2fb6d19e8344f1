"""Bad input on page 8 (projector), through AppTest; uploads (binary, malformed, wrong dimensions) are in the browser
suite (tests/browser/test_security*.py) because AppTest cannot upload files."""
import pytest
from apptest import assert_message_in, open_page

PAGE = "pages/p8_projector.py"
SMALL = {"n": 300, "colour": "none"}


def follow_up(at) -> None:
    """The page still works: searching a shown word lists its neighbours, as GloVe says."""
    from ui.data import glove

    at.text_input(key="p8_search").input("the").run()
    assert not at.exception
    assert not at.warning, [w.value for w in at.warning]
    table = at.dataframe[-1].value
    kv = glove().subset(SMALL["n"])  # the page searches among the words it shows
    assert len(table) == at.slider(key="p8_nn").value
    assert list(table.iloc[:, 0]) == [w for w, _ in kv.most_similar("the", topn=len(table))]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("query", ["kign", "zzzzqqqxx", "国王", "<b>x</b>", "king queen", "😀"],
                         ids=["misspelled", "unknown", "chinese", "html", "two-words", "emoji"])
def test_search_unknown_or_odd_words(query, lang):
    at = open_page(PAGE, lang=lang, **SMALL)
    at.text_input(key="p8_search").input(query).run()
    assert not at.exception
    assert_message_in(at, lang)
    follow_up(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("pair", ["man", "", "man woman child", "😀 🚀", "zzzzqqqxx woman"],
                         ids=["one-word", "empty", "three-words", "emoji", "unknown-word"])
def test_bad_axis_pairs(pair, lang):
    at = open_page(PAGE, lang=lang, method="axes", search="", **SMALL)
    at.text_input(key="p8_xpair").input(pair).run()
    assert not at.exception
    assert_message_in(at, lang)
    at.text_input(key="p8_xpair").input("man woman").run()
    assert not at.exception and not at.warning
    assert at.get("plotly_chart"), "the map is back"


@pytest.mark.parametrize("groups", ["", ":::", "name:", ": king", "a: zzzz qqqq", "x" * 3000,
                                    "<script>alert(1)</script>: king queen"],
                         ids=["empty", "colons", "no-words", "no-name", "unknown-words", "3000-chars", "html-name"])
def test_odd_group_definitions(groups):
    at = open_page(PAGE, lang="en", colour="groups", search="", n=300)
    at.text_area(key="p8_groups").input(groups).run()
    assert not at.exception
    assert at.get("plotly_chart"), "the map is still drawn"
    follow_up(at)


def test_lab_source_without_a_trained_model():
    at = open_page(PAGE, lang="zh", source="lab")
    assert not at.exception
    assert at.info and any("第 7 页" in i.value or "7" in i.value for i in at.info)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_axis_with_the_same_word_twice(lang):
    at = open_page(PAGE, lang=lang, method="axes", search="", n=300, colour="none", xpair="man man")
    assert not at.exception
    assert_message_in(at, lang)
