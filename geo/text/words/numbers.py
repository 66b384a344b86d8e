"""The scale words of large amounts (``geo.text.numbers.rupiah``: "Rp 1,2 miliar", "Rp 1.2 billion") and the units
of a travel time (``geo.text.numbers.duration``: "4 jam 30 menit").

Keys start with ``numbers.``. The decimal and thousands separators are formatting rules, not words: they
live in ``geo.text.numbers.SEPARATORS``.
"""

from __future__ import annotations

WORDS = {
    "numbers.trillion": {"id": "triliun", "en": "trillion"},
    "numbers.billion": {"id": "miliar", "en": "billion"},
    "numbers.million": {"id": "juta", "en": "million"},
    # short scale words on chart axes ("Rp 1,5 M", "Rp 1.5 bn"): ``ui.chart_formats``
    "numbers.short.trillion": {"id": "T", "en": "tn"},
    "numbers.short.billion": {"id": "M", "en": "bn"},
    "numbers.short.million": {"id": "jt", "en": "m"},
    "numbers.short.thousand": {"id": "rb", "en": "k"},
    # travel time in schedules ("4 jam 30 menit"): ``geo.text.numbers.duration``
    "numbers.hours": {"id": "{n} jam", "en": "{n} h"},
    "numbers.minutes": {"id": "{n} menit", "en": "{n} min"},
}
