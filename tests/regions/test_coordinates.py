"""geo.regions.coordinates: a point against its stated region's full-detail boundary, 2 km tolerance."""

from geo.regions import coordinates, geodesy

BANDUNG_ALUN_ALUN = (-6.9218, 107.6071)  # the town square of Kota Bandung
MONAS = (-6.1754, 106.8272)  # Jakarta


def test_a_point_inside_the_region_agrees():
    check = coordinates.check_point("32.73", *BANDUNG_ALUN_ALUN)
    assert check.inside and check.distance_km == 0.0 and check.checked_code == "32.73"


def test_a_point_far_outside_is_reported_with_its_distance_to_the_boundary():
    check = coordinates.check_point("32.73", *MONAS)
    centre_to_centre = float(geodesy.haversine_km(MONAS[1], MONAS[0], BANDUNG_ALUN_ALUN[1], BANDUNG_ALUN_ALUN[0]))
    assert not check.inside
    assert coordinates.TOLERANCE_KM < check.distance_km < centre_to_centre  # the boundary is nearer than the centre


def test_a_village_is_checked_against_its_district():
    check = coordinates.check_point("32.73.18.1004", *BANDUNG_ALUN_ALUN)
    assert check.checked_code == "32.73.18"


def test_swapped_latitude_and_longitude_are_recognised_and_a_right_pair_is_left_alone():
    assert coordinates.swapped_pair(107.6071, -6.9218) == BANDUNG_ALUN_ALUN
    assert coordinates.swapped_pair(*BANDUNG_ALUN_ALUN) is None
    assert coordinates.swapped_pair(50.0, 10.0) is None  # nowhere near Indonesia either way
