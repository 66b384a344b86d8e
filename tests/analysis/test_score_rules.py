"""geo.analysis.score, rule by rule on a small panel and on hand-made scores: how the parts are weighed, which
regions get a score, what the explanation says in both languages, when a score is shown. Fast (no simulated
sample), so the mutation run can use it; ``test_score.py`` checks the same rules on the simulated sample.
"""

import numpy as np
import pandas as pd
import pytest

from geo.analysis import estimator, score
from geo.analysis import verdict as verdicts

MONTHS = pd.date_range("2022-01-01", periods=37, freq="MS")
VISIT = MONTHS[18]


def _panel(extra_visits: dict[str, pd.Timestamp] | None = None) -> pd.DataFrame:
    """``up``: clearly more after its visit; ``flat``: the same before and after; ``late``: visited in the last
    month (no window after); ``short``: visited 3 months before the end; ``thin``: visited, few agreements;
    ``c0``…``c14``: never visited."""
    rng = np.random.default_rng(7)
    base = rng.poisson(3.0, size=len(MONTHS)).astype(float)
    first = {"up": VISIT, "flat": VISIT, "late": MONTHS[-1], "short": MONTHS[-4], "thin": VISIT,
             **(extra_visits or {})}
    rows = []
    for region, lift in {"up": 6.0, "flat": 0.0, "late": 0.0, "short": 0.0, "thin": 0.0}.items():
        for m, y in zip(MONTHS, base):
            rows.append((region, m, y + (lift if VISIT < m <= MONTHS[30] else 0.0), first[region]))
    for i in range(15):
        for m in MONTHS:
            rows.append((f"c{i}", m, float(rng.poisson(3.0)), first.get(f"c{i}", pd.NaT)))
    df = pd.DataFrame(rows, columns=["region", "month", "new_agreements", "first_visit"])
    return df.assign(other=df["new_agreements"] * 10)


REGIONS = ["up", "flat", "late", "short", "thin"] + [f"c{i}" for i in range(15)]


def _metrics(**changes) -> pd.DataFrame:
    m = pd.DataFrame({"signed": 10, "partners": 4, "progressed_share": 0.5}, index=REGIONS)
    m.loc["up", "partners"] = 9  # the most partners: 19 of 20 regions have fewer
    m.loc["thin", "signed"] = score.MIN_AGREEMENTS - 1
    for column, values in changes.items():
        for region, value in values.items():
            m.loc[region, column] = value
    return m


def test_a_scored_region_is_the_weighted_average_of_its_parts_out_of_100():
    s = score.region_scores(_panel(), _metrics())["up"]
    assert s.status == "scored" and s.visited and s.verdict.kind == "up" and s.region == "up"
    c = s.components
    assert c["breadth"] == 19 / 20 and c["progress"] == 0.5 and c["effect"] > 0.99
    assert c["effect"] == pytest.approx(score.effect_component(s.details["visit_effect"]))
    assert s.weights == score.DEFAULT_WEIGHTS
    assert s.score == pytest.approx(100 * (0.5 * c["effect"] + 0.25 * c["breadth"] + 0.25 * c["progress"]))
    assert s.details == {"agreements": 10, "partners": 9, "breadth_pct": 0.95, "progressed_share": 0.5,
                         "visit_effect": s.details["visit_effect"], "window_months_held": (12, 12)}


def test_weights_are_read_as_shares_and_missing_ones_keep_their_default():
    p, m = _panel(), _metrics()
    default = score.region_scores(p, m)["up"]
    doubled = score.region_scores(p, m, weights={"effect": 1.0, "breadth": 0.5, "progress": 0.5})["up"]
    assert doubled.weights == score.DEFAULT_WEIGHTS and doubled.score == pytest.approx(default.score)
    breadth_only = score.region_scores(p, m, weights={"effect": 0, "progress": 0})["up"]
    assert breadth_only.weights == {"effect": 0.0, "breadth": 1.0, "progress": 0.0}
    assert breadth_only.score == pytest.approx(100 * 19 / 20)
    nothing = score.region_scores(p, m, weights={"effect": 0, "breadth": 0, "progress": 0})["up"]
    assert nothing.weights == score.DEFAULT_WEIGHTS and nothing.score == pytest.approx(default.score)


