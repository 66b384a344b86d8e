"""Reading XLSX with python-calamine gives what the openpyxl reading gave, cell for cell."""

import datetime as dt
import io
import re
import zipfile

import pytest
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from geo.importer import columns, files, rows
from geo.text.messages import UserError


def _save(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _with_sheet_xml(data: bytes, edit) -> bytes:
    """The workbook with its first sheet's XML passed through ``edit`` (openpyxl writes no cached values)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            body = src.read(info.filename)
            zf.writestr(info, edit(body) if info.filename == "xl/worksheets/sheet1.xml" else body)
    return out.getvalue()


def _every_kind_of_cell() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["Nomor Dokumen", "Judul", "Pihak", "Pihak", "Tanggal Penandatanganan", "Mulai", "Jam", "Nilai",
               "Rasio", "Aktif", "Rumus Angka", "Rumus Teks", "Kosong", "Akhir"])
    ws.append(["0812", "Kerja sama A", "Kota Bandung", "Kab. Bandung", dt.date(2024, 8, 20),
               dt.datetime(2024, 8, 20, 9, 30), dt.time(9, 15), 1_500_000_000, 2.75, True, "=H2*2", '=A2&"x"',
               None, "x"])
    ws.append([12, "Kerja sama B", "Kota Bogor", "Kab. Bogor", dt.datetime(2023, 1, 2), None, dt.time(14, 0),
               12.0, 0.1, False, "=1+1", None, "", 3201234567890123])
    ws.append([None, "", None])  # a blank row in the middle
    ws.append(["Z-3", None, None, None, None, None, None, -7])  # a short (ragged) row
    ws.merge_cells("B6:D6")
    ws["A6"], ws["B6"] = "M-4", "gabungan"
    ws.append([])  # a trailing empty row
    ws.cell(row=8, column=1).number_format = "@"  # a formatted cell with nothing in it
    cached = {b'<f>H2*2</f><v></v>': b'<f>H2*2</f><v>3000000000</v>',
              b'<c r="L2"><f>A2&amp;"x"</f><v></v></c>': b'<c r="L2" t="str"><f>A2&amp;"x"</f><v>0812x</v></c>',
              b'<f>1+1</f><v></v>': b'<f>1+1</f><v>2</v>'}

    def edit(xml: bytes) -> bytes:
        for old, new in cached.items():
            assert old in xml
            xml = xml.replace(old, new)
        return xml

    return _with_sheet_xml(_save(wb), edit)


def test_calamine_reads_every_kind_of_cell_exactly_as_openpyxl_did():
    data = _every_kind_of_cell()
    fast, slow = files._read_xlsx_calamine(data), files._read_xlsx_openpyxl(data)
    assert fast == slow
    headers, body = fast
    assert headers[2:4] == ["Pihak", "Pihak 2"]  # repeated headers stay unique
    assert len(body) == 4  # the blank middle row and the trailing empty row are skipped
    first, second, ragged, merged = body
    assert first["Nomor Dokumen"] == "0812"  # leading zero kept: text stays text
    assert type(second["Nomor Dokumen"]) is int and second["Nomor Dokumen"] == 12  # not 12.0
    assert type(second["Nilai"]) is int and type(first["Nilai"]) is int and first["Rasio"] == 2.75
    assert first["Tanggal Penandatanganan"] == dt.datetime(2024, 8, 20)  # a date is a datetime, as before
    assert first["Mulai"] == dt.datetime(2024, 8, 20, 9, 30) and first["Jam"] == dt.time(9, 15)
    assert first["Aktif"] is True and second["Aktif"] is False
    assert first["Rumus Angka"] == 3_000_000_000 and first["Rumus Teks"] == "0812x" and second["Rumus Angka"] == 2
    assert first["Kosong"] is None and second["Kosong"] is None and second["Mulai"] is None
    assert second["Akhir"] == 3201234567890123
    assert ragged["Nilai"] == -7 and "Akhir" not in ragged
    assert merged["Judul"] == "gabungan" and merged.get("Pihak") is None


def test_read_table_takes_the_calamine_path_and_the_row_parser_sees_whole_numbers_as_before():
    data = _every_kind_of_cell()
    table = files.read_table(data, "kerja_sama.xlsx")
    assert (table.headers, table.rows) == files._read_xlsx_calamine(data)
    parsed = rows.parse_rows(columns.map_headers(table, "agreements"), "agreements")
    assert parsed[0].key == "0812" and parsed[1].key == "12"  # not "12.0"
    assert parsed[0].data.signed_on == dt.date(2024, 8, 20) and parsed[1].data.signed_on == dt.date(2023, 1, 2)
    assert parsed[0].data.value_idr == 1_500_000_000


def test_data_that_starts_right_of_and_below_a1_reads_as_openpyxl_did():
    wb = Workbook()
    ws = wb.active
    ws["C4"], ws["D4"], ws["E4"] = "Nomor Dokumen", "Judul", "Nilai"
    ws["C5"], ws["E5"] = "1/KB/2025", 5
    ws["D7"] = "hanya judul"
    data = _save(wb)
    assert files._read_xlsx_calamine(data) == files._read_xlsx_openpyxl(data)
    assert files.read_table(data, "x.xlsx").headers == ["", "", "Nomor Dokumen", "Judul", "Nilai"]


def test_the_first_worksheet_is_read_even_when_hidden_or_behind_a_chart_sheet():
    wb = Workbook()
    wb.active.append(["Nomor", "Judul"])
    wb.active.append(["1", "pertama"])
    wb.active.sheet_state = "hidden"
    wb.create_sheet("Kedua").append(["Lain", "Lembar"])
    chart = BarChart()
    chart.add_data(Reference(wb.active, min_col=1, min_row=1, max_row=2))
    wb.create_chartsheet("Grafik", 0).add_chart(chart)
    data = _save(wb)
    assert files._read_xlsx_calamine(data) == files._read_xlsx_openpyxl(data) == (["Nomor", "Judul"],
                                                                                  [{"Nomor": "1", "Judul": "pertama"}])


def test_an_error_cell_keeps_its_text_so_it_cannot_pass_as_an_empty_cell():
    wb = Workbook()
    wb.active.append(["Nomor Dokumen", "Judul", "Pihak 1", "Pihak 2", "Nilai"])
    wb.active.append(["1/KB/2025", "A", "Kota Bandung", "Kab. Bandung", "=1/0"])
    data = _with_sheet_xml(_save(wb), lambda xml: xml.replace(b'<c r="E2"><f>1/0</f><v></v></c>',
                                                              b'<c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'))
    assert files._read_xlsx_calamine(data)[1][0].get("Nilai") is None  # what calamine alone would give
    table = files.read_table(data, "x.xlsx")
    assert table.rows[0]["Nilai"] == "#DIV/0!"
    parsed = rows.parse_rows(columns.map_headers(table, "agreements"), "agreements")
    assert parsed[0].action == "reject" and "#DIV/0!" in parsed[0].reasons("id")


@pytest.mark.parametrize("parts", [
    {"[Content_Types].xml": b'<Types><Override PartName="/content.xml" '
                            b'ContentType="application/vnd.oasis.opendocument.spreadsheet"/></Types>',
     "content.xml": b"<office:document-content/>"},  # an OpenDocument sheet renamed .xlsx
    {"[Content_Types].xml": b'<Types><Override PartName="/word/document.xml" ContentType="application/'
                            b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
     "word/document.xml": b"<w:document/>"},  # a Word document
    {"xl/workbook.xml": b"<workbook/>"},  # no content types at all
])
def test_a_zip_without_a_workbook_part_is_refused_as_unreadable_in_the_users_language(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    with pytest.raises(UserError) as exc:
        files.read_table(out.getvalue(), "kerja_sama.xlsx")
    assert exc.value.key == "file.unreadable" and "berkas tidak dapat dibaca" in exc.value.text("id")


def test_a_broken_sheet_inside_a_valid_package_is_refused_as_unreadable():
    wb = Workbook()
    wb.active.append(["Nomor", "Judul"])
    wb.active.append(["1", "a"])
    data = _with_sheet_xml(_save(wb), lambda xml: xml[: len(xml) // 2])
    with pytest.raises(UserError) as exc:
        files.read_table(data, "x.xlsx")
    assert exc.value.key == "file.unreadable"


def _with_shared_strings(data: bytes) -> bytes:
    """The workbook as Excel saves it: text cells point into xl/sharedStrings.xml (openpyxl writes them inline)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    strings: list[bytes] = []

    def shared(match: re.Match) -> bytes:
        strings.append(match[2])
        return match[1] + b't="s"><v>' + str(len(strings) - 1).encode() + b"</v></c>"

    sheet = re.sub(rb'(<c r="[A-Z]+\d+" )t="inlineStr"><is><t>(.*?)</t></is></c>', shared,
                   src.read("xl/worksheets/sheet1.xml"))
    assert strings
    table = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             + b"".join(b"<si><t>" + s + b"</t></si>" for s in strings) + b"</sst>")
    ct_type = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    rel_type = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = sheet
            elif info.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="'
                                    + ct_type + b'"/></Types>')
            elif info.filename == "xl/_rels/workbook.xml.rels":
                body = body.replace(b"</Relationships>", b'<Relationship Id="rIdSst" Type="' + rel_type
                                    + b'" Target="sharedStrings.xml"/></Relationships>')
            zf.writestr(info, body)
        zf.writestr("xl/sharedStrings.xml", table)
    return out.getvalue()


def test_text_in_shared_strings_as_excel_saves_it_reads_as_openpyxl_did_leading_zeros_kept():
    data = _with_shared_strings(_every_kind_of_cell())
    assert b"sharedStrings" in zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    fast = files._read_xlsx_calamine(data)
    assert fast == files._read_xlsx_openpyxl(data) == files._read_xlsx_calamine(_every_kind_of_cell())
    assert fast[1][0]["Nomor Dokumen"] == "0812"


def test_a_workbook_on_the_1904_date_system_gives_the_same_dates_and_times():
    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    wb.active.append(["Tanggal", "Waktu", "Jam"])
    wb.active.append([dt.date(2024, 8, 20), dt.datetime(2024, 1, 1, 7, 45), dt.time(0, 0)])
    data = _save(wb)
    assert files._read_xlsx_calamine(data) == files._read_xlsx_openpyxl(data) == (
        ["Tanggal", "Waktu", "Jam"],
        [{"Tanggal": dt.datetime(2024, 8, 20), "Waktu": dt.datetime(2024, 1, 1, 7, 45), "Jam": dt.time(0, 0)}])
