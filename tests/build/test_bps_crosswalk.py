"""The committed BPS ↔ Kemendagri crosswalk is what the build produces, and it says one thing per BPS code."""

import csv
import filecmp
import shutil
from collections import Counter

import pytest

from geo.build import bps_crosswalk
from geo.regions import lookup
from tests.conftest import DATA, SOURCE

BPS_SOURCE = SOURCE.parent / "bps"
BUILT_FILES = ["bps_crosswalk.csv", "SOURCE-bps.md", "LICENSE-ODbL-1.0.md"]


@pytest.fixture(scope="module")
def rows():
    with (DATA / "bps_crosswalk.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def by_code(rows):
    return {r["bps_code"]: r for r in rows}


def test_committed_crosswalk_is_what_the_build_produces(tmp_path):
    if not BPS_SOURCE.exists():
        pytest.fail(f"upstream BPS data not found at {BPS_SOURCE}")
    bps_crosswalk.build(BPS_SOURCE, tmp_path)
    different = [f for f in BUILT_FILES if not filecmp.cmp(tmp_path / f, DATA / f, shallow=False)]
    assert different == [], f"rebuild differs from committed data/: {different}"


def test_every_bps_code_of_the_source_has_exactly_one_row(by_code, rows):
    source = bps_crosswalk.read_source(BPS_SOURCE)
    listed = {level: {c for c, _, _ in items} for level, items in source.items()}
    assert len(rows) == len(by_code)
    for level, codes in listed.items():
        assert {r["bps_code"] for r in rows if r["level"] == level} == codes


def test_every_row_names_a_kemendagri_region_of_its_level_or_says_why_not(rows):
    for r in rows:
        if r["how"] == "unmatched":
            assert r["kemendagri_code"] == "" and r["note"], r
        else:
            assert lookup.level_of(r["kemendagri_code"]) == r["level"], r
            assert lookup.get(r["kemendagri_code"]).name == r["kemendagri_name"], r


def test_every_bps_regency_and_province_is_matched(rows):
    unmatched = [r["bps_code"] for r in rows if r["level"] != "district" and r["how"] == "unmatched"]
    assert unmatched == []


def test_no_two_bps_codes_name_the_same_kemendagri_region(rows):
    twice = [c for c, n in Counter(r["kemendagri_code"] for r in rows if r["kemendagri_code"]).items() if n > 1]
    assert twice == []


def test_a_matched_district_lies_in_the_match_of_its_bps_regency(by_code, rows):
    for r in rows:
        if r["level"] == "district" and r["kemendagri_code"]:
            regency = by_code[r["bps_code"][:4]]["kemendagri_code"]
            assert lookup.is_within(r["kemendagri_code"], regency), r


@pytest.mark.parametrize("bps, kemendagri, how", [
    ("1101", "11.09", "same name"),  # Simeulue: BPS numbers Aceh's regencies differently
    ("3273", "32.73", "same name"),  # Kota Bandung
    ("94", "91", "same name"),  # BPS writes Papua as 94
    ("91", "92", "same name"),  # ... and Papua Barat as 91
    ("9401", "93.01", "moved to a 2022 province"),  # Merauke, in Papua Selatan since 2022
    ("1206", "12.12", "renamed"),  # Toba Samosir, now Kabupaten Toba
    ("34", "34", "normalised"),  # "DI YOGYAKARTA" is Daerah Istimewa Yogyakarta
    ("6411", "64.11", "similar spelling"),  # BPS writes Mahakam Hulu, Kemendagri Mahakam Ulu
    ("3171", "31.74", "normalised"),  # BPS 3171 is Jakarta Selatan, Kemendagri 31.71 is Jakarta Pusat
])
def test_hand_checked_codes_map_to_the_region_named_in_kemendagri(by_code, bps, kemendagri, how):
    assert (by_code[bps]["kemendagri_code"], by_code[bps]["how"]) == (kemendagri, how)


def test_a_roman_numeral_in_a_district_name_matches_the_number_written_out(by_code):
    assert by_code["1671050"]["kemendagri_name"] == "Ilir Timur Satu"  # ILIR TIMUR I, Palembang
    assert by_code["1671062"]["kemendagri_name"] == "Ilir Timur Tiga"  # ILIR TIMUR III


def test_a_similar_spelling_is_taken_only_with_the_same_numbers(rows):
    for r in rows:
        if r["how"] == "similar spelling":
            assert bps_crosswalk._numbers_in(r["bps_name"]) == bps_crosswalk._numbers_in(r["kemendagri_name"]), r


def test_a_malformed_source_row_stops_the_build(tmp_path):
    for name in ("provinces.csv", "regencies.csv", "districts.csv", "LICENSE-ODbL-1.0.md"):
        shutil.copyfile(BPS_SOURCE / name, tmp_path / name)
    with (tmp_path / "regencies.csv").open("a", encoding="utf-8") as fh:
        fh.write("3299,33,KABUPATEN DI LUAR PROVINSINYA\n")  # a regency code outside its province's code
    with pytest.raises(ValueError, match="regencies.csv line 515"):
        bps_crosswalk.read_source(tmp_path)