def test_a_part_without_a_value_leaves_the_others_to_share_its_weight():
    s = score.region_scores(_panel(), _metrics(progressed_share={"up": np.nan}))["up"]
    c = s.components
    assert c["progress"] is None
    assert s.score == pytest.approx(100 * (0.5 * c["effect"] + 0.25 * c["breadth"]) / 0.75)


def test_only_the_effect_weighed_with_no_effect_gives_no_score():
    s = score.region_scores(_panel(), _metrics(), weights={"effect": 1, "breadth": 0, "progress": 0})["late"]
    assert s.status == "scored" and s.components["effect"] is None and s.score is None


def test_a_visit_without_a_window_after_it_is_scored_without_the_effect():
    s = score.region_scores(_panel(), _metrics())["late"]
    assert s.details["visit_effect"] is None and s.details["window_months_held"] == (12, 0)
    assert s.verdict.kind == "too_little_data" and s.verdict.reason == "no_estimate"
    assert s.status == "scored" and s.components["effect"] is None
    assert s.components["breadth"] == 0.0 and s.score == pytest.approx(100 * (0.25 * 0.0 + 0.25 * 0.5) / 0.5)


def test_a_visit_with_too_few_months_after_it_has_an_estimate_but_no_effect_in_the_score():
    s = score.region_scores(_panel(), _metrics())["short"]
    assert s.details["visit_effect"] is not None and s.details["window_months_held"] == (12, 3)
    assert s.verdict.kind == "too_little_data" and (s.verdict.reason, s.verdict.reason_n) == ("few_months", 3)
    assert s.components["effect"] is None and s.score == pytest.approx(100 * 0.25 * 0.5 / 0.5)


def test_a_visited_region_with_too_few_agreements_gets_its_verdict_but_no_score():
    s = score.region_scores(_panel(), _metrics())["thin"]
    assert s.status == "too_few_agreements" and s.score is None and s.visited and s.region == "thin"
    assert s.weights == score.DEFAULT_WEIGHTS
    assert s.components == {"effect": None, "breadth": None, "progress": None}
    assert s.verdict is not None and s.verdict.kind != "too_little_data"
    assert s.details["agreements"] == score.MIN_AGREEMENTS - 1
    enough = score.region_scores(_panel(), _metrics(signed={"thin": score.MIN_AGREEMENTS}))["thin"]
    assert enough.status == "scored" and enough.score is not None


def test_a_region_never_visited_has_no_score_and_no_verdict_but_its_parts():
    s = score.region_scores(_panel(), _metrics())["c0"]
    assert s.status == "not_visited" and not s.visited and s.score is None and s.verdict is None
    assert s.region == "c0"
    assert s.components == {"effect": None, "breadth": 0.0, "progress": 0.5}
    assert s.details["visit_effect"] is None and s.weights == score.DEFAULT_WEIGHTS


def test_the_outcome_window_and_visits_given_reach_the_estimate():
    p, m = _panel(), _metrics()
    plain = score.region_scores(p, m)["up"].details["visit_effect"]
    others = score.region_scores(p, m, outcome="other")
    other = others["up"].details["visit_effect"]
    assert other.outcome == "other" and other.did == pytest.approx(10 * plain.did)
    assert others["up"].verdict.outcome == "other" and others["late"].verdict.outcome == "other"  # estimate or not
    six = score.region_scores(p, m, window=6)["up"]
    assert six.details["visit_effect"].window_months == 6 and six.details["window_months_held"] == (6, 6)
    busy = pd.DataFrame({"region": ["c0", "c1"], "month": [MONTHS[20], MONTHS[2]]})
    fewer = score.region_scores(p, m, visit_months=busy)["up"].details["visit_effect"]
    # c0 visited inside the window is no comparison, c1's visit is outside it; without the list, the panel's
    # first visits inside the window (flat and thin) are the ones kept out
    assert fewer.n_comparison == plain.n_comparison + 2 - 1 == 18


