"""geo.analysis.estimator.estimate_att: agrees with a reference package, stays right where TWFE goes wrong, covers."""

import numpy as np
import pandas as pd
import pytest

from geo.analysis.estimator import estimate_att, twfe_estimate


def staggered_panel(rng, n=120, periods=10, cohorts=(0, 4, 6, 8), effect=lambda e: 1.0, noise=1.0,
                    never_share=None):
    rows = []
    for i in range(n):
        g = cohorts[i % len(cohorts)]
        a = rng.normal()
        for t in range(1, periods + 1):
            y = a + 0.3 * t + rng.normal(scale=noise) + (effect(t - g) if g and t >= g else 0.0)
            rows.append((f"u{i}", t, y, g))
    return pd.DataFrame(rows, columns=["unit", "time", "y", "first"])


def true_simple_att(res, effect):
    """The true effect averaged over the post-treatment cells the estimator identifies, weighted like it."""
    post = res.group_time[res.group_time["post"]]
    weights = post["treated"]  # every unit is observed in every period here, so this is the group size
    return float((weights * [effect(t - g) for g, t in zip(post["group"], post["time"])]).sum() / weights.sum())


def assert_matches_differences(df: pd.DataFrame, control_group: str):
    """Overall, event-time and group-time estimates and their standard errors equal the reference package's."""
    from differences import ATTgt

    mine = estimate_att(df, unit="unit", time="time", outcome="y", first_treated="first",
                        control_group=control_group)
    ref_df = df.assign(first=df["first"].replace(0, np.nan)).set_index(["unit", "time"])
    ref = ATTgt(data=ref_df, cohort_column="first", base_period="varying")
    ref.fit(formula="y", control_group=control_group, n_jobs=1, progress_bar=False)
    simple = ref.aggregate("simple")
    assert mine.att == pytest.approx(simple.iloc[0, 0], abs=1e-9)
    assert mine.se == pytest.approx(simple.iloc[0, 1], rel=1e-6)
    event = ref.aggregate("event")
    assert np.allclose(mine.event_study["att"].to_numpy(), event.iloc[:, 0].to_numpy(), atol=1e-9)
    assert np.allclose(mine.event_study["se"].to_numpy(), event.iloc[:, 1].to_numpy(), rtol=1e-6)
    cells = ref.results()
    assert np.allclose(mine.group_time["att"].to_numpy(), cells.iloc[:, 0].to_numpy(), atol=1e-9)


@pytest.mark.parametrize("control_group", ["not_yet_treated", "never_treated"])
def test_matches_the_differences_package(control_group):
    assert_matches_differences(staggered_panel(np.random.default_rng(1), effect=lambda e: 1.0 + 0.3 * e),
                               control_group)


def test_twfe_goes_wrong_where_callaway_santanna_does_not():
    # Every unit is treated sooner or later and effects grow with time since treatment: TWFE then
    # compares late units with already-treated early ones and gets it wrong.
    effect = lambda e: 0.5 * (e + 1)  # noqa: E731
    rng = np.random.default_rng(3)
    df = staggered_panel(rng, n=300, periods=12, cohorts=(3, 7, 10), effect=effect, noise=0.5)
    cs = estimate_att(df, unit="unit", time="time", outcome="y", first_treated="first")
    truth = true_simple_att(cs, effect)
    twfe = twfe_estimate(df, unit="unit", time="time", outcome="y", first_treated="first")
    assert cs.ci_low <= truth <= cs.ci_high
    assert abs(twfe - truth) > 0.5 * truth  # more than half off
    assert abs(cs.att - truth) < 0.1 * truth


def test_no_effect_means_no_effect():
    df = staggered_panel(np.random.default_rng(5), n=200, effect=lambda e: 0.0)
    res = estimate_att(df, unit="unit", time="time", outcome="y", first_treated="first")
    assert res.ci_low < 0 < res.ci_high
    pre = res.event_study[res.event_study["event_time"] < 0]
    assert (pre["ci_low"] < 0).mean() > 0.7 and (pre["ci_high"] > 0).mean() > 0.7


def test_coverage_of_the_95_percent_interval(capsys):
    effect = lambda e: 0.8 + 0.2 * min(e, 3)  # noqa: E731
    hits, hits_es, trials = 0, 0, 300
    for k in range(trials):
        df = staggered_panel(np.random.default_rng(1000 + k), n=80, periods=8, cohorts=(0, 3, 5, 7),
                             effect=effect)
        res = estimate_att(df, unit="unit", time="time", outcome="y", first_treated="first")
        hits += res.ci_low <= true_simple_att(res, effect) <= res.ci_high
        e0 = res.event_study.set_index("event_time").loc[0]
        hits_es += e0["ci_low"] <= effect(0) <= e0["ci_high"]
    coverage, coverage_es = hits / trials, hits_es / trials
    with capsys.disabled():
        print(f"\ncoverage of 95% intervals over {trials} panels: overall ATT {coverage:.3f}, "
              f"event time 0 {coverage_es:.3f}")
    assert 0.91 <= coverage <= 0.985
    assert 0.91 <= coverage_es <= 0.985


def test_general_panels_dates_missing_and_errors():
    df = staggered_panel(np.random.default_rng(8), n=60, periods=8)
    dates = pd.date_range("2022-01-01", periods=8, freq="MS")
    dfd = df.assign(time=dates[df["time"] - 1],
                    first=[pd.NaT if f == 0 else dates[f - 1] - pd.Timedelta(days=10) for f in df["first"]])
    res_dates = estimate_att(dfd, unit="unit", time="time", outcome="y", first_treated="first")
    res_ints = estimate_att(df, unit="unit", time="time", outcome="y", first_treated="first")
    # A treatment date inside a period counts from the next period: "10 days before the 4th month" is month 4.
    assert res_dates.att == pytest.approx(res_ints.att)
    unbalanced = df.drop(index=df.index[::17])
    assert np.isfinite(estimate_att(unbalanced, unit="unit", time="time", outcome="y",
                                    first_treated="first").att)
    with pytest.raises(ValueError):
        estimate_att(df.assign(first=0), unit="unit", time="time", outcome="y", first_treated="first")
    with pytest.raises(ValueError):
        estimate_att(pd.concat([df, df.head(1)]), unit="unit", time="time", outcome="y", first_treated="first")
    early = df.assign(first=df["first"].where(df["unit"] != "u1", 1))
    assert estimate_att(early, unit="unit", time="time", outcome="y", first_treated="first").notes
