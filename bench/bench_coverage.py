"""Coverage of the impact estimator's 95% intervals over many simulated staggered panels.

    .venv/bin/python bench/bench_coverage.py [--trials 1000]

Panels: 80 units, 8 periods, first treated in period 3, 5, 7 or never; unit effects, a common trend,
noise, and an effect growing with time since treatment (0.8 + 0.2·min(e, 3)).
"""

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.analysis.estimator import estimate_att  # noqa: E402
from tests.analysis.test_estimator import staggered_panel, true_simple_att  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=1000)
    args = parser.parse_args()
    effect = lambda e: 0.8 + 0.2 * min(e, 3)  # noqa: E731
    hits = {"overall": 0, "e0": 0, "e2": 0}
    for k in range(args.trials):
        df = staggered_panel(np.random.default_rng(50_000 + k), n=80, periods=8, cohorts=(0, 3, 5, 7), effect=effect)
        res = estimate_att(df, unit="unit", time="time", outcome="y", first_treated="first")
        hits["overall"] += res.ci_low <= true_simple_att(res, effect) <= res.ci_high
        es = res.event_study.set_index("event_time")
        hits["e0"] += es.loc[0, "ci_low"] <= effect(0) <= es.loc[0, "ci_high"]
        hits["e2"] += es.loc[2, "ci_low"] <= effect(2) <= es.loc[2, "ci_high"]
    n = args.trials
    for key, h in hits.items():
        p = h / n
        print(f"{key}: coverage {p:.3f} (±{1.96 * np.sqrt(p * (1 - p) / n):.3f}) over {n} panels")


if __name__ == "__main__":
    main()
