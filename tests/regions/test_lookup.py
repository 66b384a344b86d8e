"""geo.regions.lookup: look-up, hierarchy, neighbours and the level rules."""

import pytest

from geo.regions import lookup


def test_lookup_and_hierarchy():
    assert lookup.get("32.73").name == "Kota Bandung"
    assert lookup.get("32.73").level == "regency"
    assert lookup.parent("32.73").code == "32"
    assert [r.code for r in lookup.ancestors("32.73.01")] == ["32", "32.73"]
    assert len(lookup.children(None)) == 38
    assert all(c.parent_code == "32" for c in lookup.children("32"))
    assert len(lookup.children("32")) == 27
    assert lookup.level_of("32.73.01.1001") == "village"
    with pytest.raises(KeyError):
        lookup.get("99.99")


def test_neighbors_from_geometry():
    assert "32.04" in {r.code for r in lookup.neighbors("32.73")}  # Kota and Kabupaten Bandung
    assert "32.73" in {r.code for r in lookup.neighbors("32.04")}
    assert lookup.neighbors("11.09") == []  # Kabupaten Simeulue, alone on its island
    assert lookup.neighbors("32") and all(r.level == "province" for r in lookup.neighbors("32"))


def test_every_region_code_has_the_length_of_its_level():
    for level in lookup.LEVELS[:3]:
        regions = lookup.all_regions(level)
        assert regions and {len(r.code) for r in regions} == {lookup.CODE_LENGTH[level]}
        assert all(lookup.level_of(r.code) == level for r in regions[:50])


def test_a_region_is_within_its_ancestors_and_not_within_a_sibling_or_a_code_prefix():
    assert all(lookup.is_within("32.73.02", a.code) for a in lookup.ancestors("32.73.02"))
    assert lookup.is_within("32.73", "32.73")
    assert not lookup.is_within("32.73", "32.7") and not lookup.is_within("32.73", "32.04")
    assert not lookup.is_within("32", "32.73")  # an area is not within its own sub-regions
