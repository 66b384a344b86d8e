"""What the web map draws: a view's regions, values, colours and layers, as data for the map component.

The map in the browser is ``ui/region_map.py`` (Leaflet, drawn in its own frame). Its boundaries are static,
versioned files (``geo.maps.boundary_files``) that the browser fetches once per level; what this module builds
(``map_payload``) is only what changes from view to view. Nothing here fetches from the internet: the map has
no tile layer unless a tile URL is configured, and Leaflet is served by the app itself.
"""

from __future__ import annotations

import collections
import html
import json
import math
from functools import lru_cache

from geo import config
from geo.maps import classes
from geo.regions import lookup
from geo.text import catalog

DATA_DIR = config.REGION_DATA_DIR
LEVEL_ZOOM = {"province": 5, "regency": 6, "district": 8}
INDONESIA_BOUNDS = [[-11.2, 94.7], [6.2, 141.1]]  # [[south, west], [north, east]]


@lru_cache(maxsize=8)
def display_geojson(level: str) -> dict:
    """The browser version of a level's boundaries (see ``geo.build.region_files.DISPLAY``)."""
    path = DATA_DIR / "display" / f"{level}.geojson"
    return json.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- choropleth

def features_within(level: str, within: str | None, codes=None) -> dict:
    """The level's display features: all, those inside region ``within``, or only ``codes``."""

    fc = display_geojson(level)
    if not within and codes is None:
        return fc
    keep = set(codes) if codes is not None else None
    return {"type": "FeatureCollection",
            "features": [f for f in fc["features"]
                         if (not within or lookup.is_within(f["properties"]["code"], within))
                         and (keep is None or f["properties"]["code"] in keep)]}


def _bounds(fc: dict) -> list[list[float]]:
    import shapely

    geoms = [shapely.geometry.shape(f["geometry"]) for f in fc["features"]]
    x0, y0, x1, y1 = shapely.total_bounds(geoms)
    return [[round(float(y0), 4), round(float(x0), 4)], [round(float(y1), 4), round(float(x1), 4)]]


def view_of(level: str, within: str | None = None, codes=None, width_px: int = 900, height_px: int = 620):
    """(center, zoom) that fits the features shown into a map of about ``width_px`` × ``height_px``."""
    import math

    if not within and codes is None:
        (s, w), (n, e) = INDONESIA_BOUNDS
    else:
        fc = features_within(level, within, codes)
        if not fc["features"]:
            (s, w), (n, e) = INDONESIA_BOUNDS
        else:
            (s, w), (n, e) = _bounds(fc)

    def merc(lat):
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    zx = math.log2(width_px * 360 / (256 * max(e - w, 1e-6)))
    zy = math.log2(height_px * 2 * math.pi / (256 * max(merc(n) - merc(s), 1e-9)))
    zoom = math.floor(min(zx, zy) * 4) / 4
    return [(s + n) / 2, (w + e) / 2], zoom


