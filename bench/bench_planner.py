"""Benchmark: the planner on the simulated sample — ranking all 514 regencies, the backtest, an itinerary.

    .venv/bin/python bench/bench_planner.py [--level regency|province] [--top-k 50]

Seeds the sample into a temporary SQLite database, then times: preparing the history (events, panel,
covariates), one ranking of all 514 regencies (cold, i.e. with the uplift estimates, and with exact
betweenness), the month-by-month backtest, its replay kept on disk and read back (``geo.planner.replay_store``),
and ordering 8 and 16 regions. Prints the backtest figures.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.planner import backtest, itinerary, rank, replay_store
from geo.records import sample


def kept_mean(months, top_k):
    return backtest.run(months=months, top_k=top_k).mean_recommended


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--level", default="regency", choices=["regency", "province"])
    ap.add_argument("--top-k", type=int, default=None, help="default: 50 regencies or 4 provinces")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        agreements, visits = sample.seed_sqlite(f"{tmp}/bench.db")
    print(f"sample: {len(agreements)} agreements, {len(visits)} visits")

    t = time.perf_counter()
    hist = rank.prepare(agreements, visits, level=args.level)
    top_k = args.top_k or (50 if args.level == "regency" else 4)
    print(f"prepare (events, {len(hist.codes)} × {hist.panel['month'].nunique()} panel, covariates): "
          f"{time.perf_counter() - t:.2f} s")
    rank.rank(hist, as_of="2026-07")  # warm imports (statsmodels, networkx)
    for label, kwargs in (("sampled betweenness (200 pivots)", {}), ("exact betweenness", {"betweenness_samples": None})):
        t = time.perf_counter()
        ranking = rank.rank(hist, as_of="2026-07", **kwargs)
        print(f"rank all {len(ranking.table)} {args.level} regions, {label}: {time.perf_counter() - t:.2f} s")

    t = time.perf_counter()
    res = backtest.run(hist, top_k=top_k)
    print(f"backtest ({res.months} months replayed, {res.n_events} visited regions): {time.perf_counter() - t:.2f} s")
    print(f"  recommended (top {res.top_k}) and visited: mean gain {res.mean_recommended:+.2f} agreements "
          f"(n={res.n_recommended})")
    print(f"  visited, not recommended: {res.mean_not_recommended:+.2f} (n={res.n_events - res.n_recommended})")
    print(f"  difference: {res.difference:+.2f}, 95% bootstrap [{res.difference_ci[0]:+.2f}, "
          f"{res.difference_ci[1]:+.2f}]")
    print(f"  random choice: {res.random_mean:+.2f}, 95% [{res.random_ci[0]:+.2f}, {res.random_ci[1]:+.2f}]; "
          f"share of random draws ≥ recommended: {res.share_random_at_least:.2f}")

    with tempfile.TemporaryDirectory() as store:  # the replay kept on disk (geo.planner.replay_store)
        store = Path(store)
        t = time.perf_counter()
        kept = replay_store.load_or_replay(hist, store)
        print(f"replay computed and kept on disk: {time.perf_counter() - t:.2f} s "
              f"({replay_store.path_of(replay_store.key(hist), store).stat().st_size / 1e6:.1f} MB)")
        t = time.perf_counter()
        replay_store.key(hist)
        keyed = time.perf_counter() - t
        t = time.perf_counter()
        res = backtest.run(months=replay_store.load_or_replay(hist, store), top_k=top_k)
        print(f"backtest from the kept replay (a new process's first press): {time.perf_counter() - t:.2f} s "
              f"(of which the key {keyed:.2f} s); same figures: {res.mean_recommended == kept_mean(kept, top_k)}")

    for k in (8, 16):
        picks = list(ranking.table.index[:k])
        t = time.perf_counter()
        if len(picks) < k:
            continue
        order = itinerary.best_order("31.71", picks)
        elapsed = time.perf_counter() - t
        naive, best = (itinerary.totals(itinerary.route_legs("31.71", o)) for o in (picks, order))
        print(f"itinerary of {k} ({'exact' if k <= itinerary.EXACT_MAX else '2-opt'}): {elapsed * 1000:.0f} ms; "
              f"{best['km']:.0f} km / {best['hours']:.1f} h vs ranking order {naive['km']:.0f} km / "
              f"{naive['hours']:.1f} h")


if __name__ == "__main__":
    main()
