"""The words of the impact headline (``geo.analysis.headline``): "Apa artinya?" and "Batasan". Keys start with
``headline.``. Plain words for a leader: no "selisih-dalam-selisih", no "komponen"."""

from __future__ import annotations

WORDS = {
    "headline.title": {"id": "Apa artinya?", "en": "What does it mean?"},
    "headline.question": {"id": "Apakah kerja sama tumbuh setelah kunjungan, dan apakah itu nyata?",
                          "en": "Did cooperation grow after visits, and is that real?"},
    "headline.limits_title": {"id": "Batasan", "en": "Limits"},
    "headline.more": {"id": "Apa artinya, dan batasannya", "en": "What it means, and its limits"},
    "headline.method_link": {"id": "Cara menghitung (dokumen metode)", "en": "How it is calculated (method)"},
    "headline.outcome.new_as_lead": {
        "id": "kerja sama baru yang diprakarsai daerah itu (sebagai pihak pertama)",
        "en": "new agreements the region initiates (as first party)"},
    "headline.outcome.new_agreements": {"id": "semua kerja sama baru daerah itu (sebagai pihak mana pun)",
                                        "en": "all the region's new agreements (as any party)"},
    "headline.outcome.new_partners": {"id": "daerah mitra baru", "en": "new partner regions"},
    "headline.outcome.value_idr": {"id": "nilai kerja sama baru", "en": "value of new agreements"},
    "headline.scope": {
        "id": "Data {period} ({filters}): {visited} daerah dikunjungi. Yang diukur: {outcome}, dalam {window} "
              "bulan setelah kunjungan pertama, dibanding daerah serupa yang pada bulan yang sama belum dikunjungi.",
        "en": "Data {period} ({filters}): {visited} regions visited. Measured: {outcome}, in the {window} months "
              "after the first visit, compared with similar regions not yet visited in the same months."},
    "headline.means.up": {
        "id": "Hasilnya naik, dan jelas: {size}. Seluruh rentang 95% di atas nol, jadi kenaikan ini sulit dijelaskan "
              "sebagai kebetulan.",
        "en": "It went up, clearly: {size}. The whole 95% range is above zero, so chance is an unlikely "
              "explanation."},
    "headline.means.down": {
        "id": "Hasilnya turun, dan jelas: {size}. Seluruh rentang 95% di bawah nol.",
        "en": "It went down, clearly: {size}. The whole 95% range is below zero."},
    "headline.means.unclear": {
        "id": "Belum pasti: {size}. Dengan data sejauh ini, kenaikan maupun tidak adanya perubahan sama-sama "
              "mungkin.",
        "en": "Not yet clear: {size}. With the data so far, a rise and no change are both possible."},
    "headline.means.too_little_data": {
        "id": "Data belum cukup untuk menilai: {size}.",
        "en": "Not enough data to judge: {size}."},
    "headline.regions": {
        "id": "Per daerah yang dikunjungi: {up} naik jelas, {unclear} belum pasti, {down} turun jelas, {little} "
              "data belum cukup — satu daerah saja punya sedikit kerja sama per bulan, jadi kebanyakan belum pasti.",
        "en": "Per visited region: {up} up clearly, {unclear} not yet clear, {down} down clearly, {little} not "
              "enough data — one region alone has few agreements a month, so most are not yet clear."},
    "headline.spill.up": {"id": "Tetangga yang tidak dikunjungi juga naik, jelas: {size}.",
                          "en": "Neighbours not visited rose too, clearly: {size}."},
    "headline.spill.down": {"id": "Tetangga yang tidak dikunjungi turun, jelas: {size}.",
                            "en": "Neighbours not visited fell, clearly: {size}."},
    "headline.spill.unclear": {"id": "Untuk tetangga yang tidak dikunjungi, belum pasti: {size}.",
                               "en": "For neighbours not visited, not yet clear: {size}."},
    "headline.limit.parallel.ok": {
        "id": "Perbandingan mengandaikan daerah yang dikunjungi akan tumbuh sama cepat dengan pembandingnya tanpa "
              "kunjungan. Pada bulan-bulan sebelum kunjungan keduanya memang bergerak sejajar (tidak ada selisih "
              "yang jelas).",
        "en": "The comparison assumes visited regions would have grown as fast as their comparisons without a "
              "visit. In the months before visits the two did move together (no clear difference)."},
    "headline.limit.parallel.warn": {
        "id": "Perhatian: sebelum kunjungan pun daerah yang dikunjungi sudah berbeda jelas dari pembandingnya. "
              "Sebagian angka di atas mungkin bukan karena kunjungan.",
        "en": "Caution: even before the visits, visited regions differed clearly from their comparisons. Part "
              "of the figure above may not be due to the visits."},
    "headline.limit.parallel.unknown": {
        "id": "Perbandingan mengandaikan daerah yang dikunjungi akan tumbuh sama cepat dengan pembandingnya tanpa "
              "kunjungan; data sebelum kunjungan belum cukup untuk memeriksanya.",
        "en": "The comparison assumes visited regions would have grown as fast as their comparisons without a "
              "visit; there are not enough months before the visits to check it."},
    "headline.limit.selection": {
        "id": "Kunjungan tidak dipilih secara acak. Bila yang dikunjungi memang daerah yang sedang bersiap "
              "bekerja sama, sebagian kenaikan bukan karena kunjungan.",
        "en": "Visits are not chosen at random. If the regions visited were already preparing to cooperate, "
              "part of the rise is not due to the visit."},
    "headline.limit.recorded": {
        "id": "Hanya kerja sama yang tercatat di Sinergi yang dihitung; catatan yang terlambat masuk membuat "
              "bulan-bulan terakhir tampak lebih rendah.",
        "en": "Only agreements recorded in Sinergi count; records entered late make the last months look lower."},
    "headline.limit.per_region": {
        "id": "Angka satu daerah jauh kurang pasti daripada angka keseluruhan; bacalah putusannya (naik jelas / "
              "belum pasti), bukan peringkatnya.",
        "en": "One region's figure is far less certain than the overall one; read its verdict (up clearly / not "
              "yet clear), not its rank."},
    "headline.limit.quality": {
        "id": "Yang dihitung adalah jumlah kerja sama, bukan mutu atau manfaatnya bagi warga.",
        "en": "What is counted is the number of agreements, not their quality or benefit to citizens."},
    "headline.limit.spillover": {
        "id": "Dampak ke daerah tetangga dihitung terpisah dan tidak dimasukkan dalam angka utama.",
        "en": "The effect on neighbouring regions is counted apart and not included in the main figure."},
}
