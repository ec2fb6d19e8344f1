"""Pages 1-3: every translation key and markdown text they name exists in both languages with the same
{placeholders} (branches a render test may not reach: wrong guesses, missing answers, unknown words)."""
import re
import string
from pathlib import Path

import pytest

from ui.i18n import ASSETS, _namespace, md, t

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "pages/p1_personality.py", ROOT / "pages/p2_word_embeddings.py", ROOT / "pages/p3_analogies.py",
           ROOT / "ui/data.py"]
KEY = re.compile(r'\bt\(\s*f?"([a-z0-9_]+\.[a-zA-Z0-9_{}]+)"')
MD = re.compile(r'\bmd\(\s*"([a-z0-9_]+)"\)')
# f-string keys: the prefix before "{" -> the values the page fills in
TEMPLATES = {"p1.name_": ["me", "p1", "p2", "p3"], "p1.trait_": list("EOCAN"),
             "p2.preset_": ["women", "youth", "royalty", "people", "all"], "p3.method_": ["add", "mul"]}


def used_keys():
    keys = set()
    for src in SOURCES:
        for key in KEY.findall(src.read_text(encoding="utf-8")):
            prefix = key.split("{")[0]
            keys.update(prefix + v for v in TEMPLATES[prefix]) if "{" in key else keys.add(key)
    return sorted(keys)


def fields(text):
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_the_scan_finds_the_keys():
    keys = used_keys()
    assert "p3.expected_missing" in keys and "p1.name_p3" in keys and len(keys) > 100


@pytest.mark.parametrize("key", used_keys())
def test_key_exists_in_both_languages_with_the_same_placeholders(key):
    ns, _, rest = key.partition(".")
    en, zh = _namespace("en", ns).get(rest), _namespace("zh", ns).get(rest)
    assert en and zh, f"{key} missing in {'en' if not en else 'zh'}"
    assert fields(en) == fields(zh), key
    assert t(key, lang="en") and t(key, lang="zh")


def test_markdown_texts_exist_in_both_languages():
    names = {n for src in SOURCES for n in MD.findall(src.read_text(encoding="utf-8"))}
    assert len(names) >= 12
    for name in names:
        for lang in ("en", "zh"):
            assert (ASSETS / "text" / lang / f"{name}.md").is_file(), (lang, name)
            assert md(name, lang=lang).strip()
