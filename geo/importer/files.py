"""Reading an office file (CSV or XLSX) into a ``Table``: encodings, separators, size and zip-bomb limits.

XLSX is read with python-calamine (openpyxl only for workbooks with error cells); openpyxl still writes
templates and exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from geo import config
from geo.text.messages import UserError

KINDS = ("visits", "agreements")
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell
MAX_XLSX_EXPANSION = 100  # a workbook's parts may expand to at most this many times the file's size


def max_import_bytes() -> int:
    """The largest file accepted: ``SINERGI_MAX_IMPORT_MB`` megabytes (default 50)."""
    return int(config.get("SINERGI_MAX_IMPORT_MB") * 2 ** 20)


def _too_big(size: int) -> UserError:
    return UserError("file.too_big", size=f"{size / 2 ** 20:.1f}", limit=f"{max_import_bytes() / 2 ** 20:g}")

# ---------------------------------------------------------------------- reading

@dataclass
class Table:
    """Rows of a file with their original headers; ``fields`` maps header → field name."""

    headers: list[str]
    rows: list[dict]  # header -> cell value
    fields: dict[str, str] = field(default_factory=dict)
    unknown_headers: list[str] = field(default_factory=list)


def read_table(source: str | Path | bytes, filename: str | None = None) -> Table:
    """Read a CSV (comma, semicolon or tab; UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252)
    or XLSX file. Files over ``SINERGI_MAX_IMPORT_MB``, XLSX files that expand suspiciously (zip bombs)
    and cells longer than Excel allows are refused with a ``UserError`` before they are parsed."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.stat().st_size > max_import_bytes():
            raise _too_big(path.stat().st_size)
        data, filename = path.read_bytes(), filename or path.name
    else:
        data = source
    if len(data) > max_import_bytes():
        raise _too_big(len(data))
    name = (filename or "").lower()
    if name.endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        headers, rows = _read_xlsx(data)
    else:
        headers, rows = _read_csv(data)
    if not rows:
        raise UserError("file.empty")
    return Table(headers=headers, rows=rows)


