"""Where to visit next: a ranked recommendation per region, each component visible and explained.

The "visit next" score of a region is ``100 × Σ w_k · c_k / Σ w_k`` over five components on a 0–1
scale (the planner sets the weights ``w_k``; defaults in ``DEFAULT_WEIGHTS``):

* **gap** (cooperation gap) — fewer agreements and partner regions than expected. The expectation is a
  Poisson GLM (``statsmodels``, log link) fitted over all regions of the level:
  ``log E[count] = b0 + b1·log(population) + b2·log(area km²) + b3·log(1 + neighbours' mean count)
  + b4·[has land neighbours]``, once for the number of agreements and once for the number of distinct
  partner regions. A region's shortfall is minus its Pearson residual ``(observed − expected)/√expected``;
  the component is the percentile of the mean shortfall of the two among all regions of the level.
* **uplift** (expected uplift) — what visits did for *similar* regions: the impact engine's
  Callaway–Sant'Anna estimate (``geo.analysis.estimator.estimate_att``, new agreements a month, months 1–12 after a
  first visit) among regions of the same population tercile, with its 95% interval. The component is
  Φ(estimate / standard error) — 0.5 when nothing is known, near 1 when the uplift is clearly positive
  (the same convention as the impact score's effect component).
* **stalled** — agreements of the region stalled (``terhambat``) that a visit could unblock:
  ``n / (n + 2)`` (0 none, 0.5 two, towards 1 many); the why names their obstacles.
* **recency** — months since the region's last visit: ``min(months, 36) / 36``; never visited → 1.
* **leverage** (network leverage) — on the partner graph (``networkx``; regions linked by shared
  agreements): the mean percentile of (a) betweenness centrality (already bridging clusters), (b) the
  number of distinct partner communities (Louvain) among its land neighbours and partners other than its
  own (clusters a visit could connect), (c) reach: regions within two partner steps.

Beside the score, every region already visited shows the verdict of its first visit in words ("Naik, jelas",
"Belum pasti", …): the impact report's (``impact_verdicts``), the one the region page and its brief show, so the
planner and the region page agree; a region never visited has none ("Belum dikunjungi" in the table). The planner
never shows a bare impact number.

Constraints (``Constraints``) drop candidates: visited within N months, outside chosen provinces or
island groups; a sector focus computes every component from that sector's agreements only; a ministry's
own history makes recency and the N-month exclusion count only that ministry's visits.

Everything is computed with data known before ``as_of`` (agreements signed or started before it, visits
before it, statuses as they were then), so the backtest (``geo.planner.backtest``) can replay history.

The "why" sentences (``explain``) and the model's description are in the catalog
(``geo/text/words/planner.py``, keys ``planner.*``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd
from scipy import stats

from geo.analysis import estimator, metrics, panel
from geo.analysis.verdict import Verdict
from geo.regions import lookup
from geo.text import numbers
from geo.text.catalog import text
from geo.text.messages import UserError
from geo.text.vocabulary import OBSTACLES

COMPONENTS = ("gap", "uplift", "stalled", "recency", "leverage")
DEFAULT_WEIGHTS = {"gap": 0.25, "uplift": 0.2, "stalled": 0.2, "recency": 0.15, "leverage": 0.2}
RECENCY_CAP_MONTHS = 36
UPLIFT_WINDOW = 12

# Island groups (kepulauan) by province code, as BPS groups them.
ISLAND_GROUPS = {
    "sumatera": ("11", "12", "13", "14", "15", "16", "17", "18", "19", "21"),
    "jawa": ("31", "32", "33", "34", "35", "36"),
    "bali_nusa_tenggara": ("51", "52", "53"),
    "kalimantan": ("61", "62", "63", "64", "65"),
    "sulawesi": ("71", "72", "73", "74", "75", "76"),
    "maluku": ("81", "82"),
    "papua": ("91", "92", "93", "94", "95", "96", "97"),
}
ISLAND_NAMES = {"sumatera": "Sumatera", "jawa": "Jawa", "bali_nusa_tenggara": "Bali dan Nusa Tenggara",
                "kalimantan": "Kalimantan", "sulawesi": "Sulawesi", "maluku": "Maluku", "papua": "Papua"}


def island_group(code: str) -> str | None:
    return next((k for k, provs in ISLAND_GROUPS.items() if code[:2] in provs), None)


@dataclass(frozen=True)
class Constraints:
    exclude_visited_months: int = 0  # 0: keep regions however recently visited
    provinces: tuple[str, ...] = ()
    islands: tuple[str, ...] = ()  # keys of ISLAND_GROUPS
    sectors: tuple[str, ...] = ()
    ministry: str | None = None


@dataclass
class History:
    """Everything the ranking needs, prepared once; ``rank`` slices it at any ``as_of``."""

    level: str
    events: pd.DataFrame  # region, doc_number, month (one row per agreement and region of the level)
    docs: pd.DataFrame  # per doc_number: status_history, obstacles
    visit_months: pd.DataFrame  # region, month, ministry
    panel: pd.DataFrame  # region × month panel (geo.analysis.panel), first_visit from every visit
    codes: list[str]
    covariates: pd.DataFrame  # per region: log_pop, log_area, stratum
    neighbours: dict[str, list[str]]


@dataclass
class Ranking:
    table: pd.DataFrame  # index region: name, score, c_<component>, details...; best first
    weights: dict[str, float]
    constraints: Constraints
    as_of: pd.Timestamp
    level: str
    uplift: dict  # stratum → window dict or None
    notes: list[str] = field(default_factory=list)

    def why(self, code: str, lang: str = "id") -> list[str]:
        return explain(self.table.loc[code], lang)


def month_of(day) -> pd.Timestamp:
    return pd.Timestamp(day).to_period("M").to_timestamp()


def prepare(agreements: pd.DataFrame, visits: pd.DataFrame, *, level: str = "regency",
            sectors: tuple[str, ...] = (), start: str | None = None, end: str | None = None) -> History:
    """Prepare agreements and (done) visits for ranking; ``sectors`` keeps only those sectors' agreements.

    The panel for the uplift estimates runs from ``start`` (default: the first month with an agreement) to
    ``end`` (default: the last month with an agreement or a visit)."""
    a, _ = metrics.filter_records(agreements, visits, sectors=sectors)
    events = panel.agreement_events(a, level)[["region", "doc_number", "month"]]
    docs = a.set_index("doc_number")[["status", "status_history", "obstacles"]] if len(a) else \
        pd.DataFrame(columns=["status", "status_history", "obstacles"])
    rows = []
    when = "local_start" if "local_start" in visits else "start_at"
    for rec in visits.itertuples(index=False):
        for code in rec.region_codes:
            r = panel.region_of(code, level)
            if r:
                rows.append((r, getattr(rec, when), rec.ministry))
    vm = pd.DataFrame(rows, columns=["region", "day", "ministry"])
    vm["month"] = panel.month_start(vm["day"]).to_numpy() if len(vm) else pd.Series(dtype="datetime64[ns]")
    vm = vm[["region", "month", "ministry"]].drop_duplicates()
    if end is None:
        last = [m for m in (events["month"].max() if len(events) else None,
                            vm["month"].max() if len(vm) else None) if m is not None and not pd.isna(m)]
        end = (max(last) if last else pd.Timestamp.today()).strftime("%Y-%m")
    if start is None:
        start = events["month"].min().strftime("%Y-%m") if len(events) else end
    p = panel.monthly_panel(a, visits, level=level, start=start, end=end)
    regs = lookup.all_regions(level)
    codes = [r.code for r in regs]
    pop = np.array([float(r.population or 1) for r in regs])
    area = np.array([float(r.area_km2 or r.boundary_area_km2 or 1) for r in regs])
    cov = pd.DataFrame({"log_pop": np.log(pop), "log_area": np.log(area)}, index=codes)
    terciles = np.quantile(pop, [1 / 3, 2 / 3])
    cov["stratum"] = np.where(pop <= terciles[0], "small", np.where(pop <= terciles[1], "medium", "large"))
    neighbours = {c: [n.code for n in lookup.neighbors(c)] for c in codes}
    return History(level, events, docs, vm, p, codes, cov, neighbours)


def status_as_of(history_list, as_of: pd.Timestamp) -> str | None:
    """The status an agreement had just before ``as_of`` (from its status history)."""
    status = None
    for s, day in history_list or []:
        if pd.Timestamp(day) < as_of:
            status = s
    return status


def _pct(values: pd.Series) -> pd.Series:
    """0 for the lowest value (ties share the lowest rank), 1 for the highest."""
    if len(values) < 2:
        return pd.Series(0.5, index=values.index)
    return (values.rank(method="min") - 1) / (len(values) - 1)


def _partner_graph(events: pd.DataFrame, codes) -> nx.Graph:
    """Regions linked by shared agreements; an edge's ``weight``: how many agreements the two share.

    Every pair of an agreement's rows (documents in order, rows in their order) adds 1 to its edge, and edges are
    added in the order their first pair comes, so that each node's neighbours are in the same order as when the
    pairs were added one by one (Louvain's and betweenness's tie-breaking follow that order). Built from arrays:
    a Python loop over the pairs took about a tenth of the backtest's time."""
    g = nx.Graph()
    g.add_nodes_from(codes)
    ev = events[["doc_number", "region"]]
    ev = ev.iloc[np.argsort(ev["doc_number"].to_numpy(), kind="stable")].reset_index(drop=True)
    ev["pos"] = np.arange(len(ev))
    pairs = ev.merge(ev, on="doc_number", suffixes=("", "_2"), sort=False)
    pairs = pairs[pairs["pos"] < pairs["pos_2"]].sort_values(["pos", "pos_2"], kind="stable")
    a, b = pairs["region"].to_numpy(dtype=object), pairs["region_2"].to_numpy(dtype=object)
    key = pd.Series([(u, v) if u <= v else (v, u) for u, v in zip(a, b)], dtype=object)
    weight = key.map(key.value_counts())
    first = ~key.duplicated()
    keep = first.to_numpy()  # Python ints as weights: Louvain's sums run twice as slow on NumPy scalars
    g.add_weighted_edges_from(zip(a[keep].tolist(), b[keep].tolist(), weight[keep].astype(int).tolist()))
    return g


