"""Cooperation metrics per region and period, at province, regency/city or district level.

An agreement counts once for every region that is a party to it at the chosen
level: at province level, an agreement between two regencies of Jawa Barat is
one agreement for Jawa Barat, not two. Statuses are the agreements' current
statuses; "signed" and "value" count agreements signed (or, unsigned, started)
within the period. Per-100,000 figures use the population in ``data/``.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from geo.regions import lookup

ACTIVE = {"ditandatangani", "berjalan"}
PROGRESSED = {"berjalan", "selesai"}
METRICS = ["signed", "active", "completed", "stalled", "value_idr", "partners", "progressed_share", "visits",
           "signed_per_100k", "visits_per_100k", "value_per_capita"]


def filter_records(agreements: pd.DataFrame, visits: pd.DataFrame, *, sectors=(), types=(), ministries=(),
                   statuses=()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Agreements and visits matching the filters; ministry filters agreements through their linked visit."""
    a, v = agreements, visits
    if statuses:
        a = a[a["status"].isin(statuses)]
    if sectors:
        a = a[a["sectors"].map(lambda ks: bool(set(ks) & set(sectors)))]
        v = v[v["focus_sectors"].map(lambda ks: bool(set(ks) & set(sectors)) if len(ks) else True)]
    if types:
        a = a[a["type"].isin(types)]
    if ministries:
        v = v[v["ministry"].isin(ministries)]
        a = a[a["visit_ref"].isin(set(v["ref"]))]
    return a, v


def agreement_day(agreements: pd.DataFrame) -> pd.Series:
    """The day an agreement counts from: signed, or (not signed) started."""
    return pd.to_datetime(agreements["signed_on"].where(agreements["signed_on"].notna(), agreements["start_on"]))


def in_period_mask(day: pd.Series, start: dt.date | None, end: dt.date | None) -> pd.Series:
    mask = day.notna()
    if start is not None:
        mask &= day >= pd.Timestamp(start)
    if end is not None:
        mask &= day <= pd.Timestamp(end)
    return mask


def agreements_in_view(agreements: pd.DataFrame, visits: pd.DataFrame, *, start=None, end=None, sectors=(),
                       types=(), ministries=(), statuses=()) -> pd.DataFrame:
    """The agreements a map view counts: the filters, and signed (or started) within the period."""
    a, _ = filter_records(agreements, visits, sectors=sectors, types=types, ministries=ministries, statuses=statuses)
    return a[in_period_mask(agreement_day(a), start, end).to_numpy()]


def visits_in_view(agreements: pd.DataFrame, visits: pd.DataFrame, *, start=None, end=None, sectors=(),
                   ministries=()) -> pd.DataFrame:
    """The visits a map view shows: sector and ministry filters, and held within the period (local date)."""
    _, v = filter_records(agreements, visits, sectors=sectors, ministries=ministries)
    when = "local_start" if "local_start" in v else "start_at"
    day = pd.to_datetime(v[when])
    if getattr(day.dt, "tz", None) is not None:
        day = day.dt.tz_convert(None)
    return v[in_period_mask(day.dt.normalize(), start, end).to_numpy()]


def _at_level(codes: pd.Series, level: str) -> pd.Series:
    n = lookup.CODE_LENGTH[level]
    return codes.where(codes.str.len() >= n).str.slice(0, n)


def _distinct_partners(rows: pd.DataFrame) -> pd.Series:
    pairs = rows[["region", "partners_list"]].explode("partners_list")
    pairs = pairs[pairs["partners_list"] != pairs["region"]]
    return pairs.groupby("region")["partners_list"].nunique()


def region_metrics(agreements: pd.DataFrame, visits: pd.DataFrame, *, level: str = "regency",
                   start: dt.date | None = None, end: dt.date | None = None, sectors=(), types=(),
                   ministries=(), statuses=()) -> pd.DataFrame:
    """One row per region of ``level`` with every metric in ``METRICS`` (regions without records get zeros)."""
    a, v = filter_records(agreements, visits, sectors=sectors, types=types, ministries=ministries,
                          statuses=statuses)
    day = agreement_day(a)
    in_period = in_period_mask(day, start, end)
    ex = pd.DataFrame({"doc": a["doc_number"], "codes": a["region_codes"], "status": a["status"],
                       "value": a["value_idr"], "in_period": in_period}).explode("codes")
    ex = ex[ex["codes"].notna()]
    ex["region"] = _at_level(ex["codes"].astype(str), level)
    ex = ex[ex["region"].notna()].drop_duplicates(["doc", "region"])
    ex["partners_list"] = ex["doc"].map(ex.groupby("doc")["region"].agg(list))

    signed = ex[ex["in_period"]]
    g = signed.groupby("region")
    beyond_proposal = signed["status"] != "usulan"
    progressed = signed["status"].isin(PROGRESSED) & beyond_proposal
    out = pd.DataFrame({
        "signed": g.size(),
        "value_idr": g["value"].sum(min_count=1),
        "partners": _distinct_partners(signed),
        # share of running/completed among agreements past the proposal stage (none past it: no data)
        "progressed_share": progressed.groupby(signed["region"]).sum()
        / beyond_proposal.groupby(signed["region"]).sum().replace(0, np.nan),
    })
    # Current status of every agreement signed up to the period's end.
    upto = ex[day.reindex(ex.index).le(pd.Timestamp(end)) if end is not None else slice(None)]
    by_region = upto["region"]
    out["active"] = upto["status"].isin(ACTIVE).groupby(by_region).sum()
    out["completed"] = (upto["status"] == "selesai").groupby(by_region).sum()
    out["stalled"] = (upto["status"] == "terhambat").groupby(by_region).sum()

    when = "local_start" if "local_start" in v else "start_at"
    vs = v[["ref", when, "region_codes"]].explode("region_codes")
    vs = vs[vs["region_codes"].notna()]
    vday = pd.to_datetime(vs[when])
    if getattr(vday.dt, "tz", None) is not None:
        vday = vday.dt.tz_convert(None)
    vs = vs[in_period_mask(vday.dt.normalize(), start, end).to_numpy()]  # by the visit's (local) day
    vs["region"] = _at_level(vs["region_codes"].astype(str), level)
    out["visits"] = vs.dropna(subset=["region"]).drop_duplicates(["ref", "region"]).groupby("region").size()

    regs = lookup.all_regions(level)
    frame = pd.DataFrame(index=pd.Index([r.code for r in regs], name="region"))
    frame["name"] = [r.name for r in regs]
    frame["population"] = [r.population for r in regs]
    frame = frame.join(out)
    for col in ["signed", "active", "completed", "stalled", "partners", "visits"]:
        frame[col] = frame[col].fillna(0).astype(int)
    frame["value_idr"] = frame["value_idr"].fillna(0)
    pop = frame["population"].astype(float)
    frame["signed_per_100k"] = frame["signed"] / pop * 1e5
    frame["visits_per_100k"] = frame["visits"] / pop * 1e5
    frame["value_per_capita"] = frame["value_idr"] / pop
    return frame
