"""Reading an office file (CSV or XLSX) into a ``Table``: encodings, separators, size and zip-bomb limits."""

from __future__ import annotations

import csv
import io
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


def _read_xlsx(data: bytes) -> tuple[list[str], list[dict]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            # The declared sizes are checked before anything is inflated; zipfile then never inflates a
            # part beyond its declared size, so a lying header cannot get past this either.
            expanded = sum(i.file_size for i in zf.infolist())
            if expanded > max(MAX_XLSX_EXPANSION * len(data), 10 * 2 ** 20) or expanded > 4 * max_import_bytes():
                raise UserError("file.zip_bomb", size=f"{expanded / 2 ** 20:.0f}")
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except UserError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise UserError("file.unreadable", reason=type(exc).__name__) from exc
    headers: list[str] | None = None
    rows = []
    try:
        if not wb.worksheets:
            raise UserError("file.empty")
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # some writers store a wrong sheet size; read every row that is there
        for values in ws.iter_rows(values_only=True):
            if headers is None:
                if values and any(v not in (None, "") for v in values):
                    headers = _unique_headers([str(v).strip() if v is not None else "" for v in values])
                continue
            if any(v not in (None, "") for v in values):
                if any(isinstance(v, str) and len(v) > MAX_CELL_CHARS for v in values):
                    raise UserError("file.cell_too_long", n=MAX_CELL_CHARS)
                rows.append(dict(zip(headers, values)))
    except UserError:
        raise
    except Exception as exc:  # a sheet broken further in than openpyxl looks when opening
        raise UserError("file.unreadable", reason=type(exc).__name__) from exc
    finally:
        wb.close()
    return headers or [], rows


