"""The planner's ranking as a table: rank, region, the verdict in words of the region's first visit
(``geo.planner.rank.visit_verdicts``; "Belum dikunjungi" for a region never visited, never a bare impact number),
the visit-next score as a whole number (0–100) and each component (0–1) with two decimals in the page's language
(decimal comma in Indonesian), from ``geo.planner.rank.Ranking.table``; headers in the page's language."""

from __future__ import annotations

import pandas as pd

from geo.planner import rank
from geo.text import numbers
from geo.text.catalog import text
from ui.i18n import current_language, t


def verdict_label(v, lang: str) -> str:
    """The verdict's label, "Belum dikunjungi" (``verdict.not_visited``) when there is none."""
    return text("verdict.not_visited", lang) if v is None or v != v else v.label(lang)


def ranking_frame(table: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    lang = lang or current_language()
    verdicts = table["verdict"] if "verdict" in table else pd.Series(None, index=table.index, dtype=object)
    return pd.DataFrame({t("plan.rank"): table["rank"].astype(int), t("plan.name"): table["name"],
                         t("plan.verdict"): [verdict_label(v, lang) for v in verdicts],
                         t("plan.score"): table["score"].round(0).astype(int),
                         **{t(f"plan.c.{k}"): [numbers.number(v, 2, lang) for v in table[f"c_{k}"]]
                            for k in rank.COMPONENTS}})
