"""The impact page's table of explained scores: every region of the report's level with its name, impact score
(``geo.analysis.score``, none when the data are too few), agreements signed, partner regions and visits
(``Report.metrics``), highest score first and regions without a score last; headers in the page's language."""

from __future__ import annotations

import pandas as pd

from geo.analysis import impact_report
from ui.i18n import localized_columns

COLUMNS = ["name", "score", "signed", "partners", "visits"]


def scores_by_region(rep: impact_report.Report) -> pd.DataFrame:
    """By region code, best first (the order of the page's pick list)."""
    frame = rep.metrics[["name", "signed", "partners", "visits"]].copy()
    frame["score"] = pd.Series({c: s.score for c, s in rep.scores.items()})
    return frame.sort_values("score", ascending=False, na_position="last")


def score_table(frame: pd.DataFrame) -> pd.DataFrame:
    """``scores_by_region``'s frame as shown and downloaded: the region code as its first column."""
    return localized_columns(frame.reset_index(), COLUMNS)
