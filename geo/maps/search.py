"""The map's search box: a region's name as people write it → where the map goes and what it outlines.

Rules:

* the text is read by ``geo.regions.resolver`` (any spelling it accepts: "Kab. Bandung", "Jabar", "Solo",
  "3273", old names); a name that matches no province or regency is then tried among districts, so "Coblong"
  finds the district without "Kec."; a village means its district;
* several matches: ``status == "choose"`` with the candidates (never a guess); none: ``"not_found"``; an empty
  text: ``"empty"``;
* the map keeps its level where it can (``place``): on the national province map a regency or district drills
  into its province (as a click does) and outlines the regency; a region deeper than the map's level outlines the
  region of the map's level that holds it (a district on a regency map: its regency); a region coarser than the
  map's level (a province on the district map) is outlined as it is; while drilled into a province, a region of
  another province drills into that one;
* the map is centred on the outlined region's bounds and zoomed one step out from their fit
  (``geo.maps.web_map.view_of``), so its neighbours show, at most to ``MAX_ZOOM``.

    >>> found = find("Kota Bandung", level="province")
    >>> found.status, found.code, found.level, found.within, found.outline
    ('found', '32.73', 'regency', '32', '32.73')
    >>> find("Bandung", level="regency").status
    'choose'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geo.maps import web_map
from geo.regions import lookup, resolver

FOUND = ("exact", "fuzzy")
MAX_ZOOM = 11.0


@dataclass(frozen=True)
class Found:
    status: str  # "found", "choose", "not_found" or "empty"
    query: str
    code: str | None = None  # the region meant
    level: str | None = None  # the level the map shows to show it
    within: str = ""  # the province drilled into ("" = all of Indonesia)
    outline: str | None = None  # the region outlined
    center: tuple[float, float] | None = None
    zoom: float | None = None
    candidates: tuple[resolver.Candidate, ...] = field(default_factory=tuple)
    note: str = ""  # what the resolver matched besides today's name (an old name …), in the language asked


def place(code: str, *, level: str, within: str = "") -> tuple[str, str, str]:
    """(level shown, province drilled into, region outlined) for region ``code`` on a map of ``level``
    (``within``: the province drilled into, whose regencies are shown).

    >>> place("32.73.01", level="province"), place("32", level="district"), place("33.72", level="regency", within="32")
    (('regency', '32', '32.73'), ('district', '', '32'), ('regency', '33', '33.72'))
    """
    if lookup.level_of(code) == "village":
        code = code[:lookup.CODE_LENGTH["district"]]
    deep = lookup.level_of(code)
    if within or (level == "province" and deep != "province"):
        level, within = "regency", code[:lookup.CODE_LENGTH["province"]]
    n = lookup.CODE_LENGTH[level]
    outline = code[:n] if len(code) > n else code
    return level, within, outline


def _resolve(text: str, lang: str) -> resolver.Resolution:
    res = resolver.resolve(text)
    if res.status == "unknown":  # a district's name, written without "Kec."
        lower = resolver.resolve(text, level="district")
        if lower.status in FOUND + ("ambiguous",):
            return lower
    return res


def find(text: str, *, level: str, within: str = "", lang: str = "id") -> Found:
    """Where the map goes for ``text`` typed on a map of ``level`` (``within``: the province drilled into)."""
    query = (text or "").strip()
    if not query:
        return Found("empty", query)
    res = _resolve(query, lang)
    if res.status in FOUND and res.code and lookup.exists(res.code):
        return found_code(res.code, level=level, within=within, query=query, note=res.note_text(lang))
    if res.status == "ambiguous" and res.candidates:
        return Found("choose", query, candidates=tuple(res.candidates))
    return Found("not_found", query, candidates=tuple(res.candidates))


def found_code(code: str, *, level: str, within: str = "", query: str = "", note: str = "") -> Found:
    """The map's move to region ``code`` (a candidate picked from a list, or the one region found)."""
    shown, province, outline = place(code, level=level, within=within)
    center, zoom = web_map.view_of(lookup.level_of(outline), codes=[outline])
    zoom = min(zoom - 1, MAX_ZOOM)  # some surroundings around the region, never closer than a city
    return Found("found", query or code, code, shown, province, outline, tuple(center), zoom, note=note)


def candidate_label(c: resolver.Candidate) -> str:
    """"Kota Bandung — Jawa Barat (32.73)": a candidate as the list shows it (its province, when it has one)."""
    if c.level == "province":
        return f"{c.name} ({c.code})"
    return f"{c.name} — {lookup.get(c.code[:lookup.CODE_LENGTH['province']]).name} ({c.code})"
