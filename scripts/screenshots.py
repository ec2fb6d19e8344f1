"""Refresh the README screenshots: assets/screenshots/<page>-<lang>.png from a live app in Debian's chromium.

Usage: `make screenshots` (or `.venv/bin/python -m scripts.screenshots [--lang en zh] [--pages home analogies]`).
It starts its own `streamlit run` on a free 127.0.0.1 port, opens each page through its URL, waits for the run to
finish (scripts/live_browser.py, as the browser tests do), and saves the top of the page (1280 x 800) as a palette
PNG so the repository stays small.
"""
from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from PIL import Image

from scripts import live_browser, live_server
from ui.nav import PAGES

OUT = live_server.ROOT / "assets" / "screenshots"
LOCALES = {"en": "en-US", "zh": "zh-CN"}


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
    if why := live_browser.missing_chromium():
        raise SystemExit(why)
    OUT.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    server = live_server.start()
    url = server.url
    total = 0
    try:
        with sync_playwright() as pw:
            browser = live_browser.launch(pw)
            for lang in args.lang:
                ctx = browser.new_context(locale=LOCALES[lang], viewport={"width": 1280, "height": 800})
                page = ctx.new_page()
                live_browser.watch(page)
                for path in args.pages:
                    before = page.w2v_done
                    route = "" if path == "home" else path  # the default page lives at "/", not "/home"
                    page.goto(f"{url}/{route}?lang={lang}")
                    live_browser.settle(page, before, timeout=120)
                    page.wait_for_timeout(800)  # plotly's first render and web fonts
                    if page.get_by_test_id("stException").count() or page.w2v_errors:
                        print(f"warning: {path} ({lang}) shows an exception or logged {page.w2v_errors}",
                              file=sys.stderr)
                        page.w2v_errors.clear()
                    target = OUT / f"{path}-{lang}.png"
                    size = save_small_png(page.screenshot(), target)
                    total += size
                    print(f"{target.relative_to(live_server.ROOT)}  {size / 1024:.0f} KB")
                ctx.close()
            browser.close()
    finally:
        live_server.stop(server.proc)
    print(f"total {total / 1024:.0f} KB")


if __name__ == "__main__":
    main()
