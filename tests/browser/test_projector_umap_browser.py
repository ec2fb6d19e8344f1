"""Page 8's UMAP in a real browser: a progress indication first (compile wait or the fit), then the map; no error."""
import contextlib
import time

from ui.i18n import t

SLOW = 300  # seconds: on a busy 2-core machine the server's background compile may still be running


def watch(page, timeout: float) -> set[str]:
    """Progress texts seen until a map is on screen and no progress bar is left (fails if the map never comes)."""
    texts: set[str] = set()
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        bar = page.get_by_test_id("stProgress")
        if bar.count():
            with contextlib.suppress(Exception):  # the bar may vanish between count and read
                texts.add(bar.first.inner_text(timeout=500))
        elif page.get_by_test_id("stPlotlyChart").count() and texts:
            return texts
        time.sleep(0.1)
    raise AssertionError(f"no UMAP map after {timeout} s; progress seen: {sorted(texts)}")


def test_umap_shows_progress_then_the_map(new_page, warm_server, rerun, assert_clean):
    page = new_page(width=1400, height=1000)
    # An unusual seed: this map is not in the server's cache yet, so the fit really runs.
    page.goto(f"{warm_server}/projector?lang=en&method=umap&n=3000&umap_n=3000&seed=90417&colour=none&search=")
    texts = watch(page, SLOW)
    starts = (t("p8.umap_running", lang="en", n="")[:10], t("p8.umap_compiling", lang="en", s="", total="")[:10])
    assert any(tx.startswith(starts) for tx in texts), sorted(texts)
    assert "seed=90417" in page.url
    assert page.get_by_text(t("p8.unit_why", lang="en")[:40]).count() == 1  # the toggle is explained

    slider = page.get_by_test_id("stSlider").filter(has_text="n_neighbors").get_by_role("slider")
    slider.focus()
    slider.press("ArrowRight")  # 15 -> 16: a new map, computed again with progress, never the old one shown
    texts = watch(page, SLOW)
    assert any(tx.startswith(starts[0]) for tx in texts), sorted(texts)
    with contextlib.suppress(Exception):
        page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=30_000)
    assert "neighbors=16" in page.url
    assert_clean(page)
