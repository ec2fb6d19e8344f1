"""Share this view in a real browser: a link's hidden controls are not displayed, its locked ones are disabled, the
rest of the page works as usual; the teacher's panel shows an absolute link back to the same view."""
from ui.i18n import t


def test_hidden_and_locked_controls(new_page, goto, nav, rerun, assert_clean, screenshot):
    page = new_page(locale="zh-CN", width=1280, height=900)
    goto(page, "skipgram-cbow", lang="zh", shrink="1", window="3", hide="steps,seed,bogus", lock="window,mode")
    for key in ("p5_step", "p5_play", "p5_reset", "p5_seed"):  # in the page (the run drew them), not displayed
        assert page.locator(f".st-key-{key}").count() == 1, key
        assert page.locator(f".st-key-{key}").is_hidden(), key
    assert page.get_by_role("button", name=t("p5.step", lang="zh")).count() == 0 or \
        not page.get_by_role("button", name=t("p5.step", lang="zh")).is_visible()
    window = page.locator(".st-key-p5_window").get_by_role("slider")
    assert window.is_visible() and window.is_disabled()
    assert window.input_value() == "3"  # the link's value, shown but not changeable
    radios = page.locator(".st-key-p5_mode").get_by_role("radio").all()
    assert len(radios) == 2 and all(r.is_disabled() for r in radios)
    shrink = page.locator(".st-key-p5_shrink")  # neither hidden nor locked: still works
    assert shrink.is_visible()
    sentence = page.locator(".st-key-p5_sentence").get_by_role("textbox")
    assert sentence.is_enabled()
    screenshot(page, "share-p5-restricted-zh")

    nav(page, t("nav.p6", lang="zh"))  # another page has no such restrictions ...
    assert page.locator(".st-key-p6_window").get_by_role("slider").is_enabled()
    nav(page, t("nav.p5", lang="zh"))  # ... and coming back keeps them, in the URL too
    assert page.locator(".st-key-p5_step").is_hidden()
    assert page.locator(".st-key-p5_window").get_by_role("slider").is_disabled()
    assert "hide=steps%2Cseed" in page.url or "hide=steps,seed" in page.url
    assert_clean(page)


def test_teacher_panel_link(new_page, goto, rerun, server_url, assert_clean):
    page = new_page(width=1280, height=900)
    goto(page, "skipgram-cbow", lang="en", window="4")
    page.locator(".st-key-share_p5_panel summary").click()  # opening the expander does not rerun
    code = page.locator(".st-key-share_p5_panel").get_by_test_id("stCode").inner_text()
    assert code.startswith(f"{server_url}/skipgram-cbow?"), code
    assert "lang=en" in code and "window=4" in code
    assert page.locator(".st-key-p5_window").get_by_role("slider").is_enabled()
    assert_clean(page)


def _pick(page, box, name: str) -> None:
    """Pick `name` in an open-able Streamlit multiselect: open its list (a click that lands while the sidebar is
    still re-rendering leaves it shut: click again), type the name, wait for the list to filter to it, Enter."""
    from playwright.sync_api import expect

    option = page.get_by_role("option", name=name, exact=True)
    for _ in range(5):
        box.click()
        try:
            expect(option).to_be_visible(timeout=3000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    expect(option).to_be_visible()
    page.keyboard.type(name)
    expect(page.get_by_role("option")).to_have_count(1)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def test_teacher_picks_a_lock(new_page, goto, assert_clean):
    """The teacher ticks "window" under lock: the link in the panel gains lock=window."""
    from playwright.sync_api import expect

    page = new_page(width=1280, height=900)
    goto(page, "skipgram-cbow", lang="en", window="4")
    panel = page.locator(".st-key-share_p5_panel")
    panel.locator("summary").click()
    box = panel.locator(".st-key-share_p5_lock").get_by_role("combobox")
    code = panel.get_by_test_id("stCode")
    # Now and then (about one full run in five) the Enter of a pick is lost on its way through the filtering
    # list and no name is picked; pick again then. The link must follow a pick that is shown as picked.
    for _ in range(3):
        _pick(page, box, "window")
        try:
            expect(code).to_contain_text("lock=window", timeout=10_000)
            break
        except AssertionError:
            if panel.locator(".st-key-share_p5_lock").get_by_text("window", exact=True).count():
                break  # picked: the link must follow (checked below), no second pick
    expect(code).to_contain_text("lock=window")
    assert "hide=" not in code.inner_text()
    # the teacher's own page is not locked by ticking: only whoever opens the link is
    assert page.locator(".st-key-p5_window").get_by_role("slider").is_enabled()
    assert_clean(page)
