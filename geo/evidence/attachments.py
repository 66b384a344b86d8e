"""Attaching evidence to an agreement or a visit, removing it, listing it and reading its bytes.

**Where the bytes live: in the database** (table ``attachment``, a ``BYTEA`` column on PostgreSQL, a ``BLOB`` on
SQLite), not in the data folder. Why:

* several hosts serving one PostgreSQL share only the database (README, *Several hosts, one PostgreSQL*): a photo
  attached through one host must show on every other, and a data folder is each host's own;
* one transaction holds the record, its attachment and the audit entry: an upload that fails leaves nothing
  half-written, and deleting an agreement deletes its attachments with it (``ON DELETE CASCADE``);
* backups already read the database in one consistent snapshot and restore it in one transaction
  (``geo.records.backup``): the bytes travel in the same backup and come back with the same ``sha256``, checked
  on restore, with no second folder to copy and keep in step.

What it costs is bounded by the limits: a photo is stored re-encoded at most 2400 pixels a side (a few hundred KB),
a PDF at most 20 MB; the bytes columns are deferred, so listing and the gallery read only the small thumbnails.

Rules:

* What a file is is decided by its content (``geo.evidence.images``, ``geo.evidence.pdfs``), never by its name or
  the browser's type: a PDF is a ``document`` (kept as uploaded), an image a ``photo`` (re-encoded, thumbnail);
  anything else is refused with a message in the user's language.
* Editors and admins attach and remove (``require(actor, "editor")`` here, whatever calls it); everybody who may
  view sees. Each attach and remove is an audit entry (record ``attachment``, key ``agreement:<doc>`` or
  ``visit:<ref>``) and an event-log line.
* Caption, place and credit are plain text (lengths checked); pages escape them wherever they reach markup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, undefer

from geo import events
from geo.access.roles import Principal, require
from geo.db import storage
from geo.db.models import Agreement, Attachment, AuditEntry, Visit
from geo.evidence import images, pdfs
from geo.text.messages import UserError

TEXT_LIMITS = {"caption": 1000, "place": 300, "credit": 200, "original_name": 300}
OWNER_KINDS = ("agreement", "visit")


@dataclass(frozen=True)
class Details:
    """What the user writes about a piece of evidence."""

    caption: str = ""
    place: str = ""
    taken_on: dt.date | None = None
    credit: str = ""


@dataclass(frozen=True)
class Item:
    """An attachment as lists show it (no bytes)."""

    id: int
    owner_kind: str  # agreement, visit
    owner_key: str  # doc_number or ref
    kind: str  # photo, document
    mime: str
    sha256: str
    size: int
    width: int | None
    height: int | None
    caption: str
    place: str
    taken_on: dt.date | None
    credit: str
    original_name: str
    added_by: str
    added_at: dt.datetime

    @property
    def download_name(self) -> str:
        """A safe file name for the download: the owner's key and the id, never the uploaded name as such."""
        stem = re.sub(r"[^A-Za-z0-9_-]+", "_", self.owner_key).strip("_")[:80] or self.owner_kind
        return f"{stem}-{self.id}.{'pdf' if self.mime == 'application/pdf' else self.mime.split('/')[1]}"


def _check_details(details: Details, original_name: str) -> None:
    values = {"caption": details.caption, "place": details.place, "credit": details.credit,
              "original_name": original_name}
    for name, value in values.items():
        if len(value) > TEXT_LIMITS[name]:
            raise UserError("field.too_long", field=name, n=TEXT_LIMITS[name])
        if "\x00" in value:
            raise UserError("field.bad_char", field=name)


def _owner(session: Session, kind: str, key: str):
    if kind not in OWNER_KINDS:
        raise ValueError(kind)
    model, column = (Agreement, Agreement.doc_number) if kind == "agreement" else (Visit, Visit.ref)
    owner = session.scalar(select(model).where(column == key))
    if owner is None:
        raise UserError("evidence.no_record", text=key)
    return owner


def prepared(data: bytes) -> dict:
    """The columns of an attachment made from the uploaded ``data``: decided by content, checked, photos
    re-encoded (``UserError`` when refused)."""
    if not data:
        raise UserError("evidence.empty")
    if b"%PDF-" in data[:1024]:
        pages = pdfs.check(data)
        return {"kind": "document", "mime": "application/pdf", "content": data, "thumbnail": None,
                "width": None, "height": pages}
    photo = images.prepare(data)
    return {"kind": "photo", "mime": photo.mime, "content": photo.content, "thumbnail": photo.thumbnail,
            "width": photo.width, "height": photo.height}


