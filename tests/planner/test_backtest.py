"""The backtest machinery: on a constructed history the answer is known; on the sample it runs and its
figures are consistent (whatever they are — it does not assert the recommendation wins)."""

import datetime as dt
import math

import pandas as pd
import pytest

from geo.planner import backtest, rank

A = ["32.73", "33.74", "35.78"]  # will have a stalled agreement, then gain 3 agreements each after the visit
B = ["73.71", "71.71", "12.71"]  # visited the same month, no stalled agreement, no gain
VISIT_MONTH = "2022-07"
STALLED_ONLY = {"gap": 0, "uplift": 0, "stalled": 1, "recency": 0, "leverage": 0}


def _agreement(doc, codes, day, history):
    return {"doc_number": doc, "title": "uji", "type": "PKS", "status": history[-1][0], "sectors": ["pariwisata"],
            "parties": list(codes) + ["Universitas"], "region_codes": list(codes), "signed_on": day,
            "start_on": day, "end_on": None, "value_idr": None, "obstacles": ["anggaran"] if
            history[-1][0] == "terhambat" else [], "visit_ref": None, "version": 1, "simulated": False,
            "status_history": history}


def _visit(ref, code, month):
    t = pd.Timestamp(month) + pd.Timedelta(days=9, hours=2)
    return {"ref": ref, "official_role": "Wamen", "ministry": "K", "start_at": t.tz_localize("UTC"),
            "local_start": t + pd.Timedelta(hours=7), "end_at": None, "time_zone": "WIB", "region_codes": [code],
            "places": [code], "agenda": "", "focus_sectors": [], "people_met": "", "version": 1, "simulated": False,
            "planned": False}


@pytest.fixture(scope="module")
def constructed():
    rows = []
    for i, code in enumerate(A):  # stalled since March 2021, long before the 12-month window before the visit
        rows.append(_agreement(f"S/{i}", [code], dt.date(2021, 2, 1),
                               [("ditandatangani", dt.date(2021, 2, 1)), ("terhambat", dt.date(2021, 3, 1))]))
        for j in range(3):  # three new agreements in the 12 months after the visit
            day = dt.date(2022, 9 + j, 5)
            rows.append(_agreement(f"N/{i}/{j}", [code], day, [("ditandatangani", day)]))
    # activity elsewhere so the data spans 2021-01 .. 2023-12
    rows.append(_agreement("X/1", ["11.01"], dt.date(2021, 1, 10), [("ditandatangani", dt.date(2021, 1, 10))]))
    rows.append(_agreement("X/2", ["11.01"], dt.date(2023, 12, 10), [("ditandatangani", dt.date(2023, 12, 10))]))
    visits = [_visit(f"V{k}", code, VISIT_MONTH) for k, code in enumerate(A + B)]
    return rank.prepare(pd.DataFrame(rows), pd.DataFrame(visits))


def test_gains_count_agreements_after_minus_before(constructed):
    g = backtest.gains(constructed, pd.Timestamp(VISIT_MONTH), A + B + ["11.01"])
    assert g[A].tolist() == [3, 3, 3] and g[B].tolist() == [0, 0, 0] and g["11.01"] == 0


def test_known_answer(constructed):
    res = backtest.run(constructed, weights=STALLED_ONLY, top_k=3, start=VISIT_MONTH, end=VISIT_MONTH, draws=4000)
    ev = res.events.set_index("region")
    assert res.months == 1 and res.n_events == 6
    assert set(ev.index[ev["recommended"]]) == set(A)  # ranked with the stalled agreements known then
    assert res.mean_recommended == 3 and res.mean_not_recommended == 0
    assert res.difference == 3 and res.difference_ci == (3, 3)
    # three of the six visited regions at random: mean gain 3 × (A's among them) / 3, on average 1.5
    assert res.random_mean == pytest.approx(1.5, abs=0.1)
    assert res.random_ci[0] < 1.5 < res.random_ci[1] <= 3
    assert res.share_random_at_least == pytest.approx(1 / math.comb(6, 3), abs=0.015)


