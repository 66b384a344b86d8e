"""A trip through chosen regions: travel estimates, the order that keeps travel short, and the schedule.

Travel assumptions (stated in the app and the README):

* distances are great-circle distances between the regions' label points (``geo.regions.geodesy.haversine_km``);
* **land** when both regions lie in the same land mass (connected through shared land borders, from
  ``data/neighbors.csv``): road distance = 1.3 × great-circle, at 40 km/h average — unless the places
  are 300 km or more apart and flying is faster (e.g. Jakarta–Surabaya);
* **sea** between land masses closer than 150 km: 2 h at ports and waiting + the crossing at 25 km/h;
* **air** between land masses 150 km or more apart: 3 h fixed (to and from airports, check-in) + the
  great-circle distance at 600 km/h.

The order minimises total travel time from the start city through every region (and back home when
asked): exactly (Held–Karp dynamic programming) up to ``EXACT_MAX`` regions, beyond that nearest
neighbour improved by 2-opt. Schedules place one or two stops a day in fixed slots (09.00–12.00 and
14.00–17.00, the place's own time zone WIB/WITA/WIT; arrivals are reckoned in UTC, so crossing a time zone
never makes a stop start before the traveller gets there); travel runs 06.00–21.00 only (on the clock of the
place left), a second stop on
the same day needs at most 2 h of travel from the first; Saturdays and Sundays are skipped unless asked.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from functools import lru_cache

import networkx as nx
import pandas as pd

from geo.regions import lookup
from geo.regions.geodesy import haversine_km
from geo.text.messages import UserError
from geo.text.parsing import long_date, parse_date, parse_time_range, time_range, time_zone_for_province
from geo.text.vocabulary import TIME_ZONES

ROAD_FACTOR = 1.3
LAND_SPEED_KMH = 40.0
SEA_MAX_KM = 150.0
SEA_OVERHEAD_H = 2.0
SEA_SPEED_KMH = 25.0
AIR_OVERHEAD_H = 3.0
AIR_SPEED_KMH = 600.0
AIR_MIN_KM = 300.0  # on one land mass, flying is considered from this distance on
EXACT_MAX = 10
SLOTS = ((dt.time(9), dt.time(12)), (dt.time(14), dt.time(17)))
SAME_DAY_MAX_TRAVEL_H = 2.0
TRAVEL_FROM, TRAVEL_UNTIL = dt.time(6), dt.time(21)
SCHEDULE_COLUMNS = ["Tanggal", "Waktu", "Lokasi", "Narasumber/Pihak yang Dijumpai", "Agenda"]


@lru_cache(maxsize=4)
def _land_mass(level: str) -> dict[str, int]:
    g = nx.Graph()
    codes = [r.code for r in lookup.all_regions(level)]
    g.add_nodes_from(codes)
    for c in codes:
        g.add_edges_from((c, n.code) for n in lookup.neighbors(c))
    return {c: i for i, comp in enumerate(nx.connected_components(g)) for c in comp}


def same_land(a: str, b: str) -> bool:
    level = lookup.level_of(a)
    if lookup.level_of(b) != level:
        a, b = a[:2], b[:2]
        level = "province"
    masses = _land_mass(level)
    return masses.get(a) is not None and masses.get(a) == masses.get(b)


def _point(code: str) -> tuple[float, float]:
    r = lookup.get(code)
    if r.label_lon is None:
        raise UserError("region.unknown", text=code)
    return r.label_lon, r.label_lat


@dataclass(frozen=True)
class Leg:
    origin: str
    destination: str
    km: float  # great-circle
    mode: str  # land, sea, air
    hours: float


def leg(a: str, b: str) -> Leg:
    (lon1, lat1), (lon2, lat2) = _point(a), _point(b)
    km = float(haversine_km(lon1, lat1, lon2, lat2))
    if a == b:
        return Leg(a, b, 0.0, "land", 0.0)
    air = AIR_OVERHEAD_H + km / AIR_SPEED_KMH
    if same_land(a, b):
        land = km * ROAD_FACTOR / LAND_SPEED_KMH
        return Leg(a, b, km, "air", air) if km >= AIR_MIN_KM and air < land else Leg(a, b, km, "land", land)
    if km < SEA_MAX_KM:
        return Leg(a, b, km, "sea", SEA_OVERHEAD_H + km / SEA_SPEED_KMH)
    return Leg(a, b, km, "air", air)


def route_legs(start: str, order: list[str], return_home: bool = True) -> list[Leg]:
    stops = [start, *order] + ([start] if return_home else [])
    return [leg(a, b) for a, b in zip(stops, stops[1:])]


def totals(legs: list[Leg]) -> dict[str, float]:
    return {"km": sum(x.km for x in legs), "hours": sum(x.hours for x in legs)}


def best_order(start: str, codes: list[str], *, return_home: bool = True) -> list[str]:
    """The visiting order with the least total travel time (exact up to ``EXACT_MAX`` regions)."""
    codes = list(dict.fromkeys(codes))
    if len(codes) <= 1:
        return codes
    nodes = [start, *codes]
    cost = [[leg(a, b).hours for b in nodes] for a in nodes]
    n = len(codes)
    if n <= EXACT_MAX:
        order = _held_karp(cost, n, return_home)
    else:
        order = _two_opt(cost, _nearest_neighbour(cost, n), return_home)
    return [codes[i - 1] for i in order]


def _held_karp(cost, n: int, return_home: bool) -> list[int]:
    """Exact shortest path from node 0 through nodes 1..n (and back to 0 when ``return_home``)."""
    best = {(1 << (j - 1), j): (cost[0][j], 0) for j in range(1, n + 1)}
    for size in range(2, n + 1):
        for subset in itertools.combinations(range(1, n + 1), size):
            mask = sum(1 << (j - 1) for j in subset)
            for j in subset:
                prev_mask = mask & ~(1 << (j - 1))
                best[(mask, j)] = min((best[(prev_mask, k)][0] + cost[k][j], k) for k in subset if k != j)
    full = (1 << n) - 1
    end = min(range(1, n + 1), key=lambda j: best[(full, j)][0] + (cost[j][0] if return_home else 0))
    path, mask = [], full
    while end:
        path.append(end)
        end, mask = best[(mask, end)][1], mask & ~(1 << (end - 1))
    return path[::-1]


def _nearest_neighbour(cost, n: int) -> list[int]:
    path, left, here = [], set(range(1, n + 1)), 0
    while left:
        here = min(left, key=lambda j: cost[here][j])
        path.append(here)
        left.remove(here)
    return path


def _length(cost, path, return_home: bool) -> float:
    full = [0, *path] + ([0] if return_home else [])
    return sum(cost[a][b] for a, b in zip(full, full[1:]))


def _two_opt(cost, path: list[int], return_home: bool) -> list[int]:
    best, best_len = list(path), _length(cost, path, return_home)
    improved = True
    while improved:
        improved = False
        for i in range(len(best) - 1):
            for j in range(i + 1, len(best)):
                candidate = best[:i] + best[i:j + 1][::-1] + best[j + 1:]
                length = _length(cost, candidate, return_home)
                if length < best_len - 1e-9:
                    best, best_len, improved = candidate, length, True
    return best


# ---------------------------------------------------------------------------- schedule

@dataclass(frozen=True)
class Stop:
    region_code: str
    day: dt.date
    start: dt.time
    end: dt.time
    time_zone: str
    location: str
    people: str
    agenda: str


def _trip_days(start_date: dt.date, days: int, weekdays_only: bool) -> list[dt.date]:
    out = [start_date + dt.timedelta(days=i) for i in range(days)]
    return [d for d in out if not (weekdays_only and d.weekday() >= 5)]


def schedule(start: str, order: list[str], *, start_date: dt.date, days: int, stops_per_day: int = 2,
             weekdays_only: bool = True, briefs: dict[str, tuple[str, str]] | None = None) -> list[Stop]:
    """Place the ordered regions into the trip's slots; ``briefs``: code → (people to meet, agenda).

    Raises ``UserError("plan.too_long")`` when the regions do not fit in ``days`` days (``"plan.too_long_two"``
    with two stops a day already allowed: its advice does not suggest them again).
    """
    if stops_per_day not in (1, 2):
        raise ValueError("one or two stops a day")
    trip = _trip_days(start_date, days, weekdays_only)
    slots = [(d, s, e) for d in trip for s, e in SLOTS[:stops_per_day]]
    briefs = briefs or {}
    out: list[Stop] = []
    here = start
    # every instant is compared in UTC: each place's clock is its own zone (WIB +7, WITA +8, WIT +9)
    ready = _utc(trip[0] if trip else start_date, TRAVEL_FROM, start)  # free to travel from
    i = 0
    for code in order:
        hours = leg(here, code).hours
        arrive = _arrival(ready, hours, _zone(here))
        while i < len(slots):
            d, s, e = slots[i]
            same_day_ok = not out or out[-1].day != d or hours <= SAME_DAY_MAX_TRAVEL_H
            if _utc(d, s, code) >= arrive and same_day_ok:
                break
            i += 1
        if i >= len(slots):
            # the way out named only when it is not taken already (two stops a day already allowed)
            raise UserError("plan.too_long" if stops_per_day == 1 else "plan.too_long_two", n=len(order), days=days)
        d, s, e = slots[i]
        people, agenda = briefs.get(code, ("", ""))
        out.append(Stop(code, d, s, e, time_zone_for_province(code), location(code), people, agenda))
        here, ready, i = code, _utc(d, e, code), i + 1
    return out


def _zone(code: str) -> dt.timezone:
    """The fixed-offset time zone of a region's clock (WIB +7, WITA +8, WIT +9)."""
    return dt.timezone(dt.timedelta(hours=TIME_ZONES[time_zone_for_province(code)]))


