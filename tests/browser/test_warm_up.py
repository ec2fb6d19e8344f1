"""`make run` warms a fresh server (scripts/warm_up.py): afterwards a student's first deep link opens cleanly."""
import subprocess
import sys
import time

from conftest import ROOT, start_server, stop_server, warm_up

from ui.nav import PAGES


def test_fresh_server_after_warm_up_opens_a_deep_link_without_page_not_found(new_page, assert_clean):
    proc, url = start_server("streamlit-server-warm-up.log")
    try:
        report = warm_up(url)
        assert f"opened {2 * len(PAGES)} pages" in report, report  # every page of ui/nav.py, en + zh

        page = new_page(locale="zh-CN")
        page.goto(f"{url}/analogies")
        page.get_by_role("heading", level=1).first.wait_for(timeout=30_000)
        seen = False
        for _ in range(20):  # the box would appear at once and stay until dismissed; watch for 2 s
            seen |= page.get_by_text("Page not found").count() > 0
            time.sleep(0.1)
        assert not seen, "a deep link on a warmed server must not flash Streamlit's 'Page not found'"
        assert "3 ·" in page.get_by_role("heading", level=1).first.inner_text()
        assert_clean(page)
    finally:
        stop_server(proc)


def test_warm_up_reports_a_server_that_is_not_there():
    run = subprocess.run([sys.executable, "-m", "scripts.warm_up", "9", "--wait", "1"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "no Streamlit server" in run.stderr
