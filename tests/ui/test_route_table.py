"""ui.route_table, ui.route_map and ui.ranking_table: the planner's tables and route overlays."""

import pandas as pd

from geo.planner import itinerary
from ui import ranking_table, route_map, route_table


def test_legs_table_names_regions_and_writes_distance_and_hours_with_indonesian_separators():
    legs = itinerary.route_legs("31.71", ["32.73", "73.71"], return_home=True)
    frame = route_table.legs_frame(legs)
    assert list(frame.columns) == ["Dari", "Ke", "Jarak (km)", "Moda", "Jam"]
    assert frame["Dari"].tolist() == ["Kota Administrasi Jakarta Pusat", "Kota Bandung", "Kota Makassar"]
    assert frame["Ke"].tolist() == ["Kota Bandung", "Kota Makassar", "Kota Administrasi Jakarta Pusat"]
    assert frame["Moda"].tolist() == ["darat", "udara", "udara"]
    assert frame["Jarak (km)"].tolist() == [f"{round(x.km):,}".replace(",", ".") for x in legs]
    assert frame["Jam"].tolist() == [f"{x.hours:.1f}".replace(".", ",") for x in legs]
    assert "," in frame["Jam"].iloc[0] and "." in frame["Jarak (km)"].iloc[1]  # 1.xxx km to Makassar
    english = route_table.legs_frame(legs, "en")
    assert english.iloc[0, 4] == f"{legs[0].hours:.1f}" and "," in english.iloc[1, 2]


def test_route_overlays_number_the_stops_and_draw_one_line_per_leg():
    legs = itinerary.route_legs("31.71", ["32.73", "73.71"], return_home=False)
    points = route_map.route_points(["32.73", "73.71"])
    assert points["name"].tolist() == ["1. Kota Bandung", "2. Kota Makassar"]
    assert len(route_map.route_lines(legs)) == len(legs) == 2


def test_ranking_table_shows_whole_ranks_and_scores_a_verdict_in_words_and_components_with_a_decimal_comma():
    from geo.analysis import verdict
    from geo.planner import rank

    unsure = verdict.decide(0.23, -0.07, 0.53, months=12, comparisons=300)  # the interval includes zero
    table = pd.DataFrame({"rank": [1.0, 2.0], "name": ["Kota Bandung", "Kota Bogor"], "score": [83.1, 80.5],
                          **{f"c_{k}": [0.12345, 1.0] for k in rank.COMPONENTS},
                          "verdict": [unsure, None]}, index=["32.73", "32.71"])
    frame = ranking_table.ranking_frame(table, "id")
    assert frame.iloc[0].tolist()[:4] == [1, "Kota Bandung", "Belum pasti", 83]
    assert frame.iloc[1].tolist()[:4] == [2, "Kota Bogor", "Belum dikunjungi", 80]  # 80.5 rounds to even
    assert str(frame.iloc[:, 0].dtype).startswith("int") and str(frame.iloc[:, 3].dtype).startswith("int")
    assert set(frame.iloc[0].tolist()[4:]) == {"0,12"} and set(frame.iloc[1].tolist()[4:]) == {"1,00"}
    english = ranking_table.ranking_frame(table, "en")
    assert english.iloc[0].tolist()[2] == "Not yet clear" and english.iloc[0].tolist()[4] == "0.12"
    # the page's download is this same table
    from geo.records import exports

    csv = exports.to_csv_bytes(frame).decode("utf-8-sig").splitlines()
    assert csv[0].split(";")[:4] == ["No.", "Wilayah", "Dampak kunjungan pertama", "Skor (0–100)"]
    assert csv[1].split(";")[:4] == ["1", "Kota Bandung", "Belum pasti", "83"]
    assert csv[2].split(";")[:4] == ["2", "Kota Bogor", "Belum dikunjungi", "80"]
