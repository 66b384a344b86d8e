"""The analysis context: each derived table is computed once per context, also when sessions ask together."""

import datetime as dt
import threading

import pandas as pd

from geo.analysis import context, metrics
from geo.analysis.context import Context


def _records():
    agreements = pd.DataFrame({
        "doc_number": ["a", "b", "c"], "region_codes": [["32.73", "32.04"], ["32.73", "33.74"], ["35.78"]],
        "signed_on": [dt.date(2022, 5, 1), dt.date(2024, 5, 1), None], "start_on": [None, None, dt.date(2024, 1, 1)],
        "status": ["berjalan", "selesai", "usulan"], "type": ["KB", "PKS", "PKS"], "value_idr": [1e9, 2e9, None],
        "sectors": [["pendidikan"], ["kesehatan"], ["kesehatan"]], "visit_ref": [None, None, None]})
    visits = pd.DataFrame({"ref": ["v1"], "ministry": ["Kemendagri"], "focus_sectors": [[]],
                           "start_at": pd.to_datetime(["2022-03-01T02:00Z"]),
                           "local_start": pd.to_datetime(["2022-03-01 09:00"]), "region_codes": [["32.73"]]})
    return agreements, visits


def test_a_context_computes_a_region_metrics_table_once_and_hands_out_the_same_table():
    ctx = Context(*_records())
    first = ctx.region_metrics(level="province", start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
    again = ctx.region_metrics(level="province", start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), sectors=[])
    assert again is first and ctx.computed["metrics"] == 1
    pd.testing.assert_frame_equal(first, metrics.region_metrics(*_records(), level="province",
                                                                start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)))
    other = ctx.region_metrics(level="province", sectors=("kesehatan",))
    assert other is not first and ctx.computed["metrics"] == 2
    assert first.loc["32", "signed"] == 1 and other.loc["35", "signed"] == 1


def test_sessions_asking_the_same_question_at_once_wait_for_one_computation(monkeypatch):
    ctx = Context(*_records())
    calls = []
    real = metrics.region_metrics

    def slow_region_metrics(*args, **kw):
        calls.append(kw["level"])
        threading.Event().wait(0.2)  # long enough for every thread to ask while it runs
        return real(*args, **kw)

    monkeypatch.setattr(context.metrics, "region_metrics", slow_region_metrics)
    results = []
    threads = [threading.Thread(target=lambda: results.append(ctx.region_metrics(level="regency")))
               for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert calls == ["regency"] and len(results) == 4 and all(r is results[0] for r in results)


def test_the_memo_keeps_only_the_most_recently_used_tables(monkeypatch):
    monkeypatch.setattr(context, "MAX_METRIC_TABLES", 2)
    ctx = Context(*_records())
    kept = ctx.region_metrics(level="province")
    ctx.region_metrics(level="regency")
    assert ctx.region_metrics(level="province") is kept  # used last: kept when a third table comes
    ctx.region_metrics(level="province", types=("KB",))
    assert ctx.has("metrics", Context.metrics_key(level="province"))
    assert not ctx.has("metrics", Context.metrics_key(level="regency"))
    assert ctx.computed["metrics"] == 3
