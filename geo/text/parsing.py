"""Parsing numbers, rupiah amounts, dates and times as Indonesian offices write them.

What cannot be read is a ``UserError`` whose key says why (``date.bad``, ``date.impossible``,
``money.negative`` …), never a guess. Sources: the month names and abbreviations of Indonesian and English
office letters, the scale words of amounts (ribu, juta, miliar, triliun) and the time zones WIB/WITA/WIT.

    >>> from geo.text import parsing
    >>> parsing.parse_rupiah("Rp 1,5 miliar")
    1500000000
    >>> parsing.parse_date("Selasa, 20 Agustus 2024")
    datetime.date(2024, 8, 20)
    >>> parsing.parse_time_range("09.00 – 12.00 WIB")
    (datetime.time(9, 0), datetime.time(12, 0), 'WIB')
    >>> parsing.parse_date("31/02/2024")
    Traceback (most recent call last):
    ...
    geo.text.messages.UserError: no such date: '31/02/2024'
"""

from __future__ import annotations

import datetime as dt
import math
import re

from geo.text.messages import UserError
from geo.text.vocabulary import TIME_ZONES

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
WEEKDAY_NUMBERS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6,
                   "ahad": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
                   "sunday": 6}
WEEKDAYS = set(WEEKDAY_NUMBERS)
ENGLISH_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SCALES = {"ribu": 10**3, "rb": 10**3, "k": 10**3, "juta": 10**6, "jt": 10**6, "miliar": 10**9, "milyar": 10**9,
          "m": 10**9, "b": 10**9, "triliun": 10**12, "t": 10**12}
EXCEL_EPOCH = dt.date(1899, 12, 30)


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value.strip())


def parse_decimal(text: str) -> float:
    """A number written Indonesian style (``1.500.000,25``) or English style (``1,500,000.25``).

    One separator followed by three digits groups thousands (``1.500`` is 1500); otherwise it is a decimal point.

    >>> parse_decimal("1.500.000,25"), parse_decimal("1,500,000.25"), parse_decimal("1.500"), parse_decimal("0,5")
    (1500000.25, 1500000.25, 1500.0, 0.5)
    """
    s = re.sub(r"[\s\u00a0]", "", str(text))
    if not re.fullmatch(r"[0-9.,]+", s) or not re.search(r"\d", s):
        raise UserError("number.bad", text=str(text))
    if "." in s and "," in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        thou = "." if dec == "," else ","
        s = s.replace(thou, "").replace(dec, ".")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    elif s.count(",") > 1:
        s = s.replace(",", "")
    elif "." in s:
        head, tail = s.split(".")
        if len(tail) == 3 and head != "0":
            s = head + tail  # 1.500 is one thousand five hundred
    elif "," in s:
        head, tail = s.split(",")
        s = head + tail if len(tail) == 3 and head != "0" else head + "." + tail
    try:
        return _finite(float(s), text)
    except ValueError as exc:
        raise UserError("number.bad", text=str(text)) from exc


def _finite(x: float, text) -> float:
    """``x`` unless it is infinite or not a number (``1e999``, ``inf``, ``nan`` written in a cell)."""
    if not math.isfinite(x):
        raise UserError("number.bad", text=str(text))
    return x


# The largest amount the database holds (BIGINT); more than any agreement is worth.
MAX_RUPIAH = 2 ** 63 - 1


def parse_rupiah(value) -> int | None:
    """Rupiah as an integer: ``Rp 1.500.000.000``, ``1.500.000.000,00``, ``1,5 miliar``, ``Rp750 juta``.

    >>> parse_rupiah("Rp 1.500.000.000"), parse_rupiah("1,5 miliar"), parse_rupiah("Rp750 juta")
    (1500000000, 1500000000, 750000000)
    >>> parse_rupiah("1.500 juta"), parse_rupiah("")
    (1500000000, None)
    """
    if _is_blank(value):
        return None
    if isinstance(value, bool):
        raise UserError("money.bad", text=str(value))
    if isinstance(value, (int, float)):
        if value < 0:
            raise UserError("money.negative", text=str(value))
        return _round_half_up(value)
    text = str(value).strip()
    s = text.lower().replace("\u00a0", " ")
    s = re.sub(r"^(rp\.?|idr)\s*", "", s)
    s = re.sub(r",-$|\.-$|-$", "", s).strip()
    if s.startswith("-"):
        raise UserError("money.negative", text=text)
    m = re.fullmatch(r"([0-9.,\s]+?)\s*([a-z]+)?\.?", s)
    if not m:
        raise UserError("money.bad", text=text)
    number, word = m.group(1).strip(), m.group(2)
    scale = 1
    if word:
        if word not in SCALES:
            raise UserError("money.bad", text=text)
        scale = SCALES[word]
        # With a scale word a single separator is a decimal point ("1,5 miliar", "1.5 M"), unless three
        # digits follow it: "1.500 juta" is one thousand five hundred million.
        if number.count(",") + number.count(".") == 1 and not re.search(r"[.,]\d{3}$", number):
            number = number.replace(",", ".")
            try:
                return _round_half_up(float(number) * scale)
            except ValueError as exc:
                raise UserError("money.bad", text=text) from exc
    try:
        amount = parse_decimal(number)
    except UserError as exc:
        raise UserError("money.bad", text=text) from exc
    return _round_half_up(amount * scale)


