"""Tables as CSV and XLSX downloads, safe to open in a spreadsheet.

A cell that a spreadsheet would run as a formula (text starting with ``=``,
``+``, ``-``, ``@``, or a tab or carriage return) gets a leading apostrophe,
so it shows as text. Real numbers stay numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out.columns = [neutralise(str(c)) for c in out.columns]
    for i in range(out.shape[1]):  # by position: headers may repeat
        col = out.iloc[:, i]
        if col.dtype == object or pd.api.types.is_string_dtype(col):
            out.isetitem(i, col.map(neutralise))
    return out


def to_csv_bytes(df: pd.DataFrame, *, delimiter: str = ";") -> bytes:
    """CSV as Indonesian spreadsheets open it by default: semicolons, UTF-8 with BOM."""
    buf = io.StringIO()
    safe_frame(df).to_csv(buf, index=False, sep=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx_bytes(df: pd.DataFrame, *, sheet: str = "Data") -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    frame = safe_frame(df)
    ws.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        ws.append([_cell(v) for v in row])
    for i, col in enumerate(frame.columns, start=1):
        width = max([len(str(col))] + [len(str(v)) for v in frame.iloc[:, i - 1].head(200)]) + 2
        ws.column_dimensions[get_column_letter(i)].width = min(width, 60)
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell(v):
    if v is None or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    if isinstance(v, (list, tuple)):
        return "; ".join(str(x) for x in v)
    if isinstance(v, (str, int, float, bool, dt.date, dt.datetime)):
        return v
    return str(v)
