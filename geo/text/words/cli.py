"""The words of the command line (``python -m geo``) that follow ``--lang``: the import summary and its row lines.

Administrators' messages that are English only (backups, passwords, user management) stay in
``geo/__main__.py``. Keys start with ``cli.``.
"""

from __future__ import annotations

WORDS = {
    "cli.add": {"id": "ditambah", "en": "added"},
    "cli.update": {"id": "diperbarui", "en": "updated"},
    "cli.unchanged": {"id": "tidak berubah", "en": "unchanged"},
    "cli.reject": {"id": "ditolak", "en": "rejected"},
    "cli.row": {"id": "baris", "en": "row"},
    "cli.dry": {"id": "uji coba: tidak ada yang disimpan", "en": "dry run: nothing was saved"},
    "cli.done": {"id": "tersimpan", "en": "saved"},
    "cli.summary": {"id": "Ringkasan", "en": "Summary"},
    "cli.import_failed": {
        "id": "Impor gagal, tidak ada yang disimpan: {reason}",
        "en": "Import failed, nothing was saved: {reason}"},
    "cli.ignored": {"id": "Kolom diabaikan: {columns}", "en": "Columns ignored: {columns}"},
}