def _round_half_up(x: float) -> int:
    if isinstance(x, int):
        if x > MAX_RUPIAH:
            raise UserError("money.bad", text=str(x))
        return x
    if not math.isfinite(x) or x + 0.5 >= MAX_RUPIAH:
        raise UserError("money.bad", text=str(x))
    return int(math.floor(x + 0.5))


def parse_date(value) -> dt.date | None:
    """``20 Agustus 2024``, ``Selasa, 20 Agustus 2024``, ``20/08/2024``, ``2024-08-20``, Excel dates.

    Day first when the year comes last; a weekday name is ignored; years outside 1945–2100 are refused.

    >>> parse_date("20 Agt 2024"), parse_date("20/08/2024"), parse_date(45524)
    (datetime.date(2024, 8, 20), datetime.date(2024, 8, 20), datetime.date(2024, 8, 20))
    """
    if _is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return _check_range(value.date(), str(value))
    if isinstance(value, dt.date):
        return _check_range(value, str(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 80000:  # an Excel serial day number
            return _check_range(EXCEL_EPOCH + dt.timedelta(days=int(value)), str(value))
        raise UserError("date.bad", text=str(value))
    text = str(value).strip()
    s = text.lower().replace(",", " ").replace("\u00a0", " ")
    words = [w for w in re.split(r"\s+", s) if w and w.strip(".") not in WEEKDAYS]
    s = " ".join(words)
    try:
        if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]\d{1,2}[:.]\d{2}(?::\d{2})?)?", s):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        elif m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ t]\d{1,2}[:.]\d{2}(?::\d{2})?)?", s):
            d = dt.date(int(m[3]), int(m[2]), int(m[1]))
        elif m := re.fullmatch(r"(\d{1,2})[-\s]+([a-z]+)\.?[-\s]+(\d{4})", s):
            month = MONTHS.get(m[2])
            if month is None:
                raise UserError("date.bad", text=text)
            d = dt.date(int(m[3]), month, int(m[1]))
        else:
            raise UserError("date.bad", text=text)
    except ValueError as exc:
        if isinstance(exc, UserError):
            raise
        raise UserError("date.impossible", text=text) from exc
    return _check_range(d, text)


def weekday_mismatch(value, day: dt.date | None) -> tuple[str, str] | None:
    """When a date cell names a weekday (``Senin, 3 Maret 2025``, ``Selasa 04/03/2025``, ``Monday 3 March 2025``)
    that is not the weekday of ``day`` (the date ``parse_date`` read from it): (the weekday as written, the
    date's weekday in the language of the written one). None when no weekday is written or it agrees.

    >>> weekday_mismatch("Senin, 4 Maret 2025", dt.date(2025, 3, 4)), weekday_mismatch("Tuesday 4/3/2025", None)
    (('Senin', 'Selasa'), None)
    >>> weekday_mismatch("Monday 4 March 2025", dt.date(2025, 3, 4)), weekday_mismatch("Selasa 04/03/2025", dt.date(2025, 3, 4))
    (('Monday', 'Tuesday'), None)
    """
    if day is None or not isinstance(value, str):
        return None
    for word in re.split(r"[\s,]+", value.strip()):
        number = WEEKDAY_NUMBERS.get(word.lower().strip("."))
        if number is None:
            continue
        if number == day.weekday():
            return None
        english = word.lower().strip(".") in {n.lower() for n in ENGLISH_DAY_NAMES}
        return word.strip("."), (ENGLISH_DAY_NAMES if english else DAY_NAMES)[day.weekday()]
    return None


def short_date(d: dt.date) -> str:
    """A date as Indonesian forms write it: dd/mm/yyyy (``parse_date`` reads it back).

    >>> short_date(dt.date(2025, 3, 4))
    '04/03/2025'
    """
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _check_range(d: dt.date, text: str) -> dt.date:
    if not 1945 <= d.year <= 2100:
        raise UserError("date.range", text=text)
    return d


