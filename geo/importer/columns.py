"""The columns of each import kind and the header names offices use for them (Indonesian and English).

A visit's region may come as a name or code (``Wilayah``), a Kemendagri code (``Kode Wilayah``, ``Kode Kemendagri``)
or a BPS code (``Kode BPS``, ``kode_bps``, ``BPS``): ``REGION_FIELDS`` says which system a bare number is read in.
"""

from __future__ import annotations

import re

from geo.importer.files import Table
from geo.regions.names import normalize_name
from geo.text.messages import UserError

AGREEMENT_COLUMNS = {
    "doc_number": ["nomor dokumen", "no dokumen", "nomor kesepakatan", "nomor perjanjian", "nomor kb pks",
                   "nomor naskah", "nomor", "document number", "doc number", "number"],
    "title": ["judul", "perihal", "tentang", "judul kerja sama", "title", "subject"],
    "type": ["jenis", "jenis dokumen", "jenis kerja sama", "type", "document type"],
    "sectors": ["bidang", "sektor", "bidang kerja sama", "sector", "sectors"],
    "parties": ["pihak", "para pihak", "pihak pihak", "parties", "party"],
    "province": ["provinsi", "province"],
    "signed_on": ["tanggal penandatanganan", "tanggal tanda tangan", "tanggal ttd", "tgl ttd", "tanggal",
                  "signing date", "signed on", "date signed"],
    "start_on": ["tanggal mulai", "mulai", "berlaku mulai", "start date", "start"],
    "end_on": ["tanggal berakhir", "berakhir", "berlaku sampai", "end date", "end"],
    "value_idr": ["nilai", "nilai rp", "nilai rupiah", "nilai kerja sama", "value", "value idr", "amount"],
    "status": ["status"],
    "status_on": ["tanggal status", "status date"],
    "obstacles": ["hambatan", "kendala", "obstacles", "obstacle"],
    "obstacle_notes": ["keterangan hambatan", "catatan hambatan", "obstacle notes"],
    "visit_ref": ["kode kunjungan", "kunjungan", "visit", "visit ref"],
    "notes": ["keterangan", "catatan", "notes"],
}
VISIT_COLUMNS = {
    "ref": ["kode kunjungan", "kode", "no kunjungan", "visit ref", "visit id", "ref"],
    "official_role": ["pejabat", "jabatan", "wamen", "official", "official role"],
    "ministry": ["kementerian", "ministry"],
    "date": ["tanggal", "hari tanggal", "date"],
    "time": ["waktu", "jam", "pukul", "time"],
    "region": ["wilayah", "daerah", "kabupaten kota", "kab kota", "region"],
    "region_kemendagri": ["kode wilayah", "kode kemendagri", "kode wilayah kemendagri", "kode kemendagri wilayah",
                          "region code", "kemendagri code"],
    "region_bps": ["kode bps", "bps", "kode wilayah bps", "kode bps wilayah", "bps code"],
    "province": ["provinsi", "province"],
    "place_name": ["lokasi", "tempat", "nama tempat", "place", "location"],
    "lat": ["lintang", "latitude", "lat"],
    "lon": ["bujur", "longitude", "lon", "lng"],
    "agenda": ["agenda", "kegiatan", "acara"],
    "focus_sectors": ["bidang fokus", "bidang", "sektor", "focus sectors", "sectors"],
    "people_met": ["narasumber", "pihak yang dijumpai", "narasumber pihak yang dijumpai", "yang ditemui",
                   "people met"],
    "goals": ["tujuan", "tujuan kunjungan", "sasaran kunjungan", "goals", "visit goals"],
}
# The fields that say a visit's region, and the code system a bare number in each is read in
# (geo.regions.bps: "Kode BPS" 1101 is Simeulue, "Kode Wilayah" 1101 is Aceh Selatan); any one of them is
# the required "region".
REGION_FIELDS = {"region": None, "region_kemendagri": "kemendagri", "region_bps": "bps"}
REQUIRED = {"agreements": ["doc_number", "title", "parties"], "visits": ["official_role", "date", "region"]}
FIELD_LABELS = {
    "doc_number": "nomor dokumen", "title": "judul", "parties": "pihak", "official_role": "pejabat",
    "date": "tanggal", "region": "wilayah", "status": "status", "type": "jenis",
}
REASON_COLUMN = {"id": "alasan penolakan", "en": "rejection reason"}



def map_headers(table: Table, kind: str) -> Table:
    columns = AGREEMENT_COLUMNS if kind == "agreements" else VISIT_COLUMNS
    lookup = {normalize_name(alias): f for f, aliases in columns.items() for alias in aliases}
    table.fields, table.unknown_headers = {}, []
    for h in table.headers:
        norm = normalize_name(h)
        f = lookup.get(norm)
        if f is None and kind == "agreements" and re.fullmatch(
                r"(pihak|party)( ke)? ?(\d+|i|ii|iii|iv|v|pertama|kedua|ketiga|keempat|kelima|first|second|third)",
                norm):
            f = "parties"
        if f is None:
            if h and norm not in (normalize_name(v) for v in REASON_COLUMN.values()):
                table.unknown_headers.append(h)
            continue
        if f in table.fields.values() and f != "parties":
            table.unknown_headers.append(h)  # the first column for a field wins; this one is reported
            continue
        table.fields[h] = f
    present = set(table.fields.values()) | ({"region"} if REGION_FIELDS.keys() & set(table.fields.values()) else set())
    missing = [FIELD_LABELS.get(f, f) for f in REQUIRED[kind] if f not in present]
    if missing:
        raise UserError("column.missing", columns=", ".join(missing))
    return table


