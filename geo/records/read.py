"""Records as tables (pandas DataFrames) for pages, exports and the impact engine.

One row per agreement (``AGREEMENT_COLUMNS``) or visit (``VISIT_COLUMNS``); a party or stop in a region is
shown by the region's official name from ``data/`` (``geo.regions.lookup``). A visit's date is its local
date in its own time zone (WIB/WITA/WIT). What the source wrote for a party or stop, when it was read by other
than today's name (an earlier name, a BPS code …: ``as_written``, geo.importer.readings), comes beside it
(``parties_as_written``, ``places_as_written``: "" where nothing differed); counts and roll-ups use today's codes.
A stop's own coordinates, when it has them, are in ``stop_points`` ((lat, lon) or None per stop). The filters
match a region and everything inside it (``lookup.is_within``) and text anywhere in the numbers, titles, names
and agendas, in any case.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select
from sqlalchemy.orm import selectinload

from geo.db import storage
from geo.db.models import Agreement, AuditEntry, Visit
from geo.regions import lookup

AGREEMENT_COLUMNS = ["doc_number", "title", "type", "status", "sectors", "parties", "region_codes", "signed_on",
                     "start_on", "end_on", "value_idr", "obstacles", "visit_ref", "version", "simulated",
                     "status_history", "parties_as_written"]
VISIT_COLUMNS = ["ref", "official_role", "ministry", "start_at", "local_start", "end_at", "time_zone", "region_codes",
                 "places", "agenda", "focus_sectors", "people_met", "version", "simulated", "planned",
                 "places_as_written", "stop_points", "goals"]


def local_time(t, time_zone: str):
    """The wall-clock time of an instant in WIB/WITA/WIT (naive): what the visit's date and month are."""
    import datetime as dt

    from geo.text.vocabulary import TIME_ZONES

    if t is None:
        return None
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.timezone.utc)
    return t.astimezone(dt.timezone(dt.timedelta(hours=TIME_ZONES.get(time_zone, 7)))).replace(tzinfo=None)


def _region_name(code: str) -> str:
    try:
        return lookup.get(code).name
    except KeyError:
        return code


def agreements_frame(engine: Engine | None = None) -> pd.DataFrame:
    with storage.transaction(engine) as s:
        rows = []
        for a in s.scalars(select(Agreement).order_by(Agreement.signed_on, Agreement.doc_number).options(
                selectinload(Agreement.parties), selectinload(Agreement.obstacles), selectinload(Agreement.visit),
                selectinload(Agreement.status_changes))):
            rows.append({
                "doc_number": a.doc_number, "title": a.title, "type": a.type, "status": a.status,
                "sectors": list(a.sectors or []),
                "parties": [(_region_name(p.region_code) if p.region_code else p.partner_name) for p in a.parties],
                "region_codes": a.region_codes, "signed_on": a.signed_on, "start_on": a.start_on,
                "end_on": a.end_on, "value_idr": a.value_idr, "obstacles": sorted({o.kind for o in a.obstacles}),
                "visit_ref": a.visit.ref if a.visit else None, "version": a.version, "simulated": a.simulated,
                "status_history": [(c.status, c.changed_on) for c in a.status_changes],
                "parties_as_written": [p.as_written or "" for p in a.parties],
            })
    return pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)


def visits_frame(engine: Engine | None = None, *, planned: bool | None = False) -> pd.DataFrame:
    """Visits that took place (default); ``planned=True``: only planned ones (planner); ``None``: both."""
    query = select(Visit).order_by(Visit.start_at, Visit.ref).options(selectinload(Visit.stops))
    if planned is not None:
        query = query.where(Visit.planned.is_(planned))
    with storage.transaction(engine) as s:
        rows = []
        for v in s.scalars(query):
            rows.append({
                "ref": v.ref, "official_role": v.official_role, "ministry": v.ministry, "start_at": v.start_at,
                "local_start": local_time(v.start_at, v.time_zone),
                "end_at": v.end_at, "time_zone": v.time_zone, "region_codes": [st.region_code for st in v.stops],
                "places": [st.place_name or _region_name(st.region_code) for st in v.stops], "agenda": v.agenda,
                "focus_sectors": list(v.focus_sectors or []), "people_met": v.people_met, "version": v.version,
                "simulated": v.simulated, "planned": v.planned,
                "places_as_written": [st.as_written or "" for st in v.stops],
                "stop_points": [(st.lat, st.lon) if st.lat is not None and st.lon is not None else None
                                for st in v.stops],
                "goals": list(v.goals or []),
            })
    return pd.DataFrame(rows, columns=VISIT_COLUMNS)


