"""Fixtures for the class store tests: a store in a fresh temporary data folder with a clock the test moves."""
import pytest

from classroom import Limits, SqliteClassStore


class Clock:
    """A settable time source, so expiry and rate windows are tested without sleeping."""

    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def make_store(tmp_path, clock):
    """make_store(**limits) -> a SqliteClassStore in tmp_path with those Limits and the test's clock."""
    def make(**limits):
        return SqliteClassStore(tmp_path / "classes.sqlite3", limits=Limits(**limits), clock=clock)
    return make
