"""Simulated students: each one a Streamlit websocket session that visits pages and presses the buttons a class
presses (stepper steps, analogies, skip-gram steps, training runs), timing every rerun. Only targets 127.0.0.1."""
from __future__ import annotations

import random
import statistics
import time
from collections import Counter, defaultdict

from benchmarks.widgets import PageView
from scripts import live_server

PAGES = live_server.page_addresses()
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
FRAGMENT_DONE = 3  # ForwardMsg.script_finished of a fragment's own run (0: a whole run, also one a fragment asked for)


class Stats:
    """Latencies per action, errors (with a few samples) and widgets a scenario needed but did not find."""

    def __init__(self):
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter = Counter()
        self.error_samples: list[str] = []
        self.missing: Counter = Counter()

    def error(self, action: str, text: str) -> None:
        self.errors[action] += 1
        if len(self.error_samples) < 20:
            self.error_samples.append(f"{action}: {text}")

    def all_latencies(self) -> list[float]:
        return [v for vs in self.latency.values() for v in vs]


def summarize(values: list[float]) -> dict:
    ms = sorted(v * 1000 for v in values)
    if not ms:
        return {"n": 0}
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 1), "p95_ms": round(p95, 1),
            "max_ms": round(ms[-1], 1)}


class Student:
    """One browser tab: `ws` is its open session; `page`, `widgets`, `values` what the tab shows now."""

    def __init__(self, n: int, port: int, lang: str, stats: Stats):
        self.n, self.port, self.lang, self.stats = n, port, lang, stats
        self.rng = random.Random(1000 + n)
        self.page: str | None = None
        self.view = PageView({})
        self.ws = None
        self.history: list[str] = []  # this student's recent actions, reported with an error
        self.last_bytes = self.last_deltas = 0

    @property
    def widgets(self) -> dict:
        return self.view.widgets

    async def rerun(self, action: str, page: str, states: list | None = None) -> bool:
        """One rerun: send, read until script_finished, record latency and errors. True when it finished."""
        same_page = page == self.page
        # Like the browser: every widget's current value on this page, the action's changes on top.
        sent = dict(self.view.values) if same_page else {}
        for st in states or []:
            sent[st.id] = st
        # A widget inside an st.fragment reruns only its fragment, as the browser asks for.
        fragments = {self.view.fragment_of.get(st.id) for st in states or []} - {None} if same_page else set()
        fragment = fragments.pop() if len(fragments) == 1 else ""
        request = live_server.rerun_request(page, f"lang={self.lang}", sent.values(), fragment,
                                            self.view.page_hash if same_page else "")
        self.history = (self.history + [action])[-6:]
        view = PageView(sent)
        t0 = time.perf_counter()
        try:
            status = await live_server.run_script(self.ws, request, TIMEOUT, view.see)
        except TimeoutError:
            self.stats.error(action, f"timeout after {TIMEOUT:.0f} s")
            return False
        except Exception as exc:  # connection dropped, bad frame
            self.stats.error(action, f"{type(exc).__name__}: {exc}"[:300])
            raise
        self.stats.latency[action].append(time.perf_counter() - t0)
        self.last_bytes, self.last_deltas = view.bytes, view.deltas
        for e in view.exceptions:
            self.stats.error(action, f"exception delta: {e} (student {self.n}, {self.lang}, after "
                                     f"{' > '.join(self.history[:-1])})")
        if status == 1:
            self.stats.error(action, "compile error")
        if status == FRAGMENT_DONE:  # a fragment's run redrew only its elements: the page around it stays
            self.view.widgets.update(view.widgets)
            self.view.values.update(view.values)
            self.view.fragment_of.update(view.fragment_of)
        else:
            self.page, self.view = page, view
        return True

    async def visit(self, page: str) -> None:
        await self.rerun(f"visit:{page or 'home'}", page)

    def state_for(self, kind: str, sub, what: str):
        """The WidgetState of pressing a button or picking a random option (None: nothing usable)."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        st = WidgetState(id=sub.id)
        if what == "trigger":
            st.trigger_value = True
        elif kind in ("selectbox", "radio") and sub.options:
            st.string_value = self.rng.choice(list(sub.options))
        elif kind == "button_group" and sub.options:
            st.string_array_value.data.append(self.rng.choice([o.content for o in sub.options]))
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
        needed = ["p3_positive", "p3_negative"] if what == "analogy" else [key]
        if missing := [k for k in needed if k not in self.widgets]:
            for k in missing:
                self.stats.missing[k] += 1
            return
        if what == "analogy":
            pos, neg = self.rng.choice(ANALOGIES)
            states = [WidgetState(id=self.widgets[k][1], string_value=v)
                      for k, v in (("p3_positive", pos), ("p3_negative", neg))]
        else:
            kind, _, sub = self.widgets[key]
            states = [self.state_for(kind, sub, what)]
            if states[0] is None:
                self.stats.missing[f"{key} ({kind}: no usable value)"] += 1
                return
        await self.rerun(name, page, states)

    def pick(self) -> str:
        """A random scenario, weighted as a class does."""
        names = list(SCENARIOS)
        return self.rng.choices(names, [SCENARIOS[n][0] for n in names])[0]

    async def attend(self, until: float, think: tuple[float, float]) -> None:
        """Arrive from a shared link, then act every `think` seconds until `until` (time.time())."""
        import asyncio

        try:
            async with live_server.connect(self.port, open_timeout=30) as ws:
                self.ws = ws
                await self.visit(self.rng.choice(PAGES))
                while time.time() < until:
                    await asyncio.sleep(self.rng.uniform(*think))
                    if time.time() >= until:
                        break
                    await self.act(self.pick())
        except Exception as exc:
            self.stats.error("connection", f"student {self.n}: {type(exc).__name__}: {exc}"[:300])
