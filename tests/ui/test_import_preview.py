"""ui.import_preview: the dry run in the page's words, and the rejected rows as a file to fix."""

import io

import openpyxl

from geo.importer import changes
from geo.importer.files import read_table
from ui import import_preview

CSV = ("nomor_dokumen;judul;jenis;status;pihak;tanggal_tanda_tangan\n"
       '1/KB/2024;Kerja sama;KB;berjalan;"Kota Bandung; Kabupaten Bandung";01/03/2024\n'
       ";Tanpa nomor;KB;berjalan;Kota Bandung;01/03/2024\n").encode()


def test_preview_says_what_each_row_does_and_rejected_rows_come_back_with_a_reason(engine):
    plan = changes.plan_import(engine, "agreements", read_table(CSV, "kerja_sama.csv"))
    table = import_preview.preview_table(plan, "id")
    assert list(table.columns) == ["Baris", "Tindakan", "Kunci", "Alasan", "Peringatan", "Dibaca sebagai"]
    assert table["Tindakan"].tolist() == ["ditambah", "ditolak"]
    assert "nomor dokumen wajib diisi" in table["Alasan"].iloc[1]
    assert table["Dibaca sebagai"].iloc[0].startswith("Pihak: Kota Bandung → Kota Bandung (32.73); ")
    assert "Tanggal tanda tangan: 01/03/2024 → 01/03/2024" in table["Dibaca sebagai"].iloc[0]
    rows = list(openpyxl.load_workbook(io.BytesIO(import_preview.rejected_xlsx(plan, "id"))).active.values)
    assert len(rows) == 2 and rows[1][1] == "Tanpa nomor" and "nomor dokumen wajib diisi" in rows[1][-1]


def test_a_file_is_the_same_file_by_its_kind_and_bytes_not_its_name():
    assert import_preview.file_key("visits", b"a;b\n1;2\n") == import_preview.file_key("visits", b"a;b\n1;2\n")
    assert import_preview.file_key("visits", b"a;b\n1;2\n") != import_preview.file_key("visits", b"a;b\n1;3\n")
    assert import_preview.file_key("visits", b"x") != import_preview.file_key("agreements", b"x")


def test_rows_with_warnings_or_reasons_are_listed_in_full_and_escaped(sqlite_engine):
    from geo.importer import changes, files
    from ui import import_preview

    header = "Nomor Dokumen;Judul;Jenis;Bidang;Pihak 1;Pihak 2;Tanggal Penandatanganan;Status\n"
    rows = ["1/PKS/2024;Baik;PKS;Pariwisata;Kota Bandung;Kab. Bandung;01/03/2024;Berjalan",
            "2/PKS/2024;Hari salah;PKS;Pariwisata;Kota Bandung;Kab. Bandung;Senin, 4 Maret 2025;Berjalan",
            "3/PKS/2024;Satu pihak;PKS;Pariwisata;Kota Bandung;;01/03/2024;Berjalan"]
    table = files.read_table((header + "\n".join(rows) + "\n").encode(), "kerja_sama.csv")
    plan = changes.plan_import(sqlite_engine, "agreements", table)
    notes = import_preview.row_notes(plan, "id")
    assert len(notes) == 2  # the clean row has nothing to say
    unescaped = [n.replace("\\", "") for n in notes]  # markdown-escaped for the page
    assert unescaped[0].startswith("Baris 3 — Peringatan: ") and "Selasa" in unescaped[0]  # 4 March 2025: Tuesday
    assert unescaped[1].startswith("Baris 4 — Alasan: ")
