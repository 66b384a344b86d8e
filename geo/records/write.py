"""Creating, changing and deleting records, with the audit trail and edit conflicts.

Records travel as plain dataclasses (``AgreementData``, ``VisitData``): the
importer, the Data page and the backup all produce and consume them, and they
compare equal when nothing changed, so re-importing a file changes nothing.

Rules every write keeps:

* Saving a record entered as new (``new=True``, e.g. the Data page's add forms) when one with the same natural
  key — an agreement's document number, a visit's code — exists already is ``UserError("row.duplicate")``;
  it never silently updates the stored record.
* The database refusing a write (``sqlalchemy.exc.IntegrityError``: a key taken by a change committed in
  between, a reference gone) becomes ``UserError("record.refused")`` inside the write; a caller that commits
  many writes in one transaction of its own (the importer) wraps it in ``refused_as`` to get its own message.
* A change someone else saved since the record was loaded is ``EditConflict``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from geo.access.roles import Principal, require
from geo.db.models import (
    Agreement,
    AgreementParty,
    AuditEntry,
    Obstacle,
    ProgressIndicator,
    ProgressReading,
    StatusChange,
    Visit,
    VisitStop,
)
from geo.text.messages import UserError


class EditConflict(UserError):
    """Someone else saved the record since it was loaded."""

    def __init__(self):
        super().__init__("record.conflict")


@dataclass(frozen=True)
class Party:
    region_code: str | None = None
    partner_name: str | None = None
    as_written: str | None = None  # the region as the source wrote it, when it was read by other than today's name


class Reading(NamedTuple):
    """One reading of a KPI: its date, the value measured, a note, and who entered it (a user name)."""

    on_date: dt.date
    value: float
    note: str = ""
    by: str = ""


@dataclass(frozen=True)
class Indicator:
    """A KPI of an agreement (``geo.monitoring.kpis`` has the rules): readings as ``Reading`` (plain
    ``(date, value)`` pairs are taken and made readings)."""

    name: str
    unit: str = ""
    target: float | None = None
    readings: tuple[Reading, ...] = ()
    baseline: float | None = None
    target_on: dt.date | None = None
    frequency: str = "quarterly"

    def __post_init__(self):
        object.__setattr__(self, "readings", tuple(Reading(*r) for r in self.readings))


def indicator_of(i: ProgressIndicator) -> Indicator:
    """A stored KPI as the record it belongs to carries it."""
    return Indicator(i.name, i.unit or "", i.target,
                     tuple(Reading(r.on_date, r.realisation, r.note or "", r.recorded_by or "") for r in i.readings),
                     i.baseline, i.target_on, i.frequency or "quarterly")


def _stored_indicator(i: Indicator) -> ProgressIndicator:
    return ProgressIndicator(name=i.name, unit=i.unit, target=i.target, baseline=i.baseline, target_on=i.target_on,
                             frequency=i.frequency,
                             readings=[ProgressReading(on_date=r.on_date, realisation=r.value, note=r.note,
                                                       recorded_by=r.by) for r in i.readings])


@dataclass
class AgreementData:
    doc_number: str
    title: str
    type: str
    status: str
    parties: list[Party]
    sectors: list[str] = field(default_factory=list)
    signed_on: dt.date | None = None
    start_on: dt.date | None = None
    end_on: dt.date | None = None
    value_idr: int | None = None
    status_on: dt.date | None = None  # date of the current status
    obstacles: list[tuple[str, str]] = field(default_factory=list)  # (kind, note)
    visit_ref: str | None = None
    notes: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    status_history: list[tuple[str, dt.date]] | None = None  # full history (backup/restore); else derived
    simulated: bool = False


@dataclass(frozen=True)
class StopData:
    region_code: str
    place_name: str = ""
    lat: float | None = None
    lon: float | None = None
    start_at: dt.datetime | None = None
    end_at: dt.datetime | None = None
    agenda: str = ""
    people_met: str = ""
    as_written: str | None = None  # the region or place as the source wrote it, when read by other than today's name


@dataclass
class VisitData:
    ref: str
    official_role: str
    ministry: str
    start_at: dt.datetime
    time_zone: str
    stops: list[StopData]
    end_at: dt.datetime | None = None
    agenda: str = ""
    focus_sectors: list[str] = field(default_factory=list)
    people_met: str = ""
    simulated: bool = False
    planned: bool = False  # planned in the planner, not (yet) made
    goals: list[str] = field(default_factory=list)  # areas the visit set out to advance (GOAL_AREAS keys)


def _flush(session: Session, key: str) -> None:
    """Write pending changes of the record ``key``; someone else's change to the same record becomes
    ``EditConflict``, the database refusing the change (``IntegrityError``) ``UserError("record.refused")``.

    PostgreSQL and the version column report a concurrent change as a stale row; SQLite refuses to let a
    transaction that read before another one committed write after it ("database is locked"), which is the same
    conflict seen from the other side.
    """
    try:
        session.flush()
    except StaleDataError as exc:
        raise EditConflict() from exc
    except IntegrityError as exc:
        raise UserError("record.refused", record=key) from exc
    except OperationalError as exc:
        if "database is locked" in str(exc.orig):
            raise EditConflict() from exc
        raise


@contextmanager
def refused_as(message_key: str, **params) -> Iterator[None]:
    """The database refusing what the block writes (``IntegrityError``, at a flush or at the commit of a
    transaction opened inside the block) becomes ``UserError(message_key, **params)``; the transaction has
    rolled back, so nothing changed. For callers writing many records in one transaction (the importer)."""
    try:
        yield
    except IntegrityError as exc:
        raise UserError(message_key, **params) from exc


def _refuse_duplicate(existing, key: str) -> None:
    """A record entered as new whose key is taken: the user is told, the stored record is left alone."""
    if existing is not None:
        raise UserError("row.duplicate", record=key, first="-")


# ------------------------------------------------------------------ conversion

def agreement_data(a: Agreement) -> AgreementData:
    return AgreementData(
        doc_number=a.doc_number, title=a.title, type=a.type, status=a.status,
        parties=[Party(p.region_code, p.partner_name, p.as_written) for p in a.parties],
        sectors=list(a.sectors or []), signed_on=a.signed_on, start_on=a.start_on, end_on=a.end_on,
        value_idr=a.value_idr,
        status_on=max((c.changed_on for c in a.status_changes if c.status == a.status), default=None),
        obstacles=sorted((o.kind, o.note or "") for o in a.obstacles),
        visit_ref=a.visit.ref if a.visit else None, notes=a.notes or "",
        indicators=[indicator_of(i) for i in a.indicators],
        status_history=[(c.status, c.changed_on) for c in a.status_changes], simulated=a.simulated,
    )


def visit_data(v: Visit) -> VisitData:
    return VisitData(
        ref=v.ref, official_role=v.official_role, ministry=v.ministry, start_at=_aware(v.start_at),
        time_zone=v.time_zone, end_at=_aware(v.end_at), agenda=v.agenda or "", focus_sectors=list(v.focus_sectors or []),
        people_met=v.people_met or "", simulated=v.simulated, planned=bool(v.planned), goals=list(v.goals or []),
        stops=[StopData(s.region_code, s.place_name or "", s.lat, s.lon, _aware(s.start_at), _aware(s.end_at),
                        s.agenda or "", s.people_met or "", s.as_written) for s in v.stops],
    )


def _aware(t: dt.datetime | None) -> dt.datetime | None:
    """SQLite returns naive datetimes; everything is stored in UTC."""
    if t is None:
        return None
    return t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)


def _utc(t: dt.datetime | None) -> dt.datetime | None:
    """Store every instant in UTC (SQLite keeps no offset; PostgreSQL converts anyway)."""
    if t is None:
        return None
    if t.tzinfo is None:
        raise ValueError("datetimes must carry a time zone")
    return t.astimezone(dt.timezone.utc)


def _comparable_agreement(d: AgreementData) -> dict:
    out = asdict(d)
    out.pop("status_history")
    out.pop("status_on")  # a repeated status with another date is not a change
    out["obstacles"] = sorted(tuple(o) for o in d.obstacles)
    out["sectors"] = sorted(d.sectors)
    return out


def _comparable_visit(d: VisitData) -> dict:
    out = asdict(d)
    for key in ("start_at", "end_at"):
        out[key] = _utc(_aware(out[key]))
    out["stops"] = [{**s, "start_at": _utc(_aware(s["start_at"])), "end_at": _utc(_aware(s["end_at"]))}
                    for s in out["stops"]]
    return out


def _diff(old: dict | None, new: dict | None) -> dict:
    old, new = old or {}, new or {}
    keys = sorted(set(old) | set(new))
    return {k: [_jsonable(old.get(k)), _jsonable(new.get(k))] for k in keys if old.get(k) != new.get(k)}


def _jsonable(v):
    if hasattr(v, "__dataclass_fields__"):
        return _jsonable(asdict(v))
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    return v


# ------------------------------------------------------------------ text limits

# Longest text each field's column holds (``geo.db.models``); fields not listed are unlimited TEXT.
TEXT_LIMITS = {"doc_number": 200, "type": 10, "status": 20, "region_code": 13, "partner_name": 300,
               "kind": 30, "name": 300, "unit": 50, "visit_ref": 100, "ref": 100, "official_role": 200,
               "role": 200, "ministry": 200, "time_zone": 4, "tz": 4, "place_name": 300, "as_written": 300}
FIELD_NAMES = {"doc_number": "nomor dokumen", "title": "judul", "ref": "kode kunjungan", "role": "pejabat",
               "official_role": "pejabat", "place_name": "lokasi", "partner_name": "pihak", "visit_ref": "kunjungan",
               "as_written": "wilayah seperti tertulis"}


def check_text(data, name: str = "") -> None:
    """``UserError`` when a text is longer than its column or holds what no database stores (NUL, broken
    surrogates); walks dataclasses, dicts, lists and tuples."""
    if isinstance(data, str):
        label = FIELD_NAMES.get(name, name or "teks")
        limit = TEXT_LIMITS.get(name)
        if limit is not None and len(data) > limit:
            raise UserError("field.too_long", field=label, n=limit)
        if "\x00" in data:
            raise UserError("field.bad_char", field=label)
        try:
            data.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise UserError("field.bad_char", field=label) from exc
    elif hasattr(data, "__dataclass_fields__"):
        for key in data.__dataclass_fields__:
            check_text(getattr(data, key), key)
    elif isinstance(data, dict):
        for key, value in data.items():
            check_text(value, key if isinstance(key, str) else name)
    elif isinstance(data, (list, tuple)):
        for value in data:
            check_text(value, name)


# ------------------------------------------------------------------ agreements

def enough_parties(parties) -> bool:
    """The rule for every agreement, typed or imported: at least two parties, at least one of them a region.

    >>> enough_parties([Party(region_code="32.73"), Party(partner_name="Universitas Padjadjaran")])
    True
    >>> enough_parties([Party(region_code="32.73")])
    False
    >>> enough_parties([Party(partner_name="PT A"), Party(partner_name="PT B")])
    False
    """
    return len(parties) >= 2 and any(p.region_code for p in parties)


def validated_agreement(data: AgreementData, known=None) -> AgreementData:
    """The checks the importer makes, for records entered by hand; raises ``UserError``. Type, sectors and
    obstacles must be terms of ``known`` (``geo.records.vocabularies.current(engine)``; default: the defaults)."""
    from geo.records import vocabularies
    from geo.regions import lookup
    from geo.text.vocabulary import STATUSES

    known = known or vocabularies.defaults()

    if not data.doc_number.strip():
        raise UserError("field.required", field="nomor dokumen")
    if not data.title.strip():
        raise UserError("field.required", field="judul")
    if not known.knows("agreement_type", data.type):
        raise UserError("type.bad", text=data.type)
    if data.status not in STATUSES:
        raise UserError("status.bad", text=data.status)
    for kind, _ in data.obstacles:
        if not known.knows("obstacle", kind):
            raise UserError("obstacle.bad", text=kind)
    for sector in data.sectors:
        if not known.knows("sector", sector):
            raise UserError("sector.bad", text=sector)
    region_parties = [p.region_code for p in data.parties if p.region_code]
    for code in region_parties:
        if not lookup.exists(code) or lookup.level_of(code) not in lookup.GOVERNMENT_LEVELS:
            raise UserError("region.level", text=code)
    if not enough_parties(data.parties):
        raise UserError("parties.few")
    if data.start_on and data.end_on and data.end_on < data.start_on:
        raise UserError("dates.order")
    if data.value_idr is not None and data.value_idr < 0:
        raise UserError("money.negative", text=str(data.value_idr))
    check_text(data)
    return data


def load_agreement(session: Session, doc_number: str) -> Agreement | None:
    return session.scalar(
        select(Agreement).where(Agreement.doc_number == doc_number).options(
            selectinload(Agreement.parties), selectinload(Agreement.status_changes),
            selectinload(Agreement.obstacles), selectinload(Agreement.indicators).selectinload(
                ProgressIndicator.readings), selectinload(Agreement.visit)))


def agreement_action(existing: Agreement | None, data: AgreementData) -> str:
    """What saving ``data`` would do: add, update or unchanged."""
    if existing is None:
        return "add"
    return "unchanged" if _comparable_agreement(agreement_data(existing)) == _comparable_agreement(data) else "update"


def save_agreement(session: Session, data: AgreementData, actor: Principal, *, expected_version: int | None = None,
                   existing: Agreement | None = None, today: dt.date | None = None, assume_new: bool = False,
                   new: bool = False) -> str:
    """Add or update an agreement (matched on document number); returns add, update or unchanged.

    With ``expected_version`` (the version the editor loaded), a record changed
    by someone else in between raises ``EditConflict``. With ``new`` (entered as a new record), an existing
    document number is ``UserError("row.duplicate")``. ``actor`` must be an editor or admin.
    """
    who = require(actor, "editor").username
    if existing is None and not assume_new:
        existing = load_agreement(session, data.doc_number)
    if new:
        _refuse_duplicate(existing, data.doc_number)
    if expected_version is not None and existing is not None and existing.version != expected_version:
        raise EditConflict()
    action = agreement_action(existing, data)
    if action == "unchanged":
        return action
    before = _comparable_agreement(agreement_data(existing)) if existing is not None else None
    a = existing or Agreement(doc_number=data.doc_number, status=data.status)
    with session.no_autoflush:
        visit = session.scalar(select(Visit).where(Visit.ref == data.visit_ref)) if data.visit_ref else None
    if existing is None:
        session.add(a)
    a.title, a.type, a.sectors = data.title, data.type, sorted(data.sectors)
    a.signed_on, a.start_on, a.end_on, a.value_idr = data.signed_on, data.start_on, data.end_on, data.value_idr
    a.notes, a.simulated = data.notes, data.simulated
    a.visit = visit
    if [Party(p.region_code, p.partner_name, p.as_written) for p in a.parties] != list(data.parties):
        a.parties = [AgreementParty(seq=i + 1, region_code=p.region_code, partner_name=p.partner_name,
                                    as_written=p.as_written)
                     for i, p in enumerate(data.parties)]
    if sorted((o.kind, o.note or "") for o in a.obstacles) != sorted(tuple(o) for o in data.obstacles):
        a.obstacles = [Obstacle(kind=k, note=n) for k, n in data.obstacles]
    if data.indicators != [indicator_of(i) for i in a.indicators]:
        a.indicators = [_stored_indicator(i) for i in data.indicators]
    _apply_status(a, data, today or dt.date.today())
    if existing is not None:  # an update: a concurrent change shows here, as a version mismatch
        flag_modified(a, "notes")  # the row (and its version) changes even when only parties/obstacles did
    if existing is not None or not assume_new:  # one record: a refusal shows here (the importer's at its commit)
        _flush(session, data.doc_number)
    session.add(AuditEntry(actor=who, action="create" if existing is None else "update", record_type="agreement",
                           record_key=data.doc_number, changes=_diff(before, _comparable_agreement(data))))
    return action


def _apply_status(a: Agreement, data: AgreementData, today: dt.date) -> None:
    if data.status_history is not None:
        if [(c.status, c.changed_on) for c in a.status_changes] != list(data.status_history):
            a.status_changes = [StatusChange(status=s, changed_on=d) for s, d in data.status_history]
        a.status = data.status
        return
    if a.status == data.status and a.status_changes:
        return
    when = data.status_on or data.signed_on or data.start_on or today
    if not a.status_changes and data.signed_on and data.status not in ("usulan", "ditandatangani", "batal") \
            and data.signed_on < when:
        a.status_changes.append(StatusChange(status="ditandatangani", changed_on=data.signed_on))
    a.status_changes.append(StatusChange(status=data.status, changed_on=when))
    a.status = data.status


def record_progress(session: Session, doc_number: str, indicator: str, on_date: dt.date, realisation: float,
                    actor: Principal, *, unit: str = "", target: float | None = None, note: str = "") -> None:
    """Add (or correct) one realisation reading of an agreement's progress indicator (editors and admins); the
    reading keeps ``note`` and who entered it. A reading must be a finite number."""
    import math

    who = require(actor, "editor").username
    a = load_agreement(session, doc_number)
    if a is None:
        raise KeyError(doc_number)
    if not indicator.strip():
        raise UserError("field.required", field="indikator")
    if not math.isfinite(realisation):
        raise UserError("field.required", field="nilai")
    check_text({"name": indicator, "note": note})
    before = agreement_data(a)
    ind = next((i for i in a.indicators if i.name == indicator.strip()), None)
    if ind is None:
        ind = ProgressIndicator(name=indicator.strip(), unit=unit, target=target)
        a.indicators.append(ind)
    elif target is not None:
        ind.target = target
    reading = next((r for r in ind.readings if r.on_date == on_date), None)
    if reading is None:
        ind.readings.append(ProgressReading(on_date=on_date, realisation=realisation, note=note.strip(),
                                            recorded_by=who))
    else:
        reading.realisation, reading.note, reading.recorded_by = realisation, note.strip(), who
    flag_modified(a, "notes")  # the agreement's version moves: other editors holding it must reload
    _flush(session, doc_number)
    session.add(AuditEntry(actor=who, action="update", record_type="agreement", record_key=doc_number,
                           changes=_diff({"indicators": _jsonable(before.indicators)},
                                         {"indicators": _jsonable(agreement_data(a).indicators)})))


def define_kpi(session: Session, doc_number: str, kpi: Indicator, actor: Principal) -> None:
    """Add a KPI to an agreement, or change one of the same name (its unit, baseline, target, target date and
    frequency; its readings stay); editors and admins, audited like every change of the agreement."""
    from geo.monitoring.kpis import check_kpi

    who = require(actor, "editor").username
    a = load_agreement(session, doc_number)
    if a is None:
        raise KeyError(doc_number)
    check_kpi(kpi)
    check_text(kpi)
    before = agreement_data(a)
    ind = next((i for i in a.indicators if i.name == kpi.name.strip()), None)
    if ind is None:
        ind = ProgressIndicator(name=kpi.name.strip())
        a.indicators.append(ind)
    ind.unit, ind.baseline, ind.target, ind.target_on, ind.frequency = kpi.unit.strip(), kpi.baseline, kpi.target, \
        kpi.target_on, kpi.frequency
    flag_modified(a, "notes")
    _flush(session, doc_number)
    session.add(AuditEntry(actor=who, action="update", record_type="agreement", record_key=doc_number,
                           changes=_diff({"indicators": _jsonable(before.indicators)},
                                         {"indicators": _jsonable(agreement_data(a).indicators)})))


def delete_agreement(session: Session, doc_number: str, actor: Principal, *,
                     expected_version: int | None = None) -> None:
    require(actor, "editor")
    a = load_agreement(session, doc_number)
    if a is None:
        raise KeyError(doc_number)
    _delete(session, a, "agreement", doc_number, _comparable_agreement(agreement_data(a)), actor, expected_version)


def _delete(session: Session, obj, record_type: str, key: str, before: dict, actor: Principal,
            expected_version: int | None) -> None:
    who = require(actor, "editor").username
    if expected_version is not None and obj.version != expected_version:
        raise EditConflict()
    session.delete(obj)
    _flush(session, key)
    session.add(AuditEntry(actor=who, action="delete", record_type=record_type, record_key=key,
                           changes=_diff(before, None)))


# ---------------------------------------------------------------------- visits

def validated_visit(data: VisitData, known=None) -> VisitData:
    """The checks the importer makes, for visits entered by hand; raises ``UserError``. Focus sectors must be terms
    of ``known`` (``geo.records.vocabularies.current(engine)``; default: the defaults)."""
    from geo.records import vocabularies
    from geo.regions import lookup
    from geo.text.vocabulary import GOAL_AREAS, TIME_ZONES

    known = known or vocabularies.defaults()

    if not data.ref.strip():
        raise UserError("field.required", field="kode kunjungan")
    if not data.official_role.strip():
        raise UserError("field.required", field="pejabat")
    if data.time_zone not in TIME_ZONES:
        raise UserError("tz.bad", text=data.time_zone)
    if not data.stops:
        raise UserError("field.required", field="wilayah")
    for stop in data.stops:
        if not lookup.exists(stop.region_code):
            raise UserError("region.unknown", text=stop.region_code)
    for sector in data.focus_sectors:
        if not known.knows("sector", sector):
            raise UserError("sector.bad", text=sector)
    for goal in data.goals:
        if goal not in GOAL_AREAS:
            raise UserError("goal.bad", text=goal)
    if data.end_at and data.end_at < data.start_at:
        raise UserError("time.order", text=f"{data.start_at} – {data.end_at}")
    check_text(data)
    return data


def load_visit(session: Session, ref: str) -> Visit | None:
    return session.scalar(select(Visit).where(Visit.ref == ref).options(selectinload(Visit.stops)))


def visit_action(existing: Visit | None, data: VisitData) -> str:
    if existing is None:
        return "add"
    return "unchanged" if _comparable_visit(visit_data(existing)) == _comparable_visit(data) else "update"


def save_visit(session: Session, data: VisitData, actor: Principal, *, expected_version: int | None = None,
               existing: Visit | None = None, assume_new: bool = False, new: bool = False) -> str:
    """Add or update a visit (matched on its code); ``actor`` must be an editor or admin. With ``new`` (entered
    as a new record), an existing code is ``UserError("row.duplicate")``."""
    who = require(actor, "editor").username
    if existing is None and not assume_new:
        existing = load_visit(session, data.ref)
    if new:
        _refuse_duplicate(existing, data.ref)
    if expected_version is not None and existing is not None and existing.version != expected_version:
        raise EditConflict()
    action = visit_action(existing, data)
    if action == "unchanged":
        return action
    before = _comparable_visit(visit_data(existing)) if existing is not None else None
    v = existing or Visit(ref=data.ref)
    if existing is None:
        session.add(v)
    v.official_role, v.ministry = data.official_role, data.ministry
    v.start_at, v.end_at = _utc(data.start_at), _utc(data.end_at)
    v.time_zone, v.agenda, v.focus_sectors, v.people_met = data.time_zone, data.agenda, data.focus_sectors, \
        data.people_met
    v.simulated, v.planned, v.goals = data.simulated, data.planned, list(data.goals)
    if existing is not None:
        flag_modified(v, "agenda")  # the visit's version moves even when only its stops changed
    v.stops = [VisitStop(seq=i + 1, region_code=s.region_code, place_name=s.place_name, lat=s.lat, lon=s.lon,
                         start_at=_utc(s.start_at), end_at=_utc(s.end_at), agenda=s.agenda, people_met=s.people_met,
                         as_written=s.as_written)
               for i, s in enumerate(data.stops)]
    _flush(session, data.ref)
    session.add(AuditEntry(actor=who, action="create" if existing is None else "update", record_type="visit",
                           record_key=data.ref, changes=_diff(before, _comparable_visit(data))))
    return action


def delete_visit(session: Session, ref: str, actor: Principal, *, expected_version: int | None = None) -> None:
    require(actor, "editor")
    v = load_visit(session, ref)
    if v is None:
        raise KeyError(ref)
    _delete(session, v, "visit", ref, _comparable_visit(visit_data(v)), actor, expected_version)


def audit_trail(session: Session, record_type: str, record_key: str) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).where(AuditEntry.record_type == record_type,
                                                         AuditEntry.record_key == record_key)
                                .order_by(AuditEntry.at, AuditEntry.id)))
