"""The lesson builder (pages/lesson_builder.py, ui/lesson_draft.py): views added from the share panels become
steps that can be reordered, deleted and given prompts; the link it makes carries the same steps and opens them;
a shipped lesson copied into it comes out unchanged; a lesson too long for a link says so."""
import random
from urllib.parse import parse_qs, urlsplit

import pytest
from apptest import APP, open_page
from streamlit.testing.v1 import AppTest

from lessons.format import MAX_PROMPT, MAX_STEPS, to_dict
from lessons.link import decode, encode
from ui.i18n import t
from ui.lesson_load import check_param, load

BUILDER = "pages/lesson_builder.py"


def add_view(at, page: str, file: str, **choices) -> None:
    """On page `page`, pick hide/lock names in its share panel and press "add this view to my lesson"."""
    at.switch_page(file).run()
    for which, names in choices.items():
        at.multiselect(key=f"share_{page}_{which}").set_value(names).run()
    at.button(key=f"share_{page}_add_lesson").click().run()
    assert not at.exception, at.exception


def lesson_link(at) -> str:
    links = [c.value for c in at.code if "lesson_data=" in c.value]
    assert len(links) == 1, [w.value for w in at.warning]
    return links[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_build_link_same_steps(lang):
    at = open_page("pages/p5_skipgram_cbow.py", lang, window=3, mode="cbow")
    at.text_input(key="p5_sentence").input("the cat sat on the warm mat").run()  # a typed sentence travels too
    add_view(at, "p5", "pages/p5_skipgram_cbow.py", hide=["steps"])
    add_view(at, "p6", "pages/p6_negative_sampling.py", lock=["window", "negative"])
    at.switch_page(BUILDER).run()
    assert not at.exception and at.warning  # no title, no prompts yet: not ready, and it says what is missing
    at.text_input(key="lb_title_en").input("Two views").run()
    at.text_area(key="lb_1_en").input("Count the <b>samples</b>").run()
    at.text_area(key="lb_2_zh").input("预测一下").run()
    at.selectbox(key="lb_2_cp").set_value("p6.highest").run()
    at.button(key="lb_1_down").click().run()  # p6 first now, its prompt goes with it
    assert at.text_area(key="lb_2_zh").value == "预测一下" and at.text_area(key="lb_1_en").value.startswith("Count")
    link = lesson_link(at)
    query = parse_qs(urlsplit(link).query)
    assert urlsplit(link).path.endswith("/negative-sampling") and query["lang"] == [lang]
    lesson = decode(query["lesson_data"][0], check_param)
    assert [s.page for s in lesson.steps] == ["p6", "p5"]
    p6, p5 = lesson.steps
    assert p5.params["window"] == "3" and p5.params["mode"] == "cbow" and p5.params["hide"] == "steps"
    assert p5.params["sentence"] == "the cat sat on the warm mat" and "text" not in p6.params  # p6's is the default
    assert "lock" not in p5.params and "lang" not in p5.params and "step" not in p5.params
    assert p6.params["lock"] == "window,negative" and p6.checkpoint == "p6.highest"
    assert p6.prompt == {"zh": "预测一下"} and p5.prompt == {"en": "Count the <b>samples</b>"}
    assert lesson.title == {"en": "Two views"}

    opened = AppTest.from_file(APP, default_timeout=120)  # the link opens the same steps
    opened.query_params.update(lang=lang, lesson_data=query["lesson_data"][0])
    opened.run()
    assert not opened.exception and opened.session_state["p6_negative"] == 2
    assert opened.slider(key="p6_window").disabled and not opened.slider(key="p6_dim").disabled
    opened.button(key="lesson_next").click().run()
    assert opened.session_state["p5_window"] == 3 and opened.radio(key="p5_mode").value == "cbow"
    assert opened.text_input(key="p5_sentence").value == "the cat sat on the warm mat"

    at.button(key="lb_1_del").click().run()  # keys follow the step (id 1 is the p5 view)
    assert decode(parse_qs(urlsplit(lesson_link(at)).query)["lesson_data"][0]).steps == (p6,)


def test_a_shipped_lesson_copied_into_the_builder_comes_out_unchanged():
    at = open_page(BUILDER, "zh")
    at.selectbox(key="lb_shipped").set_value("sgns-step").run()
    at.button(key="lb_start").click().run()
    assert not at.exception
    data = parse_qs(urlsplit(lesson_link(at)).query)["lesson_data"][0]
    assert to_dict(decode(data)) == to_dict(load({"lesson": "sgns-step"}))
    assert at.text_input(key="lb_title_zh").value == load({"lesson": "sgns-step"}).title["zh"]
    assert at.get("download_button")
    at.button(key="lb_clear").click().run()
    assert not at.exception and not [c for c in at.code if "lesson_data=" in c.value]


def test_a_lesson_too_long_for_a_link_says_so():
    at = open_page(BUILDER, "en")
    rng = random.Random(0)
    noise = lambda: "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(MAX_PROMPT))  # noqa: E731
    at.session_state["_lesson_draft"] = {
        "title": {"en": "Long", "zh": ""}, "ids": MAX_STEPS,
        "steps": [{"id": i + 1, "page": "p1", "params": {}, "checkpoint": "", "prompt": {"en": noise(), "zh": ""}}
                  for i in range(MAX_STEPS)]}
    at.session_state["lb_title_en"] = "Long"  # the title box is on screen already: it wins over the draft
    at.run()
    assert not at.exception
    assert any(t("lessons.builder_too_long", lang="en", n=0, limit=0).split("(")[0] in e.value for e in at.error), \
        [e.value for e in [*at.error, *at.warning]]
    assert not [c for c in at.code if "lesson_data=" in c.value]
    assert at.get("download_button")  # the file has no size limit of a URL
