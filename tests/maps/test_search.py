"""geo.maps.search: text typed in the map's search box → where the map goes and what it outlines."""

import pytest

from geo.maps import search, web_map
from geo.regions import lookup


@pytest.mark.parametrize("typed,code", [
    ("Kota Bandung", "32.73"), ("kota  bandung", "32.73"), ("Jabar", "32"), ("3273", "32.73"), ("32.73", "32.73"),
    ("Solo", "33.72"), ("Ujung Pandang", "73.71"), ("Kab. Bandung", "32.04"), ("Coblong", "32.73.02"),
    ("Kec. Coblong", "32.73.02"),
])
def test_a_name_in_any_spelling_the_resolver_accepts_finds_its_region(typed, code):
    found = search.find(typed, level="regency")
    assert found.status == "found" and found.code == code


@pytest.mark.parametrize("code,level,within,expected", [
    # the national province map: a province stays, anything deeper drills into its province (as a click does)
    ("32", "province", "", ("province", "", "32")),
    ("32.73", "province", "", ("regency", "32", "32.73")),
    ("32.73.02", "province", "", ("regency", "32", "32.73")),
    # the national regency map: a district outlines its regency; a province is outlined as it is
    ("32.73.02", "regency", "", ("regency", "", "32.73")),
    ("35", "regency", "", ("regency", "", "35")),
    # the district map: a district itself
    ("32.73.02", "district", "", ("district", "", "32.73.02")),
    # drilled into Jawa Barat: a regency of Jawa Tengah drills into Jawa Tengah
    ("33.72", "regency", "32", ("regency", "33", "33.72")),
    ("32.73.02.1001", "district", "", ("district", "", "32.73.02")),  # a village: its district
])
def test_the_found_region_is_shown_at_the_maps_level(code, level, within, expected):
    assert search.place(code, level=level, within=within) == expected


def test_the_map_is_centred_and_zoomed_on_the_outlined_regions_bounds():
    found = search.find("Kota Bandung", level="regency")
    (s, w), (n, e) = web_map._bounds(web_map.features_within("regency", None, ["32.73"]))
    assert s <= found.center[0] <= n and w <= found.center[1] <= e
    whole = search.find("Jawa Barat", level="province")
    assert found.zoom > whole.zoom > web_map.view_of("province")[1]  # a city is closer than a province than Indonesia


def test_an_ambiguous_name_gives_candidates_and_no_guess():
    found = search.find("Bandung", level="regency")
    assert found.status == "choose" and found.code is None
    assert {"32.04", "32.73"} <= {c.code for c in found.candidates}
    labels = [search.candidate_label(c) for c in found.candidates]
    assert "Kota Bandung — Jawa Barat (32.73)" in labels
    picked = search.found_code("32.04", level="province")
    assert (picked.status, picked.within, picked.outline) == ("found", "32", "32.04")


@pytest.mark.parametrize("typed,status", [("", "empty"), ("   ", "empty"), ("Atlantis Raya", "not_found"),
                                          ("<script>alert(1)</script>", "not_found")])
def test_nothing_typed_or_no_region_is_said_as_such(typed, status):
    found = search.find(typed, level="province")
    assert found.status == status and found.code is None and found.outline is None


def test_the_map_outlines_only_the_found_region_thick_and_unfilled(tmp_path):
    import re
    from pathlib import Path

    import pandas as pd

    from geo.maps import map_view

    view = map_view.of_values(pd.Series({"32.73": 1.0, "32.04": 2.0}), level="regency", k=3)
    payload = web_map.map_payload(view, outline="32.73", boundary_folder=tmp_path)
    assert payload["outline"] == "32.73" and "32.73" in payload["fit_key"]
    script = (Path(web_map.__file__).resolve().parents[2] / "ui/components/region_map/region_map.js").read_text()
    # the frame draws the found region's own boundary again, unfilled, 4 px
    assert re.search(r"properties\.code === a\.outline", script)
    assert "style: { fill: false, color: \"#111111\", weight: 4, opacity: 1 }" in script
    assert lookup.exists("32.73")
