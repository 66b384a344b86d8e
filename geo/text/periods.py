"""A period in words: "2021–2025" for whole years, "01/03/2021–30/06/2025" otherwise, "sepanjang waktu" for none.

Rules: a period of whole calendar years is written as its years (one year: just that year); any other period by its
first and last day (dd/mm/yyyy); a missing end is "…"; no period at all is the catalog's ``briefing.all_time``.

    >>> import datetime as dt
    >>> period_text(dt.date(2023, 1, 1), dt.date(2024, 12, 31)), period_text(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    ('2023–2024', '2024')
    >>> period_text(dt.date(2021, 3, 1), dt.date(2025, 6, 30))
    '01/03/2021–30/06/2025'
"""

from __future__ import annotations

import datetime as dt

from geo.text.catalog import text


def period_text(start: dt.date | None, end: dt.date | None, lang: str = "id") -> str:
    if start is None and end is None:
        return text("briefing.all_time", lang)
    full_years = start is not None and end is not None and (start.month, start.day) == (1, 1) \
        and (end.month, end.day) == (12, 31)
    if full_years:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    left = start.strftime("%d/%m/%Y") if start else "…"
    right = end.strftime("%d/%m/%Y") if end else "…"
    return f"{left}–{right}"
