"""The words of the downloadable XLSX import templates (``geo.importer.templates``).

The column headers of a template are not here: they must be the headers the importer recognises
(``geo.importer.columns``), so they stay next to it. Keys start with ``importer.``.
"""

from __future__ import annotations

WORDS = {
    "importer.lists_sheet": {"id": "Daftar", "en": "Lists"},
}
