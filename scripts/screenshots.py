"""Refresh the README screenshots: assets/screenshots/<page>-<lang>.png from a live app in Debian's chromium.

Usage: `make screenshots` (or `.venv/bin/python -m scripts.screenshots [--lang en zh] [--pages home analogies]
[--phone]`; `--features` makes only the README's pictures of single features in both languages
(scripts/feature_shots.py), one group of them with `--checkpoints` (before/after pictures of three checkpoints),
`--lab` (the training lab's word trails and why-neighbours), `--lessons` (a lesson step in presenter view and the
lesson builder) or `--projector` (UMAP with a search)).
It starts its own `streamlit run` on a free 127.0.0.1 port, opens each page through its URL, waits for the run to
finish (scripts/live_browser.py, as the browser tests do), and saves the top of the page (1280 x 800) as a palette
PNG so the repository stays small. `--phone` saves <page>-<lang>-phone.png at 390 x 844 instead (a phone, as
tests/browser/test_devices.py checks it); `make screenshots` keeps four of those pages (PHONE_PAGES).
"""
from __future__ import annotations

import argparse
import sys

from scripts import live_browser, live_server
from scripts.feature_shots import FEATURES, OUT, save_small_png
from ui.nav import PAGES

LOCALES = {"en": "en-US", "zh": "zh-CN"}
DESKTOP = dict(viewport={"width": 1280, "height": 800})
PHONE = dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
PHONE_PAGES = ["home", "analogies", "skipgram-cbow", "training-lab"]  # text, inputs, stepper, lab


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", nargs="+", default=["en", "zh"], choices=sorted(LOCALES))
    ap.add_argument("--pages", nargs="+", default=None, help="url paths, e.g. home analogies (default: all pages, "
                    "or PHONE_PAGES with --phone)")
    ap.add_argument("--phone", action="store_true", help="390 x 844 phone screenshots, named <page>-<lang>-phone")
    ap.add_argument("--features", action="store_true", help="only the README's feature pictures (all groups below)")
    ap.add_argument("--checkpoints", action="store_true", help="only the checkpoint screenshots of the README")
    ap.add_argument("--lab", action="store_true", help="only the training lab's trails / why-neighbours pictures")
    ap.add_argument("--lessons", action="store_true", help="only a lesson step (presenter view) and the builder")
    ap.add_argument("--projector", action="store_true", help="only page 8 with UMAP and 'france' searched")
    args = ap.parse_args()
    features = [name for name in FEATURES if args.features or getattr(args, name)]
    pages = args.pages or (PHONE_PAGES if args.phone else [p.url for p in PAGES])
    suffix = "-phone" if args.phone else ""
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
                ctx = browser.new_context(locale=LOCALES[lang], **(PHONE if args.phone else DESKTOP))
                page = ctx.new_page()
                live_browser.watch(page)
                for name in features:
                    total += FEATURES[name](page, url, lang)
                for path in [] if features else pages:
                    before = page.w2v_done
                    route = "" if path == "home" else path  # the default page lives at "/", not "/home"
                    page.goto(f"{url}/{route}?lang={lang}")
                    live_browser.settle(page, before, timeout=120)
                    page.wait_for_timeout(800)  # plotly's first render and web fonts
                    if page.get_by_test_id("stException").count() or page.w2v_errors:
                        print(f"warning: {path} ({lang}) shows an exception or logged {page.w2v_errors}",
                              file=sys.stderr)
                        page.w2v_errors.clear()
                    target = OUT / f"{path}-{lang}{suffix}.png"
                    total += save_small_png(page.screenshot(), target)
                ctx.close()
            browser.close()
    finally:
        live_server.stop(server.proc)
    print(f"total {total / 1024:.0f} KB")


if __name__ == "__main__":
    main()
