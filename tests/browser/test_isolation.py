"""Sessions are isolated: two students (two browser contexts) work at the same time and each sees only their own.

Both actions are sent before either is awaited, so the server runs the two sessions concurrently.
"""
from __future__ import annotations

import re
import time

from ui.i18n import t


def wait_done(page, before: int, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while page.w2v_done <= before:
        assert time.monotonic() < deadline, f"no finished rerun within {timeout} s"
        page.wait_for_timeout(25)
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=timeout * 1000)
    page.wait_for_function("!document.querySelector('[data-stale=true]')", timeout=timeout * 1000)


def main_text(page) -> str:
    return page.get_by_test_id("stMain").inner_text()


def corpus_stats(page) -> tuple[int, int]:
    """(tokens, distinct words) from the lab's corpus line."""
    m = re.search(r"([\d,]+) tokens · ([\d,]+) distinct words", main_text(page))
    assert m, "no corpus statistics"
    return int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))


def map_words(page) -> set[str]:
    """The word labels drawn on the lab's PCA map (SVG text of the second plotly chart)."""
    chart = page.get_by_test_id("stPlotlyChart").nth(1)
    chart.locator("svg.main-svg").first.wait_for(timeout=20_000)
    return {s.strip() for s in chart.locator("g.textpoint text").all_text_contents() if s and s.strip()}


def test_two_students_train_different_models_at_once(new_page, goto, assert_clean):
    a, b = new_page(), new_page()
    goto(a, "training-lab", lang="en", corpus="kingdom_en", epochs=3, seed=1)
    goto(b, "training-lab", lang="en", corpus="topics_en", epochs=3, seed=2, vector_size=20)
    stats_a, stats_b = corpus_stats(a), corpus_stats(b)
    assert stats_a != stats_b, "the two corpora differ"
    train = t("p7.train", lang="en")
    before_a, before_b = a.w2v_done, b.w2v_done
    a.get_by_role("button", name=train).click()
    b.get_by_role("button", name=train).click()
    wait_done(a, before_a)
    wait_done(b, before_b)
    for page, stats in ((a, stats_a), (b, stats_b)):
        assert "Trained 100%" in main_text(page), "each one's own run finished"
        assert corpus_stats(page) == stats, "each still shows its own corpus"
    words_a, words_b = map_words(a), map_words(b)
    assert words_a and words_b and words_a != words_b, (words_a, words_b)
    # A reruns (another map word list) while B stays put: nothing of B's appears on A's page and vice versa.
    before_a = a.w2v_done
    box = a.get_by_role("textbox", name=t("p7.map_words", lang="en"), exact=True)
    box.fill("king queen man woman")
    box.press("Enter")
    wait_done(a, before_a)
    assert corpus_stats(a) == stats_a and corpus_stats(b) == stats_b
    assert "Trained 100%" in main_text(a) and "Trained 100%" in main_text(b)
    assert map_words(b) == words_b
    assert_clean(a)
    assert_clean(b)


def steps_done(page) -> int:
    """The stepper's "Steps done: N" caption."""
    text = page.get_by_test_id("stMain").inner_text()
    m = re.search(r"Steps done: (\d+)", text)
    assert m, "no 'Steps done' caption"
    return int(m.group(1))


def test_two_students_step_the_stepper_at_once(new_page, goto, assert_clean):
    a, b = new_page(), new_page()
    goto(a, "negative-sampling", lang="en", seed=1)
    goto(b, "negative-sampling", lang="en", seed=2)
    assert steps_done(a) == 0 and steps_done(b) == 0
    before_a, before_b = a.w2v_done, b.w2v_done
    a.get_by_role("button", name=t("p6.run", lang="en", n=100)).click()
    b.get_by_role("button", name=t("p6.run", lang="en", n=10)).click()
    wait_done(a, before_a)
    wait_done(b, before_b)
    assert steps_done(a) == 100
    assert steps_done(b) == 10
    # One more step for B only: A's page, rerun by its own widget, still shows its own count.
    before_b = b.w2v_done
    b.get_by_role("button", name=t("p6.run", lang="en", n=10)).click()
    wait_done(b, before_b)
    assert steps_done(b) == 20
    before_a = a.w2v_done
    a.get_by_role("button", name=t("p6.run", lang="en", n=10)).click()
    wait_done(a, before_a)
    assert steps_done(a) == 110
    assert_clean(a)
    assert_clean(b)
