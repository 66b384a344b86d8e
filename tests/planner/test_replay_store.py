"""The backtest's replay kept on disk (``geo.planner.replay_store``): loaded equal to what was computed, computed
once across processes, never stale, and never a reason for the backtest to fail."""

import os
import subprocess
import sys
import threading
import time
import types

import pandas as pd
import pytest

from geo.planner import backtest, rank, replay_store

ROOT = replay_store.ROOT


@pytest.fixture(scope="module")
def hist(sample_frames):
    return rank.prepare(*sample_frames, level="province")


@pytest.fixture(scope="module")
def months(hist):
    return backtest.replay(hist)


def _fails(_hist):
    raise AssertionError("computed although it was kept")


def _same(a, b):
    assert [m.month for m in a] == [m.month for m in b] and [m.visited for m in a] == [m.visited for m in b]
    for x, y in zip(a, b, strict=True):
        pd.testing.assert_frame_equal(x.components.table, y.components.table, check_exact=True)
        pd.testing.assert_series_equal(x.gains, y.gains, check_exact=True)


def test_a_kept_replay_is_loaded_by_the_next_caller_without_computing_and_weighs_to_the_same_backtest(
        tmp_path, hist, months):
    calls = []
    first = replay_store.load_or_replay(hist, tmp_path, compute=lambda h: calls.append(1) or months)
    assert calls == [1] and replay_store.stored(hist, tmp_path)
    again = replay_store.load_or_replay(hist, tmp_path, compute=_fails)
    _same(first, again)
    weights = {"gap": 0.1, "uplift": 0.3, "stalled": 0.2, "recency": 0.2, "leverage": 0.2}
    a, b = backtest.run(months=months, weights=weights, top_k=4), backtest.run(months=again, weights=weights, top_k=4)
    pd.testing.assert_frame_equal(a.events, b.events)
    assert (a.mean_recommended, a.difference_ci) == (b.mean_recommended, b.difference_ci)


def test_one_agreement_more_or_other_replay_parameters_make_another_key(hist):
    fewer = rank.History(hist.level, hist.events.iloc[1:], hist.docs, hist.visit_months, hist.panel, hist.codes,
                         hist.covariates, hist.neighbours)
    other_neighbours = dict(hist.neighbours)
    other_neighbours["31"] = []
    moved = rank.History(hist.level, hist.events, hist.docs, hist.visit_months, hist.panel, hist.codes,
                         hist.covariates, other_neighbours)
    keys = {replay_store.key(hist), replay_store.key(fewer), replay_store.key(moved),
            replay_store.key(hist, uplift_refresh=3)}
    assert len(keys) == 4
    assert replay_store.key(hist) == replay_store.key(rank.History(**vars(hist)))  # the content, not the object


