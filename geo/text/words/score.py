"""The sentences explaining a region's impact score (``geo.analysis.score.RegionScore.explain``).

One sentence per part of the score (each rated 0 to 1), then the score with its weights. Numbers arrive already
formatted for the language (``geo.text.numbers``). Keys start with ``score.``. Plain words only, no statistical
jargon ("selisih-dalam-selisih", "komponen"): ``tests/analysis/test_score.py`` checks.
"""

from __future__ import annotations

WORDS = {
    "score.effect": {
        "id": "Sesudah kunjungan {month}: rata-rata {after} {unit} per bulan (sebelumnya {before}). Di {n} "
              "daerah serupa yang tidak dikunjungi: {cafter} per bulan (sebelumnya {cbefore}). Kenaikan di sini "
              "dikurangi kenaikan di daerah serupa: {did} per bulan (95%: {lo} s.d. {hi}); nilai {value} dari 1 "
              "(0,5 berarti tidak ada selisih; mendekati 1 hanya bila kenaikannya jelas).",
        "en": "After the visit of {month}: {after} {unit} a month on average (before: {before}). In {n} "
              "similar regions not visited: {cafter} a month (before: {cbefore}). The rise here minus the rise in "
              "similar regions: {did} a month (95%: {lo} to {hi}); rated {value} of 1 (0.5 means no difference; "
              "near 1 only when the rise is clear)."},
    "score.no_visit": {
        "id": "Belum pernah dikunjungi: belum ada dampak kunjungan untuk dinilai, jadi tidak ada skor.",
        "en": "Never visited: there is no visit impact to judge, so no score."},
    "score.breadth": {
        "id": "Jejaring (seluruh data, semua tahun): {partners} daerah mitra berbeda, lebih banyak dari {pct} daerah "
              "setingkat; nilai {value} dari 1.",
        "en": "Network (all records, every year): {partners} distinct partner regions, more than {pct} of regions "
              "of the same level; rated {value} of 1."},
    "score.progress": {
        "id": "Pelaksanaan (seluruh data, semua tahun): {share} kerja sama sudah berjalan atau selesai; nilai {value} "
              "dari 1.",
        "en": "Implementation (all records, every year): {share} of agreements are running or completed; rated "
              "{value} of 1."},
    "score.no_progress": {
        "id": "Pelaksanaan: belum ada kerja sama yang ditandatangani untuk dinilai.",
        "en": "Implementation: no signed agreement to assess yet."},
    "score.too_little": {
        "id": "Data terlalu sedikit ({n} kerja sama, minimal {min}): skor tidak ditampilkan.",
        "en": "Too little data ({n} agreements, at least {min} needed): no score shown."},
    "score.score": {
        "id": "Skor {score} dari 100 (bobot: dampak {we}, jejaring {wb}, pelaksanaan {wp}).",
        "en": "Score {score} of 100 (weights: effect {we}, network {wb}, implementation {wp})."},
}
