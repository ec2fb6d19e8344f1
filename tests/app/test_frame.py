"""The frame: every page opens in both languages, the language switch and ?lang= work, translations match."""
import pytest
from conftest import APP
from streamlit.testing.v1 import AppTest

from ui.i18n import all_keys

PAGES = ["pages/home.py", "pages/p1_personality.py", "pages/p2_word_embeddings.py", "pages/p3_analogies.py",
         "pages/p4_language_models.py", "pages/p5_skipgram_cbow.py", "pages/p6_negative_sampling.py",
         "pages/p7_training_lab.py", "pages/p8_projector.py", "pages/about.py"]


def test_translation_files_have_the_same_keys():
    assert all_keys("en") == all_keys("zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens(page, lang):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    at.switch_page(page).run()
    assert not at.exception
    assert at.title, "each page shows a title"


def test_locale_picks_chinese_and_switch_changes_language():
    at = AppTest.from_file(APP, default_timeout=60)
    at.context["locale"] = "zh-CN"
    at.run()
    assert at.session_state["lang"] == "zh"
    assert at.query_params["lang"] == ["zh"] or at.query_params["lang"] == "zh"
    at.sidebar.radio(key="lang_widget").set_value("en").run()
    assert at.session_state["lang"] == "en"
    assert not at.exception