def _neighbour_mean(y: pd.Series, neighbours: dict) -> pd.Series:
    """Per region of ``y``'s index: the mean of ``y`` over its land neighbours within the index (0 without
    neighbours, NaN when none of them is in the index).

    >>> _neighbour_mean(pd.Series([1.0, 3.0, 8.0], index=["a", "b", "c"]), {"a": ["b", "c"], "b": ["a", "x"], "c": []})
    a    5.5
    b    1.0
    c    0.0
    dtype: float64
    """
    where = {c: i for i, c in enumerate(y.index)}
    rows = [(i, where[n]) for i, c in enumerate(y.index) for n in neighbours[c] if n in where]
    src = np.array([r for r, _ in rows], dtype=int)
    dst = np.array([n for _, n in rows], dtype=int)
    values = y.to_numpy(dtype=float)
    total = np.bincount(src, weights=values[dst], minlength=len(values))
    count = np.bincount(src, minlength=len(values))
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / count
    has = np.array([bool(neighbours[c]) for c in y.index])
    return pd.Series(np.where(has, mean, 0.0), index=y.index)


def _gap(table: pd.DataFrame, cov: pd.DataFrame, neighbours: dict) -> tuple[pd.DataFrame, str | None]:
    from statsmodels.genmod import families
    from statsmodels.genmod.generalized_linear_model import GLM
    from statsmodels.tools import add_constant

    out = pd.DataFrame(index=table.index)
    shortfalls = []
    for col in ("agreements", "partners"):
        y = table[col].astype(float)
        nb_mean = _neighbour_mean(y, neighbours)
        x = pd.DataFrame({"log_pop": cov["log_pop"], "log_area": cov["log_area"],
                          "log_nb": np.log1p(nb_mean), "has_nb": [1.0 if neighbours[c] else 0.0 for c in y.index]},
                         index=y.index)
        x = x.loc[:, x.std() > 0]
        if y.sum() == 0:
            return out, "no agreements"
        try:
            fit = GLM(y, add_constant(x, has_constant="add"), family=families.Poisson()).fit()
        except Exception as exc:  # singular design, no convergence: say so, rank without the gap
            return out, str(exc)
        mu = fit.fittedvalues.clip(lower=1e-9)
        out[f"expected_{col}"] = mu
        shortfalls.append(-(y - mu) / np.sqrt(mu))
    out["shortfall"] = (shortfalls[0] + shortfalls[1]) / 2
    out["c_gap"] = _pct(out["shortfall"])
    return out, None


