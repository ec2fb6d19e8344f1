"""Session churn soak: for M minutes, S short sessions arrive through `make serve`'s balancer, use a few pages
(a third of them train once on the lab page) and leave. Does each replica's memory plateau?

A session is a Streamlit websocket (benchmarks/students.py) that opens a page, does 3-6 actions 1-3 s apart and
closes. Arrivals are spread evenly over the run. Every 5 s the RSS of each replica is sampled from /proc.

First a probe: 20 sessions open every page and train once, stay open, then leave: MB per open session and what is
left per session once they left. Then the churn. Reported per replica: RSS when warm (after the probe), the peak up
to the run's half-way point ("minute 10" of 20), the peak over the last quarter ("the last 5 minutes"), RSS once
every session has left and the disconnected-session TTL has passed, and the growth per session (MB per 100
sessions) in the first and the second half of the run. The target: the last quarter's peak within 10 % of the
half-way peak, and at most 1 GB.

    python -m benchmarks.soak [--minutes 20] [--sessions 400] [--replicas 2]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
import urllib.request

from benchmarks.procstats import rss_mb
from benchmarks.students import PAGES, Stats, Student, summarize
from scripts import live_server, serve

RUN_DIR = live_server.ROOT / "test-artifacts" / "soak-serve"
SAMPLE_S = 5.0
TTL_S = 120  # Streamlit's server.disconnectedSessionTTL default; .streamlit/config.toml may set less


def streamlit_metrics(port: int) -> dict:
    """What Streamlit says it holds (its /_stcore/metrics): sessions with a live websocket, session-state entries
    of every session it still keeps (connected or not), bytes in st.cache_data."""
    try:
        with urllib.request.urlopen(f"http://{live_server.HOST}:{port}/_stcore/metrics", timeout=5) as r:
            text = r.read().decode()
    except OSError:
        return {}
    out = {"active_sessions": 0, "session_state_entries": 0, "cache_data_bytes": 0}
    for line in text.splitlines():
        name, _, value = line.rpartition(" ")
        if line.startswith("active_sessions"):
            out["active_sessions"] = int(float(value))
        elif 'cache_type="st_session_state"' in name:
            out["session_state_entries"] += int(float(value))
        elif name.startswith("cache_memory_bytes") and 'cache_type="st_cache_data"' in name:
            out["cache_data_bytes"] += int(float(value))
    return out


async def one_session(i: int, port: int, stats: Stats, rng: random.Random) -> None:
    s = Student(i, port, "zh" if i % 2 else "en", stats)
    try:
        async with live_server.connect(port, open_timeout=30) as ws:
            s.ws = ws
            await s.visit(rng.choice(PAGES))
            for _ in range(rng.randint(3, 6)):
                await asyncio.sleep(rng.uniform(1.0, 3.0))
                await s.act(s.pick())
            if i % 3 == 0:  # a third of the class trains on the lab page at least once
                await asyncio.sleep(rng.uniform(1.0, 3.0))
                await s.act("p7_train")
    except Exception as exc:
        stats.error("connection", f"session {i}: {type(exc).__name__}: {exc}"[:300])


async def probe(port: int, pids: list[int], k: int, settle_s: float) -> dict:
    """What a session holds: k sessions open every page and train once, stay open, then leave. MB per session
    (summed over the replicas) while they are open, and what is left once they left and the TTL passed."""
    stats = Stats()
    base = rss_mb(pids)
    opened, leave = asyncio.Event(), asyncio.Event()
    ready = []

    async def tour(i: int) -> None:
        s = Student(10_000 + i, port, "zh" if i % 2 else "en", stats)
        async with live_server.connect(port, open_timeout=30) as ws:
            s.ws = ws
            for page in PAGES:
                await s.visit(page)
            await s.act("p7_train")
            ready.append(i)
            if len(ready) == k:
                opened.set()
            await leave.wait()

    tasks = [asyncio.create_task(tour(i)) for i in range(k)]
    await asyncio.wait_for(opened.wait(), 600)
    await asyncio.sleep(SAMPLE_S)
    held = rss_mb(pids)
    leave.set()
    await asyncio.gather(*tasks)
    await asyncio.sleep(settle_s)
    left = rss_mb(pids)
    return {"sessions": k, "mb_per_open_session": round((held - base) / k, 2),
            "mb_per_session_after_leaving": round((left - base) / k, 2), "errors": sum(stats.errors.values())}


async def churn(port: int, replicas: list, sessions: int, seconds: float, samples: list) -> Stats:
    """Start `sessions` sessions evenly over `seconds`, sampling every replica's RSS until all have left."""
    stats, rng = Stats(), random.Random(7)
    t0 = time.monotonic()
    started = []

    async def sample():
        while True:
            rss = [round(rss_mb([r.pid]), 1) for r in replicas]
            samples.append((round(time.monotonic() - t0, 1), len(started), rss,
                            [streamlit_metrics(r.port) for r in replicas]))
            await asyncio.sleep(SAMPLE_S)

    sampler = asyncio.create_task(sample())
    tasks = []
    for i in range(sessions):
        await asyncio.sleep(max(0.0, t0 + i * seconds / sessions - time.monotonic()))
        started.append(i)
        tasks.append(asyncio.create_task(one_session(i, port, stats, rng)))
    await asyncio.gather(*tasks)
    sampler.cancel()
    return stats


