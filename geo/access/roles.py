"""Who may do what: roles, the authenticated principal, and the checks every write path makes.

Roles, from least to most: ``viewer`` (sees maps and reports), ``editor``
(imports and edits records), ``admin`` (manages users). Every engine function
that writes takes the acting ``Principal`` and calls ``require`` first, so the
check holds whatever calls it (a page, the importer, the command line):

    principal = accounts.authenticate(engine, "ani", password, client="10.0.0.7")
    records.save_agreement(session, data, principal)   # UserError unless ani is an editor or admin

Configuration (environment):

* ``SINERGI_VIEW_REQUIRES_LOGIN=1`` — viewing needs a login too (default: open, editing needs a login);
* ``SINERGI_SESSION_IDLE_MINUTES`` — a login expires after this many minutes without activity (default 30).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geo import config
from geo.text.messages import UserError

ROLES = ("viewer", "editor", "admin")


@dataclass(frozen=True)
class Principal:
    """Someone authenticated (``geo.access.accounts.authenticate``), or the system seeding the sample on first start."""

    username: str
    role: str

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


# The app's own first-start seeding of the simulated sample into an EMPTY database (ui/database.py).
SAMPLE_SEEDER = Principal("sampel-simulasi", "editor")


class AccessDenied(UserError):
    """The principal's role is below the one the action needs (or nobody is logged in)."""


def require(actor, role: str) -> Principal:
    """``actor`` if it is a principal with at least ``role``; otherwise ``AccessDenied`` (a ``UserError``)."""
    if role not in ROLES:
        raise ValueError(role)
    if not isinstance(actor, Principal) or actor.role not in ROLES:
        raise AccessDenied("access.login_required", role=role)
    if not actor.can(role):
        raise AccessDenied("access.denied", user=actor.username, role=role, has=actor.role)
    return actor


def view_requires_login() -> bool:
    return config.get("SINERGI_VIEW_REQUIRES_LOGIN")


def idle_limit() -> dt.timedelta:
    return dt.timedelta(minutes=config.get("SINERGI_SESSION_IDLE_MINUTES"))


def session_expired(last_seen: dt.datetime, now: dt.datetime | None = None) -> bool:
    """True when a login has been idle longer than ``SINERGI_SESSION_IDLE_MINUTES``."""
    now = now or dt.datetime.now(dt.timezone.utc)
    return now - last_seen > idle_limit()
