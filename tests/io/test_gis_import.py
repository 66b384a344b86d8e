"""Official boundaries into the region data (``geo.io.gis_import``): any CRS lands in EPSG:4326 on the committed
boundaries; codes missing, unknown or twice, a missing code field or CRS are refused with a clear message and
nothing changes; and the ``import-boundaries`` command."""

import csv
import gzip
import json
import os
import subprocess
import sys
import zipfile

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo import config
from geo.io import gis_import
from geo.regions import boundaries, lookup
from geo.regions.geodesy import haversine_km
from geo.text.messages import UserError
from tests.conftest import ROOT

CODE_FIELD = "KDPPUM"  # as BIG's files name the province code


def committed(level: str) -> gpd.GeoDataFrame:
    """The committed full-detail boundaries of ``level`` as an "official" file would hold them."""
    features = boundaries.level_features(level)
    return gpd.GeoDataFrame({CODE_FIELD: list(features), "NAMOBJ": [f["properties"]["name"] for f in features.values()]},
                            geometry=[shapely.geometry.shape(f["geometry"]) for f in features.values()], crs=4326)


def shapefile_zip(frame: gpd.GeoDataFrame, path, *, parts=(".shp", ".shx", ".dbf", ".prj", ".cpg")):
    folder = path.parent / (path.stem + "_parts")
    folder.mkdir()
    frame.to_file(folder / "batas.shp", engine="pyogrio", encoding="UTF-8")
    with zipfile.ZipFile(path, "w") as zf:
        for ext in parts:
            zf.write(folder / f"batas{ext}", f"batas{ext}")
    return path


def imported(out, level: str) -> gpd.GeoDataFrame:
    return gpd.read_file(f"/vsigzip/{out / 'boundaries' / f'{level}.geojson.gz'}", engine="pyogrio")


