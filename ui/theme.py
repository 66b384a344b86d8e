"""The app's look: less empty space above the content, so the map is in view without scrolling on a projector;
and the words Streamlit writes itself, which no API translates, in the page's language.

* The file uploader: its button says ``ui.upload.button`` ("Pilih berkas") instead of "Upload", a file dragged over
  it ``ui.upload.drop`` instead of "Drag and drop a file here", and its English
  "200MB per file • CSV, XLSX" line is hidden — the page writes its own caption under it with the real limit
  (``SINERGI_MAX_IMPORT_MB``, ``upload_caption``), since the importer, not Streamlit's 200 MB, sets it.
* A multiselect's "Select all" ("Select N matches" while typing) says ``ui.select_all`` / ``ui.select_matches``,
  and its list's "No results" (the one option without a ``data-key``) ``ui.no_results``.
* A text input's English hint "Press Enter to submit form" / "Press Enter to apply" is hidden: forms have their
  submit button, and a field applies when it loses focus.

The words come from the catalog and are written as CSS strings (``json.dumps``), never as markup.
"""

from __future__ import annotations

import json
import math

import streamlit as st

from geo import config
from geo.text import numbers
from ui.i18n import current_language, t

LAYOUT_CSS = """
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; padding-bottom: 2rem; }
[data-testid="stSidebarContent"] [data-testid="stSidebarHeader"] { height: 2rem; }
"""

WORDS_CSS = """
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
[data-testid="stFileUploaderDropzone"] button p { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button p::after { content: %(upload)s; font-size: 0.875rem; }
[data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > span { font-size: 0; }
[data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > span::after { content: %(drop)s; font-size: 1rem; }
[role="option"][data-key="__select_all__"] [data-item-hl],
[role="option"][data-key="__select_matches__"] [data-item-hl] { font-size: 0; }
[role="option"][data-key="__select_all__"] [data-item-hl]::after { content: %(select_all)s; font-size: 0.875rem; }
[role="option"][data-key="__select_matches__"] [data-item-hl]::after {
  content: %(select_matches)s; font-size: 0.875rem; }
[role="listbox"] > [role="option"]:not([data-key]) > span { font-size: 0; }
[role="listbox"] > [role="option"]:not([data-key]) > span::after { content: %(no_results)s; font-size: 0.875rem; }
[data-testid="InputInstructions"] { display: none; }
"""


def css() -> str:
    """The page's CSS, Streamlit's own words replaced by the catalog's in the current language."""
    words = {k: json.dumps(t(key)) for k, key in (("upload", "upload.button"), ("drop", "upload.drop"),
                                                   ("select_all", "select_all"), ("select_matches", "select_matches"),
                                                   ("no_results", "no_results"))}
    return "<style>" + LAYOUT_CSS + WORDS_CSS % words + "</style>"


def upload_caption() -> str:
    """The line under a file uploader: how to give a file and the largest one the importer takes."""
    mb = config.get("SINERGI_MAX_IMPORT_MB")
    return t("imp.file_limit", mb=numbers.number(mb, 0 if mb == math.floor(mb) else 1, current_language()))


def apply() -> None:
    st.html(css())  # style only: no room taken on the page; and no Markdown to parse (see ui/lazy_expander.py)
