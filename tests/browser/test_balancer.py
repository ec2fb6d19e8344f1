"""`make serve` through its real balancer (HAProxy, 2 replicas): two students land on different replicas and stay
there across page changes and a reload; a replica that dies sends only its own students through Streamlit's
reconnect; `make stop` ends exactly what `make serve` started.

Which replica served a request is read on the server side: the X-W2V-Replica header HAProxy adds to every response
and HAProxy's runtime API (`show stat`). The page itself shows nothing of it.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from urllib.parse import urlencode

import pytest

from scripts import live_browser, live_server, serve
from ui.i18n import t

RUN_DIR = live_server.ROOT / "test-artifacts" / "serve"


@pytest.fixture(scope="module")
def cluster():
    """`python -m scripts.serve --replicas 2` on a free port; stopped at the end if a test did not stop it."""
    if why := serve.haproxy_missing():
        pytest.fail(why)
    port = live_server.free_port()
    proc = subprocess.Popen([sys.executable, "-m", "scripts.serve", "--replicas", "2", "--port", str(port),
                             "--bind", "127.0.0.1", "--run-dir", str(RUN_DIR), "--no-umap"],
                            cwd=live_server.ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    first = proc.stdout.readline()  # printed once every replica is warm and haproxy answers
    if not first.startswith("serving on"):
        proc.wait(30)
        pytest.fail(f"make serve did not start: {first}{proc.stdout.read()}")
    info = {"proc": proc, "url": f"http://127.0.0.1:{port}", "pids": json.loads((RUN_DIR / "pids.json").read_text())}
    yield info
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)  # Ctrl-C
        proc.wait(60)


def track(page) -> dict:
    """Record, for this tab, the replica named on every HTTP response and how many websockets it opened."""
    seen = {"replicas": set(), "websockets": 0}
    page.on("response", lambda r: seen["replicas"].add(r.headers.get("x-w2v-replica")) if r.url.startswith(
        "http://127.0.0.1") else None)
    page.on("websocket", lambda ws: seen.__setitem__("websockets", seen["websockets"] + 1))
    return seen


def open_via(page, url: str, path: str = "", **query) -> str:
    """Open a page through the balancer, wait for its run; the replica that served the document."""
    before = page.w2v_done
    response = page.goto(f"{url}/{path}" + (f"?{urlencode(query)}" if query else ""))
    live_browser.settle(page, before, 60)
    return response.headers.get("x-w2v-replica")


def wait_for(predicate, timeout: float = 30, page=None) -> bool:
    """Poll `predicate`; with a page, wait through Playwright so its websocket events keep arriving."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        page.wait_for_timeout(200) if page is not None else time.sleep(0.2)
    return False


def heading(page) -> str:
    return page.get_by_role("heading", level=1).first.inner_text()


@pytest.fixture(scope="module")
def students(cluster, browser):
    """Two students (English and Chinese) who opened the app through the balancer."""
    tabs = {}
    for lang, locale in (("en", "en-US"), ("zh", "zh-CN")):
        ctx = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
        page = ctx.new_page()
        page.set_default_timeout(30_000)
        live_browser.watch(page)
        seen = track(page)
        tabs[lang] = {"ctx": ctx, "page": page, "seen": seen, "replica": open_via(page, cluster["url"], lang=lang)}
    yield tabs
    for tab in tabs.values():
        tab["ctx"].close()


def test_two_students_land_on_different_replicas_and_stay(cluster, students, nav, assert_clean):
    en, zh = students["en"], students["zh"]
    assert {en["replica"], zh["replica"]} == {"r1", "r2"}, "leastconn + cookie spread two students"
    # Server side: each replica holds exactly one open websocket (one Streamlit session).
    assert wait_for(lambda: all(s["scur"] == 1 for s in serve.replica_stats(RUN_DIR).values())), \
        serve.replica_stats(RUN_DIR)
    for lang, tab in students.items():
        page = tab["page"]
        for key in ("p3", "p1", "p3"):  # page changes happen inside the session's websocket
            nav(page, t(f"nav.{key}", lang=lang))
            assert heading(page).startswith(key[1:]), heading(page)
        assert tab["seen"]["websockets"] == 1, "a page change must not open a new session"
        before = page.w2v_done
        page.reload()  # a new websocket: the cookie must bring it back to the same replica
        live_browser.settle(page, before, 60)
        assert tab["seen"]["websockets"] == 2
        assert heading(page).startswith("3"), "the reload reopened the same page"
        assert tab["seen"]["replicas"] == {tab["replica"]}, f"{lang}: served by {tab['seen']['replicas']}"
        assert_clean(page)
    assert t("nav.p3", lang="zh") in zh["page"].get_by_test_id("stSidebarNav").inner_text(), "still in Chinese"
    assert all(s["scur"] == 1 for s in serve.replica_stats(RUN_DIR).values())


def test_a_dead_replica_reconnects_only_its_students(cluster, students, nav, assert_clean):
    victim, bystander = students["en"], students["zh"]
    pid = cluster["pids"]["replicas"][int(victim["replica"][1:]) - 1]
    sockets = victim["seen"]["websockets"]
    other_sockets = bystander["seen"]["websockets"]
    os.kill(pid, signal.SIGKILL)
    # Streamlit's own reconnect: the tab shows "Connecting", opens a new websocket, which haproxy sends to the live
    # replica, and carries on there. The next action runs in a fresh session on that replica (the dead one's
    # memory is gone; the widgets' values come back from the tab itself).
    page = victim["page"]
    assert wait_for(lambda: victim["seen"]["websockets"] > sockets, timeout=60, page=page), "no reconnect"
    nav(page, t("nav.p1", lang="en"))
    assert heading(page).startswith("1") and not page.get_by_test_id("stException").count()
    assert wait_for(lambda: serve.replica_stats(RUN_DIR)[victim["replica"]]["status"].startswith("DOWN"))
    assert serve.replica_stats(RUN_DIR)[bystander["replica"]]["scur"] == 2, "both students on the live replica"
    # The other student never noticed: same websocket, same replica, and the app still answers.
    other = bystander["page"]
    assert bystander["seen"]["websockets"] == other_sockets
    nav(other, t("nav.p1", lang="zh"))
    assert heading(other).startswith("1")
    assert bystander["seen"]["replicas"] == {bystander["replica"]}
    assert_clean(other)


def test_make_stop_ends_exactly_what_serve_started(cluster, server_url):
    pids = cluster["pids"]
    run = subprocess.run([sys.executable, "-m", "scripts.serve", "--stop", "--run-dir", str(RUN_DIR)],
                         cwd=live_server.ROOT, capture_output=True, text=True, timeout=90)
    assert run.returncode == 0 and run.stdout.startswith("stopped"), run.stdout + run.stderr
    assert cluster["proc"].wait(30) == 0
    for pid in [pids["haproxy"], *pids["replicas"]]:
        assert not os.path.exists(f"/proc/{pid}") or "Z" in open(f"/proc/{pid}/stat").read().split()[2], pid
    assert not (RUN_DIR / "pids.json").exists()
    assert live_server.healthy(int(server_url.rsplit(":", 1)[1])), "another Streamlit server was left alone"
