"""No English UI string left in the Chinese interface: every page's rendered text in zh (titles, text, captions,
messages, widget labels, options and help, page links, chart titles) is scanned for Latin words that are not on a
short explicit list of code names, parameter names and the article's example words.

What is not UI text is left out on purpose: tables and code blocks (data), the charts' text alternatives (they
read the chart's words out like a table; their sentences are checked in test_alt_text), the word pickers' options
(vocabulary), the about page's bibliography (titles stay in their own language) and `code spans`.
"""
import json
import re

import pytest
from apptest import open_page

from ui.i18n import md, t
from ui.nav import PAGES

# Names shown as they are in both languages: libraries, methods, file formats, gensim's parameters and attributes.
CODE = {
    "word2vec", "Word2vec", "gensim", "GloVe", "PCA", "t-SNE", "SGNS", "softmax", "sigmoid", "jieba", "Python",
    "NaN", "PC", "UTF-8", "MB", "TXT", "CSV", "README", "Ctrl", "Cmd", "Projector", "English", "logit", "log", "exp",
    "window", "negative", "vector_size", "alpha", "min_alpha", "seed", "sg", "epochs", "min_count", "sample",
    "ns_exponent", "shrink_windows", "cbow_mean", "perplexity", "most_similar", "k-means", "wv.vectors", "syn1neg",
    "vectors.tsv", "metadata.tsv", "d2l-zh", "assets", "glossary.toml", "lang", "Mikolov", "Bengio", "Alammar",
    "Jay", "Levy", "Goldberg", "Big", "Five", "The", "Illustrated", "CosAdd", "CosMul", "txt", "vec", "bin",
    "projector.tensorflow.org", "Load", "KeyedVectors", "UMAP", "n_neighbors", "min_dist", "PNG", "SVG",
}
# The article's example words and sentences, which stay English in the Chinese article too.
EXAMPLES = {
    "king", "queen", "man", "woman", "boy", "girl", "water", "prince", "actor", "actress", "waiter", "cat", "dog",
    "dogs", "china", "japan", "tokyo", "france", "french", "german", "italy", "paris", "go", "see", "went",
    "swimming", "walked", "walking", "thou", "shalt", "not", "make", "machine", "likeness", "human", "mind",
    "aaron", "ate", "taco", "bus", "red", "was", "hit", "by", "am", "going", "you", "honour", "love", "the", "and",
    "crown", "palace", "milk", "song", "sail", "lesson", "hay", "field", "horse", "poor", "rich",
}
# An English model or matrix name is fine only next to its Chinese name, in the same string.
PAIRED = {"skip-gram": "跳元模型", "CBOW": "连续词袋", "Embedding": "嵌入", "Context": "上下文", "perplexity": "困惑度",
          "embedding": "词嵌入", "epoch": "轮"}
# Their options or labels are vocabulary words (so are the checkpoints that ask for a word of the list or the toy
# corpus); the sidebar's language switch is bilingual on purpose; the share panel's options are the names a link
# carries (`hide=window`), the same in both languages.
SKIP_KEYS = ("p2_group", "p3_preset", "p6_query", "p4_pick_", "lang_widget", "cp_p2_odd", "cp_p3_inputs", "cp_p4_next",
             "share_")
CJK = re.compile(r"[\u4e00-\u9fff]")
LABELLED = {"slider", "select_slider", "radio", "selectbox", "multiselect", "text_input", "text_area", "number_input",
            "toggle", "checkbox"}  # controls: their label names the setting
WORD = re.compile(r"(?<![\w.])[A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9]")  # not the e of 1e-3
NUMBERED = re.compile(r"PC\d+")  # principal components: PC1, PC2, ...


def untranslated(text: str) -> list[str]:
    """Latin words of `text` that are neither allowed names nor examples, and paired names standing alone."""
    text = re.sub(r"`[^`]*`|https?://\S+|\$[^$]*\$", " ", text)
    bad = [w for w in WORD.findall(text)
           if w not in CODE and w not in PAIRED and w.lower() not in EXAMPLES and not NUMBERED.fullmatch(w)]
    bad += [w for w, zh in PAIRED.items() if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) and zh not in text]
    return bad


def _picker(element) -> bool:
    key = getattr(element, "key", None) or ""
    return key.startswith(SKIP_KEYS)


