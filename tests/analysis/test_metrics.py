"""Metrics per region and period: roll-up without double counting, filters, per-capita figures."""

import datetime as dt

import pytest

from geo.analysis import metrics
from geo.records import read


def _dated(ag):
    return ag[ag["signed_on"].notna() | ag["start_on"].notna()]


def test_province_counts_each_agreement_once(sample_frames):
    ag, vi = sample_frames
    prov = metrics.region_metrics(ag, vi, level="province")
    jabar = _dated(ag)[ag["region_codes"].map(lambda cs: any(c.startswith("32") for c in cs))]
    assert prov.loc["32", "signed"] == len(jabar)
    reg = metrics.region_metrics(ag, vi, level="regency")
    # summing regencies double counts agreements between two regencies of the province
    assert reg.loc[reg.index.str.startswith("32."), "signed"].sum() > prov.loc["32", "signed"]
    assert len(prov) == 38 and len(reg) == 514


def test_statuses_values_partners_and_per_capita(sample_frames):
    ag, vi = sample_frames
    reg = metrics.region_metrics(ag, vi, level="regency")
    row = reg.loc["32.73"]
    mine = _dated(ag)[ag["region_codes"].map(lambda cs: "32.73" in cs)]
    assert row["signed"] == len(mine)
    assert row["stalled"] == (mine["status"] == "terhambat").sum()
    assert row["value_idr"] == mine["value_idr"].fillna(0).sum()
    partners = {c for cs in mine["region_codes"] for c in cs if len(c) == 5 and c != "32.73"}
    assert row["partners"] == len(partners)
    assert row["signed_per_100k"] == pytest.approx(row["signed"] / row["population"] * 1e5)
    assert 0 <= reg["progressed_share"].dropna().min() and reg["progressed_share"].dropna().max() <= 1


def test_filters_period_sector_type_ministry(sample_frames):
    ag, vi = sample_frames
    all_ = metrics.region_metrics(ag, vi, level="province")
    year = metrics.region_metrics(ag, vi, level="province", start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31))
    assert 0 < year["signed"].sum() < all_["signed"].sum()
    tourism = metrics.region_metrics(ag, vi, level="province", sectors=["pariwisata"])
    assert 0 < tourism["signed"].sum() < all_["signed"].sum()
    pks = metrics.region_metrics(ag, vi, level="province", types=["PKS"])
    assert 0 < pks["signed"].sum() < all_["signed"].sum()
    trade = metrics.region_metrics(ag, vi, level="province", ministries=["Kementerian Perdagangan"])
    assert 0 < trade["visits"].sum() < all_["visits"].sum()
    assert all_["visits"].sum() >= 150  # every visit counts in each province it stopped in


def test_visit_months_use_the_visits_own_time_zone():
    import pandas as pd

    from geo.analysis import panel

    local = read.local_time(pd.Timestamp("2024-07-31 17:00", tz="UTC").to_pydatetime(), "WIB")
    assert str(local) == "2024-08-01 00:00:00"
    visits = pd.DataFrame({"ref": ["a"], "start_at": [pd.Timestamp("2024-07-31 23:00", tz="UTC")],
                           "local_start": [pd.Timestamp("2024-08-01 08:00")], "region_codes": [["94.01"]]})
    assert str(panel.first_visits(visits, "regency")["94.01"].date()) == "2024-08-01"


def test_lead_party_is_the_first_party_only():
    import pandas as pd

    from geo.analysis import panel

    ag = pd.DataFrame({"doc_number": ["x"], "signed_on": [dt.date(2024, 1, 5)], "start_on": [None],
                       "value_idr": [1], "region_codes": [["32", "32.04", "32.73"]]})
    ev = panel.agreement_events(ag, "regency").set_index("region")
    assert not ev["lead"].any()  # the province signed first: no regency is the lead
    ev_p = panel.agreement_events(ag, "province").set_index("region")
    assert bool(ev_p.loc["32", "lead"])


