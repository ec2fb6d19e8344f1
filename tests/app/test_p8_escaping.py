"""Page 8: user text (search, axis words, group names, words and errors from an uploaded file) never becomes live
markdown or HTML: warnings, errors and captions show it backslash-escaped, the chart shows it HTML-escaped."""
import json

from apptest import open_page

from ui.words import md_escape

PAGE = "pages/p8_projector.py"
IMG = "![x](http://127.0.0.1:9/x.png)"
LINK = "[click](http://127.0.0.1:9/)"


def alerts(at):
    return [m.value for kind in ("warning", "error", "caption", "markdown", "info") for m in getattr(at, kind)]


def upload(at, data: bytes, name: str = "vectors.txt"):
    at.radio(key="p8_source").set_value("upload").run()
    at.file_uploader(key="p8_upload").upload(name, data, "text/plain").run()
    assert not at.exception, at.exception
    return at


def assert_only_escaped(at, raw):
    shown = "\n".join(alerts(at))
    assert md_escape(raw) in shown, shown
    assert raw not in shown.replace(md_escape(raw), ""), shown


def test_upload_error_quotes_the_word_escaped():
    at = upload(open_page(PAGE, lang="en", search="", colour="none"),
                f"2 3\n{IMG} 0.1 0.2\nqueen 0.1 0.2 0.3\n".encode())
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "line 2" in errors[0] and "has 2 values, expected 3" in errors[0], errors
    assert md_escape(IMG) in errors[0] and IMG not in errors[0]


def test_upload_with_markdown_words_search_and_suggestions_escaped():
    words = [IMG, LINK, "king", "queen", "kings"]
    data = f"{len(words)} 2\n".encode() + "".join(f"{w} {i} {i % 2 + 0.5}\n" for i, w in enumerate(words)).encode()
    at = upload(open_page(PAGE, lang="zh", search="", colour="none"), data)
    assert not at.error, [e.value for e in at.error]
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["data"][0]["customdata"][:2] == ["![x](http://127.0.0.1:9/x.png)", "[click](http://127.0.0.1:9/)"]
    at.text_input(key="p8_search").input(IMG.upper()).run()  # lower-cased: shown, neighbours header escapes it
    assert any(md_escape(IMG) in m.value for m in at.markdown), [m.value for m in at.markdown]
    assert not any(IMG in m.value for m in at.markdown)
    at.text_input(key="p8_search").input("[click](http://127.0.0.1:9/x)").run()  # not shown: warning escapes it
    assert_only_escaped(at, "[click](http://127.0.0.1:9/x)")


def test_axis_words_and_group_names_escaped():
    at = open_page(PAGE, lang="en", method="axes", search="", n=300, colour="none", xpair=f"man {IMG}")
    assert_only_escaped(at, IMG)
    at.text_input(key="p8_xpair").input("<b>man</b> woman").run()  # "<b>man</b>" is no GloVe word: warning
    assert_only_escaped(at, "<b>man</b>")


def test_axis_titles_are_html_escaped_in_the_chart():
    words = ["<b>a</b>", "<i>b</i>", "c", "d"]  # plotly titles would render these tags
    data = f"{len(words)} 2\n".encode() + "".join(f"{w} {i} {i * i}\n" for i, w in enumerate(words)).encode()
    at = upload(open_page(PAGE, lang="en", search="", colour="none"), data)
    assert not at.error, [e.value for e in at.error]
    at.radio(key="p8_method").set_value("axes").run()
    at.text_input(key="p8_xpair").input(f"{words[0]} c").run()
    at.text_input(key="p8_ypair").input(f"{words[1]} d").run()
    assert not at.warning, [w.value for w in at.warning]
    layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
    assert layout["xaxis"]["title"]["text"] == "&lt;b&gt;a&lt;/b&gt; → c"
    assert layout["yaxis"]["title"]["text"] == "&lt;i&gt;b&lt;/i&gt; → d"
