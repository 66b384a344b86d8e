"""Messages the engine gives users (import errors and the like), in Indonesian and English.

The engine raises or returns message keys with parameters; pages and the
command line turn them into text in the user's language with ``message``.
"""

from __future__ import annotations

MESSAGES = {
    "value.empty": {"id": "kosong", "en": "empty"},
    "money.bad": {"id": "nilai rupiah tidak dapat dibaca: {text!r}", "en": "unreadable rupiah amount: {text!r}"},
    "money.negative": {"id": "nilai rupiah tidak boleh negatif: {text!r}", "en": "rupiah amount cannot be negative: {text!r}"},
    "date.bad": {"id": "tanggal tidak dapat dibaca: {text!r}", "en": "unreadable date: {text!r}"},
    "date.impossible": {"id": "tanggal tidak ada: {text!r}", "en": "no such date: {text!r}"},
    "date.range": {"id": "tanggal di luar rentang wajar (1945–2100): {text!r}",
                   "en": "date outside the plausible range (1945–2100): {text!r}"},
    "time.bad": {"id": "waktu tidak dapat dibaca: {text!r}", "en": "unreadable time: {text!r}"},
    "time.order": {"id": "waktu selesai sebelum waktu mulai: {text!r}", "en": "end time before start time: {text!r}"},
    "tz.bad": {"id": "zona waktu harus WIB, WITA atau WIT: {text!r}", "en": "time zone must be WIB, WITA or WIT: {text!r}"},
    "column.missing": {"id": "kolom wajib tidak ada: {columns}", "en": "required column missing: {columns}"},
    "field.required": {"id": "{field} wajib diisi", "en": "{field} is required"},
    "region.ambiguous": {"id": "wilayah {text!r} ambigu; maksudnya salah satu dari: {candidates}",
                         "en": "region {text!r} is ambiguous; did you mean one of: {candidates}"},
    "region.unknown": {"id": "wilayah {text!r} tidak dikenal", "en": "unknown region {text!r}"},
    "region.unknown_hint": {"id": "wilayah {text!r} tidak dikenal; mungkin: {candidates}",
                            "en": "unknown region {text!r}; perhaps: {candidates}"},
    "region.level": {"id": "{text!r} harus provinsi atau kabupaten/kota", "en": "{text!r} must be a province or regency/city"},
    "parties.few": {"id": "perjanjian butuh sedikitnya dua pihak, satu di antaranya daerah",
                    "en": "an agreement needs at least two parties, one of them a region"},
    "type.bad": {"id": "jenis dokumen tidak dikenal: {text!r} (KB, PKS, lainnya)",
                 "en": "unknown document type: {text!r} (KB, PKS, other)"},
    "status.bad": {"id": "status tidak dikenal: {text!r}", "en": "unknown status: {text!r}"},
    "obstacle.bad": {"id": "hambatan tidak dikenal: {text!r}", "en": "unknown obstacle: {text!r}"},
    "sector.bad": {"id": "bidang tidak dikenal: {text!r}", "en": "unknown sector: {text!r}"},
    "dates.order": {"id": "tanggal berakhir sebelum tanggal mulai", "en": "end date before start date"},
    "file.unreadable": {"id": "berkas tidak dapat dibaca: {reason}", "en": "the file cannot be read: {reason}"},
    "file.empty": {"id": "berkas tidak berisi baris data", "en": "the file has no data rows"},
    "row.duplicate": {"id": "baris ganda dengan kunci {record!r} (baris {first})",
                      "en": "duplicate row for key {record!r} (row {first})"},
    "record.conflict": {"id": "data ini telah diubah oleh pengguna lain; muat ulang lalu ulangi perubahan Anda",
                        "en": "someone else changed this record; reload it and make your change again"},
    "number.bad": {"id": "angka tidak dapat dibaca: {text!r}", "en": "unreadable number: {text!r}"},
    "row.extra_cells": {"id": "baris ini punya sel lebih banyak dari judul kolom (pemisah desimal/ribuan ikut "
                                "memisah?): {cells}",
                        "en": "this row has more cells than there are column headers (a separator inside a "
                              "number?): {cells}"},
    "visit.row_rejected": {"id": "baris lain kunjungan {ref!r} ditolak; seluruh kunjungan menunggu perbaikan",
                           "en": "another row of visit {ref!r} was rejected; the whole visit waits for the fix"},
    "visit.unknown": {"id": "kunjungan {ref!r} belum ada; impor kunjungan lebih dulu",
                      "en": "visit {ref!r} does not exist; import the visits first"},
    "coords.bad": {"id": "koordinat di luar Indonesia: {text!r}", "en": "coordinates outside Indonesia: {text!r}"},
    # planner
    "plan.too_long": {"id": "{n} lokasi tidak muat dalam {days} hari; tambah hari, pilih dua lokasi sehari, "
                            "atau kurangi lokasi",
                      "en": "{n} places do not fit in {days} days; add days, allow two stops a day, or drop places"},
    "plan.rows": {"id": "jadwal harus berisi satu baris per lokasi yang dipilih",
                  "en": "the schedule must have one row per chosen place"},
    "plan.cell_empty": {"id": "jadwal baris {row}: kolom {column!r} wajib diisi",
                         "en": "schedule row {row}: the column {column!r} must be filled in"},
    "plan.empty": {"id": "pilih sedikitnya satu lokasi", "en": "choose at least one place"},
    "plan.ref_taken": {"id": "kode {ref!r} sudah dipakai kunjungan yang telah terlaksana",
                       "en": "reference {ref!r} belongs to a visit that took place"},
    # access control (issue 8)
    "access.login_required": {"id": "silakan masuk (login) sebagai {role} untuk melakukan ini",
                              "en": "please log in as {role} to do this"},
    "access.denied": {"id": "{user} ({has}) tidak berhak melakukan ini; perlu peran {role}",
                      "en": "{user} ({has}) may not do this; it needs the {role} role"},
    "auth.failed": {"id": "nama pengguna atau kata sandi salah", "en": "wrong user name or password"},
    "auth.throttled": {"id": "terlalu banyak percobaan gagal; coba lagi dalam {seconds} detik",
                       "en": "too many failed attempts; try again in {seconds} seconds"},
    "user.bad_name": {"id": "nama pengguna tidak sah: {name!r} (2–64 huruf kecil, angka, titik, garis bawah, "
                              "tanda hubung)",
                      "en": "invalid user name: {name!r} (2–64 lower-case letters, digits, dot, underscore, hyphen)"},
    "user.weak_password": {"id": "kata sandi minimal {n} karakter dan tidak sama dengan nama pengguna",
                           "en": "the password needs at least {n} characters and must differ from the user name"},
    "user.bad_role": {"id": "peran tidak dikenal: {role!r} ({roles})", "en": "unknown role: {role!r} ({roles})"},
    "user.exists": {"id": "pengguna {name!r} sudah ada", "en": "user {name!r} already exists"},
    "user.unknown": {"id": "pengguna {name!r} tidak ada", "en": "no user {name!r}"},
    "user.last_admin": {"id": "admin aktif terakhir tidak dapat dihapus, dinonaktifkan atau diturunkan",
                        "en": "the last active admin cannot be removed, disabled or demoted"},
    "user.bootstrap_closed": {"id": "sudah ada admin; masuk sebagai admin untuk menambah pengguna (--user)",
                              "en": "an admin exists already; log in as an admin to add users (--user)"},
    "file.too_big": {"id": "berkas terlalu besar: {size} MB; batasnya {limit} MB (SINERGI_MAX_IMPORT_MB)",
                     "en": "the file is too large: {size} MB; the limit is {limit} MB (SINERGI_MAX_IMPORT_MB)"},
    "file.zip_bomb": {"id": "berkas XLSX mencurigakan: isinya mengembang menjadi {size} MB (bom zip?)",
                      "en": "suspicious XLSX file: its content expands to {size} MB (a zip bomb?)"},
    "file.cell_too_long": {"id": "ada sel yang terlalu panjang (lebih dari {n} karakter)",
                           "en": "a cell is too long (more than {n} characters)"},
    "field.too_long": {"id": "{field} terlalu panjang (lebih dari {n} karakter)",
                       "en": "{field} is too long (more than {n} characters)"},
    "field.bad_char": {"id": "{field} berisi karakter yang tidak dapat disimpan (NUL atau kode rusak)",
                       "en": "{field} holds characters that cannot be stored (NUL or broken code points)"},
    "import.refused": {"id": "basis data menolak impor ini; tidak ada yang disimpan ({reason})",
                       "en": "the database refused this import; nothing was saved ({reason})"},
    "visit.conflict": {"id": "baris-baris kunjungan {ref!r} tidak sepakat tentang {field}",
                       "en": "the rows of visit {ref!r} disagree on {field}"},
    "sample.real_data": {"id": "basis data berisi {n} data nyata; contoh simulasi tidak akan menggantikannya "
                                "(cadangkan dulu, lalu gunakan --force bila memang ingin menghapusnya)",
                         "en": "the database holds {n} real records; the simulated sample will not replace them "
                               "(back up first, then use --force if you really mean to delete them)"},
    # briefings (python -m geo brief)
    "brief.period": {"id": "periode tidak dapat dibaca: {text!r} (contoh: 2021:2025 atau 2021-01:2025-06)",
                     "en": "unreadable period: {text!r} (for example 2021:2025 or 2021-01:2025-06)"},
    "brief.plan": {"id": "tidak ada rencana kunjungan dengan kode {text!r} (simpan dulu di Perencana Kunjungan)",
                   "en": "no planned visit with reference {text!r} (save it in the visit planner first)"},
    "brief.extension": {"id": "format berkas tidak dikenal: {text!r} (pilih .pptx, .pdf, .png atau .svg)",
                        "en": "unknown file format: {text!r} (choose .pptx, .pdf, .png or .svg)"},
    "brief.score_district": {"id": "skor dampak dihitung untuk provinsi dan kabupaten/kota; di tingkat kecamatan "
                                   "datanya terlalu sedikit untuk perbandingan yang jujur. Pilih ukuran lain "
                                   "(--metric) atau tingkat kabupaten/kota (--level regency)",
                             "en": "impact scores are computed for provinces and regencies/cities; districts have too "
                                   "little data for an honest comparison. Choose another measure (--metric) or the "
                                   "regency/city level (--level regency)"},
    "file.no_folder": {"id": "folder {text!r} tidak ada; buat dulu foldernya atau pilih tempat lain",
                       "en": "the folder {text!r} does not exist; create it first or choose another place"},
    "file.not_written": {"id": "berkas {text!r} tidak dapat ditulis: {reason}",
                         "en": "the file {text!r} cannot be written: {reason}"},
    # records refused by the database (geo.records.write)
    "record.refused": {"id": "basis data menolak menyimpan {record!r}: data ini bertabrakan dengan perubahan lain "
                              "yang baru disimpan; tidak ada yang berubah. Muat ulang lalu ulangi.",
                       "en": "the database refused to save {record!r}: it collides with another change just saved; "
                             "nothing changed. Reload and try again."},
    "import.concurrent": {"id": "Impor bertabrakan dengan perubahan lain yang baru disimpan; tidak ada yang "
                                "berubah. Ulangi pratinjau lalu simpan lagi.",
                          "en": "The import collided with another change just saved; nothing changed. "
                                "Run the preview again and save."},
}


def message(key: str, lang: str = "id", **params) -> str:
    entry = MESSAGES[key]
    return entry.get(lang, entry["id"]).format(**params)


class UserError(ValueError):
    """An error caused by the user's input, carrying a translatable message."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(message(key, "en", **params))

    def text(self, lang: str = "id") -> str:
        return message(self.key, lang, **self.params)
