"""Feedback from the parties (issue 18): a per-agreement form the regional parties fill in without an account.

Rules:

* Each agreement may have one active **feedback code** (``FeedbackCode``): 12 characters of Crockford's base 32
  (``new_code``, from ``secrets``: 60 random bits, unguessable), shown as ``ABCD-EFGH-JKMN`` to type and as the
  link ``?umpan_balik=ABCDEFGHJKMN``. Typing is forgiving (case, spaces, dashes, O for 0, I and L for 1:
  ``normalize_code``). Editors create, rotate (the old code is revoked at once) and revoke codes; each is an audit
  entry (``record_type="feedback_code"``, the agreement's document number; the code itself is never in the
  audit trail or the event log).
* ``public_agreement(code)`` is all the form may show: the agreement's title and its parties' names, nothing else.
* ``submit`` is the only function the public form calls, and all it can write is ONE ``PartyFeedback`` row with
  status ``menunggu`` (pending): no audit entry, no other table (``tests/records/test_party_feedback.py`` compares
  the whole database before and after). It refuses, with a message in the user's language
  (``message.party_feedback.*``) and writing nothing: an unknown or revoked code; a party that is not one of the
  agreement's regions; a rating outside 1–5; an obstacle not offered by the obstacle vocabulary
  (``geo.records.vocabularies``); a suggestion over ``MAX_SUGGESTION`` or a contact over ``MAX_CONTACT``
  characters; control characters (other than line breaks and tabs in the suggestion) or text no database stores.
  HTML, script and formula-like text ("=HYPERLINK(…)") are stored as typed and stay inert: every page shows them
  escaped (``ui.safe_text``, table cells) and downloads neutralise formulas (``geo.records.exports``).
* **Rate limits** (``geo.config``): at most ``SINERGI_FEEDBACK_PER_CLIENT_HOUR`` entries (5) from one client in an
  hour and ``SINERGI_FEEDBACK_PER_CODE_DAY`` (50) through one code in a day. The client is the one the login
  back-off uses (``ui.auth.client_id``: the connection's address, ``X-Forwarded-For`` only from a trusted proxy);
  what is stored is ``client_key`` (a SHA-256 of it), never the address, since backups travel. The row is written
  first and the limits counted with it inside the same transaction, which is rolled back when over.
* **Moderation**: editors (``geo.access.roles.require``, here in the engine) see pending entries (with the contact)
  and approve or reject each once; each decision is an audit entry (``record_type="party_feedback"``), so the data
  version moves and the region pages show approved entries (``approved_frame``: never the contact or the client).
  Approved entries' obstacles count in a region's obstacles summary, apart, as from the parties
  (``obstacle_counts``, ``geo.analysis.region_profile.with_party_obstacles``).
* Both tables are record tables (``geo.db.models.record_tables``): they are in backups and restores, and go with
  their agreement when it is deleted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, func, select, update

from geo import config, events
from geo.access.roles import Principal, require
from geo.db import storage
from geo.db.models import Agreement, AgreementParty, AuditEntry, FeedbackCode, PartyFeedback, utcnow
from geo.regions import lookup
from geo.text.messages import UserError
from geo.text.vocabulary import FEEDBACK_STATUSES

STATUSES = tuple(FEEDBACK_STATUSES)  # menunggu, disetujui, ditolak
PENDING, APPROVED, REJECTED = STATUSES
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O, U
CODE_LENGTH = 12
PARAM = "umpan_balik"  # the link's query parameter
MAX_SUGGESTION = 2000
MAX_CONTACT = 200
MAX_OBSTACLES = 10
RATINGS = range(1, 6)
_TYPO = str.maketrans({"O": "0", "I": "1", "L": "1"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class FeedbackForm:
    """What a party types into the form."""

    party_region: str
    rating: int
    obstacles: tuple[str, ...] = ()
    suggestion: str = ""
    contact: str = ""


@dataclass(frozen=True)
class PublicAgreement:
    """All the public form may show of an agreement: its title and its parties."""

    title: str
    parties: tuple[str, ...]  # every party's name, in order
    regions: tuple[tuple[str, str], ...]  # (code, name) of the parties that are regions: who may answer


@dataclass(frozen=True)
class FeedbackEntry:
    id: int
    doc_number: str
    title: str
    party_region: str
    rating: int
    obstacles: tuple[str, ...]
    suggestion: str
    contact: str
    received_at: dt.datetime
    status: str


# ------------------------------------------------------------------ codes

def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text) -> str:
    """The code as stored, from what someone typed or a link carried ("" when it cannot be one).

    >>> normalize_code(" abcd-efgh-jkmo ")
    'ABCDEFGHJKM0'
    >>> normalize_code("<script>")
    ''
    """
    value = re.sub(r"[\s-]", "", str(text or "")).upper().translate(_TYPO)
    return value if len(value) == CODE_LENGTH and all(c in ALPHABET for c in value) else ""


def format_code(code: str) -> str:
    """The code to type, in groups of four.

    >>> format_code("ABCDEFGHJKMN")
    'ABCD-EFGH-JKMN'
    """
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def link(code: str, base: str = "") -> str:
    """The form's address: ``base`` (the app's address, may be empty) with ``?umpan_balik=CODE``."""
    return f"{base.rstrip('/')}/?{PARAM}={code}"


def _agreement(session, doc_number: str) -> Agreement:
    agreement = session.scalar(select(Agreement).where(Agreement.doc_number == doc_number))
    if agreement is None:
        raise UserError("party_feedback.no_agreement", doc=str(doc_number)[:200])
    return agreement


def _active(session, agreement_id: int) -> FeedbackCode | None:
    return session.scalar(select(FeedbackCode).where(FeedbackCode.agreement_id == agreement_id,
                                                     FeedbackCode.revoked_at.is_(None)))


def _audit(session, who: str, action: str, record_type: str, key: str, changes: dict | None = None) -> None:
    session.add(AuditEntry(actor=who[:200], action=action, record_type=record_type, record_key=key[:200],
                           changes=changes or {}))


def current_code(engine: Engine, actor: Principal, doc_number: str) -> str | None:
    """The agreement's active code (editors only: whoever holds it may send feedback), or None."""
    require(actor, "editor")
    with storage.transaction(engine) as s:
        row = _active(s, _agreement(s, doc_number).id)
        return row.code if row is not None else None