def peak(samples: list, lo: float, hi: float, r: int) -> float:
    return max((s[2][r] for s in samples if lo <= s[0] <= hi), default=0.0)


def growth_per_100(samples: list, lo: float, hi: float, r: int) -> float | None:
    """MB per 100 sessions started, between the samples nearest to `lo` and `hi` seconds (all replicas share the
    arrivals, so each replica sees about 1/N of them)."""
    inside = [s for s in samples if lo <= s[0] <= hi]
    if len(inside) < 2 or inside[-1][1] == inside[0][1]:
        return None
    n_rep = len(inside[0][2])
    return round(100 * (inside[-1][2][r] - inside[0][2][r]) / ((inside[-1][1] - inside[0][1]) / n_rep), 1)


def main(minutes: float = 20, sessions: int = 400, replicas: int = 2, settle_s: float = TTL_S + 30,
         probe_sessions: int = 20) -> dict:
    seconds = 60 * minutes
    samples: list = []
    cluster = serve.start(replicas, live_server.free_port(), run_dir=RUN_DIR)
    try:
        pids = [r.pid for r in cluster.replicas]
        per_session = asyncio.run(probe(cluster.port, pids, probe_sessions, settle_s)) if probe_sessions else {}
        warm = [round(rss_mb([p]), 1) for p in pids]
        stats = asyncio.run(churn(cluster.port, cluster.replicas, sessions, seconds, samples))
        left_at = time.monotonic()
        at_leave = [streamlit_metrics(r.port) for r in cluster.replicas]
        time.sleep(settle_s)  # every session has left: wait for Streamlit to drop the disconnected ones
        after_ttl = [round(rss_mb([p]), 1) for p in pids]
        kept = [streamlit_metrics(r.port) for r in cluster.replicas]
        waited = round(time.monotonic() - left_at)
    finally:
        cluster.stop()
    per = []
    for r in range(replicas):
        half, last_q = peak(samples, 0, seconds / 2, r), peak(samples, 0.75 * seconds, seconds, r)
        per.append({"warm_mb": warm[r], "peak_half_mb": half, "peak_last_quarter_mb": last_q,
                    "after_all_left_and_ttl_mb": after_ttl[r],
                    "streamlit_when_all_left": at_leave[r], "streamlit_after_settle": kept[r],
                    "mb_per_100_sessions_first_half": growth_per_100(samples, 0, seconds / 2, r),
                    "mb_per_100_sessions_second_half": growth_per_100(samples, seconds / 2, seconds, r),
                    "plateau": bool(last_q <= 1.1 * half and last_q <= 1024)})
    lat = stats.all_latencies()
    return {"minutes": minutes, "sessions": sessions, "replicas": replicas, "reruns": len(lat),
            "overall": summarize(lat), "errors": sum(stats.errors.values()), "error_samples": stats.error_samples,
            "missing_widgets": dict(stats.missing), "settle_s": waited, "replica_mb": per, "per_session": per_session,
            "targets_met": all(p["plateau"] for p in per) and not stats.errors,
            "samples": samples}


def format_result(r: dict) -> str:
    lines = [f"soak: {r['sessions']} sessions over {r['minutes']} min through the balancer, {r['replicas']} "
             f"replicas: {r['reruns']} reruns, p95 {r['overall'].get('p95_ms')} ms, errors {r['errors']}"]
    for i, p in enumerate(r["replica_mb"]):
        lines.append(f"  r{i + 1}: warm {p['warm_mb']} MB, peak by half-time {p['peak_half_mb']} MB, peak in the last "
                     f"quarter {p['peak_last_quarter_mb']} MB, {r['settle_s']} s after all left "
                     f"{p['after_all_left_and_ttl_mb']} MB; MB per 100 sessions {p['mb_per_100_sessions_first_half']}"
                     f" then {p['mb_per_100_sessions_second_half']}; plateau {p['plateau']}")
    if r.get("per_session"):
        q = r["per_session"]
        lines.append(f"  per session ({q['sessions']} that open every page and train once): "
                     f"{q['mb_per_open_session']} MB while open, {q['mb_per_session_after_leaving']} MB left after "
                     f"they left and the TTL passed")
    lines += [f"  ERROR {e}" for e in r["error_samples"][:5]]
    return "\n".join(lines)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=20)
    ap.add_argument("--sessions", type=int, default=400)
    ap.add_argument("--replicas", type=int, default=2)
    ap.add_argument("--settle", type=float, default=TTL_S + 30, help="seconds to wait after the last session left")
    ap.add_argument("--probe", type=int, default=20, help="sessions of the per-session probe (0: none)")
    ap.add_argument("--json", help="also write the full result (with every sample) to this file")
    a = ap.parse_args()
    res = main(a.minutes, a.sessions, a.replicas, a.settle, a.probe)
    print(format_result(res))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(res, f, indent=1)
