"""AppTest helpers shared by the page tests: open a page through the real frame in a given language, read its
alerts and plotly charts, check the language of what it says. Test modules import these from here only."""
from __future__ import annotations

import base64
import json
import re

import numpy as np
from streamlit.testing.v1 import AppTest

from scripts.live_server import APP as _APP

APP = str(_APP)  # the app's entry point, as AppTest.from_file takes it

CJK = re.compile(r"[\u4e00-\u9fff]")
# English messages may quote a Chinese word the user typed (in quotes / backticks / bold); anything else is wrong.
CJK_OK = re.compile(r"[\"'“”‘’`*「」«»][^\"'“”‘’`*「」«»]*[\u4e00-\u9fff]")


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


def checkpoint_key(cid: str) -> str:
    """The widget key of a checkpoint's answer ("p3.analogy" -> "cp_p3_analogy"; buttons add _check / _show)."""
    return "cp_" + cid.replace(".", "_")


def answer_checkpoint(at, cid: str, value) -> AppTest:
    """Give checkpoint `cid` an answer (its choice, number or word) and press Check."""
    key = checkpoint_key(cid)
    widget = next((w for kind in ("radio", "number_input", "text_input") for w in getattr(at, kind) if w.key == key),
                  None)
    assert widget is not None, f"no checkpoint {cid} on the page"
    widget.set_value(value).run()
    at.button(key=key + "_check").click().run()
    assert not at.exception, at.exception
    return at


def reveal(at, cid: str) -> AppTest:
    """Press "show me" on checkpoint `cid` when it still waits for a guess (its page folds the answer until then)."""
    key = checkpoint_key(cid) + "_show"
    if any(b.key == key for b in at.button):
        at.button(key=key).click().run()
        assert not at.exception, at.exception
    return at


def verdicts(at, lang: str) -> list[str]:
    """The checkpoints' right / wrong / shown messages on screen, in page order (other alerts left out)."""
    from ui.i18n import t

    starts = tuple(t(f"checkpoint.{k}", lang=lang).split("{")[0] for k in ("right", "wrong", "shown"))
    return [str(e.value) for e in [*at.success, *at.info] if str(e.value).startswith(starts)]


def has_cjk(text: str) -> bool:
    return bool(CJK.search(text or ""))


def alerts(at, kinds=("warning", "error")) -> list[str]:
    return [str(e.value) for kind in kinds for e in getattr(at, kind)]


def assert_message_in(at, lang: str, kinds=("warning", "error")) -> str:
    """At least one warning/error is shown and it is in the user's language; returns the messages."""
    msgs = alerts(at, kinds)
    assert msgs, f"expected a {'/'.join(kinds)} message, page shows none"
    text = "\n".join(msgs)
    assert "Traceback" not in text
    if lang == "zh":
        assert has_cjk(text), f"message is not Chinese: {text[:200]}"
    else:
        assert not any(has_cjk(m) and not CJK_OK.search(m) for m in msgs), f"message is not English: {text[:200]}"
    return text


def chart_specs(at) -> list[dict]:
    """Every plotly figure the page drew, as plotly JSON (data, layout), in page order."""
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def chart_spec(at, key: str | int) -> dict:
    """One plotly figure: by its widget key (part of the element id) or by its position on the page."""
    charts = at.get("plotly_chart")
    if isinstance(key, int):
        return json.loads(charts[key].proto.spec)
    for c in charts:
        if key in c.proto.id:
            return json.loads(c.proto.spec)
    raise AssertionError(f"no chart with key {key}")


def plotly_array(v, dtype=None) -> np.ndarray:
    """A numeric array from a figure spec: a plain list, or plotly's typed array {dtype, bdata, shape}."""
    if isinstance(v, dict) and "bdata" in v:
        a = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
        return a.reshape([int(x) for x in str(v.get("shape", a.size)).split(",")])
    return np.asarray(v, dtype=dtype)


def checkpoint_answer(at, cid: str, value) -> AppTest:
    """Give `value` to checkpoint `cid` (its radio, number or text input, whichever it drew) and press its Check."""
    key = "cp_" + cid.replace(".", "_")
    for kind in ("radio", "number_input", "text_input"):
        try:
            widget = getattr(at, kind)(key=key)
        except KeyError:
            continue
        widget.set_value(value).run()
        at.button(key=key + "_check").click().run()
        assert not at.exception, at.exception
        return at
    raise AssertionError(f"checkpoint {cid} drew no input")


def checkpoint_feedback(at) -> list[str]:
    """The success and info boxes on the page (a checkpoint's verdict is one of them)."""
    return [e.value for e in [*at.success, *at.info]]


def said(at, text: str) -> bool:
    """Some markdown on the page contains `text`."""
    return any(text in m.value for m in at.markdown)


def widgets(at) -> dict[str, bool]:
    """Every keyed widget on the page and sidebar -> whether it is disabled (the share panel's own left out)."""
    found, todo = {}, [at.main, at.sidebar]
    while todo:
        node = todo.pop()
        todo.extend(getattr(node, "children", {}).values())
        key = getattr(node, "key", None)
        if key and hasattr(node, "disabled") and node.type != "expandable" and not key.startswith("share_"):
            found[key] = bool(node.disabled)
    return found


def hidden_selectors(at) -> set[str]:
    """The selectors of the style blocks that hide keyed elements (ui/share.py's; not ui/a11y.py's, not a lesson's
    highlight)."""
    styles = [h.value for h in at.html if h.value.startswith("<style>") and "st-key-" in h.value
              and "display: none" in h.value]
    return {s.strip() for css in styles for s in css[len("<style>"):css.index("{")].split(",")}