def issue_code(engine: Engine, actor: Principal, doc_number: str, now: dt.datetime | None = None) -> str:
    """A new code for the agreement; an active one is revoked (rotation). Editors only; audited."""
    who = require(actor, "editor").username
    now = now or utcnow()
    with storage.transaction(engine) as s:
        agreement = _agreement(s, doc_number)
        old = _active(s, agreement.id)
        if old is not None:
            old.revoked_at, old.revoked_by = now, who
            s.flush()
        code = new_code()
        s.add(FeedbackCode(agreement_id=agreement.id, code=code, created_at=now, created_by=who))
        _audit(s, who, "update" if old is not None else "create", "feedback_code", doc_number)
    return code


def revoke_code(engine: Engine, actor: Principal, doc_number: str, now: dt.datetime | None = None) -> bool:
    """Revoke the agreement's active code (its link stops working at once); False when it had none."""
    who = require(actor, "editor").username
    with storage.transaction(engine) as s:
        row = _active(s, _agreement(s, doc_number).id)
        if row is None:
            return False
        row.revoked_at, row.revoked_by = now or utcnow(), who
        _audit(s, who, "delete", "feedback_code", doc_number)
    return True


# ------------------------------------------------------------------ the public form

def region_name(code: str) -> str:
    """A region's official name (its code when unknown)."""
    try:
        return lookup.get(code).name
    except KeyError:
        return code


def _lookup_code(session, code: str):
    """(code row, agreement) of an active code, or None."""
    norm = normalize_code(code)
    if not norm:
        return None
    row = session.scalar(select(FeedbackCode).where(FeedbackCode.code == norm, FeedbackCode.revoked_at.is_(None)))
    if row is None:
        return None
    return row, session.get(Agreement, row.agreement_id)


