"""Messages the engine gives users: import errors, refused actions, failed logins and the like.

The engine raises ``geo.text.messages.UserError(key, **params)`` with the key without its ``message.`` prefix;
pages and the command line turn it into the user's language. Parameters are the user's own text quoted with
``!r`` (``{text!r}``) so that an unreadable value shows exactly as typed.
"""

from __future__ import annotations

WORDS = {
    "message.value.empty": {"id": "kosong", "en": "empty"},
    "message.money.bad": {
        "id": "nilai rupiah tidak dapat dibaca: {text!r}",
        "en": "unreadable rupiah amount: {text!r}"},
    "message.money.negative": {
        "id": "nilai rupiah tidak boleh negatif: {text!r}",
        "en": "rupiah amount cannot be negative: {text!r}"},
    "message.date.bad": {"id": "tanggal tidak dapat dibaca: {text!r}", "en": "unreadable date: {text!r}"},
    "message.date.impossible": {"id": "tanggal tidak ada: {text!r}", "en": "no such date: {text!r}"},
    "message.date.range": {
        "id": "tanggal di luar rentang wajar (1945–2100): {text!r}",
        "en": "date outside the plausible range (1945–2100): {text!r}"},
    "message.time.bad": {"id": "waktu tidak dapat dibaca: {text!r}", "en": "unreadable time: {text!r}"},
    "message.time.order": {
        "id": "waktu selesai sebelum waktu mulai: {text!r}",
        "en": "end time before start time: {text!r}"},
    "message.tz.bad": {
        "id": "zona waktu harus WIB, WITA atau WIT: {text!r}",
        "en": "time zone must be WIB, WITA or WIT: {text!r}"},
    "message.column.missing": {"id": "kolom wajib tidak ada: {columns}", "en": "required column missing: {columns}"},
    "message.field.required": {"id": "{field} wajib diisi", "en": "{field} is required"},
    "message.region.ambiguous": {
        "id": "wilayah {text!r} ambigu; maksudnya salah satu dari: {candidates}",
        "en": "region {text!r} is ambiguous; did you mean one of: {candidates}"},
    "message.region.unknown": {"id": "wilayah {text!r} tidak dikenal", "en": "unknown region {text!r}"},
    "message.region.unknown_hint": {
        "id": "wilayah {text!r} tidak dikenal; mungkin: {candidates}",
        "en": "unknown region {text!r}; perhaps: {candidates}"},
    "message.region.code_ambiguous": {
        "id": "kode {text!r} berarti {bps} menurut BPS tetapi {kemendagri} menurut Kemendagri; tulis kodenya "
              "di kolom \"Kode BPS\" atau \"Kode Kemendagri\", atau dengan titik (32.73)",
        "en": "code {text!r} means {bps} in BPS codes but {kemendagri} in Kemendagri codes; put it in a column "
              "headed \"Kode BPS\" or \"Kode Kemendagri\", or write it with dots (32.73)"},
    "message.region.columns_disagree": {
        "id": "kolom wilayah menyebut daerah yang berbeda: {regions}",
        "en": "the region columns name different regions: {regions}"},
    "message.region.level": {
        "id": "{text!r} harus provinsi atau kabupaten/kota",
        "en": "{text!r} must be a province or regency/city"},
    "message.parties.few": {
        "id": "perjanjian butuh sedikitnya dua pihak, satu di antaranya daerah",
        "en": "an agreement needs at least two parties, one of them a region"},
    "message.type.bad": {
        "id": "jenis dokumen tidak dikenal: {text!r} (KB, PKS, lainnya)",
        "en": "unknown document type: {text!r} (KB, PKS, other)"},
    "message.status.bad": {"id": "status tidak dikenal: {text!r}", "en": "unknown status: {text!r}"},
    "message.obstacle.bad": {"id": "hambatan tidak dikenal: {text!r}", "en": "unknown obstacle: {text!r}"},
    "message.goal.bad": {"id": "tujuan kunjungan tidak dikenal: {text!r}", "en": "unknown visit goal: {text!r}"},
    "message.kpi.frequency": {"id": "frekuensi pembacaan harus bulanan atau triwulanan, bukan {text!r}",
                              "en": "the reading frequency must be monthly or quarterly, not {text!r}"},
    "message.kpi.numbers": {"id": "baseline dan target indikator harus berupa angka",
                            "en": "the indicator's baseline and target must be numbers"},
    "message.report.period": {"id": "periode laporan tidak dikenal: {text!r} (contoh: 2026-Q3 atau 2026-09)",
                              "en": "unknown report period: {text!r} (for example 2026-Q3 or 2026-09)"},
    "message.report.extension": {"id": "laporan ditulis sebagai .pdf atau .xlsx, bukan {text!r}",
                                 "en": "the report is written as .pdf or .xlsx, not {text!r}"},
    "message.sector.bad": {"id": "bidang tidak dikenal: {text!r}", "en": "unknown sector: {text!r}"},
    # open vocabularies (issue 14): a label nothing knows comes in as written, flagged for an admin
    "message.vocabulary.review.sector": {
        "id": "bidang {text!r} belum dikenal: dimasukkan apa adanya, perlu ditinjau admin",
        "en": "sector {text!r} is not known yet: kept as written, needs an admin's review"},
    "message.vocabulary.review.agreement_type": {
        "id": "jenis dokumen {text!r} belum dikenal: dimasukkan apa adanya, perlu ditinjau admin",
        "en": "document type {text!r} is not known yet: kept as written, needs an admin's review"},
    "message.vocabulary.review.obstacle": {
        "id": "hambatan {text!r} belum dikenal: dimasukkan apa adanya, perlu ditinjau admin",
        "en": "obstacle {text!r} is not known yet: kept as written, needs an admin's review"},
    "message.vocabulary.kind": {"id": "jenis kosakata tidak dikenal: {kind!r}", "en": "unknown vocabulary: {kind!r}"},
    "message.vocabulary.unknown_key": {"id": "istilah tidak ada: {term!r}", "en": "no such term: {term!r}"},
    "message.vocabulary.exists": {
        "id": "{text!r} sudah dipakai oleh istilah {term!r}", "en": "{text!r} already names the term {term!r}"},
    "message.vocabulary.alias_taken": {
        "id": "{alias!r} adalah label istilah lain ({term!r}); gabungkan istilahnya bila maksudnya sama",
        "en": "{alias!r} is the label of another term ({term!r}); merge the terms if they mean the same"},
    "message.vocabulary.same": {
        "id": "istilah tidak dapat digabung ke dirinya sendiri: {term!r}",
        "en": "a term cannot be merged into itself: {term!r}"},
    "message.vocabulary.not_review": {
        "id": "{term!r} bukan label yang perlu ditinjau", "en": "{term!r} is not a label awaiting review"},
    "message.dates.order": {"id": "tanggal berakhir sebelum tanggal mulai", "en": "end date before start date"},
    "message.file.unreadable": {"id": "berkas tidak dapat dibaca: {reason}", "en": "the file cannot be read: {reason}"},
    "message.file.empty": {"id": "berkas tidak berisi baris data", "en": "the file has no data rows"},
    "message.row.duplicate": {
        "id": "baris ganda dengan kunci {record!r} (baris {first})",
        "en": "duplicate row for key {record!r} (row {first})"},
    "message.record.conflict": {
        "id": "data ini telah diubah oleh pengguna lain; muat ulang lalu ulangi perubahan Anda",
        "en": "someone else changed this record; reload it and make your change again"},
    "message.number.bad": {"id": "angka tidak dapat dibaca: {text!r}", "en": "unreadable number: {text!r}"},
    "message.row.extra_cells": {
        "id": "baris ini punya sel lebih banyak dari judul kolom (pemisah desimal/ribuan ikut memisah?): {cells}",
        "en": "this row has more cells than there are column headers (a separator inside a number?): {cells}"},
    "message.visit.row_rejected": {
        "id": "baris lain kunjungan {ref!r} ditolak; seluruh kunjungan menunggu perbaikan",
        "en": "another row of visit {ref!r} was rejected; the whole visit waits for the fix"},
    "message.visit.unknown": {
        "id": "kunjungan {ref!r} belum ada; impor kunjungan lebih dulu",
        "en": "visit {ref!r} does not exist; import the visits first"},
    "message.coords.bad": {
        "id": "koordinat di luar Indonesia: {text!r}",
        "en": "coordinates outside Indonesia: {text!r}"},
    "message.coords.outside": {
        "id": "koordinat {lat}, {lon} berada {km} km di luar {region}; periksa lokasinya",
        "en": "the coordinates {lat}, {lon} lie {km} km outside {region}; check the place"},
    "message.coords.swapped": {
        "id": "lintang dan bujur tampaknya tertukar ({text!r}); dibaca sebagai {lat}, {lon}; periksa",
        "en": "latitude and longitude seem to be swapped ({text!r}); read as {lat}, {lon}; please check"},
    "message.date.weekday": {
        "id": "hari {written!r} tidak cocok dengan tanggal {date}, yang jatuh pada hari {actual}",
        "en": "the weekday {written!r} does not match the date {date}, which is a {actual}"},
    "message.place.not_found": {
        "id": "{place!r} tidak ditemukan di {region}; disimpan sebagai nama tempat di {region}",
        "en": "{place!r} was not found in {region}; kept as a place name in {region}"},
    "message.place.ambiguous": {
        "id": "{place!r} ada lebih dari satu di {region}: {candidates}; disimpan di tingkat {region}",
        "en": "there is more than one {place!r} in {region}: {candidates}; kept at the level of {region}"},
    # planner
    "message.plan.too_long": {
        "id": "{n} lokasi tidak muat dalam {days} hari; tambah hari, pilih dua lokasi sehari, atau kurangi lokasi",
        "en": "{n} places do not fit in {days} days; add days, allow two stops a day, or drop places"},
    "message.plan.too_long_two": {
        "id": "{n} lokasi tidak muat dalam {days} hari, juga dengan dua lokasi sehari (perjalanan di antaranya ikut "
              "dihitung); tambah hari atau kurangi lokasi",
        "en": "{n} places do not fit in {days} days, even with two stops a day (the travel between them counts "
              "too); add days or drop places"},
    "message.plan.rows": {
        "id": "jadwal harus berisi satu baris per lokasi yang dipilih",
        "en": "the schedule must have one row per chosen place"},
    "message.plan.cell_empty": {
        "id": "jadwal baris {row}: kolom {column!r} wajib diisi",
        "en": "schedule row {row}: the column {column!r} must be filled in"},
    "message.plan.empty": {"id": "pilih sedikitnya satu lokasi", "en": "choose at least one place"},
    "message.plan.ref_taken": {
        "id": "kode {ref!r} sudah dipakai kunjungan yang telah terlaksana",
        "en": "reference {ref!r} belongs to a visit that took place"},
    # planner drafts (geo.planner.drafts)
    "message.draft.not_yours": {
        "id": "{user} tidak dapat membuka rancangan rencana milik {owner}; setiap pengguna hanya melihat rancangannya "
              "sendiri",
        "en": "{user} cannot open {owner}'s draft plan; every user sees only their own drafts"},
    "message.draft.no_plan": {
        "id": "tidak ada rencana kunjungan tersimpan dengan kode {ref!r}",
        "en": "there is no saved planned visit with reference {ref!r}"},
    # access control (issue 8)
    "message.settings.weights_keys": {"id": "Bobot skor harus berisi tepat: {keys}.",
                                      "en": "Score weights must have exactly: {keys}."},
    "message.settings.weight_range": {"id": "Bobot \"{text}\" harus angka dari 0 sampai 1.",
                                      "en": "Weight \"{text}\" must be a number from 0 to 1."},
    "message.settings.weights_zero": {"id": "Setidaknya satu bobot harus lebih dari 0.",
                                      "en": "At least one weight must be above 0."},
    "message.access.login_required": {
        "id": "silakan masuk (login) sebagai {role} untuk melakukan ini",
        "en": "please log in as {role} to do this"},
    "message.access.denied": {
        "id": "{user} ({has}) tidak berhak melakukan ini; perlu peran {role}",
        "en": "{user} ({has}) may not do this; it needs the {role} role"},
    "message.auth.failed": {"id": "nama pengguna atau kata sandi salah", "en": "wrong user name or password"},
    "message.auth.throttled": {
        "id": "terlalu banyak percobaan gagal; coba lagi dalam {seconds} detik",
        "en": "too many failed attempts; try again in {seconds} seconds"},
    "message.user.bad_name": {
        "id": "nama pengguna tidak sah: {name!r} (2–64 huruf kecil, angka, titik, garis bawah, tanda hubung)",
        "en": "invalid user name: {name!r} (2–64 lower-case letters, digits, dot, underscore, hyphen)"},
    "message.user.weak_password": {
        "id": "kata sandi minimal {n} karakter dan tidak sama dengan nama pengguna",
        "en": "the password needs at least {n} characters and must differ from the user name"},
    "message.user.bad_role": {
        "id": "peran tidak dikenal: {role!r} ({roles})",
        "en": "unknown role: {role!r} ({roles})"},
    "message.user.exists": {"id": "pengguna {name!r} sudah ada", "en": "user {name!r} already exists"},
    "message.user.unknown": {"id": "pengguna {name!r} tidak ada", "en": "no user {name!r}"},
    "message.user.last_admin": {
        "id": "admin aktif terakhir tidak dapat dihapus, dinonaktifkan atau diturunkan",
        "en": "the last active admin cannot be removed, disabled or demoted"},
    "message.user.bootstrap_closed": {
        "id": "sudah ada admin; masuk sebagai admin untuk menambah pengguna (--user)",
        "en": "an admin exists already; log in as an admin to add users (--user)"},
    "message.file.too_big": {
        "id": "berkas terlalu besar: {size} MB; batasnya {limit} MB (SINERGI_MAX_IMPORT_MB)",
        "en": "the file is too large: {size} MB; the limit is {limit} MB (SINERGI_MAX_IMPORT_MB)"},
    "message.file.zip_bomb": {
        "id": "berkas XLSX mencurigakan: isinya mengembang menjadi {size} MB (bom zip?)",
        "en": "suspicious XLSX file: its content expands to {size} MB (a zip bomb?)"},
    "message.file.cell_too_long": {
        "id": "ada sel yang terlalu panjang (lebih dari {n} karakter)",
        "en": "a cell is too long (more than {n} characters)"},
    "message.field.too_long": {
        "id": "{field} terlalu panjang (lebih dari {n} karakter)",
        "en": "{field} is too long (more than {n} characters)"},
    "message.field.bad_char": {
        "id": "{field} berisi karakter yang tidak dapat disimpan (NUL atau kode rusak)",
        "en": "{field} holds characters that cannot be stored (NUL or broken code points)"},
    "message.import.refused": {
        "id": "basis data menolak impor ini; tidak ada yang disimpan ({reason})",
        "en": "the database refused this import; nothing was saved ({reason})"},
    "message.visit.conflict": {
        "id": "baris-baris kunjungan {ref!r} tidak sepakat tentang {field}",
        "en": "the rows of visit {ref!r} disagree on {field}"},
    "message.sample.real_data": {
        "id": "basis data berisi {n} data nyata; contoh simulasi tidak akan menggantikannya (cadangkan dulu, lalu "
              "gunakan --force bila memang ingin menghapusnya)",
        "en": "the database holds {n} real records; the simulated sample will not replace them (back up first, "
              "then use --force if you really mean to delete them)"},
    # briefings (python -m geo brief)
    "message.brief.period": {
        "id": "periode tidak dapat dibaca: {text!r} (contoh: 2021:2025 atau 2021-01:2025-06)",
        "en": "unreadable period: {text!r} (for example 2021:2025 or 2021-01:2025-06)"},
    "message.brief.change_period": {
        "id": "peta perubahan membandingkan suatu periode dengan periode sebelumnya: sebutkan periodenya "
              "(--period, contoh: 2023:2024 dibanding 2021–2022)",
        "en": "the change map compares a period with the one before it: give the period (--period, for example "
              "2023:2024 against 2021–2022)"},
    "message.brief.plan": {
        "id": "tidak ada rencana kunjungan dengan kode {text!r} (simpan dulu di Perencana Kunjungan)",
        "en": "no planned visit with reference {text!r} (save it in the visit planner first)"},
    "message.brief.extension": {
        "id": "format berkas tidak dikenal: {text!r} (pilih .pptx, .pdf, .png atau .svg)",
        "en": "unknown file format: {text!r} (choose .pptx, .pdf, .png or .svg)"},
    "message.brief.score_district": {
        "id": "skor dampak dihitung untuk provinsi dan kabupaten/kota; di tingkat kecamatan datanya terlalu "
              "sedikit untuk perbandingan yang jujur. Pilih ukuran lain (--metric) atau tingkat kabupaten/kota "
              "(--level regency)",
        "en": "impact scores are computed for provinces and regencies/cities; districts have too little data for "
              "an honest comparison. Choose another measure (--metric) or the regency/city level (--level regency)"},
    # impact table (python -m geo impact)
    "message.impact.level": {
        "id": "tingkat {text!r} tidak dikenal untuk dampak kunjungan (pilih province atau regency)",
        "en": "unknown level {text!r} for the impact of visits (choose province or regency)"},
    "message.gis.extension": {
        "id": "format berkas GIS tidak dikenal: {text!r} (pilih .gpkg, .zip (Shapefile), .geojson atau .kml)",
        "en": "unknown GIS file format: {text!r} (choose .gpkg, .zip (Shapefile), .geojson or .kml)"},
    "message.gis.import_extension": {
        "id": "format batas wilayah tidak dikenal: {text!r} (pilih .zip berisi Shapefile atau .gpkg GeoPackage)",
        "en": "unknown boundary file format: {text!r} (choose a .zip holding a Shapefile or a .gpkg GeoPackage)"},
    "message.gis.unreadable": {
        "id": "berkas {text!r} tidak dapat dibaca sebagai data GIS: {reason}",
        "en": "the file {text!r} cannot be read as GIS data: {reason}"},
    "message.gis.layers": {
        "id": "berkas {text!r} berisi lebih dari satu lapisan atau tidak ada ({layers}); pilih satu dengan --layer",
        "en": "the file {text!r} holds more than one layer or none ({layers}); choose one with --layer"},
    "message.gis.no_layer": {
        "id": "lapisan {text!r} tidak ada; yang ada: {layers}",
        "en": "there is no layer {text!r}; the file has: {layers}"},
    "message.gis.no_crs": {
        "id": "berkas tidak menyebut sistem koordinatnya (CRS; pada Shapefile: berkas .prj), jadi batasnya tidak "
              "dapat ditempatkan",
        "en": "the file does not state its coordinate reference system (CRS; in a Shapefile: the .prj file), so its "
              "boundaries cannot be placed"},
    "message.gis.code_field": {
        "id": "kolom kode {text!r} tidak ada; kolom yang ada: {fields}",
        "en": "there is no code field {text!r}; the fields are: {fields}"},
    "message.gis.check_failed": {
        "id": "batas wilayah tidak cocok dengan kode {level}: {problems}. Tidak ada yang diubah.",
        "en": "the boundaries do not match the {level} codes: {problems}. Nothing was changed."},
    "message.gis.level.province": {"id": "provinsi", "en": "province"},
    "message.gis.level.regency": {"id": "kabupaten/kota", "en": "regency/city"},
    "message.gis.level.district": {"id": "kecamatan", "en": "district"},
    "message.gis.problem.missing": {"id": "kode yang tidak ada di berkas ({n}): {codes}",
                                    "en": "codes missing from the file ({n}): {codes}"},
    "message.gis.problem.unknown": {"id": "kode yang tidak dikenal pada tingkat ini ({n}): {codes}",
                                    "en": "codes unknown at this level ({n}): {codes}"},
    "message.gis.problem.duplicate": {"id": "kode yang muncul lebih dari sekali ({n}): {codes}",
                                      "en": "codes that appear more than once ({n}): {codes}"},
    "message.gis.problem.no_area": {"id": "wilayah tanpa luas ({n}): {codes}",
                                    "en": "regions without area ({n}): {codes}"},
    "message.gis.problem.outside": {
        "id": "wilayah di luar Indonesia setelah diproyeksikan ke EPSG:4326 — CRS berkas salah? ({n}): {codes}",
        "en": "regions outside Indonesia once reprojected to EPSG:4326 — is the file's CRS wrong? ({n}): {codes}"},
    "message.impact.extension": {
        "id": "format berkas tidak dikenal: {text!r} (pilih .csv atau .xlsx)",
        "en": "unknown file format: {text!r} (choose .csv or .xlsx)"},
    "message.data.none": {
        "id": "belum ada data: basis data belum berisi kunjungan maupun kerja sama. Impor dulu "
              "(python -m geo import) atau isi contoh simulasi (python -m geo sample)",
        "en": "no data yet: the database holds no visits and no agreements. Import them first "
              "(python -m geo import) or seed the simulated sample (python -m geo sample)"},
    "message.file.no_folder": {
        "id": "folder {text!r} tidak ada; buat dulu foldernya atau pilih tempat lain",
        "en": "the folder {text!r} does not exist; create it first or choose another place"},
    "message.file.not_written": {
        "id": "berkas {text!r} tidak dapat ditulis: {reason}",
        "en": "the file {text!r} cannot be written: {reason}"},
    "message.record.refused": {
        "id": "basis data menolak menyimpan {record!r}: data ini bertabrakan dengan perubahan lain yang baru "
              "disimpan; tidak ada yang berubah. Muat ulang lalu ulangi.",
        "en": "the database refused to save {record!r}: it collides with another change just saved; nothing "
              "changed. Reload and try again."},
    "message.import.concurrent": {
        "id": "Impor bertabrakan dengan perubahan lain yang baru disimpan; tidak ada yang berubah. Ulangi "
              "pratinjau lalu simpan lagi.",
        "en": "The import collided with another change just saved; nothing changed. Run the preview again and "
              "save."},
    # parties' feedback (geo.records.party_feedback)
    "message.party_feedback.no_agreement": {"id": "Kerja sama {doc} tidak ditemukan.",
                                            "en": "Agreement {doc} was not found."},
    "message.party_feedback.bad_code": {
        "id": "Kode umpan balik ini tidak berlaku (salah ketik, atau sudah dicabut). Tanyakan kode yang berlaku "
              "kepada pengelola kerja sama.",
        "en": "This feedback code is not valid (mistyped, or revoked). Ask the agreement's coordinator for the "
              "current code."},
    "message.party_feedback.bad_party": {"id": "Pilih daerah Anda dari para pihak kerja sama ini.",
                                         "en": "Choose your region among this agreement's parties."},
    "message.party_feedback.bad_rating": {"id": "Pilih penilaian kemajuan dari 1 sampai 5.",
                                          "en": "Choose a progress rating from 1 to 5."},
    "message.party_feedback.bad_obstacle": {"id": "Pilih hambatan dari daftar yang tersedia.",
                                            "en": "Choose obstacles from the list offered."},
    "message.party_feedback.too_long": {"id": "Isian {field} terlalu panjang: paling banyak {n} karakter.",
                                        "en": "The {field} is too long: at most {n} characters."},
    "message.party_feedback.bad_text": {"id": "Isian {field} memuat karakter yang tidak dapat disimpan.",
                                        "en": "The {field} holds characters that cannot be stored."},
    "message.party_feedback.client_limit": {
        "id": "Sudah {n} umpan balik terkirim dari alamat ini dalam satu jam terakhir. Coba lagi nanti; tidak ada "
              "yang tersimpan kali ini.",
        "en": "{n} feedback entries were already sent from this address in the last hour. Try again later; "
              "nothing was stored this time."},
    "message.party_feedback.code_limit": {
        "id": "Kode ini sudah menerima {n} umpan balik hari ini. Coba lagi besok; tidak ada yang tersimpan kali ini.",
        "en": "This code has already received {n} feedback entries today. Try again tomorrow; nothing was stored "
              "this time."},
    "message.party_feedback.decided": {"id": "Umpan balik ini sudah dimoderasi.",
                                       "en": "This feedback has already been moderated."},
    "message.evidence.empty": {"id": "berkas kosong", "en": "the file is empty"},
    "message.evidence.too_big": {
        "id": "berkas terlalu besar: paling besar {mb} MB", "en": "file too large: at most {mb} MB"},
    "message.evidence.markup": {
        "id": "berkas SVG atau HTML tidak diterima (dapat berisi skrip); unggah foto JPEG, PNG atau WebP",
        "en": "SVG or HTML files are not accepted (they can hold scripts); upload a JPEG, PNG or WebP photo"},
    "message.evidence.too_many_pixels": {
        "id": "gambar terlalu besar: paling banyak {mp} juta piksel",
        "en": "image too large: at most {mp} million pixels"},
    "message.evidence.not_image": {
        "id": "berkas tidak diterima: hanya foto JPEG, PNG atau WebP dan dokumen PDF (dinilai dari isinya, "
              "bukan dari nama berkas)",
        "en": "file not accepted: only JPEG, PNG or WebP photos and PDF documents (judged by content, not by the "
              "file name)"},
    "message.evidence.not_pdf": {
        "id": "berkas PDF tidak dapat dibaca", "en": "the PDF cannot be read"},
    "message.evidence.pdf_encrypted": {
        "id": "PDF terkunci sandi tidak diterima: isinya tidak dapat diperiksa",
        "en": "password-protected PDFs are not accepted: their content cannot be checked"},
    "message.evidence.pdf_active": {
        "id": "PDF berisi bagian aktif ({what}) dan tidak diterima; cetak ulang sebagai PDF biasa atau pindai",
        "en": "the PDF holds active content ({what}) and is not accepted; print it again as a plain PDF or scan it"},
    "message.evidence.no_record": {"id": "catatan {text!r} tidak ada", "en": "no record {text!r}"},
    "message.evidence.gone": {
        "id": "lampiran ini sudah dihapus orang lain", "en": "this attachment was already removed by someone else"},
}