def uplift_estimates(hist: History, as_of: pd.Timestamp) -> dict:
    """Per population stratum (and "all"): the impact engine's ATT over months 1–12, with data before ``as_of``."""
    p = hist.panel[hist.panel["month"] < as_of]
    p = p.assign(first_visit=p["first_visit"].where(p["first_visit"] < as_of))
    out = {}
    for stratum in ("small", "medium", "large", "all"):
        units = hist.covariates.index if stratum == "all" else \
            hist.covariates.index[hist.covariates["stratum"] == stratum]
        try:
            res = estimator.estimate_att(p[p["region"].isin(units)], unit="region", time="month",
                                      outcome="new_agreements", first_treated="first_visit")
            out[stratum] = res.window(1, UPLIFT_WINDOW)
        except ValueError:
            out[stratum] = None
    return out


def rank(hist: History, *, as_of=None, weights: dict[str, float] | None = None,
         constraints: Constraints = Constraints(), uplift: dict | None = None,
         betweenness_samples: int | None = 200, verdicts: Mapping[str, Verdict | None] | None = None) -> Ranking:
    """Rank the regions with data known before ``as_of`` (a month; default: the current month).

    ``uplift``: precomputed ``uplift_estimates`` (the backtest reuses them between refreshes);
    ``betweenness_samples``: pivots for networkx's sampled betweenness (None: exact); ``verdicts``: the verdict of
    each region's first visit (``impact_verdicts``), shown beside the score as the ``verdict`` column (None: never
    visited); no part of the score.

    The same as ``scored(components(...), ...)``: the components (the expensive part: the uplift model, the
    partner network) do not depend on the weights or on the province and island constraints, so the planner
    keeps them and only ``scored`` runs again when a weight or a constraint changes.
    """
    parts = components(hist, as_of=as_of, ministry=constraints.ministry, uplift=uplift,
                       betweenness_samples=betweenness_samples)
    return scored(parts, weights=weights, constraints=constraints, verdicts=verdicts)


