"""Page state in the URL, so that a link reproduces the view.

``init(defaults, allowed)`` copies query parameters into ``st.session_state`` (once per session, before the
widgets are drawn); ``sync(keys)`` writes the widgets' current values back to the URL.
Lists are stored comma-separated. A link is typed or edited by people: a value the page's widget would not
accept (``allowed``: the options of a choice or list, or the (min, max) of a number) falls back to the default,
and unknown list items are dropped, instead of the page failing.
"""

from __future__ import annotations

import streamlit as st


def parse(raw: str | None, default, allowed=None):
    """The value of one query parameter, or ``default`` when it is missing or not acceptable."""
    if raw is None:
        return default
    if isinstance(default, list):
        items = [x for x in raw.split(",") if x]
        return [x for x in items if allowed is None or x in allowed]
    if isinstance(default, bool):
        return raw in ("1", "true", "True")
    if isinstance(default, int):
        try:
            value = int(raw)
        except ValueError:
            return default
        if allowed is not None and not (allowed[0] <= value <= allowed[1]):
            return default
        return value
    return raw if allowed is None or raw in allowed else default


def init(defaults: dict, allowed: dict | None = None) -> None:
    allowed = allowed or {}
    for key, default in defaults.items():
        if key not in st.session_state:
            st.session_state[key] = parse(st.query_params.get(key), default, allowed.get(key))


def sync(keys) -> None:
    for key in keys:
        value = st.session_state.get(key)
        if value is None or value == "" or value == []:
            st.query_params.pop(key, None)
        elif isinstance(value, list):
            st.query_params[key] = ",".join(str(v) for v in value)
        elif isinstance(value, bool):
            st.query_params[key] = "1" if value else "0"
        else:
            st.query_params[key] = str(value)