def test_breadth_is_the_share_of_regions_with_strictly_fewer_partners():
    m = _metrics(partners={"flat": 0, "late": 2, "short": 2})
    scores = score.region_scores(_panel(), m)
    assert scores["flat"].components["breadth"] == 0.0
    assert scores["late"].components["breadth"] == scores["short"].components["breadth"] == 1 / 20
    assert scores["c0"].components["breadth"] == 3 / 20 and scores["up"].components["breadth"] == 19 / 20


def test_an_empty_panel_leaves_every_region_unvisited():
    empty = _panel().iloc[0:0]
    scores = score.region_scores(empty, _metrics())
    assert all(s.status == "not_visited" for s in scores.values())


def test_the_effect_part_is_one_half_when_the_interval_has_no_width():
    ve = _effect(did=2.0, low=2.0, high=2.0)
    assert score.effect_component(ve) == 0.5
    assert score.effect_component(_effect(did=2.0, low=2.5, high=1.5)) == 0.5


def test_the_window_months_count_the_months_either_side_and_not_the_visit_month():
    months = pd.date_range("2024-01-01", "2025-12-01", freq="MS")
    assert score.window_months(months, pd.Timestamp("2024-12-20"), 12) == (11, 12)
    assert score.window_months(months, pd.Timestamp("2025-01-01"), 12) == (12, 11)
    assert score.window_months(months, pd.Timestamp("2024-06-01"), 3) == (3, 3)


def test_the_scores_frame_has_a_row_per_region_with_status_verdict_and_parts():
    frame = score.scores_frame(score.region_scores(_panel(), _metrics()))
    assert frame.index.name == "region" and frame.index.tolist() == REGIONS
    assert list(frame.columns) == ["score", "status", "verdict", "c_effect", "c_breadth", "c_progress"]
    assert frame.loc["up", "verdict"] == "up" and pd.isna(frame.loc["c0", "verdict"])
    assert frame.loc["thin", "status"] == "too_few_agreements" and frame.loc["c0", "c_progress"] == 0.5


# ------------------------------------------------------------------ explanations, on hand-made scores

def _effect(did=0.8, low=0.3, high=1.3) -> estimator.VisitEffect:
    return estimator.VisitEffect(region="r", visit_month=pd.Timestamp("2024-08-01"), outcome="new_agreements",
                                 before=1.25, after=2.5, comparison_before=1.0, comparison_after=1.5, did=did,
                                 ci_low=low, ci_high=high, n_comparison=40, window_months=12)


def _scored(ve=None, progress=0.75, status="scored", verdict="up", score_value=72.4) -> score.RegionScore:
    ve = ve or _effect()
    comps = {"effect": 0.9, "breadth": 0.5, "progress": progress}
    details = {"agreements": 8, "partners": 6, "breadth_pct": 0.5, "progressed_share": 0.75, "visit_effect": ve}
    v = verdicts.Verdict(verdict, per_year=9.6, low=3.6, high=15.6) if verdict else None
    return score.RegionScore("32.73", score_value, comps, dict(score.DEFAULT_WEIGHTS), details, status, v)


