"""What is on screen: one object describing a map view (level, measure, filters, period, classes, values).

The national map page builds its view with ``compute`` and so do the exports (static map, deck, region
brief), so a file taken home shows the same numbers, classes and colours as the screen. The numbers come
from one ``geo.analysis.context.Context`` (the records of one data version, each derived table computed once);
the map layers (``geo.maps.web_map``), the print map (``geo.maps.print_map``) and the page's legend
(``View.legend``) are drawn from the ``View``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd

from geo.analysis import change as changes
from geo.analysis import impact_report
from geo.analysis.context import Context
from geo.maps import classes, verdict_classes
from geo.regions import lookup
from geo.text.catalog import text
from geo.text.messages import UserError
from geo.text.periods import period_text
from geo.text.vocabulary import AGREEMENT_TYPES, MINISTRY_SECTORS, SECTORS, STATUSES

# "count" measures are whole numbers: their classes have whole-number bounds and labels (``geo.maps.classes``).
# "score" is the impact map: each visited region's first-visit verdict and its size per year
# (``geo.maps.verdict_classes``), never the 0–100 score (a mix of impact, partners and progress).
# "change" is the before-and-after map: agreements a year in the period against the period of the same length
# before it, by the same verdict classes (``geo.analysis.change``).
METRIC_UNITS = {"score": "per_year", "signed": "count", "change": "per_year", "signed_per_100k": "rate",
                "value_idr": "rupiah", "value_per_capita": "rupiah", "partners": "count", "progressed_share": "share",
                "stalled": "count", "visits": "count", "visits_per_100k": "rate"}


VISIT_METRICS = ("visits", "visits_per_100k")  # visits stop in districts: these exist at every level


def metrics_at(level: str, ctx: Context) -> list[str]:
    """The measures the map offers at ``level``: every one at province and regency level; at district level
    the visit measures, and an agreement measure only if some district has a value other than zero in all the
    records (agreements are made by provinces and regencies/cities, so usually none: never a map where every
    district reads 0). The impact map is never offered for districts (too little data for a fair comparison).

    Rule for an agreement measure at district level: any district with a non-zero, non-missing value
    (``geo.analysis.metrics.region_metrics`` over all the records, no period or filter); the change map
    (``change``) counts signed agreements, so it is offered there when ``signed`` is."""
    if level != "district":
        return list(METRIC_UNITS)
    table = ctx.region_metrics(level="district")
    out = []
    for metric in METRIC_UNITS:
        if metric in VISIT_METRICS:
            out.append(metric)
        elif metric != "score" and table["signed" if metric == "change" else metric].fillna(0).ne(0).any():
            out.append(metric)
    return out


@dataclass(frozen=True)
class Spec:
    """The choices that make a view; ``within``: a province whose regencies are shown."""

    level: str = "province"
    metric: str = "signed"
    within: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    sectors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    ministries: tuple[str, ...] = ()
    scheme: str = "quantiles"
    k: int = 5
    palette: str = "YlGnBu"
    breaks: tuple[float, ...] = ()
    weights: tuple[tuple[str, float], ...] = ()  # score weights (0–1); empty: the built-in defaults


def report_settings(spec: Spec, *, level: str | None = None, outcome: str | None = None) -> impact_report.Settings:
    """The impact report a view's verdicts and scores come from: the view's filters and weights; months from
    January of the period's first year (2021 at the latest, so that visits have months before them to compare
    with) to the end of its last year, or the last full month if that is earlier."""
    first_year = min(spec.start.year, 2021) if spec.start else 2021
    last_full = (pd.Timestamp.today().to_period("M") - 1)
    end = None
    if spec.end is not None and pd.Timestamp(spec.end).to_period("M") < last_full:
        end = pd.Timestamp(spec.end).strftime("%Y-%m")
    extra = {"outcome": outcome} if outcome else {}
    if spec.weights:
        extra["weights"] = tuple(spec.weights)
    return impact_report.Settings(level=level or spec.level, start=f"{first_year}-01", end=end,
                                  sectors=spec.sectors, types=spec.types, ministries=spec.ministries, **extra)


def parse_breaks(text: str) -> tuple[float, ...]:
    """"10; 20,5" → (10.0, 20.5); parts that are not numbers are ignored (as on the map page)."""
    out = []
    for part in (text or "").split(";"):
        try:
            out.append(float(part.strip().replace(",", ".")))
        except ValueError:
            continue
    return tuple(out)


def _period_end(year: int, month: int | None) -> dt.date:
    if month is None:
        return dt.date(year, 12, 31)
    return (pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)).date()


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """"2021:2025" or "2021-01:2025-06" → first and last day of the period; a UserError otherwise."""
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2}))?\s*:\s*(\d{4})(?:-(\d{1,2}))?\s*", text or "")
    if not m:
        raise UserError("brief.period", text=text)
    y0, m0, y1, m1 = (int(g) if g else None for g in m.groups())
    if any(mm is not None and not 1 <= mm <= 12 for mm in (m0, m1)):
        raise UserError("brief.period", text=text)
    start, end = dt.date(y0, m0 or 1, 1), _period_end(y1, m1)
    if end < start or not 1945 <= y0 <= 2100 or not 1945 <= y1 <= 2100:
        raise UserError("brief.period", text=text)
    return start, end


def spec_from_state(state, level: str, within: str = "") -> Spec:
    """A page's view from its session state (the shared keys of ``ui/url_state.py``; the map's own keys —
    scheme, k, palette, breaks — where the page has them)."""
    weights = tuple((k[2:], int(state[k]) / 100) for k in ("w_effect", "w_breadth", "w_progress") if k in state)
    return Spec(level=level, metric=state["metric"], within=within or "", weights=weights,
                start=dt.date(int(state["y0"]), 1, 1), end=dt.date(int(state["y1"]), 12, 31),
                sectors=tuple(state["sector"]), types=tuple(state["type"]), statuses=tuple(state["status"]),
                ministries=tuple(state["ministry"]), scheme=state.get("scheme", "quantiles"), k=int(state.get("k", 5)),
                palette=state.get("palette", "YlGnBu"),
                breaks=parse_breaks(state["breaks"]) if state.get("scheme") == "user" else ())


def simulated_note(agreements: pd.DataFrame, visits: pd.DataFrame, lang: str = "id") -> str | None:
    """The note every export carries while simulated records are stored (None for real data only)."""
    simulated = int(agreements["simulated"].fillna(False).astype(bool).sum()
                    + visits["simulated"].fillna(False).astype(bool).sum())
    if not simulated:
        return None
    real = len(agreements) + len(visits) - simulated
    return text("briefing.simulated", lang) if not real else text("briefing.mixed", lang, n=simulated)


def filters_text(spec: Spec, lang: str = "id") -> str:
    """"bidang: Pendidikan; jenis: PKS" — the filters in words: the default vocabularies' labels (the ministry's
    sectors too: ``geo.records.vocabularies.DEFAULTS``), a term an admin added as its key."""
    parts = []
    for name, keys, vocab in (("sectors", spec.sectors, {**SECTORS, **MINISTRY_SECTORS}),
                              ("types", spec.types, AGREEMENT_TYPES),
                              ("statuses", spec.statuses, STATUSES), ("ministries", spec.ministries, None)):
        if keys:
            shown = [vocab[k][lang] if vocab and k in vocab else str(k) for k in keys]
            parts.append(f"{text('briefing.filter.' + name, lang)}: {', '.join(shown)}")
    return "; ".join(parts) if parts else text("briefing.filters.none", lang)


def describe(spec: Spec, lang: str = "id") -> str:
    """"Periode: 2021–2025 · Saring: bidang: Pendidikan" — what a view's period and filters are."""
    return (f"{text('briefing.period', lang)}: {period_text(spec.start, spec.end, lang)} · "
            f"{text('briefing.filters', lang)}: {filters_text(spec, lang)}")


