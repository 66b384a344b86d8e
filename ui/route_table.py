"""The planner's table of route legs: from, to, kilometres, mode of travel and hours, one row per leg of
``geo.planner.itinerary.route_legs``, headers and modes in the page's language.

Distances are shown in whole kilometres and hours to one decimal (the legs carry the unrounded values).
"""

from __future__ import annotations

import pandas as pd

from geo.regions import lookup
from ui.i18n import t


def legs_frame(legs) -> pd.DataFrame:
    return pd.DataFrame({t("col.from"): [lookup.get(x.origin).name for x in legs],
                         t("col.to"): [lookup.get(x.destination).name for x in legs],
                         t("col.km"): [round(x.km) for x in legs],
                         t("col.mode"): [t(f"plan.mode.{x.mode}") for x in legs],
                         t("col.hours"): [round(x.hours, 1) for x in legs]})
