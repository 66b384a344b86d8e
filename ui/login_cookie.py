"""The login cookie (``geo.access.login_sessions.COOKIE``): read from the request, written and cleared by the browser.

Streamlit cannot set a cookie from Python (a page is a websocket, not an HTTP response), so a tiny component of
our own (``ui/components/login_cookie``: a static page and ten lines of JavaScript, no build step, like the map's
frame) writes ``document.cookie``: path "/", SameSite=Strict, ``Secure`` when the page came over https (the
browser knows this even behind a proxy that ends TLS), Max-Age the absolute maximum of a login. Its frame is
served by the app itself, so the cookie belongs to the app's origin.

Why not ``st.components.v1.html``: that would build the script's text around the token in Python and write it into
a new ``srcdoc`` frame whenever the text changes; here the token travels as a JSON argument, the page is a fixed
file, and a frame whose arguments did not change does nothing on a rerun. The cookie cannot be ``HttpOnly`` (only
an HTTP response can set that); the token alone logs nobody in: the server-side session must still be alive
(``geo.access.login_sessions``).

The server reads the cookie once per browser session from ``st.context.cookies`` (the headers of the websocket's
request: a cookie written later in the same session is seen at the next reload).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

from geo.access import login_sessions
from ui import component_files

_FRONTEND = Path(__file__).parent / "components" / "login_cookie"
_FILES = component_files.build(_FRONTEND, component_files.default_root() / f"{__name__}.login_cookie")
_component = components.declare_component("login_cookie", path=str(_FILES), url=component_files.frame_url(_FILES))


def read() -> str | None:
    """The token the browser sent with this session's websocket, if any."""
    try:
        return st.context.cookies.get(login_sessions.COOKIE) or None
    except Exception:  # not in a browser session (AppTest)
        return None


def write(token: str) -> None:
    """Keep ``token`` in the browser (rendered on every run while logged in: a frame that already wrote it is idle)."""
    _component(action="set", name=login_sessions.COOKIE, value=token,
               max_age=int(login_sessions.max_age().total_seconds()), key="login_cookie", default=None)


def clear() -> None:
    """Remove the cookie from the browser."""
    _component(action="clear", name=login_sessions.COOKIE, value="", max_age=0, key="login_cookie", default=None)
