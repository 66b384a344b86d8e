"""The plan a user is making in the planner, kept as a draft in the database: nothing is lost between reruns,
browser sessions (F5) and logins.

Rules:

* **One draft per user**, stored under the user name (``geo.db.models.PlanDraft``). It holds what the planner's
  inputs say (regions picked, level, start city, first day, days, stops a day, weekdays only, return home) and what
  the user wrote: schedule cells, the order of the stops, the visit's name, official, ministry, reference, note.
* **Whose**: every logged-in user (viewers too: a draft is not a record) reads and changes only their own draft;
  nobody reads another's, admins included (it is someone's unfinished work). An admin may discard another user's
  draft (e.g. of someone who left). Anonymous viewers have no draft in the database: the page keeps theirs in the
  browser session only and says it is not saved until they log in; on login that work becomes the user's draft
  when the user has none yet (an existing draft wins: it is what the user left last time).
* **Edits merge, never reset**: a cell the user changed is kept under its stop's region code, never its row number,
  so adding or removing a stop, or changing the first day or the number of days, keeps every other stop's edits; a
  cell changed back to what the planner computed is no longer an edit. A removed stop's edits stay in the draft and
  come back with the stop. Only ``clear_edits`` (the page's "start again from the computed schedule") drops them.
* **Order**: stops go in the order of least travel (``itinerary.best_order``) until the user renumbers one (the
  "No." column); from then on the draft's order holds: a stop added later goes last, a removed one leaves it.
  ``clear_order`` returns to the computed order.
* **Saved plans reopen**: a planned visit (``rank.save_planned_visits``) comes back into the draft with its stops in
  their order, each stop's cells as saved, official, ministry and reference (saving again updates that plan).
* Two browser tabs of one user share the draft; the last change written wins.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import delete, select

from geo.access.roles import AccessDenied, Principal, require
from geo.db.models import PlanDraft, utcnow
from geo.planner.itinerary import SCHEDULE_COLUMNS, schedule_frame, stops_of_visit
from geo.text.messages import UserError

NO = "No."  # the schedule editor's first column: the stop's place in the order, which the user may renumber
EDITOR_COLUMNS = [NO, *SCHEDULE_COLUMNS]


@dataclass
class Draft:
    """Everything of a plan in the making. Dates are ISO text and every field JSON-friendly (stored as JSON)."""

    picks: list[str] = field(default_factory=list)
    level: str = "regency"
    start: str = "31.71"  # Kota Jakarta Pusat
    start_date: str | None = None
    days: int = 5
    per_day: int = 2
    weekdays_only: bool = True
    return_home: bool = True
    manual_order: list[str] | None = None  # None: the order of least travel
    edits: dict[str, dict[str, str]] = field(default_factory=dict)  # region code → schedule column → text
    title: str = ""
    official: str = "Wakil Menteri"
    ministry: str = ""
    ref: str = ""
    note: str = ""
    opened_from: str = ""  # the saved plan (planned visit) this draft was reopened from

    def to_json(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict | None) -> Draft:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in names})  # unknown keys of older drafts dropped


# ------------------------------------------------------------------ storage (role checks here)

def _owner(actor, owner: str | None) -> str:
    """The draft owner ``actor`` may read and change: only their own, whatever their role."""
    who = require(actor, "viewer")
    owner = owner or who.username
    if owner != who.username:
        raise AccessDenied("draft.not_yours", user=who.username, owner=owner)
    return owner


def load(session, actor: Principal, owner: str | None = None) -> Draft | None:
    """``actor``'s draft (None when they have none); another user's → ``AccessDenied``."""
    row = session.scalar(select(PlanDraft).where(PlanDraft.owner == _owner(actor, owner)))
    return None if row is None else Draft.from_json(row.state)


def save(session, actor: Principal, draft: Draft) -> None:
    """Store ``draft`` as ``actor``'s draft (replacing the one before)."""
    owner = _owner(actor, None)
    row = session.scalar(select(PlanDraft).where(PlanDraft.owner == owner))
    if row is None:
        session.add(PlanDraft(owner=owner, state=draft.to_json(), updated_at=utcnow()))
    else:
        row.state, row.updated_at = draft.to_json(), utcnow()


