"""The app's interface words: page names, headings, widget labels, notices, column headers.

Keys start with ``ui.``; pages ask for them without the prefix through ``ui.i18n.t`` (``t("map.title")`` is
``ui.map.title``), in the language picked in the sidebar. ``ui.col.*`` are the headers of the tables the pages show
(``ui.i18n.localized_columns``), ``ui.metric.*`` the measures of the map. A new page's words go here, grouped
by page.
"""

from __future__ import annotations

WORDS = {
    "ui.nav.map": {"id": "Peta Nasional", "en": "National map"},
    "ui.nav.data_credits": {"id": "Data & Sumber", "en": "Data & credits"},
    "ui.language": {"id": "Bahasa", "en": "Language"},
    "ui.config.invalid": {
        "id": "Pengaturan server tidak valid; minta administrator memperbaikinya:",
        "en": "The server's settings are invalid; ask the administrator to fix them:"},
    "ui.error.unexpected": {
        "id": "Maaf, terjadi kesalahan. Muat ulang halaman atau coba lagi sebentar lagi. Jika berulang, "
              "sampaikan kode kesalahan **{error_id}** kepada administrator.",
        "en": "Sorry, something went wrong. Reload the page or try again shortly. If it happens again, "
              "give the administrator the error code **{error_id}**."},
    "ui.choose": {"id": "Pilih…", "en": "Choose…"},
    "ui.spinner.report": {"id": "Menghitung dampak kunjungan…", "en": "Computing the visits' impact…"},
    "ui.spinner.planner": {"id": "Menyusun peringkat daerah…", "en": "Ranking the regions…"},
    "ui.spinner.backtest": {"id": "Menguji rekomendasi pada data lalu…",
                            "en": "Testing the recommendation on past data…"},
    "ui.map.title": {"id": "Peta Kerja Sama Antar Daerah", "en": "Inter-regional cooperation map"},
    "ui.map.caption": {
        "id": "{n} provinsi · arahkan kursor ke wilayah untuk melihat namanya",
        "en": "{n} provinces · hover over a region to see its name"},
    "ui.map.level": {"id": "Tingkat wilayah", "en": "Region level"},
    "ui.map.metric": {"id": "Ukuran", "en": "Measure"},
    "ui.map.period": {"id": "Periode (tahun penandatanganan)", "en": "Period (signing year)"},
    "ui.map.scheme": {"id": "Pembagian kelas", "en": "Classes"},
    "ui.map.scheme.quantiles": {"id": "Kuantil", "en": "Quantiles"},
    "ui.map.scheme.equal_interval": {"id": "Interval sama", "en": "Equal interval"},
    "ui.map.scheme.natural_breaks": {"id": "Jeda alami (Jenks)", "en": "Natural breaks (Jenks)"},
    "ui.map.scheme.user": {"id": "Batas sendiri", "en": "Own breaks"},
    "ui.map.breaks": {"id": "Batas kelas (pisahkan dengan ;)", "en": "Class breaks (separate with ;)"},
    "ui.map.k": {"id": "Jumlah kelas", "en": "Number of classes"},
    "ui.map.palette": {"id": "Warna", "en": "Colours"},
    "ui.map.layers": {"id": "Lapisan", "en": "Layers"},
    "ui.map.layer.visits": {"id": "Titik kunjungan", "en": "Visit markers"},
    "ui.map.layer.links": {"id": "Garis kerja sama", "en": "Partner lines"},
    "ui.map.layer.labels": {"id": "Nama wilayah", "en": "Region names"},
    "ui.map.filters": {"id": "Saring", "en": "Filters"},
    "ui.map.ministry": {"id": "Kementerian", "en": "Ministry"},
    "ui.map.back": {"id": "← Kembali ke Indonesia", "en": "← Back to Indonesia"},
    "ui.map.hint_province": {
        "id": "Klik provinsi untuk melihat kabupaten/kotanya.",
        "en": "Click a province to see its regencies and cities."},
    "ui.map.hint_regency": {
        "id": "Klik kabupaten/kota untuk membuka rinciannya.",
        "en": "Click a regency or city to open its details."},
    "ui.map.hint_district": {
        "id": "Klik kecamatan untuk membuka rinciannya. Di tingkat kecamatan hanya ukuran yang ada datanya: kerja "
              "sama umumnya dibuat oleh provinsi dan kabupaten/kota.",
        "en": "Click a district to open its details. At district level only measures with data are offered: "
              "agreements are mostly made by provinces and regencies/cities."},
    "ui.map.open_region": {"id": "Buka rincian wilayah", "en": "Open region details"},
    "ui.map.search": {"id": "Cari daerah", "en": "Find a region"},
    "ui.map.search_placeholder": {"id": "mis. Kota Bandung, Jabar, Solo, 3273",
                                  "en": "e.g. Kota Bandung, Jabar, Solo, 3273"},
    "ui.map.search_pick": {"id": "Beberapa daerah cocok dengan “{text}”: pilih satu",
                           "en": "Several regions match “{text}”: pick one"},
    "ui.map.search_maybe": {"id": "Tidak ada yang persis “{text}”. Mungkin maksud Anda:",
                            "en": "Nothing is exactly “{text}”. Did you mean:"},
    "ui.map.search_none": {
        "id": "Tidak ada daerah bernama “{text}”. Coba ejaan lain, nama resmi (mis. Kabupaten Bogor) atau kodenya "
              "(mis. 32.01).",
        "en": "No region is called “{text}”. Try another spelling, the official name (e.g. Kabupaten Bogor) or its "
              "code (e.g. 32.01)."},
    "ui.map.search_found": {"id": "Disorot di peta: {name}", "en": "Outlined on the map: {name}"},
    "ui.map.links_top": {
        "id": "Garis: {n} pasangan terkuat dari {total} pasangan daerah mitra",
        "en": "Lines: the {n} strongest of {total} partner pairs"},
    "ui.map.all_zero_districts": {
        "id": "Setiap kecamatan di peta ini bernilai 0: catatan yang ada menyebut provinsi atau kabupaten/kota, "
              "bukan kecamatan. Peta ini hanya menunjukkan batas kecamatan; pilih tingkat kabupaten/kota untuk "
              "melihat sebarannya.",
        "en": "Every district on this map reads 0: the records name provinces or regencies/cities, not districts. "
              "This map only shows district boundaries; choose the regency/city level to see the spread."},
    "ui.map.metric_instead": {
        "id": "«{wanted}» tidak tersedia untuk kecamatan, jadi peta menampilkan «{shown}». «{wanted}» kembali saat "
              "Anda memilih kabupaten/kota atau provinsi.",
        "en": "«{wanted}» is not available for districts, so the map shows «{shown}». «{wanted}» comes back when "
              "you choose regencies/cities or provinces."},
    "ui.map.score_not_district": {
        "id": "Skor dampak dihitung untuk provinsi dan kabupaten/kota; di tingkat kecamatan datanya terlalu "
              "sedikit untuk perbandingan yang jujur. Pilih ukuran lain atau tingkat kabupaten/kota.",
        "en": "Impact scores are computed for provinces and regencies/cities; districts have too little data for "
              "an honest comparison. Choose another measure or the regency/city level."},
    "ui.map.legend": {"id": "Legenda", "en": "Legend"},
    "ui.map.no_data": {"id": "tidak ada data", "en": "no data"},
    # the legend entries of the visit markers and partner lines (the note is shown under them, smaller)
    "ui.map.legend.visits": {"id": "Kunjungan kerja", "en": "Working visits"},
    "ui.map.legend.visits_note": {"id": "lebih besar: lebih banyak kunjungan", "en": "bigger: more visits"},
    "ui.map.legend.links": {"id": "Mitra kerja sama", "en": "Cooperation partners"},
    "ui.map.legend.links_note": {"id": "lebih tebal: lebih banyak kerja sama", "en": "thicker: more agreements"},
    "ui.map.loading": {"id": "Memuat batas wilayah…", "en": "Loading boundaries…"},
    "ui.map.load_failed": {"id": "Batas wilayah tidak dapat dimuat; muat ulang halaman.",
                           "en": "The boundaries could not be loaded; reload the page."},
    "ui.map.value": {"id": "Nilai", "en": "Value"},
    "ui.map.rank": {"id": "Peringkat", "en": "Rank"},
    "ui.map.rank_tied": {"id": "nilai sama", "en": "tied"},
    "ui.metric.score": {"id": "Dampak kunjungan", "en": "Impact of visits"},
    "ui.map.change_uncovered": {
        "id": "Periode pembanding {before} berada di luar data yang tercatat ({span}), jadi belum ada pembanding. "
              "Geser periode agar periode sebelumnya tercakup, misalnya {suggest}.",
        "en": "The comparison period {before} lies outside the recorded data ({span}), so there is nothing to "
              "compare with yet. Move the period so that the one before it is covered, for example {suggest}."},
    "ui.map.change_use": {"id": "Pakai {period}", "en": "Use {period}"},
    "ui.metric.change": {"id": "Perubahan kerja sama", "en": "Change in agreements"},
    "ui.metric.signed": {"id": "Kerja sama ditandatangani", "en": "Agreements signed"},
    "ui.metric.signed_per_100k": {"id": "Kerja sama per 100.000 penduduk", "en": "Agreements per 100,000 people"},
    "ui.metric.value_idr": {"id": "Nilai kerja sama (Rp)", "en": "Agreement value (IDR)"},
    "ui.metric.value_per_capita": {
        "id": "Nilai kerja sama per penduduk (Rp)",
        "en": "Agreement value per person (IDR)"},
    "ui.metric.partners": {"id": "Jumlah daerah mitra", "en": "Partner regions"},
    "ui.metric.progressed_share": {"id": "Porsi berjalan/selesai", "en": "Share running or completed"},
    "ui.metric.stalled": {"id": "Kerja sama terhambat", "en": "Stalled agreements"},
    "ui.metric.visits": {"id": "Kunjungan kerja", "en": "Working visits"},
    "ui.metric.visits_per_100k": {"id": "Kunjungan per 100.000 penduduk", "en": "Visits per 100,000 people"},
    "ui.level.province": {"id": "Provinsi", "en": "Province"},
    "ui.level.regency": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "ui.level.district": {"id": "Kecamatan", "en": "District"},
    "ui.tooltip.region": {"id": "Wilayah", "en": "Region"},
    "ui.tooltip.code": {"id": "Kode", "en": "Code"},
    "ui.credit": {
        "id": "Data wilayah © cahya dsn (lisensi MIT), Kepmendagri No 300.2.2-2138 Tahun 2025.",
        "en": "Region data © cahya dsn (MIT licence), Kepmendagri No 300.2.2-2138 of 2025."},
    "ui.data.title": {"id": "Data wilayah dan sumbernya", "en": "Region data and its sources"},
    "ui.data.seeding": {"id": "Menyiapkan data contoh untuk pertama kali… {percent}%",
                        "en": "Preparing the sample data for the first time… {percent}%"},
    "ui.data.simulated": {
        "id": "Data yang tampil adalah DATA SIMULASI untuk uji coba, bukan data sebenarnya. Impor data kunjungan "
              "dan kerja sama di halaman Data.",
        "en": "The data shown is SIMULATED test data, not real data. Import visits and agreements on the Data page."},
    "ui.data.mixed": {
        "id": "Masih ada {n} data SIMULASI di samping data sebenarnya; hapus di halaman Data.",
        "en": "{n} SIMULATED records remain next to the real data; remove them on the Data page."},
    "ui.rec.remove_sample": {"id": "Hapus semua data simulasi", "en": "Remove all simulated records"},
    "ui.rec.removed_sample": {"id": "{n} data simulasi dihapus.", "en": "{n} simulated records removed."},
    "ui.rec.visit_add": {"id": "Tambah kunjungan", "en": "Add a visit"},
    "ui.rec.agreement_add": {"id": "Tambah kesepakatan/perjanjian", "en": "Add an agreement"},
    "ui.rec.official": {
        "id": "Pejabat (mis. Wakil Menteri Dalam Negeri)",
        "en": "Official (e.g. Wakil Menteri Dalam Negeri)"},
    "ui.rec.ministry": {"id": "Kementerian", "en": "Ministry"},
    "ui.rec.region": {"id": "Wilayah", "en": "Region"},
    "ui.rec.place": {"id": "Nama tempat", "en": "Place name"},
    "ui.rec.date": {"id": "Tanggal", "en": "Date"},
    "ui.rec.time": {"id": "Waktu (mis. 09.00 – 12.00 WIB)", "en": "Time (e.g. 09.00 – 12.00 WIB)"},
    "ui.rec.agenda": {"id": "Agenda", "en": "Agenda"},
    "ui.rec.people": {"id": "Narasumber/pihak yang dijumpai", "en": "People met"},
    "ui.rec.visit_ref": {"id": "Kode kunjungan", "en": "Visit ref"},
    "ui.nav.impact": {"id": "Dampak Kunjungan", "en": "Visit impact"},
    "ui.view.weights_temporary": {
        "id": "Bobot skor sementara (hanya untuk Anda, tidak disimpan): {shown}. Bawaan: {default}.",
        "en": "Temporary score weights (yours only, not saved): {shown}. Default: {default}."},
    "ui.method.title": {"id": "Metode", "en": "Method"},
    "ui.method.intro": {
        "id": "Dokumen ini menjelaskan cara Sinergi menghitung dampak kunjungan kerja, untuk analis dan "
              "pemeriksa. Ringkasannya dalam bahasa sehari-hari ada di kotak \"Apa artinya?\" pada "
              "halaman Peta dan Dampak.",
        "en": "This document explains how Sinergi estimates the impact of working visits, for analysts and "
              "reviewers. The plain-words summary is in the \"What does it mean?\" box on the Map and Impact "
              "pages."},
    "ui.nav.method": {"id": "Metode", "en": "Method"},
    "ui.imp2.outcome_help": {
        "id": "Bawaan: kerja sama baru yang diprakarsai daerah yang dikunjungi (pihak pertama) — yang diharapkan "
              "berubah karena kunjungan. Ukuran lain ikut menghitung rencana daerah lain.",
        "en": "Default: new agreements the visited region initiates (first party) — what a visit is expected to "
              "change. Other outcomes also count other regions' plans."},
    "ui.imp2.weights_save": {"id": "Jadikan bobot bawaan untuk semua pengguna",
                             "en": "Make these the default weights for everyone"},
    "ui.imp2.event_help": {
        "id": "Garis tengah: selisih per bulan antara daerah yang dikunjungi dan pembandingnya, menurut bulan sejak "
              "kunjungan pertama; pita: rentang 95%. Sebelum kunjungan (bulan negatif) garis semestinya dekat nol.",
        "en": "Middle line: the monthly difference between visited regions and their comparisons, by months since "
              "the first visit; band: the 95% range. Before the visit (negative months) it should stay near zero."},
    "ui.imp2.figures": {"id": "Angka teknis (per daerah per bulan)", "en": "Technical figures (per region a month)"},
    "ui.plan.period": {
        "id": "Peringkat ini memakai semua kunjungan dan kerja sama yang tercatat sampai {month}.",
        "en": "This ranking uses every visit and agreement recorded up to {month}."},
    "ui.rec.as_written": {"id": "ditulis: {text}", "en": "written: {text}"},
    "ui.imp.row_notes": {"id": "Baris yang perlu dibaca ({n})", "en": "Rows to read ({n})"},
    "ui.imp.more_rows": {"id": "… dan {n} baris lagi (lihat unduhan pratinjau)",
                         "en": "… and {n} more rows (see the preview download)"},
    "ui.reg.timeline_note_none": {
        "id": "Garis: wilayah ini · pita abu-abu: rata-rata daerah pembanding yang tidak dikunjungi (95%) · tidak ada "
              "kunjungan ke wilayah ini dalam periode yang dipilih",
        "en": "Line: this region · grey band: mean of comparison regions not visited (95%) · no visit to this region "
              "in the chosen period"},
    "ui.imp2.title": {
        "id": "Apakah kerja sama tumbuh setelah kunjungan kerja?",
        "en": "Did cooperation grow after working visits?"},
    "ui.imp2.method": {
        "id": "Perbandingan daerah yang dikunjungi dengan daerah yang belum/tidak dikunjungi "
              "(selisih-dalam-selisih bertahap, Callaway–Sant'Anna), interval kepercayaan 95%.",
        "en": "Visited regions compared with regions not (yet) visited (staggered difference-in-differences, "
              "Callaway–Sant'Anna), 95% intervals."},
    "ui.imp2.outcome": {"id": "Ukuran", "en": "Outcome"},
    "ui.imp2.outcome.new_agreements": {"id": "Kerja sama baru per bulan", "en": "New agreements a month"},
    "ui.imp2.outcome.new_as_lead": {
        "id": "Kerja sama baru yang diprakarsai (pihak pertama)",
        "en": "New agreements initiated (first party)"},
    "ui.imp2.outcome.new_partners": {"id": "Mitra baru per bulan", "en": "New partners a month"},
    "ui.imp2.window": {"id": "Jendela sebelum/sesudah (bulan)", "en": "Before/after window (months)"},
    "ui.imp2.direct": {
        "id": "Dampak langsung ({n} bulan setelah kunjungan)",
        "en": "Direct effect ({n} months after a visit)"},
    "ui.imp2.spill": {"id": "Dampak ke tetangga (inspirasi)", "en": "Effect on neighbours (inspiration)"},
    "ui.imp2.per_month": {
        "id": "per daerah per bulan; 95%: {lo} s.d. {hi}",
        "en": "per region a month; 95%: {lo} to {hi}"},
    "ui.imp2.series.att": {"id": "Selisih dengan pembanding", "en": "Difference from comparisons"},
    "ui.imp2.series.low": {"id": "Batas bawah 95%", "en": "95% lower bound"},
    "ui.imp2.series.high": {"id": "Batas atas 95%", "en": "95% upper bound"},
    "ui.imp2.event": {"id": "Dampak menurut bulan sejak kunjungan", "en": "Effect by months since the visit"},
    "ui.imp2.scores": {"id": "Skor dampak per daerah", "en": "Impact score per region"},
    "ui.imp2.weights": {"id": "Bobot skor", "en": "Score weights"},
    "ui.imp2.w.effect": {"id": "Dampak kunjungan", "en": "Visit effect"},
    "ui.imp2.w.breadth": {"id": "Jejaring mitra", "en": "Partner network"},
    "ui.imp2.w.progress": {"id": "Pelaksanaan", "en": "Implementation"},
    "ui.imp2.explain": {"id": "Penjelasan skor", "en": "Score explanation"},
    "ui.col.from_parties": {"id": "Dari para pihak", "en": "From the parties"},
    "ui.col.score": {"id": "Skor", "en": "Score"},
    "ui.col.month": {"id": "Bulan", "en": "Month"},
    "ui.imp2.event_axis": {"id": "Bulan sejak kunjungan pertama", "en": "Months since the first visit"},
    "ui.col.verdict": {"id": "Putusan", "en": "Verdict"},
    "ui.col.verdict_size": {"id": "Besarnya", "en": "How much"},
    "ui.col.name": {"id": "Wilayah", "en": "Region"},
    "ui.col.signed": {"id": "Kerja sama", "en": "Agreements"},
    "ui.col.partners": {"id": "Mitra", "en": "Partners"},
    "ui.col.visits": {"id": "Kunjungan", "en": "Visits"},
    "ui.nav.region": {"id": "Rincian Wilayah", "en": "Region details"},
    "ui.reg.pick": {"id": "Wilayah", "en": "Region"},
    "ui.reg.population": {"id": "Penduduk", "en": "Population"},
    "ui.reg.impact": {"id": "Dampak kunjungan", "en": "Visit impact"},
    "ui.reg.timeline": {
        "id": "Kerja sama per bulan, kunjungan, dan daerah pembanding",
        "en": "Agreements a month, visits, and comparison regions"},
    "ui.reg.timeline_note": {
        "id": "Garis: wilayah ini · pita abu-abu: rata-rata daerah pembanding yang tidak dikunjungi (95%) · garis "
              "merah: kunjungan · arsir: 12 bulan sebelum/sesudah kunjungan pertama",
        "en": "Line: this region · grey band: mean of comparison regions not visited (95%) · red rules: visits · "
              "shading: 12 months before/after the first visit"},
    "ui.reg.agreements": {"id": "Kerja sama", "en": "Agreements"},
    "ui.reg.partners": {"id": "Daerah mitra", "en": "Partner regions"},
    "ui.reg.obstacles": {"id": "Hambatan dan mitigasinya", "en": "Obstacles and their mitigation"},
    "ui.reg.children": {"id": "Wilayah di dalamnya", "en": "Regions within"},
    "ui.reg.visits": {
        "id": "Kunjungan kerja dan kerja sama sesudahnya",
        "en": "Working visits and the agreements that followed"},
    "ui.reg.none": {"id": "Belum ada data.", "en": "No data yet."},
    "ui.reg.window.before": {"id": "sebelum", "en": "before"},
    "ui.reg.window.after": {"id": "sesudah", "en": "after"},
    "ui.col.label": {"id": "Hambatan", "en": "Obstacle"},
    "ui.col.mitigation": {"id": "Mitigasi", "en": "Mitigation"},
    "ui.col.agreements": {"id": "Kerja sama", "en": "Agreements"},
    "ui.col.agreements_after": {"id": "Kerja sama sesudahnya", "en": "Agreements that followed"},
    "ui.col.n_after": {"id": "Jumlah", "en": "Count"},
    "ui.col.code": {"id": "Kode", "en": "Code"},
    "ui.nav.records": {"id": "Data Kunjungan & Kerja Sama", "en": "Visits & agreements"},
    "ui.rec.title": {"id": "Data kunjungan kerja dan kerja sama daerah", "en": "Working visits and agreements"},
    "ui.rec.tab.agreements": {"id": "Kesepakatan & Perjanjian", "en": "Agreements"},
    "ui.rec.tab.visits": {"id": "Kunjungan Kerja", "en": "Working visits"},
    "ui.rec.tab.import": {"id": "Impor", "en": "Import"},
    "ui.rec.tab.add": {"id": "Tambah", "en": "Add"},
    "ui.rec.actor": {"id": "Nama Anda (untuk riwayat perubahan)", "en": "Your name (for the change history)"},
    "ui.rec.search": {"id": "Cari (nomor, judul, pihak)", "en": "Search (number, title, party)"},
    "ui.rec.status": {"id": "Status", "en": "Status"},
    "ui.rec.search_visits": {
        "id": "Cari (kode, pejabat, lokasi, agenda)",
        "en": "Search (ref, official, place, agenda)"},
    "ui.rec.type": {"id": "Jenis", "en": "Type"},
    "ui.rec.sector": {"id": "Bidang", "en": "Sector"},
    "ui.rec.count": {"id": "{n} dari {total} data", "en": "{n} of {total} records"},
    "ui.rec.download_csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "ui.rec.download_xlsx": {"id": "Unduh XLSX", "en": "Download XLSX"},
    "ui.rec.pick": {"id": "Pilih data untuk diubah", "en": "Pick a record to edit"},
    "ui.rec.save": {"id": "Simpan perubahan", "en": "Save changes"},
    "ui.rec.saved": {"id": "Tersimpan.", "en": "Saved."},
    "ui.rec.unchanged": {"id": "Tidak ada perubahan.", "en": "Nothing changed."},
    "ui.rec.delete": {"id": "Hapus data ini", "en": "Delete this record"},
    "ui.rec.delete_confirm": {"id": "Ya, hapus {doc}", "en": "Yes, delete {doc}"},
    "ui.rec.deleted": {"id": "Data {doc} dihapus.", "en": "Record {doc} deleted."},
    "ui.rec.progress": {
        "id": "Indikator kemajuan (target dan realisasi)",
        "en": "Progress indicators (target and realisation)"},
    "ui.rec.indicator": {"id": "Indikator", "en": "Indicator"},
    "ui.rec.realisation": {"id": "Realisasi", "en": "Realisation"},
    "ui.rec.target": {"id": "Target", "en": "Target"},
    "ui.rec.unit": {"id": "Satuan", "en": "Unit"},
    "ui.rec.history": {"id": "Riwayat perubahan", "en": "Change history"},
    "ui.rec.value": {"id": "Nilai (Rp)", "en": "Value (IDR)"},
    "ui.rec.status_date": {"id": "Tanggal status", "en": "Status date"},
    "ui.rec.obstacles": {"id": "Hambatan", "en": "Obstacles"},
    "ui.rec.obstacle_note": {"id": "Keterangan hambatan", "en": "Obstacle notes"},
    "ui.rec.notes": {"id": "Catatan", "en": "Notes"},
    "ui.rec.doc_number": {"id": "Nomor dokumen", "en": "Document number"},
    "ui.rec.title_field": {"id": "Judul", "en": "Title"},
    "ui.rec.parties": {"id": "Pihak (daerah)", "en": "Parties (regions)"},
    "ui.rec.partners": {"id": "Mitra non-daerah (pisahkan dengan ;)", "en": "Non-region partners (separate with ;)"},
    "ui.rec.signed_on": {"id": "Tanggal penandatanganan", "en": "Signing date"},
    "ui.rec.start_on": {"id": "Tanggal mulai berlaku", "en": "Start date"},
    "ui.rec.end_on": {"id": "Tanggal berakhir", "en": "End date"},
    "ui.rec.time_zone": {"id": "Zona waktu", "en": "Time zone"},
    "ui.rec.start_day": {"id": "Tanggal mulai", "en": "Start date"},
    "ui.rec.start_time": {"id": "Jam mulai", "en": "Start time"},
    "ui.rec.end_day": {"id": "Tanggal selesai", "en": "End date"},
    "ui.rec.end_time": {"id": "Jam selesai", "en": "End time"},
    "ui.rec.stop": {"id": "Wilayah lokasi {n}", "en": "Region of stop {n}"},
    "ui.rec.stop_place": {"id": "Tempat lokasi {n}", "en": "Place of stop {n}"},
    "ui.rec.stop_remove": {"id": "— hapus lokasi ini —", "en": "— remove this stop —"},
    "ui.rec.stop_new": {"id": "— tidak ada lokasi tambahan —", "en": "— no extra stop —"},
    "ui.rec.stops_help": {
        "id": "Kosongkan wilayah sebuah lokasi untuk menghapusnya; isi baris terakhir untuk menambah lokasi.",
        "en": "Empty a stop's region to remove it; fill in the last row to add a stop."},
    "ui.rec.tab.trail": {"id": "Riwayat perubahan", "en": "Change history"},
    "ui.rec.trail_record": {"id": "Data", "en": "Record"},
    "ui.rec.trail_all": {"id": "Semua data", "en": "All records"},
    "ui.rec.trail_empty": {"id": "Belum ada perubahan.", "en": "No changes yet."},
    "ui.rec.trail_shown": {
        "id": "{n} perubahan terbaru dari {total}; unduhan berisi semuanya.",
        "en": "The latest {n} of {total} changes; the downloads hold them all."},
    "ui.col.when": {"id": "Waktu (WIB)", "en": "Time (WIB)"},
    "ui.col.sentence": {"id": "Keterangan", "en": "Description"},
    "ui.col.at_utc": {"id": "Waktu (UTC)", "en": "Time (UTC)"},
    "ui.col.record_type": {"id": "Jenis data", "en": "Record type"},
    "ui.col.record_key": {"id": "Nomor/kode data", "en": "Record"},
    "ui.rec.add": {"id": "Tambah data", "en": "Add record"},
    "ui.rec.gone": {
        "id": "Data {doc} sudah tidak ada (dihapus oleh pengguna lain?).",
        "en": "Record {doc} no longer exists (deleted by someone else?)."},
    "ui.imp.kind": {"id": "Jenis data", "en": "Kind of data"},
    "ui.imp.kind.agreements": {"id": "Kesepakatan/perjanjian", "en": "Agreements"},
    "ui.imp.kind.visits": {"id": "Kunjungan kerja", "en": "Working visits"},
    "ui.imp.file": {"id": "Berkas CSV atau XLSX", "en": "CSV or XLSX file"},
    "ui.imp.file_limit": {"id": "Seret berkas ke kotak di atas atau klik «Pilih berkas». Paling besar {mb} MB.",
                          "en": "Drag a file onto the box above or click “Choose file”. At most {mb} MB."},
    "ui.upload.button": {"id": "Pilih berkas", "en": "Choose file"},
    "ui.upload.drop": {"id": "Lepaskan berkas di sini", "en": "Drop the file here"},
    "ui.select_all": {"id": "Pilih semua", "en": "Select all"},
    "ui.select_matches": {"id": "Pilih semua yang cocok", "en": "Select all matches"},
    "ui.no_results": {"id": "Tidak ada yang cocok", "en": "No results"},
    "ui.imp.template": {"id": "Unduh templat XLSX", "en": "Download XLSX template"},
    "ui.imp.preview": {"id": "Pratinjau (belum ada yang disimpan)", "en": "Preview (nothing saved yet)"},
    "ui.imp.commit": {"id": "Simpan {n} baris yang diterima", "en": "Save the {n} accepted rows"},
    "ui.imp.done": {"id": "Impor selesai: {summary}", "en": "Import done: {summary}"},
    "ui.imp.warned": {
        "id": "{n} baris diterima dengan peringatan: periksa kolom Peringatan sebelum menyimpan",
        "en": "{n} rows are accepted with warnings: check the Warnings column before saving"},
    "ui.imp.saved": {
        "id": "Berkas ini sudah disimpan ({n} baris). Unggah berkas lain untuk impor berikutnya.",
        "en": "This file has been saved ({n} rows). Upload another file for the next import."},
    "ui.imp.rejected": {
        "id": "Unduh baris yang ditolak beserta alasannya",
        "en": "Download the rejected rows with reasons"},
    "ui.imp.ignored": {"id": "Kolom diabaikan: {cols}", "en": "Columns ignored: {cols}"},
    "ui.act.add": {"id": "ditambah", "en": "added"},
    "ui.act.update": {"id": "diperbarui", "en": "updated"},
    "ui.act.unchanged": {"id": "tidak berubah", "en": "unchanged"},
    "ui.act.reject": {"id": "ditolak", "en": "rejected"},
    "ui.col.row": {"id": "Baris", "en": "Row"},
    "ui.col.doc_number": {"id": "Nomor", "en": "Number"},
    "ui.col.title": {"id": "Judul", "en": "Title"},
    "ui.col.type": {"id": "Jenis", "en": "Type"},
    "ui.col.status": {"id": "Status", "en": "Status"},
    "ui.col.sectors": {"id": "Bidang", "en": "Sectors"},
    "ui.col.parties": {"id": "Para pihak", "en": "Parties"},
    "ui.col.signed_on": {"id": "Tanggal TTD", "en": "Signed"},
    "ui.col.start_on": {"id": "Mulai", "en": "Start"},
    "ui.col.end_on": {"id": "Berakhir", "en": "End"},
    "ui.col.value_idr": {"id": "Nilai (Rp)", "en": "Value (IDR)"},
    "ui.col.obstacles": {"id": "Hambatan", "en": "Obstacles"},
    "ui.col.visit_ref": {"id": "Kunjungan", "en": "Visit"},
    "ui.col.ref": {"id": "Kode", "en": "Ref"},
    "ui.col.official_role": {"id": "Pejabat", "en": "Official"},
    "ui.col.ministry": {"id": "Kementerian", "en": "Ministry"},
    "ui.col.start_at": {"id": "Mulai", "en": "Start"},
    "ui.col.end_at": {"id": "Selesai", "en": "End"},
    "ui.col.time_zone": {"id": "Zona", "en": "Zone"},
    "ui.col.places": {"id": "Lokasi", "en": "Places"},
    "ui.col.agenda": {"id": "Agenda", "en": "Agenda"},
    "ui.col.focus_sectors": {"id": "Bidang fokus", "en": "Focus sectors"},
    "ui.col.people_met": {"id": "Pihak yang dijumpai", "en": "People met"},
    "ui.col.at": {"id": "Waktu", "en": "When"},
    "ui.col.actor": {"id": "Oleh", "en": "By"},
    "ui.col.changes": {"id": "Perubahan", "en": "Changes"},
    "ui.col.action": {"id": "Tindakan", "en": "Action"},
    "ui.col.key": {"id": "Kunci", "en": "Key"},
    "ui.col.reasons": {"id": "Alasan", "en": "Reasons"},
    "ui.col.warnings": {"id": "Peringatan", "en": "Warnings"},
    "ui.col.read_as": {"id": "Dibaca sebagai", "en": "Read as"},
    "ui.data.counts": {"id": "Jumlah wilayah", "en": "Number of regions"},
    "ui.data.licence": {"id": "Lisensi data", "en": "Data licence"},
    "ui.data.checks": {"id": "Mutu batas wilayah di peta (pemeriksaan build terakhir)",
                       "en": "Quality of the map's boundaries (checks of the last build)"},
    "ui.data.checks_help": {
        "id": "Batas wilayah di peta disederhanakan agar cepat tampil; tabel ini menunjukkan seberapa banyak.",
        "en": "The map's boundaries are simplified so that they draw quickly; this table shows how much."},
    "ui.data.check": {"id": "Pemeriksaan", "en": "Check"},
    "ui.data.check.dropped_islands": {"id": "Pulau sangat kecil yang tidak digambar",
                                      "en": "Very small islands not drawn"},
    "ui.data.check.rescaled_islands": {"id": "Pulau kecil yang diperbesar agar terlihat",
                                       "en": "Small islands enlarged to stay visible"},
    "ui.data.check.regions_per_tier": {"id": "Wilayah per tingkat penyederhanaan (kasar → halus)",
                                       "en": "Regions per simplification tier (coarse → fine)"},
    "ui.data.check.collapsed_by_rounding": {"id": "Wilayah yang hilang karena pembulatan",
                                            "en": "Regions lost to rounding"},
    "ui.data.check.bytes": {"id": "Ukuran berkas peta (batas)", "en": "Map file size (budget)"},
    "ui.data.check.zoom": {"id": "Tingkat zoom acuan", "en": "Reference zoom level"},
    "ui.data.check.tiers_px": {"id": "Toleransi tiap tingkat (piksel)", "en": "Tolerance of each tier (pixels)"},
    "ui.data.check.decimals": {"id": "Desimal koordinat", "en": "Coordinate decimals"},
    "ui.data.check.max_dropped_share": {"id": "Bagian luas yang boleh tidak digambar",
                                        "en": "Share of area that may be left out"},
    "ui.data.check.refine_rounds": {"id": "Putaran penghalusan", "en": "Refinement rounds"},
    # --- planner (issue 6): where to visit next, itinerary, backtest
    "ui.nav.planner": {"id": "Perencana Kunjungan", "en": "Visit planner"},
    "ui.plan.title": {"id": "Perencana kunjungan: ke mana berikutnya?", "en": "Visit planner: where next?"},
    "ui.plan.intro": {
        "id": "Peringkat daerah untuk kunjungan berikutnya. Setiap komponen terlihat dan bobotnya dapat diubah di "
              "panel samping; alasan tiap daerah dijelaskan di bawah tabel.",
        "en": "Regions ranked for the next visit. Every component is shown and its weight can be changed in the "
              "sidebar; each region's reasons are explained under the table."},
    "ui.plan.weights": {"id": "Bobot komponen", "en": "Component weights"},
    "ui.plan.c.gap": {"id": "Kesenjangan kerja sama", "en": "Cooperation gap"},
    "ui.plan.c.uplift": {"id": "Perkiraan dampak", "en": "Expected uplift"},
    "ui.plan.c.stalled": {"id": "Kerja sama terhambat", "en": "Stalled agreements"},
    "ui.plan.c.recency": {"id": "Lama sejak kunjungan terakhir", "en": "Time since last visit"},
    "ui.plan.c.leverage": {"id": "Daya ungkit jejaring", "en": "Network leverage"},
    "ui.plan.constraints": {"id": "Batasan", "en": "Constraints"},
    "ui.plan.level": {"id": "Tingkat wilayah", "en": "Region level"},
    "ui.plan.exclude": {
        "id": "Kecualikan daerah yang dikunjungi dalam … bulan terakhir (0 = tidak)",
        "en": "Exclude regions visited within the last … months (0 = no)"},
    "ui.plan.provinces": {"id": "Hanya provinsi", "en": "Only provinces"},
    "ui.plan.islands": {"id": "Hanya kepulauan", "en": "Only island groups"},
    "ui.plan.sectors": {"id": "Fokus bidang", "en": "Sector focus"},
    "ui.plan.ministry": {"id": "Riwayat kementerian sendiri", "en": "Own ministry's history"},
    "ui.plan.ministry_all": {"id": "(semua kementerian)", "en": "(all ministries)"},
    "ui.plan.model": {"id": "Cara menghitung", "en": "How it is computed"},
    "ui.plan.ranking": {"id": "Peringkat", "en": "Ranking"},
    "ui.plan.map": {"id": "Peta skor kunjungan berikutnya", "en": "Map of the visit-next score"},
    "ui.plan.score": {"id": "Skor (0–100)", "en": "Score (0–100)"},
    "ui.plan.legend.stops": {"id": "Persinggahan, bernomor urut kunjungan", "en": "Stops, numbered in visiting order"},
    "ui.plan.legend.legs": {"id": "Perjalanan antarpersinggahan", "en": "Travel between stops"},
    "ui.plan.verdict": {"id": "Dampak kunjungan pertama", "en": "First visit's impact"},
    "ui.plan.verdict_help": {
        "id": "Putusan atas kunjungan kerja pertama ke daerah ini, seperti di halaman Rincian Wilayah: \"Naik, "
              "jelas\" atau \"Turun, jelas\" hanya bila seluruh rentang 95% di atas atau di bawah nol.",
        "en": "The verdict on the first working visit to this region, as on the Region details page: \"Up, "
              "clearly\" or \"Down, clearly\" only when the whole 95% range is above or below zero."},
    "ui.plan.rank": {"id": "No.", "en": "No."},
    "ui.plan.name": {"id": "Wilayah", "en": "Region"},
    "ui.plan.why": {"id": "Mengapa daerah ini?", "en": "Why this region?"},
    "ui.plan.none": {"id": "Tidak ada daerah yang memenuhi batasan.", "en": "No region meets the constraints."},
    "ui.plan.itinerary": {"id": "Susun perjalanan", "en": "Build the itinerary"},
    "ui.plan.k": {"id": "Jumlah lokasi teratas (K)", "en": "Number of top places (K)"},
    "ui.plan.take_top": {"id": "Ambil K teratas", "en": "Take the top K"},
    "ui.plan.pick": {
        "id": "Lokasi yang dikunjungi (dari peringkat atau pilih sendiri)",
        "en": "Places to visit (from the ranking or by hand)"},
    "ui.plan.start": {"id": "Berangkat dari", "en": "Start from"},
    "ui.plan.date": {"id": "Tanggal berangkat", "en": "Departure date"},
    "ui.plan.days": {"id": "Lama perjalanan (hari, D)", "en": "Trip length (days, D)"},
    "ui.plan.per_day": {"id": "Lokasi per hari", "en": "Stops a day"},
    "ui.plan.weekdays": {"id": "Hanya hari kerja (Senin–Jumat)", "en": "Weekdays only (Monday–Friday)"},
    "ui.plan.return": {"id": "Kembali ke kota asal", "en": "Return to the start city"},
    "ui.plan.travel": {
        "id": "Perjalanan: {km} km garis lurus, ±{hours} jam; urutan sesuai pilihan: {nkm} km, ±{nhours} jam.",
        "en": "Travel: {km} km great-circle, about {hours} h; in the order picked: {nkm} km, about {nhours} h."},
    "ui.plan.assumptions": {
        "id": "Asumsi perjalanan: jarak garis lurus (great-circle) antar titik label wilayah. Darat bila satu "
              "daratan: 1,3 × jarak, 40 km/jam. Antarpulau di bawah 150 km: laut, 2 jam di pelabuhan + 25 km/jam. "
              "Antarpulau 150 km atau lebih: udara, 3 jam tetap + 600 km/jam. Di satu daratan terbang bila ≥ 300 "
              "km dan lebih cepat. Slot 09.00–12.00 dan 14.00–17.00 waktu setempat; perjalanan 06.00–21.00 waktu "
              "tempat berangkat; perbedaan zona waktu (WIB/WITA/WIT) diperhitungkan saat tiba.",
        "en": "Travel assumptions: great-circle distance between the regions' label points. Land on the same land "
              "mass: 1.3 × distance at 40 km/h. Between islands under 150 km: sea, 2 h at ports + 25 km/h. Between "
              "islands 150 km or more: air, 3 h fixed + 600 km/h. On one land mass, flying when ≥ 300 km and "
              "faster. Slots 09.00–12.00 and 14.00–17.00 local time; travel 06.00–21.00 on the clock of the place "
              "left; time-zone changes (WIB/WITA/WIT) are counted on arrival."},
    "ui.plan.to_briefing": {
        "id": "Tampilkan di briefing (peta, wilayah terpilih, jadwal)",
        "en": "Show in the briefing (map, chosen regions, schedule)"},
    "ui.plan.legs": {"id": "Rute", "en": "Route"},
    "ui.plan.mode.land": {"id": "darat", "en": "land"},
    "ui.plan.mode.sea": {"id": "laut", "en": "sea"},
    "ui.plan.mode.air": {"id": "udara", "en": "air"},
    "ui.col.from": {"id": "Dari", "en": "From"},
    "ui.col.to": {"id": "Ke", "en": "To"},
    "ui.col.km": {"id": "Jarak (km)", "en": "Distance (km)"},
    "ui.col.mode": {"id": "Moda", "en": "Mode"},
    "ui.col.hours": {"id": "Jam", "en": "Hours"},
    "ui.plan.schedule": {"id": "Jadwal (dapat diubah langsung di tabel)", "en": "Schedule (edit it in the table)"},
    "ui.plan.schedule_note": {
        "id": "Jadwal ditulis dalam bahasa Indonesia, sesuai format kementerian.",
        "en": "The schedule is written in Indonesian, the ministries' format."},
    "ui.plan.xlsx": {"id": "Unduh jadwal (XLSX)", "en": "Download the schedule (XLSX)"},
    "ui.plan.pdf": {"id": "Unduh jadwal siap cetak (PDF, A4 mendatar)",
                    "en": "Download the schedule ready to print (PDF, A4 landscape)"},
    "ui.plan.heading": {"id": "Kop jadwal: nama kunjungan, pejabat, kementerian, catatan",
                        "en": "Schedule heading: visit name, official, ministry, note"},
    "ui.plan.visit_title": {"id": "Nama kunjungan", "en": "Visit name"},
    "ui.plan.visit_title_hint": {"id": "mis. Kunjungan Kerja Wakil Menteri ke Sulawesi Selatan",
                                 "en": "e.g. Kunjungan Kerja Wakil Menteri ke Sulawesi Selatan"},
    "ui.plan.note": {"id": "Catatan (dicetak di bawah judul)", "en": "Note (printed under the title)"},
    "ui.plan.no_help": {
        "id": "Ubah nomor untuk mengubah urutan kunjungan; urutan Anda dipertahankan sampai dikembalikan ke urutan "
              "otomatis.",
        "en": "Change a number to reorder the stops; your order is kept until you return to the automatic order."},
    "ui.plan.clear_edits": {"id": "Kembalikan jadwal hitungan (hapus perubahan)",
                            "en": "Back to the computed schedule (drop the edits)"},
    "ui.plan.clear_order": {"id": "Kembali ke urutan otomatis (perjalanan terpendek)",
                            "en": "Back to the automatic order (shortest travel)"},
    "ui.plan.reopen": {"id": "Buka rencana tersimpan", "en": "Open a saved plan"},
    "ui.plan.reopen_help": {
        "id": "Lokasi, urutan dan isi jadwal rencana itu menggantikan rancangan Anda; menyimpan lagi memperbarui "
              "rencana tersebut.",
        "en": "That plan's places, order and schedule replace your draft; saving again updates that plan."},
    "ui.plan.reopen_button": {"id": "Buka", "en": "Open"},
    "ui.plan.draft_saved": {
        "id": "Rancangan rencana {user} tersimpan otomatis: tetap ada setelah halaman dimuat ulang atau masuk lagi.",
        "en": "{user}'s draft plan is saved automatically: it stays after a reload or a new login."},
    "ui.plan.draft_session": {
        "id": "Rancangan ini belum tersimpan: hanya ada selama halaman ini terbuka. Masuk (login) agar tetap ada "
              "setelah halaman dimuat ulang.",
        "en": "This draft is not saved: it lasts only while this page is open. Log in to keep it after a reload."},
    "ui.plan.save": {"id": "Simpan sebagai rencana kunjungan", "en": "Save as planned visits"},
    "ui.plan.official": {"id": "Pejabat", "en": "Official"},
    "ui.plan.ministry_name": {"id": "Kementerian", "en": "Ministry"},
    "ui.plan.ref": {"id": "Kode rencana", "en": "Plan reference"},
    "ui.plan.saved": {
        "id": "Tersimpan sebagai rencana kunjungan {ref}. Rencana tidak dihitung sebagai kunjungan.",
        "en": "Saved as planned visit {ref}. Plans are not counted as visits."},
    "ui.plan.planned_list": {"id": "Rencana kunjungan tersimpan", "en": "Saved planned visits"},
    "ui.plan.backtest": {
        "id": "Uji balik: apakah rekomendasi dulu tepat?",
        "en": "Backtest: were past recommendations right?"},
    "ui.plan.backtest_intro": {
        "id": "Sejarah diputar ulang bulan demi bulan: peringkat dihitung hanya dengan data yang ada saat itu. "
              "Untuk daerah yang dikunjungi bulan itu, tambahan kerja sama = jumlah 12 bulan sesudah dikurangi 12 "
              "bulan sebelum kunjungan.",
        "en": "History is replayed month by month: the ranking uses only data known then. For regions visited that "
              "month, the gain = agreements in the 12 months after minus the 12 months before the visit."},
    "ui.plan.top_k": {
        "id": "Dianggap direkomendasikan bila masuk … teratas",
        "en": "Counted as recommended when in the top …"},
    "ui.plan.run_backtest": {"id": "Jalankan uji balik", "en": "Run the backtest"},
    "ui.plan.bt.rec": {"id": "Direkomendasikan & dikunjungi", "en": "Recommended & visited"},
    "ui.plan.bt.not": {"id": "Dikunjungi, tidak direkomendasikan", "en": "Visited, not recommended"},
    "ui.plan.bt.random": {"id": "Pilihan acak", "en": "Random choice"},
    "ui.plan.bt.n": {"id": "{n} kunjungan", "en": "{n} visits"},
    "ui.plan.bt.interval": {"id": "95%: {lo} s.d. {hi}", "en": "95%: {lo} to {hi}"},
    "ui.plan.bt.summary": {
        "id": "{months} bulan diputar ulang, {n} daerah dikunjungi, {r} di antaranya direkomendasikan. Selisih "
              "rekomendasi vs tidak: {d} kerja sama (95%: {lo} s.d. {hi}). {share} dari pilihan acak mendapat "
              "tambahan setidaknya sebesar rekomendasi.",
        "en": "{months} months replayed, {n} regions visited, {r} of them recommended. Difference recommended vs "
              "not: {d} agreements (95%: {lo} to {hi}). {share} of random choices gained at least as much as the "
              "recommendations."},
    "ui.plan.bt.verdict.better": {
        "id": "**Rekomendasi lebih baik, jelas** — daerah yang direkomendasikan lalu dikunjungi mendapat sekitar {d} "
              "kerja sama lebih banyak per daerah daripada yang dikunjungi tanpa rekomendasi (95%: {lo} s.d. {hi}).",
        "en": "**Recommendations did better, clearly** — regions recommended and then visited gained about {d} more "
              "agreements each than regions visited without a recommendation (95%: {lo} to {hi})."},
    "ui.plan.bt.verdict.worse": {
        "id": "**Rekomendasi lebih buruk, jelas** — daerah yang direkomendasikan lalu dikunjungi mendapat sekitar {d} "
              "kerja sama lebih sedikit per daerah daripada yang dikunjungi tanpa rekomendasi (95%: {lo} s.d. "
              "{hi}).",
        "en": "**Recommendations did worse, clearly** — regions recommended and then visited gained about {d} fewer "
              "agreements each than regions visited without a recommendation (95%: {lo} to {hi})."},
    "ui.plan.bt.verdict.unclear": {
        "id": "**Belum pasti** — selisihnya {d} kerja sama per daerah, tetapi rentang 95% ({lo} s.d. {hi}) masih "
              "mencakup nol: uji balik ini belum menunjukkan bahwa rekomendasi lebih baik daripada kunjungan lain.",
        "en": "**Not yet clear** — the difference is {d} agreements per region, but the 95% range ({lo} to {hi}) "
              "still includes zero: this backtest does not show that recommendations did better than other "
              "visits."},
    "ui.plan.bt.unit": {
        "id": "Rata-rata tambahan kerja sama per daerah yang dikunjungi: jumlah 12 bulan sesudah kunjungan "
              "dikurangi 12 bulan sebelumnya.",
        "en": "Mean gain in agreements per visited region: the 12 months after the visit minus the 12 months "
              "before."},
    "ui.plan.bt.none": {
        "id": "Tidak ada pembanding: semua daerah yang dikunjungi direkomendasikan, atau tidak satu pun (atau "
              "datanya belum cukup). Ubah batas \"teratas\".",
        "en": "Nothing to compare: every visited region was recommended, or none was (or there is too little "
              "data). Change the \"top\" limit."},
    "ui.reg.plan": {"id": "Rencanakan kunjungan", "en": "Add to visit plan"},
    "ui.plan.map_hint": {
        "id": "Klik wilayah di peta untuk menambahkannya ke rencana perjalanan.",
        "en": "Click a region on the map to add it to the trip."},
    "ui.plan.places": {"id": "Lokasi", "en": "Places"},
    # --- access control and user management (issue 8) ---
    "ui.nav.users": {"id": "Pengguna", "en": "Users"},
    "ui.auth.login": {"id": "Masuk", "en": "Log in"},
    "ui.auth.logout": {"id": "Keluar", "en": "Log out"},
    "ui.auth.username": {"id": "Nama pengguna", "en": "User name"},
    "ui.auth.password": {"id": "Kata sandi", "en": "Password"},
    "ui.auth.as": {"id": "Masuk sebagai **{user}** ({role})", "en": "Logged in as **{user}** ({role})"},
    "ui.auth.required": {"id": "Silakan masuk untuk melihat Sinergi.", "en": "Please log in to view Sinergi."},
    "ui.auth.expired": {
        "id": "Sesi Anda berakhir karena tidak aktif; silakan masuk lagi.",
        "en": "Your session expired after inactivity; please log in again."},
    "ui.auth.read_only": {
        "id": "Anda hanya dapat melihat data. Masuk sebagai editor untuk mengimpor atau mengubah data.",
        "en": "You can only view the data. Log in as an editor to import or change records."},
    "ui.auth.no_admin": {
        "id": "Belum ada pengguna. Buat admin pertama di server: `python -m geo user add NAMA --role admin`",
        "en": "No users yet. Create the first admin on the server: `python -m geo user add NAME --role admin`"},
    "ui.role.viewer": {"id": "pembaca", "en": "viewer"},
    "ui.role.editor": {"id": "editor", "en": "editor"},
    "ui.role.admin": {"id": "admin", "en": "admin"},
    "ui.users.title": {"id": "Pengguna", "en": "Users"},
    "ui.users.admin_only": {"id": "Halaman ini hanya untuk admin.", "en": "This page is for admins only."},
    "ui.users.add": {"id": "Tambah pengguna", "en": "Add a user"},
    "ui.users.role": {"id": "Peran", "en": "Role"},
    "ui.users.password_again": {"id": "Ulangi kata sandi", "en": "Password again"},
    "ui.users.mismatch": {"id": "Kedua kata sandi tidak sama.", "en": "The two passwords differ."},
    "ui.users.pick": {"id": "Ubah pengguna", "en": "Change a user"},
    "ui.users.set_role": {"id": "Simpan peran", "en": "Save role"},
    "ui.users.set_password": {"id": "Ganti kata sandi", "en": "Change password"},
    "ui.users.disable": {"id": "Nonaktifkan", "en": "Disable"},
    "ui.users.enable": {"id": "Aktifkan", "en": "Enable"},
    "ui.users.remove": {"id": "Hapus pengguna", "en": "Remove user"},
    "ui.users.done": {"id": "Tersimpan.", "en": "Saved."},
    # open vocabularies (issue 14): the admin's Vocabularies page, and the import preview's warnings
    "ui.nav.vocabularies": {"id": "Kosakata", "en": "Vocabularies"},
    "ui.voc.title": {"id": "Kosakata", "en": "Vocabularies"},
    "ui.voc.intro": {
        "id": "Bidang, jenis dokumen dan hambatan yang dipakai data kunjungan dan kerja sama. Status tetap, karena "
              "dipakai analisis. Setiap perubahan tercatat di riwayat.",
        "en": "The sectors, document types and obstacles of visits and agreements. Statuses are fixed: the analysis "
              "uses them. Every change is recorded in the audit trail."},
    "ui.voc.admin_only": {"id": "Halaman ini hanya untuk admin.", "en": "This page is for admins only."},
    "ui.voc.kind": {"id": "Kosakata", "en": "Vocabulary"},
    "ui.voc.kind.sector": {"id": "Bidang", "en": "Sectors"},
    "ui.voc.kind.agreement_type": {"id": "Jenis dokumen", "en": "Document types"},
    "ui.voc.kind.obstacle": {"id": "Hambatan", "en": "Obstacles"},
    "ui.voc.review": {"id": "Label yang perlu ditinjau", "en": "Labels awaiting review"},
    "ui.voc.review_intro": {
        "id": "Label ini ditemukan saat impor dan belum dikenal; datanya masuk apa adanya. Petakan ke istilah yang "
              "ada untuk semua datanya sekaligus, atau beri label baru agar menjadi istilah sendiri.",
        "en": "An import met these labels and did not know them; their records came in as written. Map one onto an "
              "existing term for all its records at once, or rename it to make it a term of its own."},
    "ui.voc.review_none": {"id": "Tidak ada label yang perlu ditinjau.", "en": "No labels await review."},
    "ui.voc.map_to": {"id": "Petakan ke istilah", "en": "Map onto term"},
    "ui.voc.map": {"id": "Petakan untuk semua datanya", "en": "Map for all its records"},
    "ui.voc.terms": {"id": "Istilah", "en": "Terms"},
    "ui.voc.col.key": {"id": "Kunci", "en": "Key"},
    "ui.voc.col.label_id": {"id": "Label (Indonesia)", "en": "Label (Indonesian)"},
    "ui.voc.col.label_en": {"id": "Label (Inggris)", "en": "Label (English)"},
    "ui.voc.col.aliases": {"id": "Nama lain", "en": "Aliases"},
    "ui.voc.col.state": {"id": "Keadaan", "en": "State"},
    "ui.voc.col.label": {"id": "Label tertulis", "en": "Label as written"},
    "ui.voc.col.records": {"id": "Jumlah data", "en": "Records"},
    "ui.voc.state.default": {"id": "bawaan", "en": "built in"},
    "ui.voc.state.custom": {"id": "diatur admin", "en": "set by an admin"},
    "ui.voc.state.review": {"id": "perlu ditinjau", "en": "awaiting review"},
    "ui.voc.state.merged": {"id": "digabung ke {term}", "en": "merged into {term}"},
    "ui.voc.pick": {"id": "Istilah", "en": "Term"},
    "ui.voc.add": {"id": "Tambah istilah", "en": "Add a term"},
    "ui.voc.rename": {"id": "Ubah label", "en": "Rename"},
    "ui.voc.alias": {"id": "Nama lain", "en": "Alias"},
    "ui.voc.alias_add": {"id": "Tambah nama lain", "en": "Add the alias"},
    "ui.voc.merge": {"id": "Gabungkan istilah", "en": "Merge terms"},
    "ui.voc.merge_source": {"id": "Istilah yang digabung", "en": "Term to merge"},
    "ui.voc.merge_target": {"id": "Digabung ke", "en": "Merge into"},
    "ui.voc.merge_confirm": {
        "id": "Saya paham: semua data yang memakai istilah ini diubah",
        "en": "I understand: every record using this term is changed"},
    "ui.voc.done": {"id": "Tersimpan.", "en": "Saved."},
    "ui.voc.done_records": {"id": "Tersimpan; {n} data diubah.", "en": "Saved; {n} records changed."},
    "ui.col.username": {"id": "Nama pengguna", "en": "User name"},
    "ui.col.role": {"id": "Peran", "en": "Role"},
    "ui.col.active": {"id": "Aktif", "en": "Active"},
    "ui.col.created_at": {"id": "Dibuat", "en": "Created"},
    "ui.col.last_login_at": {"id": "Terakhir masuk", "en": "Last login"},
    # briefings: presentation mode, story, exports (issue 7)
    "ui.nav.briefing": {"id": "Mode presentasi / Briefing", "en": "Presentation / Briefing"},
    "ui.present.switch": {"id": "Mode presentasi", "en": "Presentation mode"},
    "ui.present.exit": {"id": "Keluar dari mode presentasi", "en": "Leave presentation mode"},
    "ui.brief.title": {"id": "Briefing", "en": "Briefing"},
    "ui.brief.regions": {"id": "Wilayah yang dibahas", "en": "Regions to present"},
    "ui.brief.prev": {"id": "← Sebelumnya", "en": "← Previous"},
    "ui.brief.next": {"id": "Berikutnya →", "en": "Next →"},
    "ui.brief.step": {"id": "Langkah {i} dari {n}: {name}", "en": "Step {i} of {n}: {name}"},
    "ui.brief.step.map": {"id": "Peta nasional", "en": "National map"},
    "ui.brief.step.top": {"id": "Wilayah tertinggi dan terendah", "en": "Top and bottom regions"},
    "ui.brief.step.region": {"id": "Rincian {region}", "en": "{region} in detail"},
    "ui.brief.step.itinerary": {"id": "Rencana perjalanan", "en": "Itinerary"},
    "ui.brief.itinerary_full": {"id": "Rencana perjalanan lengkap (setiap isian utuh)",
                                "en": "The whole itinerary (every cell in full)"},
    "ui.brief.downloads": {"id": "Unduh bahan briefing", "en": "Download briefing files"},
    "ui.brief.dl_pptx": {"id": "Presentasi (PPTX)", "en": "Slides (PPTX)"},
    "ui.brief.dl_brief": {"id": "Ringkasan {region} (PDF)", "en": "{region} brief (PDF)"},
    "ui.brief.dl_png": {"id": "Peta (PNG, 300 dpi)", "en": "Map (PNG, 300 dpi)"},
    "ui.brief.dl_svg": {"id": "Peta (SVG)", "en": "Map (SVG)"},
    "ui.brief.dl_pdf": {"id": "Peta (PDF)", "en": "Map (PDF)"},
    "ui.gis.format": {"id": "Berkas GIS", "en": "GIS file"},
    "ui.gis.format_help": {
        "id": "Lapisan peta yang tampil (batas wilayah rinci, kode, nama, nilai, kelas, putusan) dalam EPSG:4326, "
              "untuk QGIS dan program GIS lain.",
        "en": "The map layer shown (full-detail boundaries, code, name, value, class, verdict) in EPSG:4326, "
              "for QGIS and other GIS programs."},
    "ui.gis.format.gpkg": {"id": "GeoPackage (.gpkg)", "en": "GeoPackage (.gpkg)"},
    "ui.gis.format.shapefile": {"id": "Shapefile (.zip)", "en": "Shapefile (.zip)"},
    "ui.gis.format.geojson": {"id": "GeoJSON (.geojson)", "en": "GeoJSON (.geojson)"},
    "ui.gis.format.kml": {"id": "KML (.kml)", "en": "KML (.kml)"},
    "ui.gis.download": {"id": "Unduh berkas GIS", "en": "Download GIS file"},
    "ui.nav.gallery": {"id": "Contoh Kerja Sama Berhasil", "en": "Cooperation that worked"},
    "ui.ev.title": {"id": "Contoh kerja sama yang berhasil", "en": "Examples of cooperation that worked"},
    "ui.ev.intro": {
        "id": "Foto dari kerja sama yang berjalan atau selesai. Periode: tanggal tanda tangan kerja sama (atau "
              "tanggal mulainya).",
        "en": "Photos of running or completed agreements. Period: the agreement's signing date (or its start)."},
    "ui.ev.region": {"id": "Wilayah", "en": "Region"},
    "ui.ev.all_regions": {"id": "Seluruh Indonesia", "en": "All of Indonesia"},
    "ui.ev.none": {"id": "Belum ada foto untuk pilihan ini.", "en": "No photos for this choice yet."},
    "ui.ev.count": {"id": "{n} foto", "en": "{n} photos"},
    "ui.ev.more": {"id": "{shown} dari {n} foto ditampilkan; persempit saringan untuk melihat yang lain.",
                   "en": "{shown} of {n} photos shown; narrow the filters to see others."},
    "ui.ev.section": {"id": "Bukti: dokumen dan foto", "en": "Evidence: documents and photos"},
    "ui.ev.region_photos": {"id": "Foto kegiatan", "en": "Photos"},
    "ui.ev.upload": {"id": "Foto (JPEG, PNG, WebP) atau dokumen bertanda tangan (PDF)",
                     "en": "Photo (JPEG, PNG, WebP) or signed document (PDF)"},
    "ui.ev.upload_help": {
        "id": "Berkas dinilai dari isinya, bukan namanya. Foto disimpan ulang tanpa data tambahan (EXIF, lokasi GPS), "
              "paling banyak {mp} juta piksel dan {mb_image} MB; PDF paling besar {mb_pdf} MB, dan PDF berisi skrip, "
              "aksi otomatis atau berkas sisipan ditolak.",
        "en": "Files are judged by their content, not their name. Photos are stored again without extras (EXIF, GPS "
              "position), at most {mp} million pixels and {mb_image} MB; PDFs at most {mb_pdf} MB, and PDFs holding "
              "scripts, automatic actions or embedded files are refused."},
    "ui.ev.caption": {"id": "Keterangan", "en": "Caption"},
    "ui.ev.place": {"id": "Tempat", "en": "Place"},
    "ui.ev.taken_on": {"id": "Tanggal foto atau dokumen", "en": "Date of the photo or document"},
    "ui.ev.credit": {"id": "Kredit (pemotret atau sumber)", "en": "Credit (photographer or source)"},
    "ui.ev.attach": {"id": "Lampirkan", "en": "Attach"},
    "ui.ev.attached": {"id": "Lampiran disimpan.", "en": "Attachment saved."},
    "ui.ev.pick_file": {"id": "Pilih berkas dahulu.", "en": "Choose a file first."},
    "ui.ev.remove": {"id": "Hapus lampiran", "en": "Remove attachment"},
    "ui.ev.removed": {"id": "Lampiran dihapus.", "en": "Attachment removed."},
    "ui.ev.download_pdf": {"id": "Unduh dokumen (PDF, {pages} halaman)", "en": "Download document (PDF, {pages} pages)"},
    "ui.ev.empty": {"id": "Belum ada lampiran.", "en": "No attachments yet."},
    "ui.ev.added_by": {"id": "dilampirkan oleh {who}", "en": "attached by {who}"},
}
