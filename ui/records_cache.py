"""Records and derived tables, cached until the data changes (keyed on ``storage.data_version``).

One ``geo.analysis.context.Context`` per data version (``context``): it holds the records and computes each
region-metrics table and impact report once, for every session (it is thread-safe). Pages and ``ui`` helpers
hand it to the engine; nothing here passes functions down.

A long computation shows a spinner in the page's language (``ui.spinner.*``), never Streamlit's own English
"Running `function(...)`.": the cached functions have ``show_spinner=False``; their callers hold the spinner.
"""

from __future__ import annotations

import threading

import streamlit as st

from geo import config
from geo.analysis import impact_report
from geo.analysis.context import Context
from geo.db import storage
from geo.records import read
from ui.database import engine
from ui.i18n import t


def version() -> tuple:
    """The cache key of everything derived from the records: which database, and its data version."""
    return (storage.safe_url(storage.database_url()), *storage.data_version(engine()))


@st.cache_data(show_spinner=False, max_entries=4)
def frames(data_version: tuple):
    eng = engine()
    return read.agreements_frame(eng), read.visits_frame(eng)


@st.cache_resource(show_spinner=False, max_entries=4)
def context(data_version: tuple) -> Context:
    """The analysis context of this data version, shared by every session (read-only records)."""
    return Context(*frames(data_version), version=data_version)


def region_metrics(data_version: tuple, level: str, start, end, sectors: tuple, types: tuple, ministries: tuple,
                   statuses: tuple = ()):
    """``Context.region_metrics`` of this data version (a copy: the page may change it)."""
    return context(data_version).region_metrics(level=level, start=start, end=end, sectors=sectors, types=types,
                                                ministries=ministries, statuses=statuses).copy()


def report(data_version: tuple, settings: impact_report.Settings):
    """``Context.report`` of this data version, with the spinner ``st.cache_data`` showed while it is computed."""
    ctx = context(data_version)
    if ctx.has("report", settings):
        return ctx.report(settings)
    with st.spinner(t("spinner.report")):
        return ctx.report(settings)


# --- planner (issue 6)
def planner_ranking(data_version: tuple, level: str, weights: tuple, constraints):
    with st.spinner(t("spinner.planner")):
        return _planner_ranking(data_version, level, weights, constraints)


def planner_backtest(data_version: tuple, level: str, weights: tuple, top_k: int):
    with st.spinner(t("spinner.backtest")):
        return _planner_backtest(data_version, level, weights, top_k)


@st.cache_data(show_spinner=False, max_entries=8)
def _planner_history(data_version: tuple, level: str, sectors: tuple):
    from geo.planner import rank

    agreements, visits = frames(data_version)
    return rank.prepare(agreements, visits, level=level, sectors=sectors)


@st.cache_resource(show_spinner=False, max_entries=16)
def _planner_components(data_version: tuple, level: str, sectors: tuple, ministry: str | None):
    """The score components (the uplift model, the partner network): computed once per data version, level,
    sectors and ministry, whatever the weights and the other constraints. Shared, never changed (``rank.scored``
    copies its table)."""
    from geo.planner import rank

    return rank.components(_planner_history(data_version, level, sectors), ministry=ministry)


@st.cache_data(show_spinner=False, max_entries=32)
def _planner_ranking(data_version: tuple, level: str, weights: tuple, constraints):
    from geo.planner import rank

    # beside each score, the verdict of the region's first visit as the region page shows it (its brief's report)
    verdicts = rank.impact_verdicts(report(data_version, impact_report.Settings(level=level, start="2021-01")))
    return rank.scored(_planner_components(data_version, level, constraints.sectors, constraints.ministry),
                       weights=dict(weights), constraints=constraints, verdicts=verdicts)


def planner_precompute(data_version: tuple, level: str) -> None:
    """Start computing the backtest's months in the background unless those of ``level`` are on disk or a
    ``planner-warm`` runs already (``geo.planner.replay_store.warm_in_background``), once per data version and level
    in this process: ``app.py`` calls this after every page and the planner page for its level, so that the first
    "Jalankan uji balik" finds them ready."""
    from geo.planner import replay_store

    with _precompute_lock:
        if (data_version, level) in _precompute_checked or not config.get("SINERGI_PLANNER_PRECOMPUTE"):
            return
        _precompute_checked.add((data_version, level))
    hist = _planner_history(data_version, level, ())

    def start_and_wait():  # the key's hashing (~0.1 s) and the process's start, off the page's run
        proc = replay_store.warm_in_background(hist)
        if proc is not None:
            proc.wait()

    threading.Thread(target=start_and_wait, name="planner-warm", daemon=True).start()


_precompute_lock = threading.Lock()
_precompute_checked: set = set()  # (data version, level): a few per data change


@st.cache_resource(show_spinner=False, max_entries=4)
def _planner_replay(data_version: tuple, level: str):
    """The backtest's months (components, visits, gains), once per data version and level; shared, never changed.
    Read from the data folder when another process (or ``planner_precompute``) already computed them; otherwise
    computed and kept there (``geo.planner.replay_store``)."""
    from geo.planner import replay_store

    return replay_store.load_or_replay(_planner_history(data_version, level, ()))


@st.cache_data(show_spinner=False, max_entries=8)
def _planner_backtest(data_version: tuple, level: str, weights: tuple, top_k: int):
    from geo.planner import backtest

    return backtest.run(weights=dict(weights), top_k=top_k, months=_planner_replay(data_version, level))
