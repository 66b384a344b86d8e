"""geo.analysis.metrics: a period includes its first and its last day, at every level.

Small frames built by hand: two districts of different provinces share every agreement and every visit,
dated on, just before and just after the edges of March 2024.
"""

import datetime as dt

import pandas as pd
import pytest

from geo.analysis import metrics
from geo.regions import lookup

BANDUNG, SURABAYA = "32.73.01", "35.78.01"  # Sukasari (Kota Bandung), Karang Pilang (Kota Surabaya)
MARCH = dict(start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31))


def _agreements() -> pd.DataFrame:
    rows = [  # doc, signed_on, start_on, value
        ("first-day", dt.date(2024, 3, 1), None, 100),
        ("last-day", dt.date(2024, 3, 31), None, 200),
        ("started-last-day", None, dt.date(2024, 3, 31), 400),  # not signed: counts from its start
        ("day-before", dt.date(2024, 2, 29), None, 1_000),
        ("day-after", dt.date(2024, 4, 1), None, 2_000),
    ]
    return pd.DataFrame({
        "doc_number": [r[0] for r in rows], "title": "", "type": "KB", "status": "ditandatangani",
        "sectors": [[] for _ in rows], "region_codes": [[BANDUNG, SURABAYA] for _ in rows],
        "signed_on": [r[1] for r in rows], "start_on": [r[2] for r in rows], "value_idr": [r[3] for r in rows],
        "visit_ref": None})


def _visits() -> pd.DataFrame:
    local = {  # local (WIB) wall-clock start of each visit
        "first-day": "2024-03-01 07:30", "last-day": "2024-03-31 21:00",
        "day-before": "2024-02-29 23:59", "day-after": "2024-04-01 00:01",  # UTC: still 31 March
    }
    starts = [pd.Timestamp(t) for t in local.values()]
    return pd.DataFrame({
        "ref": list(local), "ministry": "Kementerian Dalam Negeri", "focus_sectors": [[] for _ in local],
        "start_at": [t.tz_localize("Asia/Jakarta").tz_convert("UTC") for t in starts], "local_start": starts,
        "region_codes": [[BANDUNG, SURABAYA] for _ in local]})


@pytest.mark.parametrize("level", ["province", "regency", "district"])
def test_records_on_the_first_and_last_day_of_the_period_count(level):
    m = metrics.region_metrics(_agreements(), _visits(), level=level, **MARCH)
    for code in (BANDUNG, SURABAYA):
        row = m.loc[code[:lookup.CODE_LENGTH[level]]]
        assert row["signed"] == 3  # first day, last day, started on the last day
        assert row["value_idr"] == 100 + 200 + 400
        assert row["partners"] == 1
        assert row["visits"] == 2  # first day, last day (by local date)
        assert row["active"] == 4  # current status of everything signed up to the last day
    assert m["signed"].sum() == 6 and m["visits"].sum() == 4  # nothing else anywhere


@pytest.mark.parametrize("level", ["province", "regency", "district"])
@pytest.mark.parametrize("day, signed, visits", [(dt.date(2024, 3, 1), 1, 1), (dt.date(2024, 3, 31), 2, 1)])
def test_a_one_day_period_counts_that_day(level, day, signed, visits):
    m = metrics.region_metrics(_agreements(), _visits(), level=level, start=day, end=day)
    row = m.loc[BANDUNG[:lookup.CODE_LENGTH[level]]]
    assert row["signed"] == signed and row["visits"] == visits


def test_map_views_include_both_edge_days():
    docs = set(metrics.agreements_in_view(_agreements(), _visits(), **MARCH)["doc_number"])
    assert docs == {"first-day", "last-day", "started-last-day"}
    refs = set(metrics.visits_in_view(_agreements(), _visits(), **MARCH)["ref"])
    assert refs == {"first-day", "last-day"}