def discard(session, actor: Principal, owner: str | None = None) -> bool:
    """Delete a draft: one's own, or (admins only) another user's. True when there was one."""
    who = require(actor, "viewer")
    owner = owner or who.username
    if owner != who.username:
        require(who, "admin")
    return session.execute(delete(PlanDraft).where(PlanDraft.owner == owner)).rowcount > 0


# ------------------------------------------------------------------ order and edits

def route_order(draft: Draft, best: list[str]) -> list[str]:
    """The stops in the order the schedule follows: ``best`` (the order of least travel of the picked regions)
    unless the user set one, then theirs (regions no longer picked left out, newly picked ones last)."""
    if draft.manual_order is None:
        return list(best)
    kept = [c for c in draft.manual_order if c in best]
    return kept + [c for c in best if c not in kept]


def apply(draft: Draft, computed: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """The schedule the user sees: "No." and the computed schedule (one row per stop of ``order``) with the
    draft's edits on top."""
    out = computed[SCHEDULE_COLUMNS].astype(object).reset_index(drop=True).copy()
    for i, code in enumerate(order):
        for column, value in draft.edits.get(code, {}).items():
            if column in SCHEDULE_COLUMNS:
                out.at[i, column] = value
    out.insert(0, NO, list(range(1, len(order) + 1)))
    return out


def _text(value) -> str:
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return str(value).strip()


def merge_edits(draft: Draft, computed: pd.DataFrame, order: list[str], edited_rows: dict) -> Draft:
    """``draft`` with the schedule editor's changes merged in (``edited_rows``: row number → column → value, as
    ``st.data_editor`` reports them, rows of ``order``). Cells are kept under their stop's region code; a cell
    equal to the computed one is no longer an edit; a new "No." renumbers the stops (the order becomes the user's).
    """
    edits = {code: dict(cells) for code, cells in draft.edits.items()}
    moved: dict[str, float] = {}
    for row, changes in edited_rows.items():
        row = int(row)
        if not 0 <= row < len(order):
            continue
        code = order[row]
        for column, value in changes.items():
            if column == NO:
                try:
                    moved[code] = float(value)
                except (TypeError, ValueError):
                    continue
            elif column in SCHEDULE_COLUMNS:
                text = _text(value)
                cells = edits.setdefault(code, {})
                if text == _text(computed[column].iloc[row]):
                    cells.pop(column, None)
                else:
                    cells[column] = text
    edits = {code: cells for code, cells in edits.items() if cells}
    manual = draft.manual_order
    if moved:  # a renumbered stop goes before an unmoved one of the same number
        position = {c: (moved.get(c, i + 1), 0 if c in moved else 1, i) for i, c in enumerate(order)}
        manual = sorted(order, key=position.get)
    return dataclasses.replace(draft, edits=edits, manual_order=manual)


def clear_edits(draft: Draft) -> Draft:
    return dataclasses.replace(draft, edits={})


def clear_order(draft: Draft) -> Draft:
    return dataclasses.replace(draft, manual_order=None)


# ------------------------------------------------------------------ saved plans

def from_planned_visit(session, ref: str, base: Draft | None = None) -> Draft:
    """The saved plan ``ref`` (a planned visit) as a draft: its stops in order with their cells as saved, official,
    ministry, reference; the start city and the rest of ``base`` as they were. Reading a saved plan needs no role
    (planned visits are shown to everyone); storing the draft does (``save``)."""
    from geo.records import write

    visit = write.load_visit(session, ref)
    if visit is None or not visit.planned:
        raise UserError("draft.no_plan", ref=ref)
    stops = stops_of_visit(write.visit_data(visit))
    if not stops:
        raise UserError("plan.empty")
    codes = [s.region_code for s in stops]
    frame = schedule_frame(stops)
    edits = {code: {c: _text(frame.at[i, c]) for c in SCHEDULE_COLUMNS} for i, code in enumerate(codes)}
    first, last = min(s.day for s in stops), max(s.day for s in stops)
    base = base or Draft()
    return dataclasses.replace(
        base, picks=codes, level="province" if all(len(c) == 2 for c in codes) else "regency",
        start_date=first.isoformat(), days=min(60, (last - first).days + 3),
        per_day=2, weekdays_only=all(s.day.weekday() < 5 for s in stops), manual_order=list(codes), edits=edits,
        official=visit.official_role, ministry=visit.ministry, ref=visit.ref, opened_from=visit.ref)


def first_day(draft: Draft, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(draft.start_date) if draft.start_date else default
    except ValueError:
        return default
