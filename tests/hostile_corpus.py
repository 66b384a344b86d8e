"""The corpus of hostile and broken import files (tests/data/hostile/).

    python -m tests.hostile_corpus     # (re)writes the small files, which are committed

Huge files (over the size limit, a huge row) are made at test time by ``huge_files``.
Each entry of ``EXPECTED`` says what importing the file must give: a file-level error key, or the
rows accepted and the error keys of the rejected ones.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "data" / "hostile"
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
GOOD_A = "Nomor;Judul;Jenis;Pihak 1;Pihak 2;Tanggal;Nilai;Catatan\n"


def _agreements(rows: list[list[str]]) -> bytes:
    return (GOOD_A + "".join(";".join(r) + "\n" for r in rows)).encode("utf-8")


def _visits(rows: list[list[str]]) -> bytes:
    head = "Kode Kunjungan;Pejabat;Tanggal;Waktu;Wilayah;Lokasi;Agenda;Narasumber\n"
    return (head + "".join(";".join(r) + "\n" for r in rows)).encode("utf-8")


def _xlsx(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _zip_bomb() -> bytes:
    """A workbook-shaped zip whose sheet declares 64 MB that compress to about 64 KB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("xl/worksheets/sheet1.xml", b" " * (64 * 2 ** 20))
    return out.getvalue()


