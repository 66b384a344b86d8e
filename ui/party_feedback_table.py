"""Approved feedback from the parties as pages show it (region page, moderation page): one table, one place.

The approved entries are read once per data version (a moderation decision is an audit entry, so it moves the
version). Cells hold what parties typed as plain text (a dataframe cell never renders markup); obstacles by their
vocabulary labels, the time as "Selasa, 20 Agustus 2024 09.00 WIB" (``geo.text.periods.moment``). The contact and
the sender's client key are never here.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.records import party_feedback
from geo.text.catalog import text
from geo.text.periods import moment
from ui import records_cache, vocabulary_labels
from ui.database import engine

COLUMNS = ["doc_number", "party", "rating", "obstacles", "suggestion", "received_at"]


@st.cache_data(show_spinner=False, max_entries=4)
def _approved(data_version: tuple) -> pd.DataFrame:
    return party_feedback.approved_frame(engine())


def approved() -> pd.DataFrame:
    """Every approved entry (``party_feedback.approved_frame``), as of the current data version."""
    return _approved(records_cache.version())


def table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` (approved entries) with readable cells and headers in ``lang``."""
    known = vocabulary_labels.current()
    shown = frame.assign(
        obstacles=frame["obstacles"].map(lambda ks: ", ".join(known.label("obstacle", k, lang) for k in ks)),
        received_at=frame["received_at"].map(lambda t: moment(pd.Timestamp(t).to_pydatetime())))
    return shown[COLUMNS].rename(columns={c: text(f"party_feedback.col.{c}", lang) for c in COLUMNS})
