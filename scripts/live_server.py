"""Local Streamlit servers for tests, benchmarks and scripts: start one on a free port, wait until healthy, open
pages over Streamlit's websocket (the protocol the browser speaks), stop exactly that process.

One place for what tests/browser, benchmarks/ and scripts/ all need. Only ever talks to 127.0.0.1.
"""
from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Callable, NamedTuple

from ui.nav import PAGES

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
HOST = "127.0.0.1"
DONE_STATUSES = {0, 1, 3}  # ForwardMsg.script_finished: finished, compile error, fragment finished (2 = cut short)
# Headless, no telemetry, no file watcher: what every non-interactive server of the project runs with.
FLAGS = ["--server.headless=true", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"]


class ServerError(RuntimeError):
    """The server exited or did not answer its health check in time."""


class Server(NamedTuple):
    proc: subprocess.Popen
    port: int
    log: Path | None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def pid(self) -> int:
        return self.proc.pid


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def page_addresses() -> list[str]:
    """The url path of every page in the navigation's order (ui/nav.py); home is served at "" (the root)."""
    return ["" if p.url == "home" else p.url for p in PAGES]


def healthy(port: int, host: str = HOST) -> bool:
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def wait_healthy(port: int, wait: float, host: str = HOST, proc: subprocess.Popen | None = None) -> bool:
    """Poll the health check until it answers 200 (True), `wait` seconds pass or `proc` exits (False)."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        if healthy(port, host):
            return True
        time.sleep(0.1)
    return False


def launch(port: int | None = None, log: Path | None = None, extra: list[str] | tuple = (), own_session=False,
           ) -> Server:
    """`streamlit run app.py` on 127.0.0.1 (a free port unless given), not waiting for it. `own_session`: not in
    the caller's process group, so a Ctrl-C in the terminal reaches only the caller, which then stops it.

    The log goes to a file (or nowhere): a pipe nobody reads would fill up and block the server."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), f"--server.address={HOST}", f"--server.port={port}",
           *FLAGS, *extra]
    if log is not None:
        log.parent.mkdir(parents=True, exist_ok=True)
    out = log.open("wb") if log is not None else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=own_session)
    if log is not None:
        out.close()  # the child keeps its own handle
    return Server(proc, port, log)


def ready(server: Server, wait: float = 60) -> Server:
    """The launched server once its health check answers; stops it and raises ServerError if it does not."""
    if not wait_healthy(server.port, wait, proc=server.proc):
        code = server.proc.poll()
        stop(server.proc)
        why = f"exited with {code}" if code is not None else f"did not become healthy within {wait:.0f} s"
        raise ServerError(f"streamlit {why}" + (f"; see {server.log}" if server.log else ""))
    return server


def start(port: int | None = None, log: Path | None = None, extra: list[str] | tuple = (), wait: float = 60,
          ) -> Server:
    """launch() and wait until healthy; raises ServerError otherwise."""
    return ready(launch(port, log, extra), wait)


def stop(proc: subprocess.Popen, grace: float = 10) -> None:
    """Terminate this one process, kill it if it does not end within `grace` seconds."""
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def rerun_request(page: str, query: str = "", widgets=(), fragment_id: str = "", page_script_hash: str = ""):
    """The BackMsg a browser sends to run `page` (url path) with these WidgetStates. A browser on a page also sends
    that page's script hash (`page_script_hash`, from the run's navigation message): a rerun the server starts by itself
    (st.rerun in a fragment) takes the page from it, and without it falls back to the default page."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    msg.rerun_script.page_name = page
    msg.rerun_script.page_script_hash = page_script_hash
    msg.rerun_script.query_string = query
    msg.rerun_script.widget_states.widgets.extend(widgets)
    if fragment_id:
        msg.rerun_script.fragment_id = fragment_id
    return msg


async def run_script(ws, request, timeout: float, on_message: Callable | None = None) -> int:
    """Send one rerun request on an open websocket and read ForwardMsgs until the run ends; its status.

    `on_message(forward_msg, size_in_bytes)` sees every message of the run. Raises TimeoutError."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    await ws.send(request.SerializeToString())
    async with asyncio.timeout(timeout):
        while True:
            raw = await ws.recv()
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            if on_message is not None:
                on_message(fm, len(raw))
            if fm.WhichOneof("type") == "script_finished" and fm.script_finished in DONE_STATUSES:
                return fm.script_finished


def connect(port: int, host: str = HOST, **kw):
    """An open Streamlit websocket session (async context manager), as a browser tab has."""
    import websockets

    return websockets.connect(f"ws://{host}:{port}/_stcore/stream", subprotocols=["streamlit"], max_size=None,
                              ping_interval=None, **kw)


def problem_in(fm, page: str) -> str:
    """What a ForwardMsg says went wrong on `page` ("" when nothing): page not found or an exception box."""
    kind = fm.WhichOneof("type")
    if kind == "page_not_found" and page:
        return "page not found"
    if kind == "delta" and fm.delta.WhichOneof("type") == "new_element" \
            and fm.delta.new_element.WhichOneof("type") == "exception":
        return f"exception: {fm.delta.new_element.exception.type}"
    return ""


async def press(ws, page: str, key: str, query: str = "", timeout: float = 120) -> str:
    """Open `page` and click the button whose widget key is `key` in the same session; a problem or ""."""
    ids, problems = [], []

    def find(fm, _size):
        if fm.WhichOneof("type") == "delta" and fm.delta.WhichOneof("type") == "new_element":
            el = fm.delta.new_element
            kind = el.WhichOneof("type")
            wid = getattr(getattr(el, kind), "id", "") if kind else ""
            if isinstance(wid, str) and wid.endswith(f"-{key}"):
                ids.append(wid)
        if p := problem_in(fm, page):
            problems.append(p)

    await run_script(ws, rerun_request(page, query), timeout, find)
    if not ids:
        return f"no button {key} on /{page}"
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    await run_script(ws, rerun_request(page, query, [WidgetState(id=ids[0], trigger_value=True)]), timeout, find)
    return "; ".join(problems)


async def visit_all(port: int, host: str = HOST, langs=("en", "zh"), timeout: float = 120,
                    ) -> list[tuple[str, str, float, str]]:
    """Open every page once per language in one session: (lang, "/address", seconds, problem or "")."""
    out = []
    async with connect(port, host) as ws:
        for lang in langs:
            for address in page_addresses():
                problems: list[str] = []

                def note(fm, _size, address=address):
                    if p := problem_in(fm, address):
                        problems.append(p)

                t0 = time.perf_counter()
                if await run_script(ws, rerun_request(address, f"lang={lang}"), timeout, note) == 1:
                    problems.append("compile error")
                out.append((lang, "/" + address, time.perf_counter() - t0, "; ".join(problems)))
    return out
