"""Backtest of the planner: replay history month by month and ask whether its picks gained more.

For every month ``m`` in which regions were visited (and 12 months of data follow it):

1. rank all regions with ``geo.planner.rank.rank`` using only data known before ``m`` (agreements signed or
   started before ``m``, visits before ``m``, statuses as they were then; the uplift estimates are
   refreshed every ``uplift_refresh`` months, also from data known then);
2. each region visited in ``m`` is an event; it is *recommended* when it was in the top ``top_k`` then;
3. its gain is its number of new agreements in the 12 months after ``m`` minus the 12 months before
   (the visit month itself in neither, as in ``geo.analysis.estimator.visit_effect``).

The figures: mean gain of recommended-and-visited regions, of visited-but-not-recommended regions, their
difference with a bootstrap 95% interval (events resampled), and a random choice: in every month, as
many of that month's visited regions as were recommended, drawn at random; the mean gain of the draw,
repeated ``draws`` times, gives a 95% interval. Gains are observational: a region recommended and
visited may differ from the others in ways the ranking itself reflects (that is the question asked,
not a causal effect of following the recommendation).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from geo.planner import rank

WINDOW = 12


@dataclass
class BacktestResult:
    events: pd.DataFrame  # month, region, rank, recommended, gain
    top_k: int
    months: int  # months replayed
    mean_recommended: float | None
    mean_not_recommended: float | None
    difference: float | None
    difference_ci: tuple[float, float] | None
    random_mean: float | None
    random_ci: tuple[float, float] | None
    share_random_at_least: float | None  # share of random draws whose mean gain ≥ the recommended mean
    notes: list[str] = field(default_factory=list)

    @property
    def n_recommended(self) -> int:
        return int(self.events["recommended"].sum())

    @property
    def n_events(self) -> int:
        return len(self.events)


def gains(hist: rank.History, month: pd.Timestamp, codes, window: int = WINDOW) -> pd.Series:
    """New agreements in the ``window`` months after ``month`` minus the ``window`` months before."""
    ev = hist.events
    before = ev[(ev["month"] >= month - pd.DateOffset(months=window)) & (ev["month"] < month)]
    after = ev[(ev["month"] > month) & (ev["month"] <= month + pd.DateOffset(months=window))]
    codes = list(codes)
    return (after.groupby("region").size().reindex(codes, fill_value=0)
            - before.groupby("region").size().reindex(codes, fill_value=0)).astype(float)


@dataclass(frozen=True)
class Month:
    """One replayed month: the score components then, the regions visited in it, and their gains after it."""
    month: pd.Timestamp
    components: rank.Components
    visited: tuple
    gains: pd.Series  # region -> gain


def replay(hist: rank.History, *, start=None, end=None, uplift_refresh: int = 6,
           betweenness_samples: int | None = 50) -> list[Month]:
    """Everything of the backtest that does not depend on the weights, month by month from ``start`` (default: 12
    months into the data) to ``end`` (default: the last month followed by ``WINDOW`` months of data): computed
    once, then ``run`` weighs it as often as the weights change."""
    first, last = hist.panel["month"].min(), hist.panel["month"].max()
    start = rank.month_of(start) if start is not None else first + pd.DateOffset(months=WINDOW)
    end = rank.month_of(end) if end is not None else last - pd.DateOffset(months=WINDOW)
    vm = hist.visit_months
    out, uplift, uplift_at = [], None, None
    for m in sorted(m for m in vm["month"].unique() if start <= m <= end):
        m = pd.Timestamp(m)
        if uplift is None or (m.year - uplift_at.year) * 12 + m.month - uplift_at.month >= uplift_refresh:
            uplift, uplift_at = rank.uplift_estimates(hist, m), m
        parts = rank.components(hist, as_of=m, uplift=uplift, betweenness_samples=betweenness_samples)
        visited = tuple(sorted(set(vm.loc[vm["month"] == m, "region"])))
        out.append(Month(m, parts, visited, gains(hist, m, list(visited))))
    return out


def run(hist: rank.History | None = None, *, weights: dict[str, float] | None = None, top_k: int = 50,
        start=None, end=None, draws: int = 2000, uplift_refresh: int = 6, seed: int = 0,
        betweenness_samples: int | None = 50, months: list[Month] | None = None) -> BacktestResult:
    """Replay months (``replay``; or the ``months`` it gave before) and rank with ``weights`` in each."""
    if months is None:
        months = replay(hist, start=start, end=end, uplift_refresh=uplift_refresh,
                        betweenness_samples=betweenness_samples)
    rows = []
    for month in months:
        ranking = rank.scored(month.components, weights=weights)
        for r in month.visited:
            rk = int(ranking.table.at[r, "rank"])
            rows.append({"month": month.month, "region": r, "rank": rk, "recommended": rk <= top_k,
                         "gain": month.gains[r]})
    events = pd.DataFrame(rows, columns=["month", "region", "rank", "recommended", "gain"])
    return summarise(events, top_k=top_k, months=len(months), draws=draws, seed=seed)


def verdict(result: BacktestResult) -> str | None:
    """The backtest's answer in words, from the 95% interval of the difference (recommended minus not
    recommended): ``"better"`` when it lies above zero, ``"worse"`` below, ``"unclear"`` when it holds zero;
    None when there is nothing to compare. A difference is never shown without it.

    >>> r = BacktestResult(pd.DataFrame(), 50, 35, 1.6, 0.7, 0.9, (-0.35, 2.06), None, None, None)
    >>> verdict(r), verdict(BacktestResult(pd.DataFrame(), 50, 35, 2, 0.5, 1.5, (0.2, 2.9), None, None, None))
    ('unclear', 'better')
    """
    if result.difference_ci is None:
        return None
    lo, hi = result.difference_ci
    return "better" if lo > 0 else "worse" if hi < 0 else "unclear"


def summarise(events: pd.DataFrame, *, top_k: int, months: int, draws: int = 2000, seed: int = 0) \
        -> BacktestResult:
    notes = []
    rec = events.loc[events["recommended"], "gain"].to_numpy(dtype=float)
    other = events.loc[~events["recommended"], "gain"].to_numpy(dtype=float)
    mean_rec = float(rec.mean()) if len(rec) else None
    mean_other = float(other.mean()) if len(other) else None
    diff = diff_ci = None
    rng = np.random.default_rng(seed)
    if len(rec) and len(other):
        diff = mean_rec - mean_other
        boots = rng.choice(rec, (draws, len(rec))).mean(axis=1) - rng.choice(other, (draws, len(other))).mean(axis=1)
        diff_ci = (float(np.quantile(boots, 0.025)), float(np.quantile(boots, 0.975)))
    else:
        notes.append("no comparison: every visited region was recommended, or none was")
    rand_mean = rand_ci = share = None
    if len(rec):
        by_month = [(grp["gain"].to_numpy(dtype=float), int(grp["recommended"].sum()))
                    for _, grp in events.groupby("month")]
        # each draw picks, in every month, as many of that month's visited regions at random (without
        # replacement) as were recommended; all draws of a month at once (a row per draw, shuffled)
        sums, count = np.zeros(draws), 0
        for g, n in by_month:
            if n:
                sums += rng.permuted(np.tile(g, (draws, 1)), axis=1)[:, :n].sum(axis=1)
                count += n
        means = sums / count
        rand_mean = float(means.mean())
        rand_ci = (float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975)))
        share = float((means >= mean_rec).mean())
    return BacktestResult(events, top_k, months, mean_rec, mean_other, diff, diff_ci, rand_mean, rand_ci, share,
                          notes)
