"""The words of the downloadable XLSX import templates (``geo.importer.templates``) and of what each imported cell
was read as (``geo.importer.readings``: ``importer.read.*`` labels, ``importer.how.*`` why a region was read so).

The column headers of a template are not here: they must be the headers the importer recognises
(``geo.importer.columns``), so they stay next to it. Keys start with ``importer.``.
"""

from __future__ import annotations

WORDS = {
    "importer.lists_sheet": {"id": "Daftar", "en": "Lists"},
    "importer.read.field.region": {"id": "Wilayah", "en": "Region"},
    "importer.read.field.party": {"id": "Pihak", "en": "Party"},
    "importer.read.field.place": {"id": "Lokasi", "en": "Place"},
    "importer.read.field.date": {"id": "Tanggal", "en": "Date"},
    "importer.read.field.signed_on": {"id": "Tanggal tanda tangan", "en": "Signed on"},
    "importer.read.field.start_on": {"id": "Tanggal mulai", "en": "Start date"},
    "importer.read.field.end_on": {"id": "Tanggal berakhir", "en": "End date"},
    "importer.read.field.status_on": {"id": "Tanggal status", "en": "Status date"},
    "importer.read.field.amount": {"id": "Nilai", "en": "Amount"},
    "importer.read.field.coordinates": {"id": "Koordinat", "en": "Coordinates"},
    "importer.read.field.sector": {"id": "Bidang", "en": "Sector"},
    "importer.read.field.agreement_type": {"id": "Jenis", "en": "Type"},
    "importer.read.field.obstacle": {"id": "Hambatan", "en": "Obstacle"},
    "importer.how.fuzzy": {"id": "ejaan mirip", "en": "close spelling"},
    "importer.how.no_dots": {"id": "kode Kemendagri tanpa titik", "en": "Kemendagri code without dots"},
    "importer.how.bps": {"id": "kode BPS {code}", "en": "BPS code {code}"},
    "importer.how.other_name": {"id": "nama lain atau singkatan", "en": "another name or an abbreviation"},
    "importer.how.place_village": {"id": "desa/kelurahan di {region}", "en": "village in {region}"},
    "importer.how.place_district": {"id": "kecamatan di {region}", "en": "district in {region}"},
    "importer.how.place_kept": {
        "id": "bukan nama wilayah: disimpan sebagai nama tempat", "en": "not a region: kept as the place name"},
    "importer.how.swapped": {"id": "lintang dan bujur ditukar", "en": "latitude and longitude swapped"},
}
