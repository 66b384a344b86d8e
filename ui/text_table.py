"""A table whose cells are shown exactly as written: the briefing's tables (top and bottom regions, a region's
obstacles, the itinerary with its agenda as the user typed it).

``st.table`` reads every cell as Markdown ("1. Rapat" becomes a list, ``*pasar*`` italics, ``[x](…)`` a link);
here each cell is HTML-escaped (``html.escape``, quotes too) and drawn by ``st.html``, which never reads Markdown,
with its line breaks kept (``white-space: pre-wrap``). Missing values are empty cells. The type size is the page's
(``ui.presentation`` makes it room-sized while presenting: class ``sinergi-table``).
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

CLASS = "sinergi-table"
CSS = f"""<style>
.{CLASS} {{ border-collapse: collapse; width: 100%; font-size: 0.95rem; line-height: 1.35; }}
.{CLASS} th, .{CLASS} td {{ border-bottom: 1px solid rgba(49, 51, 63, 0.15); padding: 0.3em 0.5em; text-align: left;
  vertical-align: top; white-space: pre-wrap; overflow-wrap: break-word; }}
.{CLASS} th {{ font-weight: 600; border-bottom: 2px solid rgba(49, 51, 63, 0.3); }}
</style>"""


def cell_text(value) -> str:
    """A cell as the text it shows: empty for a missing value, else ``str(value)`` unchanged."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    return str(value)


def _cell(tag: str, value) -> str:
    # line breaks as character references: the markup stays one line, whatever the text holds
    return f"<{tag}>{html.escape(cell_text(value)).replace(chr(10), '&#10;')}</{tag}>"


def markup(frame: pd.DataFrame) -> str:
    """The table's HTML: a header row and one row per row of ``frame``, every text escaped."""
    head = "".join(_cell("th", c) for c in frame.columns)
    body = "".join("<tr>" + "".join(_cell("td", v) for v in row) + "</tr>"
                   for row in frame.itertuples(index=False, name=None))
    return f'<table class="{CLASS}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def show(frame: pd.DataFrame) -> None:
    st.html(CSS + markup(frame))
