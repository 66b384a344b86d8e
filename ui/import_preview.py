"""The import's dry run as the Data page shows it (``geo.importer.changes``): one row per file row with what would
happen (add, update, unchanged, reject, in the page's language), the record's key, the reasons for a
rejection, the warnings and what each cell was read as ("Dibaca sebagai": built by the engine,
``geo.importer.readings``; the page only shows it, as plain cells of a table, never as HTML); and the rejected
rows as an XLSX file, as they were in the file plus a reason column, to fix and import again."""

from __future__ import annotations

import hashlib

import pandas as pd

from geo.importer import changes
from geo.records import exports
from ui.i18n import t


def preview_table(plan, lang: str) -> pd.DataFrame:
    preview = changes.preview_frame(plan, lang)
    preview["action"] = preview["action"].map(lambda a: t(f"act.{a}"))
    return preview.rename(columns={c: t(f"col.{c}") for c in preview.columns})


def file_key(kind: str, content: bytes) -> str:
    """What identifies an uploaded file for "already saved": its kind and the SHA-256 of its bytes (a file edited
    and uploaded again is another file; the same bytes under another name are the same file)."""
    return f"{kind}:{hashlib.sha256(content).hexdigest()}"


def rejected_xlsx(plan, lang: str) -> bytes:
    headers, rows = changes.rejected_table(plan, lang)
    return exports.to_xlsx_bytes(pd.DataFrame(rows, columns=headers))
