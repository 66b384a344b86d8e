"""Build Sinergi's committed region files in ``data/`` from the upstream dumps.

    python -m geo.build.region_files --source ../shared/data/wilayah [--out data]

The upstream (cahyadsn/wilayah and cahyadsn/wilayah_boundaries, MIT) ships SQL
dumps. They are real-world files, so every step checks what it relies on and
writes what it found and fixed to ``data/build_report.json``:

* names come from the official code list (Kepmendagri 300.2.2-2138/2025); the
  boundary dumps carry their own, sometimes mistyped, copies;
* population and area tables carry codes that went through a number type
  (``11.1`` for ``11.10``, ``31.0`` for ``31``); they are repaired only where
  the repaired code's official name matches the row's name;
* boundary paths are ``[lat, lng]`` JSON nested three or four deep; they are
  turned into valid lon/lat (Multi)Polygons and checked to lie in Indonesia;
* each level is cleaned into a proper coverage (no overlaps, shared edges
  identical, slivers closed) with GEOS' CoverageCleaner. Overlaps go to the
  smaller region: upstream keeps stale, larger shapes of regions that were split
  (Kabupaten Sorong still covers most of Tambrauw; parent districts still cover
  their newer children), and the smaller, newer shape is the right one;
* provinces are the union of their cleaned regencies, so the levels nest
  exactly whatever the upstream province file holds.

Outputs (all deterministic for the pinned library versions):

* ``regions.csv`` — every province, regency/city and district: code, level,
  name, parent, population and official area where upstream has them, area of
  the boundary, and a label point inside the region;
* ``gazetteer.csv`` — all codes down to villages, for name look-ups;
* ``neighbors.csv`` — land neighbours per level with the shared border length;
* ``region_history.csv`` — what every province and regency of earlier code lists is today
  (``geo.build.region_history``);
* ``boundaries/<level>.geojson.gz`` — full detail (6 decimals, ~0.1 m);
* ``display/<level>.geojson`` — simplified for the browser (see DISPLAY);
* ``build_report.json``, ``LICENSE-wilayah.txt``, ``SOURCE.md``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import shapely
import shapely.affinity
from shapely.ops import polylabel

from geo import config
from geo.build import region_history
from geo.build.wilayah_sql import iter_insert_rows
from geo.regions.geodesy import area_km2, pixel_degrees
from geo.regions.lookup import KEMENDAGRI_CODE, LEVELS, MAP_LEVELS, is_within, level_of
from geo.regions.names import names_agree, normalize_name

FOLDER_OF_LEVEL = {"province": "prov", "regency": "kab", "district": "kec"}
# Generous box around Indonesia (lon_min, lat_min, lon_max, lat_max).
INDONESIA_BOX = (94.0, -11.5, 141.5, 6.5)
FULL_DECIMALS = 6
GAP_WIDTH_DEG = 0.004  # close gaps narrower than ~450 m between neighbours (99% of district gaps)


@dataclass(frozen=True)
class DisplaySpec:
    """How one level is simplified for the browser.

    ``zoom`` is the web-map zoom at which the level is viewed; a pixel there is
    ``pixel_degrees(zoom)`` wide. Islands smaller than a pixel may be dropped,
    but only while the region loses at most ``max_dropped_share`` of its area.
    ``tiers_px`` are simplification tolerances in pixels, coarse to fine: a
    region starts at the first and moves one tier finer each round while its
    area is more than ``finer_when_error_above`` off. Coordinates keep
    ``decimals`` decimals.
    """

    zoom: float
    tiers_px: tuple[float, ...]
    decimals: int
    max_dropped_share: float
    budget_bytes: int
    finer_when_error_above: float = 0.015
    refine_rounds: int = 10


DISPLAY = {
    "province": DisplaySpec(zoom=5, tiers_px=(1.4, 0.6, 0.3), decimals=3, max_dropped_share=0.005,
                            budget_bytes=250_000),
    "regency": DisplaySpec(zoom=6, tiers_px=(0.7, 0.4, 0.2), decimals=3, max_dropped_share=0.005,
                           budget_bytes=900_000),
    "district": DisplaySpec(zoom=8, tiers_px=(3.0, 1.6, 0.8, 0.4), decimals=3, max_dropped_share=0.005,
                            budget_bytes=4_000_000),
}


@dataclass
class Report:
    counts: dict = field(default_factory=dict)
    fixes: list = field(default_factory=list)
    rejected: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    checks: dict = field(default_factory=dict)

    def fix(self, what: str, **detail) -> None:
        self.fixes.append({"what": what, **detail})

    def reject(self, what: str, **detail) -> None:
        self.rejected.append({"what": what, **detail})

    def warn(self, what: str, **detail) -> None:
        self.warnings.append({"what": what, **detail})


class BuildError(RuntimeError):
    """The upstream data fails a check the build cannot repair."""


# --------------------------------------------------------------------------- codes


def clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip()


def read_codes(source: Path, report: Report) -> dict[str, str]:
    codes: dict[str, str] = {}
    for _, row in iter_insert_rows(source / "codes" / "wilayah.sql"):
        code, name = str(row[0]).strip(), clean_name(str(row[1]))
        if not KEMENDAGRI_CODE.match(code):
            report.reject("malformed code in wilayah.sql", code=code, name=name)
            continue
        if code in codes:
            report.warn("duplicate code in wilayah.sql, last kept", code=code, names=[codes[code], name])
        if name != row[1]:
            report.fix("whitespace trimmed in official name", code=code, name=name)
        codes[code] = name
    for code in codes:
        parent = parent_code(code)
        if parent and parent not in codes:
            raise BuildError(f"code {code} has no parent {parent} in wilayah.sql")
    report.counts["codes"] = {
        level: sum(1 for c in codes if level_of(c) == level)
        for level in LEVELS
    }
    return codes


def parent_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


def _repair_code(code: str, name: str, codes: dict[str, str]) -> str | None:
    """The official code a row means, checked by name.

    A code in the official list is taken when the names agree up to
    abbreviations and small typos ("Kab Timor Tengah Selatan", "Papua Barat
    Oaya"). A code that went through a number type (``11.1``, ``31.0``) is
    repaired only to a candidate whose official name matches.
    """
    if code in codes and names_agree(codes[code], name, threshold=85.0):
        return code
    candidates = []
    m = re.fullmatch(r"(\d{2})\.(\d)", code)
    if m:
        candidates += [f"{m[1]}.{m[2]}0", f"{m[1]}.0{m[2]}"]
        if m[2] == "0":
            candidates.append(m[1])
    for cand in candidates:
        if cand in codes and names_agree(codes[cand], name, threshold=95.0):
            return cand
    return None


def read_attribute_table(path: Path, value_column: str, codes: dict[str, str], report: Report) -> dict[str, float]:
    values: dict[str, float] = {}
    for columns, row in iter_insert_rows(path):
        rec = dict(zip(columns, row))
        code, name = str(rec["kode"]).strip(), clean_name(str(rec["nama"]))
        if code == "0":  # national total
            report.counts[f"{path.stem}_national_total"] = float(rec[value_column])
            continue
        fixed = _repair_code(code, name, codes)
        if fixed is None:
            report.reject(f"{path.name}: code does not match the official list", code=code, name=name)
            continue
        if fixed != code:
            report.fix(f"{path.name}: mangled code repaired by name", code=code, repaired=fixed, name=name)
        elif normalize_name(codes[fixed]) != normalize_name(name):
            report.fix(f"{path.name}: name differs from the official list; official kept",
                       code=code, upstream=name, official=codes[fixed])
        if fixed in values:
            report.warn(f"{path.name}: duplicate code, first kept", code=fixed)
            continue
        values[fixed] = float(rec[value_column])
    return values


# ----------------------------------------------------------------------- geometry


def _depth(x) -> int:
    d = 0
    while isinstance(x, list) and x:
        d += 1
        x = x[0]
    return d


def parse_path(path_json: str):
    """Upstream ``path`` ([lat, lng] nested 3 or 4 deep) to a lon/lat MultiPolygon."""
    data = json.loads(path_json)
    depth = _depth(data)
    if depth == 3:
        data = [data]
    elif depth != 4:
        raise ValueError(f"unexpected nesting depth {depth}")
    polygons = []
    for poly in data:
        rings = []
        for ring in poly:
            arr = np.asarray(ring, dtype=float)
            if arr.ndim != 2 or arr.shape[1] != 2 or len(arr) < 4:
                continue  # a ring needs at least four points
            rings.append(arr[:, ::-1])  # [lat, lng] -> (lon, lat)
        if rings:
            polygons.append(shapely.Polygon(rings[0], rings[1:]))
    if not polygons:
        raise ValueError("no polygon with at least four points")
    return shapely.MultiPolygon(polygons)


def polygonal(geom):
    """The polygonal part of a geometry as a valid MultiPolygon (empty if none)."""
    parts = [p for p in _polygon_parts(geom) if not p.is_empty and p.area > 0]
    if not parts:
        return shapely.MultiPolygon()
    multi = shapely.MultiPolygon(parts)
    if multi.is_valid:
        return multi
    # Parts that touch along an edge or overlap: dissolve them.
    merged = shapely.union_all(np.array([shapely.make_valid(p) for p in parts], dtype=object))
    return shapely.MultiPolygon([p for p in _polygon_parts(merged) if p.area > 0])


def _polygon_parts(geom) -> list:
    if geom.geom_type == "Polygon":
        return [geom]
    if geom.geom_type in ("MultiPolygon", "GeometryCollection"):
        out = []
        for part in geom.geoms:
            out.extend(_polygon_parts(part))
        return out
    return []


def make_valid_polygonal(geom):
    """A valid (Multi)Polygon for any input; collapsed parts are dropped."""
    if geom.is_valid:
        return polygonal(geom)
    try:
        fixed = shapely.make_valid(geom, method="structure", keep_collapsed=False)
    except shapely.errors.GEOSException:
        fixed = shapely.buffer(geom, 0)  # GEOS refuses some degenerate inputs; buffer(0) accepts them
    return polygonal(fixed)


def in_indonesia(geom) -> bool:
    x0, y0, x1, y1 = geom.bounds
    bx0, by0, bx1, by1 = INDONESIA_BOX
    return bx0 <= x0 and x1 <= bx1 and by0 <= y0 and y1 <= by1


def read_boundaries(source: Path, level: str, codes: dict[str, str], report: Report) -> dict[str, object]:
    folder = source / "boundaries" / FOLDER_OF_LEVEL[level]
    files = sorted(folder.glob("*.sql"))
    if not files:
        report.warn("no boundary files for level", level=level)
    out: dict[str, object] = {}
    repaired_invalid = 0
    for path in files:
        for columns, row in iter_insert_rows(path):
            rec = dict(zip(columns, row))
            code = str(rec.get("kode", "")).strip()
            where = {"file": path.name, "code": code}
            if not KEMENDAGRI_CODE.match(code) or level_of(code) != level:
                report.reject("boundary code malformed or of another level", **where)
                continue
            if code not in codes:
                report.reject("boundary code not in the official list", **where)
                continue
            upstream_name = clean_name(str(rec.get("nama") or ""))
            if upstream_name != codes[code]:
                report.fix("boundary name differs from the official list; official kept",
                           **where, upstream=upstream_name, official=codes[code])
            try:
                geom = parse_path(rec.get("path") or "")
            except ValueError as exc:
                report.reject(f"unreadable boundary path: {exc}", **where)
                continue
            if not in_indonesia(geom):
                swapped = shapely.transform(geom, lambda c: c[:, ::-1])
                if in_indonesia(swapped):
                    report.fix("lon/lat swapped in path", **where)
                    geom = swapped
                else:
                    report.reject("boundary outside Indonesia", **where, bounds=list(geom.bounds))
                    continue
            if not geom.is_valid:
                repaired_invalid += 1
            geom = make_valid_polygonal(geom)
            if geom.is_empty:
                report.reject("boundary has no area", **where)
                continue
            if code in out:
                report.warn("duplicate boundary code, last kept", **where)
            out[code] = geom
    report.counts[f"{level}_invalid_repaired"] = repaired_invalid
    return out


def clean_coverage(codes_in_order: list[str], geoms: list, level: str, report: Report) -> list:
    arr = np.array(geoms, dtype=object)
    before = area_km2(arr)
    was_valid = bool(shapely.coverage_is_valid(arr))
    cleaned = shapely.coverage_clean(arr, gap_width=GAP_WIDTH_DEG, merge_strategy="min_area")
    cleaned = [make_valid_polygonal(g) for g in cleaned]
    after = area_km2(np.array(cleaned, dtype=object))
    for code, a0, a1 in zip(codes_in_order, before, after):
        if a0 > 0 and abs(a1 - a0) / a0 > 0.02:
            report.fix("overlap with a neighbour removed by coverage cleaning",
                       level=level, code=code, area_before_km2=round(float(a0), 1),
                       area_after_km2=round(float(a1), 1))
    invalid_edges = shapely.coverage_invalid_edges(np.array(cleaned, dtype=object))
    report.checks[f"{level}_coverage"] = {
        "valid_before_cleaning": was_valid,
        "regions_with_unmatched_edges_after": [c for c, e in zip(codes_in_order, invalid_edges) if not e.is_empty],
    }
    for code, g in zip(codes_in_order, cleaned):
        if g.is_empty:
            raise BuildError(f"{level} {code} lost all its area in coverage cleaning")
    return cleaned


def derive_provinces(province_codes: list[str], regencies: dict[str, object],
                     upstream: dict[str, object]) -> tuple[dict[str, object], dict]:
    """Each province as the union of its (cleaned) regencies.

    The upstream province shape is only compared, never used: it may be
    missing, stale or wrong, and the levels must nest exactly.
    """
    out, check = {}, {}
    for prov in province_codes:
        children = [g for c, g in sorted(regencies.items()) if is_within(c, prov)]
        if not children:
            raise BuildError(f"province {prov} has no regency with a boundary")
        union = make_valid_polygonal(shapely.coverage_union_all(np.array(children, dtype=object)))
        out[prov] = union
        entry = {"union_km2": round(float(area_km2(union)), 1)}
        up = upstream.get(prov)
        if up is None:
            entry["upstream"] = "missing"
        else:
            up_a, union_a = float(area_km2(up)), float(area_km2(union))
            inter = float(area_km2(shapely.intersection(up, union)))
            entry.update(upstream_km2=round(up_a, 1), overlap_share=round(inter / max(up_a, union_a), 4))
        check[prov] = entry
    return out, check


def label_point(geom) -> tuple[float, float]:
    """A point well inside the region's largest part (pole of inaccessibility)."""
    parts = list(shapely.get_parts(geom))
    largest = max(parts, key=lambda p: p.area)
    tol = max(1e-5, (largest.bounds[2] - largest.bounds[0]) / 200)
    pt = polylabel(largest, tolerance=tol)
    if not largest.contains(pt):
        pt = largest.point_on_surface()
    return round(pt.x, 5), round(pt.y, 5)


# ------------------------------------------------------------------------ display


def display_geometries(geoms: list, spec: DisplaySpec) -> tuple[list, dict]:
    """Simplify one level's coverage for the browser; returns geometries and stats.

    1. Islands smaller than a pixel are dropped, smallest first, while the
       region keeps all but ``max_dropped_share`` of its area.
    2. Coordinates go to the output grid first, so that simplification (which
       only removes vertices) keeps shared borders identical to the last digit.
    3. The sea is added as one more polygon, so coastlines are shared edges too.
    4. Coverage simplification (Visvalingam–Whyatt, shared edges kept
       identical) runs in tiers: every region starts at the coarsest
       tolerance; one that comes out more than ``finer_when_error_above`` off
       in area moves, with its edges, to the next finer tier, for a few rounds.
    5. Isolated islets get their area back by scaling (see _restore_island_areas).
    """
    px = pixel_degrees(spec.zoom)
    kept, dropped_parts = _drop_subpixel_islands(geoms, spec.max_dropped_share, px)
    gridded = _to_grid_coverage(kept, spec.decimals)
    sea = _sea(gridded)
    target = area_km2(np.array(geoms, dtype=object))
    tier = np.zeros(len(gridded), dtype=int)
    for _round_no in range(spec.refine_rounds + 1):
        simplified = _simplify_in_tiers(gridded, sea, tier, [t * px for t in spec.tiers_px])
        simplified, rescaled = _restore_island_areas(gridded, simplified, spec.decimals)
        out, collapsed = _finish(simplified, gridded, spec.decimals)
        err = np.abs(area_km2(np.array(out, dtype=object)) - target) / target
        bump = (err > spec.finer_when_error_above) & (tier < len(spec.tiers_px) - 1)
        if not bump.any():
            break
        tier[bump] += 1
    return out, {"dropped_islands": dropped_parts, "rescaled_islands": rescaled,
                 "regions_per_tier": np.bincount(tier, minlength=len(spec.tiers_px)).tolist(),
                 "collapsed_by_rounding": collapsed}


def _drop_subpixel_islands(geoms: list, max_share: float, px: float) -> tuple[list, int]:
    """Drop islands under a pixel across, smallest first, within an area budget.

    Only parts that touch no other part are islands: a small part that fills
    a hole of a neighbour, or touches another region, stays (dropping it
    would open a gap).
    """
    parts, owner = _flatten(geoms)
    tree = shapely.STRtree(parts)
    left, right = tree.query(parts, predicate="intersects")
    touching = np.zeros(len(parts), dtype=bool)
    touching[left[left != right]] = True
    areas = area_km2(parts)
    bounds = shapely.bounds(parts)
    extent = np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])
    kept_geoms = []
    dropped = 0
    for i in range(len(geoms)):
        idx = np.flatnonzero(owner == i)
        budget = max_share * areas[idx].sum()
        largest = idx[int(np.argmax(areas[idx]))]
        drop = set()
        spent = 0.0
        for k in idx[np.argsort(areas[idx], kind="stable")]:
            if k == largest or touching[k] or extent[k] >= px:
                continue
            if spent + areas[k] > budget:
                break
            spent += areas[k]
            drop.add(int(k))
        dropped += len(drop)
        kept_geoms.append(shapely.MultiPolygon([parts[k] for k in idx if k not in drop]))
    return kept_geoms, dropped


