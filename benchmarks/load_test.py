"""A classroom at once: N simulated students (benchmarks/students.py) drive local `streamlit run app.py` servers.

Each student is one websocket session speaking Streamlit's own protocol (the same one the browser speaks):
`ws://127.0.0.1:<port>/_stcore/stream`, subprotocol "streamlit", `BackMsg(rerun_script=ClientState(...))` with
the page's url path and widget states, then `ForwardMsg`s until `script_finished`. Widget ids are learned from
the deltas of each page's first render (a keyed widget's id ends with `-<key>`). Only ever targets 127.0.0.1.

Reported: p50/p95/max latency per action (send -> script_finished), errors (exception deltas, compile errors,
timeouts, dropped connections; must be 0), widgets a scenario needed but the page did not show, and the servers'
memory (VmRSS sampled during the run, VmHWM at the end, from /proc).

    python -m benchmarks.load_test [students] [seconds] [--think=LO,HI] [--replicas=N] [--balancer] [--json]
    python -m benchmarks.load_test --profile      (each action alone: latency, server CPU, bytes, deltas)
"""
from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time

from pathlib import Path

from benchmarks.procstats import proc_cpu_seconds, proc_mem, rss_mb
from benchmarks.students import PAGES, SCENARIOS, Stats, Student, summarize
from scripts import live_server, serve
from scripts import warm_up as warm_up_script

LOG = live_server.ROOT / "test-artifacts" / "load-test-server-{}.log"
# showErrorDetails=full: an exception delta then names the error (the app's config redacts it for users).
SERVER_FLAGS = ["--client.showErrorDetails=full"]
BALANCER_RUN_DIR = live_server.ROOT / "test-artifacts" / "load-test-serve"


def start_server(i: int = 0) -> live_server.Server:
    return live_server.start(log=Path(str(LOG).format(i)), extra=SERVER_FLAGS)


async def warm_up(port: int) -> dict[str, float]:
    """The teacher opens every page once before class, as `make run` does (scripts/warm_up.py, both languages).
    Seconds per page of the first (English) pass on the fresh server."""
    visits = await warm_up_script.warm_visits(port)
    problems = [v for v in visits if v[3]]
    if problems:
        raise RuntimeError(f"warm-up failed: {problems}")
    return {f"visit:{page.strip('/') or 'home'}": round(sec, 2) for lang, page, sec, _ in visits if lang == "en"}


async def _drive(ports: list[int], pids: list[int], students: int, seconds: float, think,
                 mem_samples: list) -> Stats:
    stats = Stats()
    until = time.time() + seconds
    langs = ["zh", "en"]
    # Sticky sessions: student i always talks to port i % len(ports) (a replica, or the one balancer).
    crowd = [Student(i, ports[i % len(ports)], langs[i % 2], stats) for i in range(students)]

    async def sample_memory():
        while time.time() < until + 5:
            mem_samples.append(rss_mb(pids))
            await asyncio.sleep(1)

    sampler = asyncio.create_task(sample_memory())
    # Students arrive over the first two seconds, as a class does after the teacher shares the link.
    tasks = []
    for s in crowd:
        tasks.append(asyncio.create_task(s.attend(until, think)))
        await asyncio.sleep(2.0 / max(1, students))
    await asyncio.gather(*tasks)
    sampler.cancel()
    return stats


def _measure(ports: list[int], pids: list[int], students: int, seconds: float, think) -> dict:
    """Drive the class against warm servers; the raw figures (latencies in `stats`)."""
    mem_samples: list[float] = []
    idle = rss_mb(pids)
    load_before = os.getloadavg()
    cpu0 = sum(proc_cpu_seconds(pid) for pid in pids)
    t0 = time.time()
    stats = asyncio.run(_drive(ports, pids, students, seconds, think, mem_samples))
    return {"stats": stats, "wall": time.time() - t0, "cpu": sum(proc_cpu_seconds(pid) for pid in pids) - cpu0,
            "loadavg": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
            "server_mb": {"warm_rss": round(idle, 1), "max_rss_sampled": round(max(mem_samples, default=0), 1),
                          "end_rss": round(rss_mb(pids), 1),
                          "hwm": round(sum(proc_mem(pid).get("VmHWM", 0) for pid in pids), 1)}}


