"""Before and after: how many more (or fewer) agreements a year each region signed in the view's period than in the
period before it, and whether that change is real, said in words by the same rule as a visit's verdict.

Rules:

* **Periods.** The view's period (``start``–``end``) is compared with the period of the same length (in months)
  directly before it (``comparison_period``): 2023–2024 with 2021–2022. Not a second pair of years chosen on the
  page: the two periods then never overlap and always have the same length, one slider sets both, and every
  export and the command line (``--period``) get the comparison without a new setting. Both periods are always
  said ("2023–2024 dibanding 2021–2022", ``Result.periods_text``).
* **Counts.** Per region, the agreements signed (or, unsigned, started) in each period with the view's filters:
  the ``signed`` column of ``geo.analysis.metrics.region_metrics`` through the context, so each period's count is
  the one the "Kerja sama ditandatangani" map shows for that period.
* **Time covered.** The records span from the first day of the month of their earliest agreement to the last day
  of the month of their latest (all records, no filter; never after ``today``). A period's years are its days
  inside that span / 365.2425, so a period running past the latest record (the current year) or starting before
  the first is not counted as empty time. Per year = count / years covered.
* **Interval.** Two Poisson counts ``x1`` (view's period, ``t1`` years) and ``x0`` (comparison, ``t0`` years):
  the difference of rates ``d = x1/t1 − x0/t0`` with a normal approximation (Wald),
  ``se = sqrt(x1/t1² + x0/t0²)``, 95% interval ``d ± 1.96·se``. Chosen over the exact conditional binomial test
  (``x1`` given ``x1 + x0``) because that test's interval is for the *ratio* of the rates, and leaders are told a
  *difference* in agreements per year; turning a ratio into a difference needs a rate plugged in, and the
  exactness is lost anyway. With at least ``MIN_AGREEMENTS`` agreements in the two periods together the Wald
  interval covers the true difference 94–98% of the time for rates from 1 vs 12 to 30 vs 30 a year
  (``tests/analysis/test_change.py`` simulates Poisson pairs and checks it).
* **Verdict.** ``geo.analysis.verdict.direction``: "Naik, jelas" only if the whole interval is above zero,
  "Turun, jelas" only if wholly below, else "Belum pasti". "Data belum cukup" comes first when a period has fewer
  than ``verdict.MIN_MONTHS`` months inside the records ("few_months": e.g. a comparison period before the records
  begin), or the two periods together have fewer than ``MIN_AGREEMENTS`` agreements ("few_agreements").
* **Size** in plain units, as the visit verdict writes amounts (``verdict.amount``): "sekitar 3 kerja sama lebih
  banyak per tahun daripada 2021–2022 (95%: 1 s.d. 5)". Words: ``geo/text/words/change.py`` (keys ``change.*``).

    >>> import datetime as dt
    >>> comparison_period(dt.date(2023, 1, 1), dt.date(2024, 12, 31))
    (datetime.date(2021, 1, 1), datetime.date(2022, 12, 31))
    >>> c = decide(after=30, before=20, after_years=2.0, before_years=2.0, periods=PERIODS_2324)
    >>> c.kind, round(c.per_year, 2), round(c.low, 2), round(c.high, 2)
    ('unclear', 5.0, -1.93, 11.93)
    >>> decide(after=60, before=20, after_years=2.0, before_years=2.0, periods=PERIODS_2324).sentence("id")
    'Naik, jelas: sekitar 20 kerja sama lebih banyak per tahun daripada 2021–2022 (95%: 11 s.d. 29)'
    >>> decide(after=4, before=3, after_years=2.0, before_years=2.0, periods=PERIODS_2324).size("en")
    'only 7 agreements in the two periods together (10 needed)'
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.analysis import metrics
from geo.analysis import verdict as verdicts
from geo.text import numbers
from geo.text.catalog import text
from geo.text.periods import period_text

MIN_AGREEMENTS = 10  # agreements in the two periods together, at least
MIN_MONTHS = verdicts.MIN_MONTHS  # months of each period inside the records, at least
Z95 = 1.959963984540054
DAYS_PER_YEAR = 365.2425
DAYS_PER_MONTH = DAYS_PER_YEAR / 12


def _month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _month_end(d: dt.date) -> dt.date:
    return (pd.Timestamp(d) + pd.offsets.MonthEnd(0)).date()


def comparison_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same number of months directly before ``start``–``end`` (months counted from ``start``'s
    to ``end``'s, both included)."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    first = (pd.Timestamp(_month_start(start)) - pd.DateOffset(months=months)).date()
    return first, start - dt.timedelta(days=1)


@dataclass(frozen=True)
class Periods:
    """The view's period (``start``–``end``) and its comparison period (``before_start``–``before_end``)."""

    start: dt.date
    end: dt.date
    before_start: dt.date
    before_end: dt.date

    def after_text(self, lang: str = "id") -> str:
        return period_text(self.start, self.end, lang)

    def before_text(self, lang: str = "id") -> str:
        return period_text(self.before_start, self.before_end, lang)

    def text(self, lang: str = "id") -> str:
        """"2023–2024 dibanding 2021–2022"."""
        return text("change.periods", lang, after=self.after_text(lang), before=self.before_text(lang))


