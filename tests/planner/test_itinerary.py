"""Itinerary: travel legs, an order shorter than the naive one, the schedule table and its XLSX export."""

import dataclasses
import datetime as dt
import io
import itertools
import random

import openpyxl
import pandas as pd
import pytest

from geo.planner import itinerary
from geo.records import exports
from geo.regions import lookup
from geo.text.messages import UserError
from geo.text.parsing import parse_date, parse_time_range, time_zone_for_province

JAKARTA = "31.71"
# A zig-zag in ranking order: Sumatra, Sulawesi, Java, Sulawesi, Java, Bali, Kalimantan, Sumatra.
ZIGZAG = ["12.71", "73.71", "32.73", "71.71", "33.74", "51.71", "64.72", "13.71"]


def test_legs_follow_the_stated_assumptions():
    land = itinerary.leg("32.73", "32.04")  # Kota Bandung – Kabupaten Bandung, one land mass, near
    assert land.mode == "land"
    assert land.hours == pytest.approx(land.km * itinerary.ROAD_FACTOR / itinerary.LAND_SPEED_KMH)
    sea = itinerary.leg("35.10", "51.01")  # Banyuwangi (Java) – Jembrana (Bali): the Bali strait
    assert sea.mode == "sea" and sea.km < itinerary.SEA_MAX_KM
    assert sea.hours == pytest.approx(itinerary.SEA_OVERHEAD_H + sea.km / itinerary.SEA_SPEED_KMH)
    air = itinerary.leg(JAKARTA, "73.71")  # Jakarta – Makassar
    assert air.mode == "air" and air.km == pytest.approx(1405, abs=10)
    assert air.hours == pytest.approx(itinerary.AIR_OVERHEAD_H + air.km / itinerary.AIR_SPEED_KMH)
    far_on_java = itinerary.leg(JAKARTA, "35.78")  # Jakarta – Surabaya: same island, flying is faster
    assert far_on_java.mode == "air"
    assert itinerary.leg("32.73", JAKARTA).mode == "land"  # 118 km: nobody flies that


def test_order_beats_the_ranking_order_on_distance_and_time():
    naive = itinerary.totals(itinerary.route_legs(JAKARTA, ZIGZAG))
    order = itinerary.best_order(JAKARTA, ZIGZAG)
    assert sorted(order) == sorted(ZIGZAG)
    best = itinerary.totals(itinerary.route_legs(JAKARTA, order))
    assert best["hours"] < naive["hours"] * 0.9
    assert best["km"] < naive["km"] * 0.9


@pytest.mark.parametrize("return_home", [True, False])
def test_exact_solver_matches_brute_force(return_home):
    rng = random.Random(7)
    codes = [r.code for r in lookup.all_regions("regency")]
    for _ in range(3):
        picks = rng.sample(codes, 6)
        order = itinerary.best_order(JAKARTA, picks, return_home=return_home)
        brute = min(itertools.permutations(picks),
                    key=lambda p: itinerary.totals(itinerary.route_legs(JAKARTA, list(p), return_home))["hours"])
        assert itinerary.totals(itinerary.route_legs(JAKARTA, order, return_home))["hours"] == pytest.approx(
            itinerary.totals(itinerary.route_legs(JAKARTA, list(brute), return_home))["hours"])


def test_heuristic_beyond_the_exact_limit_beats_naive_and_nearest_neighbour():
    rng = random.Random(3)
    picks = rng.sample([r.code for r in lookup.all_regions("regency")], itinerary.EXACT_MAX + 6)
    order = itinerary.best_order(JAKARTA, picks)
    assert sorted(order) == sorted(picks)
    hours = itinerary.totals(itinerary.route_legs(JAKARTA, order))["hours"]
    assert hours < itinerary.totals(itinerary.route_legs(JAKARTA, picks))["hours"]
    nodes = [JAKARTA, *picks]
    cost = [[itinerary.leg(a, b).hours for b in nodes] for a in nodes]
    nn = [nodes[i] for i in itinerary._nearest_neighbour(cost, len(picks))]
    assert hours <= itinerary.totals(itinerary.route_legs(JAKARTA, nn))["hours"] + 1e-9


