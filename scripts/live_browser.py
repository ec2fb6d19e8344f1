"""Debian's chromium driven by Playwright against a live server: the launch flags that work here, and knowing when
a Streamlit run has finished (used by tests/browser and scripts/screenshots.py)."""
from __future__ import annotations

import os
import re
import time

from scripts.live_server import DONE_STATUSES, ROOT

CHROMIUM = "/usr/bin/chromium"  # Debian's browser: Playwright's own download never works offline
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
TMP = ROOT / "test-artifacts" / "tmp"  # Playwright's driver and chromium's profiles, inside the work tree
# The only console errors we accept: resources the frontend probes relative to a deep-linked page (404 offline).
KNOWN_NOISE = [re.compile(r"/[^/?#]+/_stcore/(health|host-config)(\?.*)?$")]

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


def missing_chromium() -> str:
    """Why the browser cannot start ("" when it can)."""
    if os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK):
        return ""
    return (f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium fonts-noto-cjk ...) "
            "or simply `make test`, which installs it.")


def launch(pw):
    """Chromium with the offline/root flags; TMPDIR points inside the tree so its profiles stay there."""
    TMP.mkdir(parents=True, exist_ok=True)
    os.environ["TMPDIR"] = str(TMP)  # Playwright's driver and chromium's profile inherit it
    return pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def watch(page) -> None:
    """Record console/page errors and count script_finished messages on every Streamlit websocket:
    page.w2v_errors (strings), page.w2v_finished (any status), page.w2v_done (status in DONE_STATUSES)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    page.w2v_errors = []
    page.w2v_finished = 0
    page.w2v_done = 0

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


def settle(page, done_before: int, timeout: float) -> None:
    """Wait for a run that finished after `done_before` (page.w2v_done), an idle app and the charts drawn."""
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