def files() -> dict[str, bytes]:
    rng = random.Random(8)
    latin = "Nomor;Judul;Pihak 1;Pihak 2\n1/KB/2025;Kerja sama caf\u00e9 dan p\u00e2tisserie;Kota Bandung;Kab. Bandung\n"
    mojibake = latin.encode("utf-8").decode("latin-1")  # UTF-8 read as Latin-1 and saved again
    utf16 = "Nomor\tJudul\tPihak 1\tPihak 2\n2/KB/2025\tKerja sama Unicode \u2013 \u00e9\tKota Bandung\tKab. Bandung\n"
    return {
        "empty.csv": b"",
        "only_header.csv": GOOD_A.encode(),
        "blank_lines.csv": b"\n\n ; ; \n\n",
        "garbage.csv": bytes(rng.randrange(256) for _ in range(3000)),
        "garbage.xlsx": bytes(rng.randrange(256) for _ in range(3000)),
        "truncated_zip.xlsx": _xlsx([["Nomor", "Judul"], ["1", "a"]])[:700],
        "not_a_workbook.xlsx": b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(500)),
        "utf16_bom.csv": utf16.encode("utf-16"),
        "utf16_no_bom.csv": utf16.encode("utf-16-le"),
        "latin1.csv": latin.encode("latin-1"),
        "mojibake.csv": mojibake.encode("utf-8").replace("Kota Bandung".encode(), "Kota Bandung\u00c3\u00a9".encode()),
        "undecodable.csv": b"Nomor;Judul\n1;\x81\x8d\x8f\x90\x9d\n",
        "nul_inside.csv": _agreements([["3/KB/2025", "Judul", "KB", "Kota Bandung", "Kab. Bandung", "", "", ""]])
        + b"4/KB/2025;Ju\x00dul;KB;Kota Bandung;Kab. Bandung;;;\n",
        "formulas.csv": _agreements([
            ["5/KB/2025", '=HYPERLINK("http://contoh.invalid","klik")', "KB", "Kota Bandung", "Kab. Bandung", "", "",
             "+cmd|' /C calc'!A0"],
            ["6/KB/2025", "@SUM(1+1)", "KB", "Kota Bandung", "Kab. Bandung", "", "", "-2+3"]]),
        "formulas.xlsx": _xlsx([["Nomor", "Judul", "Pihak 1", "Pihak 2", "Nilai"],
                                ["7/KB/2025", "=1+1", "Kota Bandung", "Kab. Bandung", "=10*10"],
                                ["8/KB/2025", "Biasa", "Kota Bandung", "Kab. Bandung", 1000]]),
        "html_agreements.csv": _agreements([
            ["9/KB/2025" + XSS, XSS, "KB", "Kota Bandung", XSS + " Universitas", "", "", XSS],
            ["10/KB/2025", XSS, "KB", "Kota Bandung", "Kab. Bandung" + XSS, "", "", XSS]]),
        "html_visits.csv": _visits([
            ["KUNKER-X1", "Wakil Menteri Dalam Negeri", "20/08/2024", "09.00 - 12.00 WIB", "Kota Bandung", XSS, XSS,
             XSS],
            ["KUNKER-X2", XSS, "21/08/2024", "09.00", XSS, "", "", ""]]),
        "impossible.csv": _agreements([
            ["11/KB/2025", "Tanggal mustahil", "KB", "Kota Bandung", "Kab. Bandung", "31/02/2024", "", ""],
            ["12/KB/2025", "Tahun purba", "KB", "Kota Bandung", "Kab. Bandung", "12/03/1800", "", ""],
            ["13/KB/2025", "Nilai tak hingga", "KB", "Kota Bandung", "Kab. Bandung", "", "Rp 1e999", ""],
            ["14/KB/2025", "Nilai negatif", "KB", "Kota Bandung", "Kab. Bandung", "", "-5.000", ""],
            ["15/KB/2025", "Nilai raksasa", "KB", "Kota Bandung", "Kab. Bandung", "", "9" * 30, ""],
            ["16/KB/2025", "Bukan angka", "KB", "Kota Bandung", "Kab. Bandung", "", "NaN", ""],
            ["17/KB/2025", "Tanggal 99", "KB", "Kota Bandung", "Kab. Bandung", "99/99/9999", "", ""],
            ["18/KB/2025", "Baik", "KB", "Kota Bandung", "Kab. Bandung", "01/03/2024", "Rp 1.500.000", ""]]),
        "impossible_visits.csv": _visits([
            ["KUNKER-T1", "Wakil Menteri Dalam Negeri", "30/02/2024", "09.00", "Kota Bandung", "", "", ""],
            ["KUNKER-T2", "Wakil Menteri Dalam Negeri", "20/08/2024", "25.99", "Kota Bandung", "", "", ""],
            ["KUNKER-T3", "Wakil Menteri Dalam Negeri", "20/08/2024", "12.00 - 09.00", "Kota Bandung", "", "", ""]]),
        "duplicates.csv": _agreements([
            ["19/KB/2025", "Sama", "KB", "Kota Bandung", "Kab. Bandung", "", "", ""],
            ["19/KB/2025", "Sama", "KB", "Kota Bandung", "Kab. Bandung", "", "", ""],
            ["20/KB/2025", "Versi satu", "KB", "Kota Bandung", "Kab. Bandung", "", "", ""],
            ["20/KB/2025", "Versi dua", "KB", "Kota Bandung", "Kab. Garut", "", "", ""]]),
        "visits_conflict.csv": _visits([
            ["KUNKER-C1", "Wakil Menteri Dalam Negeri", "20/08/2024", "09.00", "Kota Bandung", "", "", ""],
            ["KUNKER-C1", "Wakil Menteri Pertanian", "20/08/2024", "13.00", "Kab. Bandung", "", "", ""],
            ["KUNKER-C2", "Wakil Menteri Pertanian", "22/08/2024", "09.00", "Kab. Garut", "", "", ""]]),
        "unknown_columns.csv": ("Nomor;Judul;Pihak 1;Pihak 2;Kolom Rahasia;" + XSS + "\n"
                                "21/KB/2025;Baik;Kota Bandung;Kab. Bandung;x;y\n").encode(),
        "missing_columns.csv": b"Judul;Catatan\nTanpa nomor dan pihak;x\n",
        "too_long_fields.csv": _agreements([
            ["22/KB/2025" + "9" * 400, "Nomor terlalu panjang", "KB", "Kota Bandung", "Kab. Bandung", "", "", ""],
            ["23/KB/2025", "Mitra terlalu panjang", "KB", "Kota Bandung", "Universitas " + "A" * 400, "", "", ""]]),
        "zip_bomb.xlsx": _zip_bomb(),
    }