@dataclass
class View:
    spec: Spec
    lang: str
    table: pd.DataFrame  # geo.analysis.metrics.region_metrics for the level, period and filters
    values: pd.Series  # region code -> value of the measure (NaN: no data), only the regions shown
    classification: classes.Classification
    ranks: pd.Series
    note: str | None = None  # simulated-data note
    made_on: dt.date = field(default_factory=dt.date.today)
    codes: tuple[str, ...] | None = None  # only these regions are drawn (None: the level's, or those ``within``)
    value_unit: str | None = None  # unit of values that are not a measure of ``METRIC_UNITS`` (see ``of_values``)
    verdicts: dict | None = None  # the impact and change maps: region -> its verdict (None: none)
    change: changes.Result | None = None  # the change map: both periods, counts and intervals per region

    @property
    def metric(self) -> str:
        return self.spec.metric

    @property
    def unit(self) -> str:
        return self.value_unit or METRIC_UNITS[self.spec.metric]

    @property
    def fmt(self):
        return classes.value_formatter(self.unit, self.lang)

    @property
    def metric_label(self) -> str:
        return text("briefing.metric." + self.spec.metric, self.lang)

    @property
    def title(self) -> str:
        where = lookup.get(self.spec.within).name if self.spec.within else "Indonesia"
        return f"{self.metric_label} — {where}, {text('briefing.level.' + self.spec.level, self.lang)}"

    @property
    def period_text(self) -> str:
        return period_text(self.spec.start, self.spec.end, self.lang)

    @property
    def filters_text(self) -> str:
        return filters_text(self.spec, self.lang)

    @property
    def subtitle(self) -> str:
        """"Periode: 2021–2025 · Saring: …"; the change map states both periods ("2023–2024 dibanding 2021–2022")."""
        if self.change is not None:
            return (f"{text('briefing.period', self.lang)}: {self.change.periods_text(self.lang)} · "
                    f"{text('briefing.filters', self.lang)}: {self.filters_text}")
        return describe(self.spec, self.lang)

    @property
    def source_text(self) -> str:
        return text("briefing.source", self.lang, date=self.made_on.strftime("%d/%m/%Y"))

    @property
    def caption(self) -> str | None:
        """How to read the legend, one line under it (the impact and change maps only)."""
        if self.change is not None:
            return text("change.map.caption", self.lang, periods=self.change.periods_text(self.lang))
        return text("verdict.map.caption", self.lang) if self.verdicts is not None else None

    def value_text(self, code: str) -> str | None:
        """What the tooltip says of a region's value: the verdict and its size on the impact map (on the change map
        also the counts of both periods), else the value formatted (None: no data)."""
        if self.verdicts is not None:
            v = self.verdicts.get(code)
            if v is not None and self.change is not None:
                return f"{v.sentence(self.lang)} · {v.counts(self.lang)}"
            if v is not None:
                return v.sentence(self.lang)
            return text("verdict.not_visited", self.lang) if code in self.classification.not_visited else None
        v = self.values.get(code)
        return self.fmt(v) if v is not None and v == v else None

    def legend(self) -> list[tuple[str, str]]:
        """(colour, label) per class, then "not visited" (the impact score map, when a region shown was never
        visited), and the no-data entry last: the same as the map page's legend."""
        out = self.classification.legend(self.fmt, self.lang)
        if self.classification.not_visited:
            out.append((classes.NOT_VISITED_COLOR, text("verdict.not_visited", self.lang)))
        return out + [(classes.NO_DATA_COLOR, text("briefing.no_data", self.lang))]

    def ranking(self) -> pd.DataFrame:
        """Regions with a value, highest first: rank, code, name, value, text (formatted as on the map)."""
        present = self.values.dropna().sort_values(ascending=False, kind="stable")
        fmt = self.fmt
        return pd.DataFrame({"rank": self.ranks.reindex(present.index).astype(int).to_numpy(),
                             "code": present.index, "name": [lookup.get(c).name for c in present.index],
                             "value": present.to_numpy(), "text": [fmt(v) for v in present.to_numpy()]})