def public_agreement(engine: Engine, code: str) -> PublicAgreement | None:
    """What the form shows for ``code``: None for an unknown or revoked code (reads only)."""
    with storage.transaction(engine) as s:
        found = _lookup_code(s, code)
        if found is None:
            return None
        _, agreement = found
        parties = list(s.scalars(select(AgreementParty).where(AgreementParty.agreement_id == agreement.id)
                                 .order_by(AgreementParty.seq)))
        return PublicAgreement(
            title=agreement.title,
            parties=tuple(region_name(p.region_code) if p.region_code else (p.partner_name or "") for p in parties),
            regions=tuple((p.region_code, region_name(p.region_code)) for p in parties if p.region_code))


def client_key(client: str | None) -> str:
    """What is stored of the sender: a hash of the client key, never the address.

    >>> client_key("10.0.0.7") == client_key("10.0.0.7") != client_key("10.0.0.8")
    True
    """
    return "sha256:" + hashlib.sha256(str(client or "-").encode("utf-8")).hexdigest()[:40]


def _clean_text(value, limit: int, field: str, *, lines: bool) -> str:
    if not isinstance(value, str):
        raise UserError("party_feedback.bad_text", field=field)
    value = value.strip()
    if len(value) > limit:
        raise UserError("party_feedback.too_long", field=field, n=limit)
    if _CONTROL.search(value) or (not lines and ("\n" in value or "\t" in value)):
        raise UserError("party_feedback.bad_text", field=field)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise UserError("party_feedback.bad_text", field=field) from exc
    return value


def validated(form: FeedbackForm, regions, offered_obstacles) -> FeedbackForm:
    """The form's fields checked against the agreement's regions and the offered obstacles (``UserError``)."""
    if form.party_region not in {code for code, _ in regions}:
        raise UserError("party_feedback.bad_party")
    if isinstance(form.rating, bool) or not isinstance(form.rating, int) or form.rating not in RATINGS:
        raise UserError("party_feedback.bad_rating")
    obstacles = tuple(dict.fromkeys(form.obstacles or ()))
    if len(obstacles) > MAX_OBSTACLES or any(k not in offered_obstacles for k in obstacles):
        raise UserError("party_feedback.bad_obstacle")
    return FeedbackForm(form.party_region, form.rating, obstacles,
                        _clean_text(form.suggestion, MAX_SUGGESTION, "saran / suggestion", lines=True),
                        _clean_text(form.contact, MAX_CONTACT, "kontak / contact", lines=False))


def submit(engine: Engine, code: str, form: FeedbackForm, *, client: str | None,
           now: dt.datetime | None = None) -> int:
    """Store one pending feedback entry sent with ``code``; its id. Writes nothing else, and nothing when refused."""
    from geo.records import vocabularies

    now = now or utcnow()
    key = client_key(client)
    with storage.transaction(engine) as s:  # reads only: what the code opens, and what the form may hold
        found = _lookup_code(s, code)
        if found is None:
            events.log("party_feedback_refused", reason="code", client_key=key)
            raise UserError("party_feedback.bad_code")
        code_row, agreement = found
        code_id, agreement_id, doc_number = code_row.id, agreement.id, agreement.doc_number
        regions = [(p.region_code, "") for p in s.scalars(select(AgreementParty).where(
            AgreementParty.agreement_id == agreement_id)) if p.region_code]
    clean = validated(form, regions, set(vocabularies.current(engine).options("obstacle")))
    per_client, per_code = config.get("SINERGI_FEEDBACK_PER_CLIENT_HOUR"), config.get("SINERGI_FEEDBACK_PER_CODE_DAY")
    # The write comes first (no read lock to upgrade on SQLite), the checks after it, in the same transaction.
    with storage.transaction(engine) as s:
        row = PartyFeedback(agreement_id=agreement_id, code_id=code_id, party_region=clean.party_region,
                            rating=clean.rating, obstacles=list(clean.obstacles), suggestion=clean.suggestion,
                            contact=clean.contact, received_at=now, client_key=key, status=PENDING)
        s.add(row)
        s.flush()
        still = s.scalar(select(func.count()).select_from(FeedbackCode).where(
            FeedbackCode.id == code_id, FeedbackCode.revoked_at.is_(None)))
        if not still:  # revoked meanwhile
            raise UserError("party_feedback.bad_code")
        from_client = s.scalar(select(func.count()).select_from(PartyFeedback).where(
            PartyFeedback.client_key == key, PartyFeedback.received_at > now - dt.timedelta(hours=1)))
        if from_client > per_client:
            events.log("party_feedback_refused", reason="client_limit", client_key=key)
            raise UserError("party_feedback.client_limit", n=per_client)
        through_code = s.scalar(select(func.count()).select_from(PartyFeedback).where(
            PartyFeedback.code_id == code_id, PartyFeedback.received_at > now - dt.timedelta(days=1)))
        if through_code > per_code:
            events.log("party_feedback_refused", reason="code_limit", agreement=doc_number)
            raise UserError("party_feedback.code_limit", n=per_code)
        feedback_id = row.id
    events.log("party_feedback_received", agreement=doc_number, feedback=feedback_id, client_key=key)
    return feedback_id


