"""The event log: one JSON line per event; logins and user changes also in the audit trail; never a password."""

import json

import pytest
from sqlalchemy import select

from geo.access import accounts
from geo.db import storage
from geo.db.models import AuditEntry
from geo.records import audit_text, backup
from geo.text.messages import UserError
from tests.conftest import ADMIN

PASSWORDS = ("sandi-admin-panjang", "salah-sandi-123", "sandi-vina-panjang", "sandi-baru-panjang",
             "sandi-salah-tempat")


def _events(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_logins_user_changes_and_restores_are_logged_and_audited_without_passwords(sqlite_engine, tmp_path,
                                                                                   monkeypatch):
    log = tmp_path / "events.log"
    monkeypatch.setenv("SINERGI_LOG_FILE", str(log))
    eng = sqlite_engine
    accounts.bootstrap_admin(eng, "kepala", "sandi-admin-panjang")
    with pytest.raises(UserError):
        accounts.authenticate(eng, "kepala", "salah-sandi-123", client="10.0.0.5")
    with pytest.raises(UserError):  # the password typed into the name field
        accounts.authenticate(eng, "sandi-salah-tempat", "x", client="10.0.0.5")
    admin = accounts.authenticate(eng, "kepala", "sandi-admin-panjang", client="10.0.0.5")
    accounts.add_user(eng, admin, "vina", "sandi-vina-panjang", "viewer")
    accounts.set_role(eng, admin, "vina", "editor")
    accounts.set_active(eng, admin, "vina", False)
    accounts.set_password(eng, admin, "vina", "sandi-baru-panjang")
    backup.export_backup(eng, tmp_path / "b")
    backup.restore_backup(eng, tmp_path / "b", ADMIN, replace=True)

    text = log.read_text()
    assert not any(p in text for p in PASSWORDS)
    lines = _events(log)
    assert all({"ts", "event", "pid"} <= set(e) for e in lines)
    kinds = [e["event"] for e in lines]
    assert kinds == ["user_created", "login_failed", "login_failed", "login", "user_created", "user_role_changed",
                     "user_disabled", "password_set", "export", "restore"]
    assert lines[1]["user"] == "kepala" and lines[1]["client"] == "10.0.0.5"
    assert "user" not in lines[2] and lines[2]["user_known"] is False
    assert lines[5] == {**lines[5], "by": "kepala", "user": "vina", "role": "editor"}
    assert lines[9]["by"] == ADMIN.username

    with storage.transaction(eng) as s:
        trail = [(e.actor, e.action, e.record_type, e.record_key, e.changes)
                 for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    # the restore replaced the trail with the backup's (which has the user entries) and added its own entry
    assert ("kepala", "login", "user", "kepala", {"client": "10.0.0.5"}) in trail
    assert ("kepala", "update", "user", "vina", {"role": ["viewer", "editor"]}) in trail
    assert ("kepala", "update", "user", "vina", {"active": [True, False]}) in trail
    assert ("kepala", "password", "user", "vina", {}) in trail
    assert trail[-1][1:3] == ("restore", "dataset")
    assert not any(p in json.dumps(trail) for p in PASSWORDS)


def test_user_entries_read_as_sentences_in_both_languages():
    login = {"actor": "kepala", "action": "login", "record_type": "user", "record_key": "kepala", "changes": {}}
    role = {"actor": "kepala", "action": "update", "record_type": "user", "record_key": "vina",
            "changes": {"role": ["viewer", "editor"]}}
    assert audit_text.sentence(login) == "kepala masuk (login)"
    assert audit_text.sentence(login, "en") == "kepala logged in"
    assert audit_text.sentence(role, "en") == "kepala changed the role of user vina from “viewer” to “editor”"
    assert audit_text.sentence(role) == "kepala mengubah peran pengguna vina dari “viewer” menjadi “editor”"


def test_logins_neither_change_the_data_version_nor_make_the_database_not_empty(sqlite_engine):
    from geo.records import sample

    accounts.bootstrap_admin(sqlite_engine, "kepala", "sandi-admin-panjang")
    before = storage.data_version(sqlite_engine)
    accounts.authenticate(sqlite_engine, "kepala", "sandi-admin-panjang")
    assert storage.data_version(sqlite_engine) == before  # 30 logins do not empty the caches 30 times
    assert sample.is_empty(sqlite_engine)  # the sample still goes in; a restore needs no --replace


def test_a_file_made_for_download_and_one_written_by_the_command_line_are_export_lines(tmp_path, monkeypatch):
    from geo.__main__ import _write_whole
    from ui.downloads import logged_file

    log = tmp_path / "events.log"
    monkeypatch.setenv("SINERGI_LOG_FILE", str(log))
    make = logged_file(lambda: b"%PDF-1.7 ...", "brief", "pdf", "32.73")  # no session: an anonymous viewer
    assert log.exists() is False  # drawing the button writes nothing: the file is made on click
    assert make() == b"%PDF-1.7 ..."
    _write_whole(tmp_path / "peta.gpkg", b"GPKG", "map_layer")
    first, second = _events(log)
    assert (first["event"], first["kind"], first["format"], first["name"], first["bytes"]) == (
        "export", "brief", "pdf", "32.73", 12)
    assert (second["event"], second["kind"], second["format"], second["file"], second["via"]) == (
        "export", "map_layer", "gpkg", "peta.gpkg", "cli")
