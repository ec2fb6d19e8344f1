"""Class pulse under load, the simulated people: a teacher whose tally fragment polls like the browser's, and
students who join from the link, answer p1's checkpoint, move their own slider and poll the follow state.

Each person is one Streamlit websocket session (benchmarks/widgets.py learns the widgets). The browser's
`run_every` is a client-side timer: the server sends `auto_rerun` (interval, fragment id) and the browser asks for
that fragment's rerun; these clients do the same. Only ever targets 127.0.0.1.
"""
from __future__ import annotations

import asyncio
import json
import random
import time

from benchmarks.students import FRAGMENT_DONE, Stats
from benchmarks.widgets import PageView
from scripts import live_server

PAGE, CP = "personality", "p1.stretch"   # the page the class works on and its checkpoint
RADIO, CHECK, SLIDER = "cp_p1_stretch", "cp_p1_stretch_check", "p1_scale"
TIMEOUT = 60.0


class Person:
    """One tab: its session, what it shows, its query string, and the fragments it polls (id -> interval)."""

    def __init__(self, n: int, port: int, stats: Stats, query: str):
        self.n, self.port, self.stats, self.query = n, port, stats, query
        self.rng = random.Random(2000 + n)
        self.view, self.ws = PageView({}), None
        self.fragments: dict[str, float] = {}
        self.chart: list | None = None   # the tally chart's counts, when this run drew it

    def _see(self, view: PageView):
        def see(fm, size):
            view.see(fm, size)
            kind = fm.WhichOneof("type")
            if kind == "auto_rerun":
                self.fragments[fm.auto_rerun.fragment_id] = fm.auto_rerun.interval
            elif kind == "page_info_changed":
                self.query = fm.page_info_changed.query_string   # the browser's address bar follows the server
            elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                el = fm.delta.new_element
                if el.WhichOneof("type") == "plotly_chart" and f"pulse_chart_{CP}" in el.plotly_chart.id:
                    self.chart = json.loads(el.plotly_chart.spec)["data"][0]["y"]
        return see

    async def rerun(self, action: str, states=(), fragment: str = "", page: str = PAGE) -> float | None:
        """One rerun as the browser sends it (every widget's value, the action's on top); its send time."""
        sent = dict(self.view.values)
        for st in states:
            sent[st.id] = st
        view, t0 = PageView(sent), time.perf_counter()
        request = live_server.rerun_request(page, self.query, sent.values(), fragment,
                                            self.view.page_hash if page else "")
        try:
            status = await live_server.run_script(self.ws, request, TIMEOUT, self._see(view))
        except TimeoutError:
            self.stats.error(action, f"timeout after {TIMEOUT:.0f} s")
            return None
        self.stats.latency[action].append(time.perf_counter() - t0)
        for e in view.exceptions:
            self.stats.error(action, f"exception delta: {e} (person {self.n})")
        if status == 1:
            self.stats.error(action, "compile error")
        if status != FRAGMENT_DONE:   # a whole run (also one a fragment asked for with st.rerun)
            self.view = view
        else:  # a fragment's run redrew only its own widgets: the page around it stays as it was
            self.view.values.update(view.values)
            self.view.widgets.update(view.widgets)
            self.view.fragment_of.update(view.fragment_of)
        return t0

    def fragment_of(self, widget) -> str:
        """The fragment a widget was drawn in ("" for the page): the browser reruns only that fragment."""
        return self.view.fragment_of.get(widget[1], "")

    def widget(self, key: str):
        if key not in self.view.widgets:
            self.stats.missing[key] += 1
            return None
        return self.view.widgets[key]


class Student(Person):
    """Joins, answers the checkpoint once early (`first` answer times feed the tally lag), then changes it, moves
    its own slider, and polls the follow state every 2 s, all in one session as a browser tab does."""

    def __init__(self, n: int, port: int, stats: Stats, code: str, answers: dict, first: list):
        super().__init__(n, port, stats, f"lang={'en' if n % 2 else 'zh'}&class={code}")
        self.answers, self.first = answers, first

    async def answer(self) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState
        radio, check = self.widget(RADIO), self.widget(CHECK)
        if radio is None or check is None:
            return
        label = self.rng.choice(list(radio[2].options))
        await self.rerun("choose", [WidgetState(id=radio[1], string_value=label)], fragment=self.fragment_of(radio))
        check = self.widget(CHECK)
        if check is None:
            return
        sent = await self.rerun("check", [WidgetState(id=check[1], trigger_value=True)],
                                fragment=self.fragment_of(check))
        if sent is not None:
            if self.n not in self.answers:
                self.first.append(sent)
            self.answers[self.n] = list(radio[2].options).index(label)

    async def slide(self) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState
        slider = self.widget(SLIDER)
        if slider is not None:
            st = WidgetState(id=slider[1])
            st.string_array_value.data.append(self.rng.choice(list(slider[2].options)))
            await self.rerun("own slider", [st])

    async def attend(self, until: float, first_within: float) -> None:
        try:
            async with live_server.connect(self.port, open_timeout=30) as ws:
                self.ws = ws
                await self.rerun("join", page="")  # the join link (the root); following moves it to the teacher's page
                first_at = time.time() + self.rng.uniform(1, first_within)
                next_poll, next_act = time.time() + 2, first_at
                while time.time() < until:
                    now = time.time()
                    await asyncio.sleep(max(0.0, min(next_poll, next_act) - now))
                    if time.time() >= until:
                        break
                    if next_poll <= next_act:
                        await self.rerun("follow poll", fragment=next(iter(self.fragments), ""))
                        next_poll = time.time() + 2
                    else:
                        await (self.answer() if self.rng.random() < 0.6 or self.n not in self.answers
                               else self.slide())
                        next_act = time.time() + self.rng.uniform(3, 8)
        except Exception as exc:
            self.stats.error("connection", f"student {self.n}: {type(exc).__name__}: {exc}"[:300])


class Teacher(Person):
    """Opens the teacher link on p1 and lets its tally fragment poll; moves its slider now and then (the class
    follows). `seen` records (receive time, answered) after each tally refresh."""

    def __init__(self, port: int, stats: Stats, code: str, key: str):
        super().__init__(-1, port, stats, f"lang=en&class={code}&teach={key}")
        self.seen: list[tuple[float, int]] = []

    async def teach(self, until: float) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState
        try:
            async with live_server.connect(self.port, open_timeout=30) as ws:
                self.ws = ws
                await self.rerun("teacher open")
                tally = next((f for f, s in self.fragments.items() if abs(s - 1.5) < 0.01), "")
                next_move = time.time() + 20
                while time.time() < until:
                    await asyncio.sleep(1.5)
                    self.chart = None
                    await self.rerun("tally refresh", fragment=tally)
                    if self.chart is not None:
                        self.seen.append((time.perf_counter(), int(sum(self.chart))))
                    if time.time() >= next_move and (slider := self.widget(SLIDER)):
                        st = WidgetState(id=slider[1])
                        st.string_array_value.data.append(self.rng.choice(list(slider[2].options)))
                        await self.rerun("teacher moves", [st])
                        next_move = time.time() + 20
        except Exception as exc:
            self.stats.error("connection", f"teacher: {type(exc).__name__}: {exc}"[:300])
