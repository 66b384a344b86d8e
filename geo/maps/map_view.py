"""What is on screen: one object describing a map view (level, measure, filters, period, classes, values).

The national map page builds its view with ``compute`` and so do the exports (static map, deck, region
brief), so a file taken home shows the same numbers, classes and colours as the screen.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from geo.analysis import impact_report, metrics
from geo.maps import classes
from geo.regions import lookup
from geo.text.briefing_words import words
from geo.text.messages import UserError
from geo.text.vocabulary import AGREEMENT_TYPES, SECTORS, STATUSES

METRIC_UNITS = {"score": "score", "signed": "count", "signed_per_100k": "rate", "value_idr": "rupiah",
                "value_per_capita": "rupiah", "partners": "count", "progressed_share": "share", "stalled": "count",
                "visits": "count", "visits_per_100k": "rate"}
LEVELS = ("province", "regency", "district")


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
    """The national map page's view from its session state (keys as in ``pages/national_map.py``)."""
    return Spec(level=level, metric=state["metric"], within=within or "",
                start=dt.date(int(state["y0"]), 1, 1), end=dt.date(int(state["y1"]), 12, 31),
                sectors=tuple(state["sector"]), types=tuple(state["type"]), statuses=tuple(state["status"]),
                ministries=tuple(state["ministry"]), scheme=state["scheme"], k=int(state["k"]),
                palette=state["palette"], breaks=parse_breaks(state["breaks"]) if state["scheme"] == "user" else ())


def simulated_note(agreements: pd.DataFrame, visits: pd.DataFrame, lang: str = "id") -> str | None:
    """The note every export carries while simulated records are stored (None for real data only)."""
    simulated = int(agreements["simulated"].fillna(False).astype(bool).sum()
                    + visits["simulated"].fillna(False).astype(bool).sum())
    if not simulated:
        return None
    real = len(agreements) + len(visits) - simulated
    w = words(lang)
    return w["simulated"] if not real else w["mixed"].format(n=simulated)


def period_text(start: dt.date | None, end: dt.date | None, lang: str = "id") -> str:
    if start is None and end is None:
        return words(lang)["all_time"]
    full_years = start is not None and end is not None and (start.month, start.day) == (1, 1) \
        and (end.month, end.day) == (12, 31)
    if full_years:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    left = start.strftime("%d/%m/%Y") if start else "…"
    right = end.strftime("%d/%m/%Y") if end else "…"
    return f"{left}–{right}"


def filters_text(spec: Spec, lang: str = "id") -> str:
    w = words(lang)
    parts = []
    for name, keys, vocab in (("sectors", spec.sectors, SECTORS), ("types", spec.types, AGREEMENT_TYPES),
                              ("statuses", spec.statuses, STATUSES), ("ministries", spec.ministries, None)):
        if keys:
            shown = [vocab[k][lang] if vocab and k in vocab else str(k) for k in keys]
            parts.append(f"{w['filter.' + name]}: {', '.join(shown)}")
    return "; ".join(parts) if parts else w["filters.none"]


def describe(spec: Spec, lang: str = "id") -> str:
    """"Periode: 2021–2025 · Saring: bidang: Pendidikan" — what a view's period and filters are."""
    w = words(lang)
    return f"{w['period']}: {period_text(spec.start, spec.end, lang)} · {w['filters']}: {filters_text(spec, lang)}"


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

    @property
    def metric(self) -> str:
        return self.spec.metric

    @property
    def unit(self) -> str:
        return METRIC_UNITS[self.spec.metric]

    @property
    def fmt(self):
        return classes.value_formatter(self.unit, self.lang)

    @property
    def metric_label(self) -> str:
        return words(self.lang)["metric." + self.spec.metric]

    @property
    def title(self) -> str:
        w = words(self.lang)
        where = lookup.get(self.spec.within).name if self.spec.within else "Indonesia"
        return f"{self.metric_label} — {where}, {w['level.' + self.spec.level]}"

    @property
    def period_text(self) -> str:
        return period_text(self.spec.start, self.spec.end, self.lang)

    @property
    def filters_text(self) -> str:
        return filters_text(self.spec, self.lang)

    @property
    def subtitle(self) -> str:
        return describe(self.spec, self.lang)

    @property
    def source_text(self) -> str:
        return words(self.lang)["source"].format(date=self.made_on.strftime("%d/%m/%Y"))

    def legend(self) -> list[tuple[str, str]]:
        """(colour, label) per class, and the no-data entry last: the same as the map page's legend."""
        return self.classification.legend(self.fmt) + [(classes.NO_DATA_COLOR, words(self.lang)["no_data"])]

    def ranking(self) -> pd.DataFrame:
        """Regions with a value, highest first: rank, code, name, value, text (formatted as on the map)."""
        present = self.values.dropna().sort_values(ascending=False, kind="stable")
        fmt = self.fmt
        return pd.DataFrame({"rank": self.ranks.reindex(present.index).astype(int).to_numpy(),
                             "code": present.index, "name": [lookup.get(c).name for c in present.index],
                             "value": present.to_numpy(), "text": [fmt(v) for v in present.to_numpy()]})


def engine_functions(agreements: pd.DataFrame, visits: pd.DataFrame):
    """``region_metrics(**kw)`` and ``report(settings)`` over these records, each result computed once
    (a deck with several regions needs the same impact report for each)."""

    @lru_cache(maxsize=16)
    def _metrics(items):
        return metrics.region_metrics(agreements, visits, **dict(items))

    @lru_cache(maxsize=8)
    def report(settings: impact_report.Settings):
        return impact_report.compute(agreements, visits, settings)

    def region_metrics(**kw):
        return _metrics(tuple(sorted(kw.items())))

    return region_metrics, report


def compute(spec: Spec, agreements: pd.DataFrame, visits: pd.DataFrame, *, lang: str = "id",
            region_metrics=None, report=None) -> View:
    """The view of ``spec``. ``region_metrics(**kw)`` and ``report(settings)`` default to the engine's
    functions; the app passes its cached versions of the same functions."""
    if spec.level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
    if spec.metric not in METRIC_UNITS:
        raise ValueError(f"metric must be one of {tuple(METRIC_UNITS)}")
    if region_metrics is None or report is None:
        region_metrics, report = engine_functions(agreements, visits)
    filters = dict(sectors=spec.sectors, types=spec.types, ministries=spec.ministries)
    table = region_metrics(level=spec.level, start=spec.start, end=spec.end, statuses=spec.statuses, **filters)
    if spec.metric == "score":
        if spec.level == "district":
            values = pd.Series(float("nan"), index=table.index)
        else:
            first_year = min(spec.start.year, 2021) if spec.start else 2021
            rep = report(impact_report.Settings(level=spec.level, start=f"{first_year}-01", **filters))
            values = pd.Series({c: s.score for c, s in rep.scores.items()}, dtype=float)
    else:
        values = table[spec.metric].astype(float)
        if spec.metric == "progressed_share":
            values = values.where(table["signed"] > 0)
    if spec.within:
        values = values[values.index.str.startswith(spec.within + ".")]
    try:
        classes = classes.classify(values, scheme=spec.scheme, k=int(spec.k), user_breaks=list(spec.breaks) or None,
                                      palette=spec.palette)
    except ValueError:
        classes = classes.classify(values, scheme="quantiles", k=int(spec.k), palette=spec.palette)
    note = simulated_note(agreements, visits, lang) if agreements is not None and visits is not None else None
    return View(spec, lang, table, values, classes, classes.ranks(values), note)
