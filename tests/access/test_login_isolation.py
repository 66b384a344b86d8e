"""Failed logins from one client lock neither another client nor the admin, also when the failing client
forges X-Forwarded-For to look like someone else (the key is decided by ``geo.access.client_address``)."""

import datetime as dt
from ipaddress import ip_network

import pytest

from geo.access import accounts
from geo.access.client_address import client_address
from geo.text.messages import UserError

NGINX = (ip_network("127.0.0.1/32"),)
T0 = dt.datetime(2026, 1, 1, 8, tzinfo=dt.timezone.utc)


def test_a_client_failing_and_forging_its_address_locks_only_itself(engine):
    accounts.bootstrap_admin(engine, "kepala", "sandi-admin-panjang")
    accounts._add(engine, "vina", "sandi-vina-panjang", "viewer")
    # the attacker, directly on the network (no proxy trusted), claims to be the admin's desk 10.0.0.1
    attacker = client_address("10.6.6.6", ["10.0.0.1"], trusted=())
    # behind nginx, it claims the same; nginx appended the address it saw
    attacker_via_proxy = client_address("127.0.0.1", ["10.0.0.1, 10.6.6.7"], trusted=NGINX)
    assert (attacker, attacker_via_proxy) == ("10.6.6.6", "10.6.6.7")
    for who in (attacker, attacker_via_proxy):
        for i in range(10):  # guessing other names, as fast as allowed
            t = T0 + dt.timedelta(seconds=accounts.wait_seconds(engine, f"tebak{i}", who, now=T0))
            with pytest.raises(UserError):
                accounts.authenticate(engine, f"tebak{i}", f"salah-sandi-{i}", client=who, now=t)
    assert accounts.wait_seconds(engine, "siapa", attacker, now=T0) > 60  # the attacker waits
    assert accounts.wait_seconds(engine, "siapa", attacker_via_proxy, now=T0) > 60
    admin_desk = client_address("127.0.0.1", ["10.0.0.1"], trusted=NGINX)
    colleague = client_address("10.0.0.2", [], trusted=())
    assert accounts.wait_seconds(engine, "kepala", admin_desk, now=T0) == 0
    assert accounts.authenticate(engine, "kepala", "sandi-admin-panjang", client=admin_desk, now=T0).role == "admin"
    assert accounts.authenticate(engine, "vina", "sandi-vina-panjang", client=colleague, now=T0).role == "viewer"


def test_failures_on_the_admins_name_from_one_client_leave_the_admin_in_within_a_minute(engine):
    accounts.bootstrap_admin(engine, "kepala", "sandi-admin-panjang")
    attacker = client_address("127.0.0.1", ["10.0.0.1, 10.6.6.6"], trusted=NGINX)
    t = T0
    for i in range(12):
        t += dt.timedelta(seconds=accounts.wait_seconds(engine, "kepala", attacker, now=t))
        with pytest.raises(UserError):
            accounts.authenticate(engine, "kepala", f"tebak-{i}", client=attacker, now=t)
    admin_desk = client_address("127.0.0.1", ["10.0.0.1"], trusted=NGINX)
    assert accounts.wait_seconds(engine, "kepala", admin_desk, now=t) <= accounts.MAX_USER_DELAY.total_seconds()
    later = t + accounts.MAX_USER_DELAY
    assert accounts.authenticate(engine, "kepala", "sandi-admin-panjang", client=admin_desk, now=later).role == "admin"
    assert accounts.wait_seconds(engine, "siapa", attacker, now=later) > 0  # the attacker still waits