def parse_time_range(value) -> tuple[dt.time | None, dt.time | None, str | None]:
    """``09.00 – 12.00 WIB`` → (09:00, 12:00, "WIB"); ``pukul 09.00 WITA s.d. selesai`` → (09:00, None, "WITA").

    >>> parse_time_range("pukul 09.00 WITA s.d. selesai")
    (datetime.time(9, 0), None, 'WITA')
    """
    if _is_blank(value):
        return None, None, None
    if isinstance(value, dt.time):
        return value, None, None
    if isinstance(value, dt.datetime):
        return value.time(), None, None
    text = str(value).strip()
    s = text.upper().replace("PUKUL", " ").replace("JAM", " ").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\bPKL\b\.?", " ", s)
    tz = None
    for zone in sorted(TIME_ZONES, key=len, reverse=True):
        if re.search(rf"\b{zone}\b", s):
            tz = zone
            s = re.sub(rf"\b{zone}\b", " ", s)
            break
    s = re.sub(r"\bS\s?/\s?D\b|\bS\.?\s?D\b\.?|\bSAMPAI( DENGAN)?\b|\bHINGGA\b", "-", s)
    if re.search(r"[A-Z]", s.replace("SELESAI", "")):
        raise UserError("tz.bad" if re.search(r"\b[A-Z]{3,4}\b", s) else "time.bad", text=text)
    parts = [p.strip() for p in s.split("-")]
    times = []
    for p in parts:
        if p in ("SELESAI", ""):
            times.append(None)
            continue
        m = re.fullmatch(r"(\d{1,2})(?:[.:](\d{2}))?", p)
        if not m or int(m[1]) > 23 or int(m[2] or 0) > 59:
            raise UserError("time.bad", text=text)
        times.append(dt.time(int(m[1]), int(m[2] or 0)))
    if not times or times[0] is None or len(times) > 2:
        raise UserError("time.bad", text=text)
    start = times[0]
    end = times[1] if len(times) == 2 else None
    if end is not None and end < start:
        raise UserError("time.order", text=text)
    return start, end, tz


def parse_coordinate(value) -> float:
    """A latitude or longitude: ``-7.716``, ``-7,716``, ``110.355`` (a plain decimal, never thousands).

    >>> parse_coordinate("-7,716"), parse_coordinate("110.355")
    (-7.716, 110.355)
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return _finite(float(value), value)
        except OverflowError as exc:  # an integer too large for a float
            raise UserError("number.bad", text=str(value)) from exc
    text = str(value).strip().replace("\u2212", "-").replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        return _finite(float(text), value)
    except ValueError as exc:
        raise UserError("number.bad", text=str(value)) from exc


def time_zone_for_province(province_code: str) -> str:
    """WIB, WITA or WIT for a province (Kemendagri code).

    >>> time_zone_for_province("32"), time_zone_for_province("73.71"), time_zone_for_province("94")
    ('WIB', 'WITA', 'WIT')
    """
    p = int(province_code[:2])
    if p in (51, 52, 53, 63, 64, 65) or 71 <= p <= 76:
        return "WITA"
    if p >= 81:
        return "WIT"
    return "WIB"


DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
               "November", "Desember")


def long_date(d: dt.date) -> str:
    """A date as schedules write it (``parse_date`` reads it back).

    >>> long_date(dt.date(2024, 8, 20))
    'Selasa, 20 Agustus 2024'
    """
    return f"{DAY_NAMES[d.weekday()]}, {d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December")


def month_year(d, lang: str = "id") -> str:
    """A month as a sentence says it.

    >>> month_year(dt.date(2026, 6, 1)), month_year(dt.date(2026, 6, 1), "en")
    ('Juni 2026', 'June 2026')
    """
    names = MONTH_NAMES_EN if lang == "en" else MONTH_NAMES
    return f"{names[d.month - 1]} {d.year}"


def time_range(start: dt.time, end: dt.time | None, time_zone: str) -> str:
    """(09:00, 12:00, "WIB") → ``09.00 – 12.00 WIB``; no end → ``09.00 – selesai WIB``.

    >>> time_range(dt.time(9), dt.time(12), "WIB"), time_range(dt.time(9), None, "WIT")
    ('09.00 – 12.00 WIB', '09.00 – selesai WIT')
    """
    tail = end.strftime("%H.%M") if end is not None else "selesai"
    return f"{start.strftime('%H.%M')} \u2013 {tail} {time_zone}"
