"""geo.analysis.change: the counts of both periods equal agreements counted by hand in the sample's frames, the 95%
interval of the change per year covers the true change about 95% of the time on simulated Poisson counts, and the
verdict follows the interval (zero inside: "Belum pasti"; too few agreements or months: "Data belum cukup")."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from geo.analysis import change
from geo.analysis.context import Context

AFTER = (dt.date(2024, 1, 1), dt.date(2026, 12, 31))
BEFORE = (dt.date(2021, 1, 1), dt.date(2023, 12, 31))


@pytest.fixture(scope="module")
def ctx(sample_frames):
    return Context(*sample_frames)


def _by_hand(agreements: pd.DataFrame, code: str, start: dt.date, end: dt.date) -> int:
    """Agreements with a party in ``code`` (the region or a region inside it), signed (else started) in the
    period, each counted once."""
    n = 0
    for signed_on, start_on, codes in zip(agreements["signed_on"], agreements["start_on"],
                                          agreements["region_codes"]):
        day = signed_on if pd.notna(signed_on) else start_on
        if pd.isna(day) or not (pd.Timestamp(start) <= pd.Timestamp(day) <= pd.Timestamp(end)):
            continue
        if any(str(c) == code or str(c).startswith(code + ".") for c in (codes if codes is not None else [])):
            n += 1
    return n


@pytest.mark.parametrize("level, code", [("province", "32"), ("regency", "32.73")])
def test_the_change_table_counts_both_periods_as_agreements_counted_by_hand_and_divides_by_the_years_recorded(
        ctx, level, code):
    agreements = ctx.agreements
    result = change.compute(ctx, level=level, start=AFTER[0], end=AFTER[1])
    assert (result.periods.before_start, result.periods.before_end) == BEFORE
    row = result.frame.loc[code]
    after, before = _by_hand(agreements, code, *AFTER), _by_hand(agreements, code, *BEFORE)
    assert (row["after"], row["before"]) == (after, before) and after + before >= change.MIN_AGREEMENTS
    # the records run from the month of the first agreement to the month of the last one
    days = pd.to_datetime(agreements["signed_on"].fillna(agreements["start_on"])).dropna()
    last = (days.max() + pd.offsets.MonthEnd(0)).date()
    first = days.min().date().replace(day=1)
    t1 = ((min(last, AFTER[1]) - AFTER[0]).days + 1) / 365.2425
    t0 = ((BEFORE[1] - max(first, BEFORE[0])).days + 1) / 365.2425
    assert row["after_years"] == pytest.approx(t1) and row["before_years"] == pytest.approx(t0)
    d = after / t1 - before / t0
    half = 1.96 * np.sqrt(after / t1 ** 2 + before / t0 ** 2)
    assert row["per_year"] == pytest.approx(d)
    assert (row["low"], row["high"]) == (pytest.approx(d - half, abs=1e-3), pytest.approx(d + half, abs=1e-3))
    assert row["kind"] == ("up" if d - half > 0 else "down" if d + half < 0 else "unclear")


@pytest.mark.parametrize("rates, years", [((3, 7), (2, 2)), ((5, 5), (2, 2)), ((1, 12), (2, 2)), ((8, 4), (2, 2)),
                                          ((10, 15), (3, 2.5)), ((20, 30), (3, 2.5))])
def test_the_95_percent_interval_covers_the_true_change_about_95_percent_of_the_time_on_simulated_poisson_counts(
        rates, years):
    rng = np.random.default_rng(sum(rates) * 1000 + int(10 * sum(years)))
    (r0, r1), (t0, t1) = rates, years
    truth = r1 - r0
    hits = shown = 0
    for x0, x1 in zip(rng.poisson(r0 * t0, 4000), rng.poisson(r1 * t1, 4000)):
        c = change.decide(after=int(x1), before=int(x0), after_years=t1, before_years=t0,
                          periods=change.PERIODS_2324)
        if c.kind == "too_little_data":
            continue
        shown += 1
        hits += c.low <= truth <= c.high
    assert shown >= 3000  # the threshold leaves most draws with an interval
    assert 0.93 <= hits / shown <= 0.97


def test_a_verdict_is_clear_only_when_its_whole_interval_is_on_one_side_of_zero():
    seen = set()
    for after in range(0, 40, 3):
        for before in range(0, 40, 3):
            c = change.decide(after=after, before=before, after_years=2, before_years=2, periods=change.PERIODS_2324)
            if c.kind == "too_little_data":
                assert after + before < change.MIN_AGREEMENTS
                continue
            seen.add(c.kind)
            if c.low <= 0 <= c.high:
                assert c.kind == "unclear" and c.label("id") == "Belum pasti"
            else:
                assert c.kind == ("up" if c.low > 0 else "down")
    assert seen == {"up", "unclear", "down"}
    rising = change.decide(after=30, before=20, after_years=2, before_years=2, periods=change.PERIODS_2324)
    assert rising.per_year > 0 and rising.low < 0 and rising.kind == "unclear"  # a rise whose range includes zero


def test_too_few_agreements_or_months_give_not_enough_data_even_when_the_interval_would_be_clear():
    few = change.decide(after=9, before=0, after_years=1, before_years=1, periods=change.PERIODS_2324)
    assert 9 - 1.96 * np.sqrt(9) > 0  # the interval alone would say "up"
    assert few.kind == "too_little_data" and few.label("id") == "Data belum cukup"
    assert few.size("id") == "hanya 9 kerja sama dalam kedua periode (perlu minimal 10)"
    uncovered = change.decide(after=50, before=0, after_years=2, before_years=0, periods=change.PERIODS_2324)
    assert uncovered.kind == "too_little_data"
    assert uncovered.size("id") == "data yang tercatat hanya mencakup 0 bulan dari periode 2021–2022 (perlu minimal 6)"


def test_the_size_is_said_in_agreements_a_year_against_the_comparison_period_in_both_languages():
    c = change.decide(after=60, before=20, after_years=2, before_years=2, periods=change.PERIODS_2324)
    assert c.sentence("id") == ("Naik, jelas: sekitar 20 kerja sama lebih banyak per tahun daripada 2021–2022 "
                                "(95%: 11 s.d. 29)")
    down = change.decide(after=10, before=40, after_years=2, before_years=2, periods=change.PERIODS_2324)
    assert down.sentence("en") == "Down, clearly: about 15 fewer agreements a year than in 2021–2022 (95%: 8 to 22)"
    assert c.counts("id") == "2023–2024: 60 kerja sama (30 per tahun); 2021–2022: 20 (10 per tahun)"
    assert change.PERIODS_2324.text("id") == "2023–2024 dibanding 2021–2022"


def test_a_change_of_one_a_year_reads_as_one_agreement_whatever_its_sign_and_a_thousand_as_many():
    rise = change.decide(after=12, before=10, after_years=2, before_years=2, periods=change.PERIODS_2324)
    assert rise.kind == "unclear" and rise.size("en").startswith("an estimated +1 agreement a year")
    many = change.decide(after=4000, before=2000, after_years=2, before_years=2, periods=change.PERIODS_2324)
    assert many.size("en").startswith("about 1,000 more agreements a year")
