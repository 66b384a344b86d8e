"""Region × month panels of cooperation outcomes, the input of the impact engine.

Outcomes per region and month (agreements dated by signing, or start when unsigned):
``new_agreements`` (the region is a party), ``new_as_lead`` (the region is the
first party, *pihak pertama*), ``value_idr`` (their value) and
``new_partners`` (distinct partner regions in them). At province level an
agreement counts once per province however many of its regencies sign it.
``first_visit`` is the month of the region's first visit (a stop in it or in
one of its sub-regions), empty when never visited.
"""

from __future__ import annotations

import pandas as pd

from geo.analysis import metrics
from geo.regions import lookup


def month_start(values) -> pd.Series:
    s = pd.to_datetime(pd.Series(values), errors="coerce", utc=False)
    if getattr(s.dt, "tz", None) is not None:
        s = s.dt.tz_convert(None)
    return s.dt.to_period("M").dt.to_timestamp()


def region_of(code: str, level: str) -> str | None:
    n = lookup.CODE_LENGTH[level]
    return code[:n] if code and len(code) >= n else None


def agreement_events(agreements: pd.DataFrame, level: str) -> pd.DataFrame:
    """One row per (agreement, region at ``level``) with the month, lead flag, value and partner count."""
    n = lookup.CODE_LENGTH[level]
    day = metrics.agreement_day(agreements)
    base = pd.DataFrame({"doc_number": agreements["doc_number"].to_numpy(), "day": day.to_numpy(),
                         "value_idr": agreements["value_idr"].to_numpy(),
                         "codes": agreements["region_codes"].to_numpy()})
    base = base[base["day"].notna()]
    base["first_party"] = base["codes"].map(lambda cs: cs[0] if len(cs) else None)
    ex = base.explode("codes", ignore_index=True)
    ex = ex[ex["codes"].notna()]
    ex["region"] = ex["codes"].str.slice(0, n)
    # Lead: the region of the first party (pihak pertama), only when that party is at this level or below.
    first = ex["first_party"].astype(str)
    ex["lead"] = (first.str.len() >= n) & (first.str.slice(0, n) == ex["region"])
    ex = ex[ex["codes"].str.len() >= n].drop_duplicates(["doc_number", "region"])
    ex["partners"] = ex.groupby("doc_number")["region"].transform("size") - 1
    ex["month"] = month_start(ex["day"].to_numpy()).to_numpy()
    return ex[["region", "day", "lead", "value_idr", "partners", "doc_number", "month"]].reset_index(drop=True)


def visit_months(visits: pd.DataFrame, level: str) -> pd.DataFrame:
    """(region, month) of every visit stop, months in the visit's own time zone (WIB/WITA/WIT)."""
    when = "local_start" if "local_start" in visits else "start_at"
    rows = []
    for rec in visits.itertuples(index=False):
        for code in rec.region_codes:
            r = region_of(code, level)
            if r:
                rows.append((r, getattr(rec, when)))
    df = pd.DataFrame(rows, columns=["region", "start_at"])
    df["month"] = month_start(df["start_at"]) if len(df) else pd.Series(dtype="datetime64[ns]")
    return df[["region", "month"]].drop_duplicates()


def first_visits(visits: pd.DataFrame, level: str) -> pd.Series:
    vm = visit_months(visits, level)
    if vm.empty:
        return pd.Series(dtype="datetime64[ns]", index=pd.Index([], dtype=object))
    return vm.groupby("region")["month"].min()


def monthly_panel(agreements: pd.DataFrame, visits: pd.DataFrame, *, level: str = "regency",
                  start: str | None = None, end: str | None = None) -> pd.DataFrame:
    """Balanced panel: every region of ``level`` × every month from ``start`` to ``end`` (by default the months of
    the first and last agreement; with no agreements, the last full month)."""
    events = agreement_events(agreements, level)
    fv = first_visits(visits, level)
    last_full = (pd.Timestamp.today().to_period("M") - 1).strftime("%Y-%m")  # for bounds no agreement gives
    months = pd.period_range(start or (events["month"].min() if len(events) else last_full),
                             end or (events["month"].max() if len(events) else last_full), freq="M").to_timestamp()
    codes = [r.code for r in lookup.all_regions(level)]
    grid = pd.MultiIndex.from_product([codes, months], names=["region", "month"])
    g = events.groupby(["region", "month"])
    out = pd.DataFrame({
        "new_agreements": g.size(),
        "new_as_lead": g["lead"].sum(),
        "value_idr": g["value_idr"].sum(min_count=1),
        "new_partners": g["partners"].sum(),
    }).reindex(grid).fillna({"new_agreements": 0, "new_as_lead": 0, "new_partners": 0, "value_idr": 0})
    out = out.reset_index()
    out["first_visit"] = pd.to_datetime(out["region"].map(fv.to_dict()) if len(fv) else pd.NaT)
    return out