def _to_grid_coverage(geoms: list, decimals: int, attempts: int = 4) -> list:
    """Round every vertex to the grid and re-clean, so the coverage stays exact.

    Cleaning may add a node off the grid where edges cross; rounding and
    cleaning again a few times ends with every vertex on the grid.
    """
    current = list(geoms)
    for _ in range(attempts):
        rounded = _round(current, decimals)
        fixed = []
        for g, before in zip(rounded, current):
            g = make_valid_polygonal(g)
            fixed.append(g if not g.is_empty else before)  # a region smaller than the grid keeps its shape
        arr = np.array(fixed, dtype=object)
        if shapely.coverage_is_valid(arr) and all(g.is_valid for g in fixed):
            return fixed
        current = [make_valid_polygonal(g) for g in
                   shapely.coverage_clean(arr, gap_width=3 * 10.0**-decimals)]
    return current


def _sea(geoms: list):
    """Everything around the regions (and gaps between them) as one polygon."""
    union = shapely.union_all(np.array(geoms, dtype=object))
    x0, y0, x1, y1 = union.bounds
    return polygonal(shapely.difference(shapely.box(x0 - 1, y0 - 1, x1 + 1, y1 + 1), union))


def _simplify_in_tiers(geoms: list, sea, tier: np.ndarray, tolerances: list[float]) -> list:
    """Coverage simplification where each edge gets the finer tolerance of its two sides.

    Pass ``j`` simplifies, at ``tolerances[j]``, the coverage of the regions
    whose tier is at most ``j`` plus the sea, with ``simplify_boundary=False``:
    only edges between two members move, so an edge next to a finer region
    waits for that region's pass. Re-simplifying an edge at a finer tolerance
    than it already had changes next to nothing.
    """
    current = list(geoms)
    sea_now = sea
    for j, tol in enumerate(tolerances):
        members = [i for i in range(len(geoms)) if tier[i] <= j]
        if not members:
            continue
        result = shapely.coverage_simplify(
            np.array([current[i] for i in members] + [sea_now], dtype=object), tol, simplify_boundary=False)
        for k, i in enumerate(members):
            current[i] = result[k]
        sea_now = result[-1]
    return current


