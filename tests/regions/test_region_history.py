"""Earlier codes and names (data/region_history.csv) resolve to today's regions, and say so in a note."""

import csv

import pytest

from geo.regions import bps, lookup, resolver
from geo.regions.names import comparable_name
from tests.conftest import DATA


def _rows():
    with (DATA / "region_history.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


HISTORY = _rows()
# Every province and regency row of the editions records from 2016 on were written against.
EDITION_ROWS = [r for r in HISTORY if {"2016", "2018", "2020", "2022"} & set(r["editions"].split())]


def _core(name: str) -> str:
    """The name without its kind word, compared without spaces (as a person reads "KAB. TOLI TOLI")."""
    text = comparable_name(name)
    for word in ("kabupaten ", "kota ", "provinsi "):
        text = text.removeprefix(word)
    return text.replace(" ", "")


def test_the_history_covers_every_regency_of_the_editions_and_places_each():
    regencies = [r for r in EDITION_ROWS if len(r["old_code"]) == 5]
    assert len({r["old_code"] for r in regencies}) == 514
    for row in HISTORY:
        assert (row["how"] == "dissolved") == (row["code_now"] == ""), row
        assert row["how"] == "dissolved" or lookup.exists(row["code_now"]), row
        assert row["how"] not in ("renamed", "moved", "dissolved") or row["why"], row
    moved = [r for r in HISTORY if r["how"] == "moved"]
    # a moved regency keeps its name and its kind; only the code changes
    assert moved and all(_core(r["old_name"]) == _core(lookup.get(r["code_now"]).name)
                         and r["old_code"] != r["code_now"] for r in moved)


@pytest.mark.parametrize("row", [r for r in EDITION_ROWS if r["how"] != "dissolved"],
                         ids=lambda r: f"{r['old_code']}-{r['editions'].split()[0]}")
def test_every_code_and_name_of_the_2016_to_2022_editions_resolves_to_todays_region(row):
    want = row["code_now"]
    by_code = resolver.resolve(row["old_code"])
    if "." in row["old_code"] or len(set(bps.readings(row["old_code"]).values())) < 2:
        assert by_code.code == want
    else:  # a bare province number that BPS gives another province (91, 94): never guessed, both offered
        assert by_code.status == "ambiguous" and want in [c.code for c in by_code.candidates]
    if len(row["old_code"]) == 2:  # a province: asked as one ("JAMBI" alone is the province or the city)
        if row["old_name"] == "DAERAH ISTIMEWA":  # cut short in 2016; Aceh was a Daerah Istimewa too
            assert resolver.resolve(row["old_name"], level="province").code is None
        else:
            assert resolver.resolve(row["old_name"], level="province").code == want
        return
    assert resolver.resolve(row["old_name"], province=row["old_province_name"]).code == want
    alone = resolver.resolve(row["old_name"])
    assert alone.code == want or (alone.status == "ambiguous" and want in {c.code for c in alone.candidates})


@pytest.mark.parametrize("written,province,code", [
    ("Kab. Merauke", "Papua", "93.01"), ("Merauke", "Papua", "93.01"), ("91.01", None, "93.01"),
    ("Kabupaten Sorong", "Papua Barat", "96.01"), ("Kota Sorong", "Papua Barat", "96.71"), ("92.71", None, "96.71"),
    ("Kabupaten Pontianak", None, "61.02"), ("Kab. Pontianak", "Kalimantan Barat", "61.02"),
    ("Maluku Tenggara Barat", None, "81.03"), ("Kab. Maluku Tenggara Barat", "Maluku", "81.03"),
    ("Kabupaten Toba Samosir", None, "12.12"), ("Mamuju Utara", "Sulawesi Barat", "76.01"),
    ("Kota Surakarta (Solo)", None, "33.72"), ("Jayawijaya", "Papua", "95.01"), ("Mimika", "Papua", "94.04"),
])
def test_hand_checked_cases(written, province, code):
    res = resolver.resolve(written, province=province)
    assert (res.status, res.code) == ("exact", code)


def test_a_papua_regency_resolves_with_its_former_province_and_the_note_says_so():
    moved = [r for r in HISTORY if r["how"] == "moved"]
    for row in moved:
        province = "Papua" if row["old_code"].startswith("91.") else "Papua Barat"
        res = resolver.resolve(lookup.get(row["code_now"]).name, province=province)
        assert res.code == row["code_now"], row
    res = resolver.resolve("Merauke", province="Papua")
    assert res.note_text("id") == ("dahulu di provinsi Papua (daftar wilayah 2016–2022); kini Kabupaten Merauke, "
                                   "provinsi Papua Selatan")
    assert res.note_text("en") == ("formerly in the province Papua (region list 2016–2022); now Kabupaten Merauke, "
                                   "province Papua Selatan")


def test_an_old_code_and_an_old_name_carry_notes_naming_what_was_matched():
    assert "91.01" in resolver.resolve("91.01").note_text() and "93.01" in resolver.resolve("91.01").note_text()
    assert "Pontianak" in resolver.resolve("Kabupaten Pontianak").note_text("en")
    assert "Mempawah" in resolver.resolve("Kabupaten Pontianak").note_text("id")
    assert resolver.resolve("Kab. Merauke").note is None  # today's name: nothing to say


@pytest.mark.parametrize("written,province", [
    ("Merauke", "Papua Barat"),  # never in Papua Barat
    ("Kota Bandung", "Papua"), ("Kota Merauke", None),  # Merauke is a kabupaten
    ("Daerah Istimewa", None),  # a name the 2016 list cut short: Aceh was a Daerah Istimewa too
])
def test_no_region_is_made_up_from_the_history(written, province):
    assert resolver.resolve(written, province=province).code is None


def test_sorong_with_its_former_province_stays_ambiguous_between_the_kabupaten_and_the_kota():
    res = resolver.resolve("Sorong", province="Papua Barat")
    assert res.status == "ambiguous" and {c.code for c in res.candidates} == {"96.01", "96.71"}


def test_an_old_code_asked_at_another_level_is_unknown():
    assert resolver.resolve("91.01", level="province").status == "unknown"
    assert resolver.resolve("91.01", level="regency").code == "93.01"
