"""What a page shows when the engine refuses an action: one way for every page.

``with errors_shown() as outcome:`` runs the action; a ``geo.text.messages.UserError`` raised inside ends the
block and is shown as ``st.error`` in the page's language, escaped with ``ui.safe_text.md`` (messages quote what
the user typed, e.g. a document number or a user name). ``outcome.failed`` tells the caller whether it happened.
Any other exception is a bug and goes through untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st

from geo.text.messages import UserError
from ui.i18n import current_language
from ui.safe_text import md


@dataclass
class Outcome:
    failed: bool = False
    error: UserError | None = None


@contextmanager
def errors_shown() -> Iterator[Outcome]:
    outcome = Outcome()
    try:
        yield outcome
    except UserError as exc:
        outcome.failed, outcome.error = True, exc
        st.error(md(exc.text(current_language())))