def _finish(simplified: list, fallback: list, decimals: int) -> tuple[list, int]:
    out = []
    collapsed = 0
    for g, before in zip(_round(simplified, decimals), fallback):
        g = make_valid_polygonal(g)
        if g.is_empty:
            collapsed += 1
            g = polygonal(before)
        out.append(g)
    return out, collapsed


def _round(geoms, decimals: int):
    return shapely.transform(np.asarray(geoms, dtype=object), lambda c: np.round(c, decimals))


def snap_to_grid(geoms, decimals: int) -> list:
    """Round coordinates to ``decimals`` decimals, keeping every geometry valid."""
    snapped = shapely.set_precision(np.asarray(geoms, dtype=object), 10.0**-decimals)
    return [polygonal(g) for g in snapped]


def _flatten(geoms: list) -> tuple[np.ndarray, np.ndarray]:
    parts, owner = [], []
    for i, g in enumerate(geoms):
        for p in shapely.get_parts(g):
            parts.append(p)
            owner.append(i)
    return np.array(parts, dtype=object), np.array(owner, dtype=int)


def _restore_island_areas(before: list, after: list, decimals: int) -> tuple[list, int]:
    """Give simplified islands back the area that simplification took.

    Visvalingam–Whyatt and rounding shrink small islands (a round islet becomes
    a triangle), so a region made of many islets loses area. An island that
    touches nothing else (no neighbour, no other part of its own region) is
    scaled about its centroid to its full-detail area, unless the scaled island
    would then touch something. Shared borders are never moved.
    """
    parts_b, owner_b = _flatten(before)
    parts_a, owner_a = _flatten(after)
    if len(parts_b) != len(parts_a) or not np.array_equal(owner_b, owner_a):
        # Rounding merged or dropped parts somewhere: match region by region.
        same = [len(shapely.get_parts(b)) == len(shapely.get_parts(a)) for b, a in zip(before, after)]
        keep_b = np.array([same[o] for o in owner_b], dtype=bool)
        keep_a = np.array([same[o] for o in owner_a], dtype=bool)
    else:
        keep_b = keep_a = np.ones(len(parts_b), dtype=bool)
    idx_b, idx_a = np.flatnonzero(keep_b), np.flatnonzero(keep_a)
    touching = np.ones(len(parts_a), dtype=bool)
    tree_b = shapely.STRtree(parts_b)
    src, dst = tree_b.query(parts_b, predicate="intersects")
    touch_b = np.zeros(len(parts_b), dtype=bool)
    touch_b[src[src != dst]] = True
    tree_a = shapely.STRtree(parts_a)
    src, dst = tree_a.query(parts_a, predicate="intersects")
    touch_a = np.zeros(len(parts_a), dtype=bool)
    touch_a[src[src != dst]] = True
    touching[idx_a] = touch_b[idx_b] | touch_a[idx_a]
    target = np.zeros(len(parts_a))
    target[idx_a] = shapely.area(parts_b[idx_b])
    area_a = shapely.area(parts_a)
    cand = np.flatnonzero(~touching & (area_a > 0) & (target > 0) & (np.abs(target - area_a) > 1e-3 * target))
    if len(cand) == 0:
        return after, 0
    factors = np.sqrt(target[cand] / area_a[cand])
    scaled = _round(np.array([shapely.affinity.scale(parts_a[i], f, f, origin="centroid")
                              for i, f in zip(cand, factors)], dtype=object), decimals)
    s_idx, hit = tree_a.query(scaled, predicate="intersects")
    conflict = np.zeros(len(cand), dtype=bool)
    conflict[s_idx[hit != cand[s_idx]]] = True
    ok = ~conflict & shapely.is_valid(scaled) & ~shapely.is_empty(scaled)
    # Two grown islands must not meet each other either.
    grown = np.flatnonzero(ok)
    if len(grown):
        g_tree = shapely.STRtree(scaled[grown])
        a_idx, b_idx = g_tree.query(scaled[grown], predicate="intersects")
        clash = a_idx != b_idx
        ok[grown[a_idx[clash]]] = False
    new_parts = parts_a.copy()
    new_parts[cand[ok]] = scaled[ok]
    order = np.argsort(owner_a, kind="stable")
    bounds = np.searchsorted(owner_a[order], np.arange(len(after) + 1))
    result = [polygonal(shapely.MultiPolygon(list(new_parts[order[bounds[i]:bounds[i + 1]]])))
              for i in range(len(after))]
    return result, int(ok.sum())


