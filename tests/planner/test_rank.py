"""The visit-next ranking responds to each component and each constraint; planned visits are stored
through save_visit (audited) and never count as visits."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from geo.analysis import metrics, panel
from geo.db import storage
from geo.db.models import AuditEntry
from geo.planner import itinerary, rank
from geo.records import backup, read, write
from geo.text.messages import UserError
from tests.conftest import ADMIN, EDITOR

AS_OF = "2026-07"


@pytest.fixture(scope="module")
def hist(sample_frames):
    return rank.prepare(*sample_frames)


@pytest.fixture(scope="module")
def base(hist):
    return rank.rank(hist, as_of=AS_OF)


def _agreement(doc, codes, month, status="berjalan", obstacles=(), sectors=("pariwisata",)):
    day = pd.Timestamp(month).date()
    history = [("ditandatangani", day)] + ([(status, day + dt.timedelta(days=10))] if status != "ditandatangani" else [])
    return {"doc_number": doc, "title": "uji", "type": "PKS", "status": status, "sectors": list(sectors),
            "parties": list(codes), "region_codes": list(codes), "signed_on": day, "start_on": day, "end_on": None,
            "value_idr": None, "obstacles": list(obstacles), "visit_ref": None, "version": 1, "simulated": False,
            "status_history": history}


def _with(frame, rows):
    return pd.concat([frame, pd.DataFrame(rows)], ignore_index=True)


def _mid_ranked(ranking, k=200):
    """A regency in the middle of the ranking: room to move up and down."""
    return ranking.table.index[k]


def test_every_regency_is_ranked_with_components_in_range(base):
    t = base.table
    assert len(t) == 514 and t["rank"].tolist() == list(range(1, 515))
    for k in rank.COMPONENTS:
        assert t[f"c_{k}"].between(0, 1).all(), k
    assert (t["score"].diff().dropna() <= 1e-9).all()  # best first
    w = rank.DEFAULT_WEIGHTS
    expected = 100 * sum(w[k] * t[f"c_{k}"] for k in rank.COMPONENTS) / sum(w.values())
    assert np.allclose(t["score"], expected)


def test_gap_follows_the_poisson_expectation(hist, sample_frames, base):
    t = base.table
    # the expectation grows with population: the most populous tercile is expected to sign more
    strata = hist.covariates["stratum"]
    assert t["expected_agreements"].groupby(strata).mean()["large"] > t["expected_agreements"].groupby(
        strata).mean()["small"]
    # fewer observed agreements than expected → larger shortfall → larger gap component
    code = _mid_ranked(base)
    mine = sample_frames[0][sample_frames[0]["region_codes"].map(lambda cs: code in cs)]
    assert len(mine) >= 1
    fewer = rank.prepare(sample_frames[0].drop(mine.index), sample_frames[1])
    after = rank.rank(fewer, as_of=AS_OF, weights={"gap": 1, "uplift": 0, "stalled": 0, "recency": 0,
                                                        "leverage": 0})
    assert after.table.at[code, "agreements"] == 0
    assert after.table.at[code, "c_gap"] > t.at[code, "c_gap"]
    gap_only = rank.rank(hist, as_of=AS_OF, weights={"gap": 1, "uplift": 0, "stalled": 0, "recency": 0,
                                                        "leverage": 0})
    assert after.table.at[code, "rank"] < gap_only.table.at[code, "rank"]


def test_uplift_uses_the_impact_estimate_of_similar_regions(hist, base):
    t = base.table
    row = t.iloc[0]
    est = base.uplift[row["uplift_stratum"]]
    assert row["c_uplift"] == pytest.approx(stats.norm.cdf(est["att"] / est["se"]))
    small = hist.covariates.index[hist.covariates["stratum"] == "small"]
    good = {**base.uplift, "small": {**base.uplift["small"], "att": 0.3, "se": 0.05}}
    bad = {**base.uplift, "small": {**base.uplift["small"], "att": -0.3, "se": 0.05}}
    up = rank.rank(hist, as_of=AS_OF, uplift=good).table
    down = rank.rank(hist, as_of=AS_OF, uplift=bad).table
    assert (up.loc[small, "c_uplift"] > 0.99).all() and (down.loc[small, "c_uplift"] < 0.01).all()
    assert up.loc[small, "rank"].mean() < down.loc[small, "rank"].mean()


def test_stalled_agreements_raise_the_rank_and_name_their_obstacle(sample_frames, base):
    code = _mid_ranked(base)
    before = base.table.loc[code]
    extra = [_agreement(f"UJI/STALL/{i}", [code, "31.71"], "2025-01", status="terhambat", obstacles=["regulasi"])
             for i in range(4)]
    after = rank.rank(rank.prepare(_with(sample_frames[0], extra), sample_frames[1]), as_of=AS_OF).table
    assert after.at[code, "stalled"] == before["stalled"] + 4
    assert after.at[code, "c_stalled"] > before["c_stalled"]
    assert after.at[code, "rank"] < before["rank"]
    assert after.at[code, "obstacles"]["regulasi"] >= 4
    why = rank.explain(after.loc[code], "id")
    assert any("terhambat" in line and "Regulasi" in line for line in why)
    assert any("stalled" in line and "Regulation" in line for line in rank.explain(after.loc[code], "en"))


def test_a_recent_visit_lowers_the_rank(sample_frames, hist, base):
    never = base.table[base.table["months_since_visit"].isna()]
    code = never.index[len(never) // 2]
    assert base.table.at[code, "c_recency"] == 1
    visit = {"ref": "UJI-1", "official_role": "Wakil Menteri", "ministry": "Kementerian Uji",
             "start_at": pd.Timestamp("2026-06-10 09:00", tz="UTC"), "local_start": pd.Timestamp("2026-06-10 16:00"),
             "end_at": None, "time_zone": "WIB", "region_codes": [code], "places": ["x"], "agenda": "",
             "focus_sectors": [], "people_met": "", "version": 1, "simulated": False, "planned": False}
    visited = rank.rank(rank.prepare(sample_frames[0], _with(sample_frames[1], [visit])), as_of=AS_OF).table
    assert visited.at[code, "months_since_visit"] == 1
    assert visited.at[code, "c_recency"] == pytest.approx(1 / 36)
    assert visited.at[code, "rank"] > base.table.at[code, "rank"]
    assert any("1 bulan lalu (06/2026)" in line for line in rank.explain(visited.loc[code], "id"))


def test_new_partners_far_away_raise_network_leverage(sample_frames, base):
    code = base.table.sort_values("c_leverage").index[100]
    far = [c for c in base.table.index if c[:2] in ("91", "81", "71", "61")][:12]
    extra = [_agreement(f"UJI/NET/{i}", [code, p], "2025-03") for i, p in enumerate(far)]
    after = rank.rank(rank.prepare(_with(sample_frames[0], extra), sample_frames[1]), as_of=AS_OF).table
    assert after.at[code, "reach"] > base.table.at[code, "reach"]
    assert after.at[code, "c_leverage"] > base.table.at[code, "c_leverage"]
    lev_only = {"gap": 0, "uplift": 0, "stalled": 0, "recency": 0, "leverage": 1}
    assert rank.rank(rank.prepare(_with(sample_frames[0], extra), sample_frames[1]), as_of=AS_OF,
                        weights=lev_only).table.at[code, "rank"] < \
        rank.rank(rank.prepare(*sample_frames), as_of=AS_OF, weights=lev_only).table.at[code, "rank"]


def test_each_weight_moves_the_ranking(hist, base):
    for k in rank.COMPONENTS:
        only = rank.rank(hist, as_of=AS_OF, weights={c: float(c == k) for c in rank.COMPONENTS}).table
        assert np.allclose(only["score"], 100 * only[f"c_{k}"]), k
        assert list(only.index[:20]) != list(base.table.index[:20]), k
    with pytest.raises(ValueError):
        rank.rank(hist, as_of=AS_OF, weights={c: 0 for c in rank.COMPONENTS})


def test_constraints(sample_frames, hist, base):
    t = base.table
    recent = t[t["months_since_visit"] < 12].index
    assert len(recent) > 0
    excl = rank.rank(hist, as_of=AS_OF, constraints=rank.Constraints(exclude_visited_months=12)).table
    assert not set(recent) & set(excl.index) and len(excl) == 514 - len(recent)

    prov = rank.rank(hist, as_of=AS_OF, constraints=rank.Constraints(provinces=("32", "73"))).table
    assert set(c[:2] for c in prov.index) == {"32", "73"} and len(prov) == len(t[t.index.str[:2].isin(["32", "73"])])
    assert prov["rank"].tolist() == list(range(1, len(prov) + 1))

    isl = rank.rank(hist, as_of=AS_OF, constraints=rank.Constraints(islands=("sulawesi", "papua"))).table
    assert {rank.island_group(c) for c in isl.index} == {"sulawesi", "papua"}

    sector = rank.recommend(*sample_frames, as_of=AS_OF, constraints=rank.Constraints(sectors=("pariwisata",))).table
    ag = sample_frames[0]
    code = "32.73"
    in_sector = ag[ag["sectors"].map(lambda s: "pariwisata" in s) & ag["region_codes"].map(lambda cs: code in cs)
                   & (ag["signed_on"].notna() | ag["start_on"].notna())]
    assert sector.at[code, "agreements"] == len(in_sector) < t.at[code, "agreements"]
    assert list(sector.index[:20]) != list(t.index[:20])

    vm = hist.visit_months
    ministry = vm["ministry"].value_counts().index[0]
    others_only = sorted(set(vm["region"]) - set(vm.loc[vm["ministry"] == ministry, "region"]))
    own = rank.rank(hist, as_of=AS_OF, constraints=rank.Constraints(ministry=ministry)).table
    assert own.loc[others_only, "months_since_visit"].isna().all()
    assert t.loc[others_only, "months_since_visit"].notna().all()
    assert (own.loc[others_only, "c_recency"] == 1).all()


def test_only_data_known_then_is_used(hist):
    early = rank.rank(hist, as_of="2023-01").table
    late = rank.rank(hist, as_of=AS_OF).table
    ev = hist.events
    code = "32.73"
    assert early.at[code, "agreements"] == len(ev[(ev["region"] == code) & (ev["month"] < "2023-01-01")])
    assert late.at[code, "agreements"] > early.at[code, "agreements"]
    assert (early["last_visit"].dropna() < pd.Timestamp("2023-01-01")).all()


def test_why_in_both_languages(base):
    code = base.table.index[0]
    id_lines, en_lines = base.why(code, "id"), base.why(code, "en")
    assert len(id_lines) == len(en_lines) == 6
    n = int(base.table.at[code, "agreements"])
    assert f"{n} kerja sama" in id_lines[0] and f"{n} agreements" in en_lines[0]
    assert "diharapkan" in id_lines[0] and "expect" in en_lines[0]
    assert "Skor" in id_lines[-1] and "Score" in en_lines[-1]


def _plan(ref="RENCANA-UJI-1"):
    order = ["32.73", "73.71"]
    stops = itinerary.schedule("31.71", order, start_date=dt.date(2030, 3, 4), days=5,
                               briefs={c: ("Kepala daerah", "Rapat koordinasi") for c in order})
    return rank.Plan(ref=ref, official_role="Wakil Menteri Dalam Negeri", ministry="Kementerian Dalam Negeri",
                        stops=stops, focus_sectors=["pariwisata"])


def test_planned_visits_are_saved_audited_and_never_counted(engine, tmp_path):
    with storage.transaction(engine) as s:
        assert rank.save_planned_visits(s, _plan(), EDITOR) == "RENCANA-UJI-1"
    assert read.visits_frame(engine).empty  # not a visit
    planned = read.visits_frame(engine, planned=True)
    assert planned["ref"].tolist() == ["RENCANA-UJI-1"] and planned["planned"].all()
    assert planned["region_codes"].iloc[0] == ["32.73", "73.71"]
    assert len(read.visits_frame(engine, planned=None)) == 1
    with storage.transaction(engine) as s:
        v = write.load_visit(s, "RENCANA-UJI-1")
        assert v.planned and v.stops[1].start_at.astimezone(dt.timezone(dt.timedelta(hours=8))).hour in (9, 14)
        trail = write.audit_trail(s, "visit", "RENCANA-UJI-1")
        assert [(e.actor, e.action) for e in trail] == [(EDITOR.username, "create")]
        assert trail[0].changes["planned"] == [None, True]
        # the saved plan gives back the same schedule table (for showing or exporting it again)
        assert itinerary.schedule_frame(itinerary.stops_of_visit(write.visit_data(v))).equals(
            itinerary.schedule_frame(_plan().stops))
    m = metrics.region_metrics(read.agreements_frame(engine), read.visits_frame(engine))
    assert m.loc["32.73", "visits"] == 0
    # backup and restore carry the planned flag
    backup.export_backup(engine, tmp_path / "b")
    backup.restore_backup(engine, tmp_path / "b", ADMIN, replace=True)
    assert read.visits_frame(engine, planned=True)["ref"].tolist() == ["RENCANA-UJI-1"]
    assert read.visits_frame(engine).empty
    # saving again updates the plan; a visit that took place is never overwritten by a plan
    with storage.transaction(engine) as s:
        rank.save_planned_visits(s, _plan(), EDITOR)
        write.save_visit(s, write.VisitData(ref="KUNKER-1", official_role="Wamen", ministry="K",
                                                start_at=dt.datetime(2024, 1, 1, 9, tzinfo=dt.timezone.utc),
                                                time_zone="WIB", stops=[write.StopData("32.73")]), EDITOR)
    with pytest.raises(UserError) as exc, storage.transaction(engine) as s:
        rank.save_planned_visits(s, _plan("KUNKER-1"), EDITOR)
    assert "terlaksana" in exc.value.text("id")
    assert read.visits_frame(engine)["ref"].tolist() == ["KUNKER-1"]
    with storage.transaction(engine) as s:
        assert s.query(AuditEntry).filter_by(record_key="KUNKER-1").count() == 1


def test_beside_each_score_the_ranking_shows_the_region_pages_verdict_and_none_for_regions_never_visited(
        sample_frames, hist):
    from geo.analysis import impact_report
    from ui.ranking_table import ranking_frame

    report = impact_report.compute(*sample_frames, impact_report.Settings(level="regency", start="2021-01"))
    ranking = rank.rank(hist, as_of=AS_OF, verdicts=rank.impact_verdicts(report))
    t = ranking.table
    visited = {panel.region_of(c, "regency") for codes in sample_frames[1]["region_codes"] for c in codes}
    never = [c for c in t.index if c not in visited]
    assert never and t.loc[never, "verdict"].isna().all()
    frame = ranking_frame(t, "id")
    column = frame.columns[2]
    assert column == "Dampak kunjungan pertama"
    assert (frame.loc[never, column] == "Belum dikunjungi").all()
    ve = report.scores["32.73"].details["visit_effect"]
    assert ve.ci_low <= 0 <= ve.ci_high and frame.loc["32.73", column] == "Belum pasti"
    assert not (frame.loc[[c for c in t.index if c in visited], column] == "Belum dikunjungi").any()
    assert frame[frame.columns[3]].tolist() == [int(round(v)) for v in t["score"]]
    # the why: the first visit's verdict in words for a visited region, nothing of the kind for one never visited
    assert any(line.startswith("Dampak kunjungan pertama: Belum pasti: perkiraan") for line in ranking.why("32.73"))
    assert not any("Dampak kunjungan" in line for line in ranking.why(never[0]))


def test_the_kept_components_weighed_again_give_the_same_ranking_as_ranking_from_scratch(hist):
    """The planner keeps ``components`` and only re-weighs them when a slider or a constraint moves: that must
    be the very ranking ``rank`` computes from the history."""
    parts = rank.components(hist, as_of=AS_OF)
    for weights, constraints in [({}, rank.Constraints()), ({"gap": 0.0, "stalled": 3.0}, rank.Constraints()),
                                 ({"leverage": 2.0}, rank.Constraints(provinces=("32",), exclude_visited_months=6))]:
        again = rank.scored(parts, weights=weights, constraints=constraints)
        fresh = rank.rank(hist, as_of=AS_OF, weights=weights, constraints=constraints)
        pd.testing.assert_frame_equal(again.table, fresh.table)
        assert again.weights == fresh.weights and again.as_of == fresh.as_of
    first = rank.scored(parts, weights={"gap": 5.0})
    assert list(first.table.index[:5]) != list(rank.scored(parts, weights={"stalled": 5.0}).table.index[:5])
    assert "score" not in parts.table and "rank" not in parts.table  # weighing never changes the kept table


def _graph_pair_by_pair(events, codes):
    """The partner graph as it was built before (one pair at a time): the reference for the array build."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(codes)
    for regs in events.groupby("doc_number")["region"].agg(list):
        for i in range(len(regs)):
            for j in range(i + 1, len(regs)):
                w = g.get_edge_data(regs[i], regs[j], {}).get("weight", 0)
                g.add_edge(regs[i], regs[j], weight=w + 1)
    return g


