"""One analysis context: the records of one data version and what is derived from them, each computed once.

Rules:
- A ``Context`` holds the agreements and visits frames (as ``geo.records.read`` returns them) and the data
  version they were read at. It never changes them; whoever holds it must not change them either.
- Derived results are memoised in the context: region metrics (``geo.analysis.metrics.region_metrics``) per
  level, period and filters, and the impact report (``geo.analysis.impact_report.compute``) per settings.
  The same question asked twice returns the same object, so the map view, the region brief and the deck
  made from one context read the same figures.
- The memo is bounded (least recently used results are dropped first) and thread-safe: Streamlit serves
  sessions on several threads, and two sessions asking the same question wait for one computation.
- A new data version needs a new context; the app keeps one context per data version
  (``ui.records_cache.context``), the ``python -m geo brief`` command one per run.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict

import pandas as pd

from geo.analysis import impact_report, metrics

MAX_METRIC_TABLES = 64
MAX_REPORTS = 16


class Context:
    """The records of one data version and their memoised derived results."""

    def __init__(self, agreements: pd.DataFrame, visits: pd.DataFrame, version: tuple = ()):
        self.agreements = agreements
        self.visits = visits
        self.version = version
        self._lock = threading.Lock()
        self._results: dict[str, OrderedDict] = {"metrics": OrderedDict(), "report": OrderedDict()}
        self._pending: dict[tuple, threading.Lock] = {}
        self.computed = {"metrics": 0, "report": 0}  # how many results were computed (not taken from the memo)

    def _cached(self, kind: str, key):
        with self._lock:
            memo = self._results[kind]
            if key in memo:
                memo.move_to_end(key)
                return True, memo[key]
        return False, None

    def _memo(self, kind: str, key, limit: int, make):
        found, value = self._cached(kind, key)
        if found:
            return value
        with self._lock:
            pending = self._pending.setdefault((kind, key), threading.Lock())
        with pending:  # one computation per question; other threads asking it wait for its result
            found, value = self._cached(kind, key)
            if found:
                return value
            value = make()
            with self._lock:
                memo = self._results[kind]
                memo[key] = value
                while len(memo) > limit:
                    memo.popitem(last=False)
                self.computed[kind] += 1
                self._pending.pop((kind, key), None)
        return value

    def has(self, kind: str, key) -> bool:
        """Whether the result for ``key`` (a metrics key or report settings) is already memoised."""
        with self._lock:
            return key in self._results[kind]

    @staticmethod
    def metrics_key(*, level: str, start: dt.date | None = None, end: dt.date | None = None, sectors=(), types=(),
                    ministries=(), statuses=()) -> tuple:
        return (level, start, end, tuple(sectors), tuple(types), tuple(ministries), tuple(statuses))

    def region_metrics(self, *, level: str, start: dt.date | None = None, end: dt.date | None = None, sectors=(),
                       types=(), ministries=(), statuses=()) -> pd.DataFrame:
        """``geo.analysis.metrics.region_metrics`` of these records, computed once per level, period and filters."""
        key = self.metrics_key(level=level, start=start, end=end, sectors=sectors, types=types,
                               ministries=ministries, statuses=statuses)
        return self._memo("metrics", key, MAX_METRIC_TABLES, lambda: metrics.region_metrics(
            self.agreements, self.visits, level=level, start=start, end=end, sectors=key[3], types=key[4],
            ministries=key[5], statuses=key[6]))

    def report(self, settings: impact_report.Settings = impact_report.Settings()) -> impact_report.Report:
        """``geo.analysis.impact_report.compute`` of these records, computed once per settings."""
        return self._memo("report", settings, MAX_REPORTS,
                          lambda: impact_report.compute(self.agreements, self.visits, settings))
