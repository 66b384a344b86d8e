import datetime as dt

import pytest

from geo.text.messages import UserError
from geo.text.parsing import parse_date, parse_decimal, parse_rupiah, parse_time_range, time_zone_for_province


@pytest.mark.parametrize("text,value", [
    ("Rp 1.500.000.000", 1_500_000_000), ("1.500.000.000,00", 1_500_000_000), ("1,5 miliar", 1_500_000_000),
    ("Rp1.500.000.000,-", 1_500_000_000), ("Rp 750 juta", 750_000_000), ("2,25 Triliun", 2_250_000_000_000),
    ("IDR 1,500,000,000", 1_500_000_000), ("1.5 M", 1_500_000_000), ("500 ribu", 500_000), ("Rp 1.500", 1_500),
    ("12345", 12_345), (2_000_000, 2_000_000), (1.5e9, 1_500_000_000), ("", None), (None, None),
    ("Rp. 25.000.000,50", 25_000_001),
])
def test_rupiah(text, value):
    assert parse_rupiah(text) == value


@pytest.mark.parametrize("text", ["Rp -5.000", "satu miliar", "1,5 gajah", "Rp", "12abc"])
def test_bad_rupiah(text):
    with pytest.raises(UserError) as exc:
        parse_rupiah(text)
    assert "rupiah" in exc.value.text("id")


@pytest.mark.parametrize("text,value", [
    ("20 Agustus 2024", dt.date(2024, 8, 20)), ("Senin, 20 Agustus 2024", dt.date(2024, 8, 20)),
    ("20/08/2024", dt.date(2024, 8, 20)), ("2024-08-20", dt.date(2024, 8, 20)), ("20-08-2024", dt.date(2024, 8, 20)),
    ("20 Agt 2024", dt.date(2024, 8, 20)), ("1 Nopember 2023", dt.date(2023, 11, 1)),
    ("Jum'at, 3 Mei 2024", dt.date(2024, 5, 3)), (dt.datetime(2024, 8, 20, 9, 0), dt.date(2024, 8, 20)),
    (45524, dt.date(2024, 8, 20)), ("2024-08-20 09:00:00", dt.date(2024, 8, 20)),
])
def test_dates(text, value):
    assert parse_date(text) == value


@pytest.mark.parametrize("text,key", [("31 Februari 2024", "date.impossible"), ("20 Agustusan 2024", "date.bad"),
                                      ("13/13/2024", "date.impossible"), ("1 Januari 1800", "date.range"),
                                      ("kemarin", "date.bad")])
def test_bad_dates(text, key):
    with pytest.raises(UserError) as exc:
        parse_date(text)
    assert exc.value.key == key


@pytest.mark.parametrize("text,value", [
    ("09.00 – 12.00 WIB", (dt.time(9), dt.time(12), "WIB")), ("09:00-12:00 WITA", (dt.time(9), dt.time(12), "WITA")),
    ("pukul 08.30 s.d. 10.00 WIT", (dt.time(8, 30), dt.time(10), "WIT")),
    ("13.00 WIB - selesai", (dt.time(13), None, "WIB")), ("9.00", (dt.time(9), None, None)),
])
def test_times(text, value):
    assert parse_time_range(text) == value


@pytest.mark.parametrize("text", ["12.00 - 09.00 WIB", "25.00 WIB", "09.00 GMT", "pagi"])
def test_bad_times(text):
    with pytest.raises(UserError):
        parse_time_range(text)


def test_decimal_and_time_zone():
    assert parse_decimal("1.234,5") == 1234.5
    assert parse_decimal("1,234.5") == 1234.5
    assert time_zone_for_province("32") == "WIB"
    assert time_zone_for_province("51") == "WITA"
    assert time_zone_for_province("73") == "WITA"
    assert time_zone_for_province("94") == "WIT"


@pytest.mark.parametrize("text,value", [("Rp 1.500 juta", 1_500_000_000), ("Rp 12.345 juta", 12_345_000_000),
                                        ("Rp 1.000 M", 1_000_000_000_000), ("1,5 juta", 1_500_000)])
def test_rupiah_with_scale_and_thousands(text, value):
    assert parse_rupiah(text) == value


def test_more_real_formats():
    from geo.text.parsing import parse_coordinate

    assert parse_coordinate("-7.716") == -7.716 and parse_coordinate("110,355") == 110.355
    assert parse_time_range("08.30 s/d 12.00 WIB") == (dt.time(8, 30), dt.time(12), "WIB")
    assert parse_time_range("Pkl. 09.00 WIB") == (dt.time(9), None, "WIB")
    assert parse_date("20-08-2024 10:00") == dt.date(2024, 8, 20)


@pytest.mark.parametrize("text,expected", [
    ("Senin, 4 Maret 2025", ("Senin", "Selasa")),  # 4 March 2025 was a Tuesday
    ("Rabu 04/03/2025", ("Rabu", "Selasa")),
    ("Monday, 4 March 2025", ("Monday", "Tuesday")),  # an English weekday is answered in English
    ("Jum'at, 4 Maret 2025", ("Jum'at", "Selasa")),
    ("Selasa, 4 Maret 2025", None),
    ("Tuesday 04/03/2025", None),
    ("4 Maret 2025", None),
])
def test_a_written_weekday_that_contradicts_the_date_names_both(text, expected):
    from geo.text.parsing import weekday_mismatch

    day = parse_date(text)
    assert day == dt.date(2025, 3, 4) and dt.date(2025, 3, 4).weekday() == 1  # the calendar: a Tuesday
    assert weekday_mismatch(text, day) == expected
