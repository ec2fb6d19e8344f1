"""The guided path and the glossary: every article page ends with its recap, its terms and the next page; the
glossary has both languages and valid pages for every term; the home page carries the class plan and answer key."""
import re
from pathlib import Path

import pytest
from apptest import APP, open_page
from streamlit.testing.v1 import AppTest

from ui.glossary import GLOSSARY_PAGE, terms, terms_on
from ui.i18n import md, t
from ui.nav import PAGES
from ui.path import PATH_KEYS, next_page

CJK = re.compile(r"[\u4e00-\u9fff]")
FILES = {p.key: p.file for p in PAGES}
# A page link's proto.page holds the page's url path or its file stem (AppTest gives either): both name one key.
KEY_OF = {**{p.url: p.key for p in PAGES}, **{Path(p.file).stem: p.key for p in PAGES}}
D2L = ["词嵌入", "词元", "词表", "跳元模型", "连续词袋", "中心词", "上下文词", "上下文窗口", "负采样", "下采样", "超参数",
       "学习率", "轮", "困惑度", "余弦相似度", "嵌入矩阵", "上下文矩阵"]


def test_every_term_has_both_languages_and_valid_pages():
    ids = [term.id for term in terms()]
    assert len(ids) == len(set(ids)) >= 40
    for term in terms():
        assert term.en.strip() and term.en_def.strip(), term.id
        assert CJK.search(term.zh) and CJK.search(term.zh_def), term.id  # the Chinese side is really Chinese
        assert not CJK.search(term.en + term.en_def), term.id
        assert term.pages and set(term.pages) <= set(PATH_KEYS), (term.id, term.pages)
        assert len(set(term.pages)) == len(term.pages), term.id
    for key in PATH_KEYS:
        assert terms_on(key), f"page {key} lists no glossary term"


def test_the_d2l_terms_are_in_the_glossary():
    chinese = {term.zh for term in terms()}
    for word in D2L:
        assert any(word in zh for zh in chinese), word
    assert {"window", "negative", "vector_size", "alpha, min_alpha", "epochs", "sample", "min_count", "ns_exponent",
            "wv.vectors", "syn1neg"} <= {term.gensim for term in terms()}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("key", PATH_KEYS)
def test_each_article_page_ends_with_recap_terms_and_next_link(key, lang):
    at = open_page(FILES[key], lang=lang)
    assert t(f"path.recap_{key}", lang=lang).strip() in [m.value for m in at.markdown]
    recap = [line for line in t(f"path.recap_{key}", lang=lang).splitlines() if line.strip()]
    assert len(recap) == 3 and all(line.startswith("- ") for line in recap)
    *_, terms_link, next_link = [link.proto for link in at.get("page_link")]  # the page's last two links
    assert (KEY_OF[terms_link.page], terms_link.query_string) == ("glossary", f"lang={lang}&page={key}")
    nxt = next_page(key)
    assert (KEY_OF[next_link.page], next_link.query_string) == (nxt.key, f"lang={lang}")
    assert next_link.label == f"**{t('path.next', lang=lang, title=t(f'nav.{nxt.key}', lang=lang))}**"
    captions = [c.value for c in at.caption]
    names = " · ".join(term.name(lang) for term in terms_on(key))
    assert t("path.terms_caption", lang=lang, terms=names) in captions
    assert t(f"path.why_{key}", lang=lang) in captions


def test_the_path_follows_the_article_order():
    assert [next_page(k).key for k in PATH_KEYS] == ["p2", "p3", "p4", "p5", "p6", "p7", "p8", "glossary"]


def open_glossary(lang: str, page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    if page is not None:
        at.query_params["page"] = page
    at.run()
    at.switch_page(GLOSSARY_PAGE).run()
    assert not at.exception
    return at


def shown_terms(at: AppTest, lang: str) -> list[str]:
    return [name for table in at.table for name in table.value.index]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_glossary_lists_every_term_under_a_link_to_its_page(lang):
    at = open_glossary(lang)
    assert shown_terms(at, lang) == [term.en for key in PATH_KEYS for term in terms() if term.pages[0] == key]
    links = [link.proto for link in at.get("page_link")]
    assert [KEY_OF[link.page] for link in links] == [k for k in PATH_KEYS if
                                             any(term.pages[0] == k for term in terms())]
    zh_col = t("glossary.col_zh", lang=lang)
    assert [z for table in at.table for z in table.value[zh_col]] == [
        term.zh for key in PATH_KEYS for term in terms() if term.pages[0] == key]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("key", ["p3", "p6"])
def test_glossary_opened_from_a_page_shows_that_pages_terms(key, lang):
    at = open_glossary(lang, page=key)
    assert sorted(shown_terms(at, lang)) == sorted(term.en for term in terms_on(key))
    at.selectbox(key="glossary_page").set_value("all").run()
    assert len(shown_terms(at, lang)) == len(terms())


@pytest.mark.parametrize("bad", ["<script>alert(1)</script>", "p9", "9" * 40, "a" * 10_000])
def test_a_hostile_page_parameter_shows_every_term(bad):
    at = open_glossary("zh", page=bad)
    assert len(shown_terms(at, "zh")) == len(terms())
    assert at.selectbox(key="glossary_page").value == "all"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_glossary_search(lang):
    at = open_glossary(lang)
    at.text_input(key="glossary_search").set_value("负采样").run()
    assert set(shown_terms(at, lang)) == {term.en for term in terms() if "负采样" in term.zh}
    at.text_input(key="glossary_search").set_value("syn1neg").run()
    assert shown_terms(at, lang) == ["context matrix"]
    at.text_input(key="glossary_search").set_value("no such term").run()
    assert shown_terms(at, lang) == [] and at.info[0].value == t("glossary.none", lang=lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_has_the_class_plan_with_page_4_and_a_folded_answer_key(lang):
    at = open_page("pages/home.py", lang=lang)
    plan = md("home_plan", lang=lang)
    rows = [line for line in plan.splitlines() if line.startswith("| ") and not line.startswith("|---")][1:]
    assert [row.split("|")[1].strip() for row in rows] == [t(f"nav.{k}", lang=lang) for k in PATH_KEYS]
    assert sum(int(row.split("|")[2]) for row in rows) == 45
    assert all(row.split("|")[4].strip().endswith(("?", "？")) for row in rows)  # a question for every page
    assert plan.strip() in [m.value for m in at.markdown]
    answers = md("home_answers", lang=lang)
    assert len(re.findall(r"^\d\. ", answers, flags=re.M)) == len(rows)
    assert at.expander[0].label == t("home.answers_title", lang=lang)
    assert answers.strip() in [m.value for m in at.expander[0].markdown]
    assert md("home_beyond", lang=lang).strip() in [m.value for m in at.markdown]
