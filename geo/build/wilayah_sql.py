"""Reader for the upstream cahyadsn SQL dumps (``INSERT ... VALUES (...), (...);``).

The dumps are MySQL text. We do not run them through a database: we read the
value tuples with a small tokenizer that understands quoted strings (single or,
as the 2016 archive writes them, double quotes, with backslash escapes and the
quote doubled), numbers and NULL, and ignore everything else (comments, DDL,
DELETE statements).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", "'": "'", '"': '"'}


def _string_end(text: str, i: int) -> int | None:
    """Index just past the string literal opening at ``text[i]``, ``'`` or ``"`` (None if it never closes).

    ``\\x`` escapes the next character and the quote doubled (``''``) is a quote inside the literal, as MySQL
    writes them."""
    quote = text[i]
    j, n = i + 1, len(text)
    while j < n:
        if text[j] == "\\":
            j += 2
        elif text[j] == quote and j + 1 < n and text[j + 1] == quote:
            j += 2
        elif text[j] == quote:
            return j + 1
        else:
            j += 1
    return None


def _string_value(literal: str) -> str:
    """The text of a whole literal (quotes included), its escapes undone."""
    quote = literal[0]
    return re.sub(r"\\(.)|" + quote * 2, lambda m: quote if m[1] is None else _ESCAPES.get(m[1], m[1]),
                  literal[1:-1], flags=re.DOTALL)


def _skip_separators(text: str, i: int) -> int:
    """The first index from ``i`` on that is not white space or a comma."""
    while i < len(text) and text[i] in " \t\r\n,":
        i += 1
    return i


def _strip_comments(text: str) -> str:
    """Remove /* ... */ blocks and ``--`` line comments outside string literals."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"":
            end = _string_end(text, i) or n
            out.append(text[i:end])
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif text.startswith("--", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        else:
            j = i
            while j < n and text[j] not in "'\"/-":
                j += 1
            if j == i:
                out.append(c)
                j = i + 1
            else:
                out.append(text[i:j])
            i = j
    return "".join(out)


def _parse_tuple(text: str, i: int) -> tuple[list, int]:
    """Parse one ``( v1, v2, ... )`` starting at ``text[i] == '('``."""
    assert text[i] == "("
    values: list = []
    n = len(text)
    i = _skip_separators(text, i + 1)
    while i < n:
        c = text[i]
        if c == ")":
            return values, i + 1
        if c in "'\"":
            end = _string_end(text, i)
            if end is None:
                raise ValueError("unterminated string literal")
            values.append(_string_value(text[i:end]))
            i = end
        else:
            j = i
            while j < n and text[j] not in ",)":
                j += 1
            token = text[i:j].strip()
            if token.upper() == "NULL":
                values.append(None)
            else:
                try:
                    values.append(float(token) if any(ch in token for ch in ".eE") else int(token))
                except ValueError as exc:
                    raise ValueError(f"bad SQL literal {token!r}") from exc
            i = j
        i = _skip_separators(text, i)
    raise ValueError("unterminated value tuple")


def iter_insert_rows(path: str | Path) -> Iterator[tuple[list[str], list]]:
    """Yield ``(columns, values)`` for every row of every INSERT in a dump (gzip-compressed when named ``.gz``)."""
    path = Path(path)
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text reads line ends
    text = _strip_comments(text)
    upper = text.upper()
    pos = 0
    while True:
        k = upper.find("INSERT INTO", pos)
        if k < 0:
            return
        open_cols = text.find("(", k)
        close_cols = text.find(")", open_cols)
        values_kw = upper.find("VALUES", close_cols)
        columns = [c.strip().strip("`\"") for c in text[open_cols + 1 : close_cols].split(",")]
        i = _skip_separators(text, values_kw + len("VALUES"))
        while i < len(text) and text[i] == "(":
            row, i = _parse_tuple(text, i)
            yield columns, row
            i = _skip_separators(text, i)
        pos = i  # at ';' or the start of the next statement
