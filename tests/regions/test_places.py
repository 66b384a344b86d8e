"""geo.regions.places: villages and districts are found only inside the stated regency or district, exactly."""

import csv

from geo.regions import lookup, places
from tests.conftest import ROOT


def _gazetteer_codes(name: str, within: str) -> list[str]:
    """Village and district codes named ``name`` inside ``within``, read straight from data/gazetteer.csv."""
    with (ROOT / "data" / "gazetteer.csv").open(encoding="utf-8") as fh:
        return sorted(r["code"] for r in csv.DictReader(fh)
                      if r["name"] == name and r["code"].startswith(within + ".") and r["code"].count(".") >= 2)


def test_a_village_written_with_desa_or_kelurahan_resolves_to_its_code_inside_the_regency():
    [expected] = _gazetteer_codes("Cigadung", "32.73")  # one Cigadung in Kota Bandung
    for written in ("Kel. Cigadung", "Kelurahan Cigadung", "Desa CIGADUNG", "Ds. Cigadung", "cigadung"):
        found = places.find_place(written, "32.73")
        assert (found.status, found.code) == ("exact", expected), written


def test_the_same_village_name_in_another_regency_is_not_picked():
    elsewhere = _gazetteer_codes("Cigadung", "32.08")  # Kab. Kuningan has a Cigadung
    assert elsewhere and not _gazetteer_codes("Cigadung", "32.04")  # Kab. Bandung has none
    found = places.find_place("Desa Cigadung", "32.04")
    assert found.status == "none" and found.code is None and found.written_as_region
    assert all(not c.startswith("32.08") for c, _ in found.candidates)


def test_several_villages_of_one_name_in_the_regency_stay_ambiguous_with_every_candidate():
    expected = [c for c in _gazetteer_codes("Nagrak", "32.01") if lookup.level_of(c) == "village"]
    assert len(expected) >= 2
    found = places.find_place("Desa Nagrak", "32.01")
    assert found.status == "ambiguous" and found.code is None
    assert [c for c, _ in found.candidates] == expected


def test_a_kind_word_chooses_between_a_district_and_a_village_of_the_same_name():
    district = [c for c in _gazetteer_codes("Cibinong", "32.01") if lookup.level_of(c) == "district"]
    assert places.find_place("Kec. Cibinong", "32.01").code == district[0]
    assert places.find_place("Cibinong", "32.01").status == "ambiguous"  # the district and two villages


def test_a_place_that_is_no_region_is_none_and_not_written_as_one():
    found = places.find_place("Kawasan Industri Batujajar", "32.17")
    assert found.status == "none" and not found.written_as_region


def test_a_province_is_too_wide_to_look_for_a_village_in():
    assert places.find_place("Desa Cigadung", "32").status == "none"
