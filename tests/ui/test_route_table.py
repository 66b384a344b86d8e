"""ui.route_table, ui.route_map and ui.ranking_table: the planner's tables and route overlays."""

import pandas as pd

from geo.planner import itinerary
from ui import ranking_table, route_map, route_table


def test_legs_table_names_regions_and_rounds_distance_and_hours():
    legs = itinerary.route_legs("31.71", ["32.73", "73.71"], return_home=True)
    frame = route_table.legs_frame(legs)
    assert list(frame.columns) == ["Dari", "Ke", "Jarak (km)", "Moda", "Jam"]
    assert frame["Dari"].tolist() == ["Kota Administrasi Jakarta Pusat", "Kota Bandung", "Kota Makassar"]
    assert frame["Ke"].tolist() == ["Kota Bandung", "Kota Makassar", "Kota Administrasi Jakarta Pusat"]
    assert frame["Moda"].tolist() == ["darat", "udara", "udara"]
    assert frame["Jarak (km)"].tolist() == [round(x.km) for x in legs]
    assert frame["Jam"].tolist() == [round(x.hours, 1) for x in legs]


def test_route_overlays_number_the_stops_and_draw_one_line_per_leg():
    legs = itinerary.route_legs("31.71", ["32.73", "73.71"], return_home=False)
    points = route_map.route_points(["32.73", "73.71"])
    assert points["name"].tolist() == ["1. Kota Bandung", "2. Kota Makassar"]
    assert len(route_map.route_lines(legs)) == len(legs) == 2


def test_ranking_table_rounds_score_and_components():
    from geo.planner import rank

    table = pd.DataFrame({"rank": [1], "name": ["Kota Bandung"], "score": [81.234],
                          **{f"c_{k}": [0.12345] for k in rank.COMPONENTS}}, index=["32.73"])
    frame = ranking_table.ranking_frame(table)
    assert frame.iloc[0].tolist()[:3] == [1, "Kota Bandung", 81.2]
    assert set(frame.iloc[0].tolist()[3:]) == {0.12}
