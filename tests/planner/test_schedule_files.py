"""geo.planner.schedule_files: the schedule as an XLSX with a title block, a bold frozen header, wrapped columns,
"No.", travel legs and the way home, formulas neutralised; and as an A4 landscape PDF that prints as it is (read
back with openpyxl, and with poppler's pdfinfo, pdftoppm and pdftotext)."""

import datetime as dt
import io
import shutil
import subprocess

import openpyxl
import pytest
from openpyxl.cell.cell import MergedCell
from PIL import Image

from geo.planner import itinerary, schedule_files

START = "31.71"  # Kota Administrasi Jakarta Pusat
ORDER = ["32.73", "91.71", "73.71"]  # Bandung, Jayapura, Makassar


def _doc(order=ORDER, *, return_home=True, agenda="Rapat koordinasi kerja sama daerah", **kw):
    # Monday 19 August 2024 is spent travelling to Bandung: the first stop is on Tuesday
    stops = itinerary.schedule(START, order, start_date=dt.date(2024, 8, 19), days=30, stops_per_day=1,
                               briefs={c: ("Wali Kota; Sekretaris Daerah", agenda) for c in order})
    rows = itinerary.schedule_frame(stops)
    rows.loc[0, "Waktu"] = "10.00 – 11.30 WIB"  # an edit
    kw = {"title": "Kunjungan Kerja Wakil Menteri ke Jawa Barat, Papua dan Sulawesi Selatan",
          "official": "Wakil Menteri Dalam Negeri", "ministry": "Kementerian Dalam Negeri", "ref": "RENCANA-UJI",
          "made_at": dt.datetime(2024, 8, 1, 2, 0, tzinfo=dt.timezone.utc)} | kw
    return schedule_files.ScheduleDoc(rows, itinerary.route_legs(START, order, return_home), **kw)


def _sheet(doc):
    return openpyxl.load_workbook(io.BytesIO(schedule_files.xlsx_bytes(doc))).active


def _header_row(ws) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "No.")


def test_the_xlsx_opens_with_a_title_block_naming_the_visit_official_ministry_and_days():
    ws = _sheet(_doc())
    assert ws["A1"].value == "Kunjungan Kerja Wakil Menteri ke Jawa Barat, Papua dan Sulawesi Selatan"
    assert ws["A1"].font.bold and ws["A1"].font.size >= 14
    block = [ws.cell(r, 1).value for r in range(2, _header_row(ws))]
    assert "Pejabat: Wakil Menteri Dalam Negeri" in block
    assert "Kementerian: Kementerian Dalam Negeri" in block
    assert "Tanggal: Selasa, 20 Agustus 2024 s.d. Kamis, 22 Agustus 2024" in block
    assert "Kode rencana: RENCANA-UJI" in block


def test_the_xlsx_header_is_bold_frozen_and_repeated_when_printed_on_a4_landscape():
    ws = _sheet(_doc())
    header = _header_row(ws)
    assert [c.value for c in ws[header]] == ["No.", "Tanggal", "Waktu", "Lokasi", "Narasumber/Pihak yang Dijumpai",
                                             "Agenda"]
    assert all(c.font.bold for c in ws[header])
    assert ws.freeze_panes == f"A{header + 1}"  # the title and the header stay in view
    assert ws.print_title_rows == f"${header}:${header}"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text


def test_the_xlsx_columns_wrap_with_widths_for_their_content():
    ws = _sheet(_doc(agenda="1) Mendorong kerja sama terhambat " * 6))
    header = _header_row(ws)
    widths = [ws.column_dimensions[c].width for c in "ABCDEF"]
    assert widths[0] <= 8 and widths[5] >= 60 and widths[4] >= 40  # "No." narrow, the agenda wide
    last = next(r for r in range(header, ws.max_row + 1) if str(ws.cell(r, 2).value).startswith("Kembali"))
    body = [c for row in ws.iter_rows(min_row=header + 1, max_row=last) for c in row
            if not isinstance(c, MergedCell)]  # a leg's text is in its merged range's first cell
    assert len(body) == 3 * 6 + 4 * 2
    assert all(c.alignment.wrap_text for c in body)


