"""A classroom at once: N simulated students drive one local `streamlit run app.py` for D seconds.

Each student is one websocket session speaking Streamlit's own protocol (the same one the browser speaks):
`ws://127.0.0.1:<port>/_stcore/stream`, subprotocol "streamlit", `BackMsg(rerun_script=ClientState(...))` with
the page's url path and widget states, then `ForwardMsg`s until `script_finished`. Widget ids are learned from
the deltas of each page's first render (a keyed widget's id ends with `-<key>`). Only ever targets 127.0.0.1.

Reported: p50/p95/max latency per action (send -> script_finished), errors (exception deltas, compile errors,
timeouts, dropped connections; must be 0), widgets a scenario needed but the page did not show, and the server's
memory (VmRSS sampled during the run, VmHWM at the end, from /proc).

    python benchmarks/load_test.py [students] [seconds] [--think=LO,HI] [--replicas=N] [--json]
    python benchmarks/load_test.py --profile      (each action alone: latency, server CPU, bytes, deltas)
"""
from __future__ import annotations

import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import warm_up as warm  # noqa: E402  (scripts/warm_up.py: what `make run` does to a fresh server)

# Url paths of the pages (app.py's PAGES); home is the default page, whose url path is "".
PAGES = ["", "personality", "word-embeddings", "analogies", "language-models", "skipgram-cbow",
         "negative-sampling", "training-lab", "projector", "about"]
ANALOGIES = [("king, woman", "man"), ("paris, germany", "france"), ("walking, swam", "walked"),
             ("tokyo, china", "japan"), ("queen, man", "woman"), ("big, small", "bigger")]

