"""The map layer as GIS files (``geo.io.gis_export``), read back with geopandas/pyogrio: every region's code, name
and the values on screen, EPSG:4326, valid full-detail geometry; hostile text stays plain text; and the
``export-map`` command."""

import datetime as dt
import os
import subprocess
import sys
import zipfile

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geo.analysis.context import Context
from geo.io import gis_export
from geo.maps import map_view, web_map
from geo.regions import boundaries, lookup
from geo.text.messages import UserError
from tests.conftest import ROOT

PERIOD = dict(start=dt.date(2021, 1, 1), end=dt.date(2026, 12, 31))
HOSTILE = '=HYPERLINK("http://evil.example/x","klik")<script>alert(1)</script>'


@pytest.fixture(scope="module")
def ctx(sample_frames):
    agreements, visits = sample_frames
    return Context(agreements, visits)


@pytest.fixture(scope="module")
def regency_view(ctx):
    return map_view.compute(map_view.Spec(level="regency", metric="signed", **PERIOD), ctx)


def read_back(data: bytes, fmt: str, tmp_path) -> gpd.GeoDataFrame:
    """The file's layer as geopandas reads it, with the long field names (Shapefile's mapped back)."""
    path = tmp_path / f"layer{gis_export.SUFFIX[fmt]}"
    path.write_bytes(data)
    frame = gpd.read_file(f"zip://{path}" if fmt == "shapefile" else path, engine="pyogrio")
    if fmt == "shapefile":
        frame = frame.rename(columns={short: long for long, short in gis_export.FIELDS.items()})
    if fmt == "kml":  # GDAL reads KML through LIBKML: the placemark's name is "Name"
        frame = frame.rename(columns={"Name": "name"})
    return frame


def expected_value(view, code):
    v = view.values.get(code)
    return None if v is None or v != v else float(v)


@pytest.mark.parametrize("fmt", ["gpkg", "shapefile", "geojson", "kml"])
def test_every_format_read_back_holds_every_regency_with_its_code_name_and_screen_value_in_epsg_4326(
        regency_view, fmt, tmp_path):
    frame = read_back(gis_export.export(regency_view, fmt), fmt, tmp_path)
    regencies = {r.code: r.name for r in lookup.all_regions("regency")}
    assert len(frame) == len(regencies) == 514
    assert frame.crs.to_epsg() == 4326
    assert dict(zip(frame["code"], frame["name"])) == regencies
    assert frame.geometry.is_valid.all() and not frame.geometry.is_empty.any()
    assert set(frame.geom_type) <= {"Polygon", "MultiPolygon"}
    got = dict(zip(frame["code"], pd.to_numeric(frame["value"])))
    for code in regencies:
        want = expected_value(regency_view, code)
        assert (np.isnan(got[code]) if want is None else got[code] == pytest.approx(want)), code
    legend = dict(regency_view.legend())
    for row in frame.itertuples():
        assert row.value_text == (regency_view.value_text(row.code) or "tidak ada data")
        assert row.color == regency_view.classification.color_of(row.code)
        assert row.class_label == legend[row.color]


def test_the_geometry_is_the_full_detail_boundary_of_data_not_the_browser_shape(regency_view, tmp_path):
    frame = read_back(gis_export.export(regency_view, "gpkg"), "gpkg", tmp_path).set_index("code")
    display = {f["properties"]["code"]: shapely.geometry.shape(f["geometry"])
               for f in web_map.display_geojson("regency")["features"]}
    for code in ("32.73", "91.05", "11.01", "64.72"):
        full = boundaries.detail_geometry(code)
        got = frame.loc[code, "geometry"]
        # the same vertices (a Polygon may come back as a one-part MultiPolygon), many more than the browser's
        assert shapely.get_num_coordinates(got) == shapely.get_num_coordinates(full), code
        assert got.symmetric_difference(full).area < 1e-12, code
        assert shapely.get_num_coordinates(got) > shapely.get_num_coordinates(display[code]), code


def test_the_impact_map_file_carries_each_regions_verdict_sentence_and_rank_as_shown(ctx, tmp_path):
    view = map_view.compute(map_view.Spec(level="province", metric="score", **PERIOD), ctx)
    frame = read_back(gis_export.export(view, "gpkg"), "gpkg", tmp_path).set_index("code")
    assert len(frame) == 38
    kinds = {c: v.kind for c, v in view.verdicts.items() if v is not None}
    assert kinds and {c: frame.loc[c, "verdict"] for c in kinds} == kinds
    for code in frame.index:
        assert frame.loc[code, "value_text"] == (view.value_text(code) or "tidak ada data")
        if code not in kinds:
            assert frame.loc[code, "verdict"] in ("", None)
    ranked = view.ranking().set_index("code")["rank"]
    assert {c: int(frame.loc[c, "rank"]) for c in ranked.index} == ranked.to_dict()


