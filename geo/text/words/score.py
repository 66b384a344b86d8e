"""The sentences explaining a region's impact score (``geo.analysis.score.RegionScore.explain``).

One sentence per component, then the score with its weights. Numbers arrive already formatted for the
language (``geo.text.numbers``). Keys start with ``score.``.
"""

from __future__ import annotations

WORDS = {
    "score.effect": {
        "id": "Dampak kunjungan: setelah kunjungan {month}, rata-rata {after} kerja sama baru per bulan "
              "(sebelumnya {before}); di {n} daerah pembanding yang tidak dikunjungi: {cafter} (sebelumnya "
              "{cbefore}). Selisih-dalam-selisih {did} per bulan (95%: {lo} s.d. {hi}) → komponen {value}.",
        "en": "Visit effect: after the visit of {month}, {after} new agreements a month on average (before: "
              "{before}); in {n} comparison regions not visited: {cafter} (before: {cbefore}). "
              "Difference-in-differences {did} a month (95%: {lo} to {hi}) → component {value}."},
    "score.no_visit": {
        "id": "Belum pernah dikunjungi: tidak ada skor dampak kunjungan.",
        "en": "Never visited: no visit impact score."},
    "score.breadth": {
        "id": "Jejaring: {partners} daerah mitra berbeda, lebih banyak dari {pct} daerah setingkat → komponen "
              "{value}.",
        "en": "Network: {partners} distinct partner regions, more than {pct} of regions of the same level → "
              "component {value}."},
    "score.progress": {
        "id": "Pelaksanaan: {share} kerja sama sudah berjalan atau selesai → komponen {value}.",
        "en": "Implementation: {share} of agreements are running or completed → component {value}."},
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