def _utc(day: dt.date, time: dt.time, code: str) -> dt.datetime:
    """``day`` ``time`` on the clock of the region ``code``, as an aware UTC instant."""
    return dt.datetime.combine(day, time, tzinfo=_zone(code)).astimezone(dt.timezone.utc)


def _arrival(ready: dt.datetime, hours: float, zone: dt.timezone) -> dt.datetime:
    """When a journey of ``hours`` started at the aware instant ``ready`` arrives (an aware UTC instant),
    travelling only 06.00–21.00 on the clock of ``zone`` (the place the journey leaves from)."""
    left = dt.timedelta(hours=hours)
    t = ready.astimezone(zone)
    while True:
        if t.time() < TRAVEL_FROM:
            t = dt.datetime.combine(t.date(), TRAVEL_FROM, tzinfo=zone)
        day_end = dt.datetime.combine(t.date(), TRAVEL_UNTIL, tzinfo=zone)
        if t + left <= day_end:
            return (t + left).astimezone(dt.timezone.utc)
        left -= max(day_end - t, dt.timedelta(0))
        t = dt.datetime.combine(t.date() + dt.timedelta(days=1), TRAVEL_FROM, tzinfo=zone)


def location(code: str) -> str:
    r = lookup.get(code)
    province = lookup.get(code[:2]).name if len(code) > 2 else ""
    return f"{r.name}, {province}" if province else r.name