def rendered_text(at, skip: set[str]) -> list[tuple[str, str]]:
    """(kind, text) for everything a learner reads on the page, without the data listed in the module docstring."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        out += [(kind, str(e.value)) for e in getattr(at, kind) if str(e.value) not in skip
                and not str(e.value).startswith(t("alt.chart", lang="zh", text=""))]
    for kind in ("slider", "select_slider", "button", "radio", "selectbox", "multiselect", "text_input", "text_area",
                 "number_input", "toggle", "checkbox", "expander", "tabs", "metric"):
        for e in getattr(at, kind):
            if _picker(e):
                continue
            out += [(kind, str(getattr(e, "label", "") or "")), (kind + ".help", str(getattr(e, "help", "") or ""))]
            if kind in ("radio", "selectbox", "select_slider", "multiselect"):
                out += [(kind + ".option", str(o)) for o in e.options]
    out += [("page_link", link.proto.label) for link in at.get("page_link")]
    for chart in at.get("plotly_chart"):
        layout = json.loads(chart.proto.spec).get("layout", {})
        titles = [layout.get("title")] + [v.get("title") for k, v in layout.items()
                                          if k.startswith(("xaxis", "yaxis")) and isinstance(v, dict)]
        out += [("chart", t.get("text", "") if isinstance(t, dict) else str(t or "")) for t in titles]
    return [(kind, text) for kind, text in out if text]


class _FakeAt:
    """Just enough of an AppTest for `problems`: one slider labelled `label`."""

    def __init__(self, label: str):
        self.slider = [type("Slider", (), {"label": label, "help": "", "key": "x"})()]

    def __getattr__(self, name):
        return []

    def get(self, name):
        return []


def test_the_scanner_can_fail():
    assert untranslated("Next step ▸") == ["Next", "step"]
    assert untranslated("共 12 个 skip-gram 词对") == ["skip-gram"]       # the model's name alone
    assert untranslated("跳元模型 skip-gram（sg=1）") == []
    assert untranslated("Embedding 矩阵") == ["Embedding"]
    assert untranslated("嵌入矩阵（Embedding，gensim：wv.vectors）") == []
    assert untranslated("窗口大小 window · `w2v_core.sgns.sgns_step` · king − man + woman") == []
    assert "label without Chinese" in [w for bad in problems(_FakeAt("window"), set()).values() for w in bad]


def problems(at, skip: set[str]) -> dict:
    """Untranslated words per (kind, text); a control's label must also carry Chinese (窗口大小 window, not window)."""
    found = {}
    for kind, text in rendered_text(at, skip):
        bad = untranslated(text)
        if kind in LABELLED and not CJK.search(text) and len(text) > 1:
            bad.append("label without Chinese")
        if bad:
            found[(kind, text[:120])] = bad
    return found


@pytest.mark.parametrize("page", [p.file for p in PAGES])
def test_no_english_ui_text_in_chinese(page):
    at = open_page(page, lang="zh")
    skip = {md("about_credits", lang="zh").strip()} if page.endswith("about.py") else set()
    vocab = [e.value for exp in at.expander for e in exp.markdown if not CJK.search(str(e.value))]
    found = problems(at, skip | set(vocab))
    assert not found, found


def _p6_step(at):
    at.button(key="p6_next").click().run()


def _p6_cbow_step(at):
    at.radio(key="p6_sg").set_value(0).run()
    at.button(key="p6_next").click().run()
    at.button(key="p6_next").click().run()


def _p7_train(at):
    at.button(key="p7_train").click().run()


def _p8_axes(at):
    at.radio(key="p8_method").set_value("axes").run()


@pytest.mark.parametrize("page, act", [("pages/p6_negative_sampling.py", _p6_step),
                                       ("pages/p6_negative_sampling.py", _p6_cbow_step),
                                       ("pages/p7_training_lab.py", _p7_train),
                                       ("pages/p8_projector.py", _p8_axes)],
                         ids=["p6-step", "p6-cbow", "p7-trained", "p8-axes"])
def test_no_english_ui_text_in_chinese_after_acting(page, act):
    """Text that only appears after a click: the stepper's trace, the trained lab's results, the word-pair axes."""
    at = open_page(page, lang="zh")
    act(at)
    assert not at.exception
    found = problems(at, set())
    assert not found, found
