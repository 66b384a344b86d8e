"""The planner's table of route legs: from, to, kilometres, mode of travel and hours, one row per leg of
``geo.planner.itinerary.route_legs``, headers and modes in the page's language.

Distances are shown in whole kilometres and hours to one decimal (the legs carry the unrounded values), written
the page language's way ("1.393", "0,3" in Indonesian; ``geo.text.numbers``): the table is in route order, never
sorted, so the cells are text.
"""

from __future__ import annotations

import pandas as pd

from geo.regions import lookup
from geo.text import numbers
from ui.i18n import current_language, t


def legs_frame(legs, lang: str | None = None) -> pd.DataFrame:
    lang = lang or current_language()
    return pd.DataFrame({t("col.from"): [lookup.get(x.origin).name for x in legs],
                         t("col.to"): [lookup.get(x.destination).name for x in legs],
                         t("col.km"): [numbers.number(x.km, 0, lang) for x in legs],
                         t("col.mode"): [t(f"plan.mode.{x.mode}") for x in legs],
                         t("col.hours"): [numbers.number(x.hours, 1, lang) for x in legs]})
