"""A fresh install, nothing imported and no sample seeded: the command line's file commands say so, never a
traceback (before issue 13, ``python -m geo brief --out x.pdf --region 32.73`` ended in a pandas traceback)."""

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _cli(data_dir, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT), SINERGI_DATA_DIR=str(data_dir))
    env.pop("SINERGI_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


@pytest.mark.parametrize("args,lang,message", [
    (["brief", "--out", "x.pdf", "--region", "32.73"], "id", "belum ada data"),
    (["brief", "--out", "deck.pptx"], "en", "no data yet"),
    (["brief", "--out", "deck.pptx", "--region", "32.73"], "id", "belum ada data"),
    (["brief", "--out", "map.png"], "id", "belum ada data"),
    (["impact", "--out", "t.csv"], "en", "no data yet"),
    (["impact", "--out", "t.xlsx", "--level", "regency"], "id", "belum ada data"),
    (["export-map", "--out", "peta.gpkg", "--level", "regency"], "id", "belum ada data"),
    (["export-map", "--out", "peta.zip"], "en", "no data yet"),
    (["report", "--period", "2026-Q3", "--out", "laporan.pdf"], "id", "belum ada data"),
])
def test_every_file_command_on_an_empty_database_says_there_is_no_data_and_writes_nothing(tmp_path, args, lang,
                                                                                          message):
    data_dir = tmp_path / "data"
    data_dir.mkdir()  # empty: the command line creates and migrates the database on first use
    out = tmp_path / "out"
    out.mkdir()
    args = [str(out / a) if a.endswith((".pdf", ".pptx", ".png", ".csv", ".xlsx", ".gpkg", ".zip")) else a for a in args]
    r = _cli(data_dir, *args, "--lang", lang)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert message in r.stderr and "python -m geo import" in r.stderr
    assert list(out.iterdir()) == []
    assert (data_dir / "sinergi.db").exists()  # the database was made, and found empty
