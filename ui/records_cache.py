"""Records and derived tables, cached until the data changes (keyed on ``storage.data_version``)."""

from __future__ import annotations

import streamlit as st

from geo import impact_report, metrics, queries, storage
from ui.database import engine


def version() -> tuple:
    return storage.data_version(engine())


@st.cache_data(show_spinner=False, max_entries=4)
def frames(data_version: tuple):
    eng = engine()
    return queries.agreements_frame(eng), queries.visits_frame(eng)


@st.cache_data(show_spinner=False, max_entries=64)
def region_metrics(data_version: tuple, level: str, start, end, sectors: tuple, types: tuple, ministries: tuple,
                   statuses: tuple = ()):
    agreements, visits = frames(data_version)
    return metrics.region_metrics(agreements, visits, level=level, start=start, end=end, sectors=sectors,
                                  types=types, ministries=ministries, statuses=statuses)


@st.cache_data(show_spinner=True, max_entries=16)
def report(data_version: tuple, settings: impact_report.Settings):
    agreements, visits = frames(data_version)
    return impact_report.compute(agreements, visits, settings)