AUDIT_COLUMNS = ["at", "actor", "action", "record_type", "record_key", "changes"]


def audit_frame(engine: Engine | None, record_type: str | None = None,
                record_key: str | None = None) -> pd.DataFrame:
    """Audit entries as stored (``changes``: field → [old, new]), newest first; only those of one kind of record
    and/or one record when given. ``geo.records.audit_text`` puts them in words."""
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if record_type is not None:
        query = query.where(AuditEntry.record_type == record_type)
    if record_key is not None:
        query = query.where(AuditEntry.record_key == record_key)
    with storage.transaction(engine) as s:
        return pd.DataFrame([{"at": e.at, "actor": e.actor, "action": e.action, "record_type": e.record_type,
                              "record_key": e.record_key, "changes": dict(e.changes or {})}
                             for e in s.scalars(query)], columns=AUDIT_COLUMNS)


def _in_regions(codes: pd.Series, wanted) -> pd.Series:
    """Rows with a code in, or below, one of the ``wanted`` regions (``32`` matches ``32.73``)."""
    wanted = tuple(wanted)
    return codes.map(lambda cs: any(lookup.is_within(c, w) for c in cs for w in wanted))


def _matches_text(df: pd.DataFrame, text: str, columns: tuple[str, ...], list_column: str) -> pd.Series:
    """Rows where ``text`` (any case) is part of one of ``columns`` or of one item of ``list_column``."""
    needle = text.strip().lower()
    mask = df[columns[0]].str.lower().str.contains(needle, regex=False)
    for column in columns[1:]:
        mask = mask | df[column].str.lower().str.contains(needle, regex=False)
    return mask | df[list_column].map(lambda items: any(needle in i.lower() for i in items))


def filter_agreements(df: pd.DataFrame, *, statuses=(), types=(), sectors=(), regions_in=(), text: str = "") \
        -> pd.DataFrame:
    """Rows matching every given filter (an empty filter matches all)."""
    mask = pd.Series(True, index=df.index)
    if statuses:
        mask &= df["status"].isin(statuses)
    if types:
        mask &= df["type"].isin(types)
    if sectors:
        mask &= df["sectors"].map(lambda ks: bool(set(ks) & set(sectors)))
    if regions_in:
        mask &= _in_regions(df["region_codes"], regions_in)
    if text and text.strip():
        mask &= _matches_text(df, text, ("doc_number", "title"), "parties")
    return df[mask]


def filter_visits(df: pd.DataFrame, *, text: str = "", regions_in=()) -> pd.DataFrame:
    """Rows matching every given filter (an empty filter matches all)."""
    mask = pd.Series(True, index=df.index)
    if regions_in:
        mask &= _in_regions(df["region_codes"], regions_in)
    if text and text.strip():
        mask &= _matches_text(df, text, ("ref", "official_role", "agenda"), "places")
    return df[mask]


def progress_frame(data) -> pd.DataFrame:
    """An agreement's progress indicators, one row per reading (``data`` is an ``AgreementData``)."""
    rows = [{"indicator": i.name, "unit": i.unit, "target": i.target, "date": r.on_date, "realisation": r.value,
             "share": (r.value / i.target) if i.target else None}
            for i in data.indicators for r in i.readings]
    return pd.DataFrame(rows, columns=["indicator", "unit", "target", "date", "realisation", "share"])
