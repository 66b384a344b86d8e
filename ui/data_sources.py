"""Where the region data come from, as the "Data & credits" page shows it: the number of regions per level
(``geo.regions.lookup``), the licence of the wilayah data (``data/LICENSE-wilayah.txt``) and the display-quality
checks of the last build (``data/build_report.json``, written by ``python -m geo.build.region_files``).

The checks are shown as a table (``display_checks_frame``), never as raw JSON: one row per check, one column per
level, numbers written the page language's way (``geo.text.numbers``), sizes in kB; a check without words in the
catalog (``ui.data.check.*``) is left out rather than shown under its internal key."""

from __future__ import annotations

import json

import pandas as pd

from geo import config
from geo.regions import lookup
from geo.text import catalog, numbers
from ui.i18n import current_language, t


def counts_frame() -> pd.DataFrame:
    """One row per level: its name and how many regions it has, headers in the page's language."""
    return pd.DataFrame({t("map.level"): [t(f"level.{lv}") for lv in lookup.MAP_LEVELS],
                         t("data.counts"): [len(lookup.all_regions(lv)) for lv in lookup.MAP_LEVELS]})


def licence_text() -> str:
    return (config.REGION_DATA_DIR / "LICENSE-wilayah.txt").read_text(encoding="utf-8")


def display_checks() -> dict:
    report = json.loads((config.REGION_DATA_DIR / "build_report.json").read_text(encoding="utf-8"))
    return report["checks"]["display"]


def _cell(key: str, value, lang: str) -> str:
    if key == "max_dropped_share":
        return numbers.percent(value, 1, lang)
    if isinstance(value, list | tuple):
        return " · ".join(_cell(key, v, lang) for v in value)
    if isinstance(value, float):
        return numbers.number(value, 1, lang)
    return numbers.number(value, 0, lang)


def display_checks_frame(checks: dict | None = None, lang: str | None = None) -> pd.DataFrame:
    """The display checks as a readable table: a row per check, a column per level ("Provinsi", …)."""
    checks = display_checks() if checks is None else checks
    lang = lang or current_language()
    levels = [lv for lv in lookup.MAP_LEVELS if lv in checks]
    rows = {}
    for lv in levels:
        entry = checks[lv]
        flat = {k: v for k, v in entry.items() if k not in ("spec", "budget_bytes")} | dict(entry.get("spec") or {})
        for key, value in flat.items():
            if key == "budget_bytes" or f"ui.data.check.{key}" not in catalog.CATALOG:
                continue
            if key == "bytes":
                budget = entry.get("budget_bytes")
                cell = f"{numbers.number(value / 1000, 0, lang)} kB"
                cell += f" ({numbers.number(budget / 1000, 0, lang)} kB)" if budget else ""
            else:
                cell = _cell(key, value, lang)
            rows.setdefault(key, {})[lv] = cell
    return pd.DataFrame([{t("data.check"): t(f"data.check.{key}"),
                          **{t(f"level.{lv}"): cells.get(lv, "–") for lv in levels}} for key, cells in rows.items()])
