"""ui/heap.py: after a full collection the survivors are frozen (later full collections skip them), garbage made
after that is still freed, and after THAW_S the old heap is thawed so cycles that died among it are freed too."""
from __future__ import annotations

import gc
import weakref

import pytest

from apptest import open_page
from ui import heap


class Node:
    """A reference cycle: only the cyclic collector can free it."""

    def __init__(self):
        self.me = self


@pytest.fixture
def policy(monkeypatch):
    """The policy installed in this process for one test, and this process as it was afterwards."""
    _uninstall()
    monkeypatch.setitem(heap._state, "thawed_at", heap.time.monotonic())
    heap.install()
    yield heap
    _uninstall()


def _uninstall():
    while heap._after_collection in gc.callbacks:
        gc.callbacks.remove(heap._after_collection)
    heap._state["installed"] = False
    gc.unfreeze()


def test_a_full_collection_freezes_its_survivors(policy):
    heap.install()  # a second install does not add a second callback
    assert gc.callbacks.count(heap._after_collection) == 1
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert gc.get_freeze_count() > 1000  # the test process's own long-lived objects, at least


def test_garbage_made_after_the_freeze_is_still_freed(policy):
    gc.collect()
    frozen = gc.get_freeze_count()
    young = weakref.ref(Node())
    assert young() is not None  # a cycle: reference counting alone cannot free it
    gc.collect()
    assert young() is None
    assert gc.get_freeze_count() >= frozen


def test_after_thaw_s_old_cycles_are_freed(policy, monkeypatch):
    old = Node()
    probe = weakref.ref(old)
    gc.collect()  # `old` survives (still referenced) and is frozen
    del old
    gc.collect()
    assert probe() is not None  # frozen: a full collection does not look at it
    monkeypatch.setitem(heap._state, "thawed_at", heap.time.monotonic() - heap.THAW_S - 1)
    gc.collect()  # this one ends by thawing the old heap ...
    assert gc.get_freeze_count() == 0
    gc.collect()  # ... and the next one frees the dead cycle among it
    assert probe() is None


def test_the_app_installs_it():
    _uninstall()
    try:
        open_page("pages/about.py")
        assert gc.callbacks.count(heap._after_collection) == 1
    finally:
        _uninstall()
