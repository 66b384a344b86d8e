"""Official boundaries (e.g. BIG's) into the region data: a zipped Shapefile or a GeoPackage, any CRS.

    python -m geo import-boundaries FILE.zip|FILE.gpkg --level province|regency|district --code-field F
                                    [--layer NAME] [--out DIR]

Rules:

* **Reading**: ``.zip`` (a Shapefile: ``.shp .shx .dbf .prj``, ``.cpg`` for the text encoding) or ``.gpkg``,
  with geopandas/pyogrio (GDAL). A file of several layers needs ``--layer``. The file must state its CRS
  (a Shapefile its ``.prj``): boundaries without one cannot be placed, so the file is refused. Every feature is
  reprojected to EPSG:4326 (longitude/latitude, WGS 84) with PROJ, network access off (``PROJ_NETWORK=OFF``:
  no transformation grid is ever downloaded; a datum shift that would need one uses PROJ's ballpark instead).
* **Codes**: the ``--code-field`` holds Kemendagri codes with dots (``32``, ``32.73``, ``32.73.01``), compared as
  text after trimming spaces (a whole number such as ``32`` stored as a number counts as ``"32"``). The file
  must hold every region of the level in ``data/regions.csv`` once, and nothing else: codes missing, codes not
  of the level (unknown, malformed, of another level), duplicate codes, features with no area and features
  outside Indonesia after reprojection (a wrong ``.prj``) are all reported together, with up to ten codes each,
  and then **nothing is changed**. Names come from the official list, never from the file.
* **Geometry**, as the build does it (``geo.build.region_files``): each shape made a valid (Multi)Polygon, the
  level cleaned into a proper coverage (no overlaps, shared edges identical, slivers closed), full detail at 6
  decimals and the simplified browser version by the level's ``DISPLAY`` rules.
* **Writes** the files the build writes for that level, in the region data folder (``data/``) or ``--out``:
  ``boundaries/<level>.geojson.gz``, ``display/<level>.geojson``, the level's rows of ``regions.csv``
  (boundary area and label point; codes, names, population, official area unchanged) and of ``neighbors.csv``,
  and ``boundary_import_<level>.json`` (source, its CRS, counts, coverage repairs). Every file is made before
  any is written, all are written to temporary files beside their places and then renamed into place. Other levels are not touched:
  provinces are not re-derived from imported regencies (import the province level too), and the next build
  from upstream (``python -m geo.build.region_files``) puts the upstream boundaries back. The app reads the
  new files when it starts.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from geo import config
from geo.build import region_files as build
from geo.regions import lookup
from geo.regions.geodesy import area_km2
from geo.text.messages import UserError, message

config.keep_proj_offline()  # before pyproj/GDAL load (lazily, below): never download grids

EXTENSIONS = (".zip", ".gpkg")
SHOWN = 10  # codes named per problem


class BoundaryCheckFailed(UserError):
    """The file's codes or shapes do not fit the level: every problem found, in the user's language."""

    def __init__(self, level: str, problems: list[tuple[str, dict]]):
        self.level, self.problems = level, problems
        super().__init__("gis.check_failed", level=level, problems="; ".join(
            message(key, "en", **params) for key, params in problems))

    def text(self, lang: str = "id") -> str:
        return message("gis.check_failed", lang, level=message(f"gis.level.{self.level}", lang),
                       problems="; ".join(message(key, lang, **params) for key, params in self.problems))


@dataclass
class Result:
    level: str
    source: str
    source_crs: str
    regions: int
    out: Path
    written: list[str]
    report: dict = field(default_factory=dict)

    def summary(self) -> str:
        return (f"{self.level}: {self.regions} boundaries from {self.source} ({self.source_crs}) → {self.out}: "
                + ", ".join(self.written))


def _codes_text(codes) -> str:
    codes = sorted(codes)
    shown = ", ".join(codes[:SHOWN])
    return shown + (f", … (+{len(codes) - SHOWN})" if len(codes) > SHOWN else "")


def _code_of(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    return str(value).strip()


def read(path: str | Path, *, layer: str | None = None):
    """The file's features as a GeoDataFrame in its own CRS; a UserError when it cannot be read."""
    import pyogrio

    path = Path(path)
    if path.suffix.lower() not in EXTENSIONS:
        raise UserError("gis.import_extension", text=path.suffix.lower() or str(path))
    if not path.is_file():
        raise UserError("gis.unreadable", text=str(path), reason="no such file")
    source = f"zip://{path}" if path.suffix.lower() == ".zip" else str(path)
    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(source)]
    except Exception as exc:  # GDAL's errors for a file that is no GIS file (DataSourceError and others)
        raise UserError("gis.unreadable", text=str(path), reason=str(exc).splitlines()[0][:300]) from None
    if layer is None and len(layers) != 1:
        raise UserError("gis.layers", text=str(path), layers=", ".join(layers) or "–")
    if layer is not None and layer not in layers:
        raise UserError("gis.no_layer", text=layer, layers=", ".join(layers) or "–")
    try:
        return pyogrio.read_dataframe(source, layer=layer or layers[0])
    except Exception as exc:
        raise UserError("gis.unreadable", text=str(path), reason=str(exc).splitlines()[0][:300]) from None


