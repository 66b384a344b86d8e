"""CSV and XLSX download buttons under a table (formulas neutralised by geo.records.exports). The files are made
when a button is clicked, not on every run of the page (a table's XLSX took a tenth of a planner click's time)."""

from __future__ import annotations

import streamlit as st

from geo import events
from geo.records import exports
from ui.i18n import t


def _logged(name: str, fmt: str, rows: int):
    """The click callback of a download: one ``export`` line in the event log (who, what, how many rows)."""
    def on_click():
        user = (st.session_state.get("_auth") or {}).get("username")
        events.log("export", kind="table", name=name, format=fmt, rows=rows, user=user)
    return on_click


def logged_file(make, kind: str, fmt: str, name: str):
    """``make`` (a download button's file, made when it is clicked) that also writes one ``export`` line of the
    event log (who, what, which format) when it is made. The user is the one the button was drawn for."""
    user = (st.session_state.get("_auth") or {}).get("username")

    def made() -> bytes:
        data = make()
        events.log("export", kind=kind, name=name, format=fmt, bytes=len(data), user=user)
        return data
    return made


def download_buttons(df, name: str) -> None:
    c1, c2 = st.columns(2)
    c1.download_button(t("rec.download_csv"), lambda: exports.to_csv_bytes(df), f"{name}.csv", "text/csv",
                       key=f"csv-{name}", on_click=_logged(name, "csv", len(df)))
    c2.download_button(t("rec.download_xlsx"), lambda: exports.to_xlsx_bytes(df), f"{name}.xlsx",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"xlsx-{name}",
                       on_click=_logged(name, "xlsx", len(df)))
