"""Downloadable XLSX import templates: the columns, examples, and drop-down lists (types, sectors and obstacles
from the open vocabularies, ``geo.records.vocabularies``: the database's when given, else the defaults; statuses
fixed).

Every header is one the importer reads (``geo.importer.columns``), in the template's language. The lists sheet
names each list by the header of the column it feeds ("Jenis", "Bidang", "Status", "Hambatan" in Indonesian),
never by an internal key."""

from __future__ import annotations

import io

from geo.records import vocabularies
from geo.text.catalog import text
from geo.text.vocabulary import STATUSES

AGREEMENT_TEMPLATE = {
    "id": ["Nomor Dokumen", "Judul", "Jenis", "Bidang", "Pihak 1", "Pihak 2", "Pihak 3", "Provinsi",
           "Tanggal Penandatanganan", "Tanggal Mulai", "Tanggal Berakhir", "Nilai (Rp)", "Status",
           "Tanggal Status", "Hambatan", "Keterangan Hambatan", "Kode Kunjungan", "Keterangan"],
    "en": ["Document number", "Title", "Type", "Sectors", "Party 1", "Party 2", "Party 3", "Province",
           "Signing date", "Start date", "End date", "Value IDR", "Status", "Status date", "Obstacles",
           "Obstacle notes", "Visit ref", "Notes"],
}
AGREEMENT_EXAMPLE = ["119/KB/2024", "Kerja sama pengembangan pariwisata Bandung Raya", "Kesepakatan Bersama",
                     "Pariwisata", "Kota Bandung", "Kab. Bandung", "Kab. Bandung Barat", "Jawa Barat",
                     "20 Agustus 2024", "1 September 2024", "31 Agustus 2027", "Rp 1.500.000.000", "Berjalan",
                     "1 September 2024", "", "", "", ""]
VISIT_TEMPLATE = {
    "id": ["Kode Kunjungan", "Pejabat", "Kementerian", "Tanggal", "Waktu", "Wilayah", "Provinsi", "Lokasi",
           "Lintang", "Bujur", "Agenda", "Narasumber/Pihak yang Dijumpai", "Bidang Fokus"],
    "en": ["Visit ref", "Official", "Ministry", "Date", "Time", "Region", "Province", "Place", "Latitude",
           "Longitude", "Agenda", "People met", "Focus sectors"],
}
VISIT_EXAMPLE = ["KUNKER-2024-017", "Wakil Menteri Dalam Negeri", "Kementerian Dalam Negeri",
                 "Selasa, 20 Agustus 2024", "09.00 – 12.00 WIB", "Kota Bandung", "Jawa Barat",
                 "Balai Kota Bandung", "-6,9147", "107,6098", "Rapat koordinasi kerja sama Bandung Raya",
                 "Wali Kota Bandung; Bupati Bandung", "Pariwisata; Transportasi"]


# each list of the lists sheet → the agreement template's column it feeds (its header names the list)
LIST_COLUMNS = {"type": 2, "status": 12, "obstacle": 14, "sector": 3}


def list_header(name: str, lang: str = "id") -> str:
    """The header of a list on the lists sheet: the header of the column it feeds.

    >>> list_header("type"), list_header("obstacle"), list_header("sector", "en")
    ('Jenis', 'Hambatan', 'Sectors')
    """
    return AGREEMENT_TEMPLATE.get(lang, AGREEMENT_TEMPLATE["id"])[LIST_COLUMNS[name]]


def template_xlsx(kind: str, lang: str = "id", known=None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    lists = wb.create_sheet(text("importer.lists_sheet", lang))
    known = known or vocabularies.defaults()
    vocab = {
        "type": [known.label("agreement_type", k, lang) for k in known.options("agreement_type")],
        "status": [v[lang] for v in STATUSES.values()],
        "obstacle": [known.label("obstacle", k, lang) for k in known.options("obstacle")],
        "sector": [known.label("sector", k, lang) for k in known.options("sector")],
    }
    for col, (name, values) in enumerate(vocab.items(), start=1):
        lists.cell(row=1, column=col, value=list_header(name, lang)).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=col, value=value)
    headers = (AGREEMENT_TEMPLATE if kind == "agreements" else VISIT_TEMPLATE)[lang]
    example = AGREEMENT_EXAMPLE if kind == "agreements" else VISIT_EXAMPLE
    ws.append(headers)
    ws.append(example)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for i, h in enumerate(headers, start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = max(14, len(h) + 4)

    def dropdown(header_index: int, vocab_col: str, count: int) -> None:
        letter = ws.cell(row=1, column=header_index + 1).column_letter
        ref = f"{lists.title}!${vocab_col}$2:${vocab_col}${count + 1}"
        dv = DataValidation(type="list", formula1=ref, allow_blank=True, showErrorMessage=False)
        ws.add_data_validation(dv)
        dv.add(f"{letter}2:{letter}5000")

    if kind == "agreements":
        dropdown(2, "A", len(vocab["type"]))
        dropdown(3, "D", len(vocab["sector"]))
        dropdown(12, "B", len(vocab["status"]))
        dropdown(14, "C", len(vocab["obstacle"]))
    else:
        dropdown(12, "D", len(vocab["sector"]))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
