"""`make bench` step: a class of 40 students on the class pulse for 120 s, on one server, then on two replicas
behind `make serve`'s balancer sharing one store. (Simulated people: benchmarks/pulse_clients.py.)

Reported: p95 of a student's action (join, choose, check, own slider, follow poll), how far the teacher's tally
is behind (from a student's first Check being sent to the first tally refresh that counts it), errors, the servers'
RSS, and whether the store counted every student's latest answer exactly once (its tally against what the students
last sent). Targets: p95 <= 500 ms, tally <= 2.5 s behind, 0 errors, RSS <= 1 GB per server.

    python -m benchmarks.pulse_load [students] [seconds] [--replicas=N]
"""
from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.procstats import proc_cpu_seconds, rss_mb
from benchmarks.pulse_clients import CP, Student, Teacher
from benchmarks.students import Stats, summarize
from scripts import live_server, serve

OPTIONS = ("up", "same", "down")   # p1.stretch's choices in the order its radio draws them (what the store keeps)
RUN_DIR = live_server.ROOT / "test-artifacts" / "pulse-load-serve"


def tally_lag(first: list[float], seen: list[tuple[float, int]]) -> list[float]:
    """For the k-th first answer sent at t: the first tally refresh after t that shows >= k answers, minus t."""
    lags = []
    for k, t in enumerate(sorted(first), start=1):
        shown = next((r for r, n in seen if r >= t and n >= k), None)
        if shown is not None:
            lags.append(shown - t)
    return lags


async def _class(port: int, pids: list[int], students: int, seconds: float, code: str, key: str) -> dict:
    stats, answers, first, rss = Stats(), {}, [], []
    until = time.time() + seconds
    teacher = Teacher(port, stats, code, key)
    tasks = [asyncio.create_task(teacher.teach(until + 3))]
    await asyncio.sleep(3)   # the teacher opens the page first, as in class
    for i in range(students):   # students arrive over ~4 s after the link goes up
        tasks.append(asyncio.create_task(Student(i, port, stats, code, answers, first).attend(until, 30)))
        await asyncio.sleep(4 / students)

    async def sample():
        while time.time() < until:
            rss.append(rss_mb(pids))
            await asyncio.sleep(1)
    tasks.append(asyncio.create_task(sample()))
    await asyncio.gather(*tasks)
    return {"stats": stats, "answers": answers, "first": first, "seen": teacher.seen, "rss": rss}


def main(students: int = 40, seconds: float = 120, replicas: int = 1) -> dict:
    """Start the server(s) with a fresh store, run the class, stop them; the figures."""
    from classroom import SqliteClassStore
    from classroom.sqlite_store import DB_NAME

    data = tempfile.mkdtemp(prefix="pulse-load-")
    os.environ["W2V_DATA_DIR"] = data   # the servers (started below) and this process share one store
    store = SqliteClassStore(Path(data) / DB_NAME)
    code, key = store.create_class()
    flags = ["--client.showErrorDetails=full"]
    cluster = serve.start(replicas, live_server.free_port(), run_dir=RUN_DIR, extra=flags) if replicas > 1 else None
    server = None if cluster else live_server.start(log=RUN_DIR / "server.log", extra=flags)
    try:
        port = cluster.port if cluster else server.port
        pids = [r.pid for r in cluster.replicas] if cluster else [server.pid]
        if not cluster:
            from scripts.warm_up import warm_visits
            asyncio.run(warm_visits(port))
        cpu0, load0, t0 = sum(map(proc_cpu_seconds, pids)), os.getloadavg()[0], time.time()
        run = asyncio.run(_class(port, pids, students, seconds, code, key))
        cpu = sum(map(proc_cpu_seconds, pids)) - cpu0
        wall = time.time() - t0
    finally:
        if cluster:
            cluster.stop()
        else:
            live_server.stop(server.proc)
    tally = store.tally(code, CP)
    shutil.rmtree(data, ignore_errors=True)   # the class's rows: nothing of the run is kept
    return report(run, tally, students, seconds, replicas, cpu, wall, load0)


def report(run: dict, tally, students: int, seconds: float, replicas: int, cpu: float, wall: float,
           load0: float) -> dict:
    stats = run["stats"]
    student_actions = {k: v for k, v in stats.latency.items() if not k.startswith(("teacher", "tally"))}
    overall = summarize([v for vs in student_actions.values() for v in vs])
    lag = summarize(tally_lag(run["first"], run["seen"]))
    expected = Counter(OPTIONS[i] for i in run["answers"].values())
    result = {
        "students": students, "seconds": seconds, "replicas": replicas, "wall_s": round(wall, 1),
        "student_actions": overall, "actions": {k: summarize(v) for k, v in sorted(stats.latency.items())},
        "tally_lag": lag, "tally_refreshes": len(run["seen"]), "first_answers": len(run["first"]),
        "errors": sum(stats.errors.values()), "error_samples": stats.error_samples[:10],
        "missing_widgets": dict(stats.missing),
        "server_rss_mb_max": round(max(run["rss"], default=0), 1), "server_cpu_s": round(cpu, 1),
        "loadavg_1min_at_start": round(load0, 2),
        "store": {"counts": tally.counts, "joined": tally.joined, "answered": tally.answered},
        "counted_exactly_once": dict(tally.counts) == dict(expected) and tally.joined == students,
    }
    result["targets_met"] = bool(overall.get("p95_ms", 1e9) <= 500 and lag.get("p95_ms", 1e9) <= 2500
                                 and result["errors"] == 0 and result["counted_exactly_once"]
                                 and result["server_rss_mb_max"] <= 1024 * replicas)
    return result


def format_result(r: dict) -> str:
    lines = [f"class pulse: {r['students']} students x {r['seconds']} s on {r['replicas']} server(s): student "
             f"actions p50 {r['student_actions'].get('p50_ms')} ms, p95 {r['student_actions'].get('p95_ms')} ms; "
             f"tally behind p50 {r['tally_lag'].get('p50_ms')} ms, p95 {r['tally_lag'].get('p95_ms')} ms, "
             f"max {r['tally_lag'].get('max_ms')} ms ({r['first_answers']} first answers); errors {r['errors']}; "
             f"RSS max {r['server_rss_mb_max']} MB; counted exactly once: {r['counted_exactly_once']} "
             f"{r['store']}; loadavg at start {r['loadavg_1min_at_start']}; targets met: {r['targets_met']}"]
    for name, s in r["actions"].items():
        if s["n"]:
            lines.append(f"  {name:16s} n={s['n']:5d}  p50 {s['p50_ms']:7.1f}  p95 {s['p95_ms']:7.1f}  "
                         f"max {s['max_ms']:7.1f} ms")
    lines += [f"  ERROR {e}" for e in r["error_samples"]]
    if r["missing_widgets"]:
        lines.append(f"  widgets not found (action skipped): {r['missing_widgets']}")
    return "\n".join(lines)


if __name__ == "__main__":
    pos = [a for a in sys.argv[1:] if not a.startswith("--")]
    reps = next((int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--replicas=")), 1)
    print(format_result(main(int(pos[0]) if pos else 40, float(pos[1]) if len(pos) > 1 else 120, reps)))
