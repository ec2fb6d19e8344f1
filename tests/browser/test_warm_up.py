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
        assert "trained in en + zh" in report, report  # page 7's Chinese corpus (and jieba) loaded before class

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


def test_warm_up_ends_only_when_umap_is_compiled(warm_server):
    """Without --no-umap (as `make run` and `make serve` run it) the warm-up returns after UMAP's background compile:
    a student's UMAP map right after it shows no "compiling" wait."""
    import asyncio
    import concurrent.futures

    from scripts import live_server
    from ui.i18n import t

    port = int(warm_server.rsplit(":", 1)[1])
    run = subprocess.run([sys.executable, "-m", "scripts.warm_up", str(port), "--wait", "30"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and "UMAP compiled after" in run.stdout, run.stdout + run.stderr
    texts: list[str] = []

    def see(fm, _size):
        if fm.WhichOneof("type") == "delta" and fm.delta.WhichOneof("type") == "new_element":
            el = fm.delta.new_element
            if el.WhichOneof("type") == "progress":
                texts.append(el.progress.text)

    async def umap_map():
        async with live_server.connect(port) as ws:
            await live_server.run_script(ws, live_server.rerun_request(
                "projector", "lang=en&method=umap&n=120&umap_n=120&seed=7"), 120, see)

    # In a thread of its own: Playwright's sync API keeps an event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, umap_map()).result(timeout=150)
    compiling = t("p8.umap_compiling", lang="en", s="", total="")[:10]
    assert texts and not any(compiling in x for x in texts), texts  # the fit's own progress, never the compile's
