"""Bad input, tried as a new user would: hostile URLs on every page (more cases per page as the pages land).

Every case asserts: no exception, the page still renders in the user's language, nothing hostile is echoed as
raw HTML, and the page still works afterwards (a follow-up valid interaction or rerun shows results).
"""
import pytest
from apptest import has_cjk, open_page

PAGES = ["pages/home.py", "pages/p1_personality.py", "pages/p2_word_embeddings.py", "pages/p3_analogies.py",
         "pages/p4_language_models.py", "pages/p5_skipgram_cbow.py", "pages/p6_negative_sampling.py",
         "pages/p7_training_lab.py", "pages/p8_projector.py", "pages/glossary.py", "pages/about.py"]

# Query parameter names the pages read (and some they might): each gets the hostile value at once.
PARAM_NAMES = ["window", "seed", "vector_size", "negative", "min_count", "epochs", "alpha", "min_alpha", "sample",
               "sg", "ns_exponent", "step", "pos", "mode", "shrink", "words", "word", "positive", "preset", "corpus",
               "k", "n", "dim", "topn", "x", "y", "perplexity", "method", "lr", "left", "right", "sentence",
               "person", "color", "chinese", "tab", "view", "speed"]
HOSTILE = {
    "huge": "9" * 40,
    "negative": "-7",
    "nan": "nan",
    "script": "<script>window.__xss=1</script>",
    "img": '"><img src=x onerror=window.__xss=1>',
    "long": "a" * 10_000,
}


def all_text(at) -> str:
    """Everything the page shows as text (markdown, captions, titles, alerts, metrics), for language checks."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def assert_no_raw_html(at, needle: str = "onerror") -> None:
    """A hostile string may be shown as text, never as live HTML (st.html or markdown with HTML allowed)."""
    for h in at.get("html"):
        body = h.proto.body
        assert "<script>window.__xss" not in body and "onerror=window.__xss" not in body, body[:300]
    for m in at.markdown:
        if m.proto.allow_html:
            assert "<script>window.__xss" not in m.value and "onerror=window.__xss" not in m.value, m.value[:300]


def assert_lang(at, lang: str) -> None:
    title = at.title[0].value if at.title else ""
    assert title, "the page still shows its title"
    if lang == "zh":
        assert has_cjk(title), title
    else:
        assert not has_cjk(title), title


@pytest.mark.parametrize("value", list(HOSTILE), ids=list(HOSTILE))
@pytest.mark.parametrize("page", PAGES)
def test_hostile_query_parameters(page, value):
    """Hostile values for every query parameter: defaults are used, the page renders and keeps working."""
    lang = "zh" if (PAGES.index(page) + list(HOSTILE).index(value)) % 2 else "en"
    at = open_page(page, lang=lang, **{name: HOSTILE[value] for name in PARAM_NAMES})
    assert not at.exception
    assert_lang(at, lang)
    assert_no_raw_html(at)
    at.run()  # still alive on the next rerun, and still the same language
    assert not at.exception
    assert_lang(at, lang)


@pytest.mark.parametrize("bad_lang", ["xx", "<script>alert(1)</script>", "z" * 10_000])
@pytest.mark.parametrize("page", ["pages/home.py", "pages/p3_analogies.py", "pages/p7_training_lab.py"])
def test_unknown_language_falls_back(page, bad_lang):
    """An unknown ?lang= falls back to English (no browser locale in AppTest) and the URL is repaired."""
    at = open_page(page, lang=bad_lang)
    assert not at.exception
    assert at.session_state["lang"] == "en"
    assert at.query_params["lang"] in ("en", ["en"])
    assert_lang(at, "en")
