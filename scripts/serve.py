"""`make serve`: N warmed Streamlit replicas on 127.0.0.1 behind HAProxy (sticky by cookie), and a clean stop.

    python -m scripts.serve [--replicas N] [--port P] [--bind ADDR] [--run-dir DIR]   (Ctrl-C stops it all)
    python -m scripts.serve --stop [--run-dir DIR]                                     (what `make stop` runs)

What it starts, and nothing else: N `streamlit run app.py` on free 127.0.0.1 ports (each warmed as `make run`
does, sharing one cookie secret so a student moved to another replica keeps working uploads) and one `haproxy`
in the foreground with deploy/haproxy.cfg.in filled in. The run dir holds the generated config, the logs, the
runtime-API socket and `pids.json` (this process, haproxy, the replicas), which `--stop` reads to end exactly
those processes.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from scripts import live_server, warm_up

ROOT = live_server.ROOT
RUN_DIR = ROOT / ".run" / "serve"
TEMPLATE = ROOT / "deploy" / "haproxy.cfg.in"


@dataclass
class Cluster:
    """A running balancer and its replicas (replica i is haproxy's server `r<i+1>`)."""
    port: int
    run_dir: Path
    replicas: list[live_server.Server] = field(default_factory=list)
    balancer: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{live_server.HOST}:{self.port}"

    def pids(self) -> dict:
        return {"serve": os.getpid(), "haproxy": self.balancer.pid if self.balancer else None,
                "replicas": [r.pid for r in self.replicas]}

    def stop(self) -> None:
        """The balancer first (no new requests reach a stopping replica), then every replica."""
        if self.balancer is not None:
            live_server.stop(self.balancer)
        for r in self.replicas:
            live_server.stop(r.proc)
        (self.run_dir / "pids.json").unlink(missing_ok=True)


def render(port: int, bind: str, run_dir: Path, backends: list[tuple[str, str, int]]) -> str:
    """The HAProxy config for these (name, host, port) replicas, from the template."""
    servers = "\n".join(f"    server {name} {host}:{p} cookie {name}" for name, host, p in backends)
    return Template(TEMPLATE.read_text()).substitute(port=port, bind=bind, run_dir=run_dir, servers=servers)


def runtime_api(run_dir: Path, command: str) -> str:
    """One command on haproxy's runtime API socket (e.g. "show stat"); its answer."""
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(5)
        s.connect(str(run_dir / "haproxy.sock"))
        s.sendall(command.encode() + b"\n")
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks).decode()


def replica_stats(run_dir: Path) -> dict[str, dict]:
    """Per replica (r1, r2, ...): open connections (`scur`, websockets included), all so far (`stot`), `status`."""
    rows = runtime_api(run_dir, "show stat").lstrip("# ").splitlines()
    head = rows[0].split(",")
    out = {}
    for row in rows[1:]:
        rec = dict(zip(head, row.split(",")))
        if rec.get("pxname") == "replicas" and rec.get("svname", "").startswith("r"):
            out[rec["svname"]] = {"scur": int(rec["scur"]), "stot": int(rec["stot"]), "status": rec["status"]}
    return out


def haproxy_missing() -> str:
    return "" if shutil.which("haproxy") else "haproxy is missing: run `make balancer` (apt-get install haproxy)"


