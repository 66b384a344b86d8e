"""geo.analysis.estimator, rule by rule on small panels: each group-time cell, its base period and comparison
units, its standard error, the windows of ``ATTResult.window``, the checks on the input, one visit's
difference-in-differences and the spillover estimate. Fast (no simulated sample), so the mutation run can use it.
"""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from geo.analysis import estimator
from geo.analysis.estimator import estimate_att
from tests.analysis.test_estimator_weights import cells_by_definition, cohort_panel

PERIODS = 6
COHORTS = {0: 4, 3: 3, 4: 2, 6: 3}  # first treated period: units (0: never treated)


def small_panel(seed: int = 5, cohorts: dict[int, int] = COHORTS) -> pd.DataFrame:
    return cohort_panel(cohorts, PERIODS, lambda g, t: 2.0, seed=seed, trend=0.5, noise=1.0)


def att(df, **kw):
    return estimate_att(df, unit="unit", time="time", outcome="y", first_treated="first", **kw)


@pytest.mark.parametrize("control_group", ["not_yet_treated", "never_treated"])
def test_every_group_time_cell_follows_the_definition_with_its_base_and_comparison_units(control_group):
    df = small_panel()
    res = att(df, control_group=control_group)
    expected = pd.DataFrame(cells_by_definition(df, control_group))
    got = res.group_time.reset_index(drop=True)
    assert len(got) == len(expected)
    for column in ("group", "time", "base", "post", "treated", "controls"):
        assert got[column].tolist() == expected[column].tolist(), column
    assert np.allclose(got["att"], expected["att"], atol=1e-12)
    # a cell's standard error is that of a difference of two means (each spread divided by its count)
    assert np.allclose(got["se"], expected["se"], rtol=1e-9)
    z = stats.norm.ppf(0.975)
    assert np.allclose(got["ci_low"], got["att"] - z * got["se"]) and np.allclose(got["ci_high"],
                                                                                   got["att"] + z * got["se"])


def test_the_counts_of_units_treated_and_never_treated_are_reported():
    res = att(small_panel())
    assert (res.n_units, res.n_treated, res.n_never_treated) == (12, 8, 4)
    assert res.notes == [] and res.alpha == 0.05


def test_a_first_treated_period_after_the_panel_counts_as_never_treated():
    df = small_panel()
    later = df.assign(first=df["first"].replace(6, PERIODS + 5))
    res = att(later)
    assert (res.n_treated, res.n_never_treated) == (5, 7)
    assert sorted(res.group_time["group"].unique()) == [3, 4]


def test_a_unit_treated_in_the_first_period_is_left_out_with_a_note():
    df = small_panel()
    early = df.assign(first=df["first"].where(df["unit"] != "u0", 1))
    res = att(early)
    assert res.n_units == 11 and res.n_never_treated == 3
    assert res.notes == ["1 unit(s) treated in the first period were left out"]


def test_the_interval_width_follows_alpha():
    res = att(small_panel(), alpha=0.10)
    z = stats.norm.ppf(0.95)
    assert res.alpha == 0.10
    assert res.ci_high - res.att == pytest.approx(z * res.se) and res.att - res.ci_low == pytest.approx(z * res.se)
    es = res.event_study
    assert np.allclose(es["ci_high"] - es["att"], z * es["se"]) and np.allclose(es["att"] - es["ci_low"],
                                                                                  z * es["se"])
    gt = res.group_time
    assert np.allclose(gt["ci_high"] - gt["att"], z * gt["se"])


def test_the_event_study_counts_the_cells_of_each_event_time():
    res = att(small_panel())
    gt = res.group_time
    counts = (gt["time"] - gt["group"]).value_counts().sort_index()
    es = res.event_study.set_index("event_time")
    assert es.index.tolist() == counts.index.tolist()
    assert es["groups"].tolist() == counts.tolist()
    assert list(res.event_study.columns) == ["event_time", "att", "se", "ci_low", "ci_high", "groups"]


