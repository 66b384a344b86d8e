"""The impact table (``geo.analysis.impact_table``) and ``python -m geo impact``, on the simulated sample.

Expectations come from the engine's public functions (``impact_report.compute``, ``verdict``) and from the
records themselves, never from the table code.
"""

import datetime as dt
import os
import subprocess
import sys

import pandas as pd
import pytest
from openpyxl import load_workbook

from geo.analysis import impact_report, impact_table, metrics
from geo.analysis.context import Context
from geo.regions import lookup
from tests.conftest import ROOT

START, END = dt.date(2021, 1, 1), dt.date(2026, 6, 30)
COLUMNS = ["code", "name", "visited", "first_visit", "effect", "ci_low", "ci_high", "verdict", "verdict_text",
           "score", "agreements"]


@pytest.fixture(scope="module")
def frames(sample_frames):
    return sample_frames


@pytest.fixture(scope="module")
def provinces(frames):
    return impact_table.table(Context(*frames), level="province", start=START, end=END, lang="en")


@pytest.fixture(scope="module")
def report(frames):
    return impact_report.compute(*frames, impact_report.Settings(level="province", start="2021-01", end="2026-06"))


def _visited_provinces(visits: pd.DataFrame) -> dict[str, pd.Timestamp]:
    """Province → month of its first visit, read straight from the visit records."""
    first = {}
    for codes, start in zip(visits["region_codes"], visits["local_start"]):
        month = pd.Timestamp(start).to_period("M").to_timestamp()
        for code in codes:
            p = code[:2]
            first[p] = min(first.get(p, month), month)
    return first


def test_the_table_has_the_columns_and_one_row_per_province(provinces):
    assert list(provinces.columns) == COLUMNS
    assert len(provinces) == 38  # Indonesia's 38 provinces since 2022
    assert provinces["code"].is_unique and provinces.loc[provinces["code"] == "32", "name"].item() == "Jawa Barat"


def test_never_visited_provinces_have_no_score_no_verdict_and_no_first_visit(provinces, frames):
    visited = _visited_provinces(frames[1])
    never = provinces[~provinces["code"].isin(visited)]
    assert len(never) > 0
    assert not never["visited"].any()
    assert never[["first_visit", "effect", "ci_low", "ci_high", "verdict", "verdict_text", "score"]].isna().all().all()
    seen = provinces[provinces["code"].isin(visited)]
    assert seen["visited"].all() and seen["verdict"].notna().all()
    assert (seen["first_visit"] == seen["code"].map(lambda c: visited[c].strftime("%Y-%m"))).all()


def test_a_visited_province_carries_the_impact_reports_effect_interval_verdict_and_score(provinces, report):
    judged = 0
    for row in provinces[provinces["visited"]].itertuples():
        s = report.scores[row.code]
        ve = s.details["visit_effect"]
        if ve is not None:
            assert (row.effect, row.ci_low, row.ci_high) == pytest.approx((ve.did, ve.ci_low, ve.ci_high))
        assert row.verdict == report.verdicts()[row.code]
        assert row.verdict_text == s.verdict.sentence("en")
        assert (row.score is None or pd.isna(row.score)) == (s.score is None)
        if s.score is not None:
            assert row.score == pytest.approx(s.score)
        if row.verdict != "too_little_data":  # the interval decides (geo.analysis.verdict's rule)
            judged += 1
            assert row.verdict == ("up" if row.ci_low > 0 else "down" if row.ci_high < 0 else "unclear")
    assert judged >= 10


def test_agreements_are_those_signed_in_the_period_with_the_province_as_a_party(frames):
    agreements = frames[0]
    table = impact_table.table(Context(*frames), level="province", start=dt.date(2022, 1, 1),
                               end=dt.date(2023, 12, 31))
    day = metrics.agreement_day(agreements)
    in_period = (day >= "2022-01-01") & (day <= "2023-12-31")
    for code in ("32", "31", "51"):
        party = agreements["region_codes"].map(lambda cs: any(c[:2] == code for c in cs))
        expected = int((party & in_period).sum())
        assert expected > 0
        assert table.loc[table["code"] == code, "agreements"].item() == expected


