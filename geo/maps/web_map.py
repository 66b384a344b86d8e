"""Choropleth maps of Indonesia's regions, built with folium (Leaflet).

Nothing here fetches from the internet: the map has no tile layer unless a
tile URL is configured, and Leaflet itself is loaded from ``asset_base``, a URL
where the app serves the files of the installed ``xstatic-leaflet`` package.
"""

from __future__ import annotations

import html
import json
import math
from functools import lru_cache

import folium

from geo import config
from geo.maps import scale_bar
from geo.regions import lookup
from geo.text import catalog

DATA_DIR = config.REGION_DATA_DIR
LEVEL_ZOOM = {"province": 5, "regency": 6, "district": 8}
INDONESIA_BOUNDS = [[-11.2, 94.7], [6.2, 141.1]]  # [[south, west], [north, east]]


def leaflet_assets(asset_base: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """folium ``default_js`` / ``default_css`` lists pointing at ``asset_base``."""
    base = asset_base.rstrip("/")
    return [("leaflet", f"{base}/leaflet.js")], [("leaflet_css", f"{base}/leaflet.css")]


@lru_cache(maxsize=8)
def display_geojson(level: str) -> dict:
    """The browser version of a level's boundaries (see ``geo.build.region_files.DISPLAY``)."""
    path = DATA_DIR / "display" / f"{level}.geojson"
    return json.loads(path.read_text(encoding="utf-8"))


def _escaped(fc: dict) -> dict:
    """Copy of a FeatureCollection with every string property HTML-escaped."""
    out = {"type": "FeatureCollection", "features": []}
    for f in fc["features"]:
        props = {k: html.escape(v) if isinstance(v, str) else v for k, v in f["properties"].items()}
        out["features"].append({"type": "Feature", "properties": props, "geometry": f["geometry"]})
    return out


def region_map(level: str, *, asset_base: str, tile_url: str | None = None,
               fill: str = "#4a7fb5", tooltip_labels: tuple[str, str] = ("Wilayah", "Kode")) -> folium.Map:
    """A map of every region of ``level`` with its name and code on hover."""
    m = folium.Map(location=[-2.5, 118.0], zoom_start=LEVEL_ZOOM[level], tiles=None,
                   control_scale=False, prefer_canvas=False, zoom_snap=0.25, zoom_delta=0.5)
    scale_bar.MetricScale().add_to(m)  # kilometres only, no miles
    m.default_js, m.default_css = leaflet_assets(asset_base)
    m.get_root().header.add_child(folium.Element(LABEL_CSS))
    if tile_url:
        folium.TileLayer(tiles=tile_url, attr="Basemap", name="basemap").add_to(m)
    fc = _escaped(display_geojson(level))
    folium.GeoJson(
        fc,
        name=level,
        style_function=lambda _f: {"fillColor": fill, "color": "#ffffff", "weight": 0.8, "fillOpacity": 0.75},
        highlight_function=lambda _f: {"weight": 2.5, "color": "#222222"},
        tooltip=folium.GeoJsonTooltip(fields=["name", "code"], aliases=list(tooltip_labels), sticky=True),
        smooth_factor=0.5,
    ).add_to(m)
    m.fit_bounds(INDONESIA_BOUNDS)
    return m


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
    return [[float(y0), float(x0)], [float(y1), float(x1)]]


LABEL_CSS = """<style>
.sinergi-label { white-space: nowrap; transform: translate(-50%, -50%); width: max-content;
  font: 600 12px/1.1 sans-serif; color: #1a1a1a; pointer-events: none;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff; }
</style>"""


def base_map(asset_base: str, tile_url: str | None = None) -> folium.Map:
    """The same empty map for every view, so that the browser keeps it and only swaps layers."""
    m = folium.Map(location=[-2.5, 118.0], zoom_start=5, tiles=None, control_scale=False, prefer_canvas=False,
                   zoom_snap=0.25, zoom_delta=0.5)
    scale_bar.MetricScale().add_to(m)  # kilometres only, no miles
    m.default_js, m.default_css = leaflet_assets(asset_base)
    m.get_root().header.add_child(folium.Element(LABEL_CSS))
    if tile_url:
        folium.TileLayer(tiles=tile_url, attr="Basemap", name="basemap").add_to(m)
    return m


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


def choropleth_layers(view, *, labels: tuple[str, str, str] = ("Wilayah", "Nilai", "Peringkat"),
                      no_data_text: str = "tidak ada data", show_labels: bool = False, visit_points=None,
                      partner_links=None) -> list[folium.FeatureGroup]:
    """The choropleth of ``view`` and its optional layers as feature groups (see ``choropleth_map``)."""
    holder = folium.Map(tiles=None)
    _add_layers(holder, view, labels=labels, no_data_text=no_data_text, show_labels=show_labels,
                visit_points=visit_points, partner_links=partner_links)
    return [child for child in holder._children.values() if isinstance(child, folium.FeatureGroup)]


def choropleth_map(view, *, asset_base: str, tile_url: str | None = None,
                   labels: tuple[str, str, str] = ("Wilayah", "Nilai", "Peringkat"),
                   no_data_text: str = "tidak ada data", show_labels: bool = False, visit_points=None,
                   partner_links=None) -> folium.Map:
    """The choropleth of ``view`` (a ``geo.maps.map_view.View``: its level, ``within``, regions, values,
    classes, colours, ranks and number format), fitted to the regions shown.

    Every string that reaches the map's HTML is escaped. ``visit_points``: rows with lat, lon, count, name, lines;
    ``partner_links``: rows with lat_a, lon_a, lat_b, lon_b, count (and optionally name_a, name_b).
    """
    m = base_map(asset_base, tile_url)
    fc = _add_layers(m, view, labels=labels, no_data_text=no_data_text, show_labels=show_labels,
                     visit_points=visit_points, partner_links=partner_links)
    m.fit_bounds(_bounds(fc) if (view.spec.within or view.codes is not None) and fc["features"]
                 else INDONESIA_BOUNDS)
    return m


def _add_layers(m, view, *, labels, no_data_text, show_labels, visit_points, partner_links) -> dict:
    """Add the regions, partner lines, visit markers and labels (in that order) to ``m``; the features shown."""
    fc = _shown(view)
    for group in (_regions_layer(view, fc, labels=labels, no_data_text=no_data_text),
                  _partner_lines_layer(partner_links), _visit_markers_layer(visit_points),
                  _labels_layer(fc) if show_labels else None):
        if group is not None:
            group.add_to(m)
    return fc


def _shown(view) -> dict:
    """The display features of the regions ``view`` shows."""
    return features_within(view.spec.level, view.spec.within or None, view.codes)


def _regions_layer(view, fc: dict, *, labels, no_data_text) -> folium.FeatureGroup:
    """The regions coloured by class, with name, formatted value (on the impact map: the verdict and its size, or
    "not visited") and rank on hover (no data: hatched grey)."""
    total = len(fc["features"])
    features = []
    for f in fc["features"]:
        code = f["properties"]["code"]
        v = view.values.get(code)
        has = v is not None and v == v
        rank = view.ranks.get(code) if (view.ranks is not None and has) else None
        said = view.value_text(code)  # the impact map: the verdict and its size
        props = {
            "code": code, "name": html.escape(f["properties"]["name"]),
            "value_text": html.escape(said if said is not None else no_data_text),
            "rank_text": f"{int(rank)} / {total}" if rank is not None and rank == rank else "–",
            "fill": view.classification.color_of(code),
            "nodata": said is None,
        }
        features.append({"type": "Feature", "properties": props, "geometry": f["geometry"]})
    # a verdict map says "read the verdict, not the rank": no rank in its tooltip
    fields = ["name", "value_text"] if view.metric in VERDICT_METRICS else ["name", "value_text", "rank_text"]
    group = folium.FeatureGroup(name="regions")
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features}, name="choropleth",
        style_function=lambda feat: {"fillColor": feat["properties"]["fill"], "color": "#ffffff", "weight": 0.7,
                                     "fillOpacity": 0.85, "dashArray": "3 3" if feat["properties"]["nodata"] else None},
        highlight_function=lambda _f: {"weight": 2.5, "color": "#222222"},
        tooltip=folium.GeoJsonTooltip(fields=fields, aliases=list(labels)[:len(fields)], sticky=True,
                                      style=TOOLTIP_STYLE),
        smooth_factor=0.5,
    ).add_to(group)
    return group


