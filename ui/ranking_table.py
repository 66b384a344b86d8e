"""The planner's ranking as a table: rank, region, score (one decimal) and each component (two decimals),
from ``geo.planner.rank.Ranking.table``, headers in the page's language."""

from __future__ import annotations

import pandas as pd

from geo.planner import rank
from ui.i18n import t


def ranking_frame(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({t("plan.rank"): table["rank"], t("plan.name"): table["name"],
                         t("plan.score"): table["score"].round(1),
                         **{t(f"plan.c.{k}"): table[f"c_{k}"].round(2) for k in rank.COMPONENTS}})
