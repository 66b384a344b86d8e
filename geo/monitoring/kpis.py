"""KPIs of agreements and the rules that say which need attention: a reading due, overdue, or progress off track.

A KPI (``geo.db.models.ProgressIndicator``) belongs to one agreement: a name, a unit, a ``baseline`` (where it
starts; none given counts as 0), a ``target`` to reach by ``target_on``, and a reading ``frequency`` (monthly or
quarterly). Readings have a date, a value, a note and who entered them. The rules, all on calendar dates:

* **Which KPIs are watched**: those of agreements signed, running or stalled (``MONITORED_STATUSES``) on the day
  of the assessment; a KPI of a proposal, or of a completed or cancelled agreement, expects no more readings.
* **Start**: the agreement's start date, else its signing date, else the KPI's first reading.
* **Due**: a reading is due once a whole frequency has passed since the last reading (none yet: since the start):
  the due day is the last reading's date plus one month (monthly) or three months (quarterly), the same day of the
  month (31 January + 1 month = 28/29 February). From that day on the reading is *due*.
* **Overdue**: ``GRACE_DAYS`` (30) days after the due day, a reading still missing is *overdue*.
* **Off track**: with a target date after the start and a target different from the baseline, the straight line
  from the baseline at the start to the target on the target date says how far along the KPI should be on the day
  of its last reading (``expected``, 0 at the start, 1 on and after the target date). The last reading says how
  far along it is (``actual`` = (value − baseline) / (target − baseline); a KPI meant to fall, target below
  baseline, works the same way). The KPI is *off track* when ``expected − actual`` is more than ``TOLERANCE``
  (0.10: ten percentage points of the way from baseline to target). Without a reading, a target date or a target
  different from the baseline it cannot be said (``None``), and the page says so rather than guessing.

A reading late and progress behind are separate: a KPI can be overdue and on track (its last reading was good).
Only readings on or before the assessment day count, so a report for a past period sees what was known then.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, select
from sqlalchemy.orm import selectinload

from geo.text.messages import UserError

FREQUENCY_MONTHS = {"monthly": 1, "quarterly": 3}
GRACE_DAYS = 30
TOLERANCE = 0.10
MONITORED_STATUSES = ("ditandatangani", "berjalan", "terhambat")
READING_STATES = ("ok", "due", "overdue", "not_watched")


def add_months(d: dt.date, n: int) -> dt.date:
    """The same day ``n`` months later, or the month's last day when it has no such day.

    >>> add_months(dt.date(2026, 1, 31), 1), add_months(dt.date(2026, 11, 30), 3)
    (datetime.date(2026, 2, 28), datetime.date(2027, 2, 28))
    """
    month = d.month - 1 + n
    year, month = d.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def check_kpi(kpi) -> None:
    """``UserError`` for a KPI definition that cannot be monitored: an unknown frequency, a baseline or target
    that is not a finite number, a missing name."""
    if not kpi.name.strip():
        raise UserError("field.required", field="indikator")
    if kpi.frequency not in FREQUENCY_MONTHS:
        raise UserError("kpi.frequency", text=kpi.frequency)
    for value in (kpi.baseline, kpi.target):
        if value is not None and not (isinstance(value, (int, float)) and math.isfinite(value)):
            raise UserError("kpi.numbers")


def due_on(last: dt.date, frequency: str) -> dt.date:
    """The day the next reading is due after a reading (or the start) on ``last``."""
    return add_months(last, FREQUENCY_MONTHS[frequency])


def reading_state(last: dt.date, frequency: str, today: dt.date) -> str:
    """``ok`` before the due day, ``due`` from it, ``overdue`` from ``GRACE_DAYS`` after it.

    >>> [reading_state(dt.date(2026, 6, 30), "quarterly", d) for d in
    ...  (dt.date(2026, 9, 29), dt.date(2026, 9, 30), dt.date(2026, 10, 29), dt.date(2026, 10, 30))]
    ['ok', 'due', 'due', 'overdue']
    """
    due = due_on(last, frequency)
    if today < due:
        return "ok"
    return "due" if today < due + dt.timedelta(days=GRACE_DAYS) else "overdue"


def expected_share(start: dt.date, target_on: dt.date, on: dt.date) -> float:
    """How far along the straight line from start to target date ``on`` is: 0 at the start, 1 from the target
    date on."""
    span = (target_on - start).days
    return min(1.0, max(0.0, (on - start).days / span))


def actual_share(value: float, baseline: float, target: float) -> float:
    """How far a value is on the way from baseline to target (1 = target reached; below 0 = went backwards)."""
    return (value - baseline) / (target - baseline)


def off_track(start: dt.date | None, baseline: float | None, target: float | None, target_on: dt.date | None,
              last_on: dt.date | None, last_value: float | None) -> bool | None:
    """True when the last reading is behind the straight line by more than ``TOLERANCE``; ``None`` when it cannot
    be said (no reading, no target or target date, target equal to baseline, target date not after the start).

    >>> off_track(dt.date(2026, 1, 1), 0, 100, dt.date(2027, 1, 1), dt.date(2026, 7, 2), 39.0)  # half-way: 49.6%
    True
    >>> off_track(dt.date(2026, 1, 1), 0, 100, dt.date(2027, 1, 1), dt.date(2026, 7, 2), 40.0)
    False
    """
    base = 0.0 if baseline is None else baseline
    if None in (start, target, target_on, last_on, last_value) or target == base or target_on <= start:
        return None
    behind = expected_share(start, target_on, last_on) - actual_share(last_value, base, target)
    return behind > TOLERANCE + 1e-9


def status_on(history, current: str, day: dt.date) -> str | None:
    """An agreement's status on ``day``: the last recorded change on or before it; with no history, the current
    status; ``None`` when every recorded change is later (the agreement did not exist yet)."""
    if not history:
        return current
    known = [s for s, d in history if d <= day]
    return known[-1] if known else None


@dataclass(frozen=True)
class KpiRecord:
    """One KPI with what the monitoring page filters and shows of its agreement."""

    doc_number: str
    title: str
    status: str
    status_history: tuple[tuple[str, dt.date], ...]
    sectors: tuple[str, ...]
    region_codes: tuple[str, ...]
    ministry: str
    start: dt.date | None
    kpi: object  # geo.records.write.Indicator


def load(engine: Engine | None = None) -> list[KpiRecord]:
    """Every KPI in the database with its agreement's facts (one query per table)."""
    from geo.db import storage
    from geo.db.models import Agreement, ProgressIndicator
    from geo.records.write import indicator_of

    out = []
    with storage.transaction(engine) as s:
        query = select(Agreement).where(Agreement.indicators.any()).order_by(Agreement.doc_number).options(
            selectinload(Agreement.parties), selectinload(Agreement.status_changes), selectinload(Agreement.visit),
            selectinload(Agreement.indicators).selectinload(ProgressIndicator.readings))
        for a in s.scalars(query):
            for i in a.indicators:
                kpi = indicator_of(i)
                first = kpi.readings[0].on_date if kpi.readings else None
                out.append(KpiRecord(
                    doc_number=a.doc_number, title=a.title, status=a.status,
                    status_history=tuple((c.status, c.changed_on) for c in a.status_changes),
                    sectors=tuple(a.sectors or ()), region_codes=tuple(a.region_codes),
                    ministry=a.visit.ministry if a.visit else "", start=a.start_on or a.signed_on or first, kpi=kpi))
    return out