def test_impact_report_without_visits(sample_frames):
    from geo.analysis import impact_report

    ag, vi = sample_frames
    rep = impact_report.compute(ag, vi.iloc[0:0], impact_report.Settings(end="2026-06"))
    assert rep.direct is None and rep.notes  # says why instead of failing
    assert len(rep.scores) == 514


# Small frames by hand for the views of the map: which agreements and visits each filter keeps.
BANDUNG, MAKASSAR = "32.73", "73.71"
MARCH = dict(start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31))


def _view_frames():
    import pandas as pd

    rows = [  # doc, type, status, sectors, signed_on, visit_ref
        ("A1", "KB", "berjalan", ["pariwisata"], dt.date(2024, 3, 10), "V1"),
        ("A2", "PKS", "usulan", ["pendidikan"], dt.date(2024, 3, 11), "V2"),
        ("A3", "KB", "selesai", ["pariwisata", "pendidikan"], dt.date(2023, 1, 5), None),
    ]
    agreements = pd.DataFrame({
        "doc_number": [r[0] for r in rows], "title": "", "type": [r[1] for r in rows],
        "status": [r[2] for r in rows], "sectors": [r[3] for r in rows],
        "region_codes": [[BANDUNG, MAKASSAR] for _ in rows], "signed_on": [r[4] for r in rows], "start_on": None,
        "value_idr": 1.0, "visit_ref": [r[5] for r in rows]})
    visits = pd.DataFrame({
        "ref": ["V1", "V2", "V3"], "ministry": ["Kemendagri", "Kemenkeu", "Kemendagri"],
        "focus_sectors": [["pariwisata"], [], ["pendidikan"]],  # no focus sector: a visit for every sector
        "start_at": pd.to_datetime(["2024-03-10 02:00", "2024-03-11 02:00", "2024-03-12 02:00"]).tz_localize("UTC"),
        "region_codes": [[BANDUNG], [MAKASSAR], [BANDUNG]]})
    return agreements, visits


def test_the_agreements_of_a_view_are_those_every_filter_keeps_within_the_period():
    a, v = _view_frames()

    def docs(**view):
        return sorted(metrics.agreements_in_view(a, v, **view)["doc_number"])

    assert docs(**MARCH) == ["A1", "A2"] and docs() == ["A1", "A2", "A3"]
    assert docs(sectors=["pendidikan"]) == ["A2", "A3"]
    assert docs(types=["KB"]) == ["A1", "A3"]
    assert docs(statuses=["usulan", "selesai"]) == ["A2", "A3"]
    assert docs(ministries=["Kemenkeu"]) == ["A2"]  # through the visit it came from


def test_the_visits_of_a_view_are_those_of_the_sector_and_ministry_within_the_period_by_their_day():
    a, v = _view_frames()

    def refs(**view):
        return sorted(metrics.visits_in_view(a, v, **view)["ref"])

    assert refs(**MARCH) == ["V1", "V2", "V3"]
    assert refs(start=dt.date(2024, 3, 11), end=dt.date(2024, 3, 11)) == ["V2"]  # UTC day without a local one
    assert refs(sectors=["pendidikan"]) == ["V2", "V3"]
    assert refs(ministries=["Kemendagri"]) == ["V1", "V3"]


def test_the_metrics_are_per_regency_unless_another_level_is_asked_for():
    from geo.regions import lookup

    a, v = _view_frames()
    m = metrics.region_metrics(a, v)
    assert list(m.index) == [r.code for r in lookup.all_regions("regency")] and m.index.name == "region"
    assert m.loc[BANDUNG, "name"] == lookup.get(BANDUNG).name
    assert m.loc[BANDUNG, "signed"] == 3 and m.loc[BANDUNG, "visits"] == 2


