"""The README's pictures of single features (checkpoints, the lab's trails, lessons, UMAP), one set per language.

scripts/screenshots.py calls these (`--features`, or one of `--checkpoints --lab --lessons --projector`) with a
page of a browser context in the language `lang`; each returns the bytes it wrote. Every picture is taken in the
same state in both languages (the same answers, the same animation frame, the same map), so the zh and en shots
side by side in the README show the same thing.
"""
from __future__ import annotations

import io

from PIL import Image

from scripts import live_browser, live_server
from ui.i18n import t

OUT = live_server.ROOT / "assets" / "screenshots"
# Checkpoints shown in the README before and after a (wrong) check: (page url, checkpoint key, the answer given, the
# file's stem): <stem>-before-<lang>.png and <stem>-after-<lang>.png. An int answer is the option at that index.
CHECKPOINTS = [("analogies", "cp_p3_analogy", "princess", "checkpoint"),
               ("skipgram-cbow", "cp_p5_pairs", "4", "checkpoint-p5_pairs"),
               ("negative-sampling", "cp_p6_highest", 0, "checkpoint-p6_highest")]
TRAIL_FRAME = 8  # the trails shot shows this frame of the run's 30 (~26 % trained): words on their way
# Page 8 as the README shows it: UMAP of the 3,000 most frequent GloVe words, "france" searched, the map centred.
UMAP_QUERY = "method=umap&n=3000&umap_n=3000&search=france"
# Scrolls the element's scrolling ancestor until the element ends 8 px above the bottom of the window.
SCROLL_TO_BOTTOM = """el => {
  let box = el.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY)))
    box = box.parentElement;
  (box || document.scrollingElement).scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 8);
}"""
UMAP_WAIT_S = 900  # the first UMAP fit of a server compiles numba code: ~40 s idle, minutes on a busy machine


def save_small_png(png: bytes, path, colors: int = 128) -> int:
    """Quantise to a palette: UI screenshots keep their look at a third of the size."""
    img = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT)
    img.save(path, optimize=True)
    print(f"{path.relative_to(live_server.ROOT)}  {path.stat().st_size / 1024:.0f} KB")
    return path.stat().st_size


def settled(page, action, timeout: float = 60) -> None:
    """Run `action` (a goto or a click) and wait for the rerun it starts to finish and its charts to draw."""
    before = page.w2v_done
    action()
    live_browser.settle(page, before, timeout=timeout)


def _open(page, url: str, path: str, lang: str, query: str = "", timeout: float = 60) -> None:
    # the root first: on a fresh server a first deep link flashes "Page not found" (see scripts/warm_up.py)
    settled(page, lambda: page.goto(f"{url}/?lang={lang}"))
    settled(page, lambda: page.goto(f"{url}/{path}?lang={lang}{query}"), timeout)


def checkpoint_shots(page, url: str, lang: str) -> int:
    """Element screenshots of CHECKPOINTS, before and after a wrong answer."""
    total = 0
    for path, key, given, stem in CHECKPOINTS:
        _open(page, url, path, lang)
        box = page.locator(f".st-key-{key}_box")
        box.scroll_into_view_if_needed()
        total += save_small_png(box.screenshot(), OUT / f"{stem}-before-{lang}.png")
        if isinstance(given, int):
            settled(page, lambda: box.get_by_test_id("stRadioOption").nth(given).click())
        else:
            field = box.locator("input").first
            settled(page, lambda: (field.fill(given), field.press("Enter")))
        settled(page, lambda: page.locator(f".st-key-{key}_check button").click())
        total += save_small_png(box.screenshot(), OUT / f"{stem}-after-{lang}.png")
    return total


def _trail_frame(box, frame: int) -> None:
    """Move the trails' slider to `frame` by clicking its rail (plotly jumps to the nearest step): unlike
    play-then-pause, the same frame in every language and on every machine."""
    steps = len(box.locator("g.slider-group g.slider-label").all()) or 30
    rail = box.locator("rect.slider-rail-touch-rect").first.bounding_box()
    pad = 15  # the rail's inset at both ends (plotly's railInset + grip half width)
    x = rail["x"] + pad + (rail["width"] - 2 * pad) * frame / (steps - 1)
    box.page.mouse.click(x, rail["y"] + rail["height"] / 2)


def lab_shots(page, url: str, lang: str) -> int:
    """The training-lab pictures (1280 x 800): the word trails part of the way and "why neighbours?"."""
    _open(page, url, "training-lab", lang)
    settled(page, lambda: page.get_by_role("button", name=t("p7.train", lang=lang)).click())
    total = 0
    for tab, chart, name in (("p7.tab_trails", "p7_trails_chart", "trails"), ("p7.tab_why", "p7_why_chart", "why")):
        page.get_by_role("tab", name=t(tab, lang=lang)).click()
        box = page.locator(f".st-key-{chart}")
        box.locator("svg.main-svg").first.wait_for(state="visible", timeout=20_000)
        top = box if name == "trails" else page.locator(".st-key-p7_why_a")  # the tab's picture at the top
        top.evaluate("el => el.scrollIntoView({block: 'start'})")
        page.evaluate("document.querySelector('[data-testid=stMain]').scrollBy(0, -60)")
        if name == "trails":
            _trail_frame(box, TRAIL_FRAME)
        page.wait_for_timeout(800)
        total += save_small_png(page.screenshot(), OUT / f"lab-{name}-{lang}.png")
    return total


def lesson_shots(page, url: str, lang: str) -> int:
    """A step of a shipped lesson in presenter view at a projector's 1280 x 720, and the lesson builder
    (1280 x 800) holding a copy of that lesson."""
    settled(page, lambda: page.goto(f"{url}/?lang={lang}"))
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{url}/?lang={lang}&present=1&lesson=sgns-step&step=3")
    where = t("lessons.bar_head", lang=lang, title="", k=3, n=6).split(" · ")[-1]
    page.locator(".st-key-lesson_bar").get_by_text(where).wait_for(timeout=60_000)
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]")  # the step opens in a 2nd run
    page.locator(".st-key-lesson_leave button").wait_for()
    page.wait_for_timeout(1000)  # web fonts and the first plotly render
    total = save_small_png(page.screenshot(), OUT / f"lesson-step-{lang}.png")
    page.set_viewport_size({"width": 1280, "height": 800})
    settled(page, lambda: page.goto(f"{url}/lesson-builder?lang={lang}"))
    settled(page, lambda: page.locator(".st-key-lb_start button").click())
    page.wait_for_timeout(800)
    return total + save_small_png(page.screenshot(), OUT / f"lesson-builder-{lang}.png")


def projector_shots(page, url: str, lang: str) -> int:
    """Page 8 with UMAP and a search (1280 x 900): the title, the vectors' controls and the centred map."""
    page.set_viewport_size({"width": 1280, "height": 900})
    _open(page, url, "projector", lang, f"&{UMAP_QUERY}", timeout=UMAP_WAIT_S)
    page.locator(".st-key-p8_chart svg.main-svg").first.wait_for(state="visible", timeout=60_000)
    page.locator(".st-key-p8_chart").first.evaluate(SCROLL_TO_BOTTOM)  # the whole map and its legend, the title above
    page.wait_for_timeout(800)
    size = save_small_png(page.screenshot(), OUT / f"projector-umap-{lang}.png")
    page.set_viewport_size({"width": 1280, "height": 800})
    return size


FEATURES = {"checkpoints": checkpoint_shots, "lab": lab_shots, "lessons": lesson_shots,
            "projector": projector_shots}
