"""The impact engine on the simulated sample recovers the planted effect of visits."""

import numpy as np
import pytest

from geo.analysis import estimator, panel
from geo.records import sample


@pytest.fixture(scope="module")
def sample_panel(sample_frames):
    return panel.monthly_panel(*sample_frames, level="regency", start="2021-01", end="2026-06")


def test_panel_is_balanced_over_all_regencies(sample_panel):
    assert sample_panel["region"].nunique() == 514
    assert len(sample_panel) == 514 * 66
    assert sample_panel["first_visit"].notna().groupby(sample_panel["region"]).first().sum() > 100


def test_recovers_the_planted_direct_effect(sample_panel, capsys):
    _, _, truth = sample.generate()
    res = estimator.estimate_att(sample_panel, unit="region", time="month", outcome="new_as_lead",
                              first_treated="first_visit")
    window = res.window(1, truth["effect_months"])
    after = res.window(truth["effect_months"] + 2, truth["effect_months"] + 24)
    before = res.window(-12, -1)
    treated = sample_panel[sample_panel["first_visit"].notna()]
    pre = treated[(treated["month"] < treated["first_visit"])
                  & (treated["month"] >= treated["first_visit"] - np.timedelta64(365, "D"))]
    relative = window["att"] / pre["new_as_lead"].mean()
    with capsys.disabled():
        print(f"\nsample: effect months 1-12 {window['att']:.3f} [{window['ci_low']:.3f}, {window['ci_high']:.3f}] "
              f"= {relative:+.0%} of the pre-visit rate (planted: "
              f"{truth['direct_rate_ratio'] - 1:+.0%}); months 14-36 {after['att']:.3f}; pre {before['att']:.3f}")
    assert window["ci_low"] > 0
    assert 0.6 < relative < 1.5  # planted: +100% (rate ratio 2.0), trend removed by the comparison
    assert before["ci_low"] < 0 < before["ci_high"]  # no effect before visits
    assert after["att"] < 0.5 * window["att"]  # the planted effect ends after 12 months


def test_a_never_visited_region_gets_no_visit_effect(sample_panel):
    res = estimator.estimate_att(sample_panel, unit="region", time="month", outcome="new_as_lead",
                              first_treated="first_visit")
    never = set(sample_panel.loc[sample_panel["first_visit"].isna(), "region"])
    assert res.n_never_treated == len(never) > 0
    # cells only exist for visited groups: no never-visited region is ever given an effect of its own
    assert set(res.group_time["group"].astype(str)) <= set(sample_panel["first_visit"].dropna().astype(str))
