"""Interface text in Bahasa Indonesia (default) and English."""

from __future__ import annotations

import streamlit as st

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}

TEXT = {
    "nav.map": {"id": "Peta Nasional", "en": "National map"},
    "nav.data_credits": {"id": "Data & Sumber", "en": "Data & credits"},
    "language": {"id": "Bahasa", "en": "Language"},
    "map.title": {"id": "Peta Kerja Sama Antar Daerah", "en": "Inter-regional cooperation map"},
    "map.caption": {"id": "{n} provinsi · arahkan kursor ke wilayah untuk melihat namanya",
                    "en": "{n} provinces · hover over a region to see its name"},
    "map.level": {"id": "Tingkat wilayah", "en": "Region level"},
    "map.metric": {"id": "Ukuran", "en": "Measure"},
    "map.period": {"id": "Periode (tahun penandatanganan)", "en": "Period (signing year)"},
    "map.scheme": {"id": "Pembagian kelas", "en": "Classes"},
    "map.scheme.quantiles": {"id": "Kuantil", "en": "Quantiles"},
    "map.scheme.equal_interval": {"id": "Interval sama", "en": "Equal interval"},
    "map.scheme.natural_breaks": {"id": "Jeda alami (Jenks)", "en": "Natural breaks (Jenks)"},
    "map.scheme.user": {"id": "Batas sendiri", "en": "Own breaks"},
    "map.breaks": {"id": "Batas kelas (pisahkan dengan ;)", "en": "Class breaks (separate with ;)"},
    "map.k": {"id": "Jumlah kelas", "en": "Number of classes"},
    "map.palette": {"id": "Warna", "en": "Colours"},
    "map.layers": {"id": "Lapisan", "en": "Layers"},
    "map.layer.visits": {"id": "Titik kunjungan", "en": "Visit markers"},
    "map.layer.links": {"id": "Garis kerja sama", "en": "Partner lines"},
    "map.layer.labels": {"id": "Nama wilayah", "en": "Region names"},
    "map.filters": {"id": "Saring", "en": "Filters"},
    "map.ministry": {"id": "Kementerian", "en": "Ministry"},
    "map.back": {"id": "← Kembali ke Indonesia", "en": "← Back to Indonesia"},
    "map.hint_province": {"id": "Klik provinsi untuk melihat kabupaten/kotanya.",
                          "en": "Click a province to see its regencies and cities."},
    "map.hint_regency": {"id": "Klik kabupaten/kota untuk membuka rinciannya.",
                         "en": "Click a regency or city to open its details."},
    "map.open_region": {"id": "Buka rincian wilayah", "en": "Open region details"},
    "map.links_top": {"id": "Garis: {n} pasangan terkuat dari {total} pasangan daerah mitra",
                      "en": "Lines: the {n} strongest of {total} partner pairs"},
    "map.score_not_district": {
        "id": "Skor dampak dihitung untuk provinsi dan kabupaten/kota; di tingkat kecamatan datanya terlalu sedikit "
              "untuk perbandingan yang jujur. Pilih ukuran lain atau tingkat kabupaten/kota.",
        "en": "Impact scores are computed for provinces and regencies/cities; districts have too little data for an "
              "honest comparison. Choose another measure or the regency/city level."},
    "map.legend": {"id": "Legenda", "en": "Legend"},
    "map.no_data": {"id": "tidak ada data", "en": "no data"},
    "map.value": {"id": "Nilai", "en": "Value"},
    "map.rank": {"id": "Peringkat", "en": "Rank"},
    "metric.score": {"id": "Skor dampak (0–100)", "en": "Impact score (0–100)"},
    "metric.signed": {"id": "Kerja sama ditandatangani", "en": "Agreements signed"},
    "metric.signed_per_100k": {"id": "Kerja sama per 100.000 penduduk", "en": "Agreements per 100,000 people"},
    "metric.value_idr": {"id": "Nilai kerja sama (Rp)", "en": "Agreement value (IDR)"},
    "metric.value_per_capita": {"id": "Nilai kerja sama per penduduk (Rp)", "en": "Agreement value per person (IDR)"},
    "metric.partners": {"id": "Jumlah daerah mitra", "en": "Partner regions"},
    "metric.progressed_share": {"id": "Porsi berjalan/selesai", "en": "Share running or completed"},
    "metric.stalled": {"id": "Kerja sama terhambat", "en": "Stalled agreements"},
    "metric.visits": {"id": "Kunjungan kerja", "en": "Working visits"},
    "metric.visits_per_100k": {"id": "Kunjungan per 100.000 penduduk", "en": "Visits per 100,000 people"},
    "level.province": {"id": "Provinsi", "en": "Province"},
    "level.regency": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "level.district": {"id": "Kecamatan", "en": "District"},
    "tooltip.region": {"id": "Wilayah", "en": "Region"},
    "tooltip.code": {"id": "Kode", "en": "Code"},
    "credit": {"id": "Data wilayah © cahya dsn (lisensi MIT), Kepmendagri No 300.2.2-2138 Tahun 2025.",
               "en": "Region data © cahya dsn (MIT licence), Kepmendagri No 300.2.2-2138 of 2025."},
    "data.title": {"id": "Data wilayah dan sumbernya", "en": "Region data and its sources"},
    "data.simulated": {"id": "Data yang tampil adalah DATA SIMULASI untuk uji coba, bukan data sebenarnya. "
                               "Impor data kunjungan dan kerja sama di halaman Data.",
                       "en": "The data shown is SIMULATED test data, not real data. "
                             "Import visits and agreements on the Data page."},
    "data.mixed": {"id": "Masih ada {n} data SIMULASI di samping data sebenarnya; hapus di halaman Data.",
                   "en": "{n} SIMULATED records remain next to the real data; remove them on the Data page."},
    "rec.remove_sample": {"id": "Hapus semua data simulasi", "en": "Remove all simulated records"},
    "rec.removed_sample": {"id": "{n} data simulasi dihapus.", "en": "{n} simulated records removed."},
    "rec.visit_add": {"id": "Tambah kunjungan", "en": "Add a visit"},
    "rec.agreement_add": {"id": "Tambah kesepakatan/perjanjian", "en": "Add an agreement"},
    "rec.official": {"id": "Pejabat (mis. Wakil Menteri Dalam Negeri)", "en": "Official (e.g. Wakil Menteri Dalam Negeri)"},
    "rec.ministry": {"id": "Kementerian", "en": "Ministry"},
    "rec.region": {"id": "Wilayah", "en": "Region"},
    "rec.place": {"id": "Nama tempat", "en": "Place name"},
    "rec.date": {"id": "Tanggal", "en": "Date"},
    "rec.time": {"id": "Waktu (mis. 09.00 – 12.00 WIB)", "en": "Time (e.g. 09.00 – 12.00 WIB)"},
    "rec.agenda": {"id": "Agenda", "en": "Agenda"},
    "rec.people": {"id": "Narasumber/pihak yang dijumpai", "en": "People met"},
    "rec.visit_ref": {"id": "Kode kunjungan", "en": "Visit ref"},
    "nav.impact": {"id": "Dampak Kunjungan", "en": "Visit impact"},
    "imp2.title": {"id": "Apakah kerja sama tumbuh setelah kunjungan kerja?", "en": "Did cooperation grow after working visits?"},
    "imp2.method": {"id": "Perbandingan daerah yang dikunjungi dengan daerah yang belum/tidak dikunjungi "
                            "(selisih-dalam-selisih bertahap, Callaway–Sant'Anna), interval kepercayaan 95%.",
                    "en": "Visited regions compared with regions not (yet) visited (staggered "
                          "difference-in-differences, Callaway–Sant'Anna), 95% intervals."},
    "imp2.outcome": {"id": "Ukuran", "en": "Outcome"},
    "imp2.outcome.new_agreements": {"id": "Kerja sama baru per bulan", "en": "New agreements a month"},
    "imp2.outcome.new_as_lead": {"id": "Kerja sama baru sebagai pihak pertama", "en": "New agreements as first party"},
    "imp2.outcome.new_partners": {"id": "Mitra baru per bulan", "en": "New partners a month"},
    "imp2.window": {"id": "Jendela sebelum/sesudah (bulan)", "en": "Before/after window (months)"},
    "imp2.direct": {"id": "Dampak langsung ({n} bulan setelah kunjungan)", "en": "Direct effect ({n} months after a visit)"},
    "imp2.spill": {"id": "Dampak ke tetangga (inspirasi)", "en": "Effect on neighbours (inspiration)"},
    "imp2.per_month": {"id": "per daerah per bulan; 95%: {lo} s.d. {hi}",
                       "en": "per region a month; 95%: {lo} to {hi}"},
    "imp2.series.att": {"id": "Dampak (selisih-dalam-selisih)", "en": "Effect (difference-in-differences)"},
    "imp2.series.low": {"id": "Batas bawah 95%", "en": "95% lower bound"},
    "imp2.series.high": {"id": "Batas atas 95%", "en": "95% upper bound"},
    "imp2.event": {"id": "Dampak menurut bulan sejak kunjungan", "en": "Effect by months since the visit"},
    "imp2.scores": {"id": "Skor dampak per daerah", "en": "Impact score per region"},
    "imp2.weights": {"id": "Bobot skor", "en": "Score weights"},
    "imp2.w.effect": {"id": "Dampak kunjungan", "en": "Visit effect"},
    "imp2.w.breadth": {"id": "Jejaring mitra", "en": "Partner network"},
    "imp2.w.progress": {"id": "Pelaksanaan", "en": "Implementation"},
    "imp2.explain": {"id": "Penjelasan skor", "en": "Score explanation"},
    "col.score": {"id": "Skor", "en": "Score"},
    "col.name": {"id": "Wilayah", "en": "Region"},
    "col.signed": {"id": "Kerja sama", "en": "Agreements"},
    "col.partners": {"id": "Mitra", "en": "Partners"},
    "col.visits": {"id": "Kunjungan", "en": "Visits"},
    "nav.region": {"id": "Rincian Wilayah", "en": "Region details"},
    "reg.pick": {"id": "Wilayah", "en": "Region"},
    "reg.population": {"id": "Penduduk", "en": "Population"},
    "reg.score": {"id": "Skor dampak", "en": "Impact score"},
    "reg.timeline": {"id": "Kerja sama per bulan, kunjungan, dan daerah pembanding",
                     "en": "Agreements a month, visits, and comparison regions"},
    "reg.timeline_note": {"id": "Garis: wilayah ini · pita abu-abu: rata-rata daerah pembanding yang tidak "
                                "dikunjungi (95%) · garis merah: kunjungan · arsir: 12 bulan sebelum/sesudah "
                                "kunjungan pertama",
                          "en": "Line: this region · grey band: mean of comparison regions not visited (95%) · "
                                "red rules: visits · shading: 12 months before/after the first visit"},
    "reg.agreements": {"id": "Kerja sama", "en": "Agreements"},
    "reg.partners": {"id": "Daerah mitra", "en": "Partner regions"},
    "reg.obstacles": {"id": "Hambatan dan mitigasinya", "en": "Obstacles and their mitigation"},
    "reg.children": {"id": "Wilayah di dalamnya", "en": "Regions within"},
    "reg.visits": {"id": "Kunjungan kerja dan kerja sama sesudahnya", "en": "Working visits and the agreements that followed"},
    "reg.none": {"id": "Belum ada data.", "en": "No data yet."},
    "col.label": {"id": "Hambatan", "en": "Obstacle"},
    "col.mitigation": {"id": "Mitigasi", "en": "Mitigation"},
    "col.agreements": {"id": "Kerja sama", "en": "Agreements"},
    "col.agreements_after": {"id": "Kerja sama sesudahnya", "en": "Agreements that followed"},
    "col.n_after": {"id": "Jumlah", "en": "Count"},
    "col.code": {"id": "Kode", "en": "Code"},
    "nav.records": {"id": "Data Kunjungan & Kerja Sama", "en": "Visits & agreements"},
    "rec.title": {"id": "Data kunjungan kerja dan kerja sama daerah", "en": "Working visits and agreements"},
    "rec.tab.agreements": {"id": "Kesepakatan & Perjanjian", "en": "Agreements"},
    "rec.tab.visits": {"id": "Kunjungan Kerja", "en": "Working visits"},
    "rec.tab.import": {"id": "Impor", "en": "Import"},
    "rec.tab.add": {"id": "Tambah", "en": "Add"},
    "rec.actor": {"id": "Nama Anda (untuk riwayat perubahan)", "en": "Your name (for the change history)"},
    "rec.search": {"id": "Cari (nomor, judul, pihak)", "en": "Search (number, title, party)"},
    "rec.status": {"id": "Status", "en": "Status"},
    "rec.search_visits": {"id": "Cari (kode, pejabat, lokasi, agenda)", "en": "Search (ref, official, place, agenda)"},
    "rec.type": {"id": "Jenis", "en": "Type"},
    "rec.sector": {"id": "Bidang", "en": "Sector"},
    "rec.count": {"id": "{n} dari {total} data", "en": "{n} of {total} records"},
    "rec.download_csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "rec.download_xlsx": {"id": "Unduh XLSX", "en": "Download XLSX"},
    "rec.pick": {"id": "Pilih data untuk diubah", "en": "Pick a record to edit"},
    "rec.save": {"id": "Simpan perubahan", "en": "Save changes"},
    "rec.saved": {"id": "Tersimpan.", "en": "Saved."},
    "rec.unchanged": {"id": "Tidak ada perubahan.", "en": "Nothing changed."},
    "rec.delete": {"id": "Hapus data ini", "en": "Delete this record"},
    "rec.delete_confirm": {"id": "Ya, hapus {doc}", "en": "Yes, delete {doc}"},
    "rec.deleted": {"id": "Data {doc} dihapus.", "en": "Record {doc} deleted."},
    "rec.progress": {"id": "Indikator kemajuan (target dan realisasi)", "en": "Progress indicators (target and realisation)"},
    "rec.indicator": {"id": "Indikator", "en": "Indicator"},
    "rec.realisation": {"id": "Realisasi", "en": "Realisation"},
    "rec.target": {"id": "Target", "en": "Target"},
    "rec.unit": {"id": "Satuan", "en": "Unit"},
    "rec.history": {"id": "Riwayat perubahan", "en": "Change history"},
    "rec.value": {"id": "Nilai (Rp)", "en": "Value (IDR)"},
    "rec.status_date": {"id": "Tanggal status", "en": "Status date"},
    "rec.obstacles": {"id": "Hambatan", "en": "Obstacles"},
    "rec.obstacle_note": {"id": "Keterangan hambatan", "en": "Obstacle notes"},
    "rec.notes": {"id": "Catatan", "en": "Notes"},
    "rec.doc_number": {"id": "Nomor dokumen", "en": "Document number"},
    "rec.title_field": {"id": "Judul", "en": "Title"},
    "rec.parties": {"id": "Pihak (daerah)", "en": "Parties (regions)"},
    "rec.partners": {"id": "Mitra non-daerah (pisahkan dengan ;)", "en": "Non-region partners (separate with ;)"},
    "rec.signed_on": {"id": "Tanggal penandatanganan", "en": "Signing date"},
    "rec.add": {"id": "Tambah data", "en": "Add record"},
    "rec.gone": {"id": "Data {doc} sudah tidak ada (dihapus oleh pengguna lain?).",
                 "en": "Record {doc} no longer exists (deleted by someone else?)."},
    "imp.concurrent": {"id": "Impor bertabrakan dengan perubahan lain yang baru disimpan; tidak ada yang berubah. "
                               "Ulangi pratinjau lalu simpan lagi.",
                       "en": "The import collided with another change just saved; nothing changed. "
                             "Run the preview again and save."},
    "imp.kind": {"id": "Jenis data", "en": "Kind of data"},
    "imp.kind.agreements": {"id": "Kesepakatan/perjanjian", "en": "Agreements"},
    "imp.kind.visits": {"id": "Kunjungan kerja", "en": "Working visits"},
    "imp.file": {"id": "Berkas CSV atau XLSX", "en": "CSV or XLSX file"},
    "imp.template": {"id": "Unduh templat XLSX", "en": "Download XLSX template"},
    "imp.preview": {"id": "Pratinjau (belum ada yang disimpan)", "en": "Preview (nothing saved yet)"},
    "imp.commit": {"id": "Simpan {n} baris yang diterima", "en": "Save the {n} accepted rows"},
    "imp.done": {"id": "Impor selesai: {summary}", "en": "Import done: {summary}"},
    "imp.rejected": {"id": "Unduh baris yang ditolak beserta alasannya", "en": "Download the rejected rows with reasons"},
    "imp.ignored": {"id": "Kolom diabaikan: {cols}", "en": "Columns ignored: {cols}"},
    "act.add": {"id": "ditambah", "en": "added"},
    "act.update": {"id": "diperbarui", "en": "updated"},
    "act.unchanged": {"id": "tidak berubah", "en": "unchanged"},
    "act.reject": {"id": "ditolak", "en": "rejected"},
    "col.row": {"id": "Baris", "en": "Row"},
    "col.doc_number": {"id": "Nomor", "en": "Number"},
    "col.title": {"id": "Judul", "en": "Title"},
    "col.type": {"id": "Jenis", "en": "Type"},
    "col.status": {"id": "Status", "en": "Status"},
    "col.sectors": {"id": "Bidang", "en": "Sectors"},
    "col.parties": {"id": "Para pihak", "en": "Parties"},
    "col.signed_on": {"id": "Tanggal TTD", "en": "Signed"},
    "col.start_on": {"id": "Mulai", "en": "Start"},
    "col.end_on": {"id": "Berakhir", "en": "End"},
    "col.value_idr": {"id": "Nilai (Rp)", "en": "Value (IDR)"},
    "col.obstacles": {"id": "Hambatan", "en": "Obstacles"},
    "col.visit_ref": {"id": "Kunjungan", "en": "Visit"},
    "col.ref": {"id": "Kode", "en": "Ref"},
    "col.official_role": {"id": "Pejabat", "en": "Official"},
    "col.ministry": {"id": "Kementerian", "en": "Ministry"},
    "col.start_at": {"id": "Mulai", "en": "Start"},
    "col.end_at": {"id": "Selesai", "en": "End"},
    "col.time_zone": {"id": "Zona", "en": "Zone"},
    "col.places": {"id": "Lokasi", "en": "Places"},
    "col.agenda": {"id": "Agenda", "en": "Agenda"},
    "col.focus_sectors": {"id": "Bidang fokus", "en": "Focus sectors"},
    "col.people_met": {"id": "Pihak yang dijumpai", "en": "People met"},
    "col.at": {"id": "Waktu", "en": "When"},
    "col.actor": {"id": "Oleh", "en": "By"},
    "col.changes": {"id": "Perubahan", "en": "Changes"},
    "col.action": {"id": "Tindakan", "en": "Action"},
    "col.key": {"id": "Kunci", "en": "Key"},
    "col.reasons": {"id": "Alasan", "en": "Reasons"},
    "data.counts": {"id": "Jumlah wilayah", "en": "Number of regions"},
    "data.licence": {"id": "Lisensi data", "en": "Data licence"},
    # --- planner (issue 6): where to visit next, itinerary, backtest
    "nav.planner": {"id": "Perencana Kunjungan", "en": "Visit planner"},
    "plan.title": {"id": "Perencana kunjungan: ke mana berikutnya?", "en": "Visit planner: where next?"},
    "plan.intro": {"id": "Peringkat daerah untuk kunjungan berikutnya. Setiap komponen terlihat dan bobotnya dapat "
                         "diubah di panel samping; alasan tiap daerah dijelaskan di bawah tabel.",
                   "en": "Regions ranked for the next visit. Every component is shown and its weight can be changed "
                         "in the sidebar; each region's reasons are explained under the table."},
    "plan.weights": {"id": "Bobot komponen", "en": "Component weights"},
    "plan.c.gap": {"id": "Kesenjangan kerja sama", "en": "Cooperation gap"},
    "plan.c.uplift": {"id": "Perkiraan dampak", "en": "Expected uplift"},
    "plan.c.stalled": {"id": "Kerja sama terhambat", "en": "Stalled agreements"},
    "plan.c.recency": {"id": "Lama sejak kunjungan terakhir", "en": "Time since last visit"},
    "plan.c.leverage": {"id": "Daya ungkit jejaring", "en": "Network leverage"},
    "plan.constraints": {"id": "Batasan", "en": "Constraints"},
    "plan.level": {"id": "Tingkat wilayah", "en": "Region level"},
    "plan.exclude": {"id": "Kecualikan daerah yang dikunjungi dalam … bulan terakhir (0 = tidak)",
                     "en": "Exclude regions visited within the last … months (0 = no)"},
    "plan.provinces": {"id": "Hanya provinsi", "en": "Only provinces"},
    "plan.islands": {"id": "Hanya kepulauan", "en": "Only island groups"},
    "plan.sectors": {"id": "Fokus bidang", "en": "Sector focus"},
    "plan.ministry": {"id": "Riwayat kementerian sendiri", "en": "Own ministry's history"},
    "plan.ministry_all": {"id": "(semua kementerian)", "en": "(all ministries)"},
    "plan.model": {"id": "Cara menghitung", "en": "How it is computed"},
    "plan.ranking": {"id": "Peringkat", "en": "Ranking"},
    "plan.map": {"id": "Peta skor kunjungan berikutnya", "en": "Map of the visit-next score"},
    "plan.score": {"id": "Skor (0–100)", "en": "Score (0–100)"},
    "plan.rank": {"id": "No.", "en": "No."},
    "plan.name": {"id": "Wilayah", "en": "Region"},
    "plan.why": {"id": "Mengapa daerah ini?", "en": "Why this region?"},
    "plan.none": {"id": "Tidak ada daerah yang memenuhi batasan.", "en": "No region meets the constraints."},
    "plan.itinerary": {"id": "Susun perjalanan", "en": "Build the itinerary"},
    "plan.k": {"id": "Jumlah lokasi teratas (K)", "en": "Number of top places (K)"},
    "plan.take_top": {"id": "Ambil K teratas", "en": "Take the top K"},
    "plan.pick": {"id": "Lokasi yang dikunjungi (dari peringkat atau pilih sendiri)",
                  "en": "Places to visit (from the ranking or by hand)"},
    "plan.start": {"id": "Berangkat dari", "en": "Start from"},
    "plan.date": {"id": "Tanggal berangkat", "en": "Departure date"},
    "plan.days": {"id": "Lama perjalanan (hari, D)", "en": "Trip length (days, D)"},
    "plan.per_day": {"id": "Lokasi per hari", "en": "Stops a day"},
    "plan.weekdays": {"id": "Hanya hari kerja (Senin–Jumat)", "en": "Weekdays only (Monday–Friday)"},
    "plan.return": {"id": "Kembali ke kota asal", "en": "Return to the start city"},
    "plan.travel": {"id": "Perjalanan: {km} km garis lurus, ±{hours} jam; urutan sesuai pilihan: {nkm} km, ±{nhours} jam.",
                    "en": "Travel: {km} km great-circle, about {hours} h; in the order picked: {nkm} km, about {nhours} h."},
    "plan.assumptions": {"id": "Asumsi perjalanan: jarak garis lurus (great-circle) antar titik label wilayah. Darat bila "
                               "satu daratan: 1,3 × jarak, 40 km/jam. Antarpulau di bawah 150 km: laut, 2 jam di "
                               "pelabuhan + 25 km/jam. Antarpulau 150 km atau lebih: udara, 3 jam tetap + 600 km/jam. "
                               "Di satu daratan terbang bila ≥ 300 km dan lebih cepat. Slot 09.00–12.00 dan 14.00–17.00 waktu "
                               "setempat; perjalanan 06.00–21.00.",
                         "en": "Travel assumptions: great-circle distance between the regions' label points. Land on "
                               "the same land mass: 1.3 × distance at 40 km/h. Between islands under 150 km: sea, "
                               "2 h at ports + 25 km/h. Between islands 150 km or more: air, 3 h fixed + 600 km/h. "
                               "On one land mass, flying when ≥ 300 km and faster. Slots 09.00–12.00 and 14.00–17.00 local "
                               "time; travel 06.00–21.00."},
    "plan.legs": {"id": "Rute", "en": "Route"},
    "plan.mode.land": {"id": "darat", "en": "land"},
    "plan.mode.sea": {"id": "laut", "en": "sea"},
    "plan.mode.air": {"id": "udara", "en": "air"},
    "col.from": {"id": "Dari", "en": "From"},
    "col.to": {"id": "Ke", "en": "To"},
    "col.km": {"id": "Jarak (km)", "en": "Distance (km)"},
    "col.mode": {"id": "Moda", "en": "Mode"},
    "col.hours": {"id": "Jam", "en": "Hours"},
    "plan.schedule": {"id": "Jadwal (dapat diubah langsung di tabel)", "en": "Schedule (edit it in the table)"},
    "plan.schedule_note": {"id": "Jadwal ditulis dalam bahasa Indonesia, sesuai format kementerian.",
                           "en": "The schedule is written in Indonesian, the ministries' format."},
    "plan.xlsx": {"id": "Unduh jadwal (XLSX)", "en": "Download the schedule (XLSX)"},
    "plan.save": {"id": "Simpan sebagai rencana kunjungan", "en": "Save as planned visits"},
    "plan.official": {"id": "Pejabat", "en": "Official"},
    "plan.ministry_name": {"id": "Kementerian", "en": "Ministry"},
    "plan.ref": {"id": "Kode rencana", "en": "Plan reference"},
    "plan.saved": {"id": "Tersimpan sebagai rencana kunjungan {ref}. Rencana tidak dihitung sebagai kunjungan.",
                   "en": "Saved as planned visit {ref}. Plans are not counted as visits."},
    "plan.planned_list": {"id": "Rencana kunjungan tersimpan", "en": "Saved planned visits"},
    "plan.backtest": {"id": "Uji balik: apakah rekomendasi dulu tepat?", "en": "Backtest: were past recommendations right?"},
    "plan.backtest_intro": {"id": "Sejarah diputar ulang bulan demi bulan: peringkat dihitung hanya dengan data yang "
                                  "ada saat itu. Untuk daerah yang dikunjungi bulan itu, tambahan kerja sama = jumlah "
                                  "12 bulan sesudah dikurangi 12 bulan sebelum kunjungan.",
                            "en": "History is replayed month by month: the ranking uses only data known then. For "
                                  "regions visited that month, the gain = agreements in the 12 months after minus "
                                  "the 12 months before the visit."},
    "plan.top_k": {"id": "Dianggap direkomendasikan bila masuk … teratas", "en": "Counted as recommended when in the top …"},
    "plan.run_backtest": {"id": "Jalankan uji balik", "en": "Run the backtest"},
    "plan.bt.rec": {"id": "Direkomendasikan & dikunjungi", "en": "Recommended & visited"},
    "plan.bt.not": {"id": "Dikunjungi, tidak direkomendasikan", "en": "Visited, not recommended"},
    "plan.bt.random": {"id": "Pilihan acak", "en": "Random choice"},
    "plan.bt.n": {"id": "{n} kunjungan", "en": "{n} visits"},
    "plan.bt.interval": {"id": "95%: {lo} s.d. {hi}", "en": "95%: {lo} to {hi}"},
    "plan.bt.summary": {"id": "{months} bulan diputar ulang, {n} daerah dikunjungi, {r} di antaranya direkomendasikan. "
                              "Selisih rekomendasi vs tidak: {d} kerja sama (95%: {lo} s.d. {hi}). {share} dari "
                              "pilihan acak mendapat tambahan setidaknya sebesar rekomendasi.",
                        "en": "{months} months replayed, {n} regions visited, {r} of them recommended. Difference "
                              "recommended vs not: {d} agreements (95%: {lo} to {hi}). {share} of random choices "
                              "gained at least as much as the recommendations."},
    "plan.bt.none": {"id": "Tidak ada pembanding: semua daerah yang dikunjungi direkomendasikan, atau tidak satu pun "
                           "(atau datanya belum cukup). Ubah batas \"teratas\".",
                     "en": "Nothing to compare: every visited region was recommended, or none was (or there is too "
                           "little data). Change the \"top\" limit."},
    "reg.plan": {"id": "Rencanakan kunjungan", "en": "Add to visit plan"},
    "plan.map_hint": {"id": "Klik wilayah di peta untuk menambahkannya ke rencana perjalanan.",
                      "en": "Click a region on the map to add it to the trip."},
    "plan.places": {"id": "Lokasi", "en": "Places"},
}


def label(vocabulary: dict, key: str) -> str:
    """The label of a vocabulary key (``geo.vocabulary``) in the current language."""
    entry = vocabulary.get(key)
    return entry.get(current_language(), entry["id"]) if entry else key


def localized_columns(df, columns: list[str]):
    """The frame's ``columns`` with headers in the current language."""
    return df[columns].rename(columns={c: t(f"col.{c}") for c in columns})


def current_language() -> str:
    lang = st.session_state.get("lang") or st.query_params.get("lang", "id")
    return lang if lang in LANGUAGES else "id"


def t(key: str, **kwargs) -> str:
    entry = TEXT[key]
    text = entry.get(current_language(), entry["id"])
    return text.format(**kwargs) if kwargs else text


def language_picker() -> None:
    if "lang" not in st.session_state:
        st.session_state["lang"] = current_language()
    st.sidebar.selectbox(t("language"), list(LANGUAGES), format_func=LANGUAGES.get, key="lang")
    st.query_params["lang"] = st.session_state["lang"]