def schedule_frame(stops: list[Stop]) -> pd.DataFrame:
    """The ministries' table: Tanggal | Waktu | Lokasi | Narasumber/Pihak yang Dijumpai | Agenda."""
    return pd.DataFrame([[long_date(s.day), time_range(s.start, s.end, s.time_zone), s.location, s.people, s.agenda]
                         for s in stops], columns=SCHEDULE_COLUMNS)


REQUIRED_COLUMNS = SCHEDULE_COLUMNS[:3]  # Tanggal, Waktu, Lokasi; who to meet and the agenda may stay empty


def _cell_text(value) -> str:
    """A table cell as text: a cleared cell (None, NaN, pd.NA) is empty, never the text 'nan'."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return str(value).strip()


def stops_from_frame(frame: pd.DataFrame, codes: list[str]) -> list[Stop]:
    """Read an edited schedule back (one row per region of ``codes``, in order); an empty required cell or bad
    dates/times → UserError."""
    if len(frame) != len(codes):
        raise UserError("plan.rows")
    out = []
    for n, (code, row) in enumerate(zip(codes, frame[SCHEDULE_COLUMNS].itertuples(index=False)), start=1):
        cells = [_cell_text(v) for v in row]
        for column, cell in zip(SCHEDULE_COLUMNS, cells):
            if column in REQUIRED_COLUMNS and not cell:
                raise UserError("plan.cell_empty", row=n, column=column)
        day = parse_date(cells[0])
        start, end, tz = parse_time_range(cells[1])
        if day is None or start is None:
            raise UserError("time.bad", text=f"{cells[0]} {cells[1]}")
        tz = tz or time_zone_for_province(code)
        end = end or (dt.datetime.combine(day, start) + dt.timedelta(hours=3)).time()
        out.append(Stop(code, day, start, end, tz, cells[2], cells[3], cells[4]))
    return out


def stops_of_visit(data) -> list[Stop]:
    """The stops of a saved (planned) visit (``records.VisitData``) back as schedule stops, in each place's own
    time zone — so a saved plan can be shown or exported again (e.g. in briefings) with ``schedule_frame``."""
    out = []
    for s in data.stops:
        tz = time_zone_for_province(s.region_code)
        zone = dt.timezone(dt.timedelta(hours=TIME_ZONES[tz]))
        start, end = s.start_at.astimezone(zone), (s.end_at or s.start_at).astimezone(zone)
        out.append(Stop(s.region_code, start.date(), start.time().replace(tzinfo=None),
                        end.time().replace(tzinfo=None), tz, s.place_name or location(s.region_code), s.people_met,
                        s.agenda))
    return out
