"""The words of the before-and-after map (``geo.analysis.change``): the change in agreements per year between the
view's period and the period before it, its size in plain units, and why there is too little data.

Numbers arrive already formatted for the language (``geo.text.numbers``, via ``geo.analysis.verdict.amount``);
periods as ``geo.text.periods.period_text`` writes them. The verdict labels are the visit verdict's
(``verdict.up`` …). Keys start with ``change.``.
"""

from __future__ import annotations

WORDS = {
    "change.periods": {"id": "{after} dibanding {before}", "en": "{after} compared with {before}"},
    "change.unit": {"id": "kerja sama", "en": "agreements"},
    "change.unit_one": {"id": "kerja sama", "en": "agreement"},
    "change.size.up": {
        "id": "sekitar {n} {unit} lebih banyak per tahun daripada {before} (95%: {lo} s.d. {hi})",
        "en": "about {n} more {unit} a year than in {before} (95%: {lo} to {hi})"},
    "change.size.down": {
        "id": "sekitar {n} {unit} lebih sedikit per tahun daripada {before} (95%: {lo} s.d. {hi})",
        "en": "about {n} fewer {unit} a year than in {before} (95%: {lo} to {hi})"},
    "change.size.unclear": {
        "id": "perkiraan {n} {unit} per tahun dibanding {before}, tetapi rentang 95% ({lo} s.d. {hi}) masih "
              "mencakup nol",
        "en": "an estimated {n} {unit} a year compared with {before}, but the 95% range ({lo} to {hi}) still "
              "includes zero"},
    "change.counts": {
        "id": "{after_period}: {after} kerja sama ({after_rate} per tahun); {before_period}: {before} "
              "({before_rate} per tahun)",
        "en": "{after_period}: {after} agreements ({after_rate} a year); {before_period}: {before} "
              "({before_rate} a year)"},
    "change.reason.few_agreements": {
        "id": "hanya {n} kerja sama dalam kedua periode (perlu minimal {min})",
        "en": "only {n} agreements in the two periods together ({min} needed)"},
    "change.reason.few_months": {
        "id": "data yang tercatat hanya mencakup {n} bulan dari periode {period} (perlu minimal {min})",
        "en": "the records cover only {n} months of {period} ({min} needed)"},
    "change.map.caption": {
        "id": "Warna = perubahan jumlah kerja sama yang ditandatangani per tahun, {periods}, dengan saringan yang "
              "sama; pucat/arsir = belum pasti (rentang 95% mencakup nol).",
        "en": "Colour = change in agreements signed a year, {periods}, with the same filters; pale/hatched = not "
              "yet clear (the 95% range includes zero)."},
}