def periods_of(start: dt.date, end: dt.date) -> Periods:
    return Periods(start, end, *comparison_period(start, end))


PERIODS_2324 = periods_of(dt.date(2023, 1, 1), dt.date(2024, 12, 31))  # for the examples


def records_span(agreements: pd.DataFrame, today: dt.date | None = None) -> tuple[dt.date, dt.date] | None:
    """(first, last) day the records cover: the months of the earliest and latest agreement day, never after
    ``today`` (None: no agreement with a day)."""
    day = metrics.agreement_day(agreements).dropna()
    if day.empty:
        return None
    today = today or dt.date.today()
    return _month_start(day.min().date()), min(_month_end(day.max().date()), today)


def years_covered(start: dt.date, end: dt.date, span: tuple[dt.date, dt.date] | None) -> float:
    """Years of ``start``–``end`` (both days included) inside the records' ``span``."""
    if span is None:
        return 0.0
    first, last = max(start, span[0]), min(end, span[1])
    return max((last - first).days + 1, 0) / DAYS_PER_YEAR


@dataclass(frozen=True)
class Change:
    """One region's change: counts in the two periods, years covered, the change per year with its 95% interval,
    and the verdict (``kind`` as in ``geo.analysis.verdict.KINDS``)."""

    kind: str
    periods: Periods
    after: int
    before: int
    after_years: float
    before_years: float
    per_year: float | None = None
    low: float | None = None
    high: float | None = None
    reason: str | None = None  # too_little_data: "few_months" or "few_agreements"
    reason_n: int | None = None
    reason_period: str | None = None  # few_months: "after" or "before"

    @property
    def clear(self) -> bool:
        return self.kind in ("up", "down")

    def label(self, lang: str = "id") -> str:
        return text(f"verdict.{self.kind}", lang)

    def _unit(self, shown: str, lang: str) -> str:
        return text("change.unit_one" if verdicts.reads_as_one(shown, lang) else "change.unit", lang)

    def size(self, lang: str = "id") -> str:
        """The change per year in plain units against the comparison period; for too little data, the reason."""
        before = self.periods.before_text(lang)
        if self.kind == "too_little_data":
            if self.reason == "few_months":
                period = (self.periods.after_text if self.reason_period == "after" else self.periods.before_text)(lang)
                return text("change.reason.few_months", lang, n=self.reason_n, min=MIN_MONTHS, period=period)
            return text("change.reason.few_agreements", lang, n=self.reason_n, min=MIN_AGREEMENTS)
        if self.kind == "unclear":
            n = verdicts.signed_amount(self.per_year, lang)
            return text("change.size.unclear", lang, n=n, unit=self._unit(n, lang), before=before,
                        lo=verdicts.signed_amount(self.low, lang), hi=verdicts.signed_amount(self.high, lang))
        lo, hi = sorted((abs(self.low), abs(self.high)))
        n = verdicts.amount(self.per_year, lang)
        return text(f"change.size.{self.kind}", lang, n=n, unit=self._unit(n, lang), before=before,
                    lo=verdicts.amount(lo, lang), hi=verdicts.amount(hi, lang))

    def sentence(self, lang: str = "id") -> str:
        """"Naik, jelas: sekitar 3 kerja sama lebih banyak per tahun daripada 2021–2022 (95%: 1 s.d. 5)"."""
        return f"{self.label(lang)}: {self.size(lang)}"

    def counts(self, lang: str = "id") -> str:
        """"2023–2024: 30 kerja sama (15 per tahun); 2021–2022: 20 (10 per tahun)" (per year: when covered)."""
        def rate(n, years):
            return verdicts.amount(n / years, lang) if years > 0 else "–"
        return text("change.counts", lang, after_period=self.periods.after_text(lang),
                    before_period=self.periods.before_text(lang), after=numbers.number(self.after, 0, lang),
                    before=numbers.number(self.before, 0, lang), after_rate=rate(self.after, self.after_years),
                    before_rate=rate(self.before, self.before_years))


