"""Everything the impact page shows, computed in one call from stored records and settings.

``compute(agreements, visits, settings)`` is a pure function of its inputs, so the app caches it on
``(data_version, settings)`` and recomputes only when the data or the settings change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from geo.analysis import estimator, metrics, panel, score
from geo.regions import lookup


@dataclass(frozen=True)
class Settings:
    level: str = "regency"
    outcome: str = "new_as_lead"  # what a visit is expected to change: agreements the visited region initiates
    window_months: int = 12
    start: str = "2021-01"
    end: str | None = None
    weights: tuple[tuple[str, float], ...] = tuple(score.DEFAULT_WEIGHTS.items())
    sectors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    ministries: tuple[str, ...] = ()


@dataclass
class Report:
    settings: Settings
    direct: estimator.ATTResult | None
    direct_window: dict | None
    spillover: estimator.ATTResult | None
    spillover_window: dict | None
    metrics: pd.DataFrame
    scores: dict[str, score.RegionScore]
    notes: list[str] = field(default_factory=list)

    @property
    def not_visited(self) -> frozenset[str]:
        """Regions never visited: no impact score (status ``"not_visited"``, ``geo.analysis.score``)."""
        return frozenset(c for c, s in self.scores.items() if s.status == "not_visited")

    def verdicts(self) -> pd.Series:
        """Region → verdict of its first visit (``geo.analysis.verdict`` kind), None for a region never visited."""
        return pd.Series({c: None if s.verdict is None else s.verdict.kind for c, s in self.scores.items()},
                         dtype=object)


def compute(agreements: pd.DataFrame, visits: pd.DataFrame, settings: Settings = Settings()) -> Report:
    a, v = metrics.filter_records(agreements, visits, sectors=settings.sectors, types=settings.types,
                                  ministries=settings.ministries)
    notes = []
    m = metrics.region_metrics(a, v, level=settings.level)
    end = settings.end or (pd.Timestamp.today().to_period("M") - 1).strftime("%Y-%m")
    p = panel.monthly_panel(a, v, level=settings.level, start=settings.start, end=end)
    direct = spill = dw = sw = None
    try:
        direct = estimator.estimate_att(p, unit="region", time="month", outcome=settings.outcome,
                                     first_treated="first_visit")
        dw = direct.window(1, settings.window_months)
    except ValueError as exc:
        notes.append(str(exc))
    try:
        spill = estimator.estimate_spillover(p, lambda c: [r.code for r in lookup.neighbors(c)],
                                          outcome=settings.outcome)
        sw = spill.window(1, settings.window_months)
    except ValueError as exc:
        notes.append(str(exc))
    scores = score.region_scores(p, m, outcome=settings.outcome, window=settings.window_months,
                                 weights=dict(settings.weights),
                                 visit_months=panel.visit_months(visits, settings.level))
    return Report(settings, direct, dw, spill, sw, m, scores, notes)
