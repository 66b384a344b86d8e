"""The impact page's score table and its downloads: a verdict in words and its size beside every score; regions
never visited marked "Belum dikunjungi", with no score, after every visited region (issue 13)."""

import io

import pandas as pd
import pytest

from geo.analysis import impact_report, panel
from geo.records import exports
from ui import score_table


@pytest.fixture(scope="module")
def report(sample_frames):
    return impact_report.compute(*sample_frames, impact_report.Settings(level="regency", start="2021-01"))


@pytest.fixture(scope="module")
def visited(sample_frames):
    """Regencies some visit went to, from the visits themselves."""
    return {panel.region_of(c, "regency") for codes in sample_frames[1]["region_codes"] for c in codes}


def test_every_row_has_a_verdict_in_words_and_never_visited_regions_have_no_score(report, visited):
    frame = score_table.scores_by_region(report)
    assert len(frame) == len(report.scores)
    never = frame[~frame.index.isin(visited)]
    assert len(never) and (never["verdict"] == "Belum dikunjungi").all()
    assert never["score"].isna().all() and (never["verdict_size"] == "").all()
    seen = frame[frame.index.isin(visited)]
    assert not (seen["verdict"] == "Belum dikunjungi").any()
    assert set(seen["verdict"]) <= {"Naik, jelas", "Belum pasti", "Turun, jelas", "Data belum cukup"}
    assert (seen["verdict_size"].str.len() > 20).all()
    # every visited region comes before the first one never visited; scores best first among the visited
    assert list(frame.index[: len(seen)]) == list(seen.index)
    scored = seen["score"].dropna()
    assert list(scored) == sorted(scored, reverse=True)


def test_kota_bandung_is_not_yet_clear_with_its_range_and_its_score(report):
    ve = report.scores["32.73"].details["visit_effect"]
    assert ve.ci_low <= 0 <= ve.ci_high
    row = score_table.scores_by_region(report, "en").loc["32.73"]
    assert row["verdict"] == "Not yet clear" and "still includes zero" in row["verdict_size"]
    assert row["score"] == pytest.approx(report.scores["32.73"].score)


def test_the_downloads_carry_the_verdict_and_size_columns(report):
    table = score_table.score_table(score_table.scores_by_region(report))
    assert list(table.columns) == ["Kode", "Wilayah", "Putusan", "Besarnya", "Skor", "Kerja sama", "Mitra",
                                   "Kunjungan"]
    csv = pd.read_csv(io.BytesIO(exports.to_csv_bytes(table)), sep=";", encoding="utf-8-sig", dtype={"Kode": str})
    bandung = csv.set_index("Kode").loc["32.73"]
    assert bandung["Putusan"] == "Belum pasti" and bandung["Besarnya"].startswith("perkiraan ")
    xlsx = pd.read_excel(io.BytesIO(exports.to_xlsx_bytes(table)), dtype={"Kode": str}, engine="openpyxl")
    xlsx = xlsx.set_index("Kode")
    assert xlsx.loc["32.73", "Putusan"] == "Belum pasti"
    never = xlsx[xlsx["Putusan"] == "Belum dikunjungi"]
    assert len(never) and never["Skor"].isna().all()
