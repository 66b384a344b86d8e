"""CSV and XLSX download buttons under a table (formulas neutralised by geo.records.exports)."""

from __future__ import annotations

import streamlit as st

from geo.records import exports
from ui.i18n import t


def download_buttons(df, name: str) -> None:
    c1, c2 = st.columns(2)
    c1.download_button(t("rec.download_csv"), exports.to_csv_bytes(df), f"{name}.csv", "text/csv",
                       key=f"csv-{name}")
    c2.download_button(t("rec.download_xlsx"), exports.to_xlsx_bytes(df), f"{name}.xlsx",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"xlsx-{name}")
