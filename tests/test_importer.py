"""Importing real-world-style files, on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from geo import importer, records, storage
from geo.messages import UserError
from geo.models import Agreement, AuditEntry, Visit
from tests.conftest import ROOT

MESSY = ROOT / "tests" / "data" / "agreements_messy.csv"


def _reasons(plan):
    return {r.number: r.reasons("id") for r in plan.rejected}


def test_messy_file_dry_run_then_commit(engine):
    plan = importer.plan_import(engine, "agreements", importer.read_table(MESSY))
    assert plan.counts() == {"add": 5, "update": 0, "unchanged": 0, "reject": 5}
    reasons = _reasons(plan)
    assert "ambigu" in reasons[6] and "Kota Bandung (32.73)" in reasons[6]  # "Bandung"
    assert "tidak dikenal" in reasons[7]  # Kab. Sukamaju Raya
    assert "tanggal tidak ada" in reasons[8]  # 31 Februari
    assert "rupiah" in reasons[10]  # sepuluh juta
    assert "baris ganda" in reasons[11]
    with storage.transaction(engine) as s:  # the dry run wrote nothing
        assert s.scalar(select(func.count()).select_from(Agreement)) == 0
    counts = importer.commit_import(engine, plan, actor="ani")
    assert counts["add"] == 5
    with storage.transaction(engine) as s:
        a = records.load_agreement(s, "047/KB/2023")
        assert a.region_codes == ["35.78", "35.15"]  # "Kota Surabya" typo resolved
        assert a.value_idr == 2_000_000_000 and a.signed_on == dt.date(2023, 11, 1)
        b = records.load_agreement(s, "045/PKS/2023")
        assert b.status == "terhambat" and [(o.kind, o.note) for o in b.obstacles] == [
            ("anggaran", "APBD belum dialokasikan")]
        assert b.value_idr == 1_500_000_000
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 5


def test_reimport_changes_nothing(engine):
    plan = importer.plan_import(engine, "agreements", importer.read_table(MESSY))
    importer.commit_import(engine, plan, actor="ani")
    again = importer.plan_import(engine, "agreements", importer.read_table(MESSY))
    assert again.counts() == {"add": 0, "update": 0, "unchanged": 5, "reject": 5}
    importer.commit_import(engine, again, actor="ani")
    with storage.transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 5


def test_rejected_rows_fixed_and_reimported(engine):
    plan = importer.plan_import(engine, "agreements", importer.read_table(MESSY))
    importer.commit_import(engine, plan, actor="ani")
    headers, rows = importer.rejected_table(plan, "id")
    assert headers[-1] == "alasan penolakan" and len(rows) == 5
    fixed = [r for r in rows if r[0] == "048/KB/2024"][0]
    fixed[headers.index("Pihak 1")] = "Kota Bandung"
    csv_text = ";".join(headers) + "\n" + ";".join(str(c) for c in fixed) + "\n"
    plan2 = importer.plan_import(engine, "agreements", importer.read_table(csv_text.encode("cp1252"), "fix.csv"))
    assert plan2.counts()["add"] == 1 and plan2.counts()["reject"] == 0


def test_failed_import_changes_nothing(engine, monkeypatch):
    plan = importer.plan_import(engine, "agreements", importer.read_table(MESSY))
    calls = {"n": 0}
    real = records.save_agreement

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise RuntimeError("database went away")
        return real(*args, **kwargs)

    monkeypatch.setattr(records, "save_agreement", flaky)
    with pytest.raises(RuntimeError):
        importer.commit_import(engine, plan, actor="ani")
    with storage.transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(Agreement)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_visits_with_stops_and_times(engine):
    text = ("Kode Kunjungan,Pejabat,Tanggal,Waktu,Wilayah,Lokasi,Agenda,Narasumber/Pihak yang Dijumpai,Bidang Fokus\n"
            "KK-01,Wakil Menteri Dalam Negeri,\"Selasa, 20 Agustus 2024\",09.00 – 12.00 WIB,Kota Bandung,"
            "Balai Kota,Rakor KAD Bandung Raya,Wali Kota Bandung,Pariwisata\n"
            "KK-01,Wakil Menteri Dalam Negeri,21/08/2024,08.00 - 10.00,Kec. Coblong,Kampus,Dialog,Camat,\n"
            "KK-02,Wakil Menteri Perdagangan,2024-09-02,13.00 WITA - selesai,Kota Makassar,Pelabuhan,Tinjauan,,\n")
    plan = importer.plan_import(engine, "visits", importer.read_table(text.encode(), "v.csv"))
    assert plan.counts() == {"add": 3, "update": 0, "unchanged": 0, "reject": 0}
    importer.commit_import(engine, plan, actor="ani")
    with storage.transaction(engine) as s:
        v = records.visit_data(records.load_visit(s, "KK-01"))
        assert [st.region_code for st in v.stops] == ["32.73", "32.73.02"]
        assert v.start_at == dt.datetime(2024, 8, 20, 2, tzinfo=dt.timezone.utc)  # 09.00 WIB
        assert v.ministry == "Kementerian Dalam Negeri" and v.time_zone == "WIB"
        v2 = records.visit_data(records.load_visit(s, "KK-02"))
        assert v2.time_zone == "WITA" and v2.start_at.hour == 5
        assert s.scalar(select(func.count()).select_from(Visit)) == 2
    again = importer.plan_import(engine, "visits", importer.read_table(text.encode(), "v.csv"))
    assert again.counts()["unchanged"] == 3


def test_unusable_files():
    with pytest.raises(UserError) as exc:
        importer.read_table(b"", "x.csv")
    assert exc.value.key == "file.empty"
    with pytest.raises(UserError):
        importer.read_table(b"\x00\x01garbage", "x.csv")
    with pytest.raises(UserError):
        importer.read_table(b"PK\x03\x04garbage", "x.xlsx")
    with pytest.raises(UserError) as exc:
        importer.map_headers(importer.read_table(b"a;b\n1;2\n", "x.csv"), "agreements")
    assert exc.value.key == "column.missing" and "nomor dokumen" in exc.value.text("id")
