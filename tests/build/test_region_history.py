"""geo.build.region_history: the committed history is what the build makes, and its rules place old codes."""

import csv
import filecmp
import shutil

import pytest

from geo.build import region_history
from tests.conftest import DATA, SOURCE

TODAY = {"91": "Papua", "93": "Papua Selatan", "93.01": "Kabupaten Merauke", "93.71": "Kota Merauke",
         "12.12": "Kabupaten Toba", "31": "Daerah Khusus Ibukota Jakarta", "32.73": "Kota Bandung"}


def test_committed_history_is_what_the_build_produces(tmp_path):
    if not SOURCE.exists():
        pytest.fail(f"upstream data not found at {SOURCE}")
    shutil.copyfile(DATA / "regions.csv", tmp_path / "regions.csv")
    region_history.build(SOURCE, tmp_path)
    assert filecmp.cmp(tmp_path / "region_history.csv", DATA / "region_history.csv", shallow=False)


def test_every_province_and_regency_of_every_edition_is_placed():
    with (DATA / "region_history.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    years = {y for r in rows for y in r["editions"].split()}
    assert years == set(region_history.EDITIONS)
    for year in ("2016", "2020", "2022"):  # 34 provinces and 514 regencies then
        assert sum(year in r["editions"].split() for r in rows) == 34 + 514
    assert all(r["code_now"] or r["how"] == "dissolved" for r in rows)
    assert all(r["why"] for r in rows if r["how"] in ("renamed", "moved", "dissolved"))


@pytest.mark.parametrize("code,name,expected", [
    ("93.01", "KAB. MERAUKE", ("93.01", "same", "")),  # spellings agree up to kind word and case
    ("91", "P A P U A", ("91", "same", region_history.SPLITS["91"][1])),  # spaced letters, split province
    ("91.01", "KAB. MERAUKE", ("93.01", "moved", region_history.SPLITS["91"][1])),  # the kabupaten, not the kota
    ("91.71", "KOTA MERAUKE", ("93.71", "moved", region_history.SPLITS["91"][1])),
    ("12.12", "KAB. TOBA SAMOSIR", ("12.12", "renamed", region_history.RENAMED["12.12"][1])),
    ("31", "DKI JAKARTA", ("31", "same", region_history.SPELLINGS["31"][1])),
])
def test_old_codes_are_placed_by_the_rules(code, name, expected):
    assert region_history.place(code, name, TODAY) == expected


@pytest.mark.parametrize("code,name", [
    ("32.73", "KOTA CIMAHI"),  # same code, other name, in no list: a person decides
    ("32.04", "KAB. BANDUNG"),  # code gone, province never split
    ("91.02", "KAB. JAYAWIJAYA"),  # split province, but no regency of that name today
])
def test_what_no_rule_places_stops_the_build(code, name):
    with pytest.raises(region_history.BuildError):
        region_history.place(code, name, TODAY)
