"""Goals against results: each goal of a visit beside the agreements that followed in its area's sectors, in the
visit's region, after the visit (``geo.analysis.goals``)."""

import datetime as dt

import pandas as pd

from geo.analysis import goals

D = dt.date


def _visits(*rows) -> pd.DataFrame:
    return pd.DataFrame([{"ref": ref, "ministry": "Kementerian PPN/Bappenas", "official_role": "Wakil Menteri",
                          "local_start": pd.Timestamp(day), "region_codes": codes, "goals": gs, "planned": planned}
                         for ref, day, codes, gs, planned in rows])


def _agreements(*rows) -> pd.DataFrame:
    return pd.DataFrame([{"doc_number": doc, "region_codes": codes, "sectors": sectors, "signed_on": signed,
                          "start_on": start, "status": status}
                         for doc, codes, sectors, signed, start, status in rows])


AGREEMENTS = _agreements(
    ("A", ["32.73", "32.04"], ["transportasi"], D(2024, 5, 1), D(2024, 5, 1), "berjalan"),  # counts
    ("B", ["32.73"], ["pendidikan"], D(2024, 5, 1), D(2024, 5, 1), "berjalan"),  # another area
    ("C", ["33.74", "33.01"], ["transportasi"], D(2024, 5, 1), D(2024, 5, 1), "berjalan"),  # another region
    ("D", ["32.73"], ["infrastruktur"], D(2024, 2, 29), D(2024, 3, 1), "berjalan"),  # before the visit
    ("E", ["32.73"], ["energi", "pendidikan"], D(2025, 6, 1), D(2025, 6, 1), "terhambat"),  # counts, stalled
    ("F", ["32.73"], ["infrastruktur"], D(2026, 3, 2), D(2026, 3, 2), "berjalan"),  # 24 months + 1 day later
    ("G", ["32.73"], ["air_sanitasi"], None, D(2024, 7, 1), "selesai"),  # counts, started, never signed
    ("H", ["32.73"], ["infrastruktur"], D(2024, 3, 1), D(2024, 3, 1), "berjalan"),  # the visit's own day
)


def test_a_goal_counts_the_agreements_of_its_areas_sectors_in_the_visits_region_after_the_visit():
    table = goals.goals_against_results(_visits(("K-1", "2024-03-01 09:00", ["32.73"], ["infrastruktur"], False)),
                                        AGREEMENTS)
    [row] = table.to_dict("records")
    assert (row["goal"], row["regions"]) == ("infrastruktur", ["32.73"])
    assert (row["followed"], row["signed"], row["running"], row["stalled"]) == (3, 2, 1, 1)  # A, E, G


def test_a_stop_in_a_district_counts_for_its_regency_and_each_goal_gets_its_own_row():
    table = goals.goals_against_results(
        _visits(("K-1", "2024-03-01 09:00", ["32.73.01"], ["infrastruktur", "sdm"], False)), AGREEMENTS)
    assert table["regions"].tolist() == [["32.73"], ["32.73"]]
    assert dict(zip(table["goal"], table["followed"])) == {"infrastruktur": 3, "sdm": 2}  # sdm: B and E


def test_planned_visits_and_visits_without_goals_give_no_rows():
    table = goals.goals_against_results(_visits(
        ("RENCANA", "2024-03-01 09:00", ["32.73"], ["infrastruktur"], True),
        ("K-2", "2024-03-01 09:00", ["32.73"], [], False)), AGREEMENTS)
    assert table.empty and list(table.columns) == goals.COLUMNS


def test_by_goal_sums_what_followed_and_counts_each_visit_once():
    table = goals.goals_against_results(_visits(
        ("K-1", "2024-03-01 09:00", ["32.73"], ["infrastruktur"], False),
        ("K-2", "2025-01-10 09:00", ["32.73"], ["infrastruktur"], False)), AGREEMENTS)
    [row] = goals.by_goal(table).to_dict("records")
    # K-1: A, E, G; K-2 (10/01/2025): E, and F (2026-03-02, within 24 months)
    assert (row["visits"], row["followed"], row["running"], row["stalled"]) == (2, 5, 2, 2)
