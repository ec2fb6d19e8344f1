"""Real-browser test level: one live `streamlit run app.py` on 127.0.0.1, driven by Debian's chromium via Playwright.

How to write a browser test (page owners: tests/browser/test_pN_*.py)
-------------------------------------------------------------------
Use the fixtures; never import this file. A typical interaction test::

    def test_analogy_button(new_page, rerun, assert_clean):
        page = new_page(locale="zh-CN")              # fresh browser context, console/page errors recorded
        goto(page, "analogies", p3_preset="king")    # (fixture `goto`) deep link + wait for the first run
        with rerun(page):                            # waits until the rerun the action caused has finished
            page.get_by_role("button", name="...").click()
        assert page.get_by_test_id("stMetricValue").first.inner_text() == "..."
        assert_clean(page)                           # no exception box, no console or page error

Fixtures
- `server_url` (session): "http://127.0.0.1:<port>" of the live app (headless, no file watcher, no telemetry;
  its log is test-artifacts/streamlit-server.log). Teardown terminates that PID only.
- `browser` (session): chromium from /usr/bin/chromium with the offline/root flags of ../shared/testing.md. Missing
  chromium FAILS the test with instructions (`make browser`); Playwright's own download is never used.
  TMPDIR points at test-artifacts/tmp so browser profiles stay in the tree.
- `new_page(locale="en-US", width=1280, height=900, **options) -> Page`: one fresh context per call (closed at
  teardown); `options` go to `browser.new_context` (e.g. `is_mobile=True, has_touch=True`,
  `reduced_motion="reduce"`).
  `locale` also sets `st.context.locale`, so "zh-CN" gets Chinese when no ?lang= is given. The page carries
  `page.w2v_errors` (console errors and uncaught page errors, as strings) and `page.w2v_finished` (how many
  `script_finished` ForwardMsgs arrived on Streamlit's websocket so far, any status).
- `warm_server` (session, used by `goto`): `python -m scripts.warm_up` opens every page once before any test, as `make run`
  does (see its docstring). `start_server(log_name)`, `warm_up(url)`, `stop_server(proc)`: a separate fresh
  server for one test.
- `goto(page, path="", **query)`: open `server_url/path?query` and wait for that run to finish. Returns seconds.
- `reload(page)`: reload the page (a new Streamlit session, same URL) and wait for its run. Returns seconds.
- `rerun(page, timeout=30)`: context manager; the block's action must cause a rerun. On exit it waits for a new
  `script_finished` with status finished (0), compile error (1) or fragment finished (3) — status 2 ("cut short by a
  newer rerun") keeps waiting — then for `[data-testid=stApp][data-test-script-state=notRunning]` and no
  `[data-stale=true]` element, and (softly, up to 10 s) for every visible plotly chart to be mounted and drawn:
  Streamlit mounts charts lazily after the run ends. The context value has `.seconds` after exit (rerun latency as seen by the client).
- `nav(page, name)`: click the sidebar link called `name` (its translated title) inside `rerun`. Returns seconds.
- `assert_clean(page)`: fails on any `[data-testid=stException]` box or recorded console/page error. Only the known
  offline noise is filtered (`KNOWN_NOISE`): 404s for `/<page>/_stcore/health` and `/<page>/_stcore/host-config`
  that the frontend requests after a deep link.
- `screenshot(page, name, max_height=4000)`: PNG of the whole page (the viewport grows to the content height, up
  to `max_height`, then shrinks back) in test-artifacts/screenshots/<name>.png; returns the path.

Sliders are native range inputs: focus and press keys inside `rerun` (`fill()` does not rerun). A key press that
changes nothing causes no rerun, so `rerun` would time out: only wrap actions that really change something.

The server and browser plumbing itself (starting a server, chromium's flags, `KNOWN_NOISE`, knowing when a run has
finished) lives in scripts/live_server.py and scripts/live_browser.py, shared with the benchmarks and scripts.
"""
from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from scripts import live_browser, live_server

ROOT = live_server.ROOT
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"


def start_server(log_name: str = "streamlit-server.log") -> tuple[subprocess.Popen, str]:
    """A fresh `streamlit run app.py` on a free 127.0.0.1 port, healthy; (process, url). Fails the test if not."""
    try:
        server = live_server.start(log=ARTIFACTS / log_name)
    except live_server.ServerError as exc:
        pytest.fail(str(exc))
    return server.proc, server.url


