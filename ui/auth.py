"""Logins in the app: the sidebar form, the session's principal, expiry after inactivity, and F5.

The principal lives in the server-side session state (never a widget the browser
could set) and is re-read from the database on every run, so a changed role or a
disabled account takes effect at once. A login ends after
``SINERGI_SESSION_IDLE_MINUTES`` without activity, ``SINERGI_SESSION_MAX_HOURS``
after it began, or on "log out".

A reload (F5) or a new tab is a new Streamlit session: a login opens a server-side
session (``geo.access.login_sessions``) whose signed token the browser keeps in a
cookie (``ui.login_cookie``); a new session that brings a valid token starts logged
in. Logging out ends the server-side session (the token is refused from then on,
wherever it was kept) and clears the cookie. A failed login keeps the typed user
name and empties only the password.
"""

from __future__ import annotations

import datetime as dt
import secrets

import streamlit as st

from geo import config
from geo.access import accounts, login_sessions, roles
from geo.access.client_address import client_address
from geo.text.messages import UserError
from ui import lazy_expander, login_cookie
from ui.database import engine
from ui.i18n import current_language, t

SESSION_KEY = "_auth"
COOKIE_KEY = "_auth_cookie"  # what the browser's login cookie must become in this session: ("set", token) or ("clear",)


def _connection() -> tuple[str | None, list[str]]:
    """(TCP peer address, X-Forwarded-For header values) of this browser session's websocket.

    ``st.context.ip_address`` hides loopback peers (it gives None for 127.0.0.1, which is exactly where
    ``run.py serve``'s nginx connects from), so the raw peer is read from the session's client context,
    the object ``st.context`` itself reads (``tests/ui/test_client_address.py`` pins this to Streamlit 1.67).
    """
    from streamlit.runtime.context import _get_client_context

    context = _get_client_context()
    if context is None:
        return None, []
    forwarded = [value for name, value in context.headers if name.lower() == "x-forwarded-for"]
    return context.remote_ip, forwarded


def client_id() -> str:
    """The key of the per-client login back-off: the browser's address (``X-Forwarded-For`` believed only
    from a proxy in ``SINERGI_TRUSTED_PROXIES``); a key of this browser session when no address is known,
    never one key that every such session would share (and lock for each other)."""
    try:
        peer, forwarded = _connection()
    except Exception:  # not in a browser session (AppTest)
        peer, forwarded = None, []
    address = client_address(peer, forwarded, config.get("SINERGI_TRUSTED_PROXIES"))
    if address:
        return address
    if "_client_key" not in st.session_state:
        st.session_state["_client_key"] = "session:" + secrets.token_hex(8)
    return st.session_state["_client_key"]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _from_cookie() -> None:
    """Once per browser session: log in from the cookie's token if it is still good, else clear the cookie."""
    if st.session_state.get("_auth_cookie_read"):
        return
    st.session_state["_auth_cookie_read"] = True
    token = login_cookie.read()
    if not token:
        return
    resumed = login_sessions.resume(engine(), token)
    if resumed.principal is None:
        st.session_state[COOKIE_KEY] = ("clear",)
        if resumed.reason in ("idle", "too_old"):
            st.session_state["_auth_expired"] = True
        return
    st.session_state[SESSION_KEY] = {"username": resumed.principal.username, "last_seen": _now(), "token": token}


def start_session(who: roles.Principal) -> None:
    """``who`` has just proved who they are: log this session in and keep the login in the browser."""
    token = login_sessions.open_session(engine(), who)
    st.session_state[SESSION_KEY] = {"username": who.username, "last_seen": _now(), "token": token}
    st.session_state[COOKIE_KEY] = ("set", token)
    st.session_state.pop("_auth_expired", None)


def _end(expired: bool = False) -> None:
    auth = st.session_state.pop(SESSION_KEY, None) or {}
    if auth.get("token"):
        login_sessions.end_session(engine(), auth["token"], user=None if expired else auth.get("username"))
        st.session_state[COOKIE_KEY] = ("clear",)
    if expired:
        st.session_state["_auth_expired"] = True


def principal() -> roles.Principal | None:
    """Who is logged in, or None (also after the idle limit, or when the account was disabled)."""
    if SESSION_KEY not in st.session_state:
        _from_cookie()
    auth = st.session_state.get(SESSION_KEY)
    if not auth:
        return None
    now = _now()
    if roles.session_expired(auth["last_seen"], now):
        _end(expired=True)
        return None
    if auth.get("token"):
        resumed = login_sessions.resume(engine(), auth["token"], now)
        who = resumed.principal
        if who is None:  # logged out elsewhere, disabled, password changed, too old
            st.session_state.pop(SESSION_KEY, None)
            st.session_state[COOKIE_KEY] = ("clear",)
            st.session_state["_auth_expired"] = resumed.reason in ("idle", "too_old")
            return None
    else:  # a session logged in without a cookie (tests set the session state directly)
        who = accounts.current_principal(engine(), auth["username"])
        if who is None:
            del st.session_state[SESSION_KEY]
            return None
    auth["last_seen"] = now
    return who


def can(role: str) -> bool:
    who = principal()
    return who is not None and who.can(role)


def _submit_login() -> None:
    """The login form's button (a callback, so that it may empty the password field before the form is drawn
    again): a wrong name or password keeps the typed name, shows why, and empties the password."""
    name = st.session_state.get("login_name", "")
    password = st.session_state.get("login_password", "")
    st.session_state["login_password"] = ""
    try:
        who = accounts.authenticate(engine(), name, password, client=client_id())
    except UserError as exc:
        st.session_state["_login_error"] = exc.text(current_language())
        return
    start_session(who)


def login_form(where=st.sidebar) -> None:
    with where.form("login", clear_on_submit=False):
        st.text_input(t("auth.username"), key="login_name")
        st.text_input(t("auth.password"), type="password", key="login_password")
        st.form_submit_button(t("auth.login"), on_click=_submit_login)
    if error := st.session_state.pop("_login_error", None):
        where.error(error)


def _sync_cookie() -> None:
    """Draw the cookie writer while this session has something to tell the browser (it stays idle on reruns)."""
    wanted = st.session_state.get(COOKIE_KEY)
    if not wanted:
        return
    with st.sidebar:
        if wanted[0] == "set":
            login_cookie.write(wanted[1])
        else:
            login_cookie.clear()


def gate() -> roles.Principal | None:
    """The sidebar's login box; when viewing requires a login and nobody is logged in, only the login form."""
    who = principal()
    _sync_cookie()
    if st.session_state.get("_auth_expired") and who is None:
        st.sidebar.warning(t("auth.expired"))
    if who is not None:
        st.sidebar.markdown(t("auth.as", user=who.username, role=t(f"role.{who.role}")))
        if st.sidebar.button(t("auth.logout"), key="logout"):
            _end()
            st.rerun()
        return who
    if roles.view_requires_login():
        st.title("Sinergi")
        st.info(t("auth.required"))
        if not accounts.has_admin(engine()):
            st.warning(t("auth.no_admin"))
        login_form(st)
        st.stop()
    if box := lazy_expander.expander(t("auth.login"), "login_open", where=st.sidebar):  # drawn once opened
        with box:
            login_form(st)
    return None
