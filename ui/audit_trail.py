"""The audit trail as the Data page shows it: sentences, newest first, and CSV/XLSX downloads.

The sentences come from ``geo.records.audit_text`` and hold what users typed (titles, names, notes), so every
piece is escaped with ``ui.safe_text.md`` before it reaches markdown: a title written as HTML or markdown shows as
typed, never as markup. At most ``SHOWN`` entries are listed on the page; the downloads carry every entry of the
filter, with the sentence and the raw fields (time in UTC, changes as JSON). The whole trail in words is computed
once per data version and language (``whole_trail``); one record's trail is small and read as it is.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from geo.records import audit_text, read
from ui.database import engine
from ui.downloads import download_buttons
from ui.i18n import current_language, localized_columns, t
from ui.safe_text import md

SHOWN = 200


def trail_markdown(trail: pd.DataFrame, limit: int = SHOWN) -> str:
    """``audit_text.trail_frame`` rows as a markdown list, every piece escaped.

    >>> import pandas as pd
    >>> trail = pd.DataFrame({"when": ["Senin, 30/11/2026 10.00 WIB"], "sentence": ["ani menambahkan <b>x</b>"]})
    >>> trail_markdown(trail)
    '- **Senin, 30/11/2026 10\\\\.00 WIB** — ani menambahkan \\\\<b\\\\>x\\\\</b\\\\>'
    """
    return "\n".join(f"- **{md(row.when)}** — {md(row.sentence)}" for row in trail.head(limit).itertuples())


@st.cache_data(show_spinner=False, max_entries=4)
def whole_trail(data_version: tuple, lang: str) -> pd.DataFrame:
    """Every record's audit entry in words (``audit_text.trail_frame``), newest first, for one data version.
    Entries about users (logins, accounts) are not records: they do not move the data version this is cached on,
    and they belong to the accounts, not to the data page."""
    entries = read.audit_frame(engine())
    return audit_text.trail_frame(entries[entries["record_type"] != "user"], lang)


def record_trail(record_type: str, record_key: str) -> pd.DataFrame:
    """One record's audit entries in words, in the page's language, newest first."""
    return audit_text.trail_frame(read.audit_frame(engine(), record_type, record_key), current_language())


def show(trail: pd.DataFrame, download_name: str) -> None:
    """A trail in words (``audit_text.trail_frame``) as a list of sentences, with CSV/XLSX downloads."""
    if trail.empty:
        st.caption(t("rec.trail_empty"))
        return
    if len(trail) > SHOWN:
        st.caption(t("rec.trail_shown", n=SHOWN, total=len(trail)))
    st.markdown(trail_markdown(trail))
    download_buttons(localized_columns(trail, audit_text.TRAIL_COLUMNS), file_name(download_name))


def file_name(text: str) -> str:
    """A record key as part of a file name: ``riwayat_KB/001/2024`` → ``riwayat_KB_001_2024``.

    >>> file_name("riwayat_KB/001/2024 (revisi)")
    'riwayat_KB_001_2024_revisi'
    """
    return re.sub(r"[^\w.-]+", "_", text).strip("._") or "riwayat"
