"""A Markdown image typed into a box or carried by a shared link is shown as text, never fetched."""
import pytest
from hostile import MD_IMAGE, PATHS, sweep_page


@pytest.mark.parametrize("path", ["training-lab", "projector", "analogies", "word-embeddings"])
def test_markdown_image_in_every_text_box(path, new_page, goto, assert_clean):
    page = new_page()
    goto(page, path, lang="en")
    done = sweep_page(page, [MD_IMAGE])
    print(f"{path}: text boxes covered: {sorted(done)}")
    assert_clean(page)


@pytest.mark.parametrize("path,param", [("training-lab", "words"), ("projector", "search")])
def test_markdown_image_in_a_shared_link(path, param, new_page, goto, assert_clean):
    page = new_page()
    goto(page, path, lang="en", **{param: MD_IMAGE})
    assert page.locator("img[src*='127.0.0.1:9']").count() == 0, "a shared link made the browser fetch a URL"
    assert_clean(page)
