"""Metrics per region and period: roll-up without double counting, filters, per-capita figures."""

import datetime as dt

import pytest

from geo import metrics, queries, sample_data, storage


@pytest.fixture(scope="module")
def frames(tmp_path_factory):
    engine = storage.make_engine(f"sqlite:///{tmp_path_factory.mktemp('metrics') / 's.db'}")
    storage.migrate(engine)
    sample_data.seed(engine)
    out = queries.agreements_frame(engine), queries.visits_frame(engine)
    engine.dispose()
    return out


def _dated(ag):
    return ag[ag["signed_on"].notna() | ag["start_on"].notna()]


def test_province_counts_each_agreement_once(frames):
    ag, vi = frames
    prov = metrics.region_metrics(ag, vi, level="province")
    jabar = _dated(ag)[ag["region_codes"].map(lambda cs: any(c.startswith("32") for c in cs))]
    assert prov.loc["32", "signed"] == len(jabar)
    reg = metrics.region_metrics(ag, vi, level="regency")
    # summing regencies double counts agreements between two regencies of the province
    assert reg.loc[reg.index.str.startswith("32."), "signed"].sum() > prov.loc["32", "signed"]
    assert len(prov) == 38 and len(reg) == 514


def test_statuses_values_partners_and_per_capita(frames):
    ag, vi = frames
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


def test_filters_period_sector_type_ministry(frames):
    ag, vi = frames
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