def check(frame, *, level: str, code_field: str):
    """``frame`` reprojected to EPSG:4326 with a ``code`` column, one valid polygonal shape per region of ``level``
    in code order; a ``UserError`` (``BoundaryCheckFailed`` for codes and shapes) naming what does not fit."""
    if level not in lookup.MAP_LEVELS:
        raise ValueError(f"level must be one of {lookup.MAP_LEVELS}")
    if code_field not in frame.columns:
        raise UserError("gis.code_field", text=code_field,
                        fields=", ".join(str(c) for c in frame.columns if c != frame.geometry.name))
    if frame.crs is None:
        raise UserError("gis.no_crs")
    frame = frame.to_crs(4326)
    frame["code"] = [_code_of(v) for v in frame[code_field]]
    wanted = {r.code for r in lookup.all_regions(level)}
    counts = Counter(frame["code"])
    problems = []
    missing = wanted - set(counts)
    unknown = {c or '""' for c in counts if c not in wanted}
    twice = {c for c, n in counts.items() if n > 1 and c in wanted}
    shapes = frame.geometry
    no_area = set(frame.loc[shapes.isna() | shapes.is_empty | (shapely.area(shapes.values) <= 0), "code"]) & wanted
    box = build.INDONESIA_BOX
    bounds = shapes.bounds
    outside = set(frame.loc[(bounds["minx"] < box[0]) | (bounds["miny"] < box[1]) | (bounds["maxx"] > box[2])
                            | (bounds["maxy"] > box[3]), "code"]) & wanted
    for key, found in (("missing", missing), ("unknown", unknown), ("duplicate", twice), ("no_area", no_area),
                       ("outside", outside - no_area)):
        if found:
            problems.append((f"gis.problem.{key}", {"n": len(found), "codes": _codes_text(found)}))
    if problems:
        raise BoundaryCheckFailed(level, problems)
    frame = frame.sort_values("code", kind="stable").reset_index(drop=True)
    return frame


def _csv_text(header: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def files_for(frame, level: str, data_dir: Path) -> tuple[dict[str, bytes], dict]:
    """The bytes of every file the import writes (relative path → bytes), from the checked ``frame``, and the
    build's report of the coverage cleaning."""
    report = build.Report()
    codes = list(frame["code"])
    shapes = [build.make_valid_polygonal(g) for g in frame.geometry]
    cleaned = build.clean_coverage(codes, shapes, level, report)
    names = {r.code: r.name for r in lookup.all_regions(level)}
    props = [{"code": c, "name": names[c]} for c in codes]
    out: dict[str, bytes] = {}
    gz = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=gz, mtime=0, compresslevel=9) as fh:
        fh.write(build.feature_collection(props, build.snap_to_grid(cleaned, build.FULL_DECIMALS),
                                          build.FULL_DECIMALS).encode("utf-8"))
    out[f"boundaries/{level}.geojson.gz"] = gz.getvalue()
    spec = build.DISPLAY[level]
    display, stats = build.display_geometries(cleaned, spec)
    out[f"display/{level}.geojson"] = build.feature_collection(props, display, spec.decimals).encode("utf-8")

    header, rows = _read_csv(data_dir / "regions.csv")
    col = {name: i for i, name in enumerate(header)}
    by_code = dict(zip(codes, cleaned))
    for row in rows:
        g = by_code.get(row[col["code"]]) if row[col["level"]] == level else None
        if g is not None:
            lon, lat = build.label_point(g)
            row[col["boundary_area_km2"]] = str(round(float(area_km2(g)), 2))
            row[col["label_lon"]], row[col["label_lat"]] = str(lon), str(lat)
    out["regions.csv"] = _csv_text(header, rows).encode("utf-8")

    header, rows = _read_csv(data_dir / "neighbors.csv")
    kept = [r for r in rows if r[0] != level]
    ordered = sorted(codes)
    pairs = [[level, a, b, km] for a, b, km in build.neighbor_pairs(ordered, [by_code[c] for c in ordered])]
    levels = list(lookup.MAP_LEVELS)
    merged = sorted(kept + pairs, key=lambda r: levels.index(r[0]))  # the build's order: level by level
    out["neighbors.csv"] = _csv_text(header, merged).encode("utf-8")
    details = {"coverage": report.checks, "fixes": report.fixes, "display": stats}
    return out, details


def _write_all(out: Path, files: dict[str, bytes]) -> None:
    """Every file to a temporary file beside its place first; only when all are written, each is renamed into
    place (a full disk or a missing permission leaves the old files as they were)."""
    temporary: dict[Path, Path] = {}
    try:
        for name, data in files.items():
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as fh:
                temporary[path] = Path(fh.name)
                fh.write(data)
            os.chmod(temporary[path], 0o644)
    except OSError:
        for tmp in temporary.values():
            tmp.unlink(missing_ok=True)
        raise
    for path, tmp in temporary.items():
        os.replace(tmp, path)


def import_boundaries(path: str | Path, *, level: str, code_field: str, layer: str | None = None,
                      out: Path | None = None, data_dir: Path | None = None) -> Result:
    """Check the file against the codes of ``level``, then write the level's region files into ``out``
    (default: the region data folder, ``data_dir``, which also gives ``regions.csv`` and ``neighbors.csv``)."""
    data_dir = Path(data_dir or config.REGION_DATA_DIR)
    out = Path(out or data_dir)
    if out.exists() and not out.is_dir():
        raise UserError("file.no_folder", text=str(out))
    raw = read(path, layer=layer)
    source_crs = raw.crs.to_string() if raw.crs is not None else "?"
    frame = check(raw, level=level, code_field=code_field)
    files, details = files_for(frame, level, data_dir)
    report = {"source": Path(path).name, "layer": layer, "source_crs": source_crs, "crs": "EPSG:4326",
              "level": level, "code_field": code_field, "regions": len(frame), **details}
    files[f"boundary_import_{level}.json"] = (json.dumps(report, indent=1, ensure_ascii=False, default=str)
                                              + "\n").encode("utf-8")
    try:
        _write_all(out, files)
    except OSError as exc:
        raise UserError("file.not_written", text=str(out), reason=exc.strerror or str(exc)) from None
    return Result(level, Path(path).name, source_crs, len(frame), out, sorted(files), report)
