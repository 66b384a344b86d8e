"""Per-visit effects, spillover and the explained 0–100 score."""

import numpy as np
import pandas as pd
import pytest

from geo.analysis import estimator, metrics, panel, score
from geo.regions import lookup


@pytest.fixture(scope="module")
def data(sample_frames):
    ag, vi = sample_frames
    p = panel.monthly_panel(ag, vi, level="regency", start="2021-01", end="2026-06")
    return p, metrics.region_metrics(ag, vi, level="regency")


def test_visit_effect_against_comparison_regions(data):
    p, _ = data
    visited = p.groupby("region")["first_visit"].first().dropna()
    effects = []
    for code, month in visited.items():
        try:
            effects.append(estimator.visit_effect(p, code, month, outcome="new_as_lead"))
        except ValueError:
            continue
    assert len(effects) > 100
    e = effects[0]
    assert e.n_comparison > 300 and e.ci_low < e.did < e.ci_high
    assert e.did == pytest.approx((e.after - e.before) - (e.comparison_after - e.comparison_before))
    # planted: visits double the lead rate, so the average single-visit DiD is clearly positive
    assert np.mean([x.did for x in effects]) > 0.02


def test_planted_effect_on_one_region_is_found():
    rng = np.random.default_rng(4)
    months = pd.date_range("2022-01-01", periods=36, freq="MS")
    rows = []
    for i in range(60):
        for m in months:
            lam = 2.0 + (4.0 if i == 0 and m > months[18] and m <= months[30] else 0.0)
            rows.append((f"r{i}", m, rng.poisson(lam), months[18] if i == 0 else pd.NaT))
    df = pd.DataFrame(rows, columns=["region", "month", "new_agreements", "first_visit"])
    ve = estimator.visit_effect(df, "r0", months[18])
    assert ve.ci_low > 0 and ve.ci_low < 4.0 < ve.ci_high + 1.5
    none = estimator.visit_effect(df, "r5", months[18])
    assert none.ci_low < 0 < none.ci_high


def test_spillover_kept_apart_from_direct_effect(data):
    p, _ = data
    neighbours = lambda c: [r.code for r in lookup.neighbors(c)]  # noqa: E731
    first = p.groupby("region")["first_visit"].first()
    visited = set(first.dropna().index)
    months = np.sort(p["month"].unique())

    def treated_in_panel(day) -> bool:  # a treatment date counts when it falls after the first month
        return not pd.isna(day) and months[0] < day <= months[-1]

    # Spillover regions, from the definition: never visited themselves, a land neighbour visited.
    spill_first = {c: min((first[n] for n in neighbours(c) if n in visited), default=pd.NaT)
                   for c in first.index if c not in visited}
    spill_treated = {c for c, day in spill_first.items() if treated_in_panel(day)}
    assert spill_treated and not spill_treated & visited

    spill = estimator.estimate_spillover(p, neighbours, outcome="new_as_lead")
    direct = estimator.estimate_att(p, unit="region", time="month", outcome="new_as_lead",
                                    first_treated="first_visit")
    # directly visited regions are not in the spillover estimate at all; its treated units are the spillover regions
    assert spill.n_units == p["region"].nunique() - len(visited)
    assert spill.n_treated == len(spill_treated)
    # the direct effect treats the visited regions only: no spillover region counts as treated there
    assert direct.n_treated == sum(treated_in_panel(first[c]) for c in visited)

    # Reported separately: moving the visited regions' outcomes moves the direct effect, never the spillover.
    bumped = p.copy()
    after_visit = bumped["first_visit"].notna() & (bumped["month"] >= bumped["first_visit"])
    bumped.loc[after_visit, "new_as_lead"] += 100
    spill_b = estimator.estimate_spillover(bumped, neighbours, outcome="new_as_lead")
    direct_b = estimator.estimate_att(bumped, unit="region", time="month", outcome="new_as_lead",
                                      first_treated="first_visit")
    assert spill_b.att == pytest.approx(spill.att, abs=1e-12)
    assert spill_b.window(1, 12) == pytest.approx(spill.window(1, 12))
    # post-visit cells compare with regions not yet visited, which were not moved: exactly +100
    assert direct_b.att == pytest.approx(direct.att + 100)
    w = spill.window(1, 12)
    assert w["ci_low"] < w["att"] < w["ci_high"]