def snapshot(folder) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def out(tmp_path):
    """A copy of the region data's tables to import into (never the committed data/)."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("regions.csv", "neighbors.csv"):
        (folder / name).write_bytes((config.REGION_DATA_DIR / name).read_bytes())
    return folder


def test_provinces_in_a_transverse_mercator_shapefile_land_in_epsg_4326_on_the_committed_boundaries(tmp_path, out):
    source = committed("province")
    path = shapefile_zip(source.to_crs("EPSG:23830"), tmp_path / "provinsi.zip")  # DGN95 / Indonesia TM-3 46.2
    result = gis_import.import_boundaries(path, level="province", code_field=CODE_FIELD, out=out)
    assert result.regions == 38 and result.source_crs == "EPSG:23830"
    back = imported(out, "province").set_index("code")
    assert back.crs.to_epsg() == 4326
    assert sorted(back.index) == sorted(r.code for r in lookup.all_regions("province"))
    assert dict(back["name"]) == {r.code: r.name for r in lookup.all_regions("province")}
    assert back.geometry.is_valid.all()
    want = source.set_index(CODE_FIELD).geometry
    a = shapely.get_coordinates(shapely.centroid(want.to_numpy()))
    b = shapely.get_coordinates(shapely.centroid(back.geometry.reindex(want.index).to_numpy()))
    assert float(np.max(haversine_km(a[:, 0], a[:, 1], b[:, 0], b[:, 1]))) < 0.01  # centroids within 10 m
    ratio = shapely.area(back.geometry.reindex(want.index).to_numpy()) / shapely.area(want.to_numpy())
    assert np.allclose(ratio, 1, atol=1e-5)
    # regions.csv: the provinces' boundary areas as committed (to 0.1 km²), other rows untouched
    with (config.REGION_DATA_DIR / "regions.csv").open() as a_fh, (out / "regions.csv").open() as b_fh:
        before, after = list(csv.DictReader(a_fh)), list(csv.DictReader(b_fh))
    assert [r["code"] for r in before] == [r["code"] for r in after]
    for x, y in zip(before, after):
        if x["level"] == "province":
            assert float(y["boundary_area_km2"]) == pytest.approx(float(x["boundary_area_km2"]), abs=0.1)
            assert {k: x[k] for k in ("name", "population", "area_km2")} == {k: y[k] for k in ("name", "population",
                                                                                              "area_km2")}
        else:
            assert x == y
    display = json.loads((out / "display" / "province.geojson").read_text())
    assert len(display["features"]) == 38
    report = json.loads((out / "boundary_import_province.json").read_text())
    assert report["source_crs"] == "EPSG:23830" and report["regions"] == 38


def test_a_regency_shapefile_in_utm_gives_the_514_built_regions_within_the_display_tolerance(tmp_path, out):
    source = committed("regency")
    path = shapefile_zip(source.to_crs("EPSG:32750"), tmp_path / "kabkota.zip")  # WGS 84 / UTM zone 50S
    gis_import.import_boundaries(path, level="regency", code_field=CODE_FIELD, out=out)
    back = imported(out, "regency").set_index("code")
    assert len(back) == 514 and back.crs.to_epsg() == 4326
    want = source.set_index(CODE_FIELD).geometry
    got = back.geometry.reindex(want.index)
    # the browser's finest tolerance at regency level is 0.2 px at zoom 6 (about 0.0046°): far within that
    assert float(shapely.hausdorff_distance(got.to_numpy(), want.to_numpy()).max()) < 1e-4
    with (config.REGION_DATA_DIR / "neighbors.csv").open() as a_fh, (out / "neighbors.csv").open() as b_fh:
        pairs = [{(r["level"], r["code_a"], r["code_b"]) for r in csv.DictReader(fh)} for fh in (a_fh, b_fh)]
    assert pairs[0] == pairs[1]


def test_a_geopackage_with_codes_missing_unknown_and_twice_is_refused_naming_them_all_and_nothing_changes(
        tmp_path, out):
    frame = committed("province")
    frame.loc[frame[CODE_FIELD] == "11", CODE_FIELD] = "99"  # unknown; 11 now missing
    frame.loc[frame[CODE_FIELD] == "12", CODE_FIELD] = "13"  # 13 twice; 12 missing
    frame.loc[frame[CODE_FIELD] == "32", CODE_FIELD] = "32.73"  # a regency's code at province level
    path = tmp_path / "batas.gpkg"
    frame.to_file(path, engine="pyogrio")
    before = snapshot(out)
    with pytest.raises(UserError) as err:
        gis_import.import_boundaries(path, level="province", code_field=CODE_FIELD, out=out)
    id_text, en_text = err.value.text("id"), err.value.text("en")
    assert "kode yang tidak ada di berkas (3): 11, 12, 32" in id_text and "Tidak ada yang diubah" in id_text
    assert "codes unknown at this level (2): 32.73, 99" in en_text
    assert "codes that appear more than once (1): 13" in en_text and "Nothing was changed" in en_text
    assert snapshot(out) == before


def test_a_missing_code_field_is_refused_naming_the_fields_there_are_and_nothing_changes(tmp_path, out):
    path = shapefile_zip(committed("province"), tmp_path / "provinsi.zip")
    before = snapshot(out)
    with pytest.raises(UserError) as err:
        gis_import.import_boundaries(path, level="province", code_field="KODE", out=out)
    assert err.value.text("id") == "kolom kode 'KODE' tidak ada; kolom yang ada: KDPPUM, NAMOBJ"
    assert snapshot(out) == before


def test_a_shapefile_without_its_prj_is_refused_because_it_cannot_be_placed(tmp_path, out):
    path = shapefile_zip(committed("province").to_crs(32750), tmp_path / "provinsi.zip",
                         parts=(".shp", ".shx", ".dbf", ".cpg"))
    with pytest.raises(UserError) as err:
        gis_import.import_boundaries(path, level="province", code_field=CODE_FIELD, out=out)
    assert "CRS" in err.value.text("id") and ".prj" in err.value.text("en")
    assert not (out / "boundaries").exists()


def test_a_wrong_crs_is_caught_as_regions_outside_indonesia(tmp_path, out):
    frame = committed("province").set_crs(3857, allow_override=True)  # degrees taken for metres: near (0, 0)
    path = tmp_path / "salah.gpkg"
    frame.to_file(path, engine="pyogrio")
    with pytest.raises(UserError) as err:
        gis_import.import_boundaries(path, level="province", code_field=CODE_FIELD, out=out)
    assert "regions outside Indonesia once reprojected to EPSG:4326" in err.value.text("en")
    assert "(38)" in err.value.text("en")


def test_a_file_that_is_no_gis_file_or_of_another_format_is_refused(tmp_path, out):
    bad = tmp_path / "batas.zip"
    bad.write_bytes(b"PK not really a zip")
    with pytest.raises(UserError) as err:
        gis_import.import_boundaries(bad, level="province", code_field=CODE_FIELD, out=out)
    assert "tidak dapat dibaca sebagai data GIS" in err.value.text("id")
    with pytest.raises(UserError) as err:
        gis_import.import_boundaries(tmp_path / "batas.kml", level="province", code_field=CODE_FIELD, out=out)
    assert ".gpkg" in err.value.text("en")


def _cli(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "geo", "import-boundaries", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_the_import_boundaries_command_writes_into_the_folder_given_or_exits_2_changing_nothing(tmp_path, out):
    path = tmp_path / "provinsi.gpkg"
    committed("province").to_crs(32750).to_file(path, engine="pyogrio")
    r = _cli(str(path), "--level", "province", "--code-field", "KODE", "--out", str(out), "--lang", "en")
    assert r.returncode == 2 and "there is no code field 'KODE'" in r.stderr
    assert not (out / "boundaries").exists()
    r = _cli(str(path), "--level", "province", "--code-field", CODE_FIELD, "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "38 boundaries" in r.stdout
    with gzip.open(out / "boundaries" / "province.geojson.gz", "rt") as fh:
        assert len(json.load(fh)["features"]) == 38
