"""Presses that must rerun only their part of the page, not the whole page (what the browser sends and what the
server redraws, over Streamlit's websocket): p4's and p5's Step (ui/position_steps.py) and choosing an answer in
a checkpoint (ui/checkpoint.py)."""
import asyncio
import concurrent.futures

import pytest

from benchmarks.widgets import PageView
from scripts import live_server


async def _press(port: int, page: str, key: str) -> tuple[PageView, PageView]:
    """Open `page`, then press the button `key` (or choose a radio's first option) as the browser would."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    async with live_server.connect(port) as ws:
        first = PageView({})
        await live_server.run_script(ws, live_server.rerun_request(page, "lang=en"), 60, first.see)
        kind, wid, proto = first.widgets[key]
        sent = dict(first.values)
        sent[wid] = (WidgetState(id=wid, string_value=proto.options[0]) if kind == "radio"
                     else WidgetState(id=wid, trigger_value=True))
        second = PageView(sent)
        request = live_server.rerun_request(page, "lang=en", sent.values(), first.fragment_of.get(wid, ""))
        await live_server.run_script(ws, request, 60, second.see)
        return first, second


@pytest.mark.parametrize("page,key", [("language-models", "p4_step"), ("skipgram-cbow", "p5_step"),
                                      ("personality", "cp_p1_stretch")])
def test_a_press_reruns_only_its_part(warm_server, page, key):
    port = int(warm_server.rsplit(":", 1)[1])
    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # Playwright's sync API owns this thread's loop
        first, second = pool.submit(asyncio.run, _press(port, page, key)).result(timeout=150)
    wid = first.widgets[key][1]
    assert first.fragment_of.get(wid), f"{key} is not drawn inside a fragment"
    assert not second.exceptions, second.exceptions
    # The press's run redraws its part (the pressed widget among it) and far less than the whole page.
    assert key in second.widgets and second.deltas < first.deltas / 2, (second.deltas, first.deltas)


async def _sequence(port: int, page: str, keys: list[str]) -> list[tuple[int, int]]:
    """Press `keys` one after the other as the browser does (each press to the fragment it was drawn in, with the
    page's script hash): (run status, widgets drawn) per press."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    out = []
    async with live_server.connect(port) as ws:
        view = PageView({})
        await live_server.run_script(ws, live_server.rerun_request(page, "lang=en"), 60, view.see)
        for key in keys:
            wid = view.widgets[key][1]
            sent = {**view.values, wid: WidgetState(id=wid, trigger_value=True)}
            new = PageView(sent)
            status = await live_server.run_script(ws, live_server.rerun_request(
                page, "lang=en", sent.values(), view.fragment_of.get(wid, ""), view.page_hash), 30, new.see)
            out.append((status, len(new.widgets)))
            if status == 3:  # the fragment's own run: the page around it stays
                view.widgets.update(new.widgets)
                view.values.update(new.values)
                view.fragment_of.update(new.fragment_of)
            else:
                new.page_hash = new.page_hash or view.page_hash
                view = new
    return out


def test_play_and_pause_rerun_the_page_then_step_reruns_only_the_view(warm_server):
    """Play and Pause switch the fragment's timer (a whole-page run started from inside the fragment); the Step
    after them still reaches the view's fragment (a press sent to a fragment the page dropped would be ignored)."""
    port = int(warm_server.rsplit(":", 1)[1])
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        runs = pool.submit(asyncio.run, _sequence(port, "skipgram-cbow", ["p5_play", "p5_play", "p5_step",
                                                                          "p5_step"])).result(timeout=150)
    (play, _), (pause, page_widgets), (step, view_widgets), (step2, _) = runs
    assert play == pause == 0 and step == step2 == 3, runs  # 0: a whole run; 3: the fragment's own run
    assert view_widgets < page_widgets, runs
