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
from geo.text.parsing import long_date


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


def day_span(first: dt.date, last: dt.date) -> str:
    """The days of a trip as a schedule's title writes them, in Indonesian (the ministries' schedules are):
    one day is its long date, several days run from the first to the last ("s.d." = sampai dengan).

    >>> day_span(dt.date(2024, 8, 20), dt.date(2024, 8, 20))
    'Selasa, 20 Agustus 2024'
    >>> day_span(dt.date(2024, 8, 19), dt.date(2024, 8, 23))
    'Senin, 19 Agustus 2024 s.d. Jumat, 23 Agustus 2024'
    """
    if last <= first:
        return long_date(first)
    return f"{long_date(first)} s.d. {long_date(last)}"


def moment(when: dt.datetime, time_zone: str = "WIB") -> str:
    """An instant on the clock of ``time_zone`` (WIB, WITA, WIT), the Indonesian way (naive = UTC).

    >>> moment(dt.datetime(2024, 8, 20, 2, 0, tzinfo=dt.timezone.utc))
    'Selasa, 20 Agustus 2024 09.00 WIB'
    >>> moment(dt.datetime(2024, 8, 20, 2, 0), "WIT")
    'Selasa, 20 Agustus 2024 11.00 WIT'
    """
    from geo.text.vocabulary import TIME_ZONES

    aware = when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)
    local = aware.astimezone(dt.timezone(dt.timedelta(hours=TIME_ZONES[time_zone])))
    return f"{long_date(local.date())} {local:%H.%M} {time_zone}"