def test_a_window_of_one_event_time_is_that_event_time():
    res = att(small_panel())
    es = res.event_study.set_index("event_time")
    for e in (-2, 0, 1):
        w = res.window(e, e)
        assert w["event_times"] == 1
        assert w["att"] == pytest.approx(es.loc[e, "att"]) and w["se"] == pytest.approx(es.loc[e, "se"])
        assert w["ci_low"] == pytest.approx(es.loc[e, "ci_low"]) and w["ci_high"] == pytest.approx(es.loc[e, "ci_high"])


def test_a_window_averages_its_event_times_and_their_influence():
    res = att(small_panel())
    es = res.event_study
    pick = (es["event_time"] >= 0) & (es["event_time"] <= 2)
    w = res.window(0, 2)
    assert w["event_times"] == 3
    assert w["att"] == pytest.approx(es.loc[pick, "att"].mean())
    inf = res.event_influence[:, pick.to_numpy()].mean(axis=1)
    assert w["se"] == pytest.approx(math.sqrt((inf ** 2).sum()) / res.n_units)
    assert w["se"] < es.loc[pick, "se"].mean()  # averaging event times narrows the interval here
    z = stats.norm.ppf(0.975)
    assert (w["ci_low"], w["ci_high"]) == pytest.approx((w["att"] - z * w["se"], w["att"] + z * w["se"]))
    with pytest.raises(ValueError, match="^no event time between 30 and 40$"):
        res.window(30, 40)


def test_an_interval_is_significant_only_when_it_leaves_out_zero():
    res = att(small_panel())
    for low, high, sure in [(0.1, 2.0, True), (-2.0, -0.1, True), (-0.1, 2.0, False), (0.0, 1.0, False),
                            (-1.0, 0.0, False)]:
        res.ci_low, res.ci_high = low, high
        assert res.significant is sure


@pytest.mark.parametrize("change, message", [
    (lambda df: (df, {"control_group": "everyone"}), "^control_group must be 'not_yet_treated' or 'never_treated'$"),
    (lambda df: (df.assign(first=df["first"].where(df.index != 0, 4)), {}), "^first_treated must be constant within a unit$"),
    (lambda df: (df[df["time"] == 1], {}), "^the panel needs at least two periods$"),
    (lambda df: (df.assign(first=0), {}), "^no unit is treated within the panel$"),
    (lambda df: (df[df["first"] != 0], {"control_group": "never_treated"}), "^no never-treated unit to compare with$"),
    (lambda df: (pd.concat([df, df.tail(1)]), {}), "^the panel has more than one row for a unit and period$"),
])
def test_a_panel_that_cannot_be_estimated_is_refused_with_the_reason(change, message):
    df, kw = change(small_panel())
    with pytest.raises(ValueError, match=message):
        att(df, **kw)


def test_two_rows_for_one_unit_and_period_are_refused_even_with_different_outcomes():
    df = small_panel()
    twice = pd.concat([df, df.tail(1).assign(y=99.0)])
    with pytest.raises(ValueError, match="^the panel has more than one row for a unit and period$"):
        att(twice)


def test_a_first_treated_period_missing_in_some_rows_of_a_unit_is_refused():
    df = small_panel().astype({"first": float})
    df.loc[(df["unit"] == "u5") & (df["time"] == 2), "first"] = np.nan
    with pytest.raises(ValueError, match="^first_treated must be constant within a unit$"):
        att(df)


def test_two_periods_are_enough_and_give_the_difference_of_the_changes():
    df = small_panel()
    two = df[df["time"].isin([2, 3])]
    res = att(two)
    wide = two.pivot(index="unit", columns="time", values="y")
    first = two.groupby("unit")["first"].first()
    change = wide[3] - wide[2]
    assert res.att == pytest.approx(change[first == 3].mean() - change[first != 3].mean())
    assert res.group_time[["group", "time", "base"]].values.tolist() == [[3, 3, 2]]