@dataclass(frozen=True)
class Components:
    """Each region's score components (``c_*`` columns) and what they were computed from, before weighting."""
    table: pd.DataFrame
    as_of: pd.Timestamp
    level: str
    uplift: dict
    notes: tuple


def components(hist: History, *, as_of=None, ministry: str | None = None, uplift: dict | None = None,
               betweenness_samples: int | None = 200) -> Components:
    """The score components of every region with data known before ``as_of`` (see ``rank``); ``ministry``: the
    recency component counts only that ministry's visits."""
    as_of = month_of(as_of if as_of is not None else dt.date.today())
    notes = []
    ev = hist.events[hist.events["month"] < as_of]
    codes = hist.codes
    table = pd.DataFrame(index=pd.Index(codes, name="region"))
    table["name"] = [lookup.get(c).name for c in codes]
    table["agreements"] = ev.groupby("region").size().reindex(codes, fill_value=0)
    pairs = ev.merge(ev[["doc_number", "region"]].rename(columns={"region": "partner"}), on="doc_number")
    pairs = pairs[pairs["region"] != pairs["partner"]]
    table["partners"] = pairs.groupby("region")["partner"].nunique().reindex(codes, fill_value=0)

    # cooperation gap
    gap, problem = _gap(table, hist.covariates.loc[codes], hist.neighbours)
    if problem:
        notes.append(f"gap: {problem}")
        table["c_gap"] = 0.5
    else:
        table = table.join(gap)

    # expected uplift in similar regions
    uplift = uplift if uplift is not None else uplift_estimates(hist, as_of)
    strata = hist.covariates.loc[codes, "stratum"]

    def estimate_for(stratum):  # the region's own stratum, else all regions, else none
        return next((s for s in (stratum, "all") if uplift.get(s) is not None), None)

    table["uplift_stratum"] = pd.Series([estimate_for(s) for s in strata], index=table.index, dtype=object)
    for key in ("att", "ci_low", "ci_high", "se"):
        table[f"uplift_{key}"] = [float(uplift[s][key]) if s else np.nan for s in table["uplift_stratum"]]
    z = table["uplift_att"] / table["uplift_se"].where(table["uplift_se"] > 0)
    table["c_uplift"] = pd.Series(stats.norm.cdf(z.fillna(0)), index=table.index)

    # stalled agreements, with their obstacles, as they were then
    docs_known = hist.docs.reindex(ev["doc_number"].unique())
    stalled_docs = {d for d, h in docs_known["status_history"].items()
                    if status_as_of(h, as_of) == "terhambat"} if len(docs_known) else set()
    st_ev = ev[ev["doc_number"].isin(stalled_docs)]
    table["stalled"] = st_ev.groupby("region").size().reindex(codes, fill_value=0)
    table["stalled_docs"] = st_ev.groupby("region")["doc_number"].agg(list).reindex(codes)
    table["stalled_docs"] = table["stalled_docs"].map(lambda x: x if isinstance(x, list) else [])
    obstacles = hist.docs["obstacles"]  # most named first; ties in the order first named (as value_counts)
    table["obstacles"] = table["stalled_docs"].map(
        lambda ds: dict(Counter(k for d in ds for k in (obstacles.at[d] or [])).most_common()))
    table["c_stalled"] = table["stalled"] / (table["stalled"] + 2)

    # time since the last visit (by the ministry only, when its own history is asked for)
    vm = hist.visit_months[hist.visit_months["month"] < as_of]
    if ministry:
        vm = vm[vm["ministry"] == ministry]
    last = vm.groupby("region")["month"].max().reindex(codes)
    months = ((as_of.year - last.dt.year) * 12 + (as_of.month - last.dt.month))
    table["last_visit"] = last
    table["months_since_visit"] = months
    table["c_recency"] = (months.clip(upper=RECENCY_CAP_MONTHS) / RECENCY_CAP_MONTHS).fillna(1.0)

    # network leverage on the partner graph
    g = _partner_graph(ev, codes)
    k = betweenness_samples if betweenness_samples and betweenness_samples < len(codes) else None
    betw = pd.Series(nx.betweenness_centrality(g, k=k, seed=0), dtype=float).reindex(codes).fillna(0)
    active = g.subgraph([n for n in g if g.degree(n) > 0])
    community = {}
    if active.number_of_edges():
        for i, members in enumerate(nx.community.louvain_communities(active, seed=1)):
            for m in members:
                community[m] = i
    clusters, reach = {}, {}
    for c in codes:
        near = set(hist.neighbours[c]) | set(g.neighbors(c))
        clusters[c] = len({community[n] for n in near if n in community} - {community.get(c)})
        two = set(g.neighbors(c))
        for n in list(two):
            two |= set(g.neighbors(n))
        reach[c] = len(two - {c})
    table["betweenness"] = betw
    table["clusters"] = pd.Series(clusters)
    table["reach"] = pd.Series(reach)
    table["c_leverage"] = (_pct(table["betweenness"]) + _pct(table["clusters"]) + _pct(table["reach"])) / 3
    return Components(table, as_of, hist.level, uplift, tuple(notes))


