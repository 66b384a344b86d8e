"""Where the region data come from, as the "Data & credits" page shows it: the number of regions per level
(``geo.regions.lookup``), the licence of the wilayah data (``data/LICENSE-wilayah.txt``) and the display-quality
checks of the last build (``data/build_report.json``, written by ``python -m geo.build.region_files``)."""

from __future__ import annotations

import json

import pandas as pd

from geo import config
from geo.regions import lookup
from ui.i18n import t


def counts_frame() -> pd.DataFrame:
    """One row per level: its name and how many regions it has, headers in the page's language."""
    return pd.DataFrame({t("map.level"): [t(f"level.{lv}") for lv in lookup.MAP_LEVELS],
                         t("data.counts"): [len(lookup.all_regions(lv)) for lv in lookup.MAP_LEVELS]})


def licence_text() -> str:
    return (config.REGION_DATA_DIR / "LICENSE-wilayah.txt").read_text(encoding="utf-8")


def display_checks() -> dict:
    report = json.loads((config.REGION_DATA_DIR / "build_report.json").read_text(encoding="utf-8"))
    return report["checks"]["display"]
