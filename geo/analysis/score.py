"""The 0–100 impact score of a region, and its explanation in plain Bahasa Indonesia and English.

Components, each on a 0–1 scale (defaults weights in ``DEFAULT_WEIGHTS``, a user may change them):

* **effect** — how sure we are that cooperation grew after the region's visits, beyond what comparison
  regions not visited in the same windows did: Φ(did / half-width × 1.96), i.e. 0.5 when the
  difference-in-differences is zero or unknown, near 1 when it is clearly positive, near 0 when clearly
  negative. Its uncertainty is inside: a wide interval pulls the component towards 0.5;
* **breadth** — distinct partner regions, as a percentile among regions of the same level;
* **progress** — share of the region's agreements that progressed past signing (running or completed).

The score is the impact of visits, so only a visited region has one (rules, in this order):

* a region never visited (no first visit in the panel) gets no score (None) and status ``"not_visited"``: its
  breadth and progress are still computed and explained, but no number suggests an impact that was never
  possible. (Before issue 13 such regions were scored on breadth and progress alone and could rank near the top.)
* a visited region with fewer than ``MIN_AGREEMENTS`` agreements gets no score, status ``"too_few_agreements"``;
* every other region is ``"scored"``.

Every visited region carries the verdict of its first visit (``geo.analysis.verdict``, decided by its own
``visit_effect`` interval, with the months the windows hold and its comparison regions); a never-visited region's
verdict is None. A visited region whose verdict is ``"too_little_data"`` (windows not in the data, too few months
or comparison regions) is scored without the effect component. The explanation's sentences are in the catalog
(``geo/text/words/score.py``, keys ``score.*``; the verdict's in ``geo/text/words/verdict.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from geo.analysis import estimator
from geo.analysis import verdict as verdicts
from geo.text import numbers
from geo.text.catalog import text

DEFAULT_WEIGHTS = {"effect": 0.5, "breadth": 0.25, "progress": 0.25}
MIN_AGREEMENTS = 3
STATUSES = ("scored", "not_visited", "too_few_agreements")


@dataclass
class RegionScore:
    region: str
    score: float | None  # None: never visited, or too few agreements (see ``status``)
    components: dict[str, float | None]
    weights: dict[str, float]
    details: dict = field(default_factory=dict)
    status: str = "scored"  # one of STATUSES
    verdict: verdicts.Verdict | None = None  # the first visit's verdict; None for a region never visited

    @property
    def visited(self) -> bool:
        return self.status != "not_visited"

    @property
    def shown_score(self) -> float | None:
        """The score as the region page and its files show it: only beside a clear verdict ("Naik, jelas",
        "Turun, jelas"); None for an unclear verdict, too little data, or a region never visited."""
        return self.score if self.verdict is not None and self.verdict.clear else None

    def explain(self, lang: str = "id", *, verdict: bool = True, total: bool = True) -> list[str]:
        """The explanation, a sentence a line: the verdict's sentence first (``verdict``), then one per part of the
        score, then the score itself (``total``; never for a region without one)."""
        d = self.details

        def num(v, decimals=2):
            return numbers.number(v, decimals, lang)

        def signed(v):
            return ("+" if v >= 0 else "−") + num(abs(v))

        def pct(v):
            return numbers.percent(v, 0, lang)

        if self.status == "too_few_agreements":
            lines = [text("score.too_little", lang, n=d["agreements"], min=MIN_AGREEMENTS)]
            return lines + ([self.verdict.sentence(lang)] if verdict and self.verdict is not None else [])
        lines = []
        ve = d.get("visit_effect")
        if verdict and self.verdict is not None:
            lines.append(self.verdict.sentence(lang))
        if self.status == "not_visited":
            lines.append(text("score.no_visit", lang))
        elif ve is not None and self.components["effect"] is not None:
            lines.append(text("score.effect", lang, month=ve.visit_month.strftime("%m/%Y"), after=num(ve.after),
                              unit=text(f"verdict.unit.{ve.outcome}", lang),
                              before=num(ve.before), n=ve.n_comparison, cafter=num(ve.comparison_after),
                              cbefore=num(ve.comparison_before), did=signed(ve.did),
                              lo=signed(ve.ci_low), hi=signed(ve.ci_high),
                              value=num(self.components["effect"])))
        lines.append(text("score.breadth", lang, partners=d["partners"], pct=pct(d["breadth_pct"]),
                          value=num(self.components["breadth"])))
        if self.components["progress"] is None:
            lines.append(text("score.no_progress", lang))
        else:
            lines.append(text("score.progress", lang, share=pct(d["progressed_share"]),
                              value=num(self.components["progress"])))
        if total and self.score is not None:
            lines.append(text("score.score", lang, score=num(self.score, 0), we=pct(self.weights["effect"]),
                              wb=pct(self.weights["breadth"]), wp=pct(self.weights["progress"])))
        return lines


def effect_component(ve: estimator.VisitEffect) -> float:
    half = (ve.ci_high - ve.ci_low) / 2
    if half <= 0:
        return 0.5
    return float(stats.norm.cdf(ve.did / (half / 1.96)))


def region_scores(panel: pd.DataFrame, region_metrics: pd.DataFrame, *, outcome: str = "new_agreements",
                  window: int = 12, weights: dict[str, float] | None = None,
                  visit_months: pd.DataFrame | None = None) -> dict[str, RegionScore]:
    """Scores for every region of ``region_metrics`` (from ``geo.analysis.metrics.region_metrics``).

    ``visit_months`` (region, month of every visit; ``geo.analysis.panel.visit_months``) keeps every region visited
    inside a window out of that visit's comparison regions, not only regions first visited then.
    """
    visits_for_comparison = visit_months
    w = {**DEFAULT_WEIGHTS, **(weights or {})}
    total = sum(w.values())
    w = {k: v / total for k, v in w.items()} if total > 0 else DEFAULT_WEIGHTS
    first = panel.groupby("region")["first_visit"].first()
    partners = region_metrics["partners"]
    # share of regions of the level with strictly fewer partners (0 for the fewest, below 1 for the most)
    sorted_partners = np.sort(partners.to_numpy())
    pct = pd.Series(np.searchsorted(sorted_partners, partners.to_numpy(), side="left") / len(partners),
                    index=partners.index)
    months = pd.DatetimeIndex(sorted(panel["month"].unique())) if len(panel) else pd.DatetimeIndex([])
    out = {}
    for code, row in region_metrics.iterrows():
        n_agreements = int(row["signed"])
        details = {"agreements": n_agreements, "partners": int(row["partners"]),
                   "breadth_pct": float(pct[code]), "progressed_share": row["progressed_share"]}
        comps = {"effect": None, "breadth": float(pct[code]),
                 "progress": None if pd.isna(row["progressed_share"]) else float(row["progressed_share"])}
        visit_month = first.get(code)
        if visit_month is None or pd.isna(visit_month):
            details["visit_effect"] = None
            out[code] = RegionScore(code, None, comps, w, details, status="not_visited")
            continue
        ve = None
        try:
            ve = estimator.visit_effect(panel, code, visit_month, outcome=outcome, window=window,
                                        visits=visits_for_comparison)
        except ValueError:
            ve = None  # the windows do not fit in the data: no estimate
        details["visit_effect"] = ve
        held = window_months(months, visit_month, window)
        details["window_months_held"] = held
        v = verdicts.of_visit_effect(ve, months=min(held)) if ve is not None else verdicts.decide(
            None, None, None, outcome=outcome)
        if n_agreements < MIN_AGREEMENTS:
            out[code] = RegionScore(code, None, {"effect": None, "breadth": None, "progress": None}, w, details,
                                    status="too_few_agreements", verdict=v)
            continue
        # an estimate the verdict calls too thin does not move the score either
        comps["effect"] = effect_component(ve) if ve is not None and v.kind != "too_little_data" else None
        used = {k: w[k] for k, val in comps.items() if val is not None}
        s = sum(used.values())
        score = 100 * sum(comps[k] * used[k] / s for k in used) if s > 0 else None
        out[code] = RegionScore(code, score, comps, w, details, status="scored", verdict=v)
    return out


def window_months(months: pd.DatetimeIndex, visit_month, window: int) -> tuple[int, int]:
    """How many of the panel's ``months`` fall in the window before and the window after a visit (as
    ``estimator.visit_effect`` takes them: the visit month in neither).

    >>> import pandas as pd
    >>> months = pd.date_range("2024-01-01", "2024-12-01", freq="MS")
    >>> window_months(months, pd.Timestamp("2024-10-15"), 12)
    (9, 2)
    """
    vm = pd.Timestamp(visit_month).to_period("M").to_timestamp()
    before = int(((months >= vm - pd.DateOffset(months=window)) & (months < vm)).sum())
    after = int(((months > vm) & (months <= vm + pd.DateOffset(months=window))).sum())
    return before, after


def scores_frame(scores: dict[str, RegionScore]) -> pd.DataFrame:
    """One row per region: score, status, verdict (None: never visited) and the components."""
    return pd.DataFrame([{"region": c, "score": s.score, "status": s.status,
                          "verdict": None if s.verdict is None else s.verdict.kind,
                          **{f"c_{k}": v for k, v in s.components.items()}}
                         for c, s in scores.items()]).set_index("region")
