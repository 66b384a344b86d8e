"""Unexpected errors: the user sees a friendly message with an error id; the details go to the event log.

``run_page`` runs a page; an exception that is not Streamlit's own flow control (``st.rerun``/``st.stop`` are
``BaseException``s and pass through untouched) is logged with its traceback (``geo.events.log_error``) and
shown as ``ui.error.unexpected`` with the id the log line carries: no traceback, type or message reaches the
browser (``client.showErrorDetails = none`` covers whatever escapes this).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from geo import events
from ui.i18n import t

# The test suite sets this (tests/conftest.py) so that a failing page is still an exception AppTest sees
# (``at.exception``), after the message and the log line: a friendly message must not hide a bug from a test.
RERAISE = False


def show_unexpected(exc: Exception, where: str) -> str:
    user = (st.session_state.get("_auth") or {}).get("username")
    error_id = events.log_error(exc, where=where, user=user)
    st.error(t("error.unexpected", error_id=error_id), icon=":material/error:")
    return error_id


def run_page(run: Callable[[], object], where: str = "page") -> None:
    try:
        run()
    except Exception as exc:  # noqa: BLE001 - the one place that turns any error into a message with an id
        show_unexpected(exc, where)
        if RERAISE:
            raise
