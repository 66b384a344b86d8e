"""Places below regencies: a village (desa/kelurahan) or district (kecamatan) named inside a stated region.

A visit stop names its regency (or district) and, often, a place there: "Desa Sukamaju", "Kel. Cigadung",
"Kec. Cibeunying Kaler", or a place that is no region at all ("Kawasan Industri Y", "Balai Kota").

Rules (``find_place``):

* the place is looked for **only among the districts and villages inside the stated region** (a regency/city or
  a district; ``data/gazetteer.csv``, Kemendagri), never across the country and never approximately: thousands of
  villages share a name ("Sukamaju", "Tanjung") and a near-namesake is another village;
* names compare after ``geo.regions.names.normalize_name`` (case, accents, punctuation) and with the kind word
  people write first removed: "Desa", "Ds.", "Kelurahan", "Kel." (then only villages are looked at),
  "Kecamatan", "Kec." (then only districts); without one, districts and villages are both looked at;
* one match is ``exact``; several are ``ambiguous`` with every match as a candidate (never a guess); none is
  ``none``, and ``written_as_region`` says whether the name carried a kind word (a named village or district
  that is not there, worth a warning) or not (a place that is no region: kept as written);
* a stated region that is a province, or a village, is too wide or too narrow to look in: ``none``.

Source: the codes and names in ``data/gazetteer.csv`` (Kemendagri), through ``geo.regions.lookup``.

    >>> from geo.regions import places
    >>> places.find_place("Kel. Cigadung", "32.73").code
    '32.73.18.1004'
    >>> places.find_place("Cigadung", "32.04").status  # no village of that name in Kabupaten Bandung
    'none'
    >>> places.find_place("Balai Kota", "32.73").written_as_region
    False
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from geo.regions import lookup
from geo.regions.names import normalize_name

# The kind words written before a village or district name (normalised), and the level they mean.
PLACE_PREFIXES = (("kelurahan", "village"), ("kel", "village"), ("desa", "village"), ("ds", "village"),
                  ("kecamatan", "district"), ("kec", "district"))


@dataclass(frozen=True)
class Place:
    """What ``find_place`` found: ``status`` exact, ambiguous or none; ``candidates`` are (code, name)."""

    query: str
    status: str
    code: str | None = None
    candidates: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    written_as_region: bool = False


def split_place(text: str) -> tuple[str | None, str]:
    """(level, name) of a place as written: the level its kind word says (None without one), the name normalised.

    >>> split_place("Desa Suka Maju"), split_place("Kec. Coblong"), split_place("Balai Kota")
    (('village', 'suka maju'), ('district', 'coblong'), (None, 'balai kota'))
    """
    norm = normalize_name(text)
    for prefix, level in PLACE_PREFIXES:
        if norm.startswith(prefix + " "):
            return level, norm[len(prefix) + 1:]
    return None, norm


@lru_cache(maxsize=256)
def _index(area: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """(level, normalised name) → codes of the districts and villages inside ``area``."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    todo = [area]
    while todo:
        for child in lookup.children(todo.pop()):
            if child.level in ("district", "village"):
                out[(child.level, normalize_name(child.name))].append(child.code)
                todo.append(child.code)
    return {k: tuple(v) for k, v in out.items()}


def find_place(text: str, within: str) -> Place:
    """The district or village ``text`` names inside region ``within`` (module rules)."""
    level, name = split_place(str(text or ""))
    written_as_region = level is not None
    if not name or not lookup.exists(within) or lookup.level_of(within) not in ("regency", "district"):
        return Place(str(text), "none", written_as_region=written_as_region)
    index = _index(within)
    levels = (level,) if level else ("district", "village")
    codes = sorted(c for lv in levels for c in index.get((lv, name), ()))
    candidates = tuple((c, lookup.get(c).name) for c in codes)
    if len(codes) == 1:
        return Place(str(text), "exact", codes[0], candidates, written_as_region)
    return Place(str(text), "ambiguous" if codes else "none", None, candidates, written_as_region)