def test_schedule_days_time_zones_and_slots():
    # Monday 19 August 2024; Bandung (WIB), Makassar (WITA), Jayapura (WIT).
    order = ["32.73", "73.71", "91.71"]
    stops = itinerary.schedule(JAKARTA, order, start_date=dt.date(2024, 8, 19), days=10, stops_per_day=2,
                               briefs={"73.71": ("Wali Kota Makassar", "1) Mendorong kerja sama")})
    frame = itinerary.schedule_frame(stops)
    assert list(frame.columns) == ["Tanggal", "Waktu", "Lokasi", "Narasumber/Pihak yang Dijumpai", "Agenda"]
    assert frame["Tanggal"].iloc[0] == "Senin, 19 Agustus 2024"
    # 3.8 h by road from Jakarta leaving at 06.00: too late for 09.00, so the afternoon slot
    assert frame["Waktu"].iloc[0] == "14.00 – 17.00 WIB"
    assert frame["Waktu"].str.split().str[-1].tolist() == ["WIB", "WITA", "WIT"]
    assert frame["Lokasi"].iloc[1] == "Kota Makassar, Sulawesi Selatan"
    assert frame["Narasumber/Pihak yang Dijumpai"].iloc[1] == "Wali Kota Makassar"
    # Bandung → Makassar is a 5 h flight: not the same afternoon (at most 2 h between two stops of a day)
    assert stops[1].day > stops[0].day
    for s in stops:
        assert parse_date(frame["Tanggal"].iloc[stops.index(s)]) == s.day
        assert parse_time_range(frame["Waktu"].iloc[stops.index(s)]) == (s.start, s.end, s.time_zone)


def test_two_close_stops_share_a_day_and_weekends_are_skipped():
    # Friday 23 August 2024: Kota Bandung and Kabupaten Bandung (close), then Kota Cimahi, one stop a day.
    stops = itinerary.schedule("32.73", ["32.73", "32.04"], start_date=dt.date(2024, 8, 23), days=1)
    assert [(s.day, s.start) for s in stops] == [(dt.date(2024, 8, 23), dt.time(9)), (dt.date(2024, 8, 23), dt.time(14))]
    one_a_day = itinerary.schedule("32.73", ["32.73", "32.04", "32.77"], start_date=dt.date(2024, 8, 23), days=5,
                                   stops_per_day=1)
    assert [s.day for s in one_a_day] == [dt.date(2024, 8, 23), dt.date(2024, 8, 26), dt.date(2024, 8, 27)]
    with_weekend = itinerary.schedule("32.73", ["32.73", "32.04", "32.77"], start_date=dt.date(2024, 8, 23),
                                      days=3, stops_per_day=1, weekdays_only=False)
    assert with_weekend[1].day.weekday() == 5  # Saturday
    assert itinerary.schedule_frame(with_weekend)["Tanggal"].iloc[2] == "Minggu, 25 Agustus 2024"


def test_too_many_places_for_the_days_is_a_clear_error():
    with pytest.raises(UserError) as exc:
        itinerary.schedule(JAKARTA, ZIGZAG, start_date=dt.date(2024, 8, 19), days=2)
    assert exc.value.text("id").startswith(f"{len(ZIGZAG)} lokasi tidak muat dalam 2 hari")
    assert exc.value.text("en").startswith(f"{len(ZIGZAG)} places do not fit in 2 days")


def test_schedule_exports_to_xlsx_and_reads_back_after_editing():
    order = ["32.73", "73.71"]
    stops = itinerary.schedule(JAKARTA, order, start_date=dt.date(2024, 8, 19), days=5,
                               briefs={c: ("Kepala daerah", "Rapat") for c in order})
    frame = itinerary.schedule_frame(stops)
    frame.loc[1, "Agenda"] = "=HYPERLINK(\"http://x\")"  # an editor's formula stays text
    frame.loc[0, "Waktu"] = "10.00 – 11.30 WIB"  # an edited time
    wb = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx_bytes(frame, sheet="Jadwal")))
    ws = wb["Jadwal"]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == itinerary.SCHEDULE_COLUMNS
    assert rows[1][0] == "Senin, 19 Agustus 2024" and rows[1][1] == "10.00 – 11.30 WIB"
    assert rows[2][4].startswith("'=")
    back = itinerary.stops_from_frame(frame, order)
    assert back[0].start == dt.time(10) and back[0].end == dt.time(11, 30)
    assert back[1].time_zone == "WITA" and back[1].day == stops[1].day
    frame.loc[1, "Tanggal"] = "31 Februari 2024"
    with pytest.raises(UserError):
        itinerary.stops_from_frame(frame, order)


