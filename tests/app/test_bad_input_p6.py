"""Bad input on page 6 (negative sampling stepper): odd texts, too many negatives, extreme learning rates (a
learning rate that makes the stepper diverge is explained in the user's language, never shown as NaN)."""
import math
import re

import numpy as np
import pytest
from apptest import assert_message_in, has_cjk, open_page

from w2v_core.sgns import init_params, sgns_step
from w2v_core.text import split_sentences

PAGE = "pages/p6_negative_sampling.py"
VALID = "the king rules the land. the queen rules the land too. a dog barks at the king."


def expected_first_loss(text: str, window=2, negative=2, dim=4, alpha=0.1, seed=1957) -> float:
    """Loss of the stepper's first step, computed with w2v_core directly."""
    from w2v_core.sgns_demo import StepperData, max_negative

    data = StepperData.from_sentences(split_sentences(text), window=window)
    negative = min(negative, max_negative(len(data.vocab)))
    emb, ctx = init_params(len(data.vocab), dim, seed, context_init="random")
    c, o, negs = data.sample(0, negative, seed, 0.75)
    return sgns_step(emb, ctx, c, o, negs, alpha)[2].loss


def shown_loss(at) -> str:
    for m in at.markdown:
        found = re.findall(r"\*\*(-?(?:\d+\.\d{4}|nan|inf))\*\*", m.value)
        if found and ("Loss" in m.value or "损失" in m.value):
            return found[-1]
    raise AssertionError("no loss line shown")


def follow_up(at, **settings) -> None:
    """The page still works: a valid text and one step show the loss w2v_core computes for that step."""
    at.text_area(key="p6_text").input(VALID).run()
    assert not at.exception
    at.button(key="p6_next").click().run()
    assert not at.exception
    assert shown_loss(at) == f"{expected_first_loss(VALID, **settings):.4f}"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("text", ["", "  \n\t ", "?!.,;:。！", "taco", "taco taco taco taco", "cat. dog. bird."],
                         ids=["empty", "whitespace", "punctuation", "one-word", "one-distinct-word",
                              "one-word-sentences"])
def test_text_too_short_warns(text, lang):
    at = open_page(PAGE, lang=lang)
    at.text_area(key="p6_text").input(text).run()
    assert not at.exception
    assert_message_in(at, lang)
    follow_up(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_more_negatives_than_vocabulary(lang):
    at = open_page(PAGE, lang=lang, negative=20)
    at.text_area(key="p6_text").input("cat dog bird fish").run()
    assert not at.exception
    msg = assert_message_in(at, lang)
    assert "20" in msg and "2" in msg  # says what it asked for and what it uses (4 words - input - context)
    at.button(key="p6_next").click().run()
    assert not at.exception
    assert shown_loss(at) == f"{expected_first_loss('cat dog bird fish', negative=20):.4f}"


def test_mixed_scripts_and_emoji():
    text = "我爱北京 and I love Beijing 😀. 国王 king 🚀 queen 女王!"
    at = open_page(PAGE, lang="zh")
    at.text_area(key="p6_text").input(text).run()
    assert not at.exception
    at.button(key="p6_next").click().run()
    assert not at.exception
    assert shown_loss(at) == f"{expected_first_loss(text):.4f}"


def test_ten_megabytes_pasted():
    at = open_page(PAGE, lang="en")
    at.text_area(key="p6_text").input("lorem ipsum dolor " * 600_000).run(timeout=30)
    assert not at.exception
    assert len(at.text_area(key="p6_text").value) <= 2000  # the box's max_chars holds; old text stays
    follow_up(at)


@pytest.mark.parametrize("alpha", ["10", "0", "-1", "nan", "1e308"])
def test_hostile_alpha_in_url_falls_back(alpha):
    at = open_page(PAGE, lang="en", alpha=alpha)
    assert not at.exception
    assert at.select_slider(key="p6_alpha").value == 0.1
    follow_up(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_divergence_is_explained(lang):
    """alpha 1.0 (the largest offered), 5 negatives, 1000 steps overflow the vectors: the page must say so (like the
    trainer's "learning rate too high"), show no NaN, and still step normally after a reset."""
    at = open_page(PAGE, lang=lang, alpha=1.0, negative=5)
    at.button(key="p6_run1000").click().run(timeout=60)
    assert not at.exception
    assert_message_in(at, lang)
    shown = " ".join(m.value for m in at.markdown) + " ".join(str(df.value) for df in at.dataframe)
    assert not re.search(r"\bnan\b|\binf\b", shown, flags=re.I), "NaN/inf reached the screen"
    at.button(key="p6_reset").click().run()
    at.button(key="p6_next").click().run()
    assert not at.exception
    assert math.isfinite(float(shown_loss(at)))
