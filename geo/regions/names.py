"""Normalising Indonesian region names for comparison and look-up.

Two spellings of a name compare equal when they differ only in case, accents, punctuation, spacing or the
leading abbreviations Kab./Kota Adm./Prov. and Kep.; ``names_agree`` also forgives small typos (rapidfuzz
ratio 90 and above). The resolver's fuller rules (aliases, old spellings) are ``geo.regions.resolver``'s.

    >>> from geo.regions import names
    >>> names.normalize_name("  KOTA   Bandung ")
    'kota bandung'
    >>> names.names_agree("Kab. Kep. Aru", "Kabupaten Kepulauan Aru")
    True
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'’`´‘"


def normalize_name(name: str) -> str:
    """Lower-case, accents and punctuation removed, spaces collapsed.

    Apostrophes vanish (``Ma'u`` → ``mau``) and hyphens become spaces
    (``Grong-Grong`` → ``grong grong``), so spellings that differ only there
    compare equal.

    >>> normalize_name("Ma'u"), normalize_name("Grong-Grong"), normalize_name("Pidië")
    ('mau', 'grong grong', 'pidie')
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
    """``normalize_name`` with common abbreviations spelt out (Kab → Kabupaten, Kep. → Kepulauan).

    >>> comparable_name("Kab. Kep. Aru"), comparable_name("Kota Adm. Jakarta Pusat")
    ('kabupaten kepulauan aru', 'kota administrasi jakarta pusat')
    """
    text = normalize_name(name)
    for short, long in _LEADING_ABBREVIATIONS:
        if text.startswith(short):
            text = long + text[len(short):]
            break
    return re.sub(r"\bkep\b", "kepulauan", text)


def names_agree(a: str, b: str, threshold: float = 90.0) -> bool:
    """True when two spellings plausibly name the same region (abbreviations, typos).

    >>> names_agree("Kab. Bandung", "Kabupaten Bandug"), names_agree("Kota Bandung", "Kota Bogor")
    (True, False)
    """
    from rapidfuzz import fuzz

    ca, cb = comparable_name(a), comparable_name(b)
    return ca == cb or fuzz.ratio(ca, cb) >= threshold