def test_a_regions_regencies_only_are_in_the_file_of_a_view_within_a_province(ctx, tmp_path):
    view = map_view.compute(map_view.Spec(level="regency", metric="signed", within="32", **PERIOD), ctx, lang="en")
    frame = read_back(gis_export.export(view, "geojson"), "geojson", tmp_path)
    assert sorted(frame["code"]) == sorted(r.code for r in lookup.all_regions("regency") if r.code.startswith("32."))
    assert (frame["measure_label"] == view.metric_label).all() and (frame["filters"] == "no filters").all()


@pytest.mark.parametrize("fmt", ["gpkg", "shapefile", "geojson", "kml"])
def test_a_hostile_name_and_filter_come_back_as_the_same_plain_text(ctx, fmt, tmp_path):
    spec = map_view.Spec(level="province", metric="signed", ministries=(HOSTILE,), **PERIOD)
    layer = gis_export.layer(map_view.compute(spec, ctx))
    layer.loc[layer["code"] == "32", "name"] = HOSTILE
    data = gis_export.to_bytes(layer, fmt)
    frame = read_back(data, fmt, tmp_path).set_index("code")
    assert frame.loc["32", "name"] == HOSTILE
    assert HOSTILE in frame.loc["31", "filters"]
    if fmt == "kml":
        assert b"<script>" not in data and b"&lt;script&gt;" in data
        assert b"<description>" not in data  # no HTML balloon text


def test_control_characters_become_spaces_and_nothing_else_changes():
    assert gis_export.plain("a\x00b\tc\nd\x7fe <b>=1") == "a b c d e <b>=1"


def test_the_shapefile_zip_holds_prj_and_a_utf8_cpg_and_cuts_long_text_at_254_bytes(regency_view, tmp_path):
    layer = gis_export.layer(regency_view)
    layer.loc[0, "value_text"] = "Ā" * 300  # two bytes each in UTF-8
    data = gis_export.to_bytes(layer, "shapefile")
    path = tmp_path / "peta.zip"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as zf:
        names = sorted(zf.namelist())
        assert names == sorted(f"sinergi{ext}" for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"))
        assert zf.read("sinergi.cpg").decode().strip().upper() in ("UTF-8", "UTF8")
        assert "WGS" in zf.read("sinergi.prj").decode()
    frame = read_back(data, "shapefile", tmp_path)
    assert all(len(c) <= 10 for c in gis_export.FIELDS.values())
    cut = frame.loc[0, "value_text"]
    assert cut.endswith("…") and len(cut.encode("utf-8")) <= 254 and cut.startswith("Ā" * 100)


def test_an_unknown_extension_is_refused_naming_the_formats_in_both_languages():
    with pytest.raises(UserError) as err:
        gis_export.format_of("peta.shp")
    assert ".gpkg" in err.value.text("id") and "pilih" in err.value.text("id")
    assert "choose" in err.value.text("en")


# --------------------------------------------------------------------------- command line

def _cli(data_dir, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT), SINERGI_DATA_DIR=str(data_dir))
    env.pop("SINERGI_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "geo", "export-map", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_export_map_command_writes_the_geopackage_of_the_view_it_names(sample_data_dir, ctx, tmp_path):
    out = tmp_path / "kab.gpkg"
    r = _cli(sample_data_dir, "--out", str(out), "--level", "regency", "--metric", "partners", "--period", "2023:2024")
    assert r.returncode == 0, r.stderr
    frame = gpd.read_file(out, engine="pyogrio").set_index("code")
    view = map_view.compute(map_view.Spec(level="regency", metric="partners", start=dt.date(2023, 1, 1),
                                          end=dt.date(2024, 12, 31)), ctx)
    assert frame.crs.to_epsg() == 4326 and len(frame) == 514
    assert frame["value"].to_dict() == pytest.approx(view.values.reindex(frame.index).to_dict())
    assert (frame["period"] == view.period_text).all()
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left beside it


def test_the_export_map_command_refuses_bad_input_with_exit_2_and_writes_nothing(sample_data_dir, tmp_path):
    r = _cli(sample_data_dir, "--out", str(tmp_path / "peta.dxf"))
    assert r.returncode == 2 and "format berkas GIS tidak dikenal" in r.stderr
    r = _cli(sample_data_dir, "--out", str(tmp_path / "peta.gpkg"), "--period", "2025:2021", "--lang", "en")
    assert r.returncode == 2 and "period" in r.stderr.lower()
    r = _cli(sample_data_dir, "--out", str(tmp_path / "peta.kml"), "--metric", "score", "--level", "district")
    assert r.returncode == 2
    assert list(tmp_path.iterdir()) == []