UTC_OFFSET = {"WIB": 7, "WITA": 8, "WIT": 9}


def _utc(day, time, zone):
    return dt.datetime.combine(day, time) - dt.timedelta(hours=UTC_OFFSET[zone])


def _assert_no_stop_before_arrival(start, stops, start_date):
    """Every stop starts no earlier than the traveller can be there: the previous stop's end (or 06.00 at home
    on the first day) plus the travel time, all reckoned in UTC."""
    free = _utc(start_date, dt.time(6), time_zone_for_province(start))
    here = start
    for s in stops:
        hours = itinerary.leg(here, s.region_code).hours
        assert _utc(s.day, s.start, s.time_zone) >= free + dt.timedelta(hours=hours), (s, here)
        free, here = _utc(s.day, s.end, s.time_zone), s.region_code


def test_eastward_leg_counts_the_hour_lost_to_the_time_zone():
    # Barito Timur (Kalimantan Tengah, WIB) → Tabalong (Kalimantan Selatan, WITA): 1.59 h by road. Leaving at
    # 12.00 WIB = 13.00 WITA, the traveller arrives 14.35 WITA — after the 14.00 WITA slot, so the next day.
    start = dt.date(2026, 12, 7)  # a Monday
    stops = itinerary.schedule("62.13", ["62.13", "63.09"], start_date=start, days=3)
    assert [(s.region_code, s.day, s.start, s.time_zone) for s in stops] == [
        ("62.13", start, dt.time(9), "WIB"), ("63.09", dt.date(2026, 12, 8), dt.time(9), "WITA")]
    _assert_no_stop_before_arrival("62.13", stops, start)


def test_westward_leg_gains_the_hour_back():
    start = dt.date(2026, 12, 7)
    # Tabalong (WITA) → Barito Timur (WIB): leaving 12.00 WITA = 11.00 WIB, there at 12.35 WIB, before 14.00 WIB
    stops = itinerary.schedule("63.09", ["63.09", "62.13"], start_date=start, days=3)
    assert [(s.day, s.start, s.time_zone) for s in stops] == [(start, dt.time(9), "WITA"), (start, dt.time(14), "WIB")]
    _assert_no_stop_before_arrival("63.09", stops, start)
    # From Jembrana (Bali, WITA) to Pacitan (East Java, WIB), 3.6 h by air: leaving 06.00 WITA = 05.00 WIB, there
    # 08.38 WIB — in time for the 09.00 WIB slot (reckoned on Bali's clock it would wrongly miss it).
    leg = itinerary.leg("51.01", "35.01")
    assert 3 < leg.hours < 4
    stops = itinerary.schedule("51.01", ["35.01"], start_date=start, days=3)
    assert [(s.day, s.start, s.time_zone) for s in stops] == [(start, dt.time(9), "WIB")]
    _assert_no_stop_before_arrival("51.01", stops, start)


@pytest.mark.parametrize("start,codes", [
    (JAKARTA, ZIGZAG),
    ("81.71", ["62.13", "63.09", "73.71", "31.71", "81.71"]),  # from Ambon (WIT) westward and back
    ("62.13", ["63.09", "64.72", "73.71", "81.71", "52.71", "51.71"]),  # eastward over three zones
])
def test_no_stop_starts_before_the_traveller_arrives(start, codes):
    order = itinerary.best_order(start, codes)
    first = dt.date(2026, 12, 7)
    stops = itinerary.schedule(start, order, start_date=first, days=20, weekdays_only=False)
    assert [s.region_code for s in stops] == order
    _assert_no_stop_before_arrival(start, stops, first)


