"""geo.analysis.estimator.estimate_att: group-time cells are averaged with weights proportional to group size.

Every other reference panel in the tests has cohorts of equal size, where equal weights and size weights
agree. Here the cohorts differ in size and in effect, so the two aggregations give clearly different answers.
"""

import math

import numpy as np
import pandas as pd
import pytest

from geo.analysis.estimator import estimate_att
from tests.analysis.test_estimator import assert_matches_differences

COHORT_SIZES = {0: 30, 4: 6, 6: 45, 8: 12}  # 0: never visited
COHORT_EFFECT = {4: 3.0, 6: 0.2, 8: -1.5}  # effects differ between cohorts (and grow a little with time)
PERIODS = 10


def cohort_panel(cohorts: dict[int, int], periods: int, effect, *, seed: int, trend: float,
                 noise: float) -> pd.DataFrame:
    """``cohorts``: first treated period → units (0: never treated); each unit its own level, a common trend, noise,
    and ``effect(g, t)`` added from its first treated period on."""
    rng = np.random.default_rng(seed)
    rows, i = [], 0
    for g, size in cohorts.items():
        for _ in range(size):
            a = rng.normal()
            for t in range(1, periods + 1):
                rows.append((f"u{i}", t, a + trend * t + rng.normal(scale=noise) + (effect(g, t) if g and t >= g
                                                                                     else 0.0), g))
            i += 1
    return pd.DataFrame(rows, columns=["unit", "time", "y", "first"])


def unequal_cohort_panel(seed: int = 11) -> pd.DataFrame:
    return cohort_panel(COHORT_SIZES, PERIODS, lambda g, t: COHORT_EFFECT[g] + 0.2 * (t - g), seed=seed, trend=0.3,
                        noise=0.5)


def cells_by_definition(df: pd.DataFrame, control_group: str) -> list[dict]:
    """Every group-time cell straight from the definition: base g-1 after the first treated period, t-1 before;
    comparison units never treated, or (not yet treated) first treated after t and not of the group."""
    wide = df.pivot(index="unit", columns="time", values="y")
    first = df.groupby("unit")["first"].first()
    never = first == 0
    out = []
    for g in sorted(first[~never].unique()):
        in_g = first == g
        for t in range(2, int(df["time"].max()) + 1):
            base = g - 1 if t >= g else t - 1
            ctrl = never if control_group == "never_treated" else (never | (first > t)) & ~in_g
            change = wide[t] - wide[base]
            treated, controls = change[in_g], change[ctrl]
            if len(controls) == 0:
                continue
            se = math.sqrt(((treated - treated.mean()) ** 2).sum() / len(treated) ** 2
                           + ((controls - controls.mean()) ** 2).sum() / len(controls) ** 2)
            out.append({"group": int(g), "time": t, "base": base, "att": treated.mean() - controls.mean(), "se": se,
                        "post": t >= g, "treated": len(treated), "controls": len(controls)})
    return out


def hand_cells(df: pd.DataFrame, control_group: str) -> list[tuple[int, int, float]]:
    """ATT(g, t) for every post-treatment cell, straight from the definition (base period g-1)."""
    return [(c["group"], c["time"], c["att"]) for c in cells_by_definition(df, control_group) if c["post"]]


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
