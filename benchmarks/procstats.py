"""Memory and CPU time of a running process, from /proc (Linux): what the load and soak benchmarks report."""
from __future__ import annotations

import os
from pathlib import Path


def proc_mem(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (peak) of a process in MB, from /proc/<pid>/status ({} once it is gone)."""
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                name, value = line.split(":", 1)
                out[name] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return out


def rss_mb(pids) -> float:
    """Sum of the current resident memory of these processes, MB."""
    return sum(proc_mem(pid).get("VmRSS", 0.0) for pid in pids)


def proc_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (all its threads), from /proc/<pid>/stat."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0
