"""The open vocabularies as pages use them (``geo.records.vocabularies``): read once per data version, so a term an
admin adds, renames or merges shows on the next run of every page (each change leaves an audit entry, which moves
``geo.db.storage.data_version``, the key of ``ui.records_cache``).

``labels(kind)`` is key → {"id", "en"} for ``ui.i18n.label`` (a key no term has shows as written); ``options(kind)``
the keys filters and forms offer."""

from __future__ import annotations

import streamlit as st

from geo.records import vocabularies
from geo.records.vocabularies import Vocabularies
from ui import records_cache
from ui.database import engine


@st.cache_data(show_spinner=False, max_entries=4)
def _current(data_version: tuple) -> Vocabularies:
    return vocabularies.current(engine())


def current() -> Vocabularies:
    """The effective vocabularies of the app's database, as of its current data version."""
    return _current(records_cache.version())


def labels(kind: str) -> dict[str, dict[str, str]]:
    return current().labels(kind)


def options(kind: str, keep=()) -> list[str]:
    """The keys offered for ``kind``, plus any of ``keep`` (what a record being edited holds) not among them."""
    offered = current().options(kind)
    return offered + [k for k in keep if k not in offered]