def scored(parts: Components, *, weights: dict[str, float] | None = None, constraints: Constraints = Constraints(),
           verdicts: Mapping[str, Verdict | None] | None = None) -> Ranking:
    """The ranking from ``components``: the weighted score, the constraints, the rank among the regions kept.
    ``constraints.ministry`` must be the one the components were computed with."""
    w = {**DEFAULT_WEIGHTS, **(weights or {})}
    table = parts.table.copy()
    total = sum(max(v, 0.0) for v in w.values())
    if total <= 0:
        raise ValueError("at least one weight must be positive")
    table["score"] = 100 * sum(max(w[k_], 0.0) * table[f"c_{k_}"] for k_ in COMPONENTS) / total

    # constraints
    keep = pd.Series(True, index=table.index)
    if constraints.exclude_visited_months > 0:
        keep &= ~(table["months_since_visit"] < constraints.exclude_visited_months)
    if constraints.provinces:
        keep &= table.index.map(lambda c: c[:2] in {p[:2] for p in constraints.provinces}).to_numpy(dtype=bool)
    if constraints.islands:
        keep &= table.index.map(lambda c: island_group(c) in constraints.islands).to_numpy(dtype=bool)
    table = table[keep].sort_values("score", ascending=False, kind="stable")  # ties: by code
    table["rank"] = np.arange(1, len(table) + 1)
    if verdicts is not None:
        table["verdict"] = pd.Series([verdicts.get(c) for c in table.index], index=table.index, dtype=object)
    return Ranking(table, w, constraints, parts.as_of, parts.level, parts.uplift, list(parts.notes))


def impact_verdicts(report) -> dict[str, Verdict | None]:
    """Region → the verdict of its first visit in a ``geo.analysis.impact_report.Report`` (None: never visited)."""
    return {code: s.verdict for code, s in report.scores.items()}


def recommend(agreements: pd.DataFrame, visits: pd.DataFrame, *, level: str = "regency",
              weights: dict[str, float] | None = None, constraints: Constraints = Constraints(),
              as_of=None) -> Ranking:
    """``prepare`` + ``rank`` in one call (what the planner page caches)."""
    hist = prepare(agreements, visits, level=level, sectors=constraints.sectors)
    return rank(hist, as_of=as_of, weights=weights, constraints=constraints)