def _read_csv(data: bytes) -> tuple[list[str], list[dict]]:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with a BOM: Excel's "Unicode text"
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UserError("file.unreadable", reason="UTF-16") from exc
        if "\x00" in text:
            raise UserError("file.unreadable", reason="binary")
    else:
        if b"\x00" in data:
            raise UserError("file.unreadable", reason="binary")
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # five bytes cp1252 leaves undefined: not text
            raise UserError("file.unreadable", reason="encoding")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ("\t" if first.count("\t") > first.count(",")
                                                                  else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        all_rows = [r for r in reader if any(c.strip() for c in r)]
    except csv.Error as exc:  # a cell over the csv module's limit (128 KiB), or a broken quote
        if "field larger" in str(exc):
            raise UserError("file.cell_too_long", n=MAX_CELL_CHARS) from exc
        raise UserError("file.unreadable", reason=str(exc)[:100]) from exc
    if any(len(c) > MAX_CELL_CHARS for r in all_rows for c in r):
        raise UserError("file.cell_too_long", n=MAX_CELL_CHARS)
    if not all_rows:
        return [], []
    headers = _unique_headers([h.strip() for h in all_rows[0]])
    rows = []
    for r in all_rows[1:]:
        row = dict(zip(headers, r + [""] * (len(headers) - len(r))))
        extra = [c for c in r[len(headers):] if c.strip()]
        if extra:
            row[EXTRA_CELLS] = extra
        rows.append(row)
    return headers, rows


EXTRA_CELLS = "\0extra"


def _unique_headers(headers: list[str]) -> list[str]:
    """Repeated headers get a number ("Pihak", "Pihak 2") so that no column is lost."""
    seen: dict[str, int] = {}
    out = []
    for h in headers:
        key = h.lower()
        seen[key] = seen.get(key, 0) + 1
        out.append(h if seen[key] == 1 or not h else f"{h} {seen[key]}")
    return out


# Content types of a workbook part, as openpyxl looks for them (xlsx, xlsm, xltx, xltm): a zip without one is
# no workbook (an ODS or DOCX file, say), whatever its name.
WORKBOOK_CONTENT_TYPES = (b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                          b"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
                          b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                          b"application/vnd.ms-excel.template.macroEnabled.main+xml")
ERROR_CELL = re.compile(rb"""\st\s*=\s*["']e["']""")  # <c r="B2" t="e"><v>#N/A</v></c>
EXACT_FLOAT_INT = 2 ** 53  # whole numbers below this are exact as floats


def _read_xlsx(data: bytes) -> tuple[list[str], list[dict]]:
    """Check the package before parsing (zip bomb, a workbook part at all), then read the first worksheet.

    python-calamine reads it (about 10 times faster than openpyxl, bench/bench_import.py); openpyxl only reads
    workbooks that hold error cells (#N/A, #DIV/0!), which calamine returns as empty: openpyxl keeps their
    text, so such a cell still rejects its row instead of passing as blank.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            # The declared sizes are checked before anything is inflated; zipfile then never inflates a
            # part beyond its declared size, so a lying header cannot get past this either.
            expanded = sum(i.file_size for i in zf.infolist())
            if expanded > max(MAX_XLSX_EXPANSION * len(data), 10 * 2 ** 20) or expanded > 4 * max_import_bytes():
                raise UserError("file.zip_bomb", size=f"{expanded / 2 ** 20:.0f}")
            if not any(t in zf.read("[Content_Types].xml") for t in WORKBOOK_CONTENT_TYPES):
                raise UserError("file.unreadable", reason="no workbook")
            error_cells = _has_error_cells(zf)
    except UserError:
        raise
    except Exception as exc:  # not a zip, a truncated one, no [Content_Types].xml
        raise UserError("file.unreadable", reason=type(exc).__name__) from exc
    return _read_xlsx_openpyxl(data) if error_cells else _read_xlsx_calamine(data)


def _has_error_cells(zf: zipfile.ZipFile) -> bool:
    """Whether any worksheet holds an error cell (``t="e"``); the parts are scanned in chunks, not parsed.

    A worksheet that does not end with its closing tag was cut short: calamine would read the rows before
    the cut (or none) where openpyxl refused the file, so it is refused here."""
    found = False
    for info in zf.infolist():
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        with zf.open(info) as part:
            tail = b""
            while chunk := part.read(2 ** 20):
                window = tail + chunk
                # the regular expression only where a quoted e is (fast bytes search first)
                found = found or ((b'"e"' in window or b"'e'" in window) and bool(ERROR_CELL.search(window)))
                tail = window[-16:]
        if not tail.rstrip().endswith(b"worksheet>"):
            raise UserError("file.unreadable", reason="truncated sheet")
    return found


def _table_rows(rows) -> tuple[list[str], list[dict]]:
    """Headers (the first row with a value) and the non-empty rows after them, whichever reader made them."""
    headers: list[str] | None = None
    out = []
    for values in rows:
        if headers is None:
            if values and any(v not in (None, "") for v in values):
                headers = _unique_headers([str(v).strip() if v is not None else "" for v in values])
            continue
        if any(v not in (None, "") for v in values):
            if any(isinstance(v, str) and len(v) > MAX_CELL_CHARS for v in values):
                raise UserError("file.cell_too_long", n=MAX_CELL_CHARS)
            out.append(dict(zip(headers, values)))
    return headers or [], out


def _calamine_cell(v):
    """A calamine value as openpyxl (``data_only=True``) gave it: a whole number as int (12, not 12.0), a
    date as a datetime at midnight, an empty cell (or a formula without a cached value) as None."""
    kind = type(v)
    if kind is str:
        return v or None
    if kind is float:
        return int(v) if v.is_integer() and -EXACT_FLOAT_INT < v < EXACT_FLOAT_INT else v
    if kind is dt.date:
        return dt.datetime(v.year, v.month, v.day)
    return v  # int, bool, datetime, time, timedelta as they are


def _read_xlsx_calamine(data: bytes) -> tuple[list[str], list[dict]]:
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own errors (and others) for broken files
        raise UserError("file.unreadable", reason=type(exc).__name__) from exc
    try:
        # the first worksheet, as openpyxl's wb.worksheets[0]: hidden ones count, chart sheets do not
        index = next((i for i, m in enumerate(wb.sheets_metadata) if m.typ == SheetTypeEnum.WorkSheet), None)
        if index is None:
            raise UserError("file.empty")
        sheet = wb.get_sheet_by_index(index)
        # calamine starts each row at the first used column; openpyxl at column A
        pad = [None] * (sheet.start[1] if sheet.start else 0)

        def rows():
            for raw in sheet.iter_rows():
                values = [_calamine_cell(v) for v in raw]
                while values and values[-1] is None:  # openpyxl's rows end at their last cell
                    values.pop()
                yield pad + values if values else values

        return _table_rows(rows())
    except UserError:
        raise
    except Exception as exc:  # a sheet broken further in than the workbook's opening reads
        raise UserError("file.unreadable", reason=type(exc).__name__) from exc
    finally:
        wb.close()


def _read_xlsx_openpyxl(data: bytes) -> tuple[list[str], list[dict]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise UserError("file.unreadable", reason=type(exc).__name__) from exc
    try:
        if not wb.worksheets:
            raise UserError("file.empty")
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # some writers store a wrong sheet size; read every row that is there
        return _table_rows(ws.iter_rows(values_only=True))
    except UserError:
        raise
    except Exception as exc:  # a sheet broken further in than openpyxl looks when opening
        raise UserError("file.unreadable", reason=type(exc).__name__) from exc
    finally:
        wb.close()
