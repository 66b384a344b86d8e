"""Logins in the app: the sidebar form, the session's principal, expiry after inactivity.

The principal lives in the server-side session state (never a widget the browser
could set) and is re-read from the database on every run, so a changed role or a
disabled account takes effect at once. A login ends after
``SINERGI_SESSION_IDLE_MINUTES`` without activity, on "log out", or when the
browser tab's session ends.
"""

from __future__ import annotations

import datetime as dt
import secrets

import streamlit as st

from geo import config
from geo.access import accounts, roles
from geo.access.client_address import client_address
from geo.text.messages import UserError
from ui.database import engine
from ui.i18n import current_language, t

SESSION_KEY = "_auth"


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


def principal() -> roles.Principal | None:
    """Who is logged in, or None (also after the idle limit, or when the account was disabled)."""
    auth = st.session_state.get(SESSION_KEY)
    if not auth:
        return None
    now = dt.datetime.now(dt.timezone.utc)
    if roles.session_expired(auth["last_seen"], now):
        del st.session_state[SESSION_KEY]
        st.session_state["_auth_expired"] = True
        return None
    who = accounts.current_principal(engine(), auth["username"])
    if who is None:
        del st.session_state[SESSION_KEY]
        return None
    auth["last_seen"] = now
    return who


def can(role: str) -> bool:
    who = principal()
    return who is not None and who.can(role)


def login_form(where=st.sidebar) -> None:
    with where.form("login", clear_on_submit=True):
        name = st.text_input(t("auth.username"), key="login_name")
        password = st.text_input(t("auth.password"), type="password", key="login_password")
        if st.form_submit_button(t("auth.login")):
            try:
                who = accounts.authenticate(engine(), name, password, client=client_id())
            except UserError as exc:
                where.error(exc.text(current_language()))
                return
            st.session_state[SESSION_KEY] = {"username": who.username,
                                             "last_seen": dt.datetime.now(dt.timezone.utc)}
            st.session_state.pop("_auth_expired", None)
            st.rerun()


def gate() -> roles.Principal | None:
    """The sidebar's login box; when viewing requires a login and nobody is logged in, only the login form."""
    who = principal()
    if st.session_state.get("_auth_expired") and who is None:
        st.sidebar.warning(t("auth.expired"))
    if who is not None:
        st.sidebar.markdown(t("auth.as", user=who.username, role=t(f"role.{who.role}")))
        if st.sidebar.button(t("auth.logout"), key="logout"):
            st.session_state.pop(SESSION_KEY, None)
            st.rerun()
        return who
    if roles.view_requires_login():
        st.title("Sinergi")
        st.info(t("auth.required"))
        if not accounts.has_admin(engine()):
            st.warning(t("auth.no_admin"))
        login_form(st)
        st.stop()
    with st.sidebar.expander(t("auth.login")):
        login_form(st)
    return None