def test_two_sessions_asking_at_once_compute_the_replay_once_and_both_get_it(tmp_path, hist, months):
    calls, got = [], []

    def slow(_hist):
        calls.append(1)
        time.sleep(0.5)
        return months

    threads = [threading.Thread(target=lambda: got.append(replay_store.load_or_replay(hist, tmp_path, compute=slow)))
               for _ in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(calls) == 1 and len(got) == 3
    for g in got:
        _same(g, months)


def test_a_file_cut_short_is_computed_again_and_replaced(tmp_path, hist, months):
    replay_store.load_or_replay(hist, tmp_path, compute=lambda h: months)
    path = replay_store.path_of(replay_store.key(hist), tmp_path)
    path.write_bytes(path.read_bytes()[:1000])
    calls = []
    _same(replay_store.load_or_replay(hist, tmp_path, compute=lambda h: calls.append(1) or months), months)
    assert calls == [1]
    _same(replay_store.load_or_replay(hist, tmp_path, compute=_fails), months)


def test_a_file_holding_something_else_is_not_taken_for_a_replay(tmp_path, hist, months):
    import pickle

    tmp_path.mkdir(exist_ok=True)
    replay_store.path_of(replay_store.key(hist), tmp_path).write_bytes(pickle.dumps({"not": "a replay"}))
    calls = []
    _same(replay_store.load_or_replay(hist, tmp_path, compute=lambda h: calls.append(1) or months), months)
    assert calls == [1]


def test_a_data_folder_that_cannot_be_written_still_gives_the_replay(tmp_path, hist, months):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    _same(replay_store.load_or_replay(hist, blocker / "cache", compute=lambda h: months), months)
    assert blocker.read_text() == "not a folder"


def test_only_the_newest_replays_are_kept(tmp_path, hist, months):
    for i in range(replay_store.KEEP + 3):
        old = tmp_path / f"replay-{i:064x}.pkl"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    replay_store.load_or_replay(hist, tmp_path, compute=lambda h: months)
    kept = sorted(p.name for p in tmp_path.glob("replay-*.pkl"))
    assert len(kept) == replay_store.KEEP
    assert replay_store.path_of(replay_store.key(hist), tmp_path).name in kept
    assert f"replay-{0:064x}.pkl" not in kept and f"replay-{replay_store.KEEP + 2:064x}.pkl" in kept


def test_the_background_warm_keeps_the_replay_that_the_app_then_loads(sample_data_dir, monkeypatch, sample_frames,
                                                                      months):
    monkeypatch.setenv("SINERGI_DATA_DIR", str(sample_data_dir))
    monkeypatch.setenv("SINERGI_PLANNER_PRECOMPUTE", "1")
    hist = rank.prepare(*sample_frames, level="province")
    assert not replay_store.stored(hist)
    proc = replay_store.warm_in_background(hist)  # the real command, started as the planner page starts it
    assert proc is not None and proc.wait(timeout=300) == 0
    assert replay_store.path_of(replay_store.key(hist)).parent == sample_data_dir / "cache" / "planner"
    _same(replay_store.load_or_replay(hist, compute=_fails), months)
    regency = rank.prepare(*sample_frames, level="regency")
    assert replay_store.stored(regency)  # the process computes every level
    warm = [sys.executable, "-m", "geo", "planner-warm"]
    out = subprocess.run(warm, cwd=ROOT, capture_output=True, text=True, timeout=300, env=os.environ)
    assert out.returncode == 0, out.stderr
    assert "computed" not in out.stdout and "kept for the data as they are now: regency, province" in out.stdout
    with replay_store.warm_lock() as mine:  # one planner-warm at a time: a second one leaves at once
        assert mine
        out = subprocess.run(warm, cwd=ROOT, capture_output=True, text=True, timeout=300, env=os.environ)
    assert out.returncode == 0 and "another planner-warm is running" in out.stdout


def test_the_page_starts_the_background_warm_once_and_never_when_it_is_turned_off(tmp_path, monkeypatch, hist,
                                                                                 months):
    monkeypatch.setenv("SINERGI_PLANNER_PRECOMPUTE", "0")
    assert replay_store.warm_in_background(hist, tmp_path) is None
    assert not list(tmp_path.glob("*"))

    monkeypatch.setenv("SINERGI_PLANNER_PRECOMPUTE", "1")
    started, proc = [], types.SimpleNamespace(pid=4242)
    monkeypatch.setattr(replay_store.subprocess, "Popen", lambda cmd, **kw: started.append((cmd, kw)) or proc)
    with replay_store.warm_lock(tmp_path) as mine:  # a planner-warm process is running already
        assert mine and replay_store.warm_in_background(hist, tmp_path) is None
    assert replay_store.warm_in_background(hist, tmp_path) is proc
    cmd, kw = started[0]
    assert cmd[-4:] == [sys.executable, "-m", "geo", "planner-warm"]  # every level
    assert cmd[0].endswith("/nice") and cmd[1:3] == ["-n", "10"]  # low priority
    assert kw["start_new_session"] and kw["stdin"] == subprocess.DEVNULL
    replay_store.load_or_replay(hist, tmp_path, compute=lambda h: months)
    assert replay_store.warm_in_background(hist, tmp_path) is None  # kept: nothing to start
    assert len(started) == 1


def test_planner_warm_computes_again_while_the_data_change_under_it_and_stops_when_they_hold_still(
        tmp_path, monkeypatch, sample_frames):
    import argparse

    import geo.__main__ as cli
    from geo.records import read

    monkeypatch.setenv("SINERGI_DATA_DIR", str(tmp_path))
    agreements, visits = sample_frames
    versions = [agreements, agreements.iloc[:-1], agreements.iloc[:-2]]  # the data as each round reads them
    reads, kept = [], {}

    def agreements_now(_eng):
        reads.append(len(reads))
        return versions[min(len(kept), len(versions) - 1)]  # a record arrives while each computation runs

    def compute(hist, where=None, compute=None):
        kept[replay_store.key(hist)] = hist.level
        return []

    monkeypatch.setattr(cli, "_engine", lambda: None)
    monkeypatch.setattr(read, "agreements_frame", agreements_now)
    monkeypatch.setattr(read, "visits_frame", lambda _eng: visits)
    monkeypatch.setattr(replay_store, "load_or_replay", compute)
    monkeypatch.setattr(replay_store, "stored", lambda hist, where=None: replay_store.key(hist) in kept)
    assert cli.cmd_planner_warm(argparse.Namespace(level=["province"])) == 0
    # round 1 computes the first data, round 2 the data changed meanwhile, round 3 the next change, round 4 finds
    # the data as round 3 left them, kept: it stops there, not at its 5-round limit
    assert len(kept) == 3 and len(reads) == 4
    kept.clear()
    reads.clear()
    versions[:] = [agreements]
    assert cli.cmd_planner_warm(argparse.Namespace(level=["province"])) == 0
    assert len(kept) == 1 and len(reads) == 2  # data holding still: one computation, one look to confirm
