"""Presses that must rerun only their part of the page, not the whole page (what the browser sends and what the
server redraws, over Streamlit's websocket): p4's and p5's Step (ui/position_steps.py)."""
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


@pytest.mark.parametrize("page,key", [("language-models", "p4_step"), ("skipgram-cbow", "p5_step")])
def test_a_press_reruns_only_its_part(warm_server, page, key):
    port = int(warm_server.rsplit(":", 1)[1])
    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # Playwright's sync API owns this thread's loop
        first, second = pool.submit(asyncio.run, _press(port, page, key)).result(timeout=150)
    wid = first.widgets[key][1]
    assert first.fragment_of.get(wid), f"{key} is not drawn inside a fragment"
    assert not second.exceptions, second.exceptions
    # The press's run redraws its part (the pressed widget among it) and far less than the whole page.
    assert key in second.widgets and second.deltas < first.deltas / 2, (second.deltas, first.deltas)
