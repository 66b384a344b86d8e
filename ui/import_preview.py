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
from ui.safe_text import md


def preview_table(plan, lang: str) -> pd.DataFrame:
    preview = changes.preview_frame(plan, lang)
    preview["action"] = preview["action"].map(lambda a: t(f"act.{a}"))
    return preview.rename(columns={c: t(f"col.{c}") for c in preview.columns})


def row_notes(plan, lang: str, limit: int = 100) -> list[str]:
    """The rows someone should read in full — rejected (why) or with warnings — as one line each, in the file's
    order: "Baris 4 — Peringatan: …" (a table cell cuts long text). At most ``limit`` lines, then how many more.
    Markdown-escaped: the text quotes the file."""
    lines = []
    for r in plan.rows:
        parts = []
        if r.errors:
            parts.append(f"{t('col.reasons')}: {r.reasons(lang)}")
        if r.warnings:
            parts.append(f"{t('col.warnings')}: {r.warning_text(lang)}")
        if parts:
            lines.append(md(f"{t('col.row')} {r.number} — " + " · ".join(parts)))
    if len(lines) > limit:
        lines = lines[:limit] + [t("imp.more_rows", n=len(lines) - limit)]
    return lines


def file_key(kind: str, content: bytes) -> str:
    """What identifies an uploaded file for "already saved": its kind and the SHA-256 of its bytes (a file edited
    and uploaded again is another file; the same bytes under another name are the same file)."""
    return f"{kind}:{hashlib.sha256(content).hexdigest()}"


def rejected_xlsx(plan, lang: str) -> bytes:
    headers, rows = changes.rejected_table(plan, lang)
    return exports.to_xlsx_bytes(pd.DataFrame(rows, columns=headers))
