"""Command line, backup/restore, exports and templates."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from geo.db import storage
from geo.db.models import Agreement
from geo.importer import changes, files, templates
from geo.records import backup, exports, write
from tests.conftest import ADMIN, EDITOR, ROOT

MESSY = ROOT / "tests" / "data" / "agreements_messy.csv"


def _cli(args, tmp_path, db_url=None, **extra_env):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "SINERGI_DATA_DIR": str(tmp_path / "data"),
           "HOME": str(tmp_path), **extra_env}
    if db_url:
        env["SINERGI_DATABASE_URL"] = db_url
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          stdin=subprocess.DEVNULL)


def cli_editor(tmp_path, db_url=None) -> dict:
    """Create the first admin and an editor through the command line; the editor's credentials as env."""
    first = _cli(["user", "add", "kepala", "--role", "admin"], tmp_path, db_url,
                 SINERGI_NEW_PASSWORD="admin-sandi-123")
    assert first.returncode == 0, first.stderr
    ed = _cli(["user", "add", "ani", "--role", "editor", "--user", "kepala"], tmp_path, db_url,
              SINERGI_PASSWORD="admin-sandi-123", SINERGI_NEW_PASSWORD="editor-sandi-123")
    assert ed.returncode == 0, ed.stderr
    return {"SINERGI_USER": "ani", "SINERGI_PASSWORD": "editor-sandi-123"}


def test_cli_import_exit_codes(tmp_path):
    dry = _cli(["import", "agreements", str(MESSY), "--dry-run"], tmp_path)
    assert dry.returncode == 1, dry.stderr
    assert "5 ditambah" in dry.stdout and "5 ditolak" in dry.stdout and "uji coba" in dry.stdout
    assert "baris 6: ditolak:" in dry.stdout and "ambigu" in dry.stdout
    assert "baris 2: ditambah: 119/KB/2024" in dry.stdout  # the dry run lists every row
    good = tmp_path / "good.csv"
    good.write_text("\n".join(MESSY.read_text(encoding="utf-8-sig").splitlines()[:3]) + "\n", encoding="utf-8")
    creds = cli_editor(tmp_path)
    ok = _cli(["import", "agreements", str(good), "--lang", "en"], tmp_path, **creds)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "2 added" in ok.stdout
    again = _cli(["import", "agreements", str(good), "--lang", "en"], tmp_path, **creds)
    assert again.returncode == 0 and "2 unchanged" in again.stdout
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    broken = _cli(["import", "agreements", str(bad)], tmp_path, **creds)
    assert broken.returncode == 2 and "tidak dapat dibaca" in broken.stderr
    missing = _cli(["import", "visits", str(tmp_path / "nope.csv")], tmp_path, **creds)
    assert missing.returncode == 2


def test_backup_restore_roundtrip(seeded_engine, tmp_path):
    engine = seeded_engine
    plan = changes.plan_import(engine, "agreements", files.read_table(MESSY))
    changes.commit_import(engine, plan, actor=EDITOR)
    first = backup.export_backup(engine, tmp_path / "b1")
    assert first["agreement"] > 1800 and first["audit_entry"] > 1800
    with pytest.raises(backup.RestoreError):
        backup.restore_backup(engine, tmp_path / "b1", ADMIN)  # not empty
    before = storage.data_version(engine)
    with storage.transaction(engine) as s:  # a change after the backup ...
        write.delete_agreement(s, s.scalar(select(Agreement.doc_number).limit(1)), EDITOR)
    changed = storage.data_version(engine)
    backup.restore_backup(engine, tmp_path / "b1", ADMIN, replace=True)  # ... undone by the restore
    restored = storage.data_version(engine)
    # the restore is a change of its own: the caches keyed on the data version never mistake it for an
    # earlier state, whatever ids the restored tables had
    assert len({before, changed, restored}) == 3
    backup.export_backup(engine, tmp_path / "b2")
    for f in sorted((tmp_path / "b1").iterdir()):
        if f.name not in ("audit_entry.jsonl", "manifest.json"):
            assert f.read_bytes() == (tmp_path / "b2" / f.name).read_bytes(), f.name
    # the audit trail is the backed-up one plus one entry: who restored what
    old_lines = (tmp_path / "b1" / "audit_entry.jsonl").read_text(encoding="utf-8").splitlines()
    new_lines = (tmp_path / "b2" / "audit_entry.jsonl").read_text(encoding="utf-8").splitlines()
    assert new_lines[:-1] == old_lines
    last = json.loads(new_lines[-1])
    assert (last["actor"], last["action"], last["record_key"]) == (ADMIN.username, "restore", "b1")
    assert json.loads(old_lines[-1])["id"] < last["id"]
    # identifiers keep working after a restore: new records get new ids
    plan = changes.plan_import(engine, "agreements", files.read_table(
        "Nomor;Judul;Pihak 1;Pihak 2\n900/KB/2025;Baru;Kota Bandung;Kab. Bandung\n".encode(), "n.csv"))
    assert plan.counts()["add"] == 1
    changes.commit_import(engine, plan, actor=EDITOR)