def test_scores_explain_themselves_and_respect_little_data(data):
    p, m = data
    scores = score.region_scores(p, m)
    assert len(scores) == 514
    valued = [s for s in scores.values() if s.score is not None]
    assert all(0 <= s.score <= 100 for s in valued)
    # never-visited regions are not scored (issue 13; they used to be scored on breadth and progress alone)
    first = p.groupby("region")["first_visit"].first()
    never = [s for s in scores.values() if pd.isna(first[s.region])]
    assert never and all(s.score is None and s.status == "not_visited" and s.verdict is None for s in never)
    assert any("Belum pernah dikunjungi" in line for line in never[0].explain("id"))
    assert not any("Skor" in line for line in never[0].explain("id"))
    visited = [s for s in valued if s.components["effect"] is not None]
    lines = visited[0].explain("id")
    assert lines[0].startswith(visited[0].verdict.label("id") + ": ")
    assert any("daerah serupa yang tidak dikunjungi" in line and "Sesudah kunjungan" in line for line in lines)
    assert any("similar regions not visited" in line for line in visited[0].explain("en"))
    thin = [s for s in scores.values() if s.status == "too_few_agreements"]
    for s in thin:
        assert s.score is None and s.details["agreements"] < score.MIN_AGREEMENTS
        assert "terlalu sedikit" in s.explain("id")[0]
    assert {s.status for s in scores.values() if s.score is None} <= {"not_visited", "too_few_agreements"}


def test_weights_change_scores(data):
    p, m = data
    default = score.scores_frame(score.region_scores(p, m))
    breadth_only = score.scores_frame(score.region_scores(p, m, weights={"effect": 0, "breadth": 1, "progress": 0}))
    ok = default["score"].notna()
    assert not np.allclose(default.loc[ok, "score"], breadth_only.loc[ok, "score"])
    assert np.allclose(breadth_only.loc[ok, "score"], 100 * breadth_only.loc[ok, "c_breadth"])


def test_breadth_is_the_share_of_regions_with_fewer_partners():
    m = pd.DataFrame({"signed": [5, 5, 5, 5], "partners": [9, 2, 2, 0], "progressed_share": [0.5] * 4},
                     index=["a", "b", "c", "d"])
    p = pd.DataFrame({"region": ["a", "b", "c", "d"], "month": pd.Timestamp("2024-01-01"),
                      "new_agreements": 0.0, "first_visit": pd.NaT})
    scores = score.region_scores(p, m)
    assert scores["d"].components["breadth"] == 0.0
    assert scores["b"].components["breadth"] == scores["c"].components["breadth"] == 0.25
    assert scores["a"].components["breadth"] == 0.75


JARGON = ("selisih-dalam-selisih", "komponen", "difference-in-differences", "component")


def test_explanations_use_plain_words_without_statistical_jargon(data):
    p, m = data
    scores = score.region_scores(p, m)
    by_status = {}
    for s in scores.values():  # one region of each kind: scored (with an effect), too few agreements, never visited
        kind = (s.status, s.components.get("effect") is not None)
        by_status.setdefault(kind, s)
    assert {k[0] for k in by_status} == set(score.STATUSES) and ("scored", True) in by_status
    for s in by_status.values():
        for lang in ("id", "en"):
            lines = s.explain(lang)
            assert lines
            for line in lines:
                assert not any(word in line.lower() for word in JARGON), (s.region, line)


def test_a_score_is_shown_only_beside_a_clear_verdict(data):
    p, m = data
    scores = score.region_scores(p, m).values()
    kinds = {}
    for s in scores:
        kinds.setdefault(None if s.verdict is None else s.verdict.kind, []).append(s)
    assert {"up", "unclear", None} <= set(kinds)
    for kind, group in kinds.items():
        for s in group:
            expected = s.score if kind in ("up", "down") else None
            assert s.shown_score == expected, (s.region, kind)
    # an unclear verdict's explanation without the total says no score at all
    unclear = next(s for s in kinds["unclear"] if s.score is not None)
    assert not any("dari 100" in line for line in unclear.explain("id", total=False))
    assert not any(line.startswith("Belum pasti") for line in unclear.explain("id", verdict=False))