def _edited_schedule():
    order = ["32.73", "73.71"]
    stops = itinerary.schedule(JAKARTA, order, start_date=dt.date(2024, 8, 19), days=5,
                               briefs={c: ("Kepala daerah", "Rapat") for c in order})
    return itinerary.schedule_frame(stops), order


@pytest.mark.parametrize("cleared", [None, float("nan"), pd.NA, "", "   "], ids=["None", "NaN", "NA", "empty", "blank"])
def test_cleared_optional_cells_read_back_empty_not_nan(cleared):
    frame, order = _edited_schedule()
    frame = frame.astype(object)
    frame.loc[0, "Narasumber/Pihak yang Dijumpai"] = cleared
    frame.loc[1, "Agenda"] = cleared
    back = itinerary.stops_from_frame(frame, order)
    assert back[0].people == "" and back[1].agenda == ""
    assert back[0].agenda == "Rapat" and back[1].people == "Kepala daerah"
    assert "nan" not in {s.location for s in back} | {s.people for s in back} | {s.agenda for s in back}


@pytest.mark.parametrize("column", ["Tanggal", "Waktu", "Lokasi"])
@pytest.mark.parametrize("cleared", [None, float("nan"), ""], ids=["None", "NaN", "empty"])
def test_cleared_required_cell_is_a_clear_error(column, cleared):
    frame, order = _edited_schedule()
    frame = frame.astype(object)
    frame.loc[1, column] = cleared
    with pytest.raises(UserError) as exc:
        itinerary.stops_from_frame(frame, order)
    assert exc.value.text("id") == f"jadwal baris 2: kolom {column!r} wajib diisi"
    assert exc.value.text("en") == f"schedule row 2: the column {column!r} must be filled in"


# Places on a line (hours from the start at 0): the travel time between two is the distance between them.
LINE = [0, 5, 1, 3, 10, 7]
LINE_COST = [[abs(a - b) for b in LINE] for a in LINE]


def _hours(path, return_home):
    """Travel time of a path through LINE from the start (place 0), added up here leg by leg."""
    stops = [0, *path, *([0] if return_home else [])]
    return sum(abs(LINE[a] - LINE[b]) for a, b in zip(stops, stops[1:]))


def test_nearest_neighbour_goes_from_the_start_each_time_to_the_closest_place_not_yet_visited():
    assert itinerary._nearest_neighbour(LINE_COST, 5) == [2, 3, 1, 5, 4]  # 1, 3, 5, 7, 10 hours from the start


@pytest.mark.parametrize("return_home", [False, True])
def test_a_paths_length_is_its_legs_from_the_start_and_home_again_only_when_asked(return_home):
    for path in ([2, 3, 1, 5, 4], [4, 1, 5, 2, 3]):
        assert itinerary._length(LINE_COST, path, return_home) == _hours(path, return_home)


@pytest.mark.parametrize("return_home", [False, True])
@pytest.mark.parametrize("path", [[4, 1, 5, 2, 3], [1, 4, 2, 5, 3], [5, 4, 3, 2, 1], [2, 3, 1, 4, 5]])
def test_two_opt_ends_where_no_reversed_stretch_of_the_path_is_shorter(path, return_home):
    best = itinerary._two_opt(LINE_COST, path, return_home)
    assert sorted(best) == sorted(path)
    length = _hours(best, return_home)
    assert length <= _hours(path, return_home)
    for i, j in itertools.combinations(range(len(best)), 2):
        reversed_stretch = best[:i] + best[i:j + 1][::-1] + best[j + 1:]
        assert _hours(reversed_stretch, return_home) >= length, (best, i, j)


def test_two_opt_reaches_the_shortest_path_along_a_line():
    # out along the line and back: visiting in order of distance is shortest either way
    assert _hours(itinerary._two_opt(LINE_COST, [4, 1, 5, 2, 3], False), False) == 10
    assert _hours(itinerary._two_opt(LINE_COST, [4, 1, 5, 2, 3], True), True) == 20


def test_two_opt_takes_any_shorter_path_however_small_the_gain():
    hours = [0, 1.25, 1, 2]  # on a line again; going 1.25 → 1 → 2 is half an hour longer than 1 → 1.25 → 2
    cost = [[abs(a - b) for b in hours] for a in hours]
    assert itinerary._two_opt(cost, [1, 2, 3], False) == [2, 1, 3]
    assert itinerary._two_opt(cost, [1, 2, 3], True) == [2, 1, 3]  # round trip: 4 h against 4.5 h


