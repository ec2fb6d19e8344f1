"""Lessons in a real browser, in presenter view (?present=1) at a projector's 1280x720: a shipped lesson opened by
its link in each language and walked with the bar's "next" button only; every step shows its prompt on its page,
the controls the step locks are disabled, and nothing errs. One screenshot per step (test-artifacts/screenshots)."""
import pytest

from lessons.link import from_toml
from ui.i18n import t
from ui.lesson_load import LESSON_DIR
from ui.nav import PAGES
from ui.share import SECTIONS

URLS = {p.key: p.url for p in PAGES}


def lesson(name: str):
    return from_toml((LESSON_DIR / f"{name}.toml").read_text(encoding="utf-8"))  # the pages' checks: AppTest's job


def wait_step(page, k: int, n: int, lang: str, timeout: float = 60_000) -> None:
    """Wait until the bar says step k of n and the app is idle (a step change is a page switch: two runs)."""
    where = t("lessons.bar_head", lang=lang, title="", k=k, n=n).split(" · ")[-1]
    page.locator(".st-key-lesson_bar").get_by_text(where).wait_for(timeout=timeout)
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=timeout)
    page.wait_for_function("!document.querySelector('[data-stale=true]')", timeout=timeout)


@pytest.mark.parametrize("name, lang", [("intro", "en"), ("intro", "zh"), ("sgns-step", "zh"), ("sgns-step", "en")])
def test_walk_a_lesson_in_presenter_view(name, lang, new_page, goto, assert_clean, screenshot):
    steps = lesson(name).steps
    page = new_page(locale="zh-CN" if lang == "zh" else "en-US", width=1280, height=720)
    goto(page, "", lang=lang, present="1", lesson=name, step="1")
    hidden_seen = locked_seen = 0
    for k, step in enumerate(steps, start=1):
        wait_step(page, k, len(steps), lang)
        assert f"/{URLS[step.page]}?" in page.url and f"step={k}" in page.url and "present=1" in page.url, page.url
        bar = page.locator(".st-key-lesson_bar")
        assert step.prompt_in(lang)[:12] in bar.inner_text()
        assert page.get_by_test_id("stSidebar").get_attribute("aria-expanded") != "true"  # presenter: folded
        lock = step.params.get("lock", "")
        for name_ in [n for n in lock.split(",") if n and n != "settings"]:  # key = <page>_<name> for these
            box = page.locator(f".st-key-{step.page}_{name_}")
            for control in [*box.get_by_role("slider").all(), *box.locator("input").all()]:
                assert control.is_disabled(), (k, name_)
                locked_seen += 1
        for section in [n for n in step.params.get("hide", "").split(",") if n in SECTIONS[step.page]]:
            for key in SECTIONS[step.page][section]:  # a hidden section is in the page but not displayed
                for el in page.locator(f".st-key-{key}").all() if not key.endswith("*") else []:
                    assert el.is_hidden(), (k, section, key)
                    hidden_seen += 1
        assert_clean(page)
        screenshot(page, f"lesson-{name}-{lang}-{k:02d}", max_height=720)
        if k == len(steps):
            assert t("lessons.the_end", lang=lang) in bar.inner_text()
        else:
            nxt = page.locator(".st-key-lesson_next button")
            assert t("lessons.next", lang=lang, k=k + 1) in nxt.inner_text()
            nxt.click()
    assert hidden_seen and locked_seen, "no step hid a section or locked a control that is on its page"


def test_broken_and_hostile_lesson_links(new_page, goto, assert_clean):
    """A damaged link and an unknown name give the bar's message; a hostile prompt is shown as text, never run."""
    from lessons.format import from_dict
    from lessons.link import encode

    page = new_page(locale="zh-CN", width=1280, height=800)
    alerts = []
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    goto(page, "skipgram-cbow", lang="zh", lesson_data="eNqrVkrLz1eyUkpKLFKqBQA")
    assert t("lessons.broken", lang="zh") in page.locator(".st-key-lesson_bar").inner_text()
    assert page.locator(".st-key-p5_window").get_by_role("slider").is_enabled()  # the page works as usual
    assert_clean(page)
    goto(page, "", lang="en", lesson="<script>alert(1)</script>")
    assert "<script>alert(1)</script>" in page.locator(".st-key-lesson_bar").inner_text()  # as text
    hostile = '<img src=x onerror="alert(1)"> **not bold** [link](javascript:alert(2))'
    data = encode(from_dict({"title": {"en": "<b>t</b>"}, "steps": [{"page": "p1", "prompt": {"en": hostile}}]}))
    goto(page, "", lang="en", lesson_data=data)
    bar = page.locator(".st-key-lesson_bar")
    bar.get_by_text("not bold").wait_for()
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]")
    assert hostile in bar.inner_text() and bar.locator("img, a, strong, b").count() == 0
    assert not alerts
    assert_clean(page)
