"""Logins that survive a reload (F5): a signed, expiring token in a cookie, and the server-side session it names.

Rules:

* A successful login in the app opens a session (``open_session``): a random id (32 bytes from ``secrets``) of
  which only the SHA-256 is stored (table ``login_session``: the account's id, when it was opened, when it was
  last seen). The browser keeps the token ``v1.<id>.<opened, Unix seconds>.<HMAC-SHA256>`` in the cookie
  ``COOKIE`` (path "/", SameSite=Strict, Secure over https; set from the browser by ``ui.login_cookie``).
* The signing key is made once (``secrets.token_hex(32)``) and kept in the database (table ``signing_key``), not
  in a file of one host's data folder: every worker of ``run.py serve``, on every host sharing the database,
  must accept the same tokens. Like accounts it is in no backup, and it is never logged or shown.
* ``resume`` accepts a token only when all hold, and says which did not (``Resumed.reason``):
  its signature is right (``"signature"``, or ``"malformed"``); it began less than ``SINERGI_SESSION_MAX_HOURS``
  ago, by its own clock and the database's (``"too_old"``); its session still exists — logging out ends it
  (``"ended"``); it was seen less than ``SINERGI_SESSION_IDLE_MINUTES`` ago (``"idle"``); the account exists, is
  active, and its password was not set after the session began (``"account"``). The role is read from the
  database then, never from the token, so a changed role counts at once.
* An accepted token refreshes its session's last-seen time, written at most once per ``TOUCH_EVERY`` (so a
  session's idle time is known to within that). Sessions found too old or idle are deleted when met, and all
  such sessions whenever a new one is opened.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, delete, select, update

from geo import config, events
from geo.access.roles import Principal, idle_limit
from geo.db import storage
from geo.db.models import LoginSession, SigningKey, User, utcnow

COOKIE = "sinergi_login"
VERSION = "v1"
TOUCH_EVERY = dt.timedelta(minutes=1)
_KEY_NAME = "login"


@dataclass(frozen=True)
class Resumed:
    """What ``resume`` found: the principal (None when refused) and why (``"ok"`` or the rule that failed)."""

    principal: Principal | None
    reason: str


def max_age() -> dt.timedelta:
    """The longest a login lasts, active or not (``SINERGI_SESSION_MAX_HOURS``)."""
    return dt.timedelta(hours=config.get("SINERGI_SESSION_MAX_HOURS"))


def _aware(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)


def _signing_key(engine: Engine) -> bytes:
    """The login key, made on first use; two servers making it at once both end up with the one stored first."""
    with storage.transaction(engine) as s:
        value = s.scalar(select(SigningKey.value).where(SigningKey.name == _KEY_NAME))
    if value is None:
        if engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        with storage.transaction(engine) as s:
            s.execute(insert(SigningKey).values(name=_KEY_NAME, value=secrets.token_hex(32), created_at=utcnow())
                      .on_conflict_do_nothing())
        with storage.transaction(engine) as s:
            value = s.scalar(select(SigningKey.value).where(SigningKey.name == _KEY_NAME))
    return bytes.fromhex(value)


def _signature(key: bytes, payload: str) -> str:
    return hmac.new(key, payload.encode("ascii"), hashlib.sha256).hexdigest()


def _session_id(token_id: str) -> str:
    return hashlib.sha256(token_id.encode("ascii")).hexdigest()


def _parse(engine: Engine, token: str) -> tuple[str, dt.datetime] | str:
    """(the token's random id, when it began) if its signature holds, else the reason it does not."""
    parts = token.split(".") if isinstance(token, str) and token.isascii() else []
    if len(parts) != 4 or parts[0] != VERSION or not parts[1] or not parts[2].isdigit():
        return "malformed"
    expected = _signature(_signing_key(engine), ".".join(parts[:3]))
    if not hmac.compare_digest(expected, parts[3]):
        return "signature"
    return parts[1], dt.datetime.fromtimestamp(int(parts[2]), dt.timezone.utc)


def _purge(s, now: dt.datetime) -> None:
    s.execute(delete(LoginSession).where(
        (LoginSession.opened_at < now - max_age()) | (LoginSession.last_seen_at < now - idle_limit())))


def open_session(engine: Engine, who: Principal, now: dt.datetime | None = None) -> str:
    """A new session for ``who`` (just authenticated by ``geo.access.accounts.authenticate``); its token."""
    now = now or utcnow()
    token_id = secrets.token_urlsafe(32)
    opened = int(now.timestamp())
    with storage.transaction(engine) as s:
        user_id = s.scalar(select(User.id).where(User.username == who.username, User.active.is_(True)))
        if user_id is None:
            raise ValueError(f"no active account {who.username!r}")
        _purge(s, now)
        s.add(LoginSession(id=_session_id(token_id), user_id=user_id, opened_at=now, last_seen_at=now))
    payload = f"{VERSION}.{token_id}.{opened}"
    return f"{payload}.{_signature(_signing_key(engine), payload)}"


def resume(engine: Engine, token: str, now: dt.datetime | None = None) -> Resumed:
    """The principal a token stands for now, or None and the rule it broke (see the module's rules)."""
    now = now or utcnow()
    parsed = _parse(engine, token)
    if isinstance(parsed, str):
        return Resumed(None, parsed)
    token_id, opened = parsed
    if now - opened > max_age():
        end_session(engine, token)
        return Resumed(None, "too_old")
    with storage.transaction(engine) as s:
        row = s.execute(select(LoginSession, User).join(User, User.id == LoginSession.user_id)
                        .where(LoginSession.id == _session_id(token_id))).first()
        if row is None:
            return Resumed(None, "ended")
        session, user = row
        if now - _aware(session.opened_at) > max_age() or now - _aware(session.last_seen_at) > idle_limit():
            s.delete(session)
            return Resumed(None, "too_old" if now - _aware(session.opened_at) > max_age() else "idle")
        if not user.active or _aware(user.password_changed_at) > _aware(session.opened_at):
            s.delete(session)
            return Resumed(None, "account")
        if now - _aware(session.last_seen_at) >= TOUCH_EVERY:
            s.execute(update(LoginSession).where(LoginSession.id == session.id).values(last_seen_at=now))
        return Resumed(Principal(user.username, user.role), "ok")


def end_session(engine: Engine, token: str, *, user: str | None = None) -> None:
    """Log out: the token's session is deleted, so the token is refused from now on (whatever the browser keeps)."""
    parts = token.split(".") if isinstance(token, str) and token.isascii() else []
    if len(parts) == 4 and parts[1]:
        with storage.transaction(engine) as s:
            s.execute(delete(LoginSession).where(LoginSession.id == _session_id(parts[1])))
    if user:
        events.log("logout", user=user)
