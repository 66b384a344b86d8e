"""Presentation mode: the current view, clean and full-screen for a projector.

A switch in the sidebar (or ``?present=1`` in the URL) turns it on. Then the sidebar, the page header and
the editing widgets are hidden, type is large, and the view's title, period and filters are stated on
screen. The editing widgets keep running in a hidden container, so the view keeps its state and the
switch back restores the page as it was. Only local CSS: no web fonts.
"""

from __future__ import annotations

import html
from contextlib import contextmanager

import streamlit as st

from ui.i18n import t

KEY = "present"
HIDDEN = "present-controls"  # the container of the editing widgets while presenting
# widgets that edit the view (by key) and download buttons: not shown while presenting
EDITING_KEYS = ("level", "region_pick", "region_status")

CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stSidebarNav"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stDownloadButton"], .st-key-%(hidden)s, %(editing)s { display: none !important; }
html { font-size: 22px; }
[data-testid="stMainBlockContainer"] { max-width: 100%% !important; padding: 1rem 2.5rem 1rem 2.5rem !important; }
h1 { font-size: 3rem !important; }
.sinergi-present-statement { font-size: 1.45rem; line-height: 1.4; margin: 0.2rem 0 0.6rem 0; }
.sinergi-present-statement b { font-size: 1.7rem; }
</style>
"""


def active() -> bool:
    """True while presenting (taken from ``?present=1`` on the session's first page)."""
    if KEY not in st.session_state:
        st.session_state[KEY] = st.query_params.get("present") in ("1", "true")
    return bool(st.session_state[KEY])


def _set(on: bool) -> None:
    st.session_state[KEY] = on
    if on:
        st.query_params["present"] = "1"
    else:
        st.query_params.pop("present", None)


def css() -> str:
    return CSS % {"hidden": HIDDEN, "editing": ", ".join(f".st-key-{k}" for k in EDITING_KEYS)}


def _enter_or_exit() -> None:
    if active():
        st.markdown(css(), unsafe_allow_html=True)
        st.button(t("present.exit"), key="present_exit", on_click=_set, args=(False,), type="tertiary",
                  icon=":material/close_fullscreen:")
    else:
        st.sidebar.toggle(t("present.switch"), key="present_switch", value=False,
                          on_change=lambda: _set(bool(st.session_state.get("present_switch"))))


@contextmanager
def controls():
    """Where a page's editing widgets go: the sidebar, or a hidden container while presenting."""
    _enter_or_exit()
    if active():
        with st.container(key=HIDDEN):
            yield
    else:
        with st.sidebar:
            yield


def page() -> None:
    """For a page without its own sidebar controls: the switch, or the presentation look."""
    _enter_or_exit()


def statement(title: str, subtitle: str) -> None:
    """While presenting: what is shown (title) and its period and filters (subtitle), in large type."""
    if active():
        st.markdown(f'<div class="sinergi-present-statement"><b>{html.escape(title)}</b><br>'
                    f"{html.escape(subtitle)}</div>", unsafe_allow_html=True)
