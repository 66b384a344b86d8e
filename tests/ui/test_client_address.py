"""The client address of the login back-off: X-Forwarded-For counts only from a configured proxy."""

from ipaddress import ip_network

import pytest

from geo import config
from geo.access.client_address import client_address
from ui import auth

NGINX = (ip_network("127.0.0.1/32"),)


def test_a_forged_forwarded_for_from_an_untrusted_peer_is_ignored():
    assert client_address("10.9.8.7", ["127.0.0.1", "10.0.0.1"], trusted=()) == "10.9.8.7"
    # trusting some other proxy does not make this peer one
    assert client_address("10.9.8.7", ["10.0.0.1"], trusted=(ip_network("10.5.0.0/16"),)) == "10.9.8.7"


def test_behind_a_trusted_proxy_the_right_most_untrusted_address_counts_not_what_the_client_wrote():
    # the client wrote "1.2.3.4" itself; nginx appended the address it saw
    assert client_address("127.0.0.1", ["1.2.3.4, 10.20.30.40"], trusted=NGINX) == "10.20.30.40"
    # two proxies in a row, both trusted: still the address the first one saw
    both = (*NGINX, ip_network("10.0.0.0/30"))
    assert client_address("127.0.0.1", ["1.2.3.4, 10.20.30.40, 10.0.0.2"], trusted=both) == "10.20.30.40"
    assert client_address("127.0.0.1", ["1.2.3.4", "10.20.30.40"], trusted=NGINX) == "10.20.30.40"


def test_ipv6_and_ipv4_mapped_peers_are_matched_as_addresses():
    assert client_address("::ffff:127.0.0.1", ["10.1.1.1"], trusted=NGINX) == "10.1.1.1"
    assert client_address("fd00::1", ["10.1.1.1"], trusted=(ip_network("fd00::/64"),)) == "10.1.1.1"


def test_the_setting_parses_addresses_and_networks_and_refuses_garbage(monkeypatch):
    monkeypatch.setenv("SINERGI_TRUSTED_PROXIES", "127.0.0.1, 10.1.0.0/16")
    assert config.get("SINERGI_TRUSTED_PROXIES") == (ip_network("127.0.0.1/32"), ip_network("10.1.0.0/16"))
    monkeypatch.setenv("SINERGI_TRUSTED_PROXIES", "nginx.local")
    with pytest.raises(config.ConfigError, match="SINERGI_TRUSTED_PROXIES"):
        config.get("SINERGI_TRUSTED_PROXIES")
    monkeypatch.delenv("SINERGI_TRUSTED_PROXIES")
    assert config.get("SINERGI_TRUSTED_PROXIES") == ()


def _connect(monkeypatch, peer, forwarded):
    monkeypatch.setattr(auth, "_connection", lambda: (peer, forwarded))


def test_client_id_ignores_forwarded_for_unless_the_peer_is_a_configured_proxy(monkeypatch):
    monkeypatch.delenv("SINERGI_TRUSTED_PROXIES", raising=False)
    _connect(monkeypatch, "127.0.0.1", ["10.7.7.7"])
    assert auth.client_id() == "127.0.0.1"
    monkeypatch.setenv("SINERGI_TRUSTED_PROXIES", "127.0.0.1")
    assert auth.client_id() == "10.7.7.7"
    _connect(monkeypatch, "10.3.3.3", ["10.7.7.7"])
    assert auth.client_id() == "10.3.3.3"


def test_without_any_address_each_session_gets_its_own_key_never_a_shared_one(monkeypatch):
    import streamlit as st

    _connect(monkeypatch, None, [])
    st.session_state.clear()
    first = auth.client_id()
    assert first.startswith("session:") and auth.client_id() == first
    st.session_state.clear()  # another browser session
    assert auth.client_id() != first


def test_the_streamlit_internal_that_gives_the_raw_peer_still_exists():
    """``ui.auth._connection`` reads Streamlit's client context (``st.context.ip_address`` hides 127.0.0.1,
    the address of nginx in ``run.py serve``); a Streamlit upgrade that moves it must fail here."""
    from streamlit.runtime.context import _get_client_context
    from streamlit.web.server.starlette.starlette_websocket import StarletteClientContext

    assert _get_client_context() is None  # outside a session
    assert {"remote_ip", "headers"} <= set(dir(StarletteClientContext))
