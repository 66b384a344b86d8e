"""The scale words of large amounts (``geo.text.numbers.rupiah``: "Rp 1,2 miliar", "Rp 1.2 billion").

Keys start with ``numbers.``. The decimal and thousands separators are formatting rules, not words: they
live in ``geo.text.numbers.SEPARATORS``.
"""

from __future__ import annotations

WORDS = {
    "numbers.trillion": {"id": "triliun", "en": "trillion"},
    "numbers.billion": {"id": "miliar", "en": "billion"},
    "numbers.million": {"id": "juta", "en": "million"},
}