def start(replicas: int, port: int, bind: str = live_server.HOST, run_dir: Path = RUN_DIR, warm: bool = True,
          extra: list[str] | tuple = (), umap: bool = True) -> Cluster:
    """Start and warm the replicas, then the balancer; healthy through `port` when it returns."""
    if why := haproxy_missing():
        raise live_server.ServerError(why)
    run_dir.mkdir(parents=True, exist_ok=True)
    cluster = Cluster(port, run_dir)
    # One cookie secret for every replica (Streamlit signs its XSRF cookie with it); only the environment can set it.
    os.environ["STREAMLIT_SERVER_COOKIE_SECRET"] = secrets.token_hex(32)
    try:
        # Their own sessions: Ctrl-C reaches this process only, which stops them in order.
        launched = [live_server.launch(log=run_dir / f"replica-r{i + 1}.log", extra=extra,
                                       own_session=True)
                    for i in range(replicas)]
        cluster.replicas = launched  # recorded before waiting, so a failure still stops them all
        for r in launched:
            live_server.ready(r)
        if warm:
            asyncio.run(_warm_all([r.port for r in launched], umap))
        cfg = run_dir / "haproxy.cfg"
        cfg.write_text(render(port, bind, run_dir,
                              [(f"r{i + 1}", live_server.HOST, r.port) for i, r in enumerate(launched)]))
        log = (run_dir / "haproxy.log").open("wb")
        cluster.balancer = subprocess.Popen(["haproxy", "-db", "-f", str(cfg)], stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        if not live_server.wait_healthy(port, 30, proc=cluster.balancer):
            raise live_server.ServerError(f"haproxy did not answer on port {port}; see {run_dir / 'haproxy.log'}")
        (run_dir / "pids.json").write_text(json.dumps(cluster.pids()))
        return cluster
    except BaseException:
        cluster.stop()
        raise


async def _warm_all(ports: list[int], umap: bool = True) -> None:
    """Every replica warmed as `make run` warms its one server (scripts/warm_up.py), all at the same time
    (`umap`: until UMAP's background compile has finished too)."""
    results = await asyncio.gather(*(warm_up.warm_visits(p, umap=umap) for p in ports))
    problems = [v for visits in results for v in visits if v[3]]
    if problems:
        raise live_server.ServerError(f"warm-up failed: {problems}")


def _is(pid: int | None, marker: str) -> bool:
    """Whether `pid` still runs a command containing `marker` (a reused pid is left alone)."""
    try:
        return bool(pid) and marker in Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return False


def stop_running(run_dir: Path = RUN_DIR, wait: float = 30) -> str:
    """`make stop`: ask the serving process to stop its children; end any it left behind. A report line."""
    pid_file = run_dir / "pids.json"
    if not pid_file.exists():
        return f"nothing to stop (no {pid_file.relative_to(ROOT) if pid_file.is_relative_to(ROOT) else pid_file})"
    pids = json.loads(pid_file.read_text())
    if _is(pids["serve"], "scripts.serve"):
        os.kill(pids["serve"], signal.SIGTERM)
        deadline = time.monotonic() + wait
        while _is(pids["serve"], "scripts.serve") and time.monotonic() < deadline:
            time.sleep(0.2)
    left = [(pid, m) for pid, m in [(pids["haproxy"], "haproxy")] + [(p, "streamlit") for p in pids["replicas"]]
            if _is(pid, m)]
    for sig in (signal.SIGTERM, signal.SIGKILL):  # only if the serving process could not stop them itself
        for pid, marker in left:
            if _is(pid, marker):
                os.kill(pid, sig)
        time.sleep(2 if left and sig == signal.SIGTERM else 0)
    pid_file.unlink(missing_ok=True)
    killed = f" ({len(left)} of them killed)" if left else ""
    return f"stopped {2 + len(pids['replicas'])} processes (serve, haproxy, replicas){killed}"


def _interrupt(*_) -> None:
    raise KeyboardInterrupt


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--replicas", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--port", type=int, default=8501, help="the balancer's port (students open this one)")
    ap.add_argument("--bind", default="0.0.0.0", help="the balancer's address (0.0.0.0: reachable by the class)")
    ap.add_argument("--run-dir", type=Path, default=RUN_DIR)
    ap.add_argument("--stop", action="store_true", help="stop the processes a running `make serve` started")
    ap.add_argument("--no-umap", action="store_true", help="do not wait for UMAP's background compile")
    args = ap.parse_args(argv)
    if args.stop:
        print(stop_running(args.run_dir))
        return 0
    if (args.run_dir / "pids.json").exists() and _is(json.loads((args.run_dir / "pids.json").read_text())["serve"],
                                                       "scripts.serve"):
        print(f"already serving from {args.run_dir}: `make stop` first", file=sys.stderr)
        return 1
    for sig in (signal.SIGINT, signal.SIGTERM):  # Ctrl-C and `make stop`, even when started with SIGINT ignored
        signal.signal(sig, _interrupt)
    t0 = time.monotonic()
    try:
        cluster = start(max(1, args.replicas), args.port, args.bind, args.run_dir, umap=not args.no_umap)
    except (live_server.ServerError, OSError) as exc:
        print(f"serve: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    print(f"serving on {args.bind}:{args.port} with {len(cluster.replicas)} warmed replicas "
          f"(ready in {time.monotonic() - t0:.0f} s; Ctrl-C or `make stop` ends it)", flush=True)
    try:
        while cluster.balancer.poll() is None:
            time.sleep(1)
        print(f"serve: haproxy exited with {cluster.balancer.returncode}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        cluster.stop()
        print("serve: stopped", flush=True)


if __name__ == "__main__":
    sys.exit(main())