def main(students: int = 30, seconds: float = 60, think: tuple[float, float] = (2.0, 8.0), replicas: int = 1,
         balancer: bool = False) -> dict:
    """Run the classroom and return the figures (also what run_all.py stores in results.json).

    `think`: seconds a student waits between actions (uniform). 2-8 s is a student reading the new step before
    clicking again (~6 reruns/s for 30 students); (0.5, 1.5) is a stress test. Server CPU per rerun is reported
    too: 1000 / that = reruns per second one server core can hold, whatever else the machine is doing.
    `replicas`: that many `streamlit run` processes, each student sticky to one (the README's deployment).
    `balancer`: through `make serve`'s HAProxy (scripts/serve.py), which spreads and sticks the students itself.
    Memory figures are the sum over the replicas.
    """
    if balancer:
        return _through_balancer(students, seconds, think, replicas)
    servers: list[live_server.Server] = []
    try:
        for i in range(replicas):
            servers.append(start_server(i))
        cold = asyncio.run(warm_up(servers[0].port))
        for server in servers[1:]:
            asyncio.run(warm_up(server.port))
        m = _measure([s.port for s in servers], [s.pid for s in servers], students, seconds, think)
    finally:
        for server in servers:
            live_server.stop(server.proc)
    return report(m, students, seconds, think, replicas, cold)


def _through_balancer(students: int, seconds: float, think, replicas: int) -> dict:
    cluster = serve.start(replicas, live_server.free_port(), run_dir=BALANCER_RUN_DIR, extra=SERVER_FLAGS)
    try:
        pids = [r.pid for r in cluster.replicas]
        m = _measure([cluster.port], pids, students, seconds, think)
        m["balancer_cpu_s"] = round(proc_cpu_seconds(cluster.balancer.pid), 1)
        spread = serve.replica_stats(cluster.run_dir)
    finally:
        cluster.stop()
    result = report(m, students, seconds, think, replicas, cold={})
    result.update(balancer="haproxy", balancer_cpu_s=m["balancer_cpu_s"],
                  connections_per_replica={k: v["stot"] for k, v in spread.items()})
    return result


def report(m: dict, students: int, seconds: float, think, replicas: int, cold: dict) -> dict:
    stats, wall = m["stats"], m["wall"]
    all_lat = stats.all_latencies()
    overall = summarize(all_lat)
    result = {
        "students": students, "seconds": seconds, "think_s": list(think), "replicas": replicas,
        "wall_s": round(wall, 1), "cold_first_visit_s": cold, "reruns": len(all_lat),
        "reruns_per_s": round(len(all_lat) / wall, 1) if wall else 0.0,
        "overall": overall,
        # Server CPU per rerun does not depend on what else runs on the machine; latency does (see loadavg).
        "server_cpu_s": round(m["cpu"], 1),
        "server_cpu_ms_per_rerun": round(1000 * m["cpu"] / max(1, len(all_lat)), 1),
        "loadavg_1min_before_after": m["loadavg"],
        "actions": {k: summarize(v) for k, v in sorted(stats.latency.items())},
        "errors": sum(stats.errors.values()), "errors_by_action": dict(stats.errors),
        "error_samples": stats.error_samples,
        "missing_widgets": dict(stats.missing),
        "server_mb": m["server_mb"],
    }
    result["targets_met"] = bool(overall.get("p95_ms", 1e9) < 500 and result["errors"] == 0
                                 and result["server_mb"]["hwm"] < 1024 * replicas)
    return result


async def _profile(port: int, pid: int, repeats: int) -> dict:
    """One student, one action at a time: latency and server CPU of each action without contention."""
    stats = Stats()
    out: dict[str, dict] = {}
    s = Student(0, port, "en", stats)
    async with live_server.connect(port) as ws:
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
    """Cost of each action alone (python -m benchmarks.load_test --profile)."""
    server = start_server()
    try:
        return asyncio.run(_profile(server.port, server.pid, repeats))
    finally:
        live_server.stop(server.proc)


def format_result(r: dict) -> str:
    via = " behind haproxy" if r.get("balancer") else ""
    lines = [f"load: {r['students']} students x {r['seconds']} s on {r.get('replicas', 1)} server(s){via} "
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
    res = main(n, d, think, replicas, balancer="--balancer" in sys.argv)
    print(format_result(res))
    if "--json" in sys.argv:
        print(json.dumps(res, indent=1))