# file -> ("error", key) for a refused file, or ("rows", accepted rows, {error keys of the rejected rows})
EXPECTED = {
    "empty.csv": ("error", "file.empty"),
    "only_header.csv": ("error", "file.empty"),
    "blank_lines.csv": ("error", "file.empty"),
    "garbage.csv": ("error", "file.unreadable"),
    "garbage.xlsx": ("error", "file.unreadable"),
    "truncated_zip.xlsx": ("error", "file.unreadable"),
    "not_a_workbook.xlsx": ("error", "file.unreadable"),
    "utf16_bom.csv": ("rows", 1, set()),
    "utf16_no_bom.csv": ("error", "file.unreadable"),
    "latin1.csv": ("rows", 1, set()),
    "mojibake.csv": ("rows", 1, set()),  # stored as typed; the stray characters do not stop the region match
    "undecodable.csv": ("error", "file.unreadable"),
    "nul_inside.csv": ("error", "file.unreadable"),
    "formulas.csv": ("rows", 2, set()),
    "formulas.xlsx": ("rows", 1, {"field.required"}),
    "html_agreements.csv": ("rows", 1, {"region.unknown", "region.unknown_hint"}),
    "html_visits.csv": ("rows", 1, {"region.unknown", "region.unknown_hint"}),
    "impossible.csv": ("rows", 1, {"date.impossible", "date.range", "date.bad", "money.bad", "money.negative"}),
    "impossible_visits.csv": ("rows", 0, {"date.impossible", "time.bad", "time.order"}),
    "duplicates.csv": ("rows", 2, {"row.duplicate"}),
    "visits_conflict.csv": ("rows", 1, {"visit.conflict"}),
    "unknown_columns.csv": ("rows", 1, set()),
    "missing_columns.csv": ("error", "column.missing"),
    "too_long_fields.csv": ("rows", 0, {"field.too_long"}),
    "zip_bomb.xlsx": ("error", "file.zip_bomb"),
}


def kind_of(name: str) -> str:
    return "visits" if "visit" in name else "agreements"


def _with_long_cell(workbook: bytes) -> bytes:
    """The workbook with one cell of 200,000 characters, more than Excel (and openpyxl's writer) allow."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info, data.replace(b"PANJANG", b"Y" * 200_000))
    return out.getvalue()


def huge_files(folder: Path) -> dict[str, tuple[Path, tuple]]:
    """Files too big to commit: one over the default 50 MB limit (sparse, so cheap), and a 1 MB cell."""
    folder.mkdir(parents=True, exist_ok=True)
    huge = folder / "huge_file.csv"
    with huge.open("wb") as fh:
        fh.write(GOOD_A.encode())
        fh.truncate(60 * 2 ** 20)
    row = folder / "huge_row.csv"
    row.write_bytes(_agreements([["24/KB/2025", "X" * 2 ** 20, "KB", "Kota Bandung", "Kab. Bandung", "", "", ""]]))
    wide = folder / "huge_row.xlsx"
    wide.write_bytes(_with_long_cell(_xlsx([["Nomor", "Judul", "Pihak 1", "Pihak 2"],
                                            ["25/KB/2025", "PANJANG", "Kota Bandung", "Kab. Bandung"]])))
    return {"huge_file.csv": (huge, ("error", "file.too_big")),
            "huge_row.csv": (row, ("error", "file.cell_too_long")),
            "huge_row.xlsx": (wide, ("error", "file.cell_too_long"))}


if __name__ == "__main__":
    HERE.mkdir(parents=True, exist_ok=True)
    for name, data in files().items():
        (HERE / name).write_bytes(data)
    print(f"{len(files())} files in {HERE}")
