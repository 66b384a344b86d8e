"""The words of the briefing exports: the printed map, the region brief (PDF) and the deck (PPTX).

The exports are made without Streamlit (also by ``python -m geo brief``), so their words are engine words,
not interface words; the briefing page shows some of them too. Keys start with ``briefing.``. The method
slide of the deck is one key per paragraph (``briefing.deck.method.*``), in the order the deck lists them.
"""

from __future__ import annotations

WORDS = {
    "briefing.impact.visit_outside": {
        "id": "Kunjungan pertama ({month}) di luar periode yang dipilih: putusan ini tentang 12 bulan sesudahnya",
        "en": "The first visit ({month}) lies outside the chosen period: this verdict is about the 12 months after it"},
    "briefing.metric.score": {"id": "Dampak kunjungan", "en": "Impact of visits"},
    "briefing.metric.change": {"id": "Perubahan kerja sama", "en": "Change in agreements"},
    "briefing.metric.signed": {"id": "Kerja sama ditandatangani", "en": "Agreements signed"},
    "briefing.metric.signed_per_100k": {"id": "Kerja sama per 100.000 penduduk", "en": "Agreements per 100,000 people"},
    "briefing.metric.value_idr": {"id": "Nilai kerja sama (Rp)", "en": "Agreement value (IDR)"},
    "briefing.metric.value_per_capita": {
        "id": "Nilai kerja sama per penduduk (Rp)",
        "en": "Agreement value per person (IDR)"},
    "briefing.metric.partners": {"id": "Jumlah daerah mitra", "en": "Partner regions"},
    "briefing.metric.progressed_share": {"id": "Porsi berjalan/selesai", "en": "Share running or completed"},
    "briefing.metric.stalled": {"id": "Kerja sama terhambat", "en": "Stalled agreements"},
    "briefing.metric.visits": {"id": "Kunjungan kerja", "en": "Working visits"},
    "briefing.metric.visits_per_100k": {"id": "Kunjungan per 100.000 penduduk", "en": "Visits per 100,000 people"},
    "briefing.level.province": {"id": "provinsi", "en": "provinces"},
    "briefing.level.regency": {"id": "kabupaten/kota", "en": "regencies/cities"},
    "briefing.level.district": {"id": "kecamatan", "en": "districts"},
    "briefing.map.title": {"id": "Peta Kerja Sama Antar Daerah", "en": "Inter-regional cooperation map"},
    "briefing.period": {"id": "Periode", "en": "Period"},
    "briefing.filters": {"id": "Saring", "en": "Filters"},
    "briefing.filters.none": {"id": "tanpa saringan", "en": "no filters"},
    "briefing.filter.sectors": {"id": "bidang", "en": "sector"},
    "briefing.filter.types": {"id": "jenis", "en": "type"},
    "briefing.filter.statuses": {"id": "status", "en": "status"},
    "briefing.filter.ministries": {"id": "kementerian", "en": "ministry"},
    "briefing.no_data": {"id": "tidak ada data", "en": "no data"},
    "briefing.source": {
        "id": "Sumber: data kunjungan kerja dan kerja sama antar daerah Sinergi; batas wilayah © cahya dsn (MIT), "
              "Kepmendagri No 300.2.2-2138 Tahun 2025. Dibuat {date}.",
        "en": "Source: Sinergi's working-visit and inter-regional agreement records; boundaries © cahya dsn (MIT), "
              "Kepmendagri No 300.2.2-2138 of 2025. Made {date}."},
    "briefing.simulated": {"id": "DATA SIMULASI — bukan data sebenarnya", "en": "SIMULATED DATA — not real data"},
    "briefing.mixed": {
        "id": "Termasuk {n} DATA SIMULASI di samping data sebenarnya",
        "en": "Includes {n} SIMULATED records next to the real data"},
    "briefing.all_time": {"id": "seluruh periode", "en": "all time"},
    "briefing.rank": {"id": "Peringkat", "en": "Rank"},
    "briefing.region": {"id": "Wilayah", "en": "Region"},
    "briefing.code": {"id": "Kode", "en": "Code"},
    "briefing.value": {"id": "Nilai", "en": "Value"},
    "briefing.brief.title": {"id": "Ringkasan Wilayah", "en": "Region brief"},
    "briefing.brief.key_figures": {"id": "Angka utama", "en": "Key figures"},
    "briefing.brief.population": {"id": "Penduduk", "en": "Population"},
    "briefing.brief.signed": {"id": "Kerja sama ditandatangani", "en": "Agreements signed"},
    "briefing.brief.value": {"id": "Nilai kerja sama", "en": "Agreement value"},
    "briefing.brief.partners": {"id": "Daerah mitra", "en": "Partner regions"},
    "briefing.brief.visits": {"id": "Kunjungan kerja", "en": "Working visits"},
    "briefing.col.verdict": {"id": "Putusan", "en": "Verdict"},
    "briefing.brief.impact": {"id": "Dampak kunjungan", "en": "Visit impact"},
    "briefing.brief.score_explain": {"id": "Dampak kunjungan dan penjelasannya", "en": "Visit impact explained"},
    "briefing.impact.with_score": {"id": "{verdict} (skor {score})", "en": "{verdict} (score {score})"},
    "briefing.impact.not_visited_note": {
        "id": "belum ada kunjungan kerja ke daerah ini, jadi dampaknya belum bisa dinilai",
        "en": "no working visit to this region yet, so there is no impact to judge"},
    "briefing.brief.timeline": {"id": "Kerja sama per bulan", "en": "Agreements per month"},
    "briefing.brief.timeline_note": {
        "id": "Garis: wilayah ini · pita abu-abu: daerah pembanding yang tidak dikunjungi · garis merah: kunjungan "
              "kerja",
        "en": "Line: this region · grey band: comparison regions not visited · red lines: working visits"},
    "briefing.brief.agreements": {"id": "Kerja sama", "en": "Agreements"},
    "briefing.brief.agreements_shown": {"id": "{shown} terbaru dari {total}", "en": "latest {shown} of {total}"},
    "briefing.brief.obstacles": {"id": "Hambatan dan mitigasinya", "en": "Obstacles and their mitigation"},
    "briefing.brief.none": {"id": "Belum ada data.", "en": "No data yet."},
    "briefing.col.doc_number": {"id": "Nomor", "en": "Number"},
    "briefing.col.title": {"id": "Judul", "en": "Title"},
    "briefing.col.type": {"id": "Jenis", "en": "Type"},
    "briefing.col.status": {"id": "Status", "en": "Status"},
    "briefing.col.signed_on": {"id": "Tanggal", "en": "Date"},
    "briefing.col.value_idr": {"id": "Nilai", "en": "Value"},
    "briefing.col.obstacle": {"id": "Hambatan", "en": "Obstacle"},
    "briefing.col.agreements": {"id": "Kerja sama", "en": "Agreements"},
    "briefing.col.mitigation": {"id": "Mitigasi", "en": "Mitigation"},
    "briefing.col.figure": {"id": "Ukuran", "en": "Figure"},
    "briefing.deck.title": {"id": "Briefing Kerja Sama Antar Daerah", "en": "Inter-regional cooperation briefing"},
    "briefing.deck.map": {"id": "Peta nasional: {metric}", "en": "National map: {metric}"},
    "briefing.deck.map_within": {"id": "Peta {region}: {metric}", "en": "Map of {region}: {metric}"},
    "briefing.deck.top": {"id": "{n} wilayah tertinggi", "en": "Top {n} regions"},
    "briefing.deck.bottom": {"id": "{n} wilayah terendah", "en": "Bottom {n} regions"},
    "briefing.deck.region": {"id": "Rincian wilayah: {region}", "en": "Region details: {region}"},
    "briefing.deck.itinerary": {"id": "Rencana perjalanan", "en": "Itinerary"},
    "briefing.deck.method": {"id": "Metode dan sumber data", "en": "Method and data sources"},
    "briefing.deck.continued": {"id": "{title} (lanjutan)", "en": "{title} (continued)"},
    "briefing.deck.notes.heading": {
        "id": "Teks lengkap dari yang dipendekkan di slide ini:",
        "en": "The full text of what this slide shortens:"},
    "briefing.deck.notes.cell": {"id": "{column}, baris {row}: {text}", "en": "{column}, row {row}: {text}"},
    "briefing.deck.notes.box": {"id": "Teks: {text}", "en": "Text: {text}"},
    "briefing.deck.notes.title": {"id": "Judul: {text}", "en": "Title: {text}"},
    "briefing.deck.method.records": {
        "id": "Ukuran per wilayah dihitung dari data kerja sama antar daerah dan kunjungan kerja yang tersimpan di "
              "Sinergi; satu kerja sama dihitung sekali untuk setiap wilayah yang menjadi pihaknya.",
        "en": "Figures per region come from the inter-regional agreements and working visits stored in Sinergi; an "
              "agreement counts once for every region that is a party to it."},
    "briefing.deck.method.classes": {
        "id": "Kelas warna peta: {scheme}, {k} kelas; wilayah tanpa data berwarna abu-abu bergaris, bukan kelas "
              "terendah.",
        "en": "Map colour classes: {scheme}, {k} classes; regions without data are hatched grey, never the lowest class."},
    "briefing.deck.method.score": {
        "id": "Dampak kunjungan: kerja sama baru yang diprakarsai daerah itu (pihak pertama) sesudah kunjungan, "
              "dibanding daerah serupa yang tidak dikunjungi. "
              "\"Naik, jelas\" atau \"Turun, jelas\" hanya bila seluruh rentang 95% di atas atau di bawah nol; "
              "selain itu \"Belum pasti\". Skor dampak (0–100) menggabungkan dampak itu, jejaring mitra dan "
              "pelaksanaan kerja sama; caranya di halaman Metode di Sinergi.",
        "en": "Visit impact: new agreements the region initiates (first party) after the visit, compared with "
              "similar regions not visited. \"Up, "
              "clearly\" or \"Down, clearly\" only when the whole 95% range is above or below zero; otherwise "
              "\"Not yet clear\". The impact score (0–100) combines that impact, the partner network and "
              "implementation; the Method page in Sinergi explains how."},
    "briefing.deck.method.boundaries": {
        "id": "Batas dan kode wilayah: © cahya dsn (lisensi MIT), Kepmendagri No 300.2.2-2138 Tahun 2025.",
        "en": "Region boundaries and codes: © cahya dsn (MIT licence), Kepmendagri No 300.2.2-2138 of 2025."},
    "briefing.scheme.quantiles": {"id": "kuantil", "en": "quantiles"},
    "briefing.scheme.equal_interval": {"id": "interval sama", "en": "equal interval"},
    "briefing.scheme.natural_breaks": {"id": "jeda alami (Jenks)", "en": "natural breaks (Jenks)"},
    "briefing.scheme.user": {"id": "batas sendiri", "en": "own breaks"},
    "briefing.scheme.verdict": {  # the impact map (geo.maps.verdict_classes)
        "id": "putusan kunjungan (naik jelas menurut besarnya, belum pasti, turun jelas, data belum cukup)",
        "en": "visit verdicts (clearly up by size, not yet clear, clearly down, not enough data)"},
}