def test_the_partner_graph_from_arrays_is_the_graph_built_pair_by_pair_down_to_each_regions_neighbour_order(hist):
    extra = pd.DataFrame({"doc_number": ["A/0", "A/0", "A/0", "0/Z", "0/Z"],  # a region named twice: a self-loop
                          "region": ["32.73", "33.74", "32.73", "35.78", "32.73"],
                          "month": pd.Timestamp("2022-01-01")})
    events = pd.concat([hist.events, extra], ignore_index=True)
    built, reference = rank._partner_graph(events, hist.codes), _graph_pair_by_pair(events, hist.codes)
    assert list(built.nodes) == list(reference.nodes)
    assert built.number_of_edges() == reference.number_of_edges() > 100
    assert built.has_edge("32.73", "32.73") and built["32.73"]["32.73"]["weight"] == 1
    for node in reference:  # Louvain and betweenness break ties in this order
        assert list(built.adj[node].items()) == list(reference.adj[node].items())
    assert {type(w) for _, _, w in built.edges(data="weight")} == {int}


def test_the_neighbours_mean_is_the_mean_over_land_neighbours_zero_without_and_missing_when_none_is_ranked(hist):
    y = pd.Series(np.arange(len(hist.codes), dtype=float), index=hist.codes)
    got = rank._neighbour_mean(y, hist.neighbours)
    for code in hist.codes[::37]:
        near = [y[n] for n in hist.neighbours[code] if n in y.index]
        assert got[code] == (np.mean(near) if hist.neighbours[code] else 0.0)
    island = next(c for c in hist.codes if not hist.neighbours[c])
    assert got[island] == 0.0
    assert np.isnan(rank._neighbour_mean(y.iloc[:1], {hist.codes[0]: ["nowhere"]}).iloc[0])
