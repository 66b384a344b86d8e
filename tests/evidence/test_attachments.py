"""Attaching evidence: roles, audit trail, and the same bytes after a backup and a restore (SQLite and
PostgreSQL)."""

import hashlib

import pytest
from sqlalchemy import func, select

from geo.access.roles import AccessDenied
from geo.db import storage
from geo.db.models import Attachment, AuditEntry
from geo.evidence import attachments
from geo.records import backup, write
from geo.records.write import AgreementData, Party, StopData, VisitData
from geo.text.messages import UserError
from tests.conftest import ADMIN, EDITOR, VIEWER
from tests.evidence import hostile_files as hf


def _records(engine):
    import datetime as dt

    with storage.transaction(engine) as s:
        write.save_agreement(s, AgreementData(
            doc_number="KB/7/2024", title="Air bersih", type="KB", status="berjalan", sectors=["air_sanitasi"],
            parties=[Party(region_code="32.73"), Party(region_code="32.04")], signed_on=dt.date(2024, 3, 1)), EDITOR)
        write.save_visit(s, VisitData(
            ref="KUNKER-1", official_role="Wakil Menteri", ministry="Kemendagri",
            start_at=dt.datetime(2024, 2, 1, 2, tzinfo=dt.timezone.utc), time_zone="WIB",
            stops=[StopData(region_code="32.73")]), EDITOR)


def test_upload_then_backup_then_restore_gives_the_same_bytes(engine, tmp_path):
    _records(engine)
    photo, pdf = hf.polyglot_jpeg(), hf.plain_pdf()
    with storage.transaction(engine) as s:
        p = attachments.attach(s, "agreement", "KB/7/2024", photo, EDITOR, original_name="foto.jpg",
                               details=attachments.Details(caption="<b>Serah terima</b>", credit="Humas"))
        d = attachments.attach(s, "visit", "KUNKER-1", pdf, EDITOR, original_name="ttd.pdf")
    stored = {p.id: attachments.content(engine, p.id), d.id: attachments.content(engine, d.id)}
    thumbs = {p.id: attachments.content(engine, p.id, thumbnail=True)}
    assert stored[d.id] == pdf  # a signed document is kept as uploaded
    assert hashlib.sha256(stored[p.id]).hexdigest() == p.sha256
    backup.export_backup(engine, tmp_path / "b")
    with storage.transaction(engine) as s:
        attachments.remove(s, p.id, EDITOR)
    assert [i.id for i in attachments.items(engine, "agreement", "KB/7/2024")] == []
    backup.restore_backup(engine, tmp_path / "b", ADMIN, replace=True)
    for attachment_id, data in stored.items():
        assert hashlib.sha256(attachments.content(engine, attachment_id)).hexdigest() == \
            hashlib.sha256(data).hexdigest()
    assert attachments.content(engine, p.id, thumbnail=True) == thumbs[p.id]
    [back] = attachments.items(engine, "agreement", "KB/7/2024")
    assert back.caption == "<b>Serah terima</b>" and back.credit == "Humas" and back.kind == "photo"
    backup.export_backup(engine, tmp_path / "again")
    assert (tmp_path / "b" / "attachment.jsonl").read_bytes() == (tmp_path / "again" / "attachment.jsonl").read_bytes()


def test_a_backup_whose_attachment_bytes_were_changed_is_refused_whole(sqlite_engine, tmp_path):
    _records(sqlite_engine)
    with storage.transaction(sqlite_engine) as s:
        attachments.attach(s, "agreement", "KB/7/2024", hf.plain_pdf(), EDITOR)
    backup.export_backup(sqlite_engine, tmp_path / "b")
    path = tmp_path / "b" / "attachment.jsonl"
    import base64
    import json
    row = json.loads(path.read_text())
    row["content"] = base64.b64encode(base64.b64decode(row["content"]) + b"<script>").decode()
    path.write_text(json.dumps(row) + "\n")
    with pytest.raises(backup.RestoreError, match="sha256"):
        backup.restore_backup(sqlite_engine, tmp_path / "b", ADMIN, replace=True)
    assert len(attachments.items(sqlite_engine, "agreement", "KB/7/2024")) == 1  # nothing changed


def test_a_viewer_cannot_attach_or_remove_and_nothing_is_stored(sqlite_engine):
    _records(sqlite_engine)
    with pytest.raises(AccessDenied):
        with storage.transaction(sqlite_engine) as s:
            attachments.attach(s, "agreement", "KB/7/2024", hf.photo(), VIEWER)
    with pytest.raises(AccessDenied):
        with storage.transaction(sqlite_engine) as s:
            attachments.attach(s, "agreement", "KB/7/2024", hf.photo(), None)
    with storage.transaction(sqlite_engine) as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0
        item = attachments.attach(s, "agreement", "KB/7/2024", hf.photo(), EDITOR)
    with pytest.raises(AccessDenied):
        with storage.transaction(sqlite_engine) as s:
            attachments.remove(s, item.id, VIEWER)
    assert len(attachments.items(sqlite_engine, "agreement", "KB/7/2024")) == 1


def test_attaching_and_removing_leave_audit_entries_naming_who_and_what(sqlite_engine):
    _records(sqlite_engine)
    with storage.transaction(sqlite_engine) as s:
        item = attachments.attach(s, "visit", "KUNKER-1", hf.photo(), EDITOR, original_name="kunjungan.jpg")
        attachments.remove(s, item.id, ADMIN)
    with storage.transaction(sqlite_engine) as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.record_type == "attachment")
                                 .order_by(AuditEntry.id)))
    assert [(e.actor, e.action, e.record_key) for e in entries] == [
        ("ani", "create", "visit:KUNKER-1"), ("root", "delete", "visit:KUNKER-1")]
    assert "kunjungan.jpg" in entries[0].changes["attachment"][1]


def test_a_hostile_file_is_refused_and_leaves_nothing_behind(sqlite_engine):
    _records(sqlite_engine)
    for data, key in ((hf.svg_with_script(), "evidence.markup"), (hf.pdf_with_javascript(), "evidence.pdf_active"),
                      (hf.declared_huge_png(), "evidence.too_many_pixels"), (b"", "evidence.empty")):
        with pytest.raises(UserError) as err:
            with storage.transaction(sqlite_engine) as s:
                attachments.attach(s, "agreement", "KB/7/2024", data, EDITOR, original_name="foto.jpg")
        assert err.value.key == key
    with storage.transaction(sqlite_engine) as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.record_type == "attachment")) == 0


def test_deleting_an_agreement_deletes_its_evidence(sqlite_engine):
    _records(sqlite_engine)
    with storage.transaction(sqlite_engine) as s:
        attachments.attach(s, "agreement", "KB/7/2024", hf.photo(), EDITOR)
    with storage.transaction(sqlite_engine) as s:
        write.delete_agreement(s, "KB/7/2024", EDITOR)
    with storage.transaction(sqlite_engine) as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0


def test_the_download_name_is_made_from_the_record_never_from_the_uploaded_name(sqlite_engine):
    _records(sqlite_engine)
    with storage.transaction(sqlite_engine) as s:
        item = attachments.attach(s, "agreement", "KB/7/2024", hf.plain_pdf(), EDITOR,
                                  original_name='../../x".html')
    assert item.download_name == f"KB_7_2024-{item.id}.pdf"
