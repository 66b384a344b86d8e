"""Everything a region's drill-down page shows, from the records (no Streamlit here).

A region's children (a province's regencies, a regency's districts) are compared on agreements signed, except
districts, which sign none: they are compared on working visits (``CHILD_MEASURE``). The key figures are
``geo.briefings.region_brief.facts``'s, shared with the PDF brief and the deck.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.analysis import metrics
from geo.regions import lookup
from geo.text.vocabulary import MITIGATIONS, OBSTACLES

CHILD_MEASURE = {"regency": "signed", "district": "visits"}


def children_values(code: str, child_metrics: pd.DataFrame) -> tuple[str, pd.Series]:
    """(measure, value per child region) of ``code``'s children, from ``geo.analysis.metrics.region_metrics``
    at the child level."""
    child_level = lookup.CHILD_LEVEL[lookup.level_of(code)]
    measure = CHILD_MEASURE[child_level]
    kids = child_metrics[[lookup.is_within(c, code) and c != code for c in child_metrics.index]]
    return measure, kids[measure].astype(float)


def involves(codes, region: str) -> bool:
    return any(lookup.is_within(c, region) for c in codes)


@dataclass
class Profile:
    region: lookup.Region
    agreements: pd.DataFrame
    visits: pd.DataFrame
    partners: pd.DataFrame  # code, name, agreements
    obstacles: pd.DataFrame  # kind, label, agreements, mitigation
    timeline: pd.DataFrame  # month, count, value_idr, comparison_mean, comparison_low, comparison_high
    visits_followed: pd.DataFrame  # ref, official_role, start_at, agenda, agreements_after


def profile(code: str, agreements: pd.DataFrame, visits: pd.DataFrame, panel: pd.DataFrame | None = None, *,
            window: int = 12, lang: str = "id", timeline_agreements: pd.DataFrame | None = None) -> Profile:
    """The region's agreements, visits, partners, obstacles and followed visits from ``agreements``/``visits`` (a
    page's period); its monthly timeline from ``timeline_agreements`` when given (every month of the panel, so
    the months outside the period are not drawn as zero), else from ``agreements``."""
    region = lookup.get(code)
    # masks as bool: an empty frame's mask is an empty object Series, which pandas would take as column names
    mine = agreements[agreements["region_codes"].map(lambda cs: involves(cs, code)).astype(bool)]
    my_visits = visits[visits["region_codes"].map(lambda cs: involves(cs, code)).astype(bool)]
    n = len(code)
    partner_counts: dict[str, int] = {}
    for codes in mine["region_codes"]:
        for c in {c[:n] if len(c) >= n else c for c in codes}:
            if c != code and lookup.exists(c) and lookup.level_of(c) == region.level:
                partner_counts[c] = partner_counts.get(c, 0) + 1
    partners = pd.DataFrame([(c, lookup.get(c).name, k) for c, k in partner_counts.items()],
                            columns=["code", "name", "agreements"]).sort_values("agreements", ascending=False)
    kinds: dict[str, int] = {}
    for obs in mine["obstacles"]:
        for k in obs:
            kinds[k] = kinds.get(k, 0) + 1
    # an obstacle of the open vocabulary (geo.records.vocabularies) has no default label or mitigation: its key as
    # written, and the mitigation of "other"
    obstacles = pd.DataFrame([(k, OBSTACLES.get(k, {}).get(lang, k), v,
                               MITIGATIONS.get(k, MITIGATIONS["lainnya"])[lang]) for k, v in kinds.items()],
                             columns=["kind", "label", "agreements", "mitigation"]).sort_values("agreements",
                                                                                               ascending=False)
    if timeline_agreements is None:
        timeline = _timeline(code, mine, panel)
    else:
        whole = timeline_agreements[timeline_agreements["region_codes"].map(lambda cs: involves(cs, code)).astype(bool)]
        timeline = _timeline(code, whole, panel)
    followed = []
    for v in my_visits.itertuples(index=False):
        start = pd.Timestamp(v.local_start)
        signed = pd.to_datetime(mine["signed_on"])
        after = mine[(mine["visit_ref"] == v.ref)
                     | ((signed > start) & (signed <= start + pd.DateOffset(months=window)))]
        followed.append((v.ref, v.official_role, start, v.agenda, "; ".join(after["doc_number"].head(10)),
                         len(after)))
    visits_followed = pd.DataFrame(followed, columns=["ref", "official_role", "start_at", "agenda",
                                                      "agreements_after", "n_after"])
    return Profile(region, mine, my_visits, partners, obstacles, timeline, visits_followed)


def with_party_obstacles(obstacles: pd.DataFrame, party_counts: dict[str, int], lang: str = "id") -> pd.DataFrame:
    """The obstacles summary with what the parties reported beside it: ``from_parties`` = how many approved feedback
    entries (``geo.records.party_feedback.obstacle_counts``) name the obstacle, apart from ``agreements`` (how many
    of the region's agreements the records give it); an obstacle only the parties named comes in with 0 agreements.
    Sorted by agreements, then by the parties' count.

    >>> base = pd.DataFrame([("anggaran", "Anggaran", 3, "…")], columns=["kind", "label", "agreements", "mitigation"])
    >>> with_party_obstacles(base, {"regulasi": 2, "anggaran": 1})[["kind", "agreements", "from_parties"]].values.tolist()
    [['anggaran', 3, 1], ['regulasi', 0, 2]]
    """
    out = obstacles.assign(from_parties=obstacles["kind"].map(lambda k: party_counts.get(k, 0)).astype(int))
    extra = [(k, OBSTACLES.get(k, {}).get(lang, k), 0, MITIGATIONS.get(k, MITIGATIONS["lainnya"])[lang], n)
             for k, n in party_counts.items() if k not in set(obstacles["kind"])]
    if extra:
        out = pd.concat([out, pd.DataFrame(extra, columns=list(out.columns))], ignore_index=True)
    return out.sort_values(["agreements", "from_parties"], ascending=False).reset_index(drop=True)


def _timeline(code: str, mine: pd.DataFrame, panel: pd.DataFrame | None) -> pd.DataFrame:
    """Monthly agreements and value of the region, with the comparison regions' band when a panel is given."""
    day = metrics.agreement_day(mine)
    month = day.dt.to_period("M").dt.to_timestamp()
    own = pd.DataFrame({"month": month, "value": mine["value_idr"]}).dropna(subset=["month"])
    g = own.groupby("month")
    out = pd.DataFrame({"count": g.size(), "value_idr": g["value"].sum(min_count=1)})
    if panel is not None and len(panel) and code in set(panel["region"]):
        months = pd.DatetimeIndex(sorted(panel["month"].unique()))
        out = out.reindex(months).fillna({"count": 0})
        first = panel.groupby("region")["first_visit"].first()
        own_first = first.get(code)
        comparison = panel[panel["region"] != code]
        if own_first is not None and not pd.isna(own_first):
            lo, hi = own_first - pd.DateOffset(months=12), own_first + pd.DateOffset(months=12)
            busy = set(first[(first >= lo) & (first <= hi)].index)
            comparison = comparison[~comparison["region"].isin(busy)]
        stats = comparison.groupby("month")["new_agreements"].agg(["mean", "std", "count"])
        se = stats["std"] / np.sqrt(stats["count"].clip(lower=1))
        out["comparison_mean"] = stats["mean"]
        out["comparison_low"] = (stats["mean"] - 1.96 * se).clip(lower=0)
        out["comparison_high"] = stats["mean"] + 1.96 * se
    out.index.name = "month"
    return out.reset_index()