def map_payload(view, *, labels: tuple[str, ...] = ("Wilayah", "Nilai", "Peringkat", "nilai sama"),
                no_data_text: str = "tidak ada data", show_labels: bool = False, visit_points=None,
                partner_links=None, outline: str | None = None, center=None, zoom=None, legend_extra=(),
                legend_title: str | None = None, clickable: bool = False, tile_url: str | None = None,
                height: int = 620, boundary_folder=None, loading_text: str = "…",
                error_text: str = "!", legend_px: int | None = None, names_px: int | None = None,
                fill: dict | None = None) -> dict:
    """What the map component (``ui/region_map.py``) draws for ``view`` (a ``geo.maps.map_view.View``): only
    what changes between views, never geometry (the browser has that from ``geo.maps.boundary_files``).

    ``regions``: one ``[code, colour index, text index, rank or None, no data 0/1]`` per region shown, with
    ``colors`` and ``texts`` listed once each (a verdict's sentence is shared by many regions). Texts are plain:
    the component writes them with ``textContent``, so nothing is HTML-escaped here (escaping would show
    "&amp;" to the user). ``fit`` (bounds) applies only when ``fit_key`` changes, so the user's pan and zoom
    survive a change of measure, filter or layer. ``visit_points``: rows with lat, lon, count, name, lines (and
    optionally number, shown inside the marker); ``partner_links``: rows with lat_a, lon_a, lat_b, lon_b, count
    (and optionally name_a, name_b). ``legend_extra``: (colour, text, kind) rows after the classes, kind
    ``"dot"`` or ``"line"``, and optionally a short note shown under the text (hidden on a phone's narrow
    frame). ``legend_px``: the legend's type size (a projector's back row), default the frame's.

    ``names`` (with ``show_labels``): ``[lat, lon, name]`` of up to ``NAMES_MOST`` regions, the biggest first; the
    frame places them greedily in that order after every zoom and move, hiding a name that would overlap one
    already placed or a control, and moving one that would cross the map's edge inside it, so more names appear
    as the user zooms in. ``names_px``: their type size (bigger in presentation mode), default ``NAMES_PX``.
    ``fill`` (presentation mode): the frame fills the browser window from its top down, leaving ``below`` pixels
    and never lower than ``min``, instead of ``height``; its legend is ``legend_em`` times the page's root type
    size (``ui.presentation``'s room type), so it grows with the window as the page's text does.
    """
    import hashlib

    from geo.maps import boundary_files

    level = view.spec.level
    fc = _shown(view)
    colors: dict[str, int] = {}
    texts: dict[str, int] = {}
    regions = []
    for f in fc["features"]:
        code = f["properties"]["code"]
        v = view.values.get(code)
        has = v is not None and v == v
        rank = view.ranks.get(code) if (view.ranks is not None and has) else None
        said = view.value_text(code)  # the impact map: the verdict and its size
        text = said if said is not None else no_data_text
        color = view.classification.color_of(code)
        regions.append([code, colors.setdefault(color, len(colors)), texts.setdefault(text, len(texts)),
                        int(rank) if rank is not None and rank == rank else None, int(said is None)])
    within = view.spec.within or None
    shown_part = within is not None or view.codes is not None
    fit = _bounds(fc) if shown_part and fc["features"] else INDONESIA_BOUNDS
    codes_key = hashlib.sha1(",".join(r[0] for r in regions).encode()).hexdigest()[:10] if view.codes is not None \
        else ""
    payload = {
        "level": level,
        "boundaries": boundary_files.published(level, boundary_folder),
        "regions": regions, "colors": list(colors), "texts": list(texts),
        "labels": list(labels), "show_rank": view.metric not in VERDICT_METRICS,  # a verdict map: no rank
        "ranked": sum(r[3] is not None for r in regions), "ties": _ties(regions),
        "fit": fit, "fit_key": f"{level}|{within or ''}|{codes_key}|{outline or ''}",
        "center": list(center) if center is not None else None, "zoom": zoom,
        "outline": outline,
        "names": _names(fc) if show_labels else [], "names_px": names_px or NAMES_PX,
        "points": _points(visit_points), "lines": _lines(partner_links),
        "legend": {"title": legend_title if legend_title is not None else view.metric_label,
                   "items": [[c, t, "hatch" if c == classes.NO_DATA_COLOR else ""] for c, t in view.legend()]
                   + [list(x) for x in legend_extra], "size": legend_px},
        "clickable": clickable, "tile_url": tile_url, "height": height, "fill": fill,
        "loading_text": loading_text, "error_text": error_text,
    }
    payload["view_id"] = hashlib.sha1(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:12]
    return payload


def _ties(regions: list) -> dict[str, int]:
    """How many regions share each rank shared by more than one (``{"1": 7285}`` when every district reads 0):
    the tooltip then says "Peringkat: 1–7285 / 7285 (nilai sama)" instead of a first place nobody earned.

    >>> _ties([["a", 0, 0, 1, 0], ["b", 0, 0, 2, 0], ["c", 0, 0, 2, 0], ["d", 0, 0, None, 1]])
    {'2': 2}
    """
    counts = collections.Counter(r[3] for r in regions if r[3] is not None)
    return {str(rank): n for rank, n in counts.items() if n > 1}