def test_a_schedule_table_with_more_or_fewer_rows_than_places_is_refused_with_its_own_message():
    frame = itinerary.schedule_frame(itinerary.schedule(JAKARTA, ["32.73"], start_date=dt.date(2024, 8, 19), days=2))
    with pytest.raises(UserError) as refused:
        itinerary.stops_from_frame(frame, ["32.73", "73.71"])
    assert refused.value.key == "plan.rows"


def test_a_saved_visits_stops_come_back_in_each_places_own_time_zone_and_day():
    from geo.records.write import StopData, VisitData

    utc = dt.timezone.utc
    makassar = StopData("73.71", start_at=dt.datetime(2024, 8, 19, 1, 0, tzinfo=utc),
                        end_at=dt.datetime(2024, 8, 19, 4, 0, tzinfo=utc), agenda="Rapat", people_met="Wali kota")
    jayapura = StopData("91.71", place_name="Kantor Gubernur", start_at=dt.datetime(2024, 8, 19, 23, 30, tzinfo=utc))
    data = VisitData(ref="R", official_role="Wamen", ministry="Kemendagri", start_at=makassar.start_at,
                     time_zone="WITA", stops=[makassar, jayapura])
    first, second = itinerary.stops_of_visit(data)
    assert first == itinerary.Stop("73.71", dt.date(2024, 8, 19), dt.time(9), dt.time(12), "WITA",
                                   itinerary.location("73.71"), "Wali kota", "Rapat")
    assert "Makassar" in first.location and "Sulawesi Selatan" in first.location.title()
    # 23.30 UTC is 08.30 the next morning in Jayapura (WIT, UTC+9); no end time: it ends when it starts
    assert second == itinerary.Stop("91.71", dt.date(2024, 8, 20), dt.time(8, 30), dt.time(8, 30), "WIT",
                                    "Kantor Gubernur", "", "")


def test_only_one_or_two_stops_a_day_can_be_asked_for():
    for per_day in (0, 3):
        with pytest.raises(ValueError, match="^one or two stops a day$"):
            itinerary.schedule(JAKARTA, ["32.73"], start_date=dt.date(2024, 8, 19), days=5, stops_per_day=per_day)


def test_a_place_without_a_brief_has_no_one_to_meet_and_no_agenda_yet():
    (stop,) = itinerary.schedule(JAKARTA, ["32.73"], start_date=dt.date(2024, 8, 19), days=2)
    assert (stop.people, stop.agenda) == ("", "")


def test_a_trip_starting_on_a_weekend_sets_off_on_its_first_weekday():
    saturday = dt.date(2024, 8, 24)
    # Jakarta → Jayapura flies (3 h + 3,700 km at 600 km/h, about 9 h): leaving Monday 06.00 WIB it lands after
    # the afternoon slot in Jayapura (WIT, two hours ahead), so the first stop is Tuesday morning, not Monday.
    assert itinerary.leg(JAKARTA, "91.71").hours > 9
    (stop,) = itinerary.schedule(JAKARTA, ["91.71"], start_date=saturday, days=5)
    assert (stop.day, stop.start) == (dt.date(2024, 8, 27), dt.time(9))
    with pytest.raises(UserError) as exc:  # a weekend only: no slot at all
        itinerary.schedule(JAKARTA, ["32.73"], start_date=saturday, days=2)
    assert exc.value.key == "plan.too_long_two"  # two stops a day are the default: not suggested again
    with pytest.raises(UserError) as exc:
        itinerary.schedule(JAKARTA, ["32.73"], start_date=saturday, days=2, stops_per_day=1)
    assert exc.value.key == "plan.too_long" and "dua lokasi sehari" in exc.value.text("id")


def _fixed_legs(monkeypatch, hours):
    monkeypatch.setattr(itinerary, "leg", lambda a, b: itinerary.Leg(a, b, 0.0 if a == b else 50.0, "land",
                                                                       0.0 if a == b else hours))


