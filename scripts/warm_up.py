"""Open every page once on a freshly started server, as a teacher would before class (`make run` does it for you).

Why it matters:
1. The very first session on a new Streamlit server resolves the address against the *file names* in pages/ before
   app.py has declared its own page addresses, so a student's shared link such as /analogies would first flash a
   "Page not found" box (Streamlit's multipage v1 fallback, streamlit#9624). Once app.py has run one time, every
   later session resolves /analogies directly.
2. The first visit of a page pays for imports, loading GloVe and training page 4's small model; after that all
   sessions share them (st.cache_resource), so the first student is as fast as the thirtieth.

Usage: python scripts/warm_up.py [PORT] [--host 127.0.0.1] [--wait 120]
It waits until the server answers its health check, then runs every page in both languages over Streamlit's
websocket protocol (the one the browser speaks) and prints how long each took. Exit status 1 if a page failed.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ui.nav import PAGES  # noqa: E402

RUN_TIMEOUT = 120.0  # seconds one page may take on a cold server (numba and jieba load on first use)


def wait_healthy(host: str, port: int, wait: float) -> bool:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{host}:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


async def visit_all(host: str, port: int, langs=("en", "zh")) -> list[tuple[str, str, float, str]]:
    """(lang, page address, seconds, problem or "") for every page, in the navigation's order."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    out = []
    async with websockets.connect(f"ws://{host}:{port}/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None, ping_interval=None) as ws:
        for lang in langs:
            for page in PAGES:
                address = "" if page.url == "home" else page.url  # the home page lives at "/"
                msg = BackMsg()
                msg.rerun_script.page_name = address
                msg.rerun_script.query_string = f"lang={lang}"
                t0, problem = time.perf_counter(), ""
                await ws.send(msg.SerializeToString())
                async with asyncio.timeout(RUN_TIMEOUT):
                    while True:
                        fm = ForwardMsg()
                        fm.ParseFromString(await ws.recv())
                        kind = fm.WhichOneof("type")
                        if kind == "page_not_found" and address:
                            problem = "page not found"
                        elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element" \
                                and fm.delta.new_element.WhichOneof("type") == "exception":
                            problem = f"exception: {fm.delta.new_element.exception.type}"
                        elif kind == "script_finished" and fm.script_finished != 2:  # 2: cut short by a newer run
                            break
                out.append((lang, "/" + address, time.perf_counter() - t0, problem))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("port", nargs="?", type=int, default=8501)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--wait", type=float, default=120.0, help="seconds to wait for the server to start")
    args = ap.parse_args(argv)
    if not wait_healthy(args.host, args.port, args.wait):
        print(f"warm-up: no Streamlit server answered on {args.host}:{args.port}", file=sys.stderr)
        return 1
    try:
        visits = asyncio.run(visit_all(args.host, args.port))
    except (OSError, TimeoutError) as exc:
        print(f"warm-up: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    failed = [v for v in visits if v[3]]
    total = sum(v[2] for v in visits)
    print(f"warm-up: opened {len(visits)} pages (en + zh) in {total:.1f} s"
          + "".join(f"\n  {lang} {page}: {problem}" for lang, page, _, problem in failed), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
