"""Dates and times in tables as Indonesian readers write them: 22/09/2022 and 22/09/2022 09.00 (PUEBI writes the
time with a dot), English 22/09/2022 09:00 — never Streamlit's ISO "2022-09-22 09:00:00" or "2026/12/07".

``config(frame, lang)`` gives the ``column_config`` of ``st.dataframe`` / ``st.data_editor`` for every column of
``frame`` holding dates (``DateColumn``) or date-times (``DatetimeColumn``): by dtype (a date-time column whose
values are all at midnight is a date column), or, for object columns, by their first value that is not missing.
Date inputs take ``format="DD/MM/YYYY"``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

DATE = "DD/MM/YYYY"  # moment.js formats, as Streamlit's column types take them
DATETIME = {"id": "DD/MM/YYYY HH.mm", "en": "DD/MM/YYYY HH:mm"}


def kind(values: pd.Series) -> str | None:
    """"datetime", "date" or None (not a date column).

    >>> kind(pd.Series(pd.to_datetime(["2022-09-22 09:00"]))), kind(pd.Series([None, dt.date(2022, 9, 22)]))
    ('datetime', 'date')
    >>> kind(pd.Series(["22/09/2022"])) is None
    True
    """
    if pd.api.types.is_datetime64_any_dtype(values):  # all at midnight: dates kept as times
        times = values.dropna()
        return "date" if len(times) and (times == times.dt.normalize()).all() else "datetime"
    first = next((v for v in values if v is not None and not (isinstance(v, float) and pd.isna(v))
                  and v is not pd.NaT), None)
    if isinstance(first, dt.datetime | pd.Timestamp):
        return "datetime"
    if isinstance(first, dt.date):
        return "date"
    return None


def config(frame: pd.DataFrame, lang: str, **others) -> dict:
    """The column_config of ``frame``'s date and date-time columns, with ``others`` (more column configs) kept."""
    out = {}
    for name in frame.columns:
        found = kind(frame[name])
        if found == "date":
            out[name] = st.column_config.DateColumn(format=DATE)
        elif found == "datetime":
            out[name] = st.column_config.DatetimeColumn(format=DATETIME.get(lang, DATETIME["en"]))
    return out | others
