"""Which photos show where: the gallery "Contoh kerja sama yang berhasil", a region's photos, and the photos the
region brief and the deck carry.

Rules:

* The gallery shows photos attached to agreements that are running or completed (``SUCCESS_STATUSES``: berjalan,
  selesai), filtered by sector (any of the agreement's), region (a party in or below the region) and period.
* An agreement is in a period by the map's own rule (``geo.analysis.metrics.agreement_day``): its signing date, or
  its start when it is not signed; a visit by its start.
* A region's photos are those of every agreement with a party in or below it and of every visit with a stop in or
  below it, whatever the status: newest first (the day taken, else the day attached).
* Only photos, never the signed PDFs; no bytes are read until ``image`` is asked for one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import selectinload

from geo.db import storage
from geo.db.models import Agreement, Attachment, Visit
from geo.evidence import attachments
from geo.regions import lookup
from geo.text import catalog

SUCCESS_STATUSES = ("berjalan", "selesai")


@dataclass(frozen=True)
class Photo:
    id: int
    owner_kind: str  # agreement, visit
    owner_key: str  # doc_number or ref
    title: str  # the agreement's title, or the visit's official and agenda
    status: str  # the agreement's status ("" for a visit)
    sectors: tuple[str, ...]
    region_codes: tuple[str, ...]
    day: dt.date | None  # the agreement's (signed, else started) or the visit's start
    caption: str
    place: str
    taken_on: dt.date | None
    credit: str
    added_at: dt.datetime
    width: int | None
    height: int | None
    sha256: str

    @property
    def newest_first(self) -> tuple:
        return (self.taken_on or self.added_at.date(), self.id)


def photo_line(photo: Photo, lang: str = "id") -> str:
    """Place · date (dd/mm/yyyy) · "Foto: credit", the parts that are known, as plain text.

    >>> p = Photo(1, "agreement", "KB/1", "Air", "selesai", (), ("32.73",), None, "", "Bandung",
    ...           dt.date(2024, 8, 20), "Humas", dt.datetime(2024, 8, 21), 10, 10, "0" * 64)
    >>> photo_line(p)
    'Bandung · 20/08/2024 · Foto: Humas'
    """
    parts = [photo.place, photo.taken_on.strftime("%d/%m/%Y") if photo.taken_on else "",
             catalog.text("evidence.credit", lang, credit=photo.credit) if photo.credit else ""]
    return " · ".join(p for p in parts if p)


def _in_period(day: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    if start is None and end is None:
        return True
    return day is not None and (start is None or day >= start) and (end is None or day <= end)


def _within(codes, areas) -> bool:
    return any(lookup.is_within(c, a) for c in codes if c for a in areas)


def _agreement_photos(session, statuses=None) -> list[Photo]:
    query = (select(Attachment, Agreement).join(Agreement, Attachment.agreement_id == Agreement.id)
             .where(Attachment.kind == "photo").options(selectinload(Agreement.parties)))
    if statuses:
        query = query.where(Agreement.status.in_(statuses))
    return [Photo(att.id, "agreement", a.doc_number, a.title, a.status, tuple(a.sectors or ()),
                  tuple(a.region_codes), a.signed_on or a.start_on, att.caption, att.place, att.taken_on, att.credit,
                  att.added_at, att.width, att.height, att.sha256)
            for att, a in session.execute(query)]


def _visit_photos(session) -> list[Photo]:
    query = (select(Attachment, Visit).join(Visit, Attachment.visit_id == Visit.id)
             .where(Attachment.kind == "photo").options(selectinload(Visit.stops)))
    return [Photo(att.id, "visit", v.ref, f"{v.official_role} · {v.agenda}".strip(" ·"), "",
                  tuple(v.focus_sectors or ()), tuple(s.region_code for s in v.stops),
                  v.start_at.date() if v.start_at else None, att.caption, att.place, att.taken_on, att.credit,
                  att.added_at, att.width, att.height, att.sha256)
            for att, v in session.execute(query)]


def success_gallery(engine: Engine, *, sectors=(), regions_in=(), start: dt.date | None = None,
                    end: dt.date | None = None) -> list[Photo]:
    """Photos of running and completed agreements matching every filter given (an empty filter matches all),
    newest first."""
    with storage.transaction(engine) as s:
        photos = _agreement_photos(s, SUCCESS_STATUSES)
    kept = [p for p in photos
            if (not sectors or set(p.sectors) & set(sectors))
            and (not regions_in or _within(p.region_codes, regions_in))
            and _in_period(p.day, start, end)]
    return sorted(kept, key=lambda p: p.newest_first, reverse=True)


def region_photos(engine: Engine, code: str, *, start: dt.date | None = None, end: dt.date | None = None,
                  limit: int | None = None) -> list[Photo]:
    """Photos of the agreements and visits in or below region ``code`` (in the period, when given), newest first."""
    with storage.transaction(engine) as s:
        photos = _agreement_photos(s) + _visit_photos(s)
    kept = sorted((p for p in photos if _within(p.region_codes, [code]) and _in_period(p.day, start, end)),
                  key=lambda p: p.newest_first, reverse=True)
    return kept[:limit] if limit is not None else kept


def image(engine: Engine, photo: Photo, *, thumbnail: bool = False) -> bytes:
    """The stored (re-encoded) image of ``photo``, or its thumbnail."""
    return attachments.content(engine, photo.id, thumbnail=thumbnail)


def with_images(engine: Engine, photos: list[Photo]) -> list[tuple[Photo, bytes]]:
    """(photo, stored image) pairs: what the region brief and the deck carry."""
    return [(p, image(engine, p)) for p in photos]
