"""Reader for the upstream cahyadsn SQL dumps (``INSERT ... VALUES (...), (...);``).

The dumps are MySQL text. We do not run them through a database: we read the
value tuples with a small tokenizer that understands quoted strings (with
``\\'`` and ``''`` escapes), numbers and NULL, and ignore everything else
(comments, DDL, DELETE statements).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", "'": "'", '"': '"'}


def _strip_comments(text: str) -> str:
    """Remove /* ... */ blocks and ``--`` line comments outside string literals."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "'":
            j = i + 1
            while j < n:
                if text[j] == "\\":
                    j += 2
                    continue
                if text[j] == "'":
                    if j + 1 < n and text[j + 1] == "'":
                        j += 2
                        continue
                    break
                j += 1
            out.append(text[i : j + 1])
            i = j + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif text.startswith("--", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        else:
            j = i
            while j < n and text[j] not in "'/-":
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
    i += 1
    values: list = []
    n = len(text)
    while i < n:
        c = text[i]
        if c in " \t\r\n,":
            i += 1
        elif c == ")":
            return values, i + 1
        elif c == "'":
            buf: list[str] = []
            i += 1
            while i < n:
                ch = text[i]
                if ch == "\\" and i + 1 < n:
                    buf.append(_ESCAPES.get(text[i + 1], text[i + 1]))
                    i += 2
                elif ch == "'":
                    if i + 1 < n and text[i + 1] == "'":
                        buf.append("'")
                        i += 2
                    else:
                        i += 1
                        break
                else:
                    buf.append(ch)
                    i += 1
            else:
                raise ValueError("unterminated string literal")
            values.append("".join(buf))
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
    raise ValueError("unterminated value tuple")


def iter_insert_rows(path: str | Path) -> Iterator[tuple[list[str], list]]:
    """Yield ``(columns, values)`` for every row of every INSERT in a dump."""
    text = _strip_comments(Path(path).read_text(encoding="utf-8"))
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
        i = values_kw + len("VALUES")
        n = len(text)
        while i < n:
            c = text[i]
            if c in " \t\r\n,":
                i += 1
            elif c == "(":
                row, i = _parse_tuple(text, i)
                yield columns, row
            else:  # ';' or the start of the next statement
                break
        pos = i
