"""Measures of how faithful the browser (display) boundaries are to full detail.

Used by the tests and by ``python -m geo.build.display_quality`` to print the figures.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import numpy as np
import shapely

from geo import config
from geo.build.region_files import DISPLAY
from geo.regions.geodesy import area_km2, pixel_degrees
from geo.regions.lookup import MAP_LEVELS

DATA_DIR = config.REGION_DATA_DIR


def load_feature_geoms(path: Path) -> dict[str, object]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        fc = json.load(fh)
    return {f["properties"]["code"]: shapely.geometry.shape(f["geometry"]) for f in fc["features"]}


def measure(level: str, data_dir: Path = DATA_DIR) -> dict:
    spec = DISPLAY[level]
    display_path = data_dir / "display" / f"{level}.geojson"
    full = load_feature_geoms(data_dir / "boundaries" / f"{level}.geojson.gz")
    disp = load_feature_geoms(display_path)
    codes = sorted(full)
    f_arr = np.array([full[c] for c in codes], dtype=object)
    d_arr = np.array([disp[c] for c in codes], dtype=object)
    a_full = area_km2(f_arr)
    a_disp = area_km2(d_arr)
    err = np.abs(a_disp - a_full) / a_full
    big = a_full > 100
    px = pixel_degrees(spec.zoom)
    # Visible: at least one polygon at least a pixel across.
    visible = []
    for g in d_arr:
        b = shapely.bounds(np.array(list(shapely.get_parts(g)), dtype=object))
        visible.append(bool(np.any(np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]) >= px)))
    slivers = sliver_stats(d_arr, f_arr, px)
    worst = int(np.argmax(np.where(big, err, 0)))
    return {
        "level": level,
        "regions": len(codes),
        "bytes": display_path.stat().st_size,
        "budget_bytes": spec.budget_bytes,
        "all_valid": bool(np.all(shapely.is_valid(d_arr))),
        "all_polygonal": all(g.geom_type in ("Polygon", "MultiPolygon") and not g.is_empty for g in d_arr),
        **slivers,
        "max_area_error_over_100km2": round(float(err[big].max()), 5),
        "worst_region_over_100km2": codes[worst],
        "median_area_error": round(float(np.median(err)), 5),
        "invisible_regions": [c for c, v in zip(codes, visible) if not v],
        "vertices": int(shapely.get_num_coordinates(d_arr).sum()),
        "vertices_full": int(shapely.get_num_coordinates(f_arr).sum()),
    }


def sliver_stats(display: np.ndarray, full: np.ndarray, px: float) -> dict:
    """Overlaps between neighbours, and gaps between them that full detail does not have.

    A gap is a hole in the union of the display regions that touches no hole
    of the full-detail union (lakes and gaps upstream keep their holes, only
    simplified) and lies mostly on land in full detail: a narrow-mouthed bay
    that simplification closes is sea either way, and counted apart. Each
    piece's width is estimated as 2·area/perimeter, in pixels of the level's
    zoom; under half a pixel cannot be seen.
    """
    tree = shapely.STRtree(display)
    left, right = tree.query(display, predicate="intersects")
    pieces = []
    for i, j in zip(left, right):
        if i < j:
            inter = shapely.intersection(display[i], display[j])
            pieces.extend(p for p in shapely.get_parts(inter) if p.geom_type == "Polygon" and p.area > 0)
    full_union = shapely.union_all(full)
    full_holes = np.array([shapely.Polygon(r) for p in shapely.get_parts(full_union)
                           for r in p.interiors], dtype=object)
    hole_tree = shapely.STRtree(full_holes)
    gaps, closed_bays = [], 0
    for p in shapely.get_parts(shapely.union_all(display)):
        for ring in p.interiors:
            hole = shapely.Polygon(ring)
            if len(hole_tree.query(hole, predicate="intersects")) > 0:
                continue
            if shapely.intersection(hole, full_union).area > 0.5 * hole.area:
                gaps.append(hole)
            else:
                closed_bays += 1
    allp = pieces + gaps
    widths = [2 * q.area / q.length / px for q in allp if q.length > 0]
    return {
        "coverage_valid": bool(shapely.coverage_is_valid(display)),
        "overlap_km2": round(float(area_km2(np.array(pieces, dtype=object)).sum()) if pieces else 0.0, 4),
        "new_gaps": len(gaps),
        "new_gap_km2": round(float(area_km2(np.array(gaps, dtype=object)).sum()) if gaps else 0.0, 4),
        "closed_bays": closed_bays,
        "max_sliver_width_px": round(max(widths), 3) if widths else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    levels = (argv or sys.argv[1:]) or list(MAP_LEVELS)
    for level in levels:
        print(json.dumps(measure(level)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
