"""The words of evidence (``geo.evidence``): a photo's line of place, date and credit, and the photo sections of
the region brief and the deck. Keys start with ``evidence.``.
"""

from __future__ import annotations

WORDS = {
    "evidence.credit": {"id": "Foto: {credit}", "en": "Photo: {credit}"},
    "evidence.brief.title": {"id": "Foto kegiatan", "en": "Photos"},
    "evidence.deck.title": {"id": "Foto kegiatan: {region}", "en": "Photos: {region}"},
    "evidence.gallery.title": {"id": "Contoh kerja sama yang berhasil", "en": "Examples of cooperation that worked"},
    "evidence.kind.photo": {"id": "foto", "en": "photo"},
    "evidence.kind.document": {"id": "dokumen", "en": "document"},
}
