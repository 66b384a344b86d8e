"""Measures of how faithful the browser (display) boundaries are to full detail.

Used by the tests and by ``python -m geo.display_quality`` to print the figures.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import numpy as np
import shapely

from geo.build_regions import DISPLAY, LEVELS
from geo.geodesy import area_km2, pixel_degrees

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


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
        "coverage_valid": bool(shapely.coverage_is_valid(d_arr)),
        **slivers,
        "max_area_error_over_100km2": round(float(err[big].max()), 5),
        "worst_region_over_100km2": codes[worst],
        "median_area_error": round(float(np.median(err)), 5),
        "invisible_regions": [c for c, v in zip(codes, visible) if not v],
        "vertices": int(shapely.get_num_coordinates(d_arr).sum()),
        "vertices_full": int(shapely.get_num_coordinates(f_arr).sum()),
    }


def sliver_stats(display: np.ndarray, full: np.ndarray, px: float) -> dict:
    """Overlaps between neighbours and gaps that full detail does not have.

    Each sliver's width is estimated as 2·area/perimeter; one under half a
    pixel cannot be seen at the level's zoom.
    """
    tree = shapely.STRtree(display)
    left, right = tree.query(display, predicate="intersects")
    pieces = []
    for i, j in zip(left, right):
        if i < j:
            inter = shapely.intersection(display[i], display[j])
            pieces.extend(p for p in shapely.get_parts(inter) if p.geom_type == "Polygon" and p.area > 0)
    overlap_area = float(area_km2(np.array(pieces, dtype=object)).sum()) if pieces else 0.0
    union_disp = shapely.union_all(display)
    union_full = shapely.union_all(full)
    holes_full = shapely.union_all(np.array(
        [shapely.Polygon(r) for p in shapely.get_parts(union_full) for r in p.interiors], dtype=object))
    gap_pieces = []
    for p in shapely.get_parts(union_disp):
        for ring in p.interiors:
            hole = shapely.Polygon(ring)
            extra = shapely.difference(hole, holes_full) if not holes_full.is_empty else hole
            gap_pieces.extend(q for q in shapely.get_parts(extra) if q.geom_type == "Polygon" and q.area > 0)
    allp = pieces + gap_pieces
    widths = [2 * q.area / q.length for q in allp if q.length > 0]
    return {
        "overlap_km2": round(overlap_area, 3),
        "gap_km2": round(float(area_km2(np.array(gap_pieces, dtype=object)).sum()) if gap_pieces else 0.0, 3),
        "slivers": len(allp),
        "max_sliver_width_px": round(max(widths) / px, 3) if widths else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    levels = (argv or sys.argv[1:]) or list(LEVELS)
    for level in levels:
        print(json.dumps(measure(level)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
