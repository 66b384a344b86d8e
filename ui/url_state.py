"""Page state in the URL, so that a link reproduces the view.

``init(defaults)`` copies query parameters into ``st.session_state`` (once per session, before the
widgets are drawn); ``sync(keys)`` writes the widgets' current values back to the URL.
Lists are stored comma-separated.
"""

from __future__ import annotations

import streamlit as st


def init(defaults: dict) -> None:
    for key, default in defaults.items():
        if key in st.session_state:
            continue
        raw = st.query_params.get(key)
        if raw is None:
            st.session_state[key] = default
        elif isinstance(default, list):
            st.session_state[key] = [x for x in raw.split(",") if x]
        elif isinstance(default, bool):
            st.session_state[key] = raw in ("1", "true", "True")
        elif isinstance(default, int):
            try:
                st.session_state[key] = int(raw)
            except ValueError:
                st.session_state[key] = default
        else:
            st.session_state[key] = raw


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
