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