def compute(spec: Spec, ctx: Context, *, lang: str = "id") -> View:
    """The view of ``spec`` over the records of ``ctx``: its region metrics and impact report are the
    context's (computed once per context), so every view, brief and deck of one context agree."""
    if spec.level not in lookup.MAP_LEVELS:
        raise ValueError(f"level must be one of {lookup.MAP_LEVELS}")
    if spec.metric not in METRIC_UNITS:
        raise ValueError(f"metric must be one of {tuple(METRIC_UNITS)}")
    filters = dict(sectors=spec.sectors, types=spec.types, ministries=spec.ministries)
    table = ctx.region_metrics(level=spec.level, start=spec.start, end=spec.end, statuses=spec.statuses, **filters)
    not_visited: frozenset = frozenset()
    found = change = None
    if spec.metric == "change":
        if spec.start is None or spec.end is None:
            raise UserError("brief.change_period")
        change = changes.compute(ctx, level=spec.level, start=spec.start, end=spec.end, statuses=spec.statuses,
                                 **filters)
        found = dict(change.changes)
        values = pd.Series({c: v.per_year if v.kind != "too_little_data" else float("nan") for c, v in found.items()},
                           dtype=float)
        if spec.within:
            found = {c: v for c, v in found.items() if lookup.is_within(c, spec.within)}
    elif spec.metric == "score":
        if spec.level == "district":
            values = pd.Series(float("nan"), index=table.index)
        else:
            rep = ctx.report(report_settings(spec))
            found = {c: s.verdict for c, s in rep.scores.items()}
            if spec.within:
                found = {c: v for c, v in found.items() if lookup.is_within(c, spec.within)}
            values = pd.Series({c: v.per_year if v is not None and v.kind != "too_little_data" else float("nan")
                                for c, v in found.items()}, dtype=float)
            not_visited = rep.not_visited
    else:
        values = table[spec.metric].astype(float)
        if spec.metric == "progressed_share":
            values = values.where(table["signed"] > 0)
    if spec.within:
        values = values[[lookup.is_within(c, spec.within) for c in values.index]]
    shape = dict(palette=spec.palette, integer=METRIC_UNITS[spec.metric] == "count", not_visited=not_visited,
                 snap=classes.written(METRIC_UNITS[spec.metric]))
    if found is not None:
        classification = verdict_classes.classify(found, not_visited=not_visited)
    else:
        try:
            classification = classes.classify(values, scheme=spec.scheme, k=int(spec.k),
                                              user_breaks=list(spec.breaks) or None, **shape)
        except ValueError:
            classification = classes.classify(values, scheme="quantiles", k=int(spec.k), **shape)
    return View(spec, lang, table, values, classification, classes.ranks(values),
                simulated_note(ctx.agreements, ctx.visits, lang), verdicts=found, change=change)


def of_values(values: pd.Series, *, level: str, unit: str = "count", lang: str = "id", within: str = "", k: int = 5,
              codes=None, ranks: pd.Series | None = None) -> View:
    """A view of values that are no measure of the records (a region's partners, the planner's score): quantile
    classes (``k``), ranks highest first unless ``ranks`` are given, numbers formatted as ``unit``."""
    return View(Spec(level=level, within=within, k=k), lang, pd.DataFrame(index=values.index), values,
                classes.classify(values, k=k, integer=unit == "count", snap=classes.written(unit)),
                classes.ranks(values) if ranks is None else ranks,
                codes=None if codes is None else tuple(codes), value_unit=unit)
