"""The words of a visit's verdict (``geo.analysis.verdict``): the four verdicts and the size in plain units.

Numbers arrive already formatted for the language (``geo.text.numbers``, via ``geo.analysis.verdict.amount``).
"Similar regions not visited" are the comparison regions of ``geo.analysis.estimator.visit_effect``. Keys start
with ``verdict.``.
"""

from __future__ import annotations

WORDS = {
    "verdict.up": {"id": "Naik, jelas", "en": "Up, clearly"},
    "verdict.unclear": {"id": "Belum pasti", "en": "Not yet clear"},
    "verdict.down": {"id": "Turun, jelas", "en": "Down, clearly"},
    "verdict.too_little_data": {"id": "Data belum cukup", "en": "Not enough data yet"},
    "verdict.not_visited": {"id": "Belum dikunjungi", "en": "Not visited"},
    "verdict.size.up": {
        "id": "sekitar {n} {unit} lebih banyak per tahun daripada daerah serupa yang tidak dikunjungi "
              "(95%: {lo} s.d. {hi})",
        "en": "about {n} more {unit} a year than similar regions not visited (95%: {lo} to {hi})"},
    "verdict.size.down": {
        "id": "sekitar {n} {unit} lebih sedikit per tahun daripada daerah serupa yang tidak dikunjungi "
              "(95%: {lo} s.d. {hi})",
        "en": "about {n} fewer {unit} a year than similar regions not visited (95%: {lo} to {hi})"},
    "verdict.size.unclear": {
        "id": "perkiraan {n} {unit} per tahun dibanding daerah serupa yang tidak dikunjungi, tetapi rentang 95% "
              "({lo} s.d. {hi}) masih mencakup nol",
        "en": "an estimated {n} {unit} a year compared with similar regions not visited, but the 95% range "
              "({lo} to {hi}) still includes zero"},
    "verdict.reason.no_estimate": {
        "id": "belum ada perkiraan, karena data belum mencakup bulan-bulan sebelum dan sesudah kunjungan",
        "en": "no estimate yet, because the data do not yet cover the months before and after the visit"},
    "verdict.reason.few_months": {
        "id": "baru {n} bulan data sebelum atau sesudah kunjungan (perlu minimal {min})",
        "en": "only {n} months of data before or after the visit ({min} needed)"},
    "verdict.reason.few_comparisons": {
        "id": "hanya {n} daerah pembanding yang tidak dikunjungi (perlu minimal {min})",
        "en": "only {n} comparison regions not visited ({min} needed)"},
    # the impact map's classes (``geo.maps.verdict_classes``): {n} is the size per year splitting large from small
    "verdict.map.up_large": {"id": "Naik, jelas: ≥ {n} per tahun", "en": "Up, clearly: ≥ {n} a year"},
    "verdict.map.up_small": {"id": "Naik, jelas: < {n} per tahun", "en": "Up, clearly: < {n} a year"},
    "verdict.map.up": {"id": "Naik, jelas", "en": "Up, clearly"},
    "verdict.map.unclear": {"id": "Belum pasti", "en": "Not yet clear"},
    "verdict.map.down": {"id": "Turun, jelas", "en": "Down, clearly"},
    "verdict.map.down_small": {"id": "Turun, jelas: < {n} per tahun", "en": "Down, clearly: < {n} a year"},
    "verdict.map.down_large": {"id": "Turun, jelas: ≥ {n} per tahun", "en": "Down, clearly: ≥ {n} a year"},
    "verdict.map.too_little_data": {"id": "Data belum cukup", "en": "Not enough data yet"},
    "verdict.map.caption": {
        "id": "Warna = perubahan kerja sama baru per tahun setelah kunjungan pertama, dibanding daerah serupa yang "
              "tidak dikunjungi; pucat/arsir = belum pasti (rentang 95% mencakup nol).",
        "en": "Colour = change in new agreements a year after the first visit, compared with similar regions not "
              "visited; pale/hatched = not yet clear (the 95% range includes zero)."},
    "verdict.unit.new_agreements": {"id": "kerja sama baru", "en": "new agreements"},
    "verdict.unit_one.new_agreements": {"id": "kerja sama baru", "en": "new agreement"},
    "verdict.unit.new_as_lead": {"id": "prakarsa kerja sama", "en": "agreements initiated"},
    "verdict.unit_one.new_as_lead": {"id": "prakarsa kerja sama", "en": "agreement initiated"},
    "verdict.unit.new_partners": {"id": "daerah mitra baru", "en": "new partner regions"},
    "verdict.unit_one.new_partners": {"id": "daerah mitra baru", "en": "new partner region"},
    "verdict.unit.value_idr": {"id": "nilai kerja sama", "en": "in agreement value"},
    "verdict.unit_one.value_idr": {"id": "nilai kerja sama", "en": "in agreement value"},
}