def _names(fc: dict) -> list:
    """The names of the view's regions, biggest first (the order the frame places them in, see ``map_payload``),
    as [lat, lon, name]."""
    out = []
    for code in label_codes(fc, min_share=0, most=NAMES_MOST):
        reg = lookup.get(code)
        out.append([reg.label_lat, reg.label_lon, short_name(reg.name)])
    return out


def _points(visit_points) -> list:
    """Visit markers as [lat, lon, radius, tooltip lines, colour, number], bigger for more visits."""
    if visit_points is None or not len(visit_points):
        return []
    out = []
    for r in visit_points.itertuples(index=False):
        lines = [str(r.name), *(str(x) for x in r.lines)]
        number = getattr(r, "number", None)
        out.append([float(r.lat), float(r.lon), round(3 + 2 * math.sqrt(r.count), 1), lines, VISIT_COLOR,
                    str(number) if number is not None else None])
    return out


def _lines(partner_links) -> list:
    """Partner lines as [lat_a, lon_a, lat_b, lon_b, weight, colour, tooltip lines], thicker for more
    agreements."""
    if partner_links is None or not len(partner_links):
        return []
    top = max(float(partner_links["count"].max()), 1.0)
    out = []
    for r in partner_links.itertuples(index=False):
        tip = [f"{r.name_a} – {r.name_b}: {int(r.count)}"] if hasattr(r, "name_a") else []
        out.append([float(r.lat_a), float(r.lon_a), float(r.lat_b), float(r.lon_b),
                    round(1 + 5 * float(r.count) / top, 2), LINK_COLOR, tip])
    return out


def _shown(view) -> dict:
    """The display features of the regions ``view`` shows."""
    return features_within(view.spec.level, view.spec.within or None, view.codes)

VERDICT_METRICS = ("score", "change")  # measures shown as verdicts in words (geo.maps.verdict_classes)
VISIT_COLOR, LINK_COLOR = "#b2182b", "#6a3d9a"
# region names on the web map: at most this many per view (every regency of the country; the biggest districts),
# at this type size in px unless the page asks for another (presentation mode)
NAMES_MOST, NAMES_PX = 600, 13


def short_name(name: str) -> str:
    """Map-label form of a region name: "Kabupaten Bekasi" → "Kab. Bekasi"."""
    return "Kab. " + name[len("Kabupaten "):] if name.startswith("Kabupaten ") else name


def label_codes(fc: dict, *, min_share: float = 1 / 120, most: int = 60) -> list[str]:
    """Regions big enough on this view to carry a readable label: at least ``min_share`` of the area shown,
    the ``most`` biggest at most. Smaller ones keep their name in the tooltip (labels there would overlap)."""
    import shapely
    from shapely.geometry import shape


    codes = [f["properties"]["code"] for f in fc["features"]]
    if not codes:
        return []
    areas = shapely.area([shape(f["geometry"]) for f in fc["features"]])
    total = float(areas.sum())
    ranked = sorted(zip(areas, codes), reverse=True)[:most]
    return [c for a, c in ranked
            if a >= min_share * total and lookup.exists(c) and lookup.get(c).label_lat is not None]


def escape(text) -> str:
    return html.escape(str(text))


def _label_point(code: str):
    """Label point of a region, or of its nearest ancestor that has one."""
    place = _label_place(code)
    return place[1:] if place else None


def _label_place(code: str):
    """(code, lat, lon) of a region's label point, or of its nearest ancestor that has one (villages have none)."""

    while code:
        if lookup.exists(code):
            r = lookup.get(code)
            if r.label_lat is not None:
                return r.code, r.label_lat, r.label_lon
        code = code.rsplit(".", 1)[0] if "." in code else ""
    return None