def test_a_group_of_one_unit_has_its_cells():
    res = att(small_panel(cohorts={0: 3, 3: 1, 5: 2}))
    assert 3 in set(res.group_time["group"]) and set(res.group_time.loc[res.group_time["group"] == 3, "treated"]) == {1}


def test_a_period_where_a_group_has_no_observed_unit_skips_only_that_cell():
    df = small_panel()
    gap = df[~((df["first"] == 3) & (df["time"] == 4))]
    cells = set(zip(att(gap).group_time["group"], att(gap).group_time["time"]))
    assert (3, 4) not in cells and {(3, 3), (3, 5), (3, 6)} <= cells


def test_a_panel_where_no_cell_has_comparison_units_is_refused():
    df = small_panel(cohorts={3: 2, 4: 2})  # every unit treated by period 4, no one left to compare after it
    cut = df[df["time"] >= 3]  # the first period is 3: cohort 3 drops out, cohort 4 has no comparison
    with pytest.raises(ValueError, match="^no group-time cell has both treated and comparison units$"):
        att(cut)


def test_the_not_yet_treated_comparison_ends_when_every_unit_is_treated():
    df = small_panel(cohorts={3: 2, 5: 2})
    res = att(df)
    # period 5 onwards: nobody is untreated, so no cell for those periods
    assert res.group_time["time"].max() == 4
    assert res.n_never_treated == 0


def test_the_twfe_coefficient_is_the_planted_effect_when_it_is_the_same_everywhere():
    df = small_panel(cohorts={0: 4, 2: 3, 4: 2, 6: 3})
    df = df.assign(time=df["time"] - 1, first=df["first"] - 1)  # periods 0…5; cohorts first treated in 1, 3, 5
    df["first"] = df["first"].where(df["first"] > 0, 0)
    level = df["unit"].str[1:].astype(int) % 5  # each unit its own level, every period its own shift
    treated = (df["first"] > 0) & (df["time"] >= df["first"])
    df = df.assign(y=level + 0.3 * df["time"] ** 2 + np.where(treated, 1.5, 0))
    assert sorted(df.loc[df["first"] > 0, "first"].unique()) == [1, 3, 5]
    assert estimator.twfe_estimate(df, unit="unit", time="time", outcome="y", first_treated="first") == \
        pytest.approx(1.5, abs=1e-6)


# ------------------------------------------------------------------ one visit

MONTHS = pd.date_range("2023-01-01", periods=9, freq="MS")
VISIT = MONTHS[4]


def visit_panel(values: dict[str, list[float]], first: dict[str, pd.Timestamp]) -> pd.DataFrame:
    return pd.DataFrame([(r, m, y, first.get(r, pd.NaT)) for r, ys in values.items() for m, y in zip(MONTHS, ys)],
                        columns=["region", "month", "new_agreements", "first_visit"])


VALUES = {  # months 0..8, the visit in month 4; window 2: before months 2–3, after months 5–6
    "v": [9, 9, 1, 3, 50, 6, 8, 9, 9],
    "a": [0, 0, 1, 1, 7, 2, 2, 0, 0],
    "b": [0, 0, 2, 2, 7, 2, 4, 0, 0],
    "c": [0, 0, 1, 3, 7, 4, 4, 0, 0],
    "w": [0, 0, 0, 0, 0, 0, 0, 0, 0],  # visited in month 6, inside the window: never a comparison
    "x": [0, 0, 0, 0, 0, 0, 0, 9, 9],  # visited in month 7, outside the window: a comparison
}
FIRST = {"v": VISIT, "w": MONTHS[6], "x": MONTHS[7]}


