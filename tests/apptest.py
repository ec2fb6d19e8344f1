"""AppTest helpers shared by the page tests: open a page through the real frame in a given language."""
from streamlit.testing.v1 import AppTest

from conftest import APP


def open_page(page: str, lang: str = "en", timeout: float = 60, **query) -> AppTest:
    """Run app.py, then switch to `page` (e.g. "pages/p3_analogies.py"); fails on any exception."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.query_params["lang"] = lang
    for k, v in query.items():
        at.query_params[k] = str(v)
    at.run()
    assert not at.exception, at.exception
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at
