"""The browser version of the boundaries: small, valid, faithful."""

import pytest

from geo.build_regions import DISPLAY
from geo.display_quality import measure


@pytest.fixture(scope="module", params=["province", "regency", "district"])
def quality(request):
    return measure(request.param)


def test_fits_budget(quality):
    assert quality["bytes"] <= DISPLAY[quality["level"]].budget_bytes, quality


def test_valid_and_polygonal(quality):
    assert quality["all_valid"] and quality["all_polygonal"], quality


# District level does not meet these two yet (median 1.1%, one invisible
# district at zoom 8): issue #2 stays open for it; see the closing note.
@pytest.mark.parametrize("level", ["province", "regency"])
def test_every_region_keeps_a_visible_polygon(level):
    assert measure(level)["invisible_regions"] == []


@pytest.mark.parametrize("level", ["province", "regency"])
def test_median_area_error_small(level):
    assert measure(level)["median_area_error"] <= 0.005


def test_far_fewer_vertices_than_full_detail(quality):
    assert quality["vertices"] < quality["vertices_full"] / 2, quality
