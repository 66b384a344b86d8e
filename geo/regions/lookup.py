"""Indonesia's administrative regions: look-up, hierarchy, neighbours, and the level rules.

Everything reads the committed files in ``data/`` (see ``geo.build.region_files``). Region codes are
Kemendagri codes (``32`` a province, ``32.73`` a regency or city, ``32.73.02`` a district, ``32.73.02.1001``
a village): a code's length says its level, and a code lies inside every code it starts with (plus ``.``).
Turning names people write into codes is ``geo.regions.resolver``; ``resolve`` here is its entry point.

    >>> from geo.regions import lookup
    >>> lookup.get("32.73").name
    'Kota Bandung'
    >>> [r.code for r in lookup.ancestors("32.73.02")]
    ['32', '32.73']
    >>> lookup.level_of("32.73.02")
    'district'
    >>> lookup.resolve("Kab. Bandung").code
    '32.04'
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from geo import config

if TYPE_CHECKING:
    from geo.regions.resolver import NameResolver, Resolution

DATA_DIR = config.REGION_DATA_DIR
# Every level of the Kemendagri code, from the top down, and the length of a code at each.
LEVELS = ("province", "regency", "district", "village")
CODE_LENGTH = {"province": 2, "regency": 5, "district": 8, "village": 13}
_LEVEL_OF_LENGTH = {n: level for level, n in CODE_LENGTH.items()}
# Levels with boundaries in data/: the levels maps are drawn and metrics counted at.
MAP_LEVELS = ("province", "regency", "district")
# Levels with a regional government of their own (pemerintah daerah): the levels of the parties to
# agreements, and so of impact panels, region briefs and partner gaps.
GOVERNMENT_LEVELS = ("province", "regency")
# The level a map of one region shows its sub-regions at.
CHILD_LEVEL = {"province": "regency", "regency": "district"}
KEMENDAGRI_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str
    parent_code: str | None
    population: int | None = None
    area_km2: float | None = None
    boundary_area_km2: float | None = None
    label_lon: float | None = None
    label_lat: float | None = None

    @property
    def kind(self) -> str:
        """provinsi, kabupaten, kota, kecamatan or desa (desa/kelurahan)."""
        if self.level == "regency":
            return "kota" if self.name.startswith("Kota") else "kabupaten"
        return {"province": "provinsi", "district": "kecamatan", "village": "desa"}[self.level]


def level_of(code: str) -> str:
    """The level a Kemendagri code names, by its length; a malformed code is an error.

    >>> level_of("32"), level_of("32.73"), level_of("32.73.02.1001")
    ('province', 'regency', 'village')
    """
    if not KEMENDAGRI_CODE.match(code):
        raise ValueError(f"not a Kemendagri code: {code!r}")
    return _LEVEL_OF_LENGTH[len(code)]


def is_within(code: str, area: str) -> bool:
    """True when region ``code`` is ``area`` itself or lies inside it (by code: ``32.73`` is inside ``32``).

    >>> is_within("32.73.02", "32"), is_within("32", "32"), is_within("32.73", "32.7"), is_within("33.01", "32")
    (True, True, False, False)
    """
    return code == area or code.startswith(area + ".")


class RegionStore:
    """All regions from ``data/``; use the module-level functions for the default store."""

    def __init__(self, data_dir: Path = DATA_DIR):
        self.data_dir = data_dir
        self._regions: dict[str, Region] = {}
        with (data_dir / "regions.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                self._regions[row["code"]] = Region(
                    code=row["code"], name=row["name"], level=row["level"],
                    parent_code=row["parent_code"] or None,
                    population=int(row["population"]) if row["population"] else None,
                    area_km2=float(row["area_km2"]) if row["area_km2"] else None,
                    boundary_area_km2=float(row["boundary_area_km2"]) if row["boundary_area_km2"] else None,
                    label_lon=float(row["label_lon"]) if row["label_lon"] else None,
                    label_lat=float(row["label_lat"]) if row["label_lat"] else None,
                )
        with (data_dir / "gazetteer.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                code = row["code"]
                if code not in self._regions:
                    self._regions[code] = Region(code=code, name=row["name"], level=level_of(code),
                                                 parent_code=code.rsplit(".", 1)[0])
        self._children: dict[str | None, list[str]] = defaultdict(list)
        for code in sorted(self._regions):
            self._children[self._regions[code].parent_code].append(code)
        self._neighbors: dict[str, dict[str, float]] = defaultdict(dict)
        with (data_dir / "neighbors.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                km = float(row["shared_border_km"])
                self._neighbors[row["code_a"]][row["code_b"]] = km
                self._neighbors[row["code_b"]][row["code_a"]] = km
        self._resolver: NameResolver | None = None

    # -- look-up and hierarchy
    def get(self, code: str) -> Region:
        try:
            return self._regions[code]
        except KeyError:
            raise KeyError(f"unknown region code {code!r}") from None

    def exists(self, code: str) -> bool:
        return code in self._regions

    def all(self, level: str | None = None) -> list[Region]:
        """Regions in code order (of one level, or all); sorted once per level, then reused."""
        cache = self.__dict__.setdefault("_all_cache", {})
        if level not in cache:
            cache[level] = [r for c, r in sorted(self._regions.items()) if level is None or r.level == level]
        return list(cache[level])

    def parent(self, code: str) -> Region | None:
        p = self.get(code).parent_code
        return self._regions[p] if p else None

    def children(self, code: str | None) -> list[Region]:
        """Direct children; ``children(None)`` gives the provinces."""
        return [self._regions[c] for c in self._children.get(code, [])]

    def ancestors(self, code: str) -> list[Region]:
        """From the province down to the direct parent."""
        out = []
        r = self.parent(code)
        while r is not None:
            out.append(r)
            r = self.parent(r.code)
        return out[::-1]

    def neighbors(self, code: str) -> list[Region]:
        """Land neighbours of the same level (sharing a border), by code."""
        self.get(code)
        return [self._regions[c] for c in sorted(self._neighbors.get(code, {}))]

    def shared_border_km(self, a: str, b: str) -> float:
        return self._neighbors.get(a, {}).get(b, 0.0)

    def resolve(self, name: str, province: str | None = None, level: str | None = None) -> Resolution:
        """The code a written name means, with ``geo.regions.resolver``'s rules (its index built on first use)."""
        if self._resolver is None:
            from geo.regions.resolver import NameResolver  # the resolver reads this module: imported late

            self._resolver = NameResolver(self)
        return self._resolver.resolve(name, province=province, level=level)


@lru_cache(maxsize=None)
def default_store() -> RegionStore:
    return RegionStore()


def get(code: str) -> Region:
    return default_store().get(code)


def exists(code: str) -> bool:
    return default_store().exists(code)


def all_regions(level: str | None = None) -> list[Region]:
    return default_store().all(level)


def parent(code: str) -> Region | None:
    return default_store().parent(code)


def children(code: str | None) -> list[Region]:
    return default_store().children(code)


def ancestors(code: str) -> list[Region]:
    return default_store().ancestors(code)


def neighbors(code: str) -> list[Region]:
    return default_store().neighbors(code)


def resolve(name: str, province: str | None = None, level: str | None = None) -> Resolution:
    return default_store().resolve(name, province=province, level=level)
