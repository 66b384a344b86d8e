"""Property-based tests (hypothesis): the importer's parsers and the region resolver never crash on any input;
they return their documented result or raise ``UserError`` with a message in both languages."""

import datetime as dt
import math

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geo.importer import columns, files
from geo.importer import rows as importer_rows
from geo.regions import lookup
from geo.text import parsing as fmt
from geo.text.messages import UserError

# Any text, plus text built from the characters these parsers care about (digits, separators, Rp, months).
ANY_TEXT = st.text(max_size=60)
FORMAT_TEXT = st.text(alphabet=st.sampled_from(list("0123456789.,;:-/ RrpPJjtMmiIlyarNOVDesWIBTA+eE\u00a0'\"")),
                      max_size=40)
TEXTS = st.one_of(ANY_TEXT, FORMAT_TEXT)
CELLS = st.one_of(TEXTS, st.none(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                  st.dates(), st.datetimes(), st.booleans())
FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


HOSTILE = [10 ** 400, -(10 ** 30), 1e308, "9" * 400, "Rp 1e999", float("nan"), 2 ** 63, " "]


def hostile_examples(test):
    """Always try these too: numbers beyond float and BIGINT, not-a-number, blanks."""
    for value in reversed(HOSTILE):
        test = example(value)(test)
    return test


def _documented(exc: UserError):
    assert isinstance(exc, UserError)
    assert exc.text("id") and exc.text("en")


@FAST
@given(CELLS)
@hostile_examples
def test_parse_rupiah_gives_a_whole_nonnegative_amount_or_a_user_error(value):
    try:
        out = fmt.parse_rupiah(value)
    except UserError as exc:
        _documented(exc)
        return
    assert out is None or (isinstance(out, int) and out >= 0)


@FAST
@given(CELLS)
@hostile_examples
def test_parse_date_gives_a_plausible_date_or_a_user_error(value):
    try:
        out = fmt.parse_date(value)
    except UserError as exc:
        _documented(exc)
        return
    assert out is None or (isinstance(out, dt.date) and 1945 <= out.year <= 2100)


@FAST
@given(CELLS)
@hostile_examples
@example("12.00 - 09.00 WIB")  # the wrong way round
@example("09.00 s.d. 09.00")
@example("pukul 13.30 WITA - 08.15")
def test_parse_time_range_gives_ordered_times_or_a_user_error(value):
    try:
        start, end, tz = fmt.parse_time_range(value)
    except UserError as exc:
        _documented(exc)
        return
    assert start is None or isinstance(start, dt.time)
    assert end is None or (isinstance(end, dt.time) and start is not None and start <= end)
    assert tz in (None, "WIB", "WITA", "WIT")


@FAST
@given(CELLS)
@hostile_examples
def test_parse_coordinate_and_decimal_give_finite_numbers_or_a_user_error(value):
    for parse in (fmt.parse_coordinate, fmt.parse_decimal):
        try:
            out = parse(value)
        except UserError as exc:
            _documented(exc)
            continue
        assert isinstance(out, float) and math.isfinite(out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.one_of(st.none(), st.sampled_from(["32", "Jawa Barat", "99", "<b>", ""]), ANY_TEXT),
       st.sampled_from([None, *lookup.LEVELS]))
def test_resolve_never_crashes_on_any_string(name, province, level):
    res = lookup.resolve(name, province=province, level=level)
    assert res.status in ("exact", "fuzzy", "ambiguous", "unknown")
    if res.status in ("exact", "fuzzy"):
        assert lookup.exists(res.code)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CELLS, min_size=1, max_size=5), min_size=1, max_size=4),
       st.sampled_from(["agreements", "visits"]))
def test_row_parsing_rejects_or_accepts_but_never_crashes(cells, kind):
    headers = (["Nomor", "Judul", "Pihak 1", "Pihak 2", "Nilai"] if kind == "agreements"
               else ["Pejabat", "Tanggal", "Wilayah", "Waktu", "Lintang"])
    table = files.Table(headers=headers, rows=[dict(zip(headers, r)) for r in cells])
    columns.map_headers(table, kind)
    results = importer_rows.parse_rows(table, kind)
    assert [r.number for r in results] == list(range(2, len(cells) + 2))  # one result per row, header is row 1
    for r in results:
        rejected = bool(r.errors) and r.data is None
        parsed = not r.errors and r.data is not None
        assert rejected != parsed  # exactly one of the two: never both, never neither
        for e in r.errors:
            _documented(e)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from(["x.csv", "x.xlsx", "x.txt"]))
def test_reading_any_bytes_gives_a_table_or_a_user_error(data, name):
    try:
        table = files.read_table(data, name)
    except UserError as exc:
        _documented(exc)
        return
    assert table.rows
