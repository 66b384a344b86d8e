"""geo.access.accounts, rule by rule, on a SQLite file copied from one migrated at the start, with a cheap Argon2id
hasher (the real settings take about half a second a hash): user names and passwords, logins and their back-off,
and managing users. Fast (no pages, no command line, no PostgreSQL), so the mutation run can use it;
``test_access.py`` checks the same through the pages and the command line, on both databases.
"""

import datetime as dt
import shutil

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from geo.access import accounts
from geo.access.roles import ROLES, AccessDenied, Principal
from geo.db import storage
from geo.db.models import AuditEntry, LoginThrottle, User
from geo.text.messages import UserError

CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
T0 = dt.datetime(2026, 1, 1, 8, tzinfo=dt.timezone.utc)
ROOT_PW = "sandi-admin-panjang"
ROOT = Principal("kepala", "admin")
SECOND = dt.timedelta(seconds=1)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    path = tmp_path_factory.mktemp("accounts") / "migrated.db"
    eng = storage.make_engine(f"sqlite:///{path}")
    storage.migrate(eng)
    eng.dispose()
    return path


@pytest.fixture()
def engine(migrated, tmp_path, monkeypatch):
    shutil.copy(migrated, tmp_path / "test.db")
    monkeypatch.setattr(accounts, "_hasher", CHEAP)
    monkeypatch.setattr(accounts, "_DUMMY_HASH", CHEAP.hash("sinergi-no-such-user"))
    eng = storage.make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    yield eng
    eng.dispose()


@pytest.fixture()
def logged(monkeypatch):
    """The event log's lines, as (event, fields)."""
    lines = []
    monkeypatch.setattr(accounts.events, "log", lambda event, **fields: lines.append((event, fields)))
    return lines


@pytest.fixture()
def admin(engine):
    accounts.bootstrap_admin(engine, "kepala", ROOT_PW)
    return ROOT


