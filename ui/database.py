"""The app's database: migrated on start, seeded with the simulated sample when empty.

A new data folder takes the sample's writing time (about half a minute) before the first map: ``prepare`` runs
first on every page and, while the database is still empty, writes the sample with a progress bar from the first
second. Sessions that open meanwhile show the same progress (one server process seeds once; a second process
finds the database filled or waits on its own lock).
"""

from __future__ import annotations

import threading
import time

import streamlit as st

from geo.access import roles
from geo.db import storage
from geo.records import sample
from ui.i18n import t


def engine():
    """The app's database (``SINERGI_DATABASE_URL`` or the SQLite file in ``SINERGI_DATA_DIR``)."""
    return _seeded(storage.database_url())


_LOCK = threading.Lock()
_PROGRESS: dict[str, tuple[int, int]] = {}  # url -> (done, total) while the sample is being written
_READY: set[str] = set()


def prepare() -> None:
    """Make sure the database is ready; while the sample is written, show how far it is."""
    url = storage.database_url()
    if url in _READY:
        return
    box = st.empty()

    def show(done: int, total: int) -> None:
        share = done / total if total else 0.0
        box.progress(share, text=t("data.seeding", percent=round(100 * share)))

    if _LOCK.acquire(blocking=False):
        try:
            if url not in _READY:
                show(0, 0)
                eng = storage.default_engine()  # creates or migrates the schema
                if sample.is_empty(eng):
                    def step(done: int, total: int) -> None:
                        _PROGRESS[url] = (done, total)
                        show(done, total)

                    sample.seed(eng, roles.SAMPLE_SEEDER, progress=step)
                _READY.add(url)
        finally:
            _PROGRESS.pop(url, None)
            _LOCK.release()
    else:  # another session of this process writes the sample: show its progress
        while url not in _READY and _LOCK.locked():
            show(*_PROGRESS.get(url, (0, 0)))
            time.sleep(0.5)
    box.empty()


@st.cache_resource(show_spinner=False)
def _seeded(url: str):
    eng = storage.default_engine()  # creates or migrates the schema
    sample.seed(eng, roles.SAMPLE_SEEDER)  # only into an empty database
    return eng


def simulated_banner() -> None:
    counts = sample.simulated_counts(engine())
    simulated = counts["simulated_agreements"] + counts["simulated_visits"]
    real = counts["real_agreements"] + counts["real_visits"]
    if simulated and not real:
        st.warning(t("data.simulated"), icon=":material/science:")
    elif simulated:
        st.warning(t("data.mixed", n=simulated), icon=":material/science:")