def test_exports_neutralise_formulas():
    df = pd.DataFrame({"judul": ["=HYPERLINK(\"http://x\")", "+62 812", "-1", "@SUM(A1)", "aman"],
                       "nilai": [1, 2, 3, 4, 5]})
    csv_text = exports.to_csv_bytes(df).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text and "'+62 812" in csv_text and "'@SUM" in csv_text
    wb = load_workbook(io.BytesIO(exports.to_xlsx_bytes(df)))
    ws = wb.active
    values = [ws.cell(row=r, column=1).value for r in range(2, 7)]
    assert values == ["'=HYPERLINK(\"http://x\")", "'+62 812", "'-1", "'@SUM(A1)", "aman"]
    assert ws.cell(row=2, column=2).value == 1  # numbers stay numbers


def test_templates_have_columns_examples_and_dropdowns(engine):
    data = templates.template_xlsx("agreements", "id")
    wb = load_workbook(io.BytesIO(data))
    ws = wb["Data"]
    assert ws.cell(row=1, column=1).value == "Nomor Dokumen"
    assert ws.data_validations.dataValidation, "no drop-down lists"
    assert "Daftar" in wb.sheetnames
    # the template's example row imports as it stands
    plan = changes.plan_import(engine, "agreements", files.read_table(data, "t.xlsx"))
    assert plan.counts() == {"add": 1, "update": 0, "unchanged": 0, "reject": 0}, [r.reasons() for r in plan.rows]
    vdata = templates.template_xlsx("visits", "en")
    vplan = changes.plan_import(engine, "visits", files.read_table(vdata, "v.xlsx"))
    assert vplan.counts()["add"] == 1, [r.reasons() for r in vplan.rows]


def test_exports_with_repeated_headers():
    df = pd.DataFrame([["=1", "a"]], columns=["Pihak", "Pihak"])
    wb = load_workbook(io.BytesIO(exports.to_xlsx_bytes(df)))
    assert wb.active.cell(row=2, column=1).value == "'=1"
    assert "'=1" in exports.to_csv_bytes(df).decode("utf-8-sig")


def test_scheduled_backup_command_keeps_the_newest_and_restores(tmp_path):
    from geo.db import storage
    from geo.db.models import Agreement

    creds = cli_editor(tmp_path)
    good = tmp_path / "good.csv"
    good.write_text("Nomor;Judul;Pihak 1;Pihak 2\n1/KB/2025;Satu;Kota Bandung;Kab. Bandung\n", encoding="utf-8")
    assert _cli(["import", "agreements", str(good)], tmp_path, **creds).returncode == 0
    root = tmp_path / "backups"
    (root / "catatan-lain").mkdir(parents=True)  # not a backup: never touched
    made = []
    for _ in range(4):
        out = _cli(["backup", "--dir", str(root), "--keep", "2"], tmp_path)
        assert out.returncode == 0, out.stderr
        made.append(out.stdout.split(":")[0])
    kept = sorted(p.name for p in root.iterdir())
    assert kept == sorted(["catatan-lain"] + [Path(m).name for m in made[-2:]])
    assert all((root / k / "manifest.json").exists() for k in kept if k.startswith("sinergi-"))
    assert not any(".backup-" in k for k in kept)  # no half-written folder left
    # the data changes; restoring the newest backup brings back exactly what it held
    more = tmp_path / "more.csv"
    more.write_text("Nomor;Judul;Pihak 1;Pihak 2\n2/KB/2025;Dua;Kota Bogor;Kab. Bogor\n", encoding="utf-8")
    assert _cli(["import", "agreements", str(more)], tmp_path, **creds).returncode == 0
    editor_restore = _cli(["restore", made[-1], "--replace"], tmp_path, **creds)
    assert editor_restore.returncode == 3  # restoring needs an admin
    admin = {"SINERGI_USER": "kepala", "SINERGI_PASSWORD": "admin-sandi-123"}
    restored = _cli(["restore", made[-1], "--replace"], tmp_path, **admin)
    assert restored.returncode == 0, restored.stderr
    eng = storage.make_engine(f"sqlite:///{tmp_path / 'data' / 'sinergi.db'}")
    with storage.transaction(eng) as s:
        assert sorted(s.scalars(select(Agreement.doc_number))) == ["1/KB/2025"]
    eng.dispose()
    # the accounts were not in the backup and are still there
    assert _cli(["user", "list", "--user", "kepala"], tmp_path, SINERGI_PASSWORD="admin-sandi-123").returncode == 0
    assert _cli(["backup", "--dir", str(root), "--keep", "0"], tmp_path).returncode == 2
    broken = _cli(["backup", "--dir", str(root)], tmp_path,
                  SINERGI_DATABASE_URL="postgresql+psycopg://u:rahasia@127.0.0.1:1/x")
    assert broken.returncode == 1 and "backup failed" in broken.stderr and "rahasia" not in broken.stderr
