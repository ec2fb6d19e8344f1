"""Class pulse, starting a class: presenter view folds the sidebar, so "Start a class" is a button in the main area
(its label is its accessible name, in both languages); it is not shown outside presenter view, nor once a class
runs, and never to a student."""
import pytest
from apptest import open_page

from test_pulse import P1, join, start_class, store  # noqa: F401  -- `store` is a fixture
from ui.i18n import t
from ui.pulse_state import KEY


def start_buttons(elements) -> list:
    return [b for b in elements.button if b.key == "pulse_start"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_start_a_class_is_in_the_main_area_in_presenter_view(store, lang):  # noqa: F811
    teacher = open_page(P1, lang=lang, present=1)
    (button,) = start_buttons(teacher.main)
    assert not start_buttons(teacher.sidebar)          # the folded sidebar would hide it
    assert button.label == t("pulse.start", lang=lang) and button.help == t("pulse.start_help", lang=lang)
    button.click().run()
    assert not teacher.exception, teacher.exception
    assert teacher.session_state[KEY]["role"] == "teacher"
    assert not start_buttons(teacher)                   # a class runs: its join box instead
    assert [e for e in teacher.get("expander") if e.proto.label.startswith(t("pulse.join_title", lang=lang,
                                                                             code=teacher.session_state[KEY]["code"]))]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_start_button_outside_presenter_view_or_for_a_student(store, lang):  # noqa: F811
    assert not start_buttons(open_page(P1, lang=lang))
    _, code = start_class(lang)
    student = join(code, lang, present="1")             # a student with presenter view on is still a student
    assert not start_buttons(student)
