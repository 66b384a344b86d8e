"""The cooperation flow (``geo.analysis.flow``): counts per stage and per recorded move for the view's period and
filters, checked against records whose answers are known, and against the map's own selection on the sample."""

import datetime as dt

import pandas as pd

from geo.analysis import flow, metrics
from geo.maps import map_view

D = dt.date


def agreement(doc, status, history, *, signed=None, start=None, sectors=("pendidikan",), type_="KB", visit=None,
              regions=("32.73",)):
    return {"doc_number": doc, "status": status, "status_history": list(history), "signed_on": signed,
            "start_on": start, "sectors": list(sectors), "type": type_, "visit_ref": visit,
            "region_codes": list(regions)}


RECORDS = pd.DataFrame([
    # proposed in 2024, never signed: counts in 2024 by its first recorded status
    agreement("A", "usulan", [("usulan", D(2024, 3, 1))]),
    # proposed 2023, signed 2024 (counts in 2024, its signing year), running, completed
    agreement("B", "selesai", [("usulan", D(2023, 11, 1)), ("ditandatangani", D(2024, 2, 1)),
                               ("berjalan", D(2024, 4, 1)), ("selesai", D(2025, 4, 1))], signed=D(2024, 2, 1)),
    # signed 2024, running, stalled, cancelled; health, in Jawa Timur
    agreement("C", "batal", [("ditandatangani", D(2024, 5, 1)), ("berjalan", D(2024, 6, 1)),
                             ("terhambat", D(2025, 1, 1)), ("batal", D(2025, 6, 1))], signed=D(2024, 5, 1),
              sectors=("kesehatan",), regions=("35.78",)),
    # imported with only its current status (running), signed 2024
    agreement("D", "berjalan", [("berjalan", D(2024, 9, 1))], signed=D(2024, 7, 1), type_="PKS"),
    # stalled, then running again; signed 2024
    agreement("E", "berjalan", [("ditandatangani", D(2024, 1, 10)), ("berjalan", D(2024, 2, 1)),
                                ("terhambat", D(2024, 8, 1)), ("berjalan", D(2025, 1, 1))], signed=D(2024, 1, 10)),
    # signed 2022: outside the 2024 period
    agreement("F", "selesai", [("ditandatangani", D(2022, 1, 1)), ("selesai", D(2023, 1, 1))], signed=D(2022, 1, 1)),
    # no recorded history at all, only started (2024) and its status
    agreement("G", "ditandatangani", [], start=D(2024, 10, 1)),
])
VISITS = pd.DataFrame({"ref": pd.Series([], dtype=object), "ministry": pd.Series([], dtype=object),
                       "focus_sectors": pd.Series([], dtype=object)})
YEAR_2024 = dict(start=D(2024, 1, 1), end=D(2024, 12, 31))


def test_the_period_takes_signed_then_started_then_first_recorded_day_and_counts_every_stage_and_move():
    chosen = flow.agreements_in_flow(RECORDS, VISITS, **YEAR_2024)
    assert sorted(chosen["doc_number"]) == ["A", "B", "C", "D", "E", "G"]  # F signed 2022
    f = flow.count(chosen)
    assert f.total == 6
    assert f.now == {"usulan": 1, "ditandatangani": 1, "berjalan": 2, "selesai": 1, "terhambat": 0, "batal": 1}
    # ever at a stage: A,B usulan; B,C,E,G signed; B,C,D,E running; B done; C,E stalled; C cancelled
    assert f.reached == {"usulan": 2, "ditandatangani": 4, "berjalan": 4, "selesai": 1, "terhambat": 2, "batal": 1}
    assert f.moves == {("usulan", "ditandatangani"): 1, ("ditandatangani", "berjalan"): 3,
                       ("berjalan", "selesai"): 1, ("berjalan", "terhambat"): 2, ("terhambat", "batal"): 1,
                       ("terhambat", "berjalan"): 1}
    assert f.first == {"usulan": 2, "ditandatangani": 3, "berjalan": 1, "selesai": 0, "terhambat": 0, "batal": 0}
    assert f.only_now == 2  # D (one status recorded) and G (none)


def test_the_maps_filters_choose_the_agreements_of_the_flow():
    health = flow.count(flow.agreements_in_flow(RECORDS, VISITS, sectors=("kesehatan",), **YEAR_2024))
    assert health.total == 1 and health.now["batal"] == 1 and health.moves[("terhambat", "batal")] == 1
    pks = flow.count(flow.agreements_in_flow(RECORDS, VISITS, types=("PKS",)))
    assert pks.total == 1 and pks.now["berjalan"] == 1 and pks.moves == {}
    running_now = flow.count(flow.agreements_in_flow(RECORDS, VISITS, statuses=("berjalan",), **YEAR_2024))
    assert running_now.total == 2  # D and E: the status filter is on the current status, as on the map
    east_java = flow.of_view(map_view.Spec(within="35", **YEAR_2024), RECORDS, VISITS)
    assert east_java.total == 1 and east_java.reached["terhambat"] == 1


def test_the_diagram_draws_every_recorded_move_and_the_main_path_with_indonesian_numbers():
    f = flow.Flow(total=2500, now={s: 0 for s in flow.STAGES}, reached={s: 1234 for s in flow.STAGES},
                  first={s: 0 for s in flow.STAGES}, moves={("berjalan", "terhambat"): 1500,
                                                            ("terhambat", "berjalan"): 3}, only_now=0)
    edges = f.edges("id")
    pairs = list(zip(edges["source"], edges["target"]))
    assert pairs[:3] == list(flow.MAIN_PATH) and ("terhambat", "berjalan") in pairs
    assert edges.set_index(["source", "target"]).loc[("berjalan", "terhambat"), "count_text"] == "1.500"
    assert edges.set_index(["source", "target"]).loc[("usulan", "ditandatangani"), "count"] == 0
    assert set(f.nodes("en")["reached_text"]) == {"1,234"} and f.nodes("en")["label"].tolist()[:2] == ["Proposed",
                                                                                                         "Signed"]


def test_on_the_sample_the_flow_holds_the_maps_signed_agreements_plus_the_proposals_of_the_period(sample_frames):
    agreements, visits = sample_frames
    period = dict(start=D(2023, 1, 1), end=D(2024, 12, 31), sectors=("pendidikan", "kesehatan"))
    f = flow.of_view(map_view.Spec(**period), agreements, visits)
    on_map = metrics.agreements_in_view(agreements, visits, **period)
    a, _ = metrics.filter_records(agreements, visits, sectors=period["sectors"])
    undated = a[a["signed_on"].isna() & a["start_on"].isna()]
    proposed = undated[undated["status_history"].map(
        lambda h: bool(h) and period["start"] <= min(d for _, d in h) <= period["end"])]
    assert f.total == len(on_map) + len(proposed) > 0
    both = pd.concat([on_map, proposed])
    assert f.now == {s: int((both["status"] == s).sum()) for s in flow.STAGES}
    assert f.reached["terhambat"] == int(both["status_history"].map(
        lambda h: any(s == "terhambat" for s, _ in h)).sum())
    assert sum(f.first.values()) == f.total
