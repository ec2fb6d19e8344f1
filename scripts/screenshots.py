"""Refresh the README screenshots: assets/screenshots/<page>-<lang>.png from a live app in Debian's chromium.

Usage: `make screenshots` (or `.venv/bin/python scripts/screenshots.py [--lang en zh] [--pages home analogies]`).
It starts its own `streamlit run` on a free 127.0.0.1 port, opens each page through its URL, waits for the run to
finish (the browser tests' websocket technique, imported from tests/browser/conftest.py), and saves the top of the
page (1280 x 800) as a palette PNG so the repository stays small.
"""
from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import conftest as live  # noqa: E402  (the browser-test helpers: _watch, _settle, CHROMIUM, CHROMIUM_ARGS)
from PIL import Image  # noqa: E402

from ui.nav import PAGES  # noqa: E402

OUT = ROOT / "assets" / "screenshots"
LOCALES = {"en": "en-US", "zh": "zh-CN"}


def start_server() -> tuple[subprocess.Popen, str]:
    port = live._free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.address=127.0.0.1",
           f"--server.port={port}", "--server.headless=true", "--browser.gatherUsageStats=false",
           "--server.fileWatcherType=none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("streamlit did not start")


def save_small_png(png: bytes, path: Path, colors: int = 128) -> int:
    """Quantise to a palette: UI screenshots keep their look at a third of the size."""
    img = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT)
    img.save(path, optimize=True)
    return path.stat().st_size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", nargs="+", default=["en", "zh"], choices=sorted(LOCALES))
    ap.add_argument("--pages", nargs="+", default=[p.url for p in PAGES], help="url paths, e.g. home analogies")
    args = ap.parse_args()
    if not os.access(live.CHROMIUM, os.X_OK):
        raise SystemExit(f"{live.CHROMIUM} is missing: run `make browser` first")
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = ROOT / "test-artifacts" / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    os.environ["TMPDIR"] = str(tmp)
    from playwright.sync_api import sync_playwright

    proc, url = start_server()
    total = 0
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=live.CHROMIUM, headless=True, args=live.CHROMIUM_ARGS)
            for lang in args.lang:
                ctx = browser.new_context(locale=LOCALES[lang], viewport={"width": 1280, "height": 800})
                page = ctx.new_page()
                live._watch(page)
                for path in args.pages:
                    before = page.w2v_done
                    route = "" if path == "home" else path  # the default page lives at "/", not "/home"
                    page.goto(f"{url}/{route}?lang={lang}")
                    live._settle(page, before, timeout=120)
                    page.wait_for_timeout(800)  # plotly's first render and web fonts
                    if page.get_by_test_id("stException").count() or page.w2v_errors:
                        print(f"warning: {path} ({lang}) shows an exception or logged {page.w2v_errors}",
                              file=sys.stderr)
                        page.w2v_errors.clear()
                    target = OUT / f"{path}-{lang}.png"
                    size = save_small_png(page.screenshot(), target)
                    total += size
                    print(f"{target.relative_to(ROOT)}  {size / 1024:.0f} KB")
                ctx.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(f"total {total / 1024:.0f} KB")


if __name__ == "__main__":
    main()
