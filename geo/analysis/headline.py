"""What the impact page and the national map say first, in words: did cooperation grow after visits, and is
that real — for the chosen period and filters — and what the comparison cannot show ("Batasan").

Rules:

* The headline effect is the report's **direct window**: the average effect in months 1..``window`` after a
  region's first visit (``geo.analysis.estimator.ATTResult.window``), on the report's outcome. Its verdict is
  ``geo.analysis.verdict.decide`` on that interval (the same rule as every region's verdict): "Naik, jelas" only
  when the whole 95% interval is above zero.
* The outcome is named in the sentence: by default ``new_as_lead``, the agreements a region enters as first
  party (*pihak pertama*, the one that proposes) — what a visit is expected to change in the visited region.
  Agreements where it is only a partner depend on other regions' plans and are shown as another outcome.
* Region verdicts are counted among visited regions only (never-visited regions have none).
* The parallel-trends check reads the pre-visit part of the event-time curve: the average of months
  −``window``..−2 (month −1 is the base). When its interval excludes zero, the limits say so first, as a
  warning; otherwise they say the check passed.
* Spillover (neighbours never visited themselves) is reported apart and never added to the headline.

    >>> from geo.analysis import headline
    >>> headline.LIMITS[:2]
    ('parallel', 'selection')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from geo.analysis import verdict as verdicts
from geo.analysis.impact_report import Report
from geo.text import numbers, parsing
from geo.text.catalog import text

LIMITS = ("parallel", "selection", "recorded", "per_region", "quality", "spillover")


@dataclass(frozen=True)
class Headline:
    verdict: verdicts.Verdict  # the overall effect in the window after a first visit
    spillover: verdicts.Verdict | None
    region_counts: dict[str, int]  # verdict kind -> visited regions with that verdict
    visited: int
    pre_trend_clear: bool | None  # True: the pre-visit months differ clearly from zero (a warning); None: unknown
    window: int
    outcome: str
    months: tuple[str, str] = ("", "")  # the panel's first and last month ("2021-01", "2026-10")

    def months_text(self, lang: str = "id") -> str:
        """"Januari 2021 – Oktober 2026": the months the comparison used (visits and agreements in them)."""
        if not all(self.months):
            return ""
        first, last = (dt.date(int(m[:4]), int(m[5:7]), 1) for m in self.months)
        return f"{parsing.month_year(first, lang)} – {parsing.month_year(last, lang)}"

    def outcome_text(self, lang: str = "id") -> str:
        return text(f"headline.outcome.{self.outcome}", lang)

    def sentence(self, lang: str = "id") -> str:
        """"Naik, jelas: sekitar 1 kerja sama baru … (95%: …)" — the headline under the verdict."""
        return self.verdict.sentence(lang)

    def what_it_means(self, lang: str = "id", *, period: str = "", filters: str = "") -> str:
        """One paragraph answering "did cooperation grow after visits, and is that real?"."""
        v = self.verdict
        n = numbers.number
        parts = [text("headline.scope", lang, period=period, filters=filters, visited=n(self.visited, lang=lang),
                      window=self.window, outcome=self.outcome_text(lang))]
        parts.append(text(f"headline.means.{v.kind}", lang, size=v.size(lang)))
        if self.region_counts:
            parts.append(text("headline.regions", lang, up=n(self.region_counts.get("up", 0), lang=lang),
                              unclear=n(self.region_counts.get("unclear", 0), lang=lang),
                              down=n(self.region_counts.get("down", 0), lang=lang),
                              little=n(self.region_counts.get("too_little_data", 0), lang=lang)))
        if self.spillover is not None and self.spillover.kind != "too_little_data":
            parts.append(text(f"headline.spill.{self.spillover.kind}", lang, size=self.spillover.size(lang)))
        return " ".join(parts)

    def limits(self, lang: str = "id") -> list[str]:
        """The "Batasan" list in plain words; a failed pre-visit check comes first, as a warning."""
        out = []
        for key in LIMITS:
            if key == "parallel":
                state = {True: "warn", False: "ok", None: "unknown"}[self.pre_trend_clear]
                out.append(text(f"headline.limit.parallel.{state}", lang))
            else:
                out.append(text(f"headline.limit.{key}", lang))
        return out


def of_report(rep: Report) -> Headline:
    """The headline of an impact report (``geo.analysis.impact_report.compute``)."""
    s = rep.settings
    d = rep.direct_window
    v = verdicts.decide(d["att"], d["ci_low"], d["ci_high"], outcome=s.outcome) if d else \
        verdicts.decide(None, None, None, outcome=s.outcome)
    sw = rep.spillover_window
    spill = verdicts.decide(sw["att"], sw["ci_low"], sw["ci_high"], outcome=s.outcome) if sw else None
    kinds = [sc.verdict.kind for sc in rep.scores.values() if sc.verdict is not None]
    counts = {k: kinds.count(k) for k in verdicts.KINDS if kinds.count(k)}
    pre = None
    if rep.direct is not None:
        try:
            w = rep.direct.window(-s.window_months, -2)
            pre = bool(w["ci_low"] > 0 or w["ci_high"] < 0)
        except ValueError:
            pre = None
    end = s.end or (pd.Timestamp.today().to_period("M") - 1).strftime("%Y-%m")  # as impact_report.compute
    return Headline(v, spill, counts, len(rep.scores) - len(rep.not_visited), pre, s.window_months, s.outcome,
                    (s.start, end))
