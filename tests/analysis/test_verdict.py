"""geo.analysis.verdict: the interval decides the verdict; the size is said per year in plain, rounded units."""

import pytest

from geo.analysis import estimator, verdict

ENOUGH = dict(months=12, comparisons=300)


def test_an_interval_wholly_above_zero_reads_up_clearly_in_both_languages():
    v = verdict.decide(0.2, 0.05, 0.35, **ENOUGH)
    assert v.kind == "up" and v.clear
    assert (v.label("id"), v.label("en")) == ("Naik, jelas", "Up, clearly")


def test_an_interval_wholly_below_zero_reads_down_clearly():
    v = verdict.decide(-0.2, -0.35, -0.05, **ENOUGH)
    assert v.kind == "down"
    assert (v.label("id"), v.label("en")) == ("Turun, jelas", "Down, clearly")


def test_an_interval_including_zero_is_not_yet_clear_whatever_the_point_estimate():
    # Kota Bandung's case from issue 13: +0,23 a month, 95% −0,07 to +0,53
    v = verdict.decide(0.23, -0.07, 0.53, **ENOUGH)
    assert v.kind == "unclear" and not v.clear
    assert (v.label("id"), v.label("en")) == ("Belum pasti", "Not yet clear")
    assert verdict.decide(-0.4, -0.9, 0.01, **ENOUGH).kind == "unclear"


@pytest.mark.parametrize("low,high", [(0.0, 0.5), (-0.5, 0.0), (0.0, 0.0)])
def test_an_interval_touching_zero_is_not_clear(low, high):
    assert verdict.decide((low + high) / 2, low, high, **ENOUGH).kind == "unclear"


def test_a_hair_above_zero_is_up_and_a_hair_below_is_down():
    assert verdict.decide(0.1, 1e-9, 0.2, **ENOUGH).kind == "up"
    assert verdict.decide(-0.1, -0.2, -1e-9, **ENOUGH).kind == "down"


@pytest.mark.parametrize("did,low,high", [(None, None, None), (float("nan"), 0.1, 0.3), (0.2, None, 0.3)])
def test_no_estimate_is_not_enough_data(did, low, high):
    v = verdict.decide(did, low, high, **ENOUGH)
    assert v.kind == "too_little_data"
    assert (v.label("id"), v.label("en")) == ("Data belum cukup", "Not enough data yet")


def test_too_few_months_or_comparison_regions_is_not_enough_data_even_for_a_clear_interval():
    short = verdict.decide(0.5, 0.3, 0.7, months=verdict.MIN_MONTHS - 1, comparisons=300)
    assert short.kind == "too_little_data" and short.reason == "few_months"
    assert f"{verdict.MIN_MONTHS - 1} bulan" in short.size("id")
    thin = verdict.decide(0.5, 0.3, 0.7, months=12, comparisons=verdict.MIN_COMPARISONS - 1)
    assert thin.kind == "too_little_data" and "comparison regions" in thin.size("en")
    at_minimum = verdict.decide(0.5, 0.3, 0.7, months=verdict.MIN_MONTHS, comparisons=verdict.MIN_COMPARISONS)
    assert at_minimum.kind == "up"


def test_the_size_is_the_monthly_effect_times_twelve_with_its_interval():
    # 0,17 a month → 2,04 a year → "2"; interval 0,08..0,25 → 0,96..3 → "1" to "3"
    v = verdict.decide(0.17, 0.08, 0.25, **ENOUGH)
    assert v.per_year == pytest.approx(2.04) and (v.low, v.high) == pytest.approx((0.96, 3.0))
    assert v.size("id") == ("sekitar 2 kerja sama baru lebih banyak per tahun daripada daerah serupa yang tidak "
                            "dikunjungi (95%: 1 s.d. 3)")
    assert v.size("en") == "about 2 more new agreements a year than similar regions not visited (95%: 1 to 3)"


def test_a_clear_rise_below_one_a_year_keeps_a_decimal_never_zero():
    # 0,03 a month → 0,36 a year; interval 0,01..0,05 → 0,12..0,6
    v = verdict.decide(0.03, 0.01, 0.05, **ENOUGH)
    assert v.size("id").startswith("sekitar 0,4 kerja sama baru lebih banyak")
    assert "(95%: 0,1 s.d. 0,6)" in v.size("id")
    assert v.size("en").startswith("about 0.4 more new agreements")
    tiny = verdict.decide(0.002, 0.001, 0.003, **ENOUGH)  # 0,024 a year
    assert tiny.kind == "up" and tiny.size("id").startswith("sekitar 0,02 ")


def test_a_fall_is_said_with_magnitudes_smallest_first():
    v = verdict.decide(-0.25, -0.4, -0.1, **ENOUGH)  # −3 a year, interval −4,8..−1,2
    assert v.size("id").startswith("sekitar 3 kerja sama baru lebih sedikit per tahun")
    assert v.size("id").endswith("(95%: 1 s.d. 5)")
    assert "−" not in v.size("en") and "about 3 fewer new agreements a year" in v.size("en")


def test_an_unclear_effect_gives_its_signed_range_and_says_it_includes_zero():
    v = verdict.decide(0.23, -0.07, 0.53, **ENOUGH)  # +2,76 a year, −0,84..+6,36: one decimal for all three
    assert v.size("id") == ("perkiraan +2,8 kerja sama baru per tahun dibanding daerah serupa yang tidak dikunjungi, "
                            "tetapi rentang 95% (−0,8 s.d. +6,4) masih mencakup nol")
    assert "(−0.8 to +6.4) still includes zero" in v.size("en")


def test_large_amounts_use_the_languages_thousands_separator():
    v = verdict.decide(100.0, 90.0, 110.0, **ENOUGH)  # 1.200 a year
    assert "sekitar 1.200 " in v.size("id") and "about 1,200 " in v.size("en")


def test_one_is_singular_in_english():
    v = verdict.decide(1 / 12, 0.5 / 12, 1.5 / 12, **ENOUGH)
    assert v.size("en").startswith("about 1.0 more new agreement a year")
    assert verdict.decide(1 / 12, 0.97 / 12, 1.6 / 12, **ENOUGH).size("en").startswith("about 1 more new agreement ")
    assert verdict.decide(2 / 12, 1.5 / 12, 2.5 / 12, **ENOUGH).size("en").startswith("about 2.0 more new agreements")


def test_a_visit_effect_is_judged_on_its_own_interval_and_comparison_count():
    ve = estimator.VisitEffect(region="r", visit_month=None, outcome="new_as_lead", before=1, after=2,
                               comparison_before=1, comparison_after=1.2, did=0.8, ci_low=0.2, ci_high=1.4,
                               n_comparison=40, window_months=12)
    v = verdict.of_visit_effect(ve, months=12)
    assert v.kind == "up" and v.outcome == "new_as_lead" and v.per_year == pytest.approx(9.6)
    assert "prakarsa kerja sama" in v.size("id")
    assert verdict.of_visit_effect(None).kind == "too_little_data"
