"""Class pulse in a real browser: a teacher page and three student pages, each in its own browser context (own
cookies, own Streamlit session). The students join with the projected link and answer a checkpoint; the teacher's
live chart shows their three answers within seconds without a click; the teacher reveals; every student sees it."""
import re
import time

from ui.i18n import t

CP_BOX = ".st-key-cp_p1_stretch_box"
TALLY = ".st-key-pulse_tally_p1_stretch"
WAIT_MS = 8_000  # the tally polls every 1.5 s and a student every 2 s: a few seconds on a busy 2-core machine
BARS = """(sel) => { const p = document.querySelector(sel + ' .js-plotly-plot');
                     return p && p.data ? p.data[0].y.reduce((a, b) => a + b, 0) : -1; }"""


def join_link(page) -> str:
    codes = [c for c in page.locator(".st-key-pulse_join [data-testid=stCode]").all_inner_texts() if "class=" in c]
    assert codes, "the teacher's page shows no join link"
    return codes[0].strip()


def answer(page, label: str) -> None:
    box = page.locator(CP_BOX)
    box.wait_for(state="visible", timeout=30_000)
    box.get_by_text(label, exact=True).click()
    page.locator(".st-key-cp_p1_stretch_check button").wait_for(state="visible")
    page.wait_for_function("() => !document.querySelector('.st-key-cp_p1_stretch_check button').disabled")
    page.locator(".st-key-cp_p1_stretch_check button").click()
    page.get_by_text(t("checkpoint.right", answer=label).replace("**", ""), exact=False).wait_for(timeout=30_000)


def test_three_students_answer_the_teacher_sees_them_live_and_reveals(new_page, goto, rerun, assert_clean,
                                                                     screenshot):
    teacher = new_page()
    goto(teacher, "personality", lang="en", present=1)
    teacher.get_by_test_id("stExpandSidebarButton").click()   # presenter view starts with the sidebar folded
    with rerun(teacher):
        teacher.get_by_role("button", name=t("pulse.start", lang="en")).click()
    link = join_link(teacher)
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?lang=en&class=[A-Z]{6}", link), link
    assert teacher.locator(".st-key-pulse_join [data-testid=stImage] img").count() == 1   # the QR code
    students = [new_page() for _ in range(3)]
    for s in students:
        s.goto(link)   # as a phone would, then the follow moves it to the teacher's page
        s.locator(CP_BOX).wait_for(state="visible", timeout=30_000)
    # The projector counts them arriving, without a click.
    teacher.locator(".st-key-pulse_join").get_by_text(t("pulse.joined", lang="en", n=3)).wait_for(timeout=WAIT_MS)
    down = t("checkpoint.p1_stretch_down", lang="en")
    t0 = time.perf_counter()
    for s in students:
        answer(s, down)
    # No click on the teacher's page: its fragment redraws the chart on its own.
    teacher.wait_for_function(f"() => ({BARS})('{TALLY}') === 3", timeout=WAIT_MS + 10_000)
    seen = time.perf_counter() - t0
    assert t("pulse.answered", lang="en", answered=3, joined=3) in teacher.locator(TALLY).inner_text()
    screenshot(teacher, "pulse-teacher")
    teacher.locator(f"{TALLY} button").filter(has_text=t("pulse.reveal", lang="en")).click()
    for s in students:
        s.locator(".st-key-pulse_shown_p1_stretch").wait_for(state="visible", timeout=WAIT_MS + 10_000)
    screenshot(students[0], "pulse-student")
    for page in (teacher, *students):
        assert_clean(page)
    print(f"three answers on the teacher's chart {seen:.1f} s after the first student started answering")