def visit_points(visits, *, level: str = "district", within: str | None = None, lang: str = "id", listed: int = 5):
    """One marker per visited region of ``level`` (or coarser, where a stop names only a regency): its position,
    the number of visits there, and the newest ``listed`` of them as "official · date" lines (plus "+ n more").

    A stop with its own coordinates (``stop_points`` of ``geo.records.read.visits_frame``) is a marker at those
    coordinates, named by the stop's place, instead of its region's label point."""
    import pandas as pd

    places: dict[str, list] = {}
    for v in visits.itertuples(index=False):
        day = pd.Timestamp(getattr(v, "local_start", None) or v.start_at)
        points = getattr(v, "stop_points", None)
        names = getattr(v, "places", None)
        here = {}
        for i, code in enumerate(v.region_codes):
            if within and not lookup.is_within(code, within):
                continue
            point = points[i] if isinstance(points, list) and i < len(points) else None
            if point is not None:
                name = names[i] if isinstance(names, list) and i < len(names) and names[i] else lookup.get(code).name
                key = f"@{point[0]:.5f},{point[1]:.5f}"
                here[key] = (point[0], point[1], name)
                continue
            place = _label_place(code[:lookup.CODE_LENGTH[level]])
            if place:
                here[place[0]] = (place[1], place[2], lookup.get(place[0]).name)
        for key, place in here.items():  # a visit counts once per place, however many stops it had there
            places.setdefault(key, [place, []])[1].append((day, f"{v.official_role} · {day.strftime('%d/%m/%Y')}"))
    rows = []

    for (lat, lon, name), seen in places.values():
        seen.sort(key=lambda x: x[0], reverse=True)
        lines = [text for _, text in seen[:listed]]
        if len(seen) > listed:
            lines.append(catalog.text("maps.more_visits", lang, n=len(seen) - listed))
        rows.append((lat, lon, len(seen), name, lines))
    return pd.DataFrame(rows, columns=["lat", "lon", "count", "name", "lines"])


def partner_links(agreements, level: str, *, within: str | None = None, top: int | None = 150):
    """Lines between partner regions of ``level`` with the number of agreements between them, strongest first.

    Only the ``top`` strongest links are kept (a national map with every link is an unreadable hairball);
    ``attrs["total"]`` says how many links there were in all.
    """
    import itertools

    import pandas as pd


    columns = ["lat_a", "lon_a", "lat_b", "lon_b", "count", "name_a", "name_b"]
    n = lookup.CODE_LENGTH[level] if level in lookup.GOVERNMENT_LEVELS else None
    if n is None:
        out = pd.DataFrame(columns=columns)
        out.attrs["total"] = 0
        return out
    counts: dict[tuple[str, str], int] = {}
    for codes in agreements["region_codes"]:
        at = sorted({c[:n] for c in codes if len(c) >= n})
        for a, b in itertools.combinations(at, 2):
            if within and not (lookup.is_within(a, within) or lookup.is_within(b, within)):
                continue
            counts[(a, b)] = counts.get((a, b), 0) + 1
    rows = []
    for (a, b), c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        pa, pb = _label_point(a), _label_point(b)
        if pa and pb:
            rows.append((pa[0], pa[1], pb[0], pb[1], c, lookup.get(a).name, lookup.get(b).name))
    out = pd.DataFrame(rows[:top] if top else rows, columns=columns)
    out.attrs["total"] = len(rows)
    return out


@lru_cache(maxsize=4)
def _tree(level: str):
    import shapely

    fc = display_geojson(level)
    geoms = [shapely.geometry.shape(f["geometry"]) for f in fc["features"]]
    return shapely.STRtree(geoms), [f["properties"]["code"] for f in fc["features"]], geoms


def region_at(level: str, lon: float, lat: float, within: str | None = None) -> str | None:
    """Code of the region of ``level`` at a clicked point (None at sea)."""
    import shapely


    tree, codes, _ = _tree(level)
    for i in tree.query(shapely.Point(lon, lat), predicate="intersects"):
        code = codes[int(i)]
        if not within or lookup.is_within(code, within):
            return code
    return None