stop_server = live_server.stop


@pytest.fixture(scope="session")
def server_url():
    proc, url = start_server()
    try:
        yield url
    finally:
        stop_server(proc)


@pytest.fixture(scope="session")
def browser():
    if why := live_browser.missing_chromium():
        pytest.fail(f"the browser tests need Debian's chromium. {why}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: run `make test` (installs requirements-dev.txt).")
    shutil.rmtree(live_browser.TMP, ignore_errors=True)
    pw = sync_playwright().start()
    try:
        b = live_browser.launch(pw)
        yield b
        b.close()
    finally:
        pw.stop()


class _Rerun:
    seconds: float | None = None


@contextlib.contextmanager
def _rerun(page, timeout: float = 30):
    info = _Rerun()
    before = page.w2v_done
    t0 = time.perf_counter()
    yield info
    live_browser.settle(page, before, timeout)
    info.seconds = time.perf_counter() - t0


def _assert_clean(page) -> None:
    boxes = page.get_by_test_id("stException")
    if boxes.count():
        raise AssertionError(f"exception box on {page.url}:\n" + boxes.first.inner_text()[:2000])
    assert not page.w2v_errors, f"browser errors on {page.url}:\n" + "\n".join(page.w2v_errors)


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(locale: str = "en-US", width: int = 1280, height: int = 900, **options):
        ctx = browser.new_context(locale=locale, viewport={"width": width, "height": height}, **options)
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(30_000)
        live_browser.watch(page)
        return page

    yield make
    for ctx in contexts:
        ctx.close()


def warm_up(url: str) -> str:
    """Run `python -m scripts.warm_up` against `url` as `make run` does; its report. Fails the test if it failed."""
    port = url.rsplit(":", 1)[1]
    # --no-umap: the UMAP compile goes on in the background as on any server; only its test waits for it.
    run = subprocess.run([sys.executable, "-m", "scripts.warm_up", port, "--wait", "30", "--no-umap"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr  # a page raised, was not found, or timed out
    return run.stdout


@pytest.fixture(scope="session")
def warm_server(server_url):
    """Warm the server as `make run` does (scripts/warm_up.py: every page once, both languages, over the websocket):
    on a fresh server the very first deep link would flash "Page not found" (see that script), and first visits
    pay for GloVe and the page-4 model."""
    warm_up(server_url)
    return server_url


@pytest.fixture
def goto(warm_server):
    server_url = warm_server
    def go(page, path: str = "", timeout: float = 60, **query) -> float:
        url = f"{server_url}/{path.lstrip('/')}" + (f"?{urlencode(query)}" if query else "")
        before = page.w2v_done
        t0 = time.perf_counter()
        page.goto(url)
        live_browser.settle(page, before, timeout)
        return time.perf_counter() - t0

    return go


@pytest.fixture
def reload():
    def again(page, timeout: float = 60) -> float:
        before = page.w2v_done
        t0 = time.perf_counter()
        page.reload()
        live_browser.settle(page, before, timeout)
        return time.perf_counter() - t0

    return again


@pytest.fixture
def rerun():
    return _rerun


@pytest.fixture
def nav():
    def click(page, name: str, timeout: float = 60) -> float:
        link = page.get_by_test_id("stSidebarNav").get_by_role("link", name=name, exact=True)
        with _rerun(page, timeout) as r:
            link.click()
        return r.seconds

    return click


@pytest.fixture
def assert_clean():
    return _assert_clean


@pytest.fixture
def screenshot():
    def shot(page, name: str, max_height: int = 4000) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        # Streamlit scrolls inside stMain, so full_page alone would stop at the viewport: grow the viewport instead.
        size = page.viewport_size
        height = size["height"] if size else 0
        for _ in range(4):  # the content can reflow after a resize: grow until it fits
            tall = min(max_height, page.evaluate(
                "(document.querySelector('[data-testid=stMain]') || document.body).scrollHeight"))
            if not size or tall <= height:
                break
            height = int(tall)
            page.set_viewport_size({"width": size["width"], "height": height})
            page.wait_for_timeout(250)  # let charts re-layout
        page.screenshot(path=str(path), full_page=True)
        if size:
            page.set_viewport_size(size)
        return path

    return shot
