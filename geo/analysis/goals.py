"""Goals against results: what each working visit set out to advance, beside what followed in that area.

A visit carries its goals by area (``goals``: keys of ``geo.text.vocabulary.GOAL_AREAS`` — infrastruktur, ekonomi
kreatif, sumber daya manusia, regulasi, pangan dan lingkungan). For each goal of each visit that took place
(planned visits never count), the agreements that followed are those

* in that area: at least one of the agreement's sectors is one of the area's (``GOAL_SECTORS``);
* in the visit's region: a party inside the regency/city (or province) of one of the visit's stops — a stop at a
  district or village counts for its regency;
* after the visit: dated (signed, else started, as the map counts them) after the visit's first local day and at
  most ``WINDOW_MONTHS`` (24) months after it.

Of these the view counts ``followed`` (all of them), ``signed`` (those with a signing date), and by current status
``running`` (berjalan) and ``stalled`` (terhambat). This is what followed, not proof that the visit caused it:
agreements in the same area and region may have come anyway (the impact page's comparison with regions not
visited is the evidence for that).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from geo.analysis.metrics import agreement_day
from geo.regions import lookup
from geo.text.vocabulary import GOAL_SECTORS

WINDOW_MONTHS = 24
COLUMNS = ["ref", "ministry", "official_role", "visit_day", "regions", "goal", "followed", "signed", "running",
           "stalled"]


def _government_region(code: str) -> str:
    """The regency/city (or province) a stop's region belongs to."""
    if lookup.level_of(code) in lookup.GOVERNMENT_LEVELS:
        return code
    for region in reversed(lookup.ancestors(code)):
        if region.level in lookup.GOVERNMENT_LEVELS:
            return region.code
    return code


def _window_end(day: dt.date) -> dt.date:
    from geo.monitoring.kpis import add_months

    return add_months(day, WINDOW_MONTHS)


def goals_against_results(visits: pd.DataFrame, agreements: pd.DataFrame) -> pd.DataFrame:
    """One row per goal of each visit made (``COLUMNS``); ``visits`` and ``agreements`` as ``geo.records.read``
    gives them."""
    made = visits[~visits["planned"].astype(bool)] if len(visits) else visits
    day = agreement_day(agreements).dt.date if len(agreements) else pd.Series(dtype=object)
    rows = []
    for v in made.itertuples(index=False):
        if not v.goals:
            continue
        visit_day = pd.Timestamp(v.local_start).date()
        areas = sorted({_government_region(c) for c in v.region_codes})
        near = agreements["region_codes"].map(
            lambda cs, areas=areas: any(lookup.is_within(c, a) for c in cs for a in areas)) if len(agreements) \
            else pd.Series(dtype=bool)
        when = day.map(lambda d, start=visit_day: d is not None and not pd.isna(d) and start < d <= _window_end(start))
        for goal in v.goals:
            sectors = set(GOAL_SECTORS.get(goal, ()))
            in_area = agreements["sectors"].map(lambda ks, sectors=sectors: bool(set(ks) & sectors)) \
                if len(agreements) else pd.Series(dtype=bool)
            hit = agreements[near & when & in_area] if len(agreements) else agreements
            rows.append({"ref": v.ref, "ministry": v.ministry, "official_role": v.official_role,
                         "visit_day": visit_day, "regions": areas, "goal": goal, "followed": len(hit),
                         "signed": int(hit["signed_on"].notna().sum()),
                         "running": int((hit["status"] == "berjalan").sum()),
                         "stalled": int((hit["status"] == "terhambat").sum())})
    return pd.DataFrame(rows, columns=COLUMNS)


def by_goal(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``goals_against_results`` summed per goal area: visits naming it and what followed them."""
    if table.empty:
        return pd.DataFrame(columns=["goal", "visits", "followed", "signed", "running", "stalled"])
    out = table.groupby("goal").agg(visits=("ref", "nunique"), followed=("followed", "sum"),
                                    signed=("signed", "sum"), running=("running", "sum"),
                                    stalled=("stalled", "sum")).reset_index()
    return out