def test_stops_are_numbered_with_travel_legs_between_them_and_the_way_home_last():
    ws = _sheet(_doc())
    header = _header_row(ws)
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=header + 1)]
    table = [r for r in rows if isinstance(r[0], int) or (r[1] or "").startswith(("Perjalanan", "Kembali"))]
    kinds = ["stop" if isinstance(r[0], int) else "leg" for r in table]
    assert kinds == ["leg", "stop", "leg", "stop", "leg", "stop", "leg"]
    assert [r[0] for r in table if isinstance(r[0], int)] == [1, 2, 3]
    legs = [r[1] for r in table if not isinstance(r[0], int)]
    assert legs[0].startswith("Perjalanan Kota Administrasi Jakarta Pusat → Kota Bandung: jalan darat, ± ")
    assert "Kota Bandung → Kota Jayapura: pesawat udara, ± 9 jam 10 menit (3.721 km)" in legs[1]
    assert legs[-1] == "Kembali Kota Makassar → Kota Administrasi Jakarta Pusat: pesawat udara, ± 5 jam 20 menit " \
                       "(1.405 km)"
    assert table[1][1:4] == ["Selasa, 20 Agustus 2024", "10.00 – 11.30 WIB", "Kota Bandung, Jawa Barat"]
    merged = {str(m) for m in ws.merged_cells.ranges}
    leg_rows = [header + 1 + i for i, r in enumerate(rows) if (r[1] or "").startswith(("Perjalanan", "Kembali"))]
    assert all(f"B{r}:F{r}" in merged for r in leg_rows)  # a leg reads across the row
    assert all(ws.cell(r, 2).font.italic for r in leg_rows)


def test_a_trip_that_does_not_return_home_has_no_return_leg():
    ws = _sheet(_doc(return_home=False))
    assert not any(str(c.value or "").startswith("Kembali") for row in ws.iter_rows() for c in row)


def test_formulas_in_user_text_are_neutralised_in_the_xlsx():
    doc = _doc(title="=HYPERLINK(\"http://x\")", note="+62 812", agenda="@SUM(A1)")
    doc.rows.loc[1, "Narasumber/Pihak yang Dijumpai"] = "-Bupati"
    ws = _sheet(doc)
    assert ws["A1"].value == "'=HYPERLINK(\"http://x\")"
    values = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Catatan: +62 812" in values  # a label in front: no formula
    assert "'@SUM(A1)" in values and "'-Bupati" in values
    assert not any(v.startswith(("=", "+", "-", "@")) for v in values)


requires_poppler = pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")


def _pdf(tmp_path, doc) -> tuple:
    path = tmp_path / "jadwal.pdf"
    path.write_bytes(schedule_files.pdf_bytes(doc))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return path, info, text


@requires_poppler
def test_the_pdf_is_one_a4_landscape_page_with_the_stops_and_legs_in_order(tmp_path):
    path, info, text = _pdf(tmp_path, _doc())
    assert "Page size:       841.89 x 595.28 pts (A4)" in info and "Pages:           1" in info
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(tmp_path / "page")], check=True)
    with Image.open(tmp_path / "page-1.png") as png:
        w, h = png.size
        assert w > h and abs(w / h - 297 / 210) < 0.01  # landscape A4 as rendered
        assert png.convert("L").getextrema()[0] < 50  # something is printed in black
    lines = [" ".join(line.split()) for line in text.splitlines()]
    order = ["Kunjungan Kerja Wakil Menteri", "Kementerian: Kementerian Dalam Negeri",
             "Tanggal: Selasa, 20 Agustus 2024 s.d. Kamis, 22 Agustus 2024", "No. Tanggal Waktu Lokasi",
             "Perjalanan Kota Administrasi Jakarta Pusat → Kota Bandung", "10.00 – 11.30 WIB Kota Bandung",
             "Perjalanan Kota Bandung → Kota Jayapura: pesawat udara, ± 9 jam 10 menit (3.721 km)", "Kota Jayapura",
             "Perjalanan Kota Jayapura → Kota Makassar", "Kota Makassar",
             "Kembali Kota Makassar → Kota Administrasi Jakarta Pusat", "Kamis, 1 Agustus 2024 09.00 WIB",
             "Halaman 1 dari 1"]
    found = [next(i for i, line in enumerate(lines) if piece in line) for piece in order]
    assert found == sorted(found), list(zip(order, found))


@requires_poppler
def test_a_long_pdf_schedule_repeats_its_header_and_numbers_every_page(tmp_path):
    order = ["32.73", "32.77", "33.74", "34.71", "35.78", "35.73", "51.71", "52.71", "53.71", "61.71", "64.72",
             "71.71", "73.71", "74.71", "75.71", "81.71", "91.71", "12.71"]
    _, info, text = _pdf(tmp_path, _doc(order, agenda="1) Mendorong kerja sama terhambat; " * 8))
    pages = text.split("\f")[:-1]
    assert len(pages) >= 2 and f"Pages:           {len(pages)}" in info
    for n, page in enumerate(pages, start=1):
        flat = " ".join(page.split())
        assert "No. Tanggal Waktu Lokasi Narasumber/Pihak yang Dijumpai Agenda" in flat
        assert f"Halaman {n} dari {len(pages)}" in flat