# name -> (weight, page, what to do). Weights: what a class does most (step, query) happens most.
SCENARIOS = {
    "p6_next": (5, "negative-sampling", ("trigger", "p6_next")),
    "p6_run100": (2, "negative-sampling", ("trigger", "p6_run100")),
    "p3_query": (4, "analogies", ("analogy", None)),
    "p3_preset": (2, "analogies", ("choose", "p3_preset")),
    "p5_step": (4, "skipgram-cbow", ("trigger", "p5_step")),
    "p7_train": (1, "training-lab", ("trigger", "p7_train")),
    "visit": (3, None, ("visit", None)),
}
TIMEOUT = 60.0  # a rerun slower than this counts as an error


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_mem(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (peak) of a process in MB, from /proc/<pid>/status."""
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                name, value = line.split(":", 1)
                out[name] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return out


LOG = ROOT / "test-artifacts" / "load-test-server.log"


def proc_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (all its threads), from /proc/<pid>/stat."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def start_server(port: int) -> subprocess.Popen:
    # showErrorDetails=full: an exception delta then names the error (the app's config redacts it for users).
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address=127.0.0.1",
           f"--server.port={port}", "--server.headless=true", "--browser.gatherUsageStats=false",
           "--server.fileWatcherType=none", "--client.showErrorDetails=full"]
    LOG.parent.mkdir(exist_ok=True)
    # The server's log goes to a file: a pipe nobody reads would fill up and block the server.
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=LOG.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: see {LOG}")
        if warm.wait_healthy("127.0.0.1", port, 1.0):
            return proc
    stop_server(proc)
    raise RuntimeError("streamlit did not become healthy within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def widget_info(element) -> tuple[str, str, object] | None:
    """(element type, widget id, sub-proto) when the element is a widget with an id."""
    kind = element.WhichOneof("type")
    if kind is None:
        return None
    sub = getattr(element, kind)
    wid = getattr(sub, "id", "")
    if isinstance(wid, str) and wid.startswith("$$ID-"):
        return kind, wid, sub
    return None


def widget_value(kind: str, sub):
    """The WidgetState the browser would send for this widget as the server drew it (None: a trigger or a kind we
    do not model). The frontend starts from the proto's default and takes a server-set value (set_value)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    st = WidgetState(id=sub.id)
    set_value = getattr(sub, "set_value", False)
    if kind == "checkbox":
        st.bool_value = sub.value if set_value else sub.default
    elif kind in ("radio", "selectbox"):
        if set_value and sub.HasField("raw_value"):
            st.string_value = sub.raw_value
        elif sub.HasField("default") and 0 <= sub.default < len(sub.options):
            st.string_value = sub.options[sub.default]
        else:
            return None
    elif kind in ("text_input", "text_area"):
        st.string_value = sub.value if set_value and sub.HasField("value") else (sub.default or "")
    elif kind == "slider":
        if sub.options:  # select_slider: indices by default, formatted options once set
            values = list(sub.raw_value) if set_value and sub.raw_value else [sub.options[int(i)] for i in sub.default]
            st.string_array_value.data.extend(values)
        else:
            st.double_array_value.data.extend(list(sub.value) if set_value and sub.value else list(sub.default))
    elif kind == "number_input":
        if set_value and sub.HasField("value"):
            st.double_value = sub.value
        elif sub.HasField("default"):
            st.double_value = sub.default
        else:
            return None
    elif kind == "multiselect":
        values = list(sub.raw_values) if set_value else [sub.options[i] for i in sub.default]
        st.string_array_value.data.extend(values)
    else:  # buttons (triggers), data editors, uploaders...: nothing to resend
        return None
    return st


def user_key(widget_id: str) -> str | None:
    """`$$ID-<hash>-<key>` -> key (None for widgets without a user key)."""
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[2] else None


class Student:
    def __init__(self, n: int, port: int, lang: str, stats: "Stats"):
        self.n, self.port, self.lang, self.stats = n, port, lang, stats
        self.rng = random.Random(1000 + n)
        self.page: str | None = None
        self.widgets: dict[str, tuple[str, str, object]] = {}  # key -> (kind, id, proto) on the current page
        self.fragment_of: dict[str, str] = {}  # widget id -> id of the st.fragment it was drawn in
        self.values: dict[str, object] = {}  # widget id -> WidgetState, every widget of the current page (as a browser)
        self.ws = None
        self.history: list[str] = []  # this student's recent actions, reported with an error

    async def rerun(self, action: str, page: str, states: list | None = None) -> bool:
        """One rerun: send, read until script_finished, record latency and errors. True when it finished."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = BackMsg()
        cs = msg.rerun_script
        cs.page_name = page
        cs.query_string = f"lang={self.lang}"
        # Like the browser: every widget's current value on this page, the action's changes on top.
        sent = dict(self.values) if page == self.page else {}
        for st in states or []:
            sent[st.id] = st
        cs.widget_states.widgets.extend(sent.values())
        # A widget inside an st.fragment reruns only its fragment, as the browser asks for.
        fragments = {self.fragment_of.get(st.id) for st in states or []} - {None} if page == self.page else set()
        if len(fragments) == 1:
            cs.fragment_id = fragments.pop()
        self.history = (self.history + [action])[-6:]
        t0 = time.perf_counter()
        widgets: dict[str, tuple[str, str, object]] = {}
        values: dict[str, object] = {}
        fragment_of: dict[str, str] = {}
        exceptions: list[str] = []
        status = None
        self.last_bytes = self.last_deltas = 0
        try:
            await self.ws.send(msg.SerializeToString())
            async with asyncio.timeout(TIMEOUT):
                while True:
                    fm = ForwardMsg()
                    raw = await self.ws.recv()
                    fm.ParseFromString(raw)
                    self.last_bytes += len(raw)
                    kind = fm.WhichOneof("type")
                    self.last_deltas += kind == "delta"
                    if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                        el = fm.delta.new_element
                        if el.WhichOneof("type") == "exception":
                            exceptions.append(f"{el.exception.type}: {el.exception.message}"[:300])
                        info = widget_info(el)
                        if info:
                            kind, wid, sub = info
                            if user_key(wid):
                                widgets[user_key(wid)] = info
                            if fm.delta.fragment_id:
                                fragment_of[wid] = fm.delta.fragment_id
                            # the value the student's browser now holds: what it just sent, unless the server set one
                            value = sent.get(wid) if not getattr(sub, "set_value", False) else None
                            if value is None or value.WhichOneof("value") == "trigger_value":
                                value = widget_value(kind, sub)
                            if value is not None:
                                values[wid] = value
                    elif kind == "script_finished":
                        status = fm.script_finished
                        if status in (0, 1, 3):
                            break
                        # 2 = cut short by a newer rerun: cannot happen with one request at a time; keep reading
        except TimeoutError:
            self.stats.error(action, f"timeout after {TIMEOUT:.0f} s")
            return False
        except Exception as exc:  # connection dropped, bad frame
            self.stats.error(action, f"{type(exc).__name__}: {exc}"[:300])
            raise
        dt = time.perf_counter() - t0
        self.stats.latency[action].append(dt)
        for e in exceptions:
            self.stats.error(action, f"exception delta: {e} (student {self.n}, {self.lang}, after "
                                     f"{' > '.join(self.history[:-1])})")
        if status == 1:
            self.stats.error(action, "compile error")
        if cs.fragment_id:  # a fragment run redraws only its own elements: keep what the page showed around it
            self.widgets.update(widgets)
            self.values.update(values)
            self.fragment_of.update(fragment_of)
        else:
            self.page = page
            self.widgets = widgets
            self.values = values
            self.fragment_of = fragment_of
        return True

    async def visit(self, page: str) -> None:
        await self.rerun(f"visit:{page or 'home'}", page)

    def state_for(self, key: str, kind: str, sub, what: str):
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        st = WidgetState(id=sub.id)
        if what == "trigger":
            st.trigger_value = True
        elif kind in ("selectbox", "radio"):
            options = list(sub.options)
            if not options:
                return None
            st.string_value = self.rng.choice(options)
        elif kind == "button_group":
            options = [o.content for o in sub.options]
            if not options:
                return None
            st.string_array_value.data.append(self.rng.choice(options))
        else:
            return None
        return st

    async def act(self, name: str) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        _, page, (what, key) = SCENARIOS[name]
        if what == "visit":
            await self.visit(self.rng.choice(PAGES))
            return
        if self.page != page:
            await self.visit(page)
        if what == "analogy":
            needed = ["p3_positive", "p3_negative"]
            if any(k not in self.widgets for k in needed):
                for k in needed:
                    if k not in self.widgets:
                        self.stats.missing[k] += 1
                return
            pos, neg = self.rng.choice(ANALOGIES)
            states = [WidgetState(id=self.widgets[k][1], string_value=v)
                      for k, v in (("p3_positive", pos), ("p3_negative", neg))]
            await self.rerun(name, page, states)
            return
        if key not in self.widgets:
            self.stats.missing[key] += 1
            return
        kind, _, sub = self.widgets[key]
        st = self.state_for(key, kind, sub, what)
        if st is None:
            self.stats.missing[f"{key} ({kind}: no usable value)"] += 1
            return
        await self.rerun(name, page, [st])

    async def run(self, until: float, think: tuple[float, float]) -> None:
        import websockets

        names = list(SCENARIOS)
        weights = [SCENARIOS[n][0] for n in names]
        try:
            async with websockets.connect(f"ws://127.0.0.1:{self.port}/_stcore/stream", subprotocols=["streamlit"],
                                          max_size=None, open_timeout=30, ping_interval=None) as ws:
                self.ws = ws
                await self.visit(self.rng.choice(PAGES))  # arriving from a shared link
                while time.time() < until:
                    await asyncio.sleep(self.rng.uniform(*think))
                    if time.time() >= until:
                        break
                    await self.act(self.rng.choices(names, weights)[0])
        except Exception as exc:
            self.stats.error("connection", f"student {self.n}: {type(exc).__name__}: {exc}"[:300])


class Stats:
    def __init__(self):
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter = Counter()
        self.error_samples: list[str] = []
        self.missing: Counter = Counter()

    def error(self, action: str, text: str) -> None:
        self.errors[action] += 1
        if len(self.error_samples) < 20:
            self.error_samples.append(f"{action}: {text}")


def summarize(values: list[float]) -> dict:
    ms = sorted(v * 1000 for v in values)
    if not ms:
        return {"n": 0}
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 1), "p95_ms": round(p95, 1),
            "max_ms": round(ms[-1], 1)}


async def warm_up(port: int) -> dict[str, float]:
    """The teacher opens every page once before class, as `make run` does (scripts/warm_up.py, both languages).
    Seconds per page of the first (English) pass on the fresh server."""
    visits = await warm.visit_all("127.0.0.1", port)
    problems = [v for v in visits if v[3]]
    if problems:
        raise RuntimeError(f"warm-up failed: {problems}")
    return {f"visit:{page.strip('/') or 'home'}": round(sec, 2) for lang, page, sec, _ in visits if lang == "en"}


async def _drive(ports: list[int], pids: list[int], students: int, seconds: float, think,
                 mem_samples: list) -> Stats:
    stats = Stats()
    until = time.time() + seconds
    langs = ["zh", "en"]
    # Sticky sessions: student i always talks to replica i % len(ports), as ip_hash/cookie affinity does.
    crowd = [Student(i, ports[i % len(ports)], langs[i % 2], stats) for i in range(students)]

    async def sample_memory():
        while time.time() < until + 5:
            mem_samples.append(sum(proc_mem(pid).get("VmRSS", 0.0) for pid in pids))
            await asyncio.sleep(1)

    sampler = asyncio.create_task(sample_memory())
    # Students arrive over the first two seconds, as a class does after the teacher shares the link.
    tasks = []
    for s in crowd:
        tasks.append(asyncio.create_task(s.run(until, think)))
        await asyncio.sleep(2.0 / max(1, students))
    await asyncio.gather(*tasks)
    sampler.cancel()
    return stats


def main(students: int = 30, seconds: float = 60, think: tuple[float, float] = (2.0, 8.0), replicas: int = 1) -> dict:
    """Run the classroom and return the figures (also what run_all.py stores in results.json).

    `think`: seconds a student waits between actions (uniform). 2-8 s is a student reading the new step before
    clicking again (~6 reruns/s for 30 students); (0.5, 1.5) is a stress test. Server CPU per rerun is reported
    too: 1000 / that = reruns per second one server core can hold, whatever else the machine is doing.
    `replicas`: that many `streamlit run` processes, each student sticky to one (the README's deployment).
    Memory figures are the sum over the replicas.
    """
    ports = [free_port() for _ in range(replicas)]
    procs: list[subprocess.Popen] = []
    mem_samples: list[float] = []
    try:
        for port in ports:
            procs.append(start_server(port))
        cold = asyncio.run(warm_up(ports[0]))
        for port in ports[1:]:
            asyncio.run(warm_up(port))
        pids = [p.pid for p in procs]
        idle = sum(proc_mem(pid).get("VmRSS", 0) for pid in pids)
        load_before = os.getloadavg()
        cpu0 = sum(proc_cpu_seconds(pid) for pid in pids)
        t0 = time.time()
        stats = asyncio.run(_drive(ports, pids, students, seconds, think, mem_samples))
        wall = time.time() - t0
        cpu = sum(proc_cpu_seconds(pid) for pid in pids) - cpu0
        load_after = os.getloadavg()
        end_rss = sum(proc_mem(pid).get("VmRSS", 0) for pid in pids)
        hwm = sum(proc_mem(pid).get("VmHWM", 0) for pid in pids)
    finally:
        for proc in procs:
            stop_server(proc)
    all_lat = [v for vs in stats.latency.values() for v in vs]
    overall = summarize(all_lat)
    result = {
        "students": students, "seconds": seconds, "think_s": list(think), "replicas": replicas,
        "wall_s": round(wall, 1), "cold_first_visit_s": cold, "reruns": len(all_lat),
        "reruns_per_s": round(len(all_lat) / wall, 1) if wall else 0.0,
        "overall": overall,
        # Server CPU per rerun does not depend on what else runs on the machine; latency does (see loadavg).
        "server_cpu_s": round(cpu, 1), "server_cpu_ms_per_rerun": round(1000 * cpu / max(1, len(all_lat)), 1),
        "loadavg_1min_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        "actions": {k: summarize(v) for k, v in sorted(stats.latency.items())},
        "errors": sum(stats.errors.values()), "errors_by_action": dict(stats.errors),
        "error_samples": stats.error_samples,
        "missing_widgets": dict(stats.missing),
        "server_mb": {"warm_rss": round(idle, 1), "max_rss_sampled": round(max(mem_samples, default=0), 1),
                      "end_rss": round(end_rss, 1), "hwm": round(hwm, 1)},
    }
    result["targets_met"] = bool(overall.get("p95_ms", 1e9) < 500 and result["errors"] == 0
                                 and result["server_mb"]["hwm"] < 1024 * replicas)
    return result


async def _profile(port: int, pid: int, repeats: int) -> dict:
    """One student, one action at a time: latency and server CPU of each action without contention."""
    import websockets

    stats = Stats()
    out: dict[str, dict] = {}
    s = Student(0, port, "en", stats)
    async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None, ping_interval=None) as ws:
        s.ws = ws
        for page in PAGES:  # warm the shared caches (GloVe, models) first: a class meets a warm server
            await s.visit(page)
        jobs = [(f"visit:{p or 'home'}", None, p) for p in PAGES] + [(n, n, None) for n in SCENARIOS if n != "visit"]
        for label, scenario, page in jobs:
            cpu, wall, size, deltas = [], [], [], []
            for _ in range(repeats):
                if scenario and s.page != SCENARIOS[scenario][1]:
                    await s.visit(SCENARIOS[scenario][1])
                elif page is not None:
                    await s.visit("" if page else "about")  # arrive from another page, as a visit does
                c0, t0 = proc_cpu_seconds(pid), time.perf_counter()
                await (s.act(scenario) if scenario else s.visit(page))
                wall.append(time.perf_counter() - t0)
                cpu.append(proc_cpu_seconds(pid) - c0)
                size.append(s.last_bytes)
                deltas.append(s.last_deltas)
            out[label] = {"wall_ms_median": round(1000 * statistics.median(wall), 1),
                          "server_cpu_ms_median": round(1000 * statistics.median(cpu), 1),
                          "kb_sent": round(statistics.median(size) / 1024, 1), "deltas": statistics.median(deltas)}
    out["errors"] = stats.error_samples
    return out


def profile(repeats: int = 5) -> dict:
    """Cost of each action alone (python benchmarks/load_test.py --profile)."""
    port = free_port()
    proc = start_server(port)
    try:
        return asyncio.run(_profile(port, proc.pid, repeats))
    finally:
        stop_server(proc)


def format_result(r: dict) -> str:
    lines = [f"load: {r['students']} students x {r['seconds']} s on {r.get('replicas', 1)} server(s) "
             f"(think {r['think_s'][0]}-{r['think_s'][1]} s): "
             f"{r['reruns']} reruns ({r['reruns_per_s']}/s), p50 {r['overall'].get('p50_ms')} ms, "
             f"p95 {r['overall'].get('p95_ms')} ms, max {r['overall'].get('max_ms')} ms, errors {r['errors']}, "
             f"server RSS warm {r['server_mb']['warm_rss']} MB, max {r['server_mb']['max_rss_sampled']} MB "
             f"(HWM {r['server_mb']['hwm']} MB), "
             f"server CPU {r['server_cpu_ms_per_rerun']} ms/rerun, loadavg {r['loadavg_1min_before_after']}"]
    lines.append(f"  first visits on a fresh server (s): {r['cold_first_visit_s']}")
    for name, s in r["actions"].items():
        if s["n"]:
            lines.append(f"  {name:28s} n={s['n']:4d}  p50 {s['p50_ms']:7.1f}  p95 {s['p95_ms']:7.1f}  "
                         f"max {s['max_ms']:7.1f} ms")
    if r["missing_widgets"]:
        lines.append(f"  widgets not on their page (action skipped): {r['missing_widgets']}")
    for e in r["error_samples"][:10]:
        lines.append(f"  ERROR {e}")
    return "\n".join(lines)


if __name__ == "__main__" and "--profile" in sys.argv:
    for name, v in profile().items():
        print(f"{name:26s} {v}")
    sys.exit(0)

if __name__ == "__main__":
    pos = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(pos[0]) if pos else 30
    d = float(pos[1]) if len(pos) > 1 else 60
    think = (2.0, 8.0)
    for arg in sys.argv[1:]:
        if arg.startswith("--think="):
            lo, hi = arg.split("=", 1)[1].split(",")
            think = (float(lo), float(hi))
    replicas = next((int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--replicas=")), 1)
    res = main(n, d, think, replicas)
    print(format_result(res))
    if "--json" in sys.argv:
        print(json.dumps(res, indent=1))
