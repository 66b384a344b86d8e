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


_LEADING_ABBREVIATIONS = [("kab adm ", "kabupaten administrasi "), ("kota adm ", "kota administrasi "),
                          ("kab ", "kabupaten "), ("prov ", "provinsi ")]


def comparable_name(name: str) -> str:
    """``normalize_name`` with common abbreviations spelt out (Kab → Kabupaten, Kep. → Kepulauan)."""
    text = normalize_name(name)
    for short, long in _LEADING_ABBREVIATIONS:
        if text.startswith(short):
            text = long + text[len(short):]
            break
    return re.sub(r"\bkep\b", "kepulauan", text)


def names_agree(a: str, b: str, threshold: float = 90.0) -> bool:
    """True when two spellings plausibly name the same region (abbreviations, typos)."""
    from rapidfuzz import fuzz

    ca, cb = comparable_name(a), comparable_name(b)
    return ca == cb or fuzz.ratio(ca, cb) >= threshold
