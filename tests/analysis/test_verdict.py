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


def test_an_amount_of_rupiah_is_said_in_rupiah_and_any_amount_without_its_sign():
    assert verdict.amount(-2_500_000, "en", "value_idr") == "Rp 2.5 million"
    assert verdict.amount(2_500_000, "id", "value_idr") == "Rp 2,5 juta"
    assert verdict.amount(-0.4) == "0,4"  # Indonesian unless asked otherwise


def test_a_signed_amount_has_plus_or_true_minus_unless_it_reads_as_zero():
    assert verdict.signed_amount(0.4) == "+0,4"
    assert verdict.signed_amount(-0.4, "en") == "−0.4"
    assert verdict.signed_amount(1) == "+1"
    assert verdict.signed_amount(1.234, decimals=2) == "+1,23"
    assert verdict.signed_amount(0.0004, decimals=1) == "0,0"  # reads as zero: no sign
    assert verdict.signed_amount(-2_500_000, "en", "value_idr") == "−Rp 2.5 million"
    assert verdict.signed_amount(0.3, outcome="value_idr") == "Rp 0"  # zero rupiah: no sign either


def test_the_unit_is_singular_only_for_an_amount_that_reads_as_one():
    ten = verdict.Verdict("up", per_year=10.0, low=8.0, high=12.0)
    assert ten.size("en") == "about 10 more new agreements a year than similar regions not visited (95%: 8 to 12)"
    one = verdict.Verdict("unclear", per_year=1.0, low=-0.4, high=2.4)
    assert one.size("en") == ("an estimated +1.0 new agreement a year compared with similar regions not visited, "
                              "but the 95% range (−0.4 to +2.4) still includes zero")


def test_the_estimate_and_both_ends_of_its_interval_share_the_decimals_the_most_precise_needs():
    v = verdict.Verdict("unclear", per_year=0.4, low=-3.0, high=5.0)
    assert v.size("en") == ("an estimated +0.4 new agreements a year compared with similar regions not visited, "
                            "but the 95% range (−3.0 to +5.0) still includes zero")
    close = verdict.Verdict("up", per_year=2.0, low=1.5, high=2.5)  # "2 to 2" would not read as an interval
    assert close.size("en") == ("about 2.0 more new agreements a year than similar regions not visited "
                                "(95%: 1.5 to 2.5)")


def test_a_verdict_on_agreement_value_says_every_amount_in_rupiah():
    up = verdict.Verdict("up", outcome="value_idr", per_year=2_400_000.0, low=1_200_000.0, high=3_600_000.0)
    assert up.size("en") == ("about Rp 2.4 million more in agreement value a year than similar regions not visited "
                             "(95%: Rp 1.2 million to Rp 3.6 million)")
    unclear = verdict.Verdict("unclear", outcome="value_idr", per_year=1_200_000.0, low=-600_000.0,
                              high=3_000_000.0)
    assert unclear.size("en") == ("an estimated +Rp 1.2 million in agreement value a year compared with similar "
                                  "regions not visited, but the 95% range (−Rp 600,000 to +Rp 3 million) still "
                                  "includes zero")


def test_a_verdict_is_said_in_indonesian_unless_asked_otherwise():
    v = verdict.decide(-0.05, -0.08, -0.02, **ENOUGH)
    said = ("sekitar 0,6 kerja sama baru lebih sedikit per tahun daripada daerah serupa yang tidak dikunjungi "
            "(95%: 0,2 s.d. 1,0)")
    assert v.size() == said
    assert v.sentence() == "Turun, jelas: " + said
    assert v.sentence("en") == ("Down, clearly: about 0.6 fewer new agreements a year than similar regions not "
                                "visited (95%: 0.2 to 1.0)")


def test_not_enough_data_keeps_the_outcome_asked_about_and_says_why_with_the_numbers():
    none = verdict.decide(None, None, None, outcome="value_idr")
    assert (none.kind, none.outcome, none.reason) == ("too_little_data", "value_idr", "no_estimate")
    why = "no estimate yet, because the data do not yet cover the months before and after the visit"
    assert none.size("en") == verdict.Verdict("too_little_data").size("en") == why
    months = verdict.decide(0.2, 0.1, 0.3, months=3, comparisons=300, outcome="new_partners")
    assert (months.outcome, months.reason, months.reason_n, months.reason_min) == ("new_partners", "few_months", 3, 6)
    assert months.size("en") == "only 3 months of data before or after the visit (6 needed)"
    few = verdict.decide(0.2, 0.1, 0.3, months=12, comparisons=4, outcome="new_partners")
    assert (few.outcome, few.reason, few.reason_n, few.reason_min) == ("new_partners", "few_comparisons", 4, 10)
    assert few.size("en") == "only 4 comparison regions not visited (10 needed)"


def test_a_visit_effect_with_few_months_or_few_comparison_regions_has_not_enough_data():
    def effect(n_comparison):
        return estimator.VisitEffect(region="r", visit_month=None, outcome="new_agreements", before=1, after=2,
                                     comparison_before=1, comparison_after=1.2, did=0.8, ci_low=0.2, ci_high=1.4,
                                     n_comparison=n_comparison, window_months=12)

    assert verdict.of_visit_effect(effect(40), months=3).reason == "few_months"
    assert verdict.of_visit_effect(effect(4), months=12).reason == "few_comparisons"
    assert verdict.of_visit_effect(effect(40), months=12).kind == "up"


def test_a_thousand_is_plural_in_english_whatever_its_separators():
    thousand = verdict.Verdict("up", per_year=1000.0, low=900.0, high=1100.0)
    assert thousand.size("en").startswith("about 1,000 more new agreements a year")
    assert thousand.size("id").startswith("sekitar 1.000 kerja sama baru lebih banyak")


def test_the_decimals_stop_at_six_and_the_interval_is_told_apart_with_at_most_three():
    assert verdict.decimals_for(3e-7) == 6
    assert verdict.common_decimals(1.00001, 1.00001, 1.00002) == 3  # still alike at three: three it is
    assert verdict.common_decimals(0.32, 0.31, 0.34) == 2  # "0,3 s.d. 0,3" → "0,31 s.d. 0,34"