def interval(after: int, before: int, after_years: float, before_years: float) -> tuple[float, float, float]:
    """(difference per year, 95% low, 95% high) of two Poisson counts over their years (Wald, see the rules)."""
    d = after / after_years - before / before_years
    se = math.sqrt(after / after_years ** 2 + before / before_years ** 2)
    return d, d - Z95 * se, d + Z95 * se


def decide(*, after: int, before: int, after_years: float, before_years: float, periods: Periods) -> Change:
    """The change of one region and its verdict (too little data checked first, see the rules)."""
    base = dict(periods=periods, after=int(after), before=int(before), after_years=float(after_years),
                before_years=float(before_years))
    for which, years in (("after", after_years), ("before", before_years)):
        months = int(round(years * DAYS_PER_YEAR / DAYS_PER_MONTH))
        if months < MIN_MONTHS:
            return Change("too_little_data", reason="few_months", reason_n=months, reason_period=which, **base)
    if after + before < MIN_AGREEMENTS:
        return Change("too_little_data", reason="few_agreements", reason_n=int(after + before), **base)
    d, low, high = interval(after, before, after_years, before_years)
    return Change(verdicts.direction(low, high), per_year=d, low=low, high=high, **base)


@dataclass(frozen=True)
class Result:
    """The change of every region of a level: ``frame`` (one row per region: name, ``after``, ``before`` counts,
    ``after_years``, ``before_years``, ``per_year``, ``low``, ``high``, ``kind``) and the ``changes`` themselves."""

    periods: Periods
    span: tuple[dt.date, dt.date] | None
    frame: pd.DataFrame
    changes: dict[str, Change]

    def periods_text(self, lang: str = "id") -> str:
        return self.periods.text(lang)

    @property
    def comparison_covered(self) -> bool:
        return comparison_covered(self.periods, self.span)


def comparison_covered(periods: Periods, span: tuple[dt.date, dt.date] | None) -> bool:
    """Whether the comparison period has at least ``MIN_MONTHS`` months inside the records' ``span``."""
    return years_covered(periods.before_start, periods.before_end, span) * 12 >= MIN_MONTHS - 1e-9


def suggested_years(span: tuple[dt.date, dt.date] | None) -> tuple[int, int] | None:
    """Whole years whose comparison period lies inside the records' ``span``: the latest half of the years the
    records touch (six years 2021–2026: 2024–2026, against 2021–2023); None under two years.

    >>> suggested_years((dt.date(2021, 1, 1), dt.date(2026, 6, 30)))
    (2024, 2026)
    """
    if span is None:
        return None
    half = (span[1].year - span[0].year + 1) // 2
    return (span[1].year - half + 1, span[1].year) if half >= 1 else None


def compute(ctx, *, level: str, start: dt.date, end: dt.date, sectors=(), types=(), ministries=(), statuses=(),
            today: dt.date | None = None) -> Result:
    """The change of every region of ``level`` between ``start``–``end`` and the period before it, with the view's
    filters, from the context's region metrics (``ctx.region_metrics``, memoised)."""
    periods = periods_of(start, end)
    filters = dict(sectors=sectors, types=types, ministries=ministries, statuses=statuses)
    after = ctx.region_metrics(level=level, start=periods.start, end=periods.end, **filters)["signed"]
    before = ctx.region_metrics(level=level, start=periods.before_start, end=periods.before_end, **filters)["signed"]
    span = records_span(ctx.agreements, today)
    t1 = years_covered(periods.start, periods.end, span)
    t0 = years_covered(periods.before_start, periods.before_end, span)
    changes = {code: decide(after=int(after[code]), before=int(before.get(code, 0)), after_years=t1,
                            before_years=t0, periods=periods) for code in after.index}
    frame = pd.DataFrame({
        "name": ctx.region_metrics(level=level, start=periods.start, end=periods.end, **filters)["name"],
        "after": after.astype(int), "before": before.reindex(after.index).fillna(0).astype(int),
        "after_years": t1, "before_years": t0,
        "per_year": [c.per_year if c.per_year is not None else np.nan for c in changes.values()],
        "low": [c.low if c.low is not None else np.nan for c in changes.values()],
        "high": [c.high if c.high is not None else np.nan for c in changes.values()],
        "kind": [c.kind for c in changes.values()]}, index=after.index)
    return Result(periods, span, frame, changes)