def explain(row: pd.Series, lang: str = "id") -> list[str]:
    """The region's "why" in plain language, one sentence per component."""

    def num(v, d=2):
        return numbers.number(v, d, lang)

    def signed(v):
        return ("+" if v >= 0 else "−") + num(abs(v))

    lines = []
    if "expected_agreements" in row and not pd.isna(row.get("expected_agreements")):
        lines.append(text("planner.why.gap", lang, n=int(row["agreements"]), p=int(row["partners"]),
                          en=num(row["expected_agreements"], 1), ep=num(row["expected_partners"], 1),
                          value=num(row["c_gap"])))
    else:
        lines.append(text("planner.why.gap_none", lang, reason="–"))
    if isinstance(row["uplift_stratum"], str):
        lines.append(text("planner.why.uplift", lang, stratum=text(f"planner.stratum.{row['uplift_stratum']}", lang),
                          att=signed(row["uplift_att"]), lo=signed(row["uplift_ci_low"]),
                          hi=signed(row["uplift_ci_high"]), value=num(row["c_uplift"])))
    else:
        lines.append(text("planner.why.uplift_none", lang))
    if row["stalled"]:
        kinds = ", ".join(f"{OBSTACLES.get(k, {}).get(lang, k)} {n}" for k, n in row["obstacles"].items()) or "–"
        lines.append(text("planner.why.stalled", lang, n=int(row["stalled"]), kinds=kinds, value=num(row["c_stalled"])))
    else:
        lines.append(text("planner.why.stalled_none", lang))
    if pd.isna(row["months_since_visit"]):
        lines.append(text("planner.why.recency_never", lang))
    else:
        lines.append(text("planner.why.recency", lang, months=int(row["months_since_visit"]),
                          when=pd.Timestamp(row["last_visit"]).strftime("%m/%Y"), value=num(row["c_recency"])))
    v = row.get("verdict")
    if isinstance(v, Verdict):  # a visited region's first visit, in words (never a bare impact number)
        lines.append(text("planner.why.verdict", lang, verdict=v.sentence(lang)))
    lines.append(text("planner.why.leverage", lang, reach=int(row["reach"]), clusters=int(row["clusters"]),
                      betw=num(row["betweenness"], 3), value=num(row["c_leverage"])))
    lines.append(text("planner.why.score", lang, score=num(row["score"], 0)))
    return lines


# ---------------------------------------------------------------------------- planned visits

@dataclass
class Plan:
    """A planned trip: who goes, and its stops (``geo.planner.itinerary.Stop``, in order)."""

    ref: str
    official_role: str
    ministry: str
    stops: list  # list[itinerary.Stop]
    focus_sectors: list[str] = field(default_factory=list)


def plan_visit_data(plan: Plan):
    """The plan as one planned visit (``VisitData`` with ``planned=True``), times in each stop's own zone."""
    from geo.records.write import StopData, VisitData
    from geo.text.vocabulary import TIME_ZONES

    if not plan.stops:
        raise UserError("plan.empty")

    def aware(day, t, tz):
        return dt.datetime.combine(day, t, tzinfo=dt.timezone(dt.timedelta(hours=TIME_ZONES[tz])))

    stops = [StopData(region_code=s.region_code, place_name=s.location, start_at=aware(s.day, s.start, s.time_zone),
                      end_at=aware(s.day, s.end, s.time_zone), agenda=s.agenda, people_met=s.people)
             for s in plan.stops]
    return VisitData(ref=plan.ref, official_role=plan.official_role, ministry=plan.ministry,
                     start_at=stops[0].start_at, end_at=stops[-1].end_at, time_zone=plan.stops[0].time_zone,
                     stops=stops, agenda="; ".join(s.location for s in plan.stops),
                     focus_sectors=list(plan.focus_sectors), people_met="", planned=True)


def save_planned_visits(session, plan: Plan, actor) -> str:
    """Store the plan as a planned visit through ``geo.records.write.save_visit`` (audited, validated; ``actor`` is the
    logged-in ``geo.access.roles.Principal`` and needs the editor role, checked by ``save_visit``).

    The one write path of the planner. A planned visit never counts as a visit (impact, map, metrics);
    importing the real visit under the same reference later turns it into a visit that took place.
    """
    from geo.records import write

    data = write.validated_visit(plan_visit_data(plan))
    existing = write.load_visit(session, data.ref)
    if existing is not None and not existing.planned:
        raise UserError("plan.ref_taken", ref=data.ref)
    write.save_visit(session, data, actor, existing=existing, assume_new=existing is None)
    return data.ref