def test_a_stop_may_start_the_minute_the_traveller_arrives(monkeypatch):
    _fixed_legs(monkeypatch, 3.0)  # leaving at 06.00, arriving at 09.00 sharp
    (stop,) = itinerary.schedule(JAKARTA, ["32.73"], start_date=dt.date(2024, 8, 19), days=1)
    assert (stop.day, stop.start) == (dt.date(2024, 8, 19), dt.time(9))


def test_two_stops_share_a_day_with_at_most_two_hours_of_travel_between_them(monkeypatch):
    _fixed_legs(monkeypatch, 2.0)  # exactly the most allowed: the second stop is the same afternoon
    first, second = itinerary.schedule("32.73", ["32.73", "32.04"], start_date=dt.date(2024, 8, 19), days=2)
    assert (second.day, second.start) == (first.day, dt.time(14))
    _fixed_legs(monkeypatch, 2.01)  # a little more: the next morning
    first, second = itinerary.schedule("32.73", ["32.73", "32.04"], start_date=dt.date(2024, 8, 19), days=2)
    assert (second.day, second.start) == (dt.date(2024, 8, 20), dt.time(9))


def test_a_journey_ready_before_six_in_the_morning_sets_off_at_six_on_the_clock_of_the_place_left():
    wib = dt.timezone(dt.timedelta(hours=7))
    ready = dt.datetime(2024, 8, 19, 4, 0, tzinfo=wib)
    arrive = itinerary._arrival(ready, 1.5, wib)
    assert arrive == dt.datetime(2024, 8, 19, 7, 30, tzinfo=wib) and arrive.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize("a,b,mode", [("31.71", "32.73", "land"), ("31.71", "35.78", "air"),  # Jakarta–Surabaya flies
                                      ("51.71", "52.71", "sea"), ("31.71", "73.71", "air")])
def test_a_leg_names_where_it_starts_and_ends_and_how_it_travels(a, b, mode):
    assert (itinerary.leg(a, b).origin, itinerary.leg(a, b).destination, itinerary.leg(a, b).mode) == (a, b, mode)


def test_staying_in_the_same_place_is_no_leg_at_all():
    assert itinerary.leg("32.73", "32.73") == itinerary.Leg("32.73", "32.73", 0.0, "land", 0.0)


def test_land_masses_are_compared_at_one_level_and_a_region_against_a_province_by_provinces():
    assert not itinerary.same_land("31.01", "31.71")  # Kepulauan Seribu's islands: not on Jakarta's land
    assert itinerary.same_land("31.01", "31") and itinerary.same_land("31", "31.01")  # by provinces
    assert itinerary.same_land("32.73", "33") and not itinerary.same_land("32.73", "73")
    assert itinerary.same_land("32.73", "33.74") and not itinerary.same_land("51.71", "52.71")


def test_a_region_without_a_label_point_is_a_user_error_naming_it(monkeypatch):
    region = lookup.get("32.73")
    monkeypatch.setattr(itinerary.lookup, "get", lambda code: dataclasses.replace(region, label_lon=None))
    with pytest.raises(UserError) as exc:
        itinerary.leg("32.73", "32.04")
    assert exc.value.key == "region.unknown" and exc.value.params == {"text": "32.73"}


def test_the_best_order_goes_home_at_the_end_unless_asked_not_to():
    # Bandung and Surabaya from Jakarta: one way, the nearer first; the order of a round trip is the same either way
    assert itinerary.best_order(JAKARTA, ["35.78", "32.73"], return_home=False) == ["32.73", "35.78"]
    places = ["73.71", "32.73", "12.71"]  # Makassar, Bandung, Medan
    home = itinerary.best_order(JAKARTA, places)
    assert home == itinerary.best_order(JAKARTA, places, return_home=True)
    hours = itinerary.totals(itinerary.route_legs(JAKARTA, home))["hours"]
    assert hours == pytest.approx(min(itinerary.totals(itinerary.route_legs(JAKARTA, list(p)))["hours"]
                                      for p in itertools.permutations(places)))


@pytest.mark.parametrize("return_home", [False, True])
def test_the_exact_order_on_a_line_is_out_along_it(return_home):
    path = itinerary._held_karp(LINE_COST, 5, return_home)
    assert sorted(path) == [1, 2, 3, 4, 5]
    assert _hours(path, return_home) == (10 if not return_home else 20)
    if not return_home:
        assert path == [2, 3, 1, 5, 4]


