"""Language choice and translated text: keyed TOML strings and per-language markdown under assets/."""
from __future__ import annotations

import threading
import tomllib
from functools import lru_cache
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

ASSETS = Path(__file__).resolve().parent.parent / "assets"
LANGS = ("zh", "en")
LANG_LABELS = {"zh": "中文", "en": "English"}
_run = threading.local()  # this script thread's run context and its language (bind)


@lru_cache(maxsize=None)
def _namespace(lang: str, ns: str) -> dict[str, str]:
    """All strings of one namespace (= one file assets/i18n/<lang>/<ns>.toml), flattened to dotted keys."""
    path = ASSETS / "i18n" / lang / f"{ns}.toml"
    with path.open("rb") as f:
        data = tomllib.load(f)
    flat: dict[str, str] = {}

    def walk(prefix: str, node: dict) -> None:
        for k, v in node.items():
            key = f"{prefix}{k}"
            if isinstance(v, dict):
                walk(key + ".", v)
            else:
                flat[key] = v

    walk("", data)
    return flat


def detect_lang() -> str:
    """`?lang=` wins, then the user's earlier choice, then the browser locale (zh* -> 中文)."""
    q = st.query_params.get("lang")
    if q in LANGS:
        return q
    if st.session_state.get("lang") in LANGS:
        return st.session_state["lang"]
    locale = (st.context.locale or "") if hasattr(st.context, "locale") else ""
    return "zh" if locale.lower().startswith("zh") else "en"


def bind(lang: str) -> None:
    """app.py, once a run, after choosing the language: until the next run, t() reads it from here (a session-state
    read costs ~15 µs and t() runs hundreds of times a run). Kept per script thread and checked against the run's
    context, so it never reaches another session, and a fragment's own run reads session state as before."""
    _run.ctx, _run.lang = get_script_run_ctx(suppress_warning=True), lang


def current_lang() -> str:
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is not None and getattr(_run, "ctx", None) is ctx:
        return _run.lang
    return st.session_state.get("lang") or detect_lang()


def t(key: str, lang: str | None = None, **fmt) -> str:
    """Translated string for `ns.key` (e.g. t("p3.title")); `fmt` fills {placeholders}."""
    lang = lang or current_lang()
    ns, _, rest = key.partition(".")
    text = _namespace(lang, ns)[rest]
    return text.format(**fmt) if fmt else text


def tr_format(prefix: str):
    """format_func for option widgets: option `x` shows as t(prefix + str(x)), e.g. tr_format("p7.sg_") for sg=1.

    The language is bound now, because Streamlit (and AppTest) may call format_func outside the script run.
    """
    lang = current_lang()
    return lambda option: t(f"{prefix}{option}", lang=lang)


@lru_cache(maxsize=None)
def _markdown(lang: str, name: str) -> str:
    return (ASSETS / "text" / lang / f"{name}.md").read_text(encoding="utf-8")


def md(name: str, lang: str | None = None) -> str:
    """A long per-language explanation: assets/text/<lang>/<name>.md (trusted, ships with the app)."""
    return _markdown(lang or current_lang(), name)


def namespaces(lang: str) -> list[str]:
    return sorted(p.stem for p in (ASSETS / "i18n" / lang).glob("*.toml"))


def all_keys(lang: str) -> dict[str, set[str]]:
    """Every key of every namespace, for the test that both languages match."""
    return {ns: set(_namespace(lang, ns)) for ns in namespaces(lang)}
