"""The planner's explanations: why a region ranks where it does (``geo.planner.rank.explain``) and how the
expected numbers of agreements are modelled.

``planner.why.*`` is one sentence per component of the visit-next score; ``planner.stratum.*`` names the
population terciles of the expected-uplift sentence. Numbers arrive already formatted for the language.
"""

from __future__ import annotations

WORDS = {
    "planner.why.gap": {
        "id": "Kesenjangan kerja sama: {n} kerja sama dan {p} daerah mitra, padahal menurut penduduk, luas dan "
              "kegiatan tetangganya diharapkan {en} kerja sama dan {ep} mitra → komponen {value}.",
        "en": "Cooperation gap: {n} agreements and {p} partner regions, where its population, area and neighbours' "
              "activity lead to expect {en} agreements and {ep} partners → component {value}."},
    "planner.why.gap_none": {
        "id": "Kesenjangan kerja sama: model harapan tidak dapat dihitung ({reason}).",
        "en": "Cooperation gap: the expectation model could not be fitted ({reason})."},
    "planner.why.uplift": {
        "id": "Perkiraan dampak: di daerah serupa (penduduk {stratum}) kunjungan diikuti {att} kerja sama baru per "
              "bulan (95%: {lo} s.d. {hi}) → komponen {value}.",
        "en": "Expected uplift: in similar regions ({stratum} population) visits were followed by {att} new "
              "agreements a month (95%: {lo} to {hi}) → component {value}."},
    "planner.why.uplift_none": {
        "id": "Perkiraan dampak: belum ada perkiraan dari daerah serupa → komponen 0,5 (netral).",
        "en": "Expected uplift: no estimate from similar regions yet → component 0.5 (neutral)."},
    "planner.why.stalled": {
        "id": "{n} kerja sama terhambat yang dapat didorong (hambatan: {kinds}) → komponen {value}.",
        "en": "{n} stalled agreements a visit could unblock (obstacles: {kinds}) → component {value}."},
    "planner.why.stalled_none": {"id": "Tidak ada kerja sama terhambat.", "en": "No stalled agreement."},
    "planner.why.recency": {
        "id": "Kunjungan terakhir {months} bulan lalu ({when}) → komponen {value}.",
        "en": "Last visited {months} months ago ({when}) → component {value}."},
    "planner.why.recency_never": {"id": "Belum pernah dikunjungi → komponen 1.", "en": "Never visited → component 1."},
    "planner.why.leverage": {
        "id": "Daya ungkit jejaring: menjangkau {reach} daerah dalam dua langkah kemitraan, bertetangga dengan "
              "{clusters} kelompok kerja sama lain, sentralitas antara {betw} → komponen {value}.",
        "en": "Network leverage: reaches {reach} regions within two partner steps, borders {clusters} other "
              "cooperation clusters, betweenness {betw} → component {value}."},
    "planner.why.verdict": {
        "id": "Dampak kunjungan pertama: {verdict}.",
        "en": "Impact of the first visit: {verdict}."},
    "planner.why.score": {"id": "Skor {score} dari 100.", "en": "Score {score} of 100."},
    "planner.stratum.small": {"id": "kecil", "en": "small"},
    "planner.stratum.medium": {"id": "sedang", "en": "medium"},
    "planner.stratum.large": {"id": "besar", "en": "large"},
    "planner.stratum.all": {"id": "semua", "en": "any"},
    "planner.expectation_model": {
        "id": "Harapan jumlah kerja sama dan mitra: regresi Poisson (GLM, tautan log) atas log penduduk, log luas "
              "wilayah dan log(1 + rata-rata kegiatan daerah tetangga darat), dipasang pada semua daerah "
              "setingkat. Kesenjangan = selisih terstandar (residual Pearson) di bawah harapan.",
        "en": "Expected numbers of agreements and partners: a Poisson regression (GLM, log link) on log "
              "population, log area and log(1 + land neighbours' mean activity), fitted over all regions of the "
              "level. The gap is the standardised shortfall (Pearson residual) below that expectation."},
    # the schedule's files (geo.planner.schedule_files), written in Indonesian like the ministries' schedules
    "planner.file.sheet": {"id": "Jadwal", "en": "Schedule"},
    "planner.file.default_title": {"id": "Kunjungan Kerja {official}", "en": "Working visit of the {official}"},
    "planner.file.official": {"id": "Pejabat", "en": "Official"},
    "planner.file.ministry": {"id": "Kementerian", "en": "Ministry"},
    "planner.file.dates": {"id": "Tanggal", "en": "Dates"},
    "planner.file.ref": {"id": "Kode rencana", "en": "Plan reference"},
    "planner.file.note": {"id": "Catatan", "en": "Note"},
    "planner.file.leg": {"id": "Perjalanan {origin} → {destination}: {mode}, ± {duration} ({km} km)",
                         "en": "Travel {origin} → {destination}: {mode}, about {duration} ({km} km)"},
    "planner.file.return": {"id": "Kembali {origin} → {destination}: {mode}, ± {duration} ({km} km)",
                            "en": "Return {origin} → {destination}: {mode}, about {duration} ({km} km)"},
    "planner.file.mode.land": {"id": "jalan darat", "en": "by road"},
    "planner.file.mode.sea": {"id": "jalur laut", "en": "by sea"},
    "planner.file.mode.air": {"id": "pesawat udara", "en": "by air"},
    "planner.file.made": {"id": "Dibuat dengan Sinergi, {when}.", "en": "Made with Sinergi, {when}."},
    "planner.file.estimates": {
        "id": "Waktu tempuh adalah perkiraan (jarak garis lurus antarwilayah; asumsi perjalanan Sinergi), bukan "
              "jadwal angkutan; periksa sebelum berangkat.",
        "en": "Travel times are estimates (straight-line distance between regions; Sinergi's travel assumptions), "
              "not timetables; check them before leaving."},
    "planner.file.page": {"id": "Halaman {page} dari {pages}", "en": "Page {page} of {pages}"},
    "planner.file.page_xlsx": {"id": "Halaman &P dari &N", "en": "Page &P of &N"},
}
