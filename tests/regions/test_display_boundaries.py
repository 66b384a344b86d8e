"""The browser version of the boundaries: small, valid, faithful, gap-free."""

import pytest

from geo.build.display_quality import measure
from geo.build.region_files import DISPLAY
from geo.regions.lookup import MAP_LEVELS


@pytest.fixture(scope="module", params=list(MAP_LEVELS))
def quality(request):
    return measure(request.param)


def test_fits_budget(quality):
    assert quality["bytes"] <= DISPLAY[quality["level"]].budget_bytes, quality


def test_valid_and_polygonal(quality):
    assert quality["all_valid"] and quality["all_polygonal"], quality


def test_neighbours_still_share_borders(quality):
    # Shared edges identical (a valid coverage): no overlaps, no slivers between neighbours.
    assert quality["coverage_valid"], quality
    assert quality["overlap_km2"] == 0.0, quality
    # Gaps that full detail does not have: none wider than half a pixel at the level's zoom.
    assert quality["max_sliver_width_px"] < 0.5, quality


def test_every_region_keeps_a_visible_polygon(quality):
    assert quality["invisible_regions"] == [], quality


def test_area_error(quality):
    assert quality["max_area_error_over_100km2"] <= 0.02, quality
    assert quality["median_area_error"] <= 0.005, quality


def test_far_fewer_vertices_than_full_detail(quality):
    assert quality["vertices"] < quality["vertices_full"] / 2, quality
