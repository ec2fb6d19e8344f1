"""`make bench`: every speed figure of the project in one run, printed compactly and kept in results.json.

1. bench_trainer.main()   trainer vs gensim (core-train)
2. bench_vectors.main()   vector queries / loading (core-vectors)
3. bench_lab.main()       the lab pages: toy-corpus training, PCA/t-SNE sizes, p7/p8 script time (pages-7-8)
   bench_projector.main() UMAP of 5,000 words (first fit in a fresh process, warm fit), PCA of 20,000 words
4. page_reruns.main()     per-page first run and unchanged rerun (AppTest)
5. load_test.main(30, 60) a classroom of 30 students for 60 s on one local server
6. the same class on 2 servers (one per core, students sticky to one: the README's deployment)
7. a busy class through `make serve`'s balancer: 60 students, 1-3 s think time, 120 s, 2 replicas behind HAProxy
8. a short session-churn soak: 60 sessions over 3 minutes through the balancer (per-session memory, RSS curve);
   the 20-minute one (400 sessions) is separate: `make soak`, benchmarks/soak.py
9. class pulse: 40 students joined to one class for 120 s (answers, own slider, follow polls) plus the teacher's
   live tally, on one server, then on 2 replicas behind the balancer sharing the store (benchmarks/pulse_load.py)

Each step is guarded: a missing or failing benchmark is reported and the others still run.

    python -m benchmarks.run_all [--quick]     (--quick: load test with 10 students for 15 s)
    python -m benchmarks.run_all --only=load_balancer,pulse    (those steps again, merged into results.json)
"""
from __future__ import annotations

import contextlib
import importlib
import json
import platform
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results.json"


def machine() -> dict:
    info = {"python": platform.python_version(), "platform": platform.platform(terse=True)}
    try:
        import os

        info["cpus"] = os.cpu_count()
        info["loadavg_1min_at_start"] = round(os.getloadavg()[0], 2)  # other work on the machine skews timings
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["ram_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    for mod in ("streamlit", "numpy", "numba", "gensim"):
        try:
            info[mod] = importlib.import_module(mod).__version__
        except Exception:
            info[mod] = None
    return info


def run_step(name: str, module: str, *args) -> dict:
    """Import benchmarks/<module>.py and call main(*args); report missing or failing ones instead of crashing."""
    if not (HERE / f"{module}.py").exists():
        print(f"[{name}] MISSING: benchmarks/{module}.py is not there yet", flush=True)
        return {"status": "missing"}
    print(f"[{name}] running {module}.main{args if args else '()'} ...", flush=True)
    t0 = time.time()
    counter = _CountingStdout(sys.stdout)
    try:
        mod = importlib.import_module(f"benchmarks.{module}")
        with contextlib.redirect_stdout(counter):
            result = mod.main(*args)
    except BaseException as exc:  # SystemExit from a script-style main counts as a failure too
        if isinstance(exc, KeyboardInterrupt):
            raise
        tb = traceback.format_exc(limit=3)
        print(f"[{name}] FAILED: {type(exc).__name__}: {exc}\n{tb}", flush=True)
        return {"status": "failed", "error": f"{type(exc).__name__}: {exc}"[:500]}
    took = round(time.time() - t0, 1)
    fmt = getattr(mod, "format_result", None)
    if counter.written and not callable(fmt):
        pass  # the benchmark printed its own table; the full figures are in results.json
    elif callable(fmt):
        try:
            print(fmt(result), flush=True)
        except Exception:
            print(compact(result), flush=True)
    else:
        print(compact(result), flush=True)
    print(f"[{name}] done in {took} s", flush=True)
    return {"status": "ok", "seconds": took, "result": result}


class _CountingStdout:
    """Passes writes through and remembers whether anything was printed."""

    def __init__(self, stream):
        self.stream, self.written = stream, 0

    def write(self, text):
        self.written += len(text)
        return self.stream.write(text)

    def flush(self):
        self.stream.flush()


def compact(obj, width: int = 110, limit: int = 40) -> str:
    """A short, readable dump of a nested dict: one line per leaf path, at most `limit` lines."""
    lines: list[str] = []

    def walk(prefix: str, node) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(f"{prefix}.{k}" if prefix else str(k), v)
        elif isinstance(node, (list, tuple)) and len(node) > 6:
            lines.append(f"  {prefix}: [{len(node)} items]")
        else:
            lines.append(f"  {prefix}: {node}"[:width])

    walk("", obj)
    if len(lines) > limit:
        lines = lines[:limit] + [f"  ... ({len(lines) - limit} more in results.json)"]
    return "\n".join(lines)


STEPS = ("trainer", "vectors", "lab", "projector", "page_reruns", "load", "load_2_replicas", "load_balancer",
         "soak_short", "pulse", "pulse_2_replicas")


def plan(quick: bool = False) -> dict:
    """Every step of `make bench`: its key in results.json -> (printed name, module, main's arguments)."""
    size = (10, 15) if quick else (30, 60)
    busy = (10, 15) if quick else (60, 120)
    churn = (1, 15, 2, 30, 4) if quick else (3, 60, 2, 150, 10)  # minutes, sessions, replicas, settle s, probe
    pulse = (10, 20) if quick else (40, 120)
    return {"trainer": ("trainer", "bench_trainer", ()), "vectors": ("vectors", "bench_vectors", ()),
            "lab": ("lab", "bench_lab", ()), "projector": ("projector", "bench_projector", ()),
            "page_reruns": ("page reruns", "page_reruns", ()), "load": ("load", "load_test", size),
            "load_2_replicas": ("load, 2 servers", "load_test", (*size, (2.0, 8.0), 2)),
            "load_balancer": ("load, busy class behind haproxy", "load_test", (*busy, (1.0, 3.0), 2, True)),
            "soak_short": ("session churn (short)", "soak", churn),
            "pulse": ("class pulse, 1 server", "pulse_load", (*pulse, 1)),
            "pulse_2_replicas": ("class pulse, 2 replicas + balancer", "pulse_load", (*pulse, 2))}


def merge(old: dict, new: dict, only: list[str]) -> dict:
    """results.json after re-measuring only the steps `only`: their figures (each stamped with when and on what
    machine it ran) replace the old ones, every other step keeps its own."""
    out = dict(old)
    for key in only:
        out[key] = {**new[key], "when_utc": new["when_utc"], "machine": new["machine"]}
    return out


def main(quick: bool = False, only: list[str] | None = None) -> dict:
    """Run every step (or the steps `only`, merged into the existing results.json) and write results.json."""
    unknown = [k for k in only or [] if k not in STEPS]
    if unknown:
        raise SystemExit(f"unknown step(s) {unknown}; the steps are: {', '.join(STEPS)}")
    out = {"when_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime()), "machine": machine()}
    for key, (name, module, args) in plan(quick).items():
        if not only or key in only:
            out[key] = run_step(name, module, *args)
    if only:
        old = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
        out = merge(old, out, only)
    RESULTS.write_text(json.dumps(out, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    print("\nsummary:")
    for key in only or STEPS:
        print(f"  {key:12s} {out[key]['status']}" + (f" ({out[key]['seconds']} s)" if "seconds" in out[key] else ""))
    print(f"machine: {out['machine']}")
    print(f"written: {RESULTS.relative_to(ROOT)}")
    return out


if __name__ == "__main__":
    steps = next((a.split("=", 1)[1].split(",") for a in sys.argv if a.startswith("--only=")), None)
    main(quick="--quick" in sys.argv, only=steps)
