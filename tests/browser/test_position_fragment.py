"""p4's and p5's step buttons live in the fragment they move (ui/position_steps.py): a press of Step reruns only
that view, not the whole page (what the browser sends and what the server redraws, over Streamlit's websocket)."""
import asyncio
import concurrent.futures

import pytest

from benchmarks.widgets import PageView
from scripts import live_server


async def _step(port: int, page: str, key: str) -> tuple[PageView, PageView]:
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    async with live_server.connect(port) as ws:
        first = PageView({})
        await live_server.run_script(ws, live_server.rerun_request(page, "lang=en"), 60, first.see)
        wid = first.widgets[key][1]
        sent = dict(first.values)
        sent[wid] = WidgetState(id=wid, trigger_value=True)
        second = PageView(sent)
        request = live_server.rerun_request(page, "lang=en", sent.values(), first.fragment_of.get(wid, ""))
        await live_server.run_script(ws, request, 60, second.see)
        return first, second


@pytest.mark.parametrize("page,key", [("language-models", "p4_step"), ("skipgram-cbow", "p5_step")])
def test_step_reruns_only_its_view(warm_server, page, key):
    port = int(warm_server.rsplit(":", 1)[1])
    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # Playwright's sync API owns this thread's loop
        first, second = pool.submit(asyncio.run, _step(port, page, key)).result(timeout=150)
    wid = first.widgets[key][1]
    assert first.fragment_of.get(wid), f"{key} is not drawn inside a fragment"
    assert not second.exceptions, second.exceptions
    # The step's run redraws the view (its buttons among it) and far less than the whole page.
    assert key in second.widgets and second.deltas < first.deltas / 2, (second.deltas, first.deltas)