def test_a_scored_region_explains_its_verdict_each_part_and_the_score_in_indonesian():
    s = _scored()
    assert s.explain("id") == [
        s.verdict.sentence("id"),
        "Sesudah kunjungan 08/2024: rata-rata 2,50 kerja sama baru per bulan (sebelumnya 1,25). Di 40 daerah "
        "serupa yang tidak dikunjungi: 1,50 per bulan (sebelumnya 1,00). Kenaikan di sini dikurangi kenaikan di "
        "daerah serupa: +0,80 per bulan (95%: +0,30 s.d. +1,30); nilai 0,90 dari 1 (0,5 berarti tidak ada selisih; "
        "mendekati 1 hanya bila kenaikannya jelas).",
        "Jejaring (seluruh data, semua tahun): 6 daerah mitra berbeda, lebih banyak dari 50% daerah setingkat; "
        "nilai 0,50 dari 1.",
        "Pelaksanaan (seluruh data, semua tahun): 75% kerja sama sudah berjalan atau selesai; nilai 0,75 dari 1.",
        "Skor 72 dari 100 (bobot: dampak 50%, jejaring 25%, pelaksanaan 25%).",
    ]
    assert s.explain() == s.explain("id")


def test_a_scored_region_explains_itself_in_english_with_signs_either_way():
    s = _scored(_effect(did=-0.4, low=-1.2, high=0.0), verdict="unclear")
    lines = s.explain("en")
    assert lines[0] == s.verdict.sentence("en") and lines[0].startswith("Not yet clear")
    assert lines[1] == ("After the visit of 08/2024: 2.50 new agreements a month on average (before: 1.25). In 40 "
                        "similar regions not visited: 1.50 a month (before: 1.00). The rise here minus the rise in "
                        "similar regions: −0.40 a month (95%: −1.20 to +0.00); rated 0.90 of 1 (0.5 means no difference; "
                        "near 1 only when the rise is clear).")
    assert lines[2:] == [
        "Network (all records, every year): 6 distinct partner regions, more than 50% of regions of the same level; "
        "rated 0.50 of 1.",
        "Implementation (all records, every year): 75% of agreements are running or completed; rated 0.75 of 1.",
        "Score 72 of 100 (weights: effect 50%, network 25%, implementation 25%)."]


def test_the_verdict_and_the_total_can_be_left_out_of_the_explanation():
    s = _scored()
    assert s.explain("id", verdict=False) == s.explain("id")[1:]
    assert s.explain("id", total=False) == s.explain("id")[:-1]
    assert len(s.explain("id", verdict=False, total=False)) == 3


def test_a_region_without_progress_or_effect_says_so():
    s = _scored(progress=None)
    s.components["effect"] = None
    lines = s.explain("id", verdict=False)
    assert lines[0].startswith("Jejaring") and lines[1] == "Pelaksanaan: belum ada kerja sama yang ditandatangani " \
                                                           "untuk dinilai."
    assert s.explain("en", verdict=False)[1] == "Implementation: no signed agreement to assess yet."
    s.details["visit_effect"] = None
    s.components["effect"] = 0.9
    assert s.explain("id", verdict=False)[0].startswith("Jejaring")


def test_a_region_with_too_few_agreements_explains_that_and_its_verdict():
    s = _scored(status="too_few_agreements", score_value=None)
    s.details["agreements"] = 2
    assert s.explain("id") == ["Data terlalu sedikit (2 kerja sama, minimal 3): skor tidak ditampilkan.",
                               s.verdict.sentence("id")]
    assert s.explain("en", verdict=False) == ["Too little data (2 agreements, at least 3 needed): no score shown."]
    assert s.explain("en")[1] == s.verdict.sentence("en") != s.verdict.sentence("id")
    s.verdict = None
    assert len(s.explain("id")) == 1


def test_a_region_never_visited_says_so_and_shows_no_score():
    s = _scored(status="not_visited", verdict=None, score_value=None)
    lines = s.explain("en")
    assert lines[0] == "Never visited: there is no visit impact to judge, so no score."
    assert len(lines) == 3 and not any("Score" in line for line in lines)


def test_a_score_is_shown_only_beside_a_clear_verdict():
    assert _scored(verdict="up").shown_score == 72.4 and _scored(verdict="down").shown_score == 72.4
    assert _scored(verdict="unclear").shown_score is None
    assert _scored(verdict="too_little_data").shown_score is None
    assert _scored(verdict=None).shown_score is None
