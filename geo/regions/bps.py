"""Region codes written as bare numbers: BPS codes, and Kemendagri codes without their dots.

Offices write BPS (statistics office) codes as well as Kemendagri codes. BPS codes are plain digits: ``32`` a
province, ``3273`` a regency or city, ``3273010`` a district; some mean another region than the Kemendagri code
with the same digits (BPS ``1101`` is Simeulue, Kemendagri ``11.09``; BPS ``94`` is Papua, Kemendagri ``91``).

Rules:

* a BPS code means the Kemendagri region today that ``data/bps_crosswalk.csv`` gives it (built by
  ``geo.build.bps_crosswalk``; a BPS code the crosswalk leaves unmatched means nothing);
* a bare number read as Kemendagri is the code with its dots put back (``3273`` → ``32.73``, ``327301`` →
  ``32.73.01``), when that region exists; a code written with dots (``32.73``) is always Kemendagri and is not
  read here;
* without a system (``system=None``), a number whose two readings name the same region is that region; one
  that names two regions is ``ambiguous`` with both as candidates (``resolve_number``), unless a province hint
  keeps exactly one; a caller that knows the system (a column headed "Kode BPS") says so with
  ``system="bps"`` or ``"kemendagri"``, and only that reading counts.

Source: ``data/bps_crosswalk.csv``, derived from BPS data (© Badan Pusat Statistik, ODbL 1.0; see
``data/SOURCE-bps.md``).

    >>> from geo.regions import bps
    >>> bps.to_kemendagri("1101"), bps.to_kemendagri("94")
    ('11.09', '91')
    >>> bps.resolve("1101").status, bps.resolve("1101", system="bps").code
    ('ambiguous', '11.09')
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from geo.regions import lookup

if TYPE_CHECKING:
    from geo.regions.resolver import Resolution

SYSTEMS = ("bps", "kemendagri")
BPS_DIGITS = (2, 4, 7)  # province, regency, district
KEMENDAGRI_DIGITS = (2, 4, 6, 10)  # the same levels and villages, without dots
BARE_NUMBER = re.compile(r"[0-9]+")


@lru_cache(maxsize=None)
def _crosswalk(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as fh:
        return {r["bps_code"]: r["kemendagri_code"] for r in csv.DictReader(fh) if r["kemendagri_code"]}


def _crosswalk_of(store: lookup.RegionStore) -> dict[str, str]:
    path = store.data_dir / "bps_crosswalk.csv"
    return _crosswalk(path if path.exists() else lookup.DATA_DIR / "bps_crosswalk.csv")


def to_kemendagri(code: str, store: lookup.RegionStore | None = None) -> str | None:
    """The Kemendagri code today of a BPS code, or None when the crosswalk has no match for it."""
    return _crosswalk_of(store or lookup.default_store()).get(str(code).strip())


def with_dots(digits: str) -> str | None:
    """A Kemendagri code written without dots, with them put back (None for a length no code has).

    >>> with_dots("3273"), with_dots("327301"), with_dots("3273011001"), with_dots("3273010")
    ('32.73', '32.73.01', '32.73.01.1001', None)
    """
    if not BARE_NUMBER.fullmatch(digits) or len(digits) not in KEMENDAGRI_DIGITS:
        return None
    parts = [digits[:2], digits[2:4], digits[4:6], digits[6:]]
    return ".".join(p for p in parts if p)


def readings(digits: str, system: str | None = None, store: lookup.RegionStore | None = None) -> dict[str, str]:
    """The region each system reads a bare number as: {"bps": code, "kemendagri": code}, those that exist."""
    if system not in (None, *SYSTEMS):
        raise ValueError(f"unknown code system {system!r}")
    store = store or lookup.default_store()
    digits = str(digits).strip()
    out = {}
    if system in (None, "bps") and len(digits) in BPS_DIGITS and (code := to_kemendagri(digits, store)):
        out["bps"] = code
    if system in (None, "kemendagri") and (code := with_dots(digits)) and store.exists(code):
        out["kemendagri"] = code
    return out


def resolve_number(store: lookup.RegionStore, query: str, digits: str, system: str | None = None,
                   province: str | None = None, level: str | None = None) -> Resolution:
    """The resolver's answer for a bare number (module rules); ``query`` is what was written."""
    from geo.regions.resolver import Candidate, Resolution  # the resolver imports this module: imported late

    codes = sorted({c for c in readings(digits, system, store).values()
                    if level is None or lookup.level_of(c) == level})
    if len(codes) > 1 and province:
        hint = store.resolve(province, level="province")
        inside = [c for c in codes if hint.status in ("exact", "fuzzy") and lookup.is_within(c, hint.code)]
        codes = inside if len(inside) == 1 else codes
    candidates = tuple(Candidate(c, store.get(c).name, lookup.level_of(c), 100.0) for c in codes)
    if len(codes) == 1:
        return Resolution(query, "exact", codes[0], candidates)
    return Resolution(query, "ambiguous" if codes else "unknown", None, candidates)


def resolve(text: str, system: str | None = None, province: str | None = None,
            level: str | None = None) -> Resolution:
    """``lookup.resolve``, with bare numbers read in ``system`` ("bps", "kemendagri" or None for either)."""
    raw = "" if text is None else str(text).strip()
    store = lookup.default_store()
    if BARE_NUMBER.fullmatch(raw):
        return resolve_number(store, str(text), raw, system=system, province=province, level=level)
    return store.resolve(text, province=province, level=level)
