"""The app's database: migrated on start, seeded with the simulated sample when empty."""

from __future__ import annotations

import streamlit as st

from geo.access import roles
from geo.db import storage
from geo.records import sample
from ui.i18n import t


def engine():
    """The app's database (``SINERGI_DATABASE_URL`` or the SQLite file in ``SINERGI_DATA_DIR``)."""
    return _seeded(storage.database_url())


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
