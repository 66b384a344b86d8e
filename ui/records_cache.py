"""Records and derived tables, cached until the data changes (keyed on ``storage.data_version``)."""

from __future__ import annotations

import streamlit as st

from geo.analysis import impact_report, metrics
from geo.db import storage
from geo.records import read
from ui.database import engine


def version() -> tuple:
    """The cache key of everything derived from the records: which database, and its data version."""
    return (storage.safe_url(storage.database_url()), *storage.data_version(engine()))


@st.cache_data(show_spinner=False, max_entries=4)
def frames(data_version: tuple):
    eng = engine()
    return read.agreements_frame(eng), read.visits_frame(eng)


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


# --- planner (issue 6)
@st.cache_data(show_spinner=True, max_entries=8)
def planner_history(data_version: tuple, level: str, sectors: tuple):
    from geo.planner import rank

    agreements, visits = frames(data_version)
    return rank.prepare(agreements, visits, level=level, sectors=sectors)


@st.cache_data(show_spinner=True, max_entries=32)
def planner_ranking(data_version: tuple, level: str, weights: tuple, constraints):
    from geo.planner import rank

    return rank.rank(planner_history(data_version, level, constraints.sectors), weights=dict(weights),
                        constraints=constraints)


@st.cache_data(show_spinner=True, max_entries=8)
def planner_backtest(data_version: tuple, level: str, weights: tuple, top_k: int):
    from geo.planner import backtest

    return backtest.run(planner_history(data_version, level, ()), weights=dict(weights), top_k=top_k)
