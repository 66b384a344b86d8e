"""Presentation mode: the current view, clean and full-screen for a projector.

A switch in the sidebar (or ``?present=1`` in the URL) turns it on. Then the sidebar, the page header and
the editing widgets are hidden, type is large, and the view's title, period and filters are stated on
screen. The editing widgets keep running in a hidden container, so the view keeps its state and the
switch back restores the page as it was. Only local CSS: no web fonts.

Room type: sizes follow the window, so a room sees the same picture at 1280×720 as at 1920×1080. The page's root
type (``ROOT_TYPE``) is 2.3% of the window's height, at most 1.45% of its width (a narrow window), never below
16 px: 24.8 px at 1920×1080, 16.6 px at 1280×720 (a phone: 16 px). Body text is the root size; tables
(``ui.text_table``) 0.9 of it (22.4 px at 1920×1080); the map's legend ``LEGEND_EM`` = 0.85 of it (21.1 px). The
"leave" button is an icon in the window's top-right corner (its words stay its accessible name and tooltip), out
of the page's flow, and the simulated-data banner is one compact line, so a step's picture starts high; the map
fills the window below its top (``MAP_FILL``), and the page does not scroll when it grows (no scroll anchoring).
The page's style-only blocks (this one, ``ui.theme``'s) take no row either.
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

ROOT_TYPE = "clamp(16px, min(2.3vh, 1.45vw), 40px)"
LEGEND_EM = 0.85
TABLE_EM = 0.9
# the map in presentation mode: down to the window's bottom less `below` px, never lower than `min` px
MAP_FILL = {"below": 12, "min": 280, "legend_em": LEGEND_EM}

CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stSidebarNav"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stDownloadButton"], .st-key-%(hidden)s, %(editing)s { display: none !important; }
html { font-size: %(root)s; }
[data-testid="stMainBlockContainer"] { max-width: 100%% !important; padding: 0.5rem 2rem 1rem 2rem !important; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] :is(p, li) { font-size: 1rem; }
[data-testid="stMain"] .sinergi-table { font-size: %(table)srem; }
[data-testid="stMain"] [data-testid="stAlertContainer"] { padding: 0.3rem 0.8rem !important; }
[data-testid="stMain"] [data-testid="stAlertContainer"] p { font-size: 0.8rem; }
[data-testid="stMain"] { overflow-anchor: none; }
[data-testid="stElementContainer"]:has(> [data-testid="stMarkdown"] [data-testid="stMarkdownContainer"]
  > style:only-child) { display: none; }
.st-key-present_exit { position: fixed !important; top: 0; right: 0; z-index: 999990; width: auto !important; }
.st-key-present_exit button { min-height: 0; padding: 0.15rem 0.3rem; background: rgba(255, 255, 255, 0.92); }
.st-key-present_exit button [data-testid="stMarkdownContainer"] { position: absolute; width: 1px; height: 1px;
  overflow: hidden; clip-path: inset(50%%); white-space: nowrap; }
h1 { font-size: 3rem !important; }
.sinergi-present-statement { font-size: 1.45rem; line-height: 1.3; margin: 0; }
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
    return CSS % {"hidden": HIDDEN, "editing": ", ".join(f".st-key-{k}" for k in EDITING_KEYS), "root": ROOT_TYPE,
                  "table": TABLE_EM}


def _enter_or_exit() -> None:
    if active():
        st.markdown(css(), unsafe_allow_html=True)
        st.button(t("present.exit"), key="present_exit", on_click=_set, args=(False,), type="tertiary",
                  icon=":material/close_fullscreen:", help=t("present.exit"))
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
