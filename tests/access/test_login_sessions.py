"""geo.access.login_sessions: the token a reload brings back is accepted only while every rule holds."""

import datetime as dt

import pytest
from sqlalchemy import func, inspect, select

from geo.access import accounts, login_sessions
from geo.access.roles import Principal
from geo.db import storage
from geo.db.models import LoginSession, SigningKey, record_tables
from tests.conftest import migrate_down

# a day ahead of the clock: after the accounts of every test were made (a session older than its password is refused)
T0 = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) + dt.timedelta(days=1)
KEPALA = Principal("kepala", "admin")


@pytest.fixture()
def users(engine):
    accounts.bootstrap_admin(engine, "kepala", "sandi-admin-panjang")
    accounts.add_user(engine, KEPALA, "ani", "sandi-ani-panjang", "editor")
    return engine


def _login(engine, name="ani", password="sandi-ani-panjang", now=T0) -> str:
    return login_sessions.open_session(engine, accounts.authenticate(engine, name, password), now=now)


def test_a_fresh_token_brings_back_the_user_with_the_role_stored_now(users):
    token = _login(users)
    assert login_sessions.resume(users, token, T0 + dt.timedelta(minutes=5)) == login_sessions.Resumed(
        Principal("ani", "editor"), "ok")


def test_a_token_changed_anywhere_is_refused(users):
    token = _login(users)
    version, token_id, opened, signature = token.split(".")
    later = T0 + dt.timedelta(minutes=1)
    forged_time = f"{version}.{token_id}.{int(opened) + 3600}.{signature}"
    forged_id = f"{version}.{token_id[:-1]}{'A' if token_id[-1] != 'A' else 'B'}.{opened}.{signature}"
    forged_signature = f"{version}.{token_id}.{opened}.{signature[:-1]}{'0' if signature[-1] != '0' else '1'}"
    for forged in (forged_time, forged_id, forged_signature):
        assert login_sessions.resume(users, forged, later) == login_sessions.Resumed(None, "signature")
    for garbage in ("", "v1..1.x", "v2" + token[2:], token + ".x", "v1.é.1.00", None):
        assert login_sessions.resume(users, garbage, later).reason == "malformed"
    assert login_sessions.resume(users, token, later).reason == "ok"  # the real one still is


def test_a_token_signed_with_another_key_is_refused(users, tmp_path):
    other = storage.make_engine(f"sqlite:///{tmp_path / 'other.db'}")
    storage.migrate(other)
    accounts.bootstrap_admin(other, "ani", "sandi-ani-panjang")
    token = _login(other)
    assert login_sessions.resume(users, token, T0).reason == "signature"
    other.dispose()


def test_a_session_idle_longer_than_the_limit_is_refused_and_forgotten(users, monkeypatch):
    monkeypatch.setenv("SINERGI_SESSION_IDLE_MINUTES", "30")
    token = _login(users)
    assert login_sessions.resume(users, token, T0 + dt.timedelta(minutes=29)).reason == "ok"
    # each use counts as activity: 29 minutes after the last one it is still alive
    assert login_sessions.resume(users, token, T0 + dt.timedelta(minutes=58)).reason == "ok"
    assert login_sessions.resume(users, token, T0 + dt.timedelta(minutes=89)).reason == "idle"
    assert login_sessions.resume(users, token, T0 + dt.timedelta(minutes=90)).reason == "ended"


def test_an_active_session_still_ends_at_the_absolute_maximum(users, monkeypatch):
    monkeypatch.setenv("SINERGI_SESSION_MAX_HOURS", "2")
    token = _login(users)
    t = T0
    while t < T0 + dt.timedelta(hours=2):
        assert login_sessions.resume(users, token, t).reason == "ok", t
        t += dt.timedelta(minutes=20)
    assert login_sessions.resume(users, token, T0 + dt.timedelta(hours=2, minutes=1)).reason == "too_old"


def test_after_logout_the_token_is_refused(users):
    token = _login(users)
    other_device = _login(users)
    login_sessions.end_session(users, token, user="ani")
    assert login_sessions.resume(users, token, T0).reason == "ended"
    assert login_sessions.resume(users, other_device, T0).reason == "ok"  # only that login ended


def test_a_disabled_removed_or_re_passworded_account_ends_its_sessions(users):
    token = _login(users)
    accounts.set_active(users, KEPALA, "ani", False)
    assert login_sessions.resume(users, token, T0) == login_sessions.Resumed(None, "account")
    accounts.set_active(users, KEPALA, "ani", True)
    assert login_sessions.resume(users, token, T0).reason == "ended"  # enabling again does not bring it back

    token = _login(users, now=dt.datetime.now(dt.timezone.utc))
    accounts.set_password(users, KEPALA, "ani", "sandi-baru-panjang")
    assert login_sessions.resume(users, token).reason == "account"

    token = _login(users, password="sandi-baru-panjang", now=dt.datetime.now(dt.timezone.utc))
    accounts.remove_user(users, KEPALA, "ani")
    accounts.add_user(users, KEPALA, "ani", "sandi-ani-panjang", "admin")  # a new account of the same name
    assert login_sessions.resume(users, token).reason == "ended"


def test_a_changed_role_counts_at_once(users):
    token = _login(users)
    accounts.set_role(users, KEPALA, "ani", "viewer")
    assert login_sessions.resume(users, token, T0).principal == Principal("ani", "viewer")


def test_only_a_hash_of_the_token_is_stored_and_logins_are_in_no_backup(users):
    token = _login(users)
    with storage.transaction(users) as s:
        stored = s.scalars(select(LoginSession.id)).all()
        key = s.scalar(select(SigningKey.value))
    assert len(stored) == 1 and stored[0] not in token and token.split(".")[1] not in stored[0]
    assert key not in token and len(bytes.fromhex(key)) == 32
    assert not {"login_session", "signing_key"} & {t.name for t in record_tables()}


def test_the_signing_key_is_made_once(users):
    tokens = [_login(users) for _ in range(3)]
    with storage.transaction(users) as s:
        assert s.scalar(select(func.count()).select_from(SigningKey)) == 1
    assert all(login_sessions.resume(users, t, T0).reason == "ok" for t in tokens)


def test_migration_0009_adds_and_removes_the_login_tables(sqlite_engine):
    assert {"login_session", "signing_key"} <= set(inspect(sqlite_engine).get_table_names())
    migrate_down(sqlite_engine, "0008")
    assert not {"login_session", "signing_key"} & set(inspect(sqlite_engine).get_table_names())
    storage.migrate(sqlite_engine)
    assert {"login_session", "signing_key"} <= set(inspect(sqlite_engine).get_table_names())
