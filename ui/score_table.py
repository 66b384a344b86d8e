"""The impact page's table of explained scores: every region of the report's level with its name, the verdict of
its first visit in words (``geo.analysis.verdict``: "Naik, jelas", "Belum pasti", …) and its size in plain units
(or the reason data are too few), the impact score (``geo.analysis.score``, none when the data are too few),
agreements signed, partner regions and visits (``Report.metrics``); highest score first, regions without a score
after them and regions never visited last, marked "Belum dikunjungi" with no score and no size. Headers in the
page's language; the CSV/XLSX downloads are this same table."""

from __future__ import annotations

import pandas as pd

from geo.analysis import impact_report
from geo.text.catalog import text
from ui.i18n import localized_columns

COLUMNS = ["name", "verdict", "verdict_size", "score", "signed", "partners", "visits"]


def scores_by_region(rep: impact_report.Report, lang: str = "id") -> pd.DataFrame:
    """By region code, best first (the order of the page's pick list)."""
    frame = rep.metrics[["name", "signed", "partners", "visits"]].copy()
    frame["score"] = pd.Series({c: s.score if s.visited else None for c, s in rep.scores.items()}, dtype=float)
    frame["verdict"] = pd.Series({c: text("verdict.not_visited", lang) if s.verdict is None else s.verdict.label(lang)
                                  for c, s in rep.scores.items()}, dtype=object)
    frame["verdict_size"] = pd.Series({c: "" if s.verdict is None else s.verdict.size(lang)
                                       for c, s in rep.scores.items()}, dtype=object)
    frame["_never"] = [c in rep.not_visited for c in frame.index]
    frame = frame.sort_values(["_never", "score"], ascending=[True, False], na_position="last", kind="stable")
    return frame.drop(columns="_never")


def score_table(frame: pd.DataFrame) -> pd.DataFrame:
    """``scores_by_region``'s frame as shown and downloaded: the region code as its first column."""
    return localized_columns(frame.rename_axis("code").reset_index(), ["code"] + COLUMNS)
