"""geo.analysis.estimator.estimate_att: group-time cells are averaged with weights proportional to group size.

Every other reference panel in the tests has cohorts of equal size, where equal weights and size weights
agree. Here the cohorts differ in size and in effect, so the two aggregations give clearly different answers.
"""

import numpy as np
import pandas as pd
import pytest

from geo.analysis.estimator import estimate_att
from tests.analysis.test_estimator import assert_matches_differences

COHORT_SIZES = {0: 30, 4: 6, 6: 45, 8: 12}  # 0: never visited
COHORT_EFFECT = {4: 3.0, 6: 0.2, 8: -1.5}  # effects differ between cohorts (and grow a little with time)
PERIODS = 10


def unequal_cohort_panel(seed: int = 11) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows, i = [], 0
    for g, size in COHORT_SIZES.items():
        for _ in range(size):
            a = rng.normal()
            for t in range(1, PERIODS + 1):
                effect = COHORT_EFFECT[g] + 0.2 * (t - g) if g and t >= g else 0.0
                rows.append((f"u{i}", t, a + 0.3 * t + rng.normal(scale=0.5) + effect, g))
            i += 1
    return pd.DataFrame(rows, columns=["unit", "time", "y", "first"])


def hand_cells(df: pd.DataFrame, control_group: str) -> list[tuple[int, int, float]]:
    """ATT(g, t) for every post-treatment cell, straight from the definition (base period g-1)."""
    wide = df.pivot(index="unit", columns="time", values="y")
    first = df.groupby("unit")["first"].first()
    never = first == 0
    cells = []
    for g in sorted(first[~never].unique()):
        in_g = first == g
        for t in range(g, PERIODS + 1):
            if control_group == "never_treated":
                ctrl = never
            else:  # not yet treated at t (never treated included)
                ctrl = never | (first > t)
            change = wide[t] - wide[g - 1]
            cells.append((int(g), t, float(change[in_g].mean() - change[ctrl].mean())))
    return cells


@pytest.mark.parametrize("control_group", ["not_yet_treated", "never_treated"])
def test_overall_effect_is_the_group_size_weighted_average_of_the_cells(control_group):
    df = unequal_cohort_panel()
    res = estimate_att(df, unit="unit", time="time", outcome="y", first_treated="first",
                       control_group=control_group)
    cells = hand_cells(df, control_group)
    sizes = np.array([COHORT_SIZES[g] for g, _, _ in cells], dtype=float)
    atts = np.array([a for _, _, a in cells])
    size_weighted = float((sizes * atts).sum() / sizes.sum())
    equal_weighted = float(atts.mean())
    assert abs(size_weighted - equal_weighted) > 0.5  # the panel can tell the two aggregations apart
    assert res.att == pytest.approx(size_weighted, abs=1e-9)
    # and each event time is the size-weighted average of its cells too
    for e, row in res.event_study.set_index("event_time").iterrows():
        pick = [(COHORT_SIZES[g], a) for g, t, a in cells if t - g == e]
        if not pick:
            continue
        w = np.array([p[0] for p in pick], dtype=float)
        assert row["att"] == pytest.approx(float((w * [p[1] for p in pick]).sum() / w.sum()), abs=1e-9)


@pytest.mark.parametrize("control_group", ["not_yet_treated", "never_treated"])
def test_unequal_cohorts_match_the_differences_package(control_group):
    assert_matches_differences(unequal_cohort_panel(seed=12), control_group)
