"""Normalising Indonesian region names for comparison and look-up."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'’`´‘"


def normalize_name(name: str) -> str:
    """Lower-case, accents and punctuation removed, spaces collapsed.

    Apostrophes vanish (``Ma'u`` → ``mau``) and hyphens become spaces
    (``Grong-Grong`` → ``grong grong``), so spellings that differ only there
    compare equal.
    """
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    for ch in _APOSTROPHES:
        text = text.replace(ch, "")
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()
