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
- `new_page(locale="en-US", width=1280, height=900) -> Page`: one fresh context per call (closed at teardown).
  `locale` also sets `st.context.locale`, so "zh-CN" gets Chinese when no ?lang= is given. The page carries
  `page.w2v_errors` (console errors and uncaught page errors, as strings) and `page.w2v_finished` (how many
  `script_finished` ForwardMsgs arrived on Streamlit's websocket so far, any status).
- `warm_server` (session, used by `goto`): scripts/warm_up.py opens every page once before any test, as `make run`
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
  offline noise is filtered (see `KNOWN_NOISE`): 404s for `/<page>/_stcore/health` and `/<page>/_stcore/host-config`
  that the frontend requests after a deep link.
- `screenshot(page, name, max_height=4000)`: PNG of the whole page (the viewport grows to the content height, up
  to `max_height`, then shrinks back) in test-artifacts/screenshots/<name>.png; returns the path.

Sliders are native range inputs: focus and press keys inside `rerun` (`fill()` does not rerun). A key press that
changes nothing causes no rerun, so `rerun` would time out: only wrap actions that really change something.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
APP = str(ROOT / "app.py")  # same name as tests/conftest.py, in case a module resolves `conftest` to this file
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
# The only console errors we accept: resources the frontend probes relative to a deep-linked page (404 offline).
KNOWN_NOISE = [re.compile(r"/[^/?#]+/_stcore/(health|host-config)(\?.*)?$")]
DONE_STATUSES = {0, 1, 3}  # ForwardMsg.script_finished: finished, compile error, fragment finished (2 = cut short)


# After a run, Streamlit mounts plotly charts lazily (up to ~1.5 s later on a busy machine) and plotly draws them
# hidden first. This holds when every visible chart frame has mounted and every visible plotly plot has drawn.
CHARTS_DRAWN = """() => {
  const visible = (e) => e.offsetParent !== null;
  if ([...document.querySelectorAll('[data-testid=stSkeleton]')].some(visible)) return false;
  for (const f of document.querySelectorAll('[data-testid=stMain] [data-testid=stFullScreenFrame]')) {
    if (!visible(f)) continue;
    const c = f.firstElementChild;
    if (!c || !c.getAttribute('data-testid') || c.getAttribute('data-testid') === 'stSkeleton') return false;
  }
  for (const p of document.querySelectorAll('[data-testid=stMain] [data-testid=stPlotlyChart]')) {
    if (!visible(p)) continue;
    const plot = p.querySelector('.js-plotly-plot');
    if (!plot || plot.style.visibility === 'hidden' || !plot.querySelector('svg.main-svg')) return false;
  }
  return true;
}"""
CHARTS_WAIT_MS = 10_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(log_name: str = "streamlit-server.log") -> tuple[subprocess.Popen, str]:
    """A fresh `streamlit run app.py` on a free 127.0.0.1 port, healthy; (process, url). Fails the test if not."""
    ARTIFACTS.mkdir(exist_ok=True)
    port = _free_port()
    log = (ARTIFACTS / log_name).open("wb")
    cmd = [sys.executable, "-m", "streamlit", "run", APP, "--server.address=127.0.0.1", f"--server.port={port}",
           "--server.headless=true", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    log.close()  # the child keeps its own handle
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}; see {log.name}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        if time.monotonic() > deadline:
            stop_server(proc)
            pytest.fail(f"streamlit did not become healthy within 60 s; see {log.name}")
        time.sleep(0.1)


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def server_url():
    proc, url = start_server()
    try:
        yield url
    finally:
        stop_server(proc)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's chromium. Run `make browser` "
                    "(apt-get install chromium fonts-noto-cjk ...) or simply `make test`, which installs it.")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: run `make test` (installs requirements-dev.txt).")
    tmp = ARTIFACTS / "tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    os.environ["TMPDIR"] = str(tmp)  # Playwright's driver and chromium's profile inherit it
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
    finally:
        pw.stop()


def _watch(page) -> None:
    """Record console/page errors and count script_finished messages on every Streamlit websocket."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    page.w2v_errors = []
    page.w2v_finished = 0
    page.w2v_done = 0  # finished with a status in DONE_STATUSES

    def on_console(msg):
        if msg.type != "error":
            return
        where = (msg.location or {}).get("url", "")
        if any(p.search(where) for p in KNOWN_NOISE):
            return
        page.w2v_errors.append(f"console: {msg.text} @ {where}")

    def on_frame(payload):
        if isinstance(payload, str):
            return
        fm = ForwardMsg()
        try:
            fm.ParseFromString(payload)
        except Exception:  # not a ForwardMsg: ignore
            return
        if fm.WhichOneof("type") == "script_finished":
            page.w2v_finished += 1
            if fm.script_finished in DONE_STATUSES:
                page.w2v_done += 1

    def on_ws(ws):
        if ws.url.endswith("/_stcore/stream"):
            ws.on("framereceived", on_frame)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: page.w2v_errors.append(f"pageerror: {exc}"))
    page.on("websocket", on_ws)


def _settle(page, done_before: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while page.w2v_done <= done_before:
        if time.monotonic() > deadline:
            raise AssertionError(f"no finished rerun within {timeout} s (url {page.url})")
        page.wait_for_timeout(15)  # lets Playwright dispatch the websocket events
    left = max(1.0, deadline - time.monotonic()) * 1000
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=left)
    page.wait_for_function("!document.querySelector('[data-stale=true]')", timeout=left)
    try:  # soft: charts in a hidden tab or expander never draw, and a test may not care about charts at all
        page.wait_for_function(CHARTS_DRAWN, timeout=min(left, CHARTS_WAIT_MS))
    except Exception:  # noqa: BLE001 (Playwright's TimeoutError): the test's own assertions decide
        pass


class _Rerun:
    seconds: float | None = None


@contextlib.contextmanager
def _rerun(page, timeout: float = 30):
    info = _Rerun()
    before = page.w2v_done
    t0 = time.perf_counter()
    yield info
    _settle(page, before, timeout)
    info.seconds = time.perf_counter() - t0


def _assert_clean(page) -> None:
    boxes = page.get_by_test_id("stException")
    if boxes.count():
        raise AssertionError(f"exception box on {page.url}:\n" + boxes.first.inner_text()[:2000])
    assert not page.w2v_errors, f"browser errors on {page.url}:\n" + "\n".join(page.w2v_errors)


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(locale: str = "en-US", width: int = 1280, height: int = 900):
        ctx = browser.new_context(locale=locale, viewport={"width": width, "height": height})
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(30_000)
        _watch(page)
        return page

    yield make
    for ctx in contexts:
        ctx.close()


def warm_up(url: str) -> str:
    """Run scripts/warm_up.py against `url` as `make run` does; its report. Fails the test if it failed."""
    port = url.rsplit(":", 1)[1]
    run = subprocess.run([sys.executable, "scripts/warm_up.py", port, "--wait", "30"], cwd=ROOT,
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
        _settle(page, before, timeout)
        return time.perf_counter() - t0

    return go


@pytest.fixture
def reload():
    def again(page, timeout: float = 60) -> float:
        before = page.w2v_done
        t0 = time.perf_counter()
        page.reload()
        _settle(page, before, timeout)
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
