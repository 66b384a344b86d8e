"""What an import changes (add, update, unchanged or reject per row), planned in a dry run, then committed
all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DataError
from sqlalchemy.orm import Session, selectinload

from geo import events
from geo.access.roles import Principal, require
from geo.db import storage
from geo.db.models import Agreement, ProgressIndicator, Visit
from geo.importer.columns import REASON_COLUMN, map_headers
from geo.importer.files import KINDS, Table, read_table
from geo.importer.rows import ImportPlan, _group_visits, parse_rows
from geo.records import vocabularies, write
from geo.text.messages import UserError

# ------------------------------------------------------------------------- plan

def plan_import(engine: Engine, kind: str, table: Table) -> ImportPlan:
    """Parse and compare with what is stored; writes nothing (the dry run)."""
    if kind not in KINDS:
        raise ValueError(kind)
    map_headers(table, kind)
    rows = parse_rows(table, kind, vocabularies.current(engine))
    with storage.transaction(engine) as session:
        if kind == "agreements":
            keys = [r.key for r in rows if r.data is not None]
            existing = _load_agreements(session, keys)
            known_visits = set(session.scalars(select(Visit.ref)))
            for r in rows:
                if r.data is None:
                    continue
                if r.data.visit_ref and r.data.visit_ref not in known_visits:
                    r.errors.append(UserError("visit.unknown", ref=r.data.visit_ref))
                    r.data = None
                    continue
                r.action = write.agreement_action(existing.get(r.key), r.data)
        else:
            visits = _group_visits(rows)
            _keep_goals(session, visits, table)
            existing = {v.ref: v for v in session.scalars(
                select(Visit).where(Visit.ref.in_(list(visits))).options(selectinload(Visit.stops)))}
            actions = {ref: write.visit_action(existing.get(ref), v) for ref, v in visits.items()}
            for r in rows:
                if r.data is not None:
                    r.action = actions[r.data["ref"]]
    return ImportPlan(kind=kind, table=table, rows=rows)


def _keep_goals(session: Session, visits: dict, table: Table) -> None:
    """A file without a goals column (``Tujuan``) leaves the stored visits' goals as they are (set in the app)."""
    if "goals" in table.fields.values():
        return
    stored = dict(session.execute(select(Visit.ref, Visit.goals).where(Visit.ref.in_(list(visits)))).all())
    for ref, v in visits.items():
        v.goals = list(stored.get(ref) or [])


def _load_agreements(session: Session, keys: list[str]) -> dict[str, Agreement]:
    out = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        for a in session.scalars(select(Agreement).where(Agreement.doc_number.in_(chunk)).options(
                selectinload(Agreement.parties), selectinload(Agreement.status_changes),
                selectinload(Agreement.obstacles),
                selectinload(Agreement.indicators).selectinload(ProgressIndicator.readings),
                selectinload(Agreement.visit))):
            out[a.doc_number] = a
    return out


def commit_import(engine: Engine, plan: ImportPlan, actor: Principal,
                  progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Write the plan's accepted rows in one transaction; any failure leaves the data as it was.

    ``actor`` must be an editor or admin (checked before anything is written).
    """
    require(actor, "editor")
    try:
        _write_plan(engine, plan, actor, progress)
    except DataError as exc:  # a value the database refuses (the checks should have caught it): nothing saved
        raise UserError("import.refused", reason=str(exc.orig).splitlines()[0][:200]) from exc
    counts = plan.counts()
    events.log("import", by=actor.username, kind=plan.kind, **{k: v for k, v in counts.items()})
    return counts


def _write_plan(engine: Engine, plan: ImportPlan, actor: Principal, progress) -> None:
    todo = [r for r in plan.rows if r.action in ("add", "update")]
    with storage.transaction(engine) as session:
        # labels the vocabularies did not know: kept as written, as needs-review terms (geo.records.vocabularies)
        new_terms: dict[tuple[str, str], str] = {}
        for r in todo:  # the first way the file wrote a label is the one kept
            for k, v in r.new_terms.items():
                new_terms.setdefault(k, v)
        vocabularies.ensure_review_terms(session, actor, new_terms)
        if plan.kind == "agreements":
            existing = _load_agreements(session, [r.key for r in todo])
            for i, r in enumerate(todo, start=1):
                write.save_agreement(session, r.data, actor, existing=existing.get(r.key),
                                       assume_new=r.action == "add" and r.key not in existing)
                if i % 1000 == 0:
                    session.flush()
                if progress and (i % 500 == 0 or i == len(todo)):
                    progress(i, len(todo))
        else:
            visits = _group_visits([r for r in plan.rows if r.action in ("add", "update")])
            _keep_goals(session, visits, plan.table)
            for i, v in enumerate(visits.values(), start=1):
                write.save_visit(session, v, actor)
                if progress:
                    progress(i, len(visits))


def rejected_table(plan: ImportPlan, lang: str = "id") -> tuple[list[str], list[list]]:
    """The rejected rows as they were in the file, with a reason column: fix and re-import."""
    headers = [h for h in plan.table.headers if h] + [REASON_COLUMN[lang]]
    rows = [[r.raw.get(h, "") for h in plan.table.headers if h] + [r.reasons(lang)] for r in plan.rejected]
    return headers, rows


def import_file(engine: Engine, kind: str, path: str | Path, *, dry_run: bool, actor: Principal | None) -> ImportPlan:
    plan = plan_import(engine, kind, read_table(path))
    if not dry_run:
        commit_import(engine, plan, actor)
    return plan


def preview_frame(plan: ImportPlan, lang: str = "id"):
    """The dry run row by row: file row, what would happen, the record's key, the reasons for a rejection, the
    warnings (the row comes in, someone should look) and what each cell was read as ("dibaca sebagai")."""
    import pandas as pd

    columns = ["row", "action", "key", "reasons", "warnings", "read_as"]
    return pd.DataFrame([{"row": r.number, "action": r.action, "key": r.key or "", "reasons": r.reasons(lang),
                          "warnings": r.warning_text(lang), "read_as": r.read_as_text(lang)}
                         for r in plan.rows], columns=columns)