def test_per_capita_figures_divide_by_the_regions_population():
    from geo.regions import lookup

    a, v = _view_frames()
    m = metrics.region_metrics(a, v)
    people = lookup.get(BANDUNG).population
    assert people > 1_000_000
    assert m.loc[BANDUNG, "signed_per_100k"] == pytest.approx(3 / people * 100_000)
    assert m.loc[BANDUNG, "visits_per_100k"] == pytest.approx(2 / people * 100_000)
    assert m.loc[BANDUNG, "value_per_capita"] == pytest.approx(3.0 / people)  # three agreements of Rp 1


def test_a_region_without_records_has_zeros_as_whole_numbers_never_missing_values():
    a, v = _view_frames()
    m = metrics.region_metrics(a, v)
    quiet = m.loc["11.01"]  # no agreement, no visit
    assert quiet[["signed", "active", "completed", "stalled", "partners", "visits", "value_idr"]].tolist() == [0] * 7
    for column in ("signed", "active", "completed", "stalled", "partners", "visits"):
        assert m[column].dtype.kind == "i", column


def test_a_visit_to_two_districts_of_one_regency_is_one_visit_there():
    a, v = _view_frames()
    v = v.assign(region_codes=[["32.73.01", "32.73.02"], [MAKASSAR], ["32.73.03"]])
    m = metrics.region_metrics(a, v)
    assert m.loc[BANDUNG, "visits"] == 2 and m.loc[MAKASSAR, "visits"] == 1


def test_statuses_shares_values_and_partners_of_each_region_counted_by_hand():
    import math

    import pandas as pd

    surabaya, parepare = "35.78", "73.72"
    rows = [  # doc, parties, status, signed_on, value
        ("B1", [BANDUNG, surabaya], "berjalan", dt.date(2024, 3, 5), 100.0),
        ("B2", [BANDUNG, surabaya], "usulan", dt.date(2024, 3, 6), 50.0),
        ("B3", [BANDUNG, MAKASSAR], "selesai", dt.date(2024, 3, 7), 200.0),
        ("B4", [BANDUNG, MAKASSAR], "terhambat", dt.date(2024, 3, 8), math.nan),  # value unknown
        ("B5", [BANDUNG, MAKASSAR], "ditandatangani", dt.date(2024, 5, 1), 1_000.0),  # after the period
        ("M1", [MAKASSAR, parepare], "usulan", dt.date(2024, 3, 9), 10.0),
    ]
    agreements = pd.DataFrame({
        "doc_number": [r[0] for r in rows], "title": "", "type": "KB", "status": [r[2] for r in rows],
        "sectors": [[] for _ in rows], "region_codes": [r[1] for r in rows], "signed_on": [r[3] for r in rows],
        "start_on": None, "value_idr": [r[4] for r in rows], "visit_ref": None})
    visits = _view_frames()[1].iloc[0:0]
    m = metrics.region_metrics(agreements, visits, **MARCH)
    columns = ["signed", "value_idr", "partners", "active", "completed", "stalled"]
    assert m.loc[BANDUNG, columns].tolist() == [4, 350.0, 2, 1, 1, 1]
    assert m.loc[surabaya, columns].tolist() == [2, 150.0, 1, 1, 0, 0]
    assert m.loc[MAKASSAR, columns].tolist() == [3, 210.0, 2, 0, 1, 1]
    assert m.loc[parepare, columns].tolist() == [1, 10.0, 1, 0, 0, 0]
    # running or completed among those past the proposal stage; none past it: no share at all
    assert m.loc[BANDUNG, "progressed_share"] == pytest.approx(2 / 3)
    assert m.loc[surabaya, "progressed_share"] == 1.0 and m.loc[MAKASSAR, "progressed_share"] == 0.5
    assert math.isnan(m.loc[parepare, "progressed_share"])
    proposals = metrics.region_metrics(agreements, visits, statuses=["usulan"], **MARCH)
    assert proposals.loc[[BANDUNG, MAKASSAR, parepare], "signed"].tolist() == [1, 1, 1]
    assert proposals["signed"].sum() == 4  # B2 twice (Bandung, Surabaya), M1 twice
