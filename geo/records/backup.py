"""Full, lossless backup and restore of the records (``python -m geo export|restore DIR``).

A backup is a folder: ``manifest.json`` (format, schema revision, row counts)
and one ``<table>.jsonl`` per table with every column of every row, in primary
key order. Restoring a backup into an empty database (or with ``replace``)
gives back the same data, identifiers included; exporting again gives the
same files.

User accounts (``app_user``, ``login_throttle``) are deliberately NOT in a
backup: backups are copied to other disks and machines, and password hashes
there could be attacked offline; a restore must also not bring back removed
accounts or old passwords, nor lock the current admins out. Accounts are few
and are recreated with ``python -m geo user add``. Restoring needs an admin.

Evidence (``attachment``: photos and signed PDFs, ``geo.evidence``) is in the backup like every record: its bytes
columns as base64 text in ``attachment.jsonl``. A restore checks every attachment's bytes against its stored
``sha256`` and refuses the whole backup when one differs (a damaged or edited backup), so what comes back is the
same bytes that were attached.

``scheduled_backup`` (``python -m geo backup --dir DIR --keep N``, for cron)
writes a timestamped folder and keeps the newest N.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from pathlib import Path

from sqlalchemy import Boolean, Date, DateTime, Engine, LargeBinary, delete, func, insert, select, text

from geo import events
from geo.access.roles import Principal, require
from geo.db.models import AuditEntry, record_tables

FORMAT = "sinergi-backup/1"


def _encode(column, value):
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc).isoformat()
    if isinstance(column.type, Date):
        return value.isoformat()
    if isinstance(column.type, LargeBinary):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _decode(column, value):
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return dt.date.fromisoformat(value)
    if isinstance(column.type, Boolean):
        return bool(value)
    if isinstance(column.type, LargeBinary):
        return base64.b64decode(value, validate=True)
    return value


def _check_content(table_name: str, row: dict) -> None:
    """An attachment's bytes must still be the ones whose ``sha256`` was stored with them."""
    if table_name == "attachment" and hashlib.sha256(row["content"]).hexdigest() != row["sha256"]:
        raise RestoreError(f"attachment {row['id']}: its bytes differ from their sha256 (damaged backup)")


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def export_backup(engine: Engine, folder: str | Path) -> dict[str, int]:
    """Write a backup into ``folder`` (created; an existing backup there is replaced only when complete)."""
    import shutil
    import tempfile

    final = Path(folder)
    final.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".backup-", dir=final.parent))
    try:
        counts = _export_into(engine, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    if final.exists():
        shutil.rmtree(final)
    folder.rename(final)
    events.log("export", kind="backup", folder=final.name, rows=sum(counts.values()))
    return counts


def _export_into(engine: Engine, folder: Path) -> dict[str, int]:
    counts = {}
    with engine.connect() as conn, conn.begin():  # one consistent snapshot
        if engine.dialect.name == "postgresql":
            conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        for table in record_tables():
            pk = list(table.primary_key.columns)
            rows = conn.execute(select(table).order_by(*pk)).mappings()
            n = 0
            with (folder / f"{table.name}.jsonl").open("w", encoding="utf-8") as fh:
                for row in rows:
                    record = {c.name: _encode(c, row[c.name]) for c in table.columns}
                    fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                    n += 1
            counts[table.name] = n
    manifest = {"format": FORMAT, "schema_revision": _revision(engine), "counts": counts}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return counts


class RestoreError(RuntimeError):
    pass


def restore_backup(engine: Engine, folder: str | Path, actor: Principal, *, replace: bool = False) -> dict[str, int]:
    """Load a backup in one transaction (admins only); refuses a non-empty database unless ``replace``."""
    require(actor, "admin")
    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise RestoreError(f"not a Sinergi backup: {folder}")
    if manifest.get("schema_revision") != _revision(engine):
        raise RestoreError(f"backup schema {manifest.get('schema_revision')} differs from the database's "
                           f"{_revision(engine)}; migrate first")
    counts = {}
    with engine.begin() as conn:
        # entries about users (the admin's creation, this very login) do not make a database "not empty"
        existing = sum(conn.execute(select(func.count()).select_from(t).where(
            *([AuditEntry.record_type != "user"] if t.name == AuditEntry.__tablename__ else []))).scalar()
            for t in record_tables())
        if existing and not replace:
            raise RestoreError("the database is not empty; restore with replace to overwrite it")
        last_audit_id = conn.execute(select(func.coalesce(func.max(AuditEntry.id), 0))).scalar()
        for table in reversed(record_tables()):
            conn.execute(delete(table))
        for table in record_tables():
            path = folder / f"{table.name}.jsonl"
            batch = []
            n = 0
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    raw = json.loads(line)
                    row = {c.name: _decode(c, raw.get(c.name)) for c in table.columns}
                    _check_content(table.name, row)
                    batch.append(row)
                    if len(batch) == 1000 or (table.name == "attachment" and len(batch) == 20):
                        conn.execute(insert(table), batch)
                        n += len(batch)
                        batch = []
            if batch:
                conn.execute(insert(table), batch)
                n += len(batch)
            if n != manifest["counts"].get(table.name, 0):
                raise RestoreError(f"{table.name}: {n} rows read, manifest says {manifest['counts'].get(table.name)}")
            counts[table.name] = n
        # The restore itself is audited, under an id above every id used before it: audit ids only grow,
        # so the data version the app's caches are keyed on (geo.db.storage.data_version) never repeats.
        restored_max = conn.execute(select(func.coalesce(func.max(AuditEntry.id), 0))).scalar()
        conn.execute(insert(AuditEntry.__table__).values(
            id=max(last_audit_id, restored_max) + 1, at=dt.datetime.now(dt.timezone.utc), actor=actor.username,
            action="restore", record_type="dataset", record_key=folder.name[:200],
            changes={"restored": {k: v for k, v in counts.items() if v}}))
        if engine.dialect.name == "postgresql":
            for table in record_tables():
                for col in table.primary_key.columns:
                    if col.autoincrement is True or (col.autoincrement == "auto" and col.type.python_type is int):
                        conn.execute(text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{col.name}'), "
                            f"COALESCE((SELECT MAX({col.name}) FROM {table.name}), 0) + 1, false)"))
    events.log("restore", by=actor.username, folder=folder.name, replace=replace, rows=sum(counts.values()))
    return counts


STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
PREFIX = "sinergi-"


def scheduled_backup(engine: Engine, root: str | Path, keep: int | None = None,
                     now: dt.datetime | None = None) -> tuple[Path, dict[str, int], list[Path]]:
    """A backup into ``root/sinergi-YYYYMMDDTHHMMSSZ``; then only the newest ``keep`` such folders are kept.

    Returns the new folder, the row counts and the folders removed. Folders not named like a backup are
    never touched; an unfinished backup never appears under a backup's name (``export_backup`` renames a
    complete temporary folder).
    """
    import re
    import shutil

    root = Path(root)
    now = now or dt.datetime.now(dt.timezone.utc)
    folder = root / f"{PREFIX}{now.strftime(STAMP_FORMAT)}"
    n = 1
    while folder.exists():  # two backups in the same second
        n += 1
        folder = root / f"{PREFIX}{now.strftime(STAMP_FORMAT)}-{n}"
    counts = export_backup(engine, folder)
    removed = []
    if keep is not None:
        if keep < 1:
            raise ValueError("keep must be at least 1")
        pattern = re.compile(re.escape(PREFIX) + r"\d{8}T\d{6}Z(-\d+)?")
        backups = sorted((p for p in root.iterdir() if p.is_dir() and pattern.fullmatch(p.name)
                          and (p / "manifest.json").exists()),
                         key=lambda p: (p.name[:len(PREFIX) + 16], int(p.name.split("-")[2]) if p.name.count("-") > 1
                                        else 1))
        for old in backups[:-keep]:
            shutil.rmtree(old)
            removed.append(old)
    return folder, counts, removed
