"""The guided path in a real browser, both languages: from the home page's map to page 1, then only the "next" link
at the bottom of each page, through page 8 to the glossary; each page shows its heading, its recap and no error."""
import re

import pytest

from ui.glossary import terms_on
from ui.i18n import t
from ui.nav import PAGES
from ui.path import PATH_KEYS, next_page

LOCALES = {"zh": "zh-CN", "en": "en-US"}
URLS = {p.key: p.url for p in PAGES}
TITLES = {"p1": "p1.title", "p2": "p2.title", "p3": "p3.title", "p7": "p7.title", "p8": "p8.title"}  # longer than nav


def wait_heading(page, *titles: str) -> None:
    """Wait until the page's title is one of `titles` (the old page's elements can linger for a moment)."""
    pattern = re.compile("^(" + "|".join(re.escape(x) for x in titles if x) + ")$")
    page.locator("[data-testid=stMain] h1").filter(has_text=pattern).first.wait_for(state="visible", timeout=15_000)


def follow(page, rerun, label: str) -> None:
    """Click the link in the page body (never the sidebar) whose text is `label`."""
    link = page.get_by_test_id("stMain").get_by_role("link", name=label, exact=True)
    link.scroll_into_view_if_needed()
    with rerun(page, timeout=60):
        link.click()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_walk_the_path_by_next_links(lang, new_page, goto, rerun, assert_clean, screenshot):
    page = new_page(locale=LOCALES[lang])
    goto(page)
    follow(page, rerun, t("nav.p1", lang=lang))
    for key in PATH_KEYS:
        wait_heading(page, t(f"nav.{key}", lang=lang), TITLES.get(key) and t(TITLES[key], lang=lang))
        assert page.url.split("?")[0].endswith("/" + URLS[key]), page.url
        main = page.get_by_test_id("stMain").inner_text()
        first_recap_line = t(f"path.recap_{key}", lang=lang).strip().splitlines()[0].lstrip("- ")
        assert re.sub(r"[*`]", "", first_recap_line)[:30] in main, key
        assert t("path.terms_link", lang=lang) in main
        assert_clean(page)
        nxt = next_page(key)
        follow(page, rerun, t("path.next", lang=lang, title=t(f"nav.{nxt.key}", lang=lang)))
    wait_heading(page, t("nav.glossary", lang=lang))
    assert "lang=" + lang in page.url
    screenshot(page, f"path-glossary-{lang}")
    assert_clean(page)


def test_terms_link_opens_the_glossary_on_that_pages_terms(new_page, goto, rerun, assert_clean):
    page = new_page(locale="zh-CN")
    goto(page, "skipgram-cbow", lang="zh")
    follow(page, rerun, t("path.terms_link", lang="zh"))
    wait_heading(page, t("nav.glossary", lang="zh"))
    assert "page=p5" in page.url
    tables = page.get_by_test_id("stMain").locator("[data-testid=stTable] tbody tr")
    assert tables.count() == len(terms_on("p5"))
    assert_clean(page)
