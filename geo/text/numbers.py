"""Numbers as Indonesian readers expect them: 12.345 · Rp 1,2 miliar · 12,5% (and English equivalents).

Indonesian writes ``.`` between thousands and ``,`` before decimals (PUEBI); English the other way round.
A missing value (None or NaN) is shown as an en dash, never as 0.

    >>> from geo.text import numbers
    >>> numbers.number(12345), numbers.number(12345, lang="en")
    ('12.345', '12,345')
    >>> numbers.rupiah(1_200_000_000), numbers.percent(0.125, 1), numbers.number(None)
    ('Rp 1,2 miliar', '12,5%', '–')
"""

from __future__ import annotations

import math

from geo.text import catalog

# Separators are a formatting rule, not words, and this is their one place: language → (decimal separator,
# thousands separator); a language not listed is written the English way. The scale words of amounts
# (juta/miliar/triliun) are words: catalog keys ``numbers.*`` (geo/text/words/numbers.py).
SEPARATORS = {"id": (",", "."), "en": (".", ",")}
_SCALES = [(10**6, "numbers.million"), (10**9, "numbers.billion"), (10**12, "numbers.trillion")]  # smallest first


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value, decimals: int = 0, lang: str = "id") -> str:
    """12345 → "12.345" (id) / "12,345" (en); 1234,5 with decimals=1 → "1.234,5".

    >>> number(1234.5, 1), number(1234.5, 1, "en"), number(float("nan"))
    ('1.234,5', '1,234.5', '–')
    """
    if _missing(value):
        return "–"
    text = f"{value:,.{decimals}f}"
    decimal, thousands = SEPARATORS.get(lang, SEPARATORS["en"])
    return text.translate(str.maketrans({",": thousands, ".": decimal}))


def signed(value, decimals: int = 3, lang: str = "id") -> str:
    """0.054 → "+0,054" (id) / "+0.054" (en); negative numbers get a true minus sign: "−0,021".

    >>> signed(0.054), signed(-0.021), signed(0.054, lang="en"), signed(0)
    ('+0,054', '−0,021', '+0.054', '±0,000')
    """
    if _missing(value):
        return "–"
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + number(abs(value), decimals, lang)


def rupiah(value, lang: str = "id") -> str:
    """1_200_000_000 → "Rp 1,2 miliar"; 750_000 → "Rp 750.000" (below a million in full).

    The scale is chosen after rounding, so 999_999_999 is "Rp 1 miliar", not "Rp 1.000 juta".

    >>> rupiah(1_200_000_000), rupiah(750_000), rupiah(999_999_999)
    ('Rp 1,2 miliar', 'Rp 750.000', 'Rp 1 miliar')
    >>> rupiah(-2_500_000), rupiah(1_200_000_000, "en")
    ('−Rp 2,5 juta', 'Rp 1.2 billion')
    """
    if _missing(value):
        return "–"
    sign = "−" if value < 0 else ""
    v = abs(float(value))
    scales = [(scale, catalog.text(key, lang)) for scale, key in _SCALES]  # smallest first
    if round(v) < scales[0][0]:
        return f"{sign}Rp {number(v, 0, lang)}"
    for i, (scale, word) in enumerate(scales):
        shown = v / scale
        decimals = 0 if shown >= 100 or shown == int(shown) else 1
        rounded = round(shown, decimals)
        last = i == len(scales) - 1
        if last or (rounded < 1000 and v < scales[i + 1][0]):
            return f"{sign}Rp {number(rounded, 0 if rounded == int(rounded) else decimals, lang)} {word}"
    raise AssertionError("unreachable")


def percent(value, decimals: int = 0, lang: str = "id") -> str:
    """0.125 → "12,5%" with decimals=1.

    >>> percent(0.125, 1), percent(0.125, 1, "en"), percent(0.5)
    ('12,5%', '12.5%', '50%')
    """
    if _missing(value):
        return "–"
    return f"{number(100 * value, decimals, lang)}%"


def duration(hours, lang: str = "id") -> str:
    """Travel time to the nearest 5 minutes, as a schedule says it: "4 jam 30 menit", "45 menit" (id); "4 h 30 min"
    (en). A missing value is an en dash; a journey shorter than 5 minutes is "5 menit", never "0 menit".

    >>> duration(4.5), duration(0.75), duration(2.0, "en"), duration(0.01)
    ('4 jam 30 menit', '45 menit', '2 h', '5 menit')
    """
    if _missing(hours):
        return "–"
    minutes = max(5, 5 * round(float(hours) * 12))
    h, m = divmod(minutes, 60)
    parts = ([catalog.text("numbers.hours", lang, n=h)] if h else []) + \
        ([catalog.text("numbers.minutes", lang, n=m)] if m else [])
    return " ".join(parts)
