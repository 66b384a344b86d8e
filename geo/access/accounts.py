"""User accounts: Argon2id password hashes (argon2-cffi), roles, logins with back-off, management.

* Passwords are stored only as Argon2id hashes (``argon2.PasswordHasher`` with its
  defaults, re-hashed on login when the defaults get stronger); they are never
  logged, printed or put in a backup.
* ``authenticate`` slows failed logins down: after ``FREE_FAILURES`` failures for a
  user name, or from one client, each further attempt for it must wait twice as
  long as the one before (1 s, 2 s, 4 s … up to ``MAX_USER_DELAY`` for a user name and
  ``MAX_DELAY`` for a client). The counters live
  in the database (table ``login_throttle``), so every server thread and every
  restart sees them; a successful login clears them; they are forgotten after
  ``FORGET_AFTER`` without failures.
* Managing users needs an admin (``geo.access.roles.require``), except creating the first
  admin from the command line while no active admin exists (``bootstrap_admin``):
  whoever can run the command line against the database already holds it.
* The last active admin cannot be demoted, disabled or removed.
* Logins, and every change to users (created, role, disabled/enabled, removed, password set), are in the audit
  trail (``AuditEntry``, ``record_type="user"``, in the same transaction as the change) and in the event log
  (``geo.events``); failed logins are in the event log only, naming the user only when such a user exists
  (people type their password into the name field). No password or hash is ever in either.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, func, select, update
from sqlalchemy.exc import IntegrityError

from geo import events
from geo.access.roles import ROLES, Principal, require
from geo.db import storage
from geo.db.models import AuditEntry, LoginThrottle, User, utcnow
from geo.text.messages import UserError

MIN_PASSWORD_LENGTH = 10
FREE_FAILURES = 3
MAX_DELAY = dt.timedelta(minutes=15)
# A user name's own back-off stops at a minute: guessing stays slow, but nobody can lock an account
# (the only admin's, say) for long by failing on purpose; one client's keeps growing to MAX_DELAY.
MAX_USER_DELAY = dt.timedelta(minutes=1)
FORGET_AFTER = dt.timedelta(hours=1)
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")

_hasher = PasswordHasher()
# Verified when the user name is unknown, so that a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("sinergi-no-such-user")


@dataclass(frozen=True)
class UserInfo:
    username: str
    role: str
    active: bool
    created_at: dt.datetime
    last_login_at: dt.datetime | None


def normalize_username(name: str) -> str:
    name = (name or "").strip().lower()
    if not USERNAME.fullmatch(name):
        raise UserError("user.bad_name", name=name[:64])
    return name


def check_password(password: str, username: str = "") -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise UserError("user.weak_password", n=MIN_PASSWORD_LENGTH)
    if username and password.strip().lower() == username.lower():
        raise UserError("user.weak_password", n=MIN_PASSWORD_LENGTH)
    return password


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError("user.bad_role", role=str(role)[:20], roles=", ".join(ROLES))
    return role


def _aware(t: dt.datetime | None) -> dt.datetime | None:
    return None if t is None else (t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc))


def _audit(session, actor: str, action: str, username: str, changes: dict | None = None) -> None:
    session.add(AuditEntry(actor=actor[:200], action=action, record_type="user", record_key=username[:200],
                           changes=changes or {}))


# ------------------------------------------------------------------ logins

def _throttle_keys(username: str, client: str | None) -> list[str]:
    keys = [f"user:{(username or '').strip().lower()[:64]}"]
    if client:
        keys.append(f"client:{client[:200]}")
    return keys


def wait_seconds(engine: Engine, username: str, client: str | None = None,
                 now: dt.datetime | None = None) -> float:
    """How long before the next login attempt for this user name / client is looked at (0: now)."""
    now = now or utcnow()
    with storage.transaction(engine) as s:
        until = [_aware(t) for t in s.scalars(select(LoginThrottle.blocked_until).where(
            LoginThrottle.key.in_(_throttle_keys(username, client)))) if t is not None]
    return max([(u - now).total_seconds() for u in until] + [0.0])


def _record_failure(engine: Engine, keys: list[str], now: dt.datetime) -> None:
    """Count a failure for each key. Every transaction here starts with its write, so that on SQLite no
    read lock has to be upgraded (which fails at once when another thread wrote meanwhile) and on both
    databases two threads failing at the same moment are both counted."""
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    for key in keys:
        with storage.transaction(engine) as s:
            s.execute(insert(LoginThrottle).values(key=key, failures=0).on_conflict_do_nothing())
        with storage.transaction(engine) as s:
            s.execute(update(LoginThrottle).where(LoginThrottle.key == key).values(
                failures=LoginThrottle.failures + 1, last_failure_at=now))
            failures = s.scalar(select(LoginThrottle.failures).where(LoginThrottle.key == key))
            if failures > FREE_FAILURES:
                cap = MAX_DELAY if key.startswith("client:") else MAX_USER_DELAY
                delay = min(dt.timedelta(seconds=2 ** min(failures - FREE_FAILURES - 1, 20)), cap)
                s.execute(update(LoginThrottle).where(LoginThrottle.key == key).values(blocked_until=now + delay))


def _forget_stale(engine: Engine, now: dt.datetime) -> None:
    """Drop every counter without a failure for ``FORGET_AFTER`` (also those of names tried only once)."""
    with storage.transaction(engine) as s:
        s.execute(delete(LoginThrottle).where(LoginThrottle.last_failure_at < now - FORGET_AFTER))


def _clear(engine: Engine, keys: list[str]) -> None:
    with storage.transaction(engine) as s:
        s.execute(delete(LoginThrottle).where(LoginThrottle.key.in_(keys)))


def authenticate(engine: Engine, username: str, password: str, *, client: str | None = None,
                 now: dt.datetime | None = None) -> Principal:
    """The principal for a correct user name and password; ``UserError`` otherwise.

    ``auth.throttled`` while a back-off is running (the password is not even looked at),
    ``auth.failed`` for a wrong name, wrong password or a disabled account (the same message for all three).
    """
    now = now or utcnow()
    keys = _throttle_keys(username, client)
    _forget_stale(engine, now)
    name = (username or "").strip().lower()
    wait = wait_seconds(engine, username, client, now)
    if wait > 0:
        events.log("login_refused", reason="throttled", client=client, wait_s=int(wait) + 1,
                   **_known_name(engine, name))
        raise UserError("auth.throttled", seconds=int(wait) + 1)
    with storage.transaction(engine) as s:
        user = s.scalar(select(User).where(User.username == name))
        stored = user.password_hash if user is not None else _DUMMY_HASH
        principal = Principal(user.username, user.role) if user is not None and user.active else None
    try:
        ok = _hasher.verify(stored, password or "") and principal is not None
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        _record_failure(engine, keys, now)
        events.log("login_failed", client=client, **_known_name(engine, name))
        raise UserError("auth.failed")
    values = {"last_login_at": now}
    if _hasher.check_needs_rehash(stored):
        values["password_hash"] = _hasher.hash(password)
    with storage.transaction(engine) as s:
        s.execute(update(User).where(User.username == name).values(**values))
        _audit(s, principal.username, "login", principal.username, {"client": client} if client else {})
    events.log("login", user=principal.username, role=principal.role, client=client)
    _clear(engine, keys)
    return principal


def _known_name(engine: Engine, name: str) -> dict:
    """``{"user": name}`` when such a user exists, else ``{"user_known": False}``: a name nobody has may be a
    password typed into the wrong field, and must not reach the log."""
    with storage.transaction(engine) as s:
        exists = s.scalar(select(func.count()).select_from(User).where(User.username == name)) > 0
    return {"user": name} if exists else {"user_known": False}


def current_principal(engine: Engine, username: str) -> Principal | None:
    """The principal as stored now (role changes and disabling take effect at once); None if gone or disabled."""
    with storage.transaction(engine) as s:
        user = s.scalar(select(User).where(User.username == username))
        return Principal(user.username, user.role) if user is not None and user.active else None


# ------------------------------------------------------------------ management

def _active_admins(s) -> int:
    return s.scalar(select(func.count()).select_from(User).where(User.role == "admin", User.active.is_(True)))


def has_admin(engine: Engine) -> bool:
    with storage.transaction(engine) as s:
        return _active_admins(s) > 0


def _add(engine: Engine, username: str, password: str, role: str, actor: str | None = None) -> None:
    username = normalize_username(username)
    _check_role(role)
    check_password(password, username)
    try:
        with storage.transaction(engine) as s:
            if s.scalar(select(User).where(User.username == username)) is not None:
                raise UserError("user.exists", name=username)
            s.add(User(username=username, password_hash=_hasher.hash(password), role=role, active=True))
            _audit(s, actor or username, "create", username, {"role": [None, role]})
    except IntegrityError as exc:
        raise UserError("user.exists", name=username) from exc
    events.log("user_created", by=actor or username, user=username, role=role)


def add_user(engine: Engine, admin: Principal, username: str, password: str, role: str = "viewer") -> None:
    require(admin, "admin")
    _add(engine, username, password, role, actor=admin.username)


def bootstrap_admin(engine: Engine, username: str, password: str) -> None:
    """Create an admin without logging in: only while there is no active admin (a fresh install)."""
    if has_admin(engine):
        raise UserError("user.bootstrap_closed")
    _add(engine, username, password, "admin")


def list_users(engine: Engine, admin: Principal) -> list[UserInfo]:
    require(admin, "admin")
    with storage.transaction(engine) as s:
        return [UserInfo(u.username, u.role, u.active, _aware(u.created_at), _aware(u.last_login_at))
                for u in s.scalars(select(User).order_by(User.username))]


def _change(engine: Engine, username: str, apply, actor: Principal, action: str, event: str,
            changes=None) -> None:
    """Apply a change to one user, audited as ``action`` with ``changes(user)`` (field -> [old, new]),
    computed before the change; logged as ``event``."""
    with storage.transaction(engine) as s:
        user = s.scalar(select(User).where(User.username == (username or "").strip().lower()))
        if user is None:
            raise UserError("user.unknown", name=str(username)[:64])
        was_admin = user.role == "admin" and user.active
        name, diff = user.username, (changes(user) if changes else {})
        apply(s, user)
        s.flush()
        if was_admin and _active_admins(s) == 0:
            raise UserError("user.last_admin")
        _audit(s, actor.username, action, name, diff)
    events.log(event, by=actor.username, user=name,
               **{f: pair[1] for f, pair in diff.items() if isinstance(pair, list)})


def set_role(engine: Engine, admin: Principal, username: str, role: str) -> None:
    require(admin, "admin")
    _check_role(role)
    _change(engine, username, lambda s, u: setattr(u, "role", role), admin, "update", "user_role_changed",
            lambda u: {"role": [u.role, role]})


def set_active(engine: Engine, admin: Principal, username: str, active: bool) -> None:
    require(admin, "admin")
    _change(engine, username, lambda s, u: setattr(u, "active", bool(active)), admin, "update",
            "user_enabled" if active else "user_disabled", lambda u: {"active": [u.active, bool(active)]})


def remove_user(engine: Engine, admin: Principal, username: str) -> None:
    require(admin, "admin")
    _change(engine, username, lambda s, u: s.delete(u), admin, "delete", "user_removed",
            lambda u: {"role": [u.role, None]})


def set_password(engine: Engine, actor: Principal, username: str, password: str) -> None:
    """An admin sets anyone's password; any logged-in user may change their own."""
    if not (isinstance(actor, Principal) and actor.username == (username or "").strip().lower()):
        require(actor, "admin")
    check_password(password, username)

    def apply(_s, u):
        u.password_hash = _hasher.hash(password)
        u.password_changed_at = utcnow()

    _change(engine, username, apply, actor, "password", "password_set")