def test_regency_level_has_a_row_per_regency_and_district_level_is_refused(frames):
    table = impact_table.table(Context(*frames), level="regency", start=START, end=END)
    assert len(table) == len(lookup.all_regions("regency")) > 500
    assert table.loc[table["code"] == "32.73", "name"].item() == "Kota Bandung"
    with pytest.raises(ValueError, match="unknown level 'district'"):
        impact_table.table(Context(*frames), level="district")


# --------------------------------------------------------------------------- command line

@pytest.fixture(scope="module")
def data_dir(sample_data_dir):
    return sample_data_dir


def _cli(data_dir, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT), SINERGI_DATA_DIR=str(data_dir))
    env.pop("SINERGI_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "geo", "impact", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def test_cli_csv_reads_back_with_the_columns_and_the_engines_figures(data_dir, tmp_path, provinces):
    out = tmp_path / "impact.csv"
    r = _cli(data_dir, "--out", str(out), "--period", "2021-01:2026-06", "--lang", "en")
    assert r.returncode == 0, r.stderr
    back = pd.read_csv(out, sep=";", encoding="utf-8-sig", dtype={"code": str, "first_visit": str})
    assert list(back.columns) == COLUMNS and len(back) == 38
    jabar = back[back["code"] == "32"].iloc[0]
    expected = provinces[provinces["code"] == "32"].iloc[0]
    assert jabar["effect"] == pytest.approx(expected["effect"])
    assert jabar["verdict"] == expected["verdict"]
    assert back.loc[~back["visited"], "score"].isna().all()


def test_cli_xlsx_in_indonesian_reads_back(data_dir, tmp_path):
    out = tmp_path / "impact.xlsx"
    r = _cli(data_dir, "--out", str(out), "--level", "regency", "--period", "2021:2025")
    assert r.returncode == 0, r.stderr
    rows = list(load_workbook(out, read_only=True).active.values)
    assert list(rows[0]) == COLUMNS and len(rows) - 1 == len(lookup.all_regions("regency"))
    by_code = {row[0]: row for row in rows[1:]}
    bandung = by_code["32.73"]
    assert bandung[2] is True and bandung[7] in ("up", "unclear", "down", "too_little_data")
    assert bandung[8].startswith(("Naik, jelas", "Belum pasti", "Turun, jelas", "Data belum cukup"))
    never = [row for row in rows[1:] if row[2] is False]
    assert len(never) > 300 and all(row[7] is None and row[9] is None for row in never)


@pytest.mark.parametrize("args,message", [
    (["--out", "x.txt"], "format berkas tidak dikenal: '.txt' (pilih .csv atau .xlsx)"),
    (["--out", "x.csv", "--level", "district"], "tingkat 'district' tidak dikenal"),
    (["--out", "x.xlsx", "--level", "kota", "--lang", "en"], "unknown level 'kota'"),
    (["--out", "x.csv", "--period", "2025:2021"], "periode tidak dapat dibaca: '2025:2021'"),
    (["--out", "x.csv", "--period", "kemarin", "--lang", "en"], "unreadable period: 'kemarin'"),
    (["--out", "nodir/x.csv"], "nodir' tidak ada; buat dulu foldernya"),
])
def test_cli_bad_input_is_a_clear_error_and_writes_nothing(data_dir, tmp_path, args, message):
    args = [str(tmp_path / a) if a.startswith(("x.", "nodir/")) else a for a in args]
    r = _cli(data_dir, *args)
    assert r.returncode == 2, r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_unwritable_file_is_a_clear_error_and_leaves_no_half_file(data_dir, tmp_path):
    taken = tmp_path / "x.csv"
    taken.mkdir()  # the name is a folder: the file cannot be written there
    r = _cli(data_dir, "--out", str(taken), "--lang", "en")
    assert r.returncode == 2 and "cannot be written" in r.stderr and "Traceback" not in r.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["x.csv"] and list(taken.iterdir()) == []
