"""Bare numbers are read as BPS codes and as Kemendagri codes without dots, and never silently as the wrong one."""

import pytest

from geo.regions import bps, lookup, resolver


def test_a_bps_regency_code_gives_todays_kemendagri_code():
    assert bps.to_kemendagri("1101") == "11.09"  # Kabupaten Simeulue
    assert lookup.get(bps.to_kemendagri("1101")).name == "Kabupaten Simeulue"


def test_bps_papua_codes_give_the_kemendagri_papua_provinces():
    assert lookup.get(bps.to_kemendagri("94")).name == "Papua"
    assert lookup.get(bps.to_kemendagri("91")).name == "Papua Barat"
    assert lookup.get(bps.to_kemendagri("9401")).name == "Kabupaten Merauke"
    assert lookup.get(bps.to_kemendagri("9401")).parent_code == "93"  # Papua Selatan since 2022


def test_a_bps_code_the_crosswalk_leaves_unmatched_gives_nothing():
    assert bps.to_kemendagri("1102033") is None  # SURO: no district of that name in Aceh Singkil today
    assert resolver.resolve("1102033").status == "unknown"


def test_a_number_meaning_two_regions_is_ambiguous_with_both():
    res = resolver.resolve("1101")  # BPS: Simeulue (11.09); Kemendagri 11.01: Aceh Selatan
    assert res.status == "ambiguous" and res.code is None
    assert {c.code for c in res.candidates} == {"11.09", "11.01"}
    assert {c.name for c in res.candidates} == {"Kabupaten Simeulue", "Kabupaten Aceh Selatan"}


def test_a_province_number_meaning_two_provinces_is_ambiguous():
    res = resolver.resolve("94")  # BPS: Papua (91); Kemendagri: Papua Tengah
    assert res.status == "ambiguous"
    assert {c.name for c in res.candidates} == {"Papua", "Papua Tengah"}


def test_a_number_meaning_one_region_in_both_systems_is_that_region():
    assert (resolver.resolve("3273").status, resolver.resolve("3273").code) == ("exact", "32.73")
    assert resolver.resolve("32").code == "32"


def test_the_caller_who_knows_the_system_gets_that_systems_region():
    assert bps.resolve("1101", system="bps").code == "11.09"
    assert bps.resolve("1101", system="kemendagri").code == "11.01"
    assert bps.resolve("94", system="bps").code == "91"
    assert bps.resolve("94", system="kemendagri").code == "94"


def test_a_code_with_dots_is_kemendagri_whatever_the_system():
    assert resolver.resolve("11.01").code == "11.01"
    assert bps.resolve("11.01", system="bps").code == "11.01"


def test_a_seven_digit_bps_district_code_is_read_and_six_digits_are_kemendagri():
    assert lookup.get(resolver.resolve("3273010").code).name == "Bandung Kulon"
    assert resolver.resolve("327301").code == "32.73.01"
    assert bps.resolve("327301", system="bps").status == "unknown"


def test_a_province_hint_settles_a_number_when_one_reading_lies_inside():
    assert resolver.resolve("9401").status == "ambiguous"  # BPS: Merauke (93.01); Kemendagri: Nabire (94.01)
    assert resolver.resolve("9401", province="Papua Selatan").code == "93.01"
    assert resolver.resolve("9401", province="Papua Tengah").code == "94.01"
    assert resolver.resolve("1101", province="Aceh").status == "ambiguous"  # both readings are in Aceh


def test_a_level_keeps_only_readings_at_that_level():
    assert resolver.resolve("3273", level="province").status == "unknown"
    assert resolver.resolve("3273", level="regency").code == "32.73"


@pytest.mark.parametrize("written", ["99", "12345", "0000", "٣٢٧٣", "3273 010"])
def test_numbers_no_system_uses_are_unknown(written):
    assert resolver.resolve(written).status == "unknown"


def test_an_unknown_system_is_an_error():
    with pytest.raises(ValueError, match="code system"):
        bps.resolve("3273", system="bsp")
