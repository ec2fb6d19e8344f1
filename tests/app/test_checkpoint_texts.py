"""The checkpoint texts (assets/i18n/*/checkpoint.toml): same keys and the same {placeholders} in zh and en."""
import re
import string

import pytest

from ui.i18n import _namespace

KEYS = sorted(_namespace("en", "checkpoint"))


def fields(text):
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_both_languages_have_the_same_keys():
    assert set(_namespace("zh", "checkpoint")) == set(KEYS) and len(KEYS) > 20


@pytest.mark.parametrize("key", KEYS)
def test_same_placeholders_and_no_empty_text(key):
    en, zh = _namespace("en", "checkpoint")[key], _namespace("zh", "checkpoint")[key]
    assert en.strip() and zh.strip(), key
    assert fields(en) == fields(zh), key


def test_chinese_texts_have_no_english_words():
    """What only shows after an answer (feedback, reasons) is not reached by the page scan of test_zh_strings."""
    from test_zh_strings import untranslated

    for key, text in _namespace("zh", "checkpoint").items():
        assert not untranslated(re.sub(r"\{\w+\}", " ", text)), key
