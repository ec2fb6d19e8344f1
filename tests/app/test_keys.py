"""Keyboard stepping (ui/keys.py): the pages with steps bind their keys and say so; without streamlit-shortcuts
they draw no hint and their buttons work as before; the back buttons the keys press undo one step."""
import sys

import pytest
from apptest import open_page

from ui import keys
from ui.i18n import t

# page -> the actions it binds (p7's training has no step back)
PAGES = {"pages/p4_language_models.py": ("next", "back", "play", "reset"),
         "pages/p5_skipgram_cbow.py": ("next", "back", "play", "reset"),
         "pages/p6_negative_sampling.py": ("next", "back", "reset"),
         "pages/p7_training_lab.py": ("next", "play", "reset")}


def hint(lang: str, actions) -> str:
    return t("keys.hint", lang=lang, keys=t("keys.sep", lang=lang).join(t(f"keys.{a}", lang=lang) for a in actions))


def shortcut_frames(at) -> list[str]:
    """The component's script frames (components.html): their source."""
    return [f.proto.srcdoc for f in at.get("iframe") if "streamlitShortcuts" in f.proto.srcdoc]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES)
def test_pages_with_steps_bind_the_keys_and_show_the_hint(page, lang):
    at = open_page(page, lang)
    assert [c.value for c in at.caption].count(hint(lang, PAGES[page])) == 1
    frames = shortcut_frames(at)
    assert len(frames) == 1
    for action, pressed in keys.KEYS.items():  # the same map on every page: the slot names, not the page's buttons
        assert f'"{keys.slot_key(action)}": {pressed!r}'.replace("'", '"') in frames[0]


@pytest.mark.parametrize("page", PAGES)
def test_without_the_component_the_page_works_without_keys(page, monkeypatch):
    monkeypatch.setitem(sys.modules, "streamlit_shortcuts", None)  # `import streamlit_shortcuts` now fails
    at = open_page(page, "en")
    assert not at.exception
    assert not shortcut_frames(at)
    assert hint("en", PAGES[page]) not in [c.value for c in at.caption]
    assert not any(c.value.startswith(t("keys.hint", lang="en", keys="")) for c in at.caption)
    step = {"pages/p6_negative_sampling.py": "p6_next", "pages/p7_training_lab.py": "p7_step"}.get(page)
    if step:  # the buttons still step
        at.button(key=step).click().run()
        assert not at.exception


@pytest.mark.parametrize("page,pos", [("pages/p4_language_models.py", "p4_pos"), ("pages/p5_skipgram_cbow.py", "p5_pos")])
def test_back_undoes_a_step_and_stops_at_the_start(page, pos):
    prefix = pos.split("_")[0]
    at = open_page(page, "en")
    for _ in range(2):
        at.button(key=f"{prefix}_step").click().run()
    assert at.session_state[pos] == 2
    at.button(key=f"{prefix}_back").click().run()
    assert at.session_state[pos] == 1
    for _ in range(2):
        at.button(key=f"{prefix}_back").click().run()
    assert not at.exception and at.session_state[pos] == 0


def test_p6_back_undoes_the_last_press():
    at = open_page("pages/p6_negative_sampling.py", "en")
    assert at.button(key="p6_back").disabled  # nothing to undo at the start
    at.button(key="p6_next").click().run()  # computed
    at.button(key="p6_next").click().run()  # applied: one step done
    sim = at.session_state["p6_sim"]
    assert (sim.phase, sim.step) == ("applied", 1)
    at.button(key="p6_back").click().run()
    sim = at.session_state["p6_sim"]
    assert (sim.phase, sim.step) == ("computed", 0)  # shown again, not applied
    assert at.button(key="p6_next").label == t("p6.apply", lang="en")