@pytest.mark.parametrize("ready,hours,arrive", [
    (dt.datetime(2024, 8, 19, 19), 2, dt.datetime(2024, 8, 19, 21)),  # arriving at 21.00 sharp: the same day
    (dt.datetime(2024, 8, 19, 19), 5, dt.datetime(2024, 8, 20, 9)),  # 2 h today, 3 h from 06.00 tomorrow
    (dt.datetime(2024, 8, 19, 22), 1, dt.datetime(2024, 8, 20, 7)),  # after 21.00: from 06.00 tomorrow
    (dt.datetime(2024, 8, 19, 6), 20, dt.datetime(2024, 8, 20, 11)),  # 15 h today, 5 h tomorrow
])
def test_travel_runs_from_six_to_nine_in_the_evening_and_goes_on_the_next_morning(ready, hours, arrive):
    wit = dt.timezone(dt.timedelta(hours=9))
    assert itinerary._arrival(ready.replace(tzinfo=wit), hours, wit) == arrive.replace(tzinfo=wit)


def test_the_location_of_a_province_is_its_name_and_of_a_region_its_name_and_province():
    assert itinerary.location("32") == "Jawa Barat"
    assert itinerary.location("32.73") == f"{lookup.get('32.73').name}, Jawa Barat"


def test_an_edited_row_reads_back_with_its_own_place_people_and_agenda_and_defaults_for_a_bare_time():
    frame = pd.DataFrame([["Senin, 19 Agustus 2024", "10.00", "Balai Kota", "Wali kota", "Rapat"]],
                         columns=itinerary.SCHEDULE_COLUMNS)
    (stop,) = itinerary.stops_from_frame(frame, ["73.71"])
    # no zone written: the place's own (Makassar: WITA); no end written: three hours after the start
    assert stop == itinerary.Stop("73.71", dt.date(2024, 8, 19), dt.time(10), dt.time(13), "WITA", "Balai Kota",
                                  "Wali kota", "Rapat")


def _round_trip_is_two_opt_optimal(cost, path):
    def length(p):
        full = [0, *p, 0]
        return sum(cost[a][b] for a, b in zip(full, full[1:]))

    return all(length(path[:i] + path[i:j + 1][::-1] + path[j + 1:]) >= length(path) - 1e-9
               for i, j in itertools.combinations(range(len(path)), 2))


def test_two_opt_of_a_round_trip_weighs_the_way_home_from_the_first_comparison_to_the_last():
    grid = [(0, 0), (6, 0), (4, 8), (7, 6), (4, 7), (5, 9)]  # hours apart = distance on this grid
    cost = [[((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for b in grid] for a in grid]
    assert _round_trip_is_two_opt_optimal(cost, itinerary._two_opt(cost, [3, 1, 4, 5, 2], True))


def test_up_to_the_exact_limit_the_order_is_the_shortest_there_is():
    picks = random.Random(2).sample([r.code for r in lookup.all_regions("regency")], itinerary.EXACT_MAX)
    nodes = [JAKARTA, *picks]
    cost = [[itinerary.leg(a, b).hours for b in nodes] for a in nodes]
    exact = [nodes[i] for i in itinerary._held_karp(cost, len(picks), True)]  # checked against brute force above
    hours = itinerary.totals(itinerary.route_legs(JAKARTA, itinerary.best_order(JAKARTA, picks)))["hours"]
    assert hours == pytest.approx(itinerary.totals(itinerary.route_legs(JAKARTA, exact))["hours"])


def test_beyond_the_exact_limit_a_round_trip_is_improved_as_a_round_trip():
    picks = random.Random(0).sample([r.code for r in lookup.all_regions("regency")], itinerary.EXACT_MAX + 2)
    order = itinerary.best_order(JAKARTA, picks)
    nodes = [JAKARTA, *order]
    cost = [[itinerary.leg(a, b).hours for b in nodes] for a in nodes]
    assert _round_trip_is_two_opt_optimal(cost, list(range(1, len(nodes))))
