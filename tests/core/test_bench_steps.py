"""benchmarks/run_all.py: `--only` re-measures some steps and keeps the others' figures in results.json."""
from __future__ import annotations

import pytest

from benchmarks import run_all


def test_every_step_is_planned_once_with_an_existing_benchmark():
    plan = run_all.plan()
    assert tuple(plan) == run_all.STEPS
    for name, module, _ in plan.values():
        assert (run_all.HERE / f"{module}.py").exists(), name
    assert plan["load_balancer"][2] == (60, 120, (1.0, 3.0), 2, True)  # the busy class of issue 19
    assert plan["pulse"][2] == (40, 120, 1) and plan["pulse_2_replicas"][2] == (40, 120, 2)  # issue 16's class


def test_merge_replaces_only_the_steps_run_and_stamps_them():
    old = {"when_utc": "2026-11-25 10:47", "machine": {"cpus": 2}, "trainer": {"status": "ok", "result": 1},
           "pulse": {"status": "ok", "result": "old"}}
    new = {"when_utc": "2026-11-30 00:55", "machine": {"cpus": 2, "loadavg_1min_at_start": 0.1},
           "pulse": {"status": "ok", "result": "new"}}
    out = run_all.merge(old, new, ["pulse"])
    assert out["trainer"] == old["trainer"] and out["when_utc"] == old["when_utc"]
    assert out["pulse"]["result"] == "new" and out["pulse"]["when_utc"] == "2026-11-30 00:55"
    assert out["pulse"]["machine"]["loadavg_1min_at_start"] == 0.1
    assert old["pulse"]["result"] == "old"  # the old figures are not changed in place


def test_an_unknown_step_is_refused_before_anything_runs(monkeypatch):
    monkeypatch.setattr(run_all, "run_step", lambda *a: pytest.fail("a step ran"))
    with pytest.raises(SystemExit, match="unknown step"):
        run_all.main(only=["pulse", "plse"])