def test_one_visit_compares_the_windows_either_side_with_regions_not_visited_in_them():
    ve = estimator.visit_effect(visit_panel(VALUES, FIRST), "v", VISIT + pd.Timedelta(days=12), window=2)
    assert ve.visit_month == VISIT and ve.region == "v" and ve.outcome == "new_agreements" and ve.window_months == 2
    assert (ve.before, ve.after) == (2.0, 7.0)
    # comparison a, b, c, x: changes +1, +1, +2, 0 → mean +1; x visited in month 7 is outside the window
    assert ve.n_comparison == 4
    assert ve.comparison_before == pytest.approx((1 + 2 + 2 + 0) / 4)
    assert ve.comparison_after == pytest.approx((2 + 3 + 4 + 0) / 4)
    assert ve.did == pytest.approx(5.0 - 1.0)
    changes = np.array([1.0, 1.0, 2.0, 0.0])
    half = stats.t.ppf(0.975, 3) * changes.std(ddof=1) * math.sqrt(1 + 1 / 4)
    assert (ve.ci_low, ve.ci_high) == pytest.approx((4.0 - half, 4.0 + half))


def test_the_window_is_twelve_months_unless_given():
    months = pd.date_range("2022-01-01", periods=27, freq="MS")
    df = pd.DataFrame([(r, m, float((i * 7 + j * 3) % 5 + (j > 13) * (i == 0) + (j == 0) * 9), months[13] if i == 0
                        else pd.NaT) for i, r in enumerate(["v", "a", "b", "c"]) for j, m in enumerate(months)],
                      columns=["region", "month", "new_agreements", "first_visit"])
    assert estimator.visit_effect(df, "v", months[13]).window_months == 12
    assert estimator.visit_effect(df, "v", months[13]) == estimator.visit_effect(df, "v", months[13], window=12)
    assert estimator.visit_effect(df, "v", months[13]).did != estimator.visit_effect(df, "v", months[13], window=13).did


def test_visits_of_regions_outside_the_panel_are_no_obstacle():
    visits = pd.DataFrame({"region": ["v", "elsewhere"], "month": [VISIT, VISIT]})
    ve = estimator.visit_effect(visit_panel(VALUES, FIRST), "v", VISIT, window=2, visits=visits)
    assert ve.n_comparison == 5


def test_the_comparison_means_give_each_region_the_same_weight_when_months_are_missing():
    df = visit_panel(VALUES, FIRST)
    gone = ((df["region"] == "c") & (df["month"] == MONTHS[2])) | ((df["region"] == "b") & (df["month"] == MONTHS[5]))
    ve = estimator.visit_effect(df[~gone], "v", VISIT, window=2)
    # per region: before a 1, b 2, c 3, x 0; after a 2, b 4, c 4, x 0
    assert ve.comparison_before == pytest.approx(6 / 4) and ve.comparison_after == pytest.approx(10 / 4)


def test_a_region_visited_at_the_edge_of_a_window_is_not_a_comparison():
    edge = {**FIRST, "x": MONTHS[6], "c": MONTHS[2]}  # visited exactly 2 months after / before the visit
    ve = estimator.visit_effect(visit_panel(VALUES, edge), "v", VISIT, window=2)
    assert ve.n_comparison == 2 and ve.did == pytest.approx(5.0 - 1.0)


def test_the_visits_given_replace_the_panels_first_visits_and_alpha_sets_the_interval():
    visits = pd.DataFrame({"region": ["a"], "month": [MONTHS[3]]})
    ve = estimator.visit_effect(visit_panel(VALUES, FIRST), "v", VISIT, window=2, visits=visits, alpha=0.1)
    changes = np.array([1.0, 2.0, 0.0, 0.0])  # b, c, w, x: w and x are comparisons now, a is not
    assert ve.n_comparison == 4 and ve.did == pytest.approx(5.0 - changes.mean())
    half = stats.t.ppf(0.95, 3) * changes.std(ddof=1) * math.sqrt(1 + 1 / 4)
    assert ve.ci_high - ve.did == pytest.approx(half)


def test_one_visit_reads_the_outcome_unit_and_time_columns_it_is_given():
    df = visit_panel(VALUES, FIRST).rename(columns={"region": "place", "month": "when", "new_agreements": "lead"})
    ve = estimator.visit_effect(df, "v", VISIT, window=2, outcome="lead", unit="place", time="when")
    assert ve.outcome == "lead" and ve.did == pytest.approx(4.0) and ve.n_comparison == 4


