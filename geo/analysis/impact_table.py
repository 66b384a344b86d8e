"""The impact of working visits as one table, a row per region of a level (``python -m geo impact``).

Columns (one row for every province or every regency/city, in code order):

* ``code`` — the Kemendagri code (``32``, ``32.73``); ``name`` — the region's name;
* ``visited`` — whether the region has had a working visit (``geo.analysis.score``: status not ``"not_visited"``);
* ``first_visit`` — the month of its first visit, ``YYYY-MM`` (``geo.analysis.panel.first_visits``), empty when
  never visited;
* ``effect``, ``ci_low``, ``ci_high`` — the first visit's effect per month on the outcome (new agreements) and its
  95% interval, as the impact report gives them (``geo.analysis.estimator.visit_effect``'s difference-in-differences
  in ``Report.scores[code].details["visit_effect"]``); empty when never visited or when there is no estimate;
* ``verdict`` — the verdict kind of the first visit (``geo.analysis.verdict``: ``up``, ``unclear``, ``down``,
  ``too_little_data``), empty when never visited; ``verdict_text`` — its sentence in the chosen language;
* ``score`` — the 0–100 impact score (``geo.analysis.score``), empty when never visited or too few agreements;
* ``agreements`` — agreements the region is a party to, signed (or, unsigned, started) in the period
  (``geo.analysis.metrics.region_metrics``'s ``signed``).

The period is the impact report's: from ``start`` (default ``impact_report.Settings.start``) to ``end`` (default:
the last full month); the agreements column counts the same months.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from geo.analysis import impact_report, panel
from geo.analysis.context import Context
from geo.regions import lookup
from geo.text.messages import UserError

LEVELS = ("province", "regency")
COLUMNS = ("code", "name", "visited", "first_visit", "effect", "ci_low", "ci_high", "verdict", "verdict_text",
           "score", "agreements")


def check_level(level: str) -> str:
    """The level when impact is computed for it (provinces, regencies/cities); a UserError otherwise."""
    if level not in LEVELS:
        raise UserError("impact.level", text=level)
    return level


def settings_for(level: str, start: dt.date | None = None, end: dt.date | None = None) -> impact_report.Settings:
    """The impact report's settings for a level and a period (whole months)."""
    return impact_report.Settings(level=check_level(level),
                                  start=start.strftime("%Y-%m") if start else impact_report.Settings.start,
                                  end=end.strftime("%Y-%m") if end else None)


def period_of(settings: impact_report.Settings) -> tuple[dt.date, dt.date]:
    """First and last day of the months the report with ``settings`` covers."""
    first = pd.Period(settings.start, freq="M")
    last = pd.Period(settings.end, freq="M") if settings.end else pd.Timestamp.today().to_period("M") - 1
    return first.start_time.date(), last.end_time.date()


def table(ctx: Context, *, level: str = "province", start: dt.date | None = None, end: dt.date | None = None,
          lang: str = "id") -> pd.DataFrame:
    """The table described above, from the records of ``ctx``."""
    settings = settings_for(level, start, end)
    report = ctx.report(settings)
    p0, p1 = period_of(settings)
    signed = ctx.region_metrics(level=level, start=p0, end=p1)["signed"]
    first = panel.first_visits(ctx.visits, level)
    rows = []
    for region in lookup.all_regions(level):
        s = report.scores.get(region.code)
        visited = s is not None and s.visited
        ve = s.details.get("visit_effect") if visited else None
        fv = first.get(region.code) if visited else None
        rows.append({
            "code": region.code, "name": region.name, "visited": visited,
            "first_visit": None if fv is None or pd.isna(fv) else pd.Timestamp(fv).strftime("%Y-%m"),
            "effect": None if ve is None else float(ve.did),
            "ci_low": None if ve is None else float(ve.ci_low),
            "ci_high": None if ve is None else float(ve.ci_high),
            "verdict": None if not visited or s.verdict is None else s.verdict.kind,
            "verdict_text": None if not visited or s.verdict is None else s.verdict.sentence(lang),
            "score": None if s is None or s.score is None else float(s.score),
            "agreements": int(signed.get(region.code, 0)),
        })
    return pd.DataFrame(rows, columns=list(COLUMNS))
