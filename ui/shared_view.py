"""One view across pages: the level, measure, period, filters and score weights a user chose travel with them
(map → region → impact → planner → briefing → exports), in the session and in the URL (``ui/url_state.py``).

Every page that shows figures calls ``begin`` before its widgets and ``end`` after them, and states its period
and filters with ``caption`` (plus a note when the score weights are a temporary change, not the admin's
defaults, ``geo.records.app_settings``). The default weights come from the database, cached per data version.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from geo.maps import map_view
from geo.records import app_settings
from geo.text import numbers
from geo.text.vocabulary import STATUSES
from ui import records_cache, url_state, vocabulary_labels
from ui.database import engine
from ui.i18n import current_language, t

SHARED_KEYS = ("level", "metric", "prov", "y0", "y1", "sector", "type", "status", "ministry",
               "w_effect", "w_breadth", "w_progress")


@st.cache_data(show_spinner=False, max_entries=4)
def default_weights(data_version: tuple) -> dict[str, float]:
    return app_settings.score_weights(engine())


def begin(extra_defaults: dict | None = None, extra_allowed: dict | None = None, *, ministries=None) -> None:
    """Load the shared view (and a page's own keys) into ``st.session_state`` before the page's widgets."""
    allowed = url_state.shared_allowed() | {"sector": vocabulary_labels.labels("sector"),
                                            "type": vocabulary_labels.labels("agreement_type"), "status": STATUSES}
    if ministries is not None:
        allowed["ministry"] = ministries
    defaults = url_state.shared_defaults(default_weights(records_cache.version()))
    url_state.init(defaults | (extra_defaults or {}), allowed | (extra_allowed or {}))
    if st.session_state["y0"] > st.session_state["y1"]:
        st.session_state["y0"], st.session_state["y1"] = st.session_state["y1"], st.session_state["y0"]


def end(extra_keys=()) -> None:
    """Write the shared view (and a page's own keys) back to the URL and the session's view."""
    url_state.sync([*SHARED_KEYS, *extra_keys])


def link_params(**extra) -> dict[str, str]:
    """Query parameters for ``st.switch_page`` that carry the view to the next page (see ``url_state.sync``)."""
    return url_state.link_params(SHARED_KEYS, **extra)


def spec(level: str | None = None, within: str = "") -> map_view.Spec:
    """The view as a ``geo.maps.map_view.Spec`` (the map's classes where the page has them)."""
    state = st.session_state
    return map_view.spec_from_state(state, level or state["level"], within)


def weights_are_default() -> bool:
    return app_settings.is_default(url_state.weights(), default_weights(records_cache.version()))


def caption(level: str | None = None, within: str = "") -> None:
    """"Periode: 2023–2024 · Saring: …" under a page's title, and the temporary-weights note if any."""
    lang = current_language()
    st.caption(map_view.describe(spec(level, within), lang))
    weights_note()


def weights_note() -> None:
    """The temporary-weights note, when the viewer's weights are not the default ones (every page says so)."""
    if not weights_are_default():
        st.caption(t("view.weights_temporary", shown=weights_text(url_state.weights()),
                     default=weights_text(default_weights(records_cache.version()))))


def weights_text(weights: dict) -> str:
    lang = current_language()
    return ", ".join(f"{t('imp2.w.' + k)} {numbers.number(100 * v, 0, lang)}%" for k, v in weights.items())


def period_dates() -> tuple[dt.date, dt.date]:
    return dt.date(int(st.session_state["y0"]), 1, 1), dt.date(int(st.session_state["y1"]), 12, 31)