def test_one_visit_without_both_windows_or_two_comparison_regions_is_refused():
    df = visit_panel(VALUES, FIRST)
    with pytest.raises(ValueError, match="^the panel does not cover both windows around the visit$"):
        estimator.visit_effect(df, "v", MONTHS[0], window=2)
    with pytest.raises(ValueError, match="^the panel does not cover both windows around the visit$"):
        estimator.visit_effect(df, "v", MONTHS[-1], window=2)
    few = visit_panel({k: VALUES[k] for k in ("v", "a", "w")}, FIRST)
    with pytest.raises(ValueError, match="^fewer than two comparison regions$"):
        estimator.visit_effect(few, "v", VISIT, window=2)
    two = visit_panel({k: VALUES[k] for k in ("v", "a", "b")}, FIRST)
    assert estimator.visit_effect(two, "v", VISIT, window=2).n_comparison == 2


# ------------------------------------------------------------------ spillover

def test_a_regions_neighbour_visit_month_is_the_earliest_of_its_neighbours():
    first = pd.Series({"a": pd.Timestamp("2023-05-01"), "b": pd.Timestamp("2023-02-01"), "c": pd.NaT, "d": None})
    ring = {"a": ["c", "b"], "b": ["a"], "c": ["a", "b", "zz"], "d": ["c"]}
    got = estimator.neighbour_first_visits(first, lambda code: ring[code])
    assert got["a"] == pd.Timestamp("2023-02-01") and got["b"] == pd.Timestamp("2023-05-01")
    assert got["c"] == pd.Timestamp("2023-02-01")
    assert pd.isna(got["d"])


def test_spillover_treats_unvisited_regions_from_their_neighbours_first_visit_and_leaves_visited_ones_out():
    months = pd.date_range("2023-01-01", periods=6, freq="MS")
    rows = []
    first = {"v": months[2]}
    neighbours = {"v": ["n1", "n2"], "n1": ["v"], "n2": ["v", "f"], "f": ["n2"], "g": ["h"], "h": ["g"]}
    lift = {"n1": 3.0, "n2": 3.0, "v": 100.0}
    base = {"v": 0.0, "n1": 1.0, "n2": 2.0, "f": 0.5, "g": 1.5, "h": 2.5}
    for region in neighbours:
        for i, m in enumerate(months):
            y = base[region] + 0.2 * i + (lift.get(region, 0.0) if i >= 2 else 0.0) + (0.1 if (i + len(region)) % 2
                                                                                         else 0.0)
            rows.append((region, m, y, first.get(region, pd.NaT)))
    df = pd.DataFrame(rows, columns=["region", "month", "new_agreements", "first_visit"])
    res = estimator.estimate_spillover(df, lambda c: neighbours[c])
    assert res.n_units == 5 and res.n_treated == 2 and res.n_never_treated == 3 and res.alpha == 0.05
    assert res.att == pytest.approx(3.0, abs=0.2)
    renamed = df.rename(columns={"region": "place", "month": "when", "new_agreements": "lead"})
    same = estimator.estimate_spillover(renamed, lambda c: neighbours[c], outcome="lead", unit="place",
                                        time="when", alpha=0.1)
    assert same.att == pytest.approx(res.att) and same.alpha == 0.1 and same.se == pytest.approx(res.se)


def test_dates_work_like_period_numbers_and_a_treatment_date_inside_a_period_counts_from_the_next():
    df = small_panel()
    dates = pd.date_range("2022-01-01", periods=PERIODS, freq="MS")
    dated = df.assign(time=dates[df["time"] - 1],
                      first=[pd.NaT if f == 0 else dates[f - 1] - pd.Timedelta(days=10) for f in df["first"]])
    by_date, by_number = att(dated), att(df)
    assert by_date.att == pytest.approx(by_number.att) and by_date.se == pytest.approx(by_number.se)
    assert by_date.group_time["group"].tolist() == list(dates[by_number.group_time["group"] - 1])
    assert by_date.n_never_treated == by_number.n_never_treated == 4