# ------------------------------------------------------------------------- output


def _coords(geom, decimals: int):
    polys = []
    for poly in shapely.get_parts(geom):
        rings = [poly.exterior, *poly.interiors]
        polys.append([np.round(np.asarray(r.coords), decimals).tolist() for r in rings])
    return polys


def feature_collection(rows: list[dict], geoms: list, decimals: int) -> str:
    features = []
    for props, geom in zip(rows, geoms):
        polys = _coords(geom, decimals)
        geometry = (
            {"type": "Polygon", "coordinates": polys[0]}
            if len(polys) == 1
            else {"type": "MultiPolygon", "coordinates": polys}
        )
        features.append({"type": "Feature", "properties": props, "geometry": geometry})
    return json.dumps({"type": "FeatureCollection", "features": features},
                      separators=(",", ":"), ensure_ascii=False)


def write_gzip_text(path: Path, text: str) -> None:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    path.write_bytes(buf.getvalue())


def write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def neighbor_pairs(codes_in_order: list[str], geoms: list) -> list[tuple[str, str, float]]:
    arr = np.array(geoms, dtype=object)
    boundaries = shapely.boundary(arr)
    tree = shapely.STRtree(arr)
    left, right = tree.query(arr, predicate="intersects")
    pairs = []
    for i, j in zip(left, right):
        if i >= j:
            continue
        shared = shapely.intersection(boundaries[i], boundaries[j])
        km = _line_km(shared)
        if km > 0.01:  # touching at a point is not a land border
            pairs.append((codes_in_order[i], codes_in_order[j], round(km, 2)))
    return pairs


