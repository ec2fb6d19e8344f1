"""The frame: every page opens in both languages, the language switch and ?lang= work, translations match."""
from pathlib import Path

import pytest
from apptest import APP
from streamlit.testing.v1 import AppTest

from ui.i18n import all_keys, t

PAGES = ["pages/home.py", "pages/p1_personality.py", "pages/p2_word_embeddings.py", "pages/p3_analogies.py",
         "pages/p4_language_models.py", "pages/p5_skipgram_cbow.py", "pages/p6_negative_sampling.py",
         "pages/p7_training_lab.py", "pages/p8_projector.py", "pages/glossary.py", "pages/about.py"]


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


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_links_every_page_with_a_summary(lang):
    from apptest import open_page
    from ui.nav import PAGES

    at = open_page("pages/home.py", lang=lang)
    links = at.get("page_link")
    others = [p for p in PAGES if p.key != "home"]
    assert [link.proto.page for link in links] == [Path(p.file).stem for p in others]
    assert len({link.proto.page_script_hash for link in links}) == len(others)
    assert {link.proto.query_string for link in links} == {f"lang={lang}"}  # a new tab keeps the language
    assert [link.proto.label.strip("*") for link in links] == [t(f"nav.{p.key}", lang=lang) for p in others]
    captions = [c.value for c in at.caption]
    for p in others:
        assert t(f"home.summary_{p.key}", lang=lang) in captions
    assert at.title[0].value == t("home.title", lang=lang)
    assert [c.value for c in at.code] == ["/?lang=zh", "/?lang=en"]  # AppTest has no browser address


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_about_credits_and_live_versions(lang):
    from importlib.metadata import version

    from apptest import open_page

    at = open_page("pages/about.py", lang=lang)
    text = "\n".join(m.value for m in at.markdown)
    for needle in ["jalammar.github.io/illustrated-word2vec", "jianshu.com", "1301.3781", "1310.4546",
                   "Bengio", "Pennington", "pddl", "Řehůřek", "d2l.ai"]:
        assert needle in text, needle
    table = at.table[0].value
    assert table.loc["streamlit"].iloc[1] == version("streamlit") == "1.67.0"
    assert table.loc["numpy"].iloc[1] == version("numpy")
    assert "gensim" in table.index  # dev requirements are listed too
    assert at.title[0].value == t("about.title", lang=lang)



def test_hostile_float_query_values_fall_back_to_the_default():
    from streamlit.testing.v1 import AppTest

    def script():
        import streamlit as st

        from ui.state import qp_get

        st.write(repr(qp_get("alpha", 0.025, float, lo=1e-4, hi=1.0)))
        st.write(repr(qp_get("beta", 2.0, float, lo=0.0)))

    for raw in ("nan", "inf", "-inf", "NaN"):
        at = AppTest.from_function(script)
        at.query_params["alpha"] = raw
        at.query_params["beta"] = raw
        at.run()
        assert not at.exception
        assert [m.value for m in at.markdown] == ["0.025", "2.0"], raw
