"""Page 8: an axis made of the same word twice is explained (translated) and no degenerate axis is plotted."""
import pytest
from apptest import open_page

PAGE = "pages/p8_projector.py"
MESSAGE = {"en": "must be two different words", "zh": "两个不同的词"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_same_word_twice_in_the_url(lang):
    at = open_page(PAGE, lang=lang, method="axes", search="", n=300, colour="none", xpair="man man")
    warnings = [w.value for w in at.warning]
    assert any(MESSAGE[lang] in w and "man" in w for w in warnings), warnings
    assert not at.get("plotly_chart"), "no map with a zero-length axis"


def test_same_word_twice_typed_then_fixed():
    at = open_page(PAGE, lang="en", method="axes", search="", n=300, colour="none")
    assert at.get("plotly_chart") and not at.warning
    at.text_input(key="p8_ypair").input("Rich → rich").run()  # case does not make two words
    assert any(MESSAGE["en"] in w.value and "rich" in w.value for w in at.warning)
    assert not at.get("plotly_chart")
    at.text_input(key="p8_ypair").input("poor rich").run()
    assert not at.warning and at.get("plotly_chart")
