"""Refresh the README screenshots: assets/screenshots/<page>-<lang>.png from a live app in Debian's chromium.

Usage: `make screenshots` (or `.venv/bin/python -m scripts.screenshots [--lang en zh] [--pages home analogies]
[--phone]`; `--checkpoints` makes only the README's before/after pictures of two checkpoints, see CHECKPOINTS;
`--lab` only the training lab's word-trails and why-neighbours pictures; `--lessons` only a lesson step in presenter
view and the lesson builder).
It starts its own `streamlit run` on a free 127.0.0.1 port, opens each page through its URL, waits for the run to
finish (scripts/live_browser.py, as the browser tests do), and saves the top of the page (1280 x 800) as a palette
PNG so the repository stays small. `--phone` saves <page>-<lang>-phone.png at 390 x 844 instead (a phone, as
tests/browser/test_devices.py checks it); `make screenshots` keeps four of those pages (PHONE_PAGES).
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
# Checkpoints shown in the README before and after a (wrong) check: (page url, checkpoint key, the answer given).
CHECKPOINTS = [("skipgram-cbow", "cp_p5_pairs", "4"), ("negative-sampling", "cp_p6_highest", 0)]
DESKTOP = dict(viewport={"width": 1280, "height": 800})
PHONE = dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
PHONE_PAGES = ["home", "analogies", "skipgram-cbow", "training-lab"]  # text, inputs, stepper, lab


def save_small_png(png: bytes, path: Path, colors: int = 128) -> int:
    """Quantise to a palette: UI screenshots keep their look at a third of the size."""
    img = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT)
    img.save(path, optimize=True)
    return path.stat().st_size


def _settled(page, action) -> None:
    before = page.w2v_done
    action()
    live_browser.settle(page, before, timeout=60)


def checkpoint_shots(page, url: str, lang: str) -> int:
    """Element screenshots of CHECKPOINTS: checkpoint-<key>-before/after-<lang>.png; returns the bytes written."""
    total = 0
    # the root first: on a fresh server a first deep link flashes "Page not found" (see scripts/warm_up.py)
    _settled(page, lambda: page.goto(f"{url}/?lang={lang}"))
    for path, key, given in CHECKPOINTS:
        _settled(page, lambda: page.goto(f"{url}/{path}?lang={lang}"))
        box = page.locator(f".st-key-{key}_box")
        box.scroll_into_view_if_needed()
        total += save_small_png(box.screenshot(), OUT / f"checkpoint-{key[3:]}-before-{lang}.png")
        if isinstance(given, int):  # a choice: the option at this index
            _settled(page, lambda: box.get_by_test_id("stRadioOption").nth(given).click())
        else:
            field = box.locator("input").first
            _settled(page, lambda: (field.fill(given), field.press("Enter")))
        _settled(page, lambda: page.locator(f".st-key-{key}_check button").click())
        total += save_small_png(box.screenshot(), OUT / f"checkpoint-{key[3:]}-after-{lang}.png")
    return total


def lab_shots(page, url: str, lang: str) -> int:
    """The README's training-lab pictures (1280 x 800): the word trails mid-animation and "why neighbours?"."""
    from ui.i18n import t

    _settled(page, lambda: page.goto(f"{url}/?lang={lang}"))
    _settled(page, lambda: page.goto(f"{url}/training-lab?lang={lang}"))
    _settled(page, lambda: page.get_by_role("button", name=t("p7.train", lang=lang)).click())
    total = 0
    for tab, chart, name in (("p7.tab_trails", "p7_trails_chart", "trails"), ("p7.tab_why", "p7_why_chart", "why")):
        page.get_by_role("tab", name=t(tab, lang=lang)).click()
        box = page.locator(f".st-key-{chart}")
        box.locator("svg.main-svg").first.wait_for(state="visible", timeout=20_000)
        top = box if name == "trails" else page.locator(".st-key-p7_why_a")  # the tab's picture at the top
        top.evaluate("el => el.scrollIntoView({block: 'start'})")
        page.evaluate("document.querySelector('[data-testid=stMain]').scrollBy(0, -60)")
        if name == "trails":  # play, pause part of the way: the trails and the words on their way
            buttons = box.locator("g.updatemenu-button")
            buttons.filter(has_text=t("p7.trail_play", lang=lang)).click()
            page.wait_for_timeout(2500)
            buttons.filter(has_text=t("p7.trail_pause", lang=lang)).click()
        page.wait_for_timeout(800)
        total += save_small_png(page.screenshot(), OUT / f"lab-{name}-{lang}.png")
    return total


def lesson_shots(page, url: str, lang: str) -> int:
    """The README's lesson pictures: a step of a shipped lesson in presenter view at a projector's 1280 x 720, and
    the lesson builder (1280 x 800) holding a copy of that lesson."""
    from ui.i18n import t

    _settled(page, lambda: page.goto(f"{url}/?lang={lang}"))
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{url}/?lang={lang}&present=1&lesson=sgns-step&step=3")
    where = t("lessons.bar_head", lang=lang, title="", k=3, n=6).split(" · ")[-1]
    page.locator(".st-key-lesson_bar").get_by_text(where).wait_for(timeout=60_000)
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]")  # the step opens in a 2nd run
    page.locator(".st-key-lesson_leave button").wait_for()
    page.wait_for_timeout(1000)  # web fonts and the first plotly render
    total = save_small_png(page.screenshot(), OUT / f"lesson-step-{lang}.png")
    page.set_viewport_size(DESKTOP["viewport"])
    _settled(page, lambda: page.goto(f"{url}/lesson-builder?lang={lang}"))
    _settled(page, lambda: page.locator(".st-key-lb_start button").click())
    page.wait_for_timeout(800)
    return total + save_small_png(page.screenshot(), OUT / f"lesson-builder-{lang}.png")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", nargs="+", default=["en", "zh"], choices=sorted(LOCALES))
    ap.add_argument("--pages", nargs="+", default=None, help="url paths, e.g. home analogies (default: all pages, "
                    "or PHONE_PAGES with --phone)")
    ap.add_argument("--checkpoints", action="store_true", help="only the checkpoint screenshots of the README")
    ap.add_argument("--phone", action="store_true", help="390 x 844 phone screenshots, named <page>-<lang>-phone")
    ap.add_argument("--lab", action="store_true", help="only the training lab's trails / why-neighbours pictures")
    ap.add_argument("--lessons", action="store_true", help="only a lesson step (presenter view) and the builder")
    args = ap.parse_args()
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
                if args.checkpoints:
                    total += checkpoint_shots(page, url, lang)
                if args.lab:
                    total += lab_shots(page, url, lang)
                if args.lessons:
                    total += lesson_shots(page, url, lang)
                for path in [] if args.checkpoints or args.lab or args.lessons else pages:
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
