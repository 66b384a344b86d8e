"""geo.analysis.score: the effect component points the right way — more cooperation after a visit, higher score."""

import math

import numpy as np
import pandas as pd
import pytest

from geo.analysis import estimator, score

MONTHS = pd.date_range("2022-01-01", periods=37, freq="MS")
VISIT = MONTHS[18]


def _effect(did: float, half: float = 1.0) -> estimator.VisitEffect:
    return estimator.VisitEffect(region="r", visit_month=VISIT, outcome="new_agreements", before=1.0,
                                 after=1.0 + did, comparison_before=1.0, comparison_after=1.0, did=did,
                                 ci_low=did - half, ci_high=did + half, n_comparison=20, window_months=12)


def _normal_cdf(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def test_effect_component_follows_the_documented_formula():
    for did, half in [(0.8, 1.0), (-0.8, 1.0), (2.5, 4.0), (-0.1, 0.3)]:
        assert score.effect_component(_effect(did, half)) == pytest.approx(_normal_cdf(did / half * 1.96))


def test_larger_positive_effect_gives_a_larger_component():
    small, large = score.effect_component(_effect(0.3)), score.effect_component(_effect(1.5))
    assert 0.5 < small < large < 1


def test_negative_effect_gives_a_component_below_one_half():
    assert score.effect_component(_effect(-0.7)) < 0.5
    assert score.effect_component(_effect(0.0)) == pytest.approx(0.5)


def _panel(effects: dict[str, float]) -> pd.DataFrame:
    """Comparison regions with noise; the visited regions share one base series and differ only by their effect."""
    rng = np.random.default_rng(7)
    base = rng.poisson(3.0, size=len(MONTHS)).astype(float)
    rows = []
    for region, effect in effects.items():
        for m, y in zip(MONTHS, base):
            rows.append((region, m, y + (effect if VISIT < m <= MONTHS[30] else 0.0), VISIT))
    for i in range(30):
        for m in MONTHS:
            rows.append((f"c{i}", m, float(rng.poisson(3.0)), pd.NaT))
    return pd.DataFrame(rows, columns=["region", "month", "new_agreements", "first_visit"])


def test_score_rises_with_the_visit_effect_all_else_equal():
    effects = {"big": 3.0, "small": 1.0, "drop": -2.0}
    p = _panel(effects)
    regions = list(effects) + [f"c{i}" for i in range(30)]
    # every region alike in breadth and progress: only the effect can separate the three visited ones
    m = pd.DataFrame({"signed": 10, "partners": 4, "progressed_share": 0.5}, index=regions)
    scores = score.region_scores(p, m)
    big, small, drop = (scores[r] for r in ("big", "small", "drop"))
    assert big.components["breadth"] == small.components["breadth"] == drop.components["breadth"]
    assert big.components["effect"] > small.components["effect"] > 0.5 > drop.components["effect"]
    assert big.score > small.score > drop.score
    # the estimated effects themselves are as planted (same comparison regions, same base series)
    assert big.details["visit_effect"].did - small.details["visit_effect"].did == pytest.approx(2.0)
    assert small.details["visit_effect"].did - drop.details["visit_effect"].did == pytest.approx(3.0)
