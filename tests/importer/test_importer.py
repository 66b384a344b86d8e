"""Importing real-world-style files, on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from geo.db import storage
from geo.db.models import Agreement, AuditEntry, Visit
from geo.importer import changes, columns, files
from geo.records import write
from geo.text.messages import UserError
from tests.conftest import EDITOR, ROOT

MESSY = ROOT / "tests" / "data" / "agreements_messy.csv"


def _reasons(plan):
    return {r.number: r.reasons("id") for r in plan.rejected}


def test_messy_file_dry_run_then_commit(engine):
    plan = changes.plan_import(engine, "agreements", files.read_table(MESSY))
    assert plan.counts() == {"add": 5, "update": 0, "unchanged": 0, "reject": 5}
    reasons = _reasons(plan)
    assert "ambigu" in reasons[6] and "Kota Bandung (32.73)" in reasons[6]  # "Bandung"
    assert "tidak dikenal" in reasons[7]  # Kab. Sukamaju Raya
    assert "tanggal tidak ada" in reasons[8]  # 31 Februari
    assert "rupiah" in reasons[10]  # sepuluh juta
    assert "baris ganda" in reasons[11]
    with storage.transaction(engine) as s:  # the dry run wrote nothing
        assert s.scalar(select(func.count()).select_from(Agreement)) == 0
    counts = changes.commit_import(engine, plan, actor=EDITOR)
    assert counts["add"] == 5
    with storage.transaction(engine) as s:
        a = write.load_agreement(s, "047/KB/2023")
        assert a.region_codes == ["35.78", "35.15"]  # "Kota Surabya" typo resolved
        assert a.value_idr == 2_000_000_000 and a.signed_on == dt.date(2023, 11, 1)
        b = write.load_agreement(s, "045/PKS/2023")
        assert b.status == "terhambat" and [(o.kind, o.note) for o in b.obstacles] == [
            ("anggaran", "APBD belum dialokasikan")]
        assert b.value_idr == 1_500_000_000
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 5


def test_reimport_changes_nothing(engine):
    plan = changes.plan_import(engine, "agreements", files.read_table(MESSY))
    changes.commit_import(engine, plan, actor=EDITOR)
    again = changes.plan_import(engine, "agreements", files.read_table(MESSY))
    assert again.counts() == {"add": 0, "update": 0, "unchanged": 5, "reject": 5}
    changes.commit_import(engine, again, actor=EDITOR)
    with storage.transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 5


def test_rejected_rows_fixed_and_reimported(engine):
    plan = changes.plan_import(engine, "agreements", files.read_table(MESSY))
    changes.commit_import(engine, plan, actor=EDITOR)
    headers, rows = changes.rejected_table(plan, "id")
    assert headers[-1] == "alasan penolakan" and len(rows) == 5
    fixed = [r for r in rows if r[0] == "048/KB/2024"][0]
    fixed[headers.index("Pihak 1")] = "Kota Bandung"
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";")
    writer.writerow(headers)
    writer.writerow(fixed)
    plan2 = changes.plan_import(engine, "agreements", files.read_table(buf.getvalue().encode("cp1252"), "fix.csv"))
    assert plan2.counts()["add"] == 1 and plan2.counts()["reject"] == 0


def test_failed_import_changes_nothing(engine, monkeypatch):
    plan = changes.plan_import(engine, "agreements", files.read_table(MESSY))
    calls = {"n": 0}
    real = write.save_agreement

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise RuntimeError("database went away")
        return real(*args, **kwargs)

    monkeypatch.setattr(write, "save_agreement", flaky)
    with pytest.raises(RuntimeError):
        changes.commit_import(engine, plan, actor=EDITOR)
    with storage.transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(Agreement)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_visits_with_stops_and_times(engine):
    text = ("Kode Kunjungan,Pejabat,Tanggal,Waktu,Wilayah,Lokasi,Agenda,Narasumber/Pihak yang Dijumpai,Bidang Fokus\n"
            "KK-01,Wakil Menteri Dalam Negeri,\"Selasa, 20 Agustus 2024\",09.00 – 12.00 WIB,Kota Bandung,"
            "Balai Kota,Rakor KAD Bandung Raya,Wali Kota Bandung,Pariwisata\n"
            "KK-01,Wakil Menteri Dalam Negeri,21/08/2024,08.00 - 10.00,Kec. Coblong,Kampus,Dialog,Camat,\n"
            "KK-02,Wakil Menteri Perdagangan,2024-09-02,13.00 WITA - selesai,Kota Makassar,Pelabuhan,Tinjauan,,\n")
    plan = changes.plan_import(engine, "visits", files.read_table(text.encode(), "v.csv"))
    assert plan.counts() == {"add": 3, "update": 0, "unchanged": 0, "reject": 0}
    changes.commit_import(engine, plan, actor=EDITOR)
    with storage.transaction(engine) as s:
        v = write.visit_data(write.load_visit(s, "KK-01"))
        assert [st.region_code for st in v.stops] == ["32.73", "32.73.02"]
        assert v.start_at == dt.datetime(2024, 8, 20, 2, tzinfo=dt.timezone.utc)  # 09.00 WIB
        assert v.ministry == "Kementerian Dalam Negeri" and v.time_zone == "WIB"
        v2 = write.visit_data(write.load_visit(s, "KK-02"))
        assert v2.time_zone == "WITA" and v2.start_at.hour == 5
        assert s.scalar(select(func.count()).select_from(Visit)) == 2
    again = changes.plan_import(engine, "visits", files.read_table(text.encode(), "v.csv"))
    assert again.counts()["unchanged"] == 3


def test_unusable_files():
    with pytest.raises(UserError) as exc:
        files.read_table(b"", "x.csv")
    assert exc.value.key == "file.empty"
    with pytest.raises(UserError):
        files.read_table(b"\x00\x01garbage", "x.csv")
    with pytest.raises(UserError):
        files.read_table(b"PK\x03\x04garbage", "x.xlsx")
    with pytest.raises(UserError) as exc:
        columns.map_headers(files.read_table(b"a;b\n1;2\n", "x.csv"), "agreements")
    assert exc.value.key == "column.missing" and "nomor dokumen" in exc.value.text("id")


def test_real_world_table_shapes(engine):
    # a "No." column, party ordinals, a party from another province than the Provinsi column, a
    # university partner, a number whose thousands separator is the CSV delimiter
    text = ("No.;Nomor Dokumen;Judul;Pihak Pertama;Pihak Kedua;Pihak Ketiga;Provinsi;Nilai\n"
            "1;10/PKS/2024;Batas wilayah;Kab. Cilacap;Kab. Ciamis;Universitas Jenderal Soedirman;Jawa Tengah;"
            "Rp 1.500 juta\n"
            "2;11/PKS/2024;Air bersih;Kab. Banyumas;Kab. Purbalingga;;Jawa Tengah;Rp 1,500,000\n")
    plan = changes.plan_import(engine, "agreements", files.read_table(text.encode(), "x.csv"))
    first = plan.rows[0]
    assert first.action == "add" and first.key == "10/PKS/2024"
    assert [p.region_code for p in first.data.parties] == ["33.01", "32.07", None]
    assert first.data.parties[2].partner_name == "Universitas Jenderal Soedirman"
    assert first.data.value_idr == 1_500_000_000
    assert plan.rows[1].action == "add"  # "Rp 1,500,000" has no semicolon inside: fine
    bad = "Nomor;Judul;Pihak 1;Pihak 2;Nilai\n12/KB/2024;X;Kota Bandung;Kab. Bandung;Rp 1;500\n"
    plan = changes.plan_import(engine, "agreements", files.read_table(bad.encode(), "y.csv"))
    assert plan.rows[0].action == "reject" and "sel lebih banyak" in plan.rows[0].reasons("id")


def test_duplicate_headers_keep_both_columns(engine):
    text = "Nomor;Judul;Pihak;Pihak\n13/KB/2024;Y;Kota Bandung;Kab. Bandung\n"
    plan = changes.plan_import(engine, "agreements", files.read_table(text.encode(), "d.csv"))
    assert plan.rows[0].action == "add" and len(plan.rows[0].data.parties) == 2


def test_short_names_do_not_land_in_another_province(engine):
    text = ("Kode Kunjungan,Pejabat,Tanggal,Wilayah\n"
            "A,Wakil Menteri Dalam Negeri,2024-08-01,Selayar\n"
            "B,Wakil Menteri Dalam Negeri,2024-08-01,Kab. Aru\n"
            "C,Wakil Menteri Dalam Negeri,2024-08-01,Kec. Coblong\n")
    plan = changes.plan_import(engine, "visits", files.read_table(text.encode(), "v.csv"))
    by_key = {r.key: r for r in plan.rows}
    assert by_key["A"].action == "add" and by_key["A"].data["stop"].region_code == "73.01"  # Kep. Selayar
    assert by_key["B"].action == "reject" or by_key["B"].data["stop"].region_code.startswith("81.")
    assert by_key["C"].data["stop"].region_code == "32.73.02"


def test_visit_with_a_bad_row_waits_whole(engine):
    text = ("Kode Kunjungan,Pejabat,Tanggal,Wilayah\n"
            "K9,Wakil Menteri Dalam Negeri,2024-08-01,Kab. Sleman\n"
            "K9,Wakil Menteri Dalam Negeri,2024-08-02,Kab. Tidakada Raya\n")
    plan = changes.plan_import(engine, "visits", files.read_table(text.encode(), "v.csv"))
    assert [r.action for r in plan.rows] == ["reject", "reject"]
    assert "seluruh kunjungan" in plan.rows[0].reasons("id")


def test_updates_beyond_a_thousand_rows_are_all_written(engine):
    def csv_text(prefix):
        lines = ["Nomor;Judul;Pihak 1;Pihak 2"]
        lines += [f"{i:04d}/PKS/2024;{prefix} {i};Kota Bandung;Kab. Bandung" for i in range(1200)]
        return ("\n".join(lines) + "\n").encode()

    changes.commit_import(engine, changes.plan_import(engine, "agreements", files.read_table(csv_text("Lama"),
                                                                                                  "a.csv")), EDITOR)
    plan = changes.plan_import(engine, "agreements", files.read_table(csv_text("Baru"), "b.csv"))
    assert plan.counts()["update"] == 1200
    changes.commit_import(engine, plan, EDITOR)
    again = changes.plan_import(engine, "agreements", files.read_table(csv_text("Baru"), "b.csv"))
    assert again.counts() == {"add": 0, "update": 0, "unchanged": 1200, "reject": 0}