def test_a_ranking_that_ignores_the_signal_does_not_win(constructed):
    # Recency only: nobody was visited before, every score ties and the order is by code; the cut after
    # 32.73 recommends 12.71 (gain 0) and 32.73 (gain 3): no better than the others (33.74, 35.78: 3; 71.71,
    # 73.71: 0).
    recency = {"gap": 0, "uplift": 0, "stalled": 0, "recency": 1, "leverage": 0}
    cut = int(rank.rank(constructed, as_of=VISIT_MONTH, weights=recency).table.at["32.73", "rank"])
    res = backtest.run(constructed, weights=recency, top_k=cut, start=VISIT_MONTH, end=VISIT_MONTH)
    assert set(res.events.loc[res.events["recommended"], "region"]) == {"12.71", "32.73"}
    assert res.mean_recommended == res.mean_not_recommended == 1.5 and res.difference == 0


def test_status_as_it_was_then(constructed):
    before = rank.rank(constructed, as_of="2021-03", weights=STALLED_ONLY).table
    after = rank.rank(constructed, as_of="2021-04", weights=STALLED_ONLY).table
    assert (before.loc[A, "stalled"] == 0).all() and (after.loc[A, "stalled"] == 1).all()


@pytest.fixture(scope="module")
def sample_hist(sample_frames):
    return rank.prepare(*sample_frames)


def test_runs_on_the_sample(sample_hist, capsys):
    res = backtest.run(sample_hist, top_k=50, draws=1000)
    ev = res.events
    assert res.months >= 30 and res.n_events >= 100
    assert 0 < res.n_recommended < res.n_events
    assert ev["rank"].between(1, 514).all()
    assert (ev["recommended"] == (ev["rank"] <= 50)).all()
    assert res.mean_recommended == pytest.approx(ev.loc[ev["recommended"], "gain"].mean())
    assert res.difference == pytest.approx(res.mean_recommended - res.mean_not_recommended)
    assert res.difference_ci[0] <= res.difference <= res.difference_ci[1]
    assert res.random_ci[0] <= res.random_mean <= res.random_ci[1]
    # one event's gain recomputed by hand from the events
    row = ev.iloc[0]
    e = sample_hist.events[sample_hist.events["region"] == row["region"]]
    m = row["month"]
    after = ((e["month"] > m) & (e["month"] <= m + pd.DateOffset(months=12))).sum()
    before = ((e["month"] < m) & (e["month"] >= m - pd.DateOffset(months=12))).sum()
    assert row["gain"] == after - before
    with capsys.disabled():
        print(f"\nbacktest on the sample (top 50): recommended {res.mean_recommended:+.2f} (n={res.n_recommended}), "
              f"not recommended {res.mean_not_recommended:+.2f}, difference {res.difference:+.2f} "
              f"[{res.difference_ci[0]:+.2f}, {res.difference_ci[1]:+.2f}], random {res.random_mean:+.2f} "
              f"[{res.random_ci[0]:+.2f}, {res.random_ci[1]:+.2f}], share random ≥ rec {res.share_random_at_least:.2f}")


def test_a_backtest_weighed_from_kept_months_is_the_backtest_from_scratch(constructed):
    months = backtest.replay(constructed, start=VISIT_MONTH, end=VISIT_MONTH)
    for weights in (STALLED_ONLY, None):
        kept = backtest.run(weights=weights, top_k=3, draws=500, months=months)
        fresh = backtest.run(constructed, weights=weights, top_k=3, start=VISIT_MONTH, end=VISIT_MONTH, draws=500)
        pd.testing.assert_frame_equal(kept.events, fresh.events)
        assert (kept.difference, kept.random_mean) == (fresh.difference, fresh.random_mean)
