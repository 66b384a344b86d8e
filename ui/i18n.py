"""The Streamlit side of the interface's languages: the language in use, its picker, and ``t``.

The words themselves are in the catalog (``geo.text.catalog``; interface words in ``geo/text/words/interface.py``,
keys ``ui.…``). The language is the session's choice, else ``?lang=`` in the address, else Indonesian; the
picker writes it back to the address so a shared link opens in the same language.
"""

from __future__ import annotations

import streamlit as st

from geo.text import catalog
from geo.text.catalog import LANGUAGES


def label(vocabulary: dict, key: str) -> str:
    """The label of a vocabulary key (``geo.text.vocabulary``) in the current language."""
    entry = vocabulary.get(key)
    return entry.get(current_language(), entry["id"]) if entry else key


def localized_columns(df, columns: list[str]):
    """The frame's ``columns`` with headers in the current language."""
    return df[columns].rename(columns={c: t(f"col.{c}") for c in columns})


def current_language() -> str:
    lang = st.session_state.get("lang") or st.query_params.get("lang", "id")
    return lang if lang in LANGUAGES else catalog.DEFAULT_LANGUAGE


def t(key: str, **kwargs) -> str:
    """The interface text ``ui.<key>`` in the current language, placeholders filled from ``kwargs``."""
    return catalog.text(f"ui.{key}", current_language(), **kwargs)


def language_picker() -> None:
    if "lang" not in st.session_state:
        st.session_state["lang"] = current_language()
    st.sidebar.selectbox(t("language"), list(LANGUAGES), format_func=LANGUAGES.get, key="lang", placeholder=t("choose"))
    st.query_params["lang"] = st.session_state["lang"]
