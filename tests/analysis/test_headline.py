"""The impact headline on the simulated sample, whose planted effect is known (``geo.records.sample``): the
headline recovers it with an interval that excludes zero, names what it measures, and says so in words."""

import math

import numpy as np
import pandas as pd
import pytest

from geo.analysis import headline, impact_report, panel
from geo.records import sample
from geo.regions import lookup

END = "2026-06"  # the sample's last month


@pytest.fixture(scope="module")
def default_report(sample_frames):
    return impact_report.compute(*sample_frames, impact_report.Settings(end=END))


def _planted_rise_per_month(code: str, month: pd.Timestamp, truth: dict) -> float:
    """The sample's own definition: the visited regency's lead rate (base · √(pop/mean pop) · trend) rises by
    (ratio − 1) for the 12 months after a visit; averaged over those months."""
    regs = lookup.all_regions("regency")
    pop = {r.code: float(r.population or 100_000) for r in regs}
    mean_pop = np.mean(list(pop.values()))
    m0 = (month.year - 2021) * 12 + month.month - 1
    trend = np.mean([(1 + truth["trend_per_year"]) ** ((m0 + k) / 12) for k in range(1, truth["effect_months"] + 1)])
    return (truth["baseline_rate_per_month_at_mean_population"] * math.sqrt(pop[code] / mean_pop) * trend
            * (truth["direct_rate_ratio"] - 1))


def test_the_default_outcome_is_what_a_visit_is_expected_to_change(default_report):
    assert default_report.settings.outcome == "new_as_lead"
    h = headline.of_report(default_report)
    assert "pihak pertama" in h.what_it_means("id") and "first party" in h.what_it_means("en")


def test_the_headline_recovers_the_planted_effect_with_an_interval_excluding_zero(default_report, sample_frames):
    _, _, truth = sample.generate()
    visits = sample_frames[1]
    first = panel.visit_months(visits, "regency").groupby("region")["month"].min()
    first = first[first <= pd.Timestamp(END) - pd.DateOffset(months=12)]  # cohorts seen for their whole year
    planted = float(np.mean([_planted_rise_per_month(c, pd.Timestamp(m), truth) for c, m in first.items()]))
    d = default_report.direct_window
    assert d["ci_low"] > 0, "the interval must exclude zero"
    assert d["ci_low"] <= planted <= d["ci_high"], (planted, d)
    h = headline.of_report(default_report)
    assert h.verdict.kind == "up" and h.verdict.label("id") == "Naik, jelas"
    assert h.verdict.per_year == pytest.approx(12 * d["att"])


def test_the_old_all_agreements_outcome_is_diluted_and_says_not_yet_clear(sample_frames):
    """Counting every agreement a region is party to mixes in other regions' plans: on the sample its interval
    includes zero, and the headline then says "Belum pasti", never "Naik"."""
    rep = impact_report.compute(*sample_frames, impact_report.Settings(outcome="new_agreements"))
    h = headline.of_report(rep)
    d = rep.direct_window
    expected = "up" if d["ci_low"] > 0 else "down" if d["ci_high"] < 0 else "unclear"
    assert h.verdict.kind == expected
    if expected == "unclear":
        assert h.what_it_means("id").count("Belum pasti") == 1


def test_region_counts_cover_visited_regions_only(default_report):
    h = headline.of_report(default_report)
    visited = len(default_report.scores) - len(default_report.not_visited)
    assert sum(h.region_counts.values()) == visited == h.visited
    assert str(h.region_counts["up"]) in h.what_it_means("id")


def test_the_limits_warn_first_when_visited_regions_already_differed_before_their_visits(default_report):
    h = headline.of_report(default_report)
    assert h.pre_trend_clear is False  # the sample plants no pre-visit difference
    assert "sejajar" in h.limits("id")[0]
    warned = headline.Headline(h.verdict, h.spillover, h.region_counts, h.visited, True, h.window, h.outcome)
    assert warned.limits("id")[0].startswith("Perhatian") and warned.limits("en")[0].startswith("Caution")
    assert len(warned.limits("id")) == len(headline.LIMITS)


def test_no_jargon_reaches_a_leader(default_report):
    h = headline.of_report(default_report)
    said = " ".join([h.what_it_means("id"), *h.limits("id"), h.sentence("id")]).lower()
    for word in ("selisih-dalam-selisih", "komponen", "att", "callaway", "interval kepercayaan"):
        assert word not in said.split() and word not in said.replace(",", " ").split()


def test_too_little_data_gives_no_up_or_down(sample_frames):
    agreements, visits = sample_frames
    few = visits[pd.to_datetime(visits["local_start"]) >= pd.Timestamp("2026-05-01")]
    rep = impact_report.compute(agreements, few, impact_report.Settings(end=END))
    h = headline.of_report(rep)
    assert h.verdict.kind in ("too_little_data", "unclear")
    assert "Naik, jelas" not in h.what_it_means("id")


def test_the_paragraph_names_the_months_the_comparison_used(default_report):
    h = headline.of_report(default_report)
    assert h.months == ("2021-01", END)
    assert h.months_text("id") == "Januari 2021 – Juni 2026" and h.months_text("en") == "January 2021 – June 2026"
    assert h.what_it_means("id", period=h.months_text("id"), filters="tanpa saringan").startswith(
        "Data Januari 2021 – Juni 2026 (tanpa saringan): ")
