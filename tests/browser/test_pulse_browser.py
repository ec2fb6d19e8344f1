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


def test_three_students_answer_the_teacher_sees_them_live_and_reveals(new_page, goto, rerun, reload, assert_clean,
                                                                     screenshot):
    teacher = new_page()
    goto(teacher, "personality", lang="en", present=1)
    # Presenter view starts with the sidebar folded: "Start a class" is in the main area, reached with Tab.
    start = teacher.get_by_role("button", name=t("pulse.start", lang="en"))
    screenshot(teacher, "pulse-start", max_height=900)
    for _ in range(80):   # past the skip link, the header and the button that opens the folded sidebar
        teacher.keyboard.press("Tab")
        if start.evaluate("b => b === document.activeElement"):
            break
    assert start.evaluate("b => b === document.activeElement"), "Tab never reaches Start a class"
    with rerun(teacher):
        teacher.keyboard.press("Enter")
    link = join_link(teacher)
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?lang=en&class=[A-Z]{6}", link), link
    assert teacher.locator(".st-key-pulse_join [data-testid=stImage] img").count() == 1   # the QR code
    students = [new_page() for _ in range(3)]
    for s in students:
        s.goto(link)   # as a phone would, then the follow moves it to the teacher's page
        s.locator(CP_BOX).wait_for(state="visible", timeout=30_000)
    # The projector counts them arriving, without a click.
    teacher.locator(".st-key-pulse_join").get_by_text(t("pulse.joined", lang="en", n=3)).wait_for(timeout=WAIT_MS)
    # A reload is a new Streamlit session on the same address: its seat keeps it the same student.
    assert re.search(r"[?&]seat=[A-Za-z0-9_-]{22}(&|$)", students[0].url), students[0].url
    reload(students[0])
    students[0].locator(CP_BOX).wait_for(state="visible", timeout=30_000)
    time.sleep(2 * 2.0 + 1)   # two counts of the projector
    assert teacher.locator(".st-key-pulse_join").get_by_text(t("pulse.joined", lang="en", n=3)).is_visible()
    down = t("checkpoint.p1_stretch_down", lang="en")
    t0 = time.perf_counter()
    for s in students:
        answer(s, down)
    # No click on the teacher's page: its fragment redraws the chart on its own.
    teacher.wait_for_function(f"() => ({BARS})('{TALLY}') === 3", timeout=WAIT_MS + 10_000)
    seen = time.perf_counter() - t0
    # The count line is drawn right after the chart, by the same refresh: wait for it, do not read it at once.
    teacher.locator(TALLY).get_by_text(t("pulse.answered", lang="en", answered=3, joined=3)).wait_for(timeout=5_000)
    screenshot(teacher, "pulse-teacher")
    teacher.locator(f"{TALLY} button").filter(has_text=t("pulse.reveal", lang="en")).click()
    for s in students:
        s.locator(".st-key-pulse_shown_p1_stretch").wait_for(state="visible", timeout=WAIT_MS + 10_000)
    screenshot(students[0], "pulse-student")
    for page in (teacher, *students):
        assert_clean(page)
    print(f"three answers on the teacher's chart {seen:.1f} s after the first student started answering")


def count_full_runs(page) -> list[str]:
    """Each run starts with a `new_session` message on Streamlit's websocket; a fragment's run names its fragments
    there, a full run of the app names none: the list grows by one per full run."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    runs: list[str] = []

    def on_frame(payload):
        if isinstance(payload, bytes):
            fm = ForwardMsg()
            fm.ParseFromString(payload)
            if fm.WhichOneof("type") == "new_session" and not fm.metadata.run.fragment_ids:
                runs.append(fm.new_session.page_script_hash)
    page.on("websocket", lambda ws: ws.on("framereceived", on_frame) if ws.url.endswith("/_stcore/stream") else None)
    return runs


def test_a_follower_pays_one_full_run_per_teacher_move(new_page, goto, rerun, nav, assert_clean):
    teacher = new_page()
    goto(teacher, "personality", lang="zh", present=1)
    with rerun(teacher):   # the folded sidebar hides nothing needed: its button is in the main area
        teacher.get_by_role("button", name=t("pulse.start", lang="zh")).click()
    teacher.get_by_test_id("stExpandSidebarButton").click()   # for the page links (nav)
    student = new_page()
    runs = count_full_runs(student)
    student.goto(join_link(teacher))
    student.locator(CP_BOX).wait_for(state="visible", timeout=30_000)
    time.sleep(2 * 2.0 + 1)   # two polls: the join settles
    # The teacher's own setting on the same page: the student's page takes it in place.
    before = len(runs)
    with rerun(teacher):
        teacher.locator(".st-key-p1_scale").get_by_role("slider").focus()
        teacher.keyboard.press("Home")
    student.wait_for_url(re.compile(r"[?&]scale=-1(&|$)"), timeout=WAIT_MS)
    time.sleep(2 * 2.0 + 1)   # two more polls: any second rerun would have come
    assert len(runs) - before == 1, runs[before:]
    # Another page: the student's poll switches there itself.
    before = len(runs)
    nav(teacher, t("nav.p3", lang="zh"))
    student.locator(".st-key-p3_positive").wait_for(state="visible", timeout=WAIT_MS)
    time.sleep(2 * 2.0 + 1)
    assert len(runs) - before == 1, runs[before:]
    assert "/analogies?" in student.url or "/analogies" in student.url
    for page in (teacher, student):
        assert_clean(page)