def _line_km(geom) -> float:
    if geom.is_empty:
        return 0.0
    from geo.regions.geodesy import haversine_km

    total = 0.0
    for part in shapely.get_parts(geom):
        if part.geom_type not in ("LineString", "LinearRing"):
            continue
        c = np.asarray(part.coords)
        total += float(haversine_km(c[:-1, 0], c[:-1, 1], c[1:, 0], c[1:, 1]).sum())
    return total


# -------------------------------------------------------------------------- build


def build(source: Path, out: Path, *, verbose: bool = True) -> Report:
    t0 = time.time()
    report = Report()

    def log(msg: str) -> None:
        if verbose:
            print(f"[{time.time() - t0:6.1f}s] {msg}", flush=True)

    codes = read_codes(source, report)
    log(f"codes: {report.counts['codes']}")
    population = read_attribute_table(source / "codes" / "wilayah_penduduk.sql", "total", codes, report)
    official_area = read_attribute_table(source / "codes" / "wilayah_luas.sql", "luas", codes, report)

    raw = {level: read_boundaries(source, level, codes, report) for level in MAP_LEVELS}
    log("boundaries read: " + ", ".join(f"{lv} {len(raw[lv])}" for lv in MAP_LEVELS))

    level_codes = {lv: sorted(c for c in codes if level_of(c) == lv) for lv in MAP_LEVELS}
    missing_regencies = [c for c in level_codes["regency"] if c not in raw["regency"]]
    if missing_regencies:
        raise BuildError(f"regencies without a boundary: {missing_regencies}")

    geoms: dict[str, dict[str, object]] = {}
    reg_codes = level_codes["regency"]
    geoms["regency"] = dict(zip(reg_codes, clean_coverage(reg_codes, [raw["regency"][c] for c in reg_codes],
                                                          "regency", report)))
    log("regencies cleaned")
    dist_codes = [c for c in level_codes["district"] if c in raw["district"]]
    report.counts["districts_without_boundary"] = [c for c in level_codes["district"] if c not in raw["district"]]
    geoms["district"] = dict(zip(dist_codes, clean_coverage(dist_codes, [raw["district"][c] for c in dist_codes],
                                                            "district", report)))
    log("districts cleaned")

    geoms["province"], report.checks["province_vs_upstream_province_file"] = derive_provinces(
        level_codes["province"], geoms["regency"], raw["province"])
    log("provinces derived from regencies")

    # Nesting check: districts against their (cleaned) regency.
    nesting = {}
    for reg in reg_codes:
        kids = [geoms["district"][c] for c in dist_codes if is_within(c, reg)]
        if not kids:
            continue
        u = shapely.coverage_union_all(np.array(kids, dtype=object))
        a_reg = float(area_km2(geoms["regency"][reg]))
        a_in = float(area_km2(shapely.intersection(u, geoms["regency"][reg])))
        nesting[reg] = round(a_in / a_reg, 4)
    report.checks["district_cover_of_regency_share"] = {
        "min": min(nesting.values()), "median": float(np.median(list(nesting.values()))),
        "below_0_9": {k: v for k, v in nesting.items() if v < 0.9},
    }

    out.mkdir(parents=True, exist_ok=True)
    (out / "boundaries").mkdir(exist_ok=True)
    (out / "display").mkdir(exist_ok=True)

    # regions.csv
    rows = []
    for lv in MAP_LEVELS:
        for code in level_codes[lv]:
            g = geoms[lv].get(code)
            lon = lat = ""
            b_area = ""
            if g is not None:
                lon, lat = label_point(g)
                b_area = round(float(area_km2(g)), 2)
            pop = population.get(code)
            rows.append([code, lv, codes[code], parent_code(code) or "",
                         "" if pop is None else int(pop),
                         "" if code not in official_area else official_area[code],
                         b_area, lon, lat])
    write_csv(out / "regions.csv",
              ["code", "level", "name", "parent_code", "population", "area_km2", "boundary_area_km2",
               "label_lon", "label_lat"], rows)
    write_csv(out / "gazetteer.csv", ["code", "name"], [[c, codes[c]] for c in sorted(codes)])
    log("regions.csv and gazetteer.csv written")
    region_history.build(source, out)
    log("region_history.csv written")

    # neighbours
    nrows = []
    for lv in MAP_LEVELS:
        cs = sorted(geoms[lv])
        for a, b, km in neighbor_pairs(cs, [geoms[lv][c] for c in cs]):
            nrows.append([lv, a, b, km])
    write_csv(out / "neighbors.csv", ["level", "code_a", "code_b", "shared_border_km"], nrows)
    log(f"neighbors.csv written ({len(nrows)} pairs)")

    display_stats = {}
    for lv in MAP_LEVELS:
        cs = sorted(geoms[lv])
        full = [geoms[lv][c] for c in cs]
        props = [{"code": c, "name": codes[c]} for c in cs]
        full_rounded = snap_to_grid(full, FULL_DECIMALS)
        write_gzip_text(out / "boundaries" / f"{lv}.geojson.gz", feature_collection(props, full_rounded, FULL_DECIMALS))
        spec = DISPLAY[lv]
        disp, stats = display_geometries(full, spec)
        text = feature_collection(props, disp, spec.decimals)
        (out / "display" / f"{lv}.geojson").write_text(text, encoding="utf-8")
        stats.update(bytes=len(text.encode("utf-8")), budget_bytes=spec.budget_bytes, spec=asdict(spec))
        display_stats[lv] = stats
        log(f"{lv}: display {stats['bytes'] / 1000:.0f} KB (budget {spec.budget_bytes / 1000:.0f} KB)")
    report.checks["display"] = display_stats

    shutil.copyfile(source / "boundaries" / "LICENSE", out / "LICENSE-wilayah.txt")
    (out / "SOURCE.md").write_text(_source_note(source), encoding="utf-8")
    report.counts["regions"] = {lv: len(level_codes[lv]) for lv in MAP_LEVELS}
    report.counts["boundaries"] = {lv: len(geoms[lv]) for lv in MAP_LEVELS}
    (out / "build_report.json").write_text(json.dumps(asdict(report), indent=1, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    log("done")
    return report


HISTORY_NOTE = (
    "`region_history.csv` (same upstream and licence) says what every province and regency code and name\n"
    "of the archived code lists (archive/wilayah_2016 … 2023.sql.gz) is today: same, renamed, moved (the\n"
    "2022 Papua splits) or dissolved, with the editions that wrote it and why; built by\n"
    "`python -m geo.build.region_history --source ../shared/data/wilayah` (rules in that module).\n\n"
)


def _source_note(source: Path) -> str:
    upstream = (source / "SOURCE.md").read_text(encoding="utf-8") if (source / "SOURCE.md").exists() else ""
    return (
        "# Region data in this folder\n\n"
        "Built by `python -m geo.build.region_files --source ../shared/data/wilayah` from the\n"
        "upstream files described below. Data © cahya dsn, MIT licence (LICENSE-wilayah.txt):\n"
        "https://github.com/cahyadsn/wilayah and https://github.com/cahyadsn/wilayah_boundaries.\n"
        "What the build checked and repaired is in build_report.json.\n\n"
        + HISTORY_NOTE +
        "## BPS codes\n\n"
        "bps_crosswalk.csv (BPS code → Kemendagri code) is built separately, by\n"
        "`python -m geo.build.bps_crosswalk --source ../shared/data/bps`, from BPS data © Badan Pusat Statistik\n"
        "under ODbL 1.0 (LICENSE-ODbL-1.0.md); it is a derived database under ODbL too. Attribution, rules and\n"
        "counts: SOURCE-bps.md.\n\n"
        "## Upstream note\n\n" + upstream
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=Path("../shared/data/wilayah"))
    parser.add_argument("--out", type=Path, default=config.REGION_DATA_DIR)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    try:
        build(args.source, args.out, verbose=not args.quiet)
    except (BuildError, region_history.BuildError) as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
