"""The map layer shown, as a GIS file: GeoPackage, zipped Shapefile, GeoJSON or KML (geopandas + pyogrio/GDAL).

One feature per region drawn by the view (``geo.maps.map_view.View``: the same regions, values, classes and
verdicts as the screen, the print map and the deck), with these rules:

* **CRS**: EPSG:4326 (WGS 84 longitude/latitude) in every format; the Shapefile carries it in its ``.prj``.
* **Geometry**: the full-detail boundaries of ``data/boundaries/<level>.geojson.gz``
  (``geo.regions.boundaries``; 6 decimals, about 0.1 m; valid (Multi)Polygons), not the simplified browser
  shapes of ``data/display``. GeoJSON is written per RFC 7946 (right-hand rule).
* **Fields** (``FIELDS``; the Shapefile's at most 10 characters, in brackets): ``code`` (Kemendagri code, text),
  ``name``, ``level``, ``measure`` (the measure's key, e.g. ``signed``), ``measure_label`` [``measure_lb``],
  ``value`` (the measure's number, empty where the screen says "no data"; on the impact and change maps the
  size per year), ``value_text`` [``value_txt``] (the tooltip's text: the formatted value, or the verdict's
  sentence), ``class_label`` [``class``] (the legend entry the region is coloured by), ``color`` (its colour,
  ``#rrggbb``), ``verdict`` (``up``, ``unclear``, ``down``, ``too_little_data`` on the impact and change maps;
  empty otherwise or for a region never visited), ``rank`` (1 = highest value; empty without a value),
  ``period``, ``filters`` and ``note`` (the simulated-data note, empty for real data). Text is in the view's
  language, UTF-8 (the Shapefile says so in its ``.cpg``).
* **Text** is plain text, written as shown on screen: control characters (U+0000–U+001F, U+007F) become spaces
  (XML 1.0, so KML, cannot hold them; dBASE cuts at NUL); nothing is turned into markup or formulas. KML text
  is XML-escaped by GDAL (``<script>`` is ``&lt;script&gt;`` in the file) and the KML has no description
  (the HTML of a placemark's balloon): the fields are ExtendedData, the placemark's name is the region's name.
  No formula prefix is added, as in the CSV/XLSX exports (``geo.records.exports``): GIS programs show field
  values as text, and the exact names are what a GIS user joins on. The Shapefile's text fields hold at
  most 254 bytes (dBASE): longer text is cut there, at a character boundary, ending in "…".
* **Formats** by extension (``EXTENSIONS``): ``.gpkg`` (one layer, ``LAYER``), ``.zip`` (``.shp .shx .dbf .prj
  .cpg`` of one layer), ``.geojson``, ``.kml``. The bytes are made in a private temporary folder; the caller
  writes them whole (``python -m geo export-map`` through ``geo.__main__._write_whole``).

Nothing is fetched: PROJ's network access stays off (``PROJ_NETWORK=OFF``; EPSG:4326 needs no grid anyway).
geopandas (with GDAL and PROJ) is loaded when a file is made, not when this module is imported: the map page
imports it for its format list.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from geo import config
from geo.regions import boundaries, lookup
from geo.text.catalog import text
from geo.text.messages import UserError

config.keep_proj_offline()  # before pyproj/GDAL load (lazily, below): never download grids

CRS = "EPSG:4326"
LAYER = "sinergi"
EXTENSIONS = {".gpkg": "gpkg", ".zip": "shapefile", ".geojson": "geojson", ".kml": "kml"}
MIME = {"gpkg": "application/geopackage+sqlite3", "shapefile": "application/zip",
        "geojson": "application/geo+json", "kml": "application/vnd.google-earth.kml+xml"}
SUFFIX = {"gpkg": ".gpkg", "shapefile": ".zip", "geojson": ".geojson", "kml": ".kml"}
# field name → its Shapefile (dBASE, at most 10 characters) name
FIELDS = {"code": "code", "name": "name", "level": "level", "measure": "measure", "measure_label": "measure_lb",
          "value": "value", "value_text": "value_txt", "class_label": "class", "color": "color",
          "verdict": "verdict", "rank": "rank", "period": "period", "filters": "filters", "note": "note"}
TEXT_FIELDS = [f for f in FIELDS if f not in ("value", "rank")]
DBF_TEXT_BYTES = 254
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def format_of(path: str | Path) -> str:
    """The format of an output file from its extension; a UserError naming the ones known otherwise."""
    ext = Path(path).suffix.lower()
    if ext not in EXTENSIONS:
        raise UserError("gis.extension", text=ext or str(path))
    return EXTENSIONS[ext]


def plain(value) -> str:
    """Text as written, control characters as spaces (``None`` → "").

    >>> plain("=HYPERLINK(\\"x\\")\\t<b>")
    '=HYPERLINK("x") <b>'
    """
    return "" if value is None else _CONTROL.sub(" ", str(value))


def _class_label(view, code: str, legend: list[tuple[str, str]], lang: str) -> str:
    if code in view.classification.not_visited:
        return text("verdict.not_visited", lang)
    k = view.classification.classes.get(code)
    if k is None or pd.isna(k) or not legend:
        return text("briefing.no_data", lang)
    return legend[min(int(k), len(legend) - 1)][1]


def region_codes(view) -> list[str]:
    """The regions the view draws (as ``geo.maps.print_map``): the level's, within ``spec.within``, only
    ``view.codes`` when it names some; in code order."""
    within = view.spec.within
    features = boundaries.level_features(view.spec.level)
    return sorted(c for c in features if (not within or lookup.is_within(c, within))
                  and (view.codes is None or c in view.codes))


def layer(view):
    """The view as a GeoDataFrame in EPSG:4326: one row per region drawn, the columns of ``FIELDS``."""
    import geopandas as gpd

    lang = view.lang
    codes = region_codes(view)
    features = boundaries.level_features(view.spec.level)
    legend = view.classification.legend(view.fmt, lang)
    verdicts = view.verdicts or {}
    no_data = text("briefing.no_data", lang)
    rows = []
    for code in codes:
        value = view.values.get(code)
        value = float(value) if value is not None and value == value else np.nan
        v = verdicts.get(code)
        rank = view.ranks.get(code) if not np.isnan(value) else None
        rows.append({
            "code": code, "name": features[code]["properties"]["name"], "level": view.spec.level,
            "measure": view.spec.metric if view.value_unit is None else "", "measure_label": view.metric_label,
            "value": value, "value_text": view.value_text(code) or no_data,
            "class_label": _class_label(view, code, legend, lang), "color": view.classification.color_of(code),
            "verdict": v.kind if v is not None else "",
            "rank": int(rank) if rank is not None and rank == rank else None,
            "period": view.period_text, "filters": view.filters_text, "note": view.note or "",
        })
    frame = pd.DataFrame(rows, columns=list(FIELDS))
    for field in TEXT_FIELDS:
        frame[field] = frame[field].map(plain).astype(object)
    frame["value"] = frame["value"].astype(float)
    frame["rank"] = frame["rank"].astype("Int64")
    geometry = [shapely.geometry.shape(features[c]["geometry"]) for c in codes]
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=CRS)


def _cut(value: str, limit: int = DBF_TEXT_BYTES) -> str:
    """``value`` in at most ``limit`` UTF-8 bytes, cut at a character and ending in "…" when cut."""
    if len(value.encode("utf-8")) <= limit:
        return value
    room = limit - len("…".encode("utf-8"))
    return value.encode("utf-8")[:room].decode("utf-8", errors="ignore") + "…"


def to_bytes(frame, fmt: str) -> bytes:
    """The bytes of ``frame`` (``layer``'s) as a file of ``fmt`` (a value of ``EXTENSIONS``)."""
    if fmt not in MIME:
        raise ValueError(f"format must be one of {tuple(MIME)}")
    with tempfile.TemporaryDirectory(prefix="sinergi-gis-") as tmp:
        folder = Path(tmp)
        if fmt == "shapefile":
            shp = frame.rename(columns=FIELDS)
            for field in TEXT_FIELDS:
                shp[FIELDS[field]] = shp[FIELDS[field]].map(_cut)
            shp.to_file(folder / f"{LAYER}.shp", driver="ESRI Shapefile", engine="pyogrio", encoding="UTF-8")
            buf = folder / "out.zip"
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for ext in SHAPEFILE_PARTS:
                    zf.write(folder / f"{LAYER}{ext}", f"{LAYER}{ext}")
            return buf.read_bytes()
        path = folder / f"{LAYER}{SUFFIX[fmt]}"
        if fmt == "gpkg":
            frame.to_file(path, driver="GPKG", layer=LAYER, engine="pyogrio")
        elif fmt == "geojson":
            frame.to_file(path, driver="GeoJSON", engine="pyogrio", layer_options={"RFC7946": "YES"})
        else:
            frame.to_file(path, driver="KML", engine="pyogrio", layer=LAYER,
                          dataset_options={"NameField": "name", "DescriptionField": ""})
        return path.read_bytes()


def export(view, fmt: str) -> bytes:
    """The view's layer as the bytes of a ``fmt`` file (see ``to_bytes``)."""
    return to_bytes(layer(view), fmt)
