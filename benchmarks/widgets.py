"""What a simulated browser learns from a page's ForwardMsgs: its widgets (by key), the values it would send back,
the fragments they live in, and any exception box. Used by benchmarks/students.py."""
from __future__ import annotations


def widget_info(element) -> tuple[str, str, object] | None:
    """(element type, widget id, sub-proto) when the element is a widget with an id."""
    kind = element.WhichOneof("type")
    if kind is None:
        return None
    sub = getattr(element, kind)
    wid = getattr(sub, "id", "")
    if isinstance(wid, str) and wid.startswith("$$ID-"):
        return kind, wid, sub
    return None


def widget_value(kind: str, sub):
    """The WidgetState the browser would send for this widget as the server drew it (None: a trigger or a kind we
    do not model). The frontend starts from the proto's default and takes a server-set value (set_value)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    st = WidgetState(id=sub.id)
    set_value = getattr(sub, "set_value", False)
    if kind == "checkbox":
        st.bool_value = sub.value if set_value else sub.default
    elif kind in ("radio", "selectbox"):
        if set_value and sub.HasField("raw_value"):
            st.string_value = sub.raw_value
        elif sub.HasField("default") and 0 <= sub.default < len(sub.options):
            st.string_value = sub.options[sub.default]
        else:
            return None
    elif kind in ("text_input", "text_area"):
        st.string_value = sub.value if set_value and sub.HasField("value") else (sub.default or "")
    elif kind == "slider":
        if sub.options:  # select_slider: indices by default, formatted options once set
            values = list(sub.raw_value) if set_value and sub.raw_value else [sub.options[int(i)] for i in sub.default]
            st.string_array_value.data.extend(values)
        else:
            st.double_array_value.data.extend(list(sub.value) if set_value and sub.value else list(sub.default))
    elif kind == "number_input":
        if set_value and sub.HasField("value"):
            st.double_value = sub.value
        elif sub.HasField("default"):
            st.double_value = sub.default
        else:
            return None
    elif kind == "multiselect":
        values = list(sub.raw_values) if set_value else [sub.options[i] for i in sub.default]
        st.string_array_value.data.extend(values)
    else:  # buttons (triggers), data editors, uploaders...: nothing to resend
        return None
    return st


def user_key(widget_id: str) -> str | None:
    """`$$ID-<hash>-<key>` -> key (None for widgets without a user key)."""
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[2] else None


class PageView:
    """Everything one run drew, collected message by message (`see` is run_script's on_message)."""

    def __init__(self, sent: dict):
        self.sent = sent  # widget id -> WidgetState the browser sent with this run
        self.widgets: dict[str, tuple[str, str, object]] = {}  # key -> (kind, id, proto)
        self.values: dict[str, object] = {}  # widget id -> WidgetState the browser now holds
        self.fragment_of: dict[str, str] = {}  # widget id -> id of the st.fragment it was drawn in
        self.exceptions: list[str] = []
        self.bytes = self.deltas = 0
        self.page_hash = ""  # the page's script hash (navigation msg): the browser sends it back with each rerun

    def see(self, fm, size: int) -> None:
        self.bytes += size
        if fm.WhichOneof("type") == "navigation" and fm.navigation.page_script_hash:
            self.page_hash = fm.navigation.page_script_hash
        if fm.WhichOneof("type") != "delta":
            return
        self.deltas += 1
        if fm.delta.WhichOneof("type") != "new_element":
            return
        el = fm.delta.new_element
        if el.WhichOneof("type") == "exception":
            self.exceptions.append(f"{el.exception.type}: {el.exception.message}"[:300])
        info = widget_info(el)
        if not info:
            return
        kind, wid, sub = info
        if user_key(wid):
            self.widgets[user_key(wid)] = info
        if fm.delta.fragment_id:
            self.fragment_of[wid] = fm.delta.fragment_id
        # the value the browser now holds: what it just sent, unless the server set one
        value = self.sent.get(wid) if not getattr(sub, "set_value", False) else None
        if value is None or value.WhichOneof("value") == "trigger_value":
            value = widget_value(kind, sub)
        if value is not None:
            self.values[wid] = value