OUTLINE_COLOR = "#111111"
VERDICT_METRICS = ("score", "change")  # measures shown as verdicts in words (geo.maps.verdict_classes)
TOOLTIP_STYLE = "white-space: normal; min-width: 240px; max-width: 360px;"  # a verdict's sentence wraps, whole


def outline_layer(code: str) -> folium.FeatureGroup | None:
    """A thick outline around region ``code`` (the region found by the map's search box), no fill, so the
    classes' colours stay readable; None for a region without a boundary in the display data."""
    level = lookup.level_of(code)
    if level not in LEVEL_ZOOM:
        return None
    fc = features_within(level, None, [code])
    if not fc["features"]:
        return None
    group = folium.FeatureGroup(name="outline")
    folium.GeoJson(_escaped(fc), name="outline", interactive=False,
                   style_function=lambda _f: {"fill": False, "color": OUTLINE_COLOR, "weight": 4, "opacity": 1},
                   ).add_to(group)
    return group


def _partner_lines_layer(partner_links) -> folium.FeatureGroup | None:
    """Lines between partner regions, thicker for more agreements (see ``partner_links``)."""
    if partner_links is None or not len(partner_links):
        return None
    group = folium.FeatureGroup(name="links")
    top = max(float(partner_links["count"].max()), 1.0)
    for r in partner_links.itertuples(index=False):
        tip = f"{html.escape(str(r.name_a))} – {html.escape(str(r.name_b))}: {int(r.count)}" \
            if hasattr(r, "name_a") else None
        folium.PolyLine([[r.lat_a, r.lon_a], [r.lat_b, r.lon_b]], color="#6a3d9a", opacity=0.55,
                        weight=1 + 5 * float(r.count) / top, tooltip=tip).add_to(group)
    return group


def _visit_markers_layer(visit_points) -> folium.FeatureGroup | None:
    """A circle per visited place, bigger for more visits (see ``visit_points``)."""
    if visit_points is None or not len(visit_points):
        return None
    group = folium.FeatureGroup(name="visits")
    for r in visit_points.itertuples(index=False):
        tip = "<br>".join([f"<b>{html.escape(str(r.name))}</b>", *(html.escape(str(x)) for x in r.lines)])
        folium.CircleMarker([r.lat, r.lon], radius=3 + 2 * math.sqrt(r.count), color="#ffffff",
                            fill_color="#b2182b", fill=True, fill_opacity=0.85, weight=1,
                            tooltip=tip).add_to(group)
    return group


def _labels_layer(fc: dict) -> folium.FeatureGroup:
    """Region names where they fit (see ``label_codes``)."""

    group = folium.FeatureGroup(name="labels")
    for code in label_codes(fc):
        reg = lookup.get(code)
        folium.Marker([reg.label_lat, reg.label_lon], icon=folium.DivIcon(
            html=f'<div class="sinergi-label">{html.escape(short_name(reg.name))}</div>',
            icon_size=(0, 0))).add_to(group)
    return group


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