def audit(engine) -> list[tuple]:
    with storage.transaction(engine) as s:
        return [(a.actor, a.action, a.record_type, a.record_key, a.changes)
                for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def throttles(engine) -> dict[str, tuple]:
    with storage.transaction(engine) as s:
        return {t.key: (t.failures, accounts._aware(t.last_failure_at), accounts._aware(t.blocked_until))
                for t in s.scalars(select(LoginThrottle))}


def stored(engine, username: str) -> User:
    with storage.transaction(engine) as s:
        return s.scalar(select(User).where(User.username == username))


def refused(key: str, fn, *args, **kwargs) -> UserError:
    with pytest.raises(UserError) as caught:
        fn(*args, **kwargs)
    assert caught.value.key == key
    return caught.value


# ---------------------------------------------------------------------- names, passwords, roles


def test_a_user_name_is_trimmed_lower_cased_and_of_two_to_sixty_four_letters_digits_dots_dashes_underscores():
    assert accounts.normalize_username("  Ani.B_c-1 ") == "ani.b_c-1"
    assert accounts.normalize_username("ab") == "ab" and accounts.normalize_username("a" * 64) == "a" * 64
    for bad in ("a", "a" * 65, "-ab", ".ab", "a b", "ani!", ""):
        refused("user.bad_name", accounts.normalize_username, bad)
    assert refused("user.bad_name", accounts.normalize_username, None).params == {"name": ""}
    assert refused("user.bad_name", accounts.normalize_username, " <" * 50).params == {"name": "< " * 32}
    assert refused("user.bad_name", accounts.normalize_username, "A!").params == {"name": "a!"}


def test_a_password_has_ten_characters_at_least_and_is_not_the_user_name():
    assert accounts.check_password("a" * 10) == "a" * 10
    assert refused("user.weak_password", accounts.check_password, "a" * 9).params == {"n": 10}
    for not_text in (None, 12345678901, b"sandi-panjang-1"):
        refused("user.weak_password", accounts.check_password, not_text)
    assert refused("user.weak_password", accounts.check_password, " Ani-Sandi-1 ", "ani-sandi-1").params == {"n": 10}
    refused("user.weak_password", accounts.check_password, "ani-sandi-1", "ANI-SANDI-1")
    assert accounts.check_password("ani-sandi-12", "ani-sandi-1") == "ani-sandi-12"
    assert accounts.check_password("ani-sandi-1", "") == "ani-sandi-1"


def test_a_role_is_one_of_the_three():
    assert [accounts._check_role(r) for r in ROLES] == ["viewer", "editor", "admin"]
    err = refused("user.bad_role", accounts._check_role, "boss")
    assert err.params == {"role": "boss", "roles": "viewer, editor, admin"}
    assert refused("user.bad_role", accounts._check_role, "x" * 30).params["role"] == "x" * 20
    assert refused("user.bad_role", accounts._check_role, None).params["role"] == "None"


def test_a_stored_time_without_a_zone_is_read_as_utc():
    assert accounts._aware(None) is None
    assert accounts._aware(dt.datetime(2026, 1, 1, 8)) == T0 and accounts._aware(dt.datetime(2026, 1, 1, 8)).tzinfo
    wib = dt.datetime(2026, 1, 1, 15, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert accounts._aware(wib) is wib


def test_a_login_is_counted_under_its_user_name_and_its_client():
    assert accounts._throttle_keys(" Ani ", "10.0.0.1") == ["user:ani", "client:10.0.0.1"]
    assert accounts._throttle_keys("ani", None) == ["user:ani"] and accounts._throttle_keys("ani", "") == ["user:ani"]
    assert accounts._throttle_keys(None, None) == ["user:"]
    assert accounts._throttle_keys("a" * 70, "9" * 250) == ["user:" + "a" * 64, "client:" + "9" * 200]


# ---------------------------------------------------------------------- logins


def test_the_right_password_logs_in_and_the_login_is_audited_and_logged(engine, admin, logged):
    assert accounts.authenticate(engine, " KEPALA ", ROOT_PW, client="10.0.0.1", now=T0) == ROOT
    assert accounts.authenticate(engine, "kepala", ROOT_PW, now=T0 + SECOND) == ROOT
    assert audit(engine) == [("kepala", "create", "user", "kepala", {"role": [None, "admin"]}),
                             ("kepala", "login", "user", "kepala", {"client": "10.0.0.1"}),
                             ("kepala", "login", "user", "kepala", {})]
    assert logged == [("login", {"user": "kepala", "role": "admin", "client": "10.0.0.1"}),
                      ("login", {"user": "kepala", "role": "admin", "client": None})]
    [info] = accounts.list_users(engine, ROOT)
    assert info.last_login_at == T0 + SECOND


def test_a_wrong_password_an_unknown_name_and_a_disabled_account_are_refused_alike(engine, admin, logged):
    accounts.add_user(engine, ROOT, "vina", "sandi-vina-panjang", "viewer")
    accounts.set_active(engine, ROOT, "vina", False)
    logged.clear()
    for name, password in (("kepala", "salah-sandi-1"), ("kepala", None), ("kepala", ""), ("tidak-ada", ROOT_PW),
                           ("vina", "sandi-vina-panjang")):
        refused("auth.failed", accounts.authenticate, engine, name, password, client=f"10.0.0.{len(logged)}", now=T0)
    assert [fields for _, fields in logged] == [
        {"client": "10.0.0.0", "user": "kepala"}, {"client": "10.0.0.1", "user": "kepala"},
        {"client": "10.0.0.2", "user": "kepala"}, {"client": "10.0.0.3", "user_known": False},
        {"client": "10.0.0.4", "user": "vina"}]
    assert {e for e, _ in logged} == {"login_failed"}
    assert [a[1] for a in audit(engine)] == ["create", "create", "update"]  # no failed login in the trail
    assert stored(engine, "kepala").last_login_at is None


def test_a_stored_hash_that_is_no_hash_is_a_failed_login(engine, admin):
    with storage.transaction(engine) as s:
        s.execute(update(User).where(User.username == "kepala").values(password_hash="bukan-hash"))
    refused("auth.failed", accounts.authenticate, engine, "kepala", ROOT_PW, now=T0)


def test_each_failure_is_counted_for_the_name_and_for_the_client(engine, admin):
    refused("auth.failed", accounts.authenticate, engine, " Kepala ", "salah-sandi-1", client="10.0.0.9", now=T0)
    refused("auth.failed", accounts.authenticate, engine, "kepala", "salah-sandi-2", now=T0 + SECOND)
    assert throttles(engine) == {"user:kepala": (2, T0 + SECOND, None), "client:10.0.0.9": (1, T0, None)}


@pytest.mark.parametrize("key, cap", [("user:ani", 60), ("client:10.0.0.9", 15 * 60)])
def test_the_fourth_failure_starts_a_back_off_that_doubles_up_to_its_cap(engine, key, cap):
    waits = []
    for _ in range(16):
        accounts._record_failure(engine, [key], T0)
        failures, last, until = throttles(engine)[key]
        waits.append(None if until is None else (until - T0).total_seconds())
        assert last == T0
    assert failures == 16
    assert waits == [None, None, None, *[min(2.0 ** i, cap) for i in range(13)]]


def test_a_back_off_never_overflows(engine):
    with storage.transaction(engine) as s:
        s.add(LoginThrottle(key="client:10.0.0.9", failures=500))
    accounts._record_failure(engine, ["client:10.0.0.9"], T0)
    assert throttles(engine)["client:10.0.0.9"] == (501, T0, T0 + accounts.MAX_DELAY)


def test_the_wait_is_the_longest_of_the_name_and_the_client_and_never_negative(engine):
    with storage.transaction(engine) as s:
        s.add_all([LoginThrottle(key="user:ani", failures=5, blocked_until=T0 + 30 * SECOND),
                   LoginThrottle(key="client:10.0.0.9", failures=7, blocked_until=T0 + 90 * SECOND),
                   LoginThrottle(key="user:budi", failures=1),
                   LoginThrottle(key="user:lama", failures=9, blocked_until=T0 - 90 * SECOND)])
    assert accounts.wait_seconds(engine, "ani", now=T0) == 30.0
    assert accounts.wait_seconds(engine, " ANI ", "10.0.0.9", now=T0) == 90.0
    assert accounts.wait_seconds(engine, "budi", "10.0.0.9", now=T0 + 60 * SECOND) == 30.0
    assert accounts.wait_seconds(engine, "budi", now=T0) == 0.0 and accounts.wait_seconds(engine, "lama", now=T0) == 0
    assert accounts.wait_seconds(engine, "orang-lain", "10.0.0.1", now=T0) == 0.0


def test_the_wait_is_counted_from_the_clock_when_no_time_is_given(engine):
    with storage.transaction(engine) as s:
        s.add(LoginThrottle(key="user:ani", failures=5, blocked_until=accounts.utcnow() + 100 * SECOND))
    assert 90 < accounts.wait_seconds(engine, "ani") <= 100


def test_while_a_back_off_runs_even_the_right_password_is_not_looked_at(engine, admin, logged):
    for i in range(accounts.FREE_FAILURES + 1):
        refused("auth.failed", accounts.authenticate, engine, "kepala", f"salah-{i}", client="10.0.0.9", now=T0)
    logged.clear()
    err = refused("auth.throttled", accounts.authenticate, engine, "kepala", ROOT_PW, now=T0 + SECOND / 2)
    assert err.params == {"seconds": 1}
    assert logged == [("login_refused", {"reason": "throttled", "client": None, "wait_s": 1, "user": "kepala"})]
    err = refused("auth.throttled", accounts.authenticate, engine, "nobody", ROOT_PW, client="10.0.0.9", now=T0)
    assert err.params == {"seconds": 2} and logged[-1] == ("login_refused", {
        "reason": "throttled", "client": "10.0.0.9", "wait_s": 2, "user_known": False})
    assert throttles(engine)["user:kepala"][0] == 4  # a refused attempt is no failure
    assert accounts.authenticate(engine, "kepala", ROOT_PW, now=T0 + SECOND) == ROOT


def test_a_login_clears_the_counters_of_its_name_and_client_only(engine, admin):
    for name, client in (("kepala", "10.0.0.1"), ("kepala", "10.0.0.9"), ("lain", "10.0.0.1")):
        refused("auth.failed", accounts.authenticate, engine, name, "salah-sandi", client=client, now=T0)
    accounts.authenticate(engine, "kepala", ROOT_PW, client="10.0.0.1", now=T0)
    assert set(throttles(engine)) == {"client:10.0.0.9", "user:lain"}


def test_counters_are_forgotten_an_hour_after_their_last_failure(engine, admin):
    refused("auth.failed", accounts.authenticate, engine, "lama", "salah-sandi", client="10.0.0.7", now=T0)
    refused("auth.failed", accounts.authenticate, engine, "baru", "salah-sandi", now=T0 + accounts.FORGET_AFTER)
    assert set(throttles(engine)) == {"user:lama", "client:10.0.0.7", "user:baru"}  # exactly an hour: kept
    accounts.authenticate(engine, "kepala", ROOT_PW, now=T0 + accounts.FORGET_AFTER + SECOND)
    assert set(throttles(engine)) == {"user:baru"}


def test_a_login_rehashes_a_password_hashed_with_weaker_settings(engine, admin, monkeypatch):
    before = stored(engine, "kepala").password_hash
    accounts.authenticate(engine, "kepala", ROOT_PW, now=T0)
    assert stored(engine, "kepala").password_hash == before  # the settings have not changed
    stronger = PasswordHasher(time_cost=2, memory_cost=8, parallelism=1)
    monkeypatch.setattr(accounts, "_hasher", stronger)
    accounts.authenticate(engine, "kepala", ROOT_PW, now=T0 + SECOND)
    after = stored(engine, "kepala").password_hash
    assert after != before and "t=2" in after and stronger.verify(after, ROOT_PW)
    assert stored(engine, "kepala").last_login_at is not None


def test_the_current_principal_is_as_stored_now(engine, admin):
    accounts.add_user(engine, ROOT, "vina", "sandi-vina-panjang")
    assert accounts.current_principal(engine, "vina") == Principal("vina", "viewer")
    accounts.set_role(engine, ROOT, "vina", "editor")
    assert accounts.current_principal(engine, "vina") == Principal("vina", "editor")
    accounts.set_active(engine, ROOT, "vina", False)
    assert accounts.current_principal(engine, "vina") is None
    assert accounts.current_principal(engine, "tidak-ada") is None


# ---------------------------------------------------------------------- management


def test_the_first_admin_is_created_only_while_no_active_admin_exists(engine, logged):
    assert not accounts.has_admin(engine)
    accounts.bootstrap_admin(engine, " Kepala ", ROOT_PW)
    assert accounts.has_admin(engine) and accounts.current_principal(engine, "kepala") == ROOT
    refused("user.bootstrap_closed", accounts.bootstrap_admin, engine, "kedua", "sandi-kedua-panjang")
    assert audit(engine) == [("kepala", "create", "user", "kepala", {"role": [None, "admin"]})]
    assert logged == [("user_created", {"by": "kepala", "user": "kepala", "role": "admin"})]


def test_an_editor_as_the_only_user_leaves_the_first_admin_open(engine):
    with storage.transaction(engine) as s:
        s.add(User(username="ani", password_hash="x", role="editor", active=True))
        s.add(User(username="lama", password_hash="x", role="admin", active=False))
    assert not accounts.has_admin(engine)
    accounts.bootstrap_admin(engine, "kepala", ROOT_PW)
    assert accounts.has_admin(engine)


def test_a_new_user_is_stored_with_an_argon2id_hash_audited_and_logged(engine, admin, logged):
    accounts.add_user(engine, ROOT, " Ani ", "rahasia-ani-123", "editor")
    accounts.add_user(engine, ROOT, "vina", "sandi-vina-panjang")
    ani = stored(engine, "ani")
    assert ani.password_hash.startswith("$argon2id$") and "rahasia-ani-123" not in ani.password_hash
    assert (ani.role, ani.active) == ("editor", True) and stored(engine, "vina").role == "viewer"
    assert audit(engine)[1:] == [("kepala", "create", "user", "ani", {"role": [None, "editor"]}),
                                 ("kepala", "create", "user", "vina", {"role": [None, "viewer"]})]
    assert logged == [("user_created", {"by": "kepala", "user": "ani", "role": "editor"}),
                      ("user_created", {"by": "kepala", "user": "vina", "role": "viewer"})]
    assert accounts.authenticate(engine, "ani", "rahasia-ani-123", now=T0) == Principal("ani", "editor")


def test_a_new_user_needs_an_admin_a_free_name_a_role_and_a_strong_password(engine, admin):
    accounts.add_user(engine, ROOT, "ani", "rahasia-ani-123")
    with pytest.raises(AccessDenied):
        accounts.add_user(engine, Principal("ani", "editor"), "budi", "sandi-budi-panjang")
    assert refused("user.exists", accounts.add_user, engine, ROOT, " ANI ", "sandi-lain-panjang").params == {
        "name": "ani"}
    refused("user.bad_role", accounts.add_user, engine, ROOT, "budi", "sandi-budi-panjang", "boss")
    refused("user.weak_password", accounts.add_user, engine, ROOT, "budi", "pendek")
    refused("user.weak_password", accounts.add_user, engine, ROOT, "budi-sandi-1", "BUDI-SANDI-1")
    refused("user.bad_name", accounts.add_user, engine, ROOT, "<script>", "sandi-budi-panjang")
    assert [u.username for u in accounts.list_users(engine, ROOT)] == ["ani", "kepala"]


def test_the_list_of_users_is_for_admins_sorted_by_name_with_aware_times(engine, admin):
    accounts.add_user(engine, ROOT, "vina", "sandi-vina-panjang")
    accounts.add_user(engine, ROOT, "ani", "rahasia-ani-123", "editor")
    accounts.authenticate(engine, "ani", "rahasia-ani-123", now=T0)
    with pytest.raises(AccessDenied):
        accounts.list_users(engine, Principal("ani", "editor"))
    users = accounts.list_users(engine, ROOT)
    assert [(u.username, u.role, u.active) for u in users] == [("ani", "editor", True), ("kepala", "admin", True),
                                                               ("vina", "viewer", True)]
    assert users[0].last_login_at == T0 and users[1].last_login_at is None
    assert all(u.created_at.tzinfo is not None for u in users)


def test_a_role_change_is_audited_with_both_roles_and_logged(engine, admin, logged):
    accounts.add_user(engine, ROOT, "vina", "sandi-vina-panjang")
    logged.clear()
    accounts.set_role(engine, ROOT, " VINA ", "editor")
    assert stored(engine, "vina").role == "editor"
    assert audit(engine)[-1] == ("kepala", "update", "user", "vina", {"role": ["viewer", "editor"]})
    assert logged == [("user_role_changed", {"by": "kepala", "user": "vina", "role": "editor"})]
    refused("user.bad_role", accounts.set_role, engine, ROOT, "vina", "boss")
    with pytest.raises(AccessDenied):
        accounts.set_role(engine, Principal("vina", "editor"), "vina", "admin")
    assert stored(engine, "vina").role == "editor"


def test_disabling_and_enabling_are_audited_and_logged(engine, admin, logged):
    accounts.add_user(engine, ROOT, "vina", "sandi-vina-panjang")
    logged.clear()
    accounts.set_active(engine, ROOT, "vina", 0)
    assert stored(engine, "vina").active is False
    accounts.set_active(engine, ROOT, "vina", "ya")
    assert stored(engine, "vina").active is True
    assert [a[1:] for a in audit(engine)[-2:]] == [("update", "user", "vina", {"active": [True, False]}),
                                                   ("update", "user", "vina", {"active": [False, True]})]
    assert logged == [("user_disabled", {"by": "kepala", "user": "vina", "active": False}),
                      ("user_enabled", {"by": "kepala", "user": "vina", "active": True})]
    with pytest.raises(AccessDenied):
        accounts.set_active(engine, Principal("vina", "editor"), "kepala", False)


def test_removing_a_user_is_audited_with_its_role_and_logged(engine, admin, logged):
    accounts.add_user(engine, ROOT, "vina", "sandi-vina-panjang")
    logged.clear()
    accounts.remove_user(engine, ROOT, "vina")
    assert stored(engine, "vina") is None
    assert audit(engine)[-1] == ("kepala", "delete", "user", "vina", {"role": ["viewer", None]})
    assert logged == [("user_removed", {"by": "kepala", "user": "vina", "role": None})]
    with pytest.raises(AccessDenied):
        accounts.remove_user(engine, Principal("vina", "editor"), "kepala")


def test_a_change_to_an_unknown_user_is_refused_naming_it(engine, admin):
    for change in (lambda name: accounts.set_role(engine, ROOT, name, "editor"),
                   lambda name: accounts.set_active(engine, ROOT, name, False),
                   lambda name: accounts.remove_user(engine, ROOT, name),
                   lambda name: accounts.set_password(engine, ROOT, name, "sandi-baru-panjang")):
        assert refused("user.unknown", change, "tidak-ada").params == {"name": "tidak-ada"}
        assert refused("user.unknown", change, "x" * 70).params == {"name": "x" * 64}
        assert refused("user.unknown", change, None).params == {"name": "None"}
    assert len(audit(engine)) == 1


def test_the_last_active_admin_cannot_be_demoted_disabled_or_removed(engine, admin, logged):
    accounts.add_user(engine, ROOT, "wakil", "sandi-wakil-panjang", "admin")
    accounts.set_active(engine, ROOT, "wakil", False)  # an admin, but not active: does not count
    logged.clear()
    for change in (lambda: accounts.set_role(engine, ROOT, "kepala", "editor"),
                   lambda: accounts.set_active(engine, ROOT, "kepala", False),
                   lambda: accounts.remove_user(engine, ROOT, "kepala")):
        refused("user.last_admin", change)
    assert accounts.current_principal(engine, "kepala") == ROOT and logged == []
    assert len(audit(engine)) == 3  # both created, one disabled: the refused changes left nothing
    accounts.set_active(engine, ROOT, "wakil", True)
    accounts.set_role(engine, ROOT, "kepala", "editor")  # another active admin now: allowed
    assert accounts.current_principal(engine, "kepala") == Principal("kepala", "editor")


def test_an_inactive_admin_can_be_changed_while_another_is_active(engine, admin):
    accounts.add_user(engine, ROOT, "wakil", "sandi-wakil-panjang", "admin")
    accounts.set_active(engine, ROOT, "wakil", False)
    accounts.set_role(engine, ROOT, "wakil", "viewer")
    accounts.remove_user(engine, ROOT, "wakil")
    assert stored(engine, "wakil") is None


def test_users_change_their_own_password_and_admins_anyones(engine, admin, logged):
    accounts.add_user(engine, ROOT, "vina", "sandi-vina-panjang")
    accounts.add_user(engine, ROOT, "budi", "sandi-budi-panjang", "editor")
    vina = Principal("vina", "viewer")
    changed_before = stored(engine, "vina").password_changed_at
    logged.clear()
    accounts.set_password(engine, vina, " VINA ", "sandi-vina-baru-1")
    assert accounts.authenticate(engine, "vina", "sandi-vina-baru-1", now=T0) == vina
    refused("auth.failed", accounts.authenticate, engine, "vina", "sandi-vina-panjang", now=T0)
    assert accounts._aware(stored(engine, "vina").password_changed_at) > accounts._aware(changed_before)
    accounts.set_password(engine, ROOT, "budi", "sandi-budi-baru-1")
    assert accounts.authenticate(engine, "budi", "sandi-budi-baru-1", now=T0).role == "editor"
    assert [a for a in audit(engine) if a[1] == "password"] == [("vina", "password", "user", "vina", {}),
                                                                 ("kepala", "password", "user", "budi", {})]
    assert [e for e in logged if e[0] == "password_set"] == [("password_set", {"by": "vina", "user": "vina"}),
                                                             ("password_set", {"by": "kepala", "user": "budi"})]
    with pytest.raises(AccessDenied):
        accounts.set_password(engine, vina, "budi", "ambil-alih-budi")
    with pytest.raises(AccessDenied):
        accounts.set_password(engine, Principal("budi", "editor"), "kepala", "ambil-alih-admin")
    with pytest.raises(AccessDenied):
        accounts.set_password(engine, None, "vina", "sandi-vina-baru-2")
    refused("user.weak_password", accounts.set_password, engine, vina, "vina", "pendek")
    refused("user.weak_password", accounts.set_password, engine, ROOT, "budi-sandi-1", "budi-sandi-1")


def test_a_name_the_check_missed_is_refused_as_existing_by_the_database(engine, admin, monkeypatch):
    """Two sessions adding one name at once both pass the look-up; the database's unique name refuses the second
    (PostgreSQL; SQLite refuses the second writer earlier). The look-up is made to miss to stand for the race."""
    import sqlalchemy

    accounts.add_user(engine, ROOT, "ani", "rahasia-ani-123")
    monkeypatch.setattr(accounts, "select", lambda *cols: sqlalchemy.select(*cols).where(sqlalchemy.false()))
    assert refused("user.exists", accounts.add_user, engine, ROOT, "Ani", "sandi-lain-123").params == {"name": "ani"}
    monkeypatch.undo()
    assert len(audit(engine)) == 2 and stored(engine, "ani").role == "viewer"


def test_only_changing_the_last_active_admin_is_refused_not_changing_others_when_no_admin_is_active(engine):
    with storage.transaction(engine) as s:
        s.add(User(username="ani", password_hash="x", role="editor", active=True))
    accounts.set_role(engine, ROOT, "ani", "viewer")  # a session's admin whose account is gone meanwhile
    assert stored(engine, "ani").role == "viewer"


def test_no_name_names_no_user_not_even_one_called_xxxx(engine, admin):
    accounts.add_user(engine, ROOT, "xxxx", "sandi-xxxx-panjang")
    refused("user.unknown", accounts.set_role, engine, ROOT, None, "editor")
    assert stored(engine, "xxxx").role == "viewer"
    refused("auth.failed", accounts.authenticate, engine, None, "sandi-xxxx-panjang", now=T0)
    with pytest.raises(AccessDenied):  # a viewer changes only their own password, and no name is not theirs
        accounts.set_password(engine, Principal("xxxx", "viewer"), None, "sandi-baru-panjang")
