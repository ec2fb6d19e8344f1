"""Every page through the sidebar in both languages, in a real browser: heading shown, no exception, no console error."""
import json
import re
from pathlib import Path

import pytest

from ui.i18n import t

# (title key in nav.toml, url path) in sidebar order; Home last so its link is clicked from another page.
PAGES = [("nav.p1", "personality"), ("nav.p2", "word-embeddings"), ("nav.p3", "analogies"),
         ("nav.p4", "language-models"), ("nav.p5", "skipgram-cbow"), ("nav.p6", "negative-sampling"),
         ("nav.p7", "training-lab"), ("nav.p8", "projector"), ("nav.glossary", "glossary"), ("nav.about", "about"),
         ("nav.home", "home")]
CJK = re.compile(r"[\u4e00-\u9fff]")
LOCALES = {"zh": "zh-CN", "en": "en-US"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_through_the_sidebar(lang, new_page, goto, nav, assert_clean, screenshot):
    """The browser locale alone picks the language; then each sidebar link opens its page cleanly."""
    page = new_page(locale=LOCALES[lang])
    timings = {"load home": round(goto(page), 3)}
    problems = []
    for key, url in PAGES:
        name = t(key, lang=lang)
        try:
            timings[url] = round(nav(page, name), 3)
            assert page.url.split("?")[0].rstrip("/").endswith(url) or url == "home", page.url
            h1 = page.locator("[data-testid=stMain] h1").first
            h1.wait_for(state="visible", timeout=10_000)
            heading = h1.inner_text().strip()
            assert heading, "the page shows a title"
            if lang == "zh":
                assert CJK.search(heading), f"heading {heading!r} is not Chinese"
            else:
                assert not CJK.search(heading), f"heading {heading!r} is not English"
            active = page.get_by_test_id("stSidebarNav").locator("a[aria-current=page]")
            assert name in active.inner_text(), f"active sidebar link is {active.inner_text()!r}"
            tab = f"{name} · {t('common.app_title', lang=lang)}"
            assert page.title() == tab, f"browser tab says {page.title()!r}, not {tab!r}"
            assert_clean(page)
        except AssertionError as exc:
            problems.append(f"{url} ({lang}): {exc}")
            page.w2v_errors.clear()  # report each error once, on the page that caused it
        finally:
            screenshot(page, f"{url}-{lang}")
    out = Path(__file__).resolve().parents[2] / "test-artifacts" / f"browser-timings-{lang}.json"
    out.write_text(json.dumps(timings, indent=1))
    print(f"\npage load seconds ({lang}):", timings)
    assert not problems, "\n".join(problems)


def _heading(page) -> str:
    h1 = page.locator("[data-testid=stMain] h1").first
    h1.wait_for(state="visible", timeout=10_000)
    return h1.inner_text().strip()


def test_language_stays_with_the_page_and_the_url(new_page, goto, nav, rerun, reload, assert_clean):
    """The sidebar switch keeps the page; ?lang= survives navigation and reloads; the tab names the page."""
    page = new_page(locale="zh-CN")
    goto(page)
    nav(page, t("nav.p3", lang="zh"))
    page.wait_for_url(re.compile(r"/analogies\?(.*&)?lang=zh"), timeout=5_000)
    assert page.title() == f"{t('nav.p3', lang='zh')} · {t('common.app_title', lang='zh')}"

    with rerun(page):  # switch to English on the analogies page
        page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    page.wait_for_url(re.compile(r"/analogies\?(.*&)?lang=en"), timeout=5_000)
    assert not CJK.search(_heading(page))
    assert page.title() == f"{t('nav.p3', lang='en')} · {t('common.app_title', lang='en')}"
    active = page.get_by_test_id("stSidebarNav").locator("a[aria-current=page]")
    assert t("nav.p3", lang="en") in active.inner_text()

    nav(page, t("nav.p5", lang="en"))  # the frontend drops the query string; the app writes it back
    page.wait_for_url(re.compile(r"/skipgram-cbow\?(.*&)?lang=en"), timeout=5_000)
    assert not CJK.search(_heading(page))

    reload(page)  # a new session in a zh-CN browser: the URL alone keeps it English
    assert not CJK.search(_heading(page))
    assert t("nav.p5", lang="en") in page.title()
    assert_clean(page)
