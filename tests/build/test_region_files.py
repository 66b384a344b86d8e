"""The committed region files are what the build produces, and they hold up."""

import csv
import filecmp
import gzip
import json

import numpy as np
import pytest
import shapely

from geo.build import region_files
from geo.build.display_quality import load_feature_geoms
from geo.regions.geodesy import area_km2
from geo.regions.lookup import MAP_LEVELS, is_within
from tests.conftest import DATA, SOURCE

BUILT_FILES = ["regions.csv", "gazetteer.csv", "neighbors.csv", "region_history.csv", "build_report.json",
               "SOURCE.md", "LICENSE-wilayah.txt", "boundaries/province.geojson.gz", "boundaries/regency.geojson.gz",
               "boundaries/district.geojson.gz", "display/province.geojson", "display/regency.geojson",
               "display/district.geojson"]


@pytest.fixture(scope="module")
def regions_rows():
    with (DATA / "regions.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def full():
    return {lv: load_feature_geoms(DATA / "boundaries" / f"{lv}.geojson.gz") for lv in MAP_LEVELS}


def test_committed_files_are_what_the_build_produces(tmp_path):
    if not SOURCE.exists():
        pytest.fail(f"upstream data not found at {SOURCE}")
    region_files.build(SOURCE, tmp_path, verbose=False)
    different = [f for f in BUILT_FILES if not filecmp.cmp(tmp_path / f, DATA / f, shallow=False)]
    assert different == [], f"rebuild differs from committed data/: {different}"


def test_all_provinces_and_regencies_present(regions_rows, full):
    by_level = {}
    for r in regions_rows:
        by_level.setdefault(r["level"], []).append(r)
    assert len(by_level["province"]) == 38
    assert len(by_level["regency"]) == 514
    assert len(by_level["district"]) == 7285
    assert len(full["province"]) == 38
    assert len(full["regency"]) == 514


def test_every_district_with_an_upstream_boundary_is_present(full):
    upstream = set()
    for path in (SOURCE / "boundaries" / "kec").glob("*.sql"):
        text = path.read_text(encoding="utf-8")
        upstream.update(m for m in __import__("re").findall(r"\('(\d{2}\.\d{2}\.\d{2})'", text))
    assert upstream, "no district codes read upstream"
    assert upstream <= set(full["district"])


def test_regions_have_names_parents_population_area_and_labels(regions_rows, full):
    codes = {r["code"] for r in regions_rows}
    for r in regions_rows:
        assert r["name"].strip() == r["name"] and r["name"]
        if r["level"] != "province":
            assert r["parent_code"] in codes
        if r["level"] in ("province", "regency"):
            assert int(r["population"]) > 0, r
            assert float(r["area_km2"]) > 0, r
    for r in regions_rows:
        g = full[r["level"]].get(r["code"])
        if g is not None:
            pt = shapely.Point(float(r["label_lon"]), float(r["label_lat"]))
            assert g.buffer(1e-6).contains(pt), f"label of {r['code']} outside the region"


def test_geometries_valid_polygonal_lonlat(full):
    for level, geoms in full.items():
        arr = np.array(list(geoms.values()), dtype=object)
        assert all(g.geom_type in ("Polygon", "MultiPolygon") and not g.is_empty for g in arr), level
        assert bool(np.all(shapely.is_valid(arr))), level
        b = shapely.total_bounds(arr)
        assert 94 < b[0] < b[2] < 142 and -12 < b[1] < b[3] < 7, (level, b)


def test_province_is_union_of_its_regencies(full):
    for code, prov in full["province"].items():
        kids = [g for c, g in full["regency"].items() if is_within(c, code)]
        union = shapely.union_all(np.array(kids, dtype=object))
        a_prov, a_union = float(area_km2(prov)), float(area_km2(union))
        assert abs(a_prov - a_union) / a_union < 0.005, code
        assert float(area_km2(shapely.symmetric_difference(prov, union))) / a_union < 0.005, code


def test_gazetteer_has_every_code():
    with (DATA / "gazetteer.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 91_599
    assert len({r["code"] for r in rows}) == 91_599


def test_mangled_codes_in_area_table_are_repaired_by_name():
    report = json.loads((DATA / "build_report.json").read_text(encoding="utf-8"))
    repaired = {f["code"]: f["repaired"] for f in report["fixes"] if "repaired" in f}
    assert repaired.get("11.1") == "11.10"
    assert repaired.get("31.0") == "31"


def test_stale_overlap_is_given_to_the_smaller_region(full):
    # Upstream Kabupaten Sorong still covers ~5,000 km² of Tambrauw; BIG gives Sorong 7,565 km².
    sorong = float(area_km2(full["regency"]["96.01"]))
    assert 6_800 < sorong < 8_300
    assert float(area_km2(shapely.intersection(full["regency"]["96.01"], full["regency"]["96.04"]))) < 1


def test_full_detail_is_gzip_geojson():
    with gzip.open(DATA / "boundaries" / "province.geojson.gz", "rt", encoding="utf-8") as fh:
        fc = json.load(fh)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 38


def test_provinces_come_from_regencies_whatever_the_upstream_province_file_holds():
    a = shapely.box(100, -1, 101, 0)
    b = shapely.box(101, -1, 102, 0)
    regs = {"11.01": shapely.MultiPolygon([a]), "11.02": shapely.MultiPolygon([b]),
            "12.01": shapely.MultiPolygon([shapely.box(110, -1, 111, 0)])}
    wrong = {"11": shapely.MultiPolygon([shapely.box(130, 0, 131, 1)])}  # 12 missing, 11 elsewhere
    provs, check = region_files.derive_provinces(["11", "12"], regs, wrong)
    assert provs["11"].equals(shapely.box(100, -1, 102, 0))
    assert provs["12"].equals(shapely.box(110, -1, 111, 0))
    assert check["12"]["upstream"] == "missing"
    assert check["11"]["overlap_share"] == 0.0
    with pytest.raises(region_files.BuildError):
        region_files.derive_provinces(["13"], regs, {})