# ------------------------------------------------------------------ moderation and what it shows

def _entries(session, *where) -> list[FeedbackEntry]:
    query = (select(PartyFeedback, Agreement.doc_number, Agreement.title)
             .join(Agreement, Agreement.id == PartyFeedback.agreement_id).where(*where)
             .order_by(PartyFeedback.received_at, PartyFeedback.id))
    return [FeedbackEntry(f.id, doc, title, f.party_region, f.rating, tuple(f.obstacles or ()), f.suggestion or "",
                          f.contact or "", f.received_at if f.received_at.tzinfo else
                          f.received_at.replace(tzinfo=dt.timezone.utc), f.status)
            for f, doc, title in session.execute(query)]


def pending(engine: Engine, actor: Principal) -> list[FeedbackEntry]:
    """Entries waiting for moderation, oldest first, with the contact the sender gave (editors only)."""
    require(actor, "editor")
    with storage.transaction(engine) as s:
        return _entries(s, PartyFeedback.status == PENDING)


def moderate(engine: Engine, actor: Principal, feedback_id: int, approve: bool,
             now: dt.datetime | None = None) -> None:
    """Approve or reject a pending entry (editors only; once: a decided entry is ``party_feedback.decided``)."""
    who = require(actor, "editor").username
    status = APPROVED if approve else REJECTED
    with storage.transaction(engine) as s:
        doc = s.scalar(select(Agreement.doc_number).join(PartyFeedback, PartyFeedback.agreement_id == Agreement.id)
                       .where(PartyFeedback.id == feedback_id))
        done = s.execute(update(PartyFeedback).where(PartyFeedback.id == feedback_id,
                                                     PartyFeedback.status == PENDING)
                         .values(status=status, moderated_by=who, moderated_at=now or utcnow())).rowcount
        if not done:
            raise UserError("party_feedback.decided")
        _audit(s, who, "update", "party_feedback", f"{doc} #{feedback_id}", {"moderation": [PENDING, status]})


APPROVED_COLUMNS = ["doc_number", "title", "party_region", "party", "rating", "obstacles", "suggestion", "received_at"]


def approved_frame(engine: Engine) -> pd.DataFrame:
    """Approved entries, newest first: what anyone who may view records sees (never the contact or the client)."""
    with storage.transaction(engine) as s:
        rows = [{"doc_number": e.doc_number, "title": e.title, "party_region": e.party_region,
                 "party": region_name(e.party_region), "rating": e.rating, "obstacles": list(e.obstacles),
                 "suggestion": e.suggestion, "received_at": e.received_at}
                for e in reversed(_entries(s, PartyFeedback.status == APPROVED))]
    return pd.DataFrame(rows, columns=APPROVED_COLUMNS)


def obstacle_counts(approved: pd.DataFrame, doc_numbers) -> dict[str, int]:
    """How many approved entries about the agreements ``doc_numbers`` name each obstacle.

    >>> frame = pd.DataFrame({"doc_number": ["A", "A", "B"], "obstacles": [["anggaran"], ["anggaran", "regulasi"],
    ...                                                                   ["komitmen"]]})
    >>> obstacle_counts(frame, ["A"])
    {'anggaran': 2, 'regulasi': 1}
    """
    mine = approved[approved["doc_number"].isin(set(doc_numbers))]
    counts: dict[str, int] = {}
    for kinds in mine["obstacles"]:
        for k in kinds:
            counts[k] = counts.get(k, 0) + 1
    return counts