COLUMNS = ["doc_number", "title", "status", "sectors", "region_codes", "ministry", "kpi", "unit", "baseline",
           "target", "target_on", "frequency", "readings", "last_on", "last_value", "due_on", "reading", "expected",
           "actual", "off_track"]


def assess(record: KpiRecord, today: dt.date) -> dict:
    """One KPI on ``today`` by the rules above; only readings on or before ``today`` count."""
    kpi = record.kpi
    readings = [r for r in kpi.readings if r.on_date <= today]
    last = readings[-1] if readings else None
    status = status_on(record.status_history, record.status, today)
    anchor = last.on_date if last else record.start
    watched = status in MONITORED_STATUSES and anchor is not None
    due = due_on(anchor, kpi.frequency) if watched else None
    base = 0.0 if kpi.baseline is None else kpi.baseline
    late = off_track(record.start, kpi.baseline, kpi.target, kpi.target_on, last.on_date if last else None,
                     last.value if last else None)
    can_say = late is not None
    return {
        "doc_number": record.doc_number, "title": record.title, "status": status, "sectors": list(record.sectors),
        "region_codes": list(record.region_codes), "ministry": record.ministry, "kpi": kpi.name, "unit": kpi.unit,
        "baseline": kpi.baseline, "target": kpi.target, "target_on": kpi.target_on, "frequency": kpi.frequency,
        "readings": len(readings), "last_on": last.on_date if last else None,
        "last_value": last.value if last else None, "due_on": due,
        "reading": reading_state(anchor, kpi.frequency, today) if watched else "not_watched",
        "expected": expected_share(record.start, kpi.target_on, last.on_date) if can_say else None,
        "actual": actual_share(last.value, base, kpi.target) if can_say else None,
        "off_track": late,
    }


def frame(records: list[KpiRecord], today: dt.date) -> pd.DataFrame:
    """One row per KPI (``COLUMNS``), assessed on ``today``."""
    return pd.DataFrame([assess(r, today) for r in records], columns=COLUMNS)


def filtered(df: pd.DataFrame, *, ministries=(), sectors=(), regions_in=()) -> pd.DataFrame:
    """Rows of the chosen ministries (through the agreement's visit), sectors and regions (a party in or below one
    of them); an empty filter keeps every row."""
    from geo.regions import lookup

    mask = pd.Series(True, index=df.index)
    if ministries:
        mask &= df["ministry"].isin(ministries)
    if sectors:
        mask &= df["sectors"].map(lambda ks: bool(set(ks) & set(sectors)))
    if regions_in:
        mask &= df["region_codes"].map(lambda cs: any(lookup.is_within(c, w) for c in cs for w in regions_in))
    return df[mask]


def line_points(record: KpiRecord) -> list[tuple[dt.date, float]]:
    """The straight line the off-track rule measures against: (start, baseline), (target date, target); empty when
    the KPI has none."""
    kpi = record.kpi
    if record.start is None or kpi.target is None or kpi.target_on is None or kpi.target_on <= record.start:
        return []
    return [(record.start, 0.0 if kpi.baseline is None else kpi.baseline), (kpi.target_on, kpi.target)]


def readings_in(records: list[KpiRecord], start: dt.date, end: dt.date) -> int:
    """Readings dated within ``start``–``end`` (both included)."""
    return sum(1 for r in records for x in r.kpi.readings if start <= x.on_date <= end)