def attach(session: Session, owner_kind: str, owner_key: str, data: bytes, actor: Principal, *,
           details: Details = Details(), original_name: str = "", simulated: bool = False) -> Item:
    """Store ``data`` as evidence on the agreement (``owner_kind="agreement"``, its document number) or visit (its
    code); editors and admins only. For a PDF, ``height`` holds its number of pages."""
    who = require(actor, "editor").username
    original_name = (original_name or "").strip()[:TEXT_LIMITS["original_name"]]
    _check_details(details, original_name)
    columns = prepared(data)
    owner = _owner(session, owner_kind, owner_key)
    row = Attachment(agreement_id=owner.id if owner_kind == "agreement" else None,
                     visit_id=owner.id if owner_kind == "visit" else None,
                     sha256=hashlib.sha256(columns["content"]).hexdigest(), size=len(columns["content"]),
                     caption=details.caption.strip(), place=details.place.strip(), taken_on=details.taken_on,
                     credit=details.credit.strip(), original_name=original_name, added_by=who,
                     added_at=dt.datetime.now(dt.timezone.utc), simulated=simulated, **columns)
    session.add(row)
    session.flush()
    session.add(AuditEntry(actor=who, action="create", record_type="attachment",
                           record_key=f"{owner_kind}:{owner_key}"[:200],
                           changes={"attachment": [None, _summary(row)]}))
    if not simulated:  # the sample's drawn pictures are no event worth a log line each
        events.log("attachment_added", by=who, owner=f"{owner_kind}:{owner_key}", kind=row.kind, size=row.size,
                   sha256=row.sha256)
    return _item(row, owner_kind, owner_key)


def _summary(row: Attachment) -> str:
    return " · ".join(x for x in (row.kind, row.original_name, row.caption, row.sha256[:12]) if x)


def remove(session: Session, attachment_id: int, actor: Principal) -> None:
    """Delete one attachment (editors and admins), with its audit entry."""
    who = require(actor, "editor").username
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise UserError("evidence.gone")
    owner_kind, owner_key = _owner_of(session, row)
    summary = _summary(row)
    session.delete(row)
    session.flush()
    session.add(AuditEntry(actor=who, action="delete", record_type="attachment",
                           record_key=f"{owner_kind}:{owner_key}"[:200], changes={"attachment": [summary, None]}))
    events.log("attachment_removed", by=who, owner=f"{owner_kind}:{owner_key}", sha256=row.sha256)


def _owner_of(session: Session, row: Attachment) -> tuple[str, str]:
    if row.agreement_id is not None:
        return "agreement", session.scalar(select(Agreement.doc_number).where(Agreement.id == row.agreement_id))
    return "visit", session.scalar(select(Visit.ref).where(Visit.id == row.visit_id))


def _item(row: Attachment, owner_kind: str, owner_key: str) -> Item:
    return Item(row.id, owner_kind, owner_key, row.kind, row.mime, row.sha256, row.size, row.width, row.height,
                row.caption, row.place, row.taken_on, row.credit, row.original_name, row.added_by, row.added_at)


def items(engine: Engine, owner_kind: str, owner_key: str) -> list[Item]:
    """The evidence of one agreement or visit, oldest first (no bytes)."""
    with storage.transaction(engine) as s:
        owner = _owner(s, owner_kind, owner_key)
        column = Attachment.agreement_id if owner_kind == "agreement" else Attachment.visit_id
        rows = s.scalars(select(Attachment).where(column == owner.id).order_by(Attachment.id))
        return [_item(r, owner_kind, owner_key) for r in rows]


def content(engine: Engine, attachment_id: int, *, thumbnail: bool = False) -> bytes:
    """The stored bytes of an attachment (or its thumbnail; a document has none: ``b""``)."""
    with storage.transaction(engine) as s:
        column = Attachment.thumbnail if thumbnail else Attachment.content
        value = s.scalar(select(column).where(Attachment.id == attachment_id).options(undefer("*")))
        return bytes(value or b"")
