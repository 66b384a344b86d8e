"""geo.analysis.estimator.visit_effect: the visit month itself belongs to neither the before nor the after window."""

import numpy as np
import pandas as pd
import pytest

from geo.analysis import estimator

MONTHS = pd.date_range("2022-01-01", periods=37, freq="MS")
VISIT = MONTHS[18]


def panel(spike_regions=(), spike=50.0) -> pd.DataFrame:
    rng = np.random.default_rng(21)
    rows = []
    for i in range(25):
        region = f"r{i}"
        for m in MONTHS:
            y = float(rng.poisson(2.0)) + (spike if region in spike_regions and m == VISIT else 0.0)
            rows.append((region, m, y, VISIT if i == 0 else pd.NaT))
    return pd.DataFrame(rows, columns=["region", "month", "new_agreements", "first_visit"])


def test_a_spike_in_the_visit_month_only_changes_nothing():
    plain = estimator.visit_effect(panel(), "r0", VISIT)
    spiked = estimator.visit_effect(panel(spike_regions={"r0"}), "r0", VISIT)
    assert spiked.before == pytest.approx(plain.before)
    assert spiked.after == pytest.approx(plain.after)
    assert spiked.did == pytest.approx(plain.did)
    assert (spiked.ci_low, spiked.ci_high) == pytest.approx((plain.ci_low, plain.ci_high))


def test_a_spike_in_every_comparison_region_in_the_visit_month_changes_nothing():
    everyone_else = {f"r{i}" for i in range(1, 25)}
    plain = estimator.visit_effect(panel(), "r0", VISIT)
    spiked = estimator.visit_effect(panel(spike_regions=everyone_else), "r0", VISIT)
    assert spiked.comparison_before == pytest.approx(plain.comparison_before)
    assert spiked.comparison_after == pytest.approx(plain.comparison_after)
    assert spiked.did == pytest.approx(plain.did)


def test_windows_are_the_twelve_months_either_side_of_the_visit_month():
    df = panel(spike_regions={"r0"})
    ve = estimator.visit_effect(df, "r0", VISIT, window=12)
    mine = df[df["region"] == "r0"].set_index("month")["new_agreements"]
    before = mine[(mine.index >= MONTHS[6]) & (mine.index <= MONTHS[17])]  # months 7..18 of 37: 12 months
    after = mine[(mine.index >= MONTHS[19]) & (mine.index <= MONTHS[30])]
    assert len(before) == len(after) == 12
    assert ve.before == pytest.approx(before.mean())
    assert ve.after == pytest.approx(after.mean())
