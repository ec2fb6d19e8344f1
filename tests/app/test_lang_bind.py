"""ui.i18n.bind: t() reads the run's language from the script thread, but only in the run that bound it (the same
run context): another session, or code outside a run, reads session state as before."""
from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest

from apptest import open_page
from ui import i18n


class FakeStreamlit:
    """What current_lang/detect_lang read of `st` when nothing is bound."""

    def __init__(self, lang):
        self.session_state = {"lang": lang}
        self.query_params = {}
        self.context = SimpleNamespace(locale="")


@pytest.fixture
def runs(monkeypatch):
    ctx = {"now": None}
    monkeypatch.setattr(i18n, "get_script_run_ctx", lambda suppress_warning=False: ctx["now"])
    monkeypatch.setattr(i18n, "_run", threading.local())
    return ctx


def test_the_bound_language_is_read_only_in_its_own_run(runs, monkeypatch):
    monkeypatch.setattr(i18n, "st", FakeStreamlit("en"))
    runs["now"] = first = object()
    i18n.bind("zh")
    assert i18n.current_lang() == "zh" and i18n.t("nav.about") == i18n.t("nav.about", lang="zh")
    runs["now"] = object()  # another session's run on this thread: its own session state counts
    assert i18n.current_lang() == "en"
    runs["now"] = None  # outside any run (AppTest calling a format_func)
    assert i18n.current_lang() == "en"
    runs["now"] = first
    assert i18n.current_lang() == "zh"


def test_another_thread_does_not_see_it(runs, monkeypatch):
    monkeypatch.setattr(i18n, "st", FakeStreamlit("en"))
    runs["now"] = object()
    i18n.bind("zh")
    seen = []
    worker = threading.Thread(target=lambda: seen.append(i18n.current_lang()))
    worker.start()
    worker.join()
    assert seen == ["en"]


def test_switching_language_in_a_session_rebinds_it():
    at = open_page("pages/p1_personality.py", "en")
    title = at.title[0].value
    at.sidebar.radio(key="lang_widget").set_value("zh").run()
    assert not at.exception
    assert at.title[0].value != title and at.title[0].value == i18n.t("p1.title", lang="zh")
    at.sidebar.radio(key="lang_widget").set_value("en").run()
    assert at.title[0].value == title
