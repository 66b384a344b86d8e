"""Benchmark: full impact recompute on 1,000,000 agreements, all 514 regencies, 500 visits, 72 months.

    .venv/bin/python bench/bench_impact.py [--agreements 1000000] [--visits 500]

Times the steps from in-memory records to results: agreement × region events, the balanced
regency-month panel, and the Callaway–Sant'Anna estimate with its event-time curve. Prints peak memory.
The records are generated (not read from a database: loading is the storage's cost, measured separately).
"""

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.analysis import estimator, panel
from geo.regions import lookup  # noqa: E402


def records(n_agreements: int, n_visits: int, months: pd.DatetimeIndex, seed: int = 3):
    rng = np.random.default_rng(seed)
    codes = np.array([r.code for r in lookup.all_regions("regency")])
    visited = rng.choice(len(codes), size=n_visits)
    visit_month = rng.integers(6, len(months) - 6, size=n_visits)
    visits = pd.DataFrame({"ref": [f"V{i}" for i in range(n_visits)],
                           "start_at": months[visit_month].tz_localize("UTC"),
                           "region_codes": [[codes[i]] for i in visited]})
    lead = rng.integers(0, len(codes), size=n_agreements)
    partner = rng.integers(0, len(codes), size=n_agreements)
    day = months[rng.integers(0, len(months), size=n_agreements)] + pd.to_timedelta(
        rng.integers(0, 28, size=n_agreements), unit="D")
    agreements = pd.DataFrame({
        "doc_number": np.char.add("A", np.arange(n_agreements).astype(str)),
        "signed_on": day.date, "start_on": day.date,
        "value_idr": rng.integers(1, 5000, size=n_agreements) * 1_000_000,
        "region_codes": [[codes[a], codes[b]] for a, b in zip(lead, partner)],
    })
    return agreements, visits


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--agreements", type=int, default=1_000_000)
    parser.add_argument("--visits", type=int, default=500)
    args = parser.parse_args()
    months = pd.date_range("2020-01-01", periods=72, freq="MS")
    lookup.default_store()
    agreements, visits = records(args.agreements, args.visits, months)
    t0 = time.perf_counter()
    p = panel.monthly_panel(agreements, visits, level="regency", start="2020-01", end="2025-12")
    t1 = time.perf_counter()
    res = estimator.estimate_att(p, unit="region", time="month", outcome="new_agreements", first_treated="first_visit")
    t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.agreements} agreements, {args.visits} visits, {p['region'].nunique()} regencies, "
          f"{p['month'].nunique()} months; {len(res.group_time)} group-time cells, {res.n_treated} visited")
    print(f"panel {t1 - t0:.2f} s, estimate {t2 - t1:.2f} s, full recompute {t2 - t0:.2f} s; "
          f"peak memory (RSS, incl. generated records) {peak:.0f} MB")


if __name__ == "__main__":
    main()
