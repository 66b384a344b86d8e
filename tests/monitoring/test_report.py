"""The periodic report: periods, what it counts (only the period's), an empty period, the PDF and XLSX read back,
formulas neutralised, and the command line for cron (refusals write nothing; a written file is logged)."""

import datetime as dt
import io
import json
import os
import subprocess
import sys

import pytest

from geo.db import storage
from geo.monitoring import kpis, report
from geo.records import read, write
from geo.records.write import AgreementData, Indicator, Party, StopData, VisitData
from geo.text.messages import UserError
from tests.conftest import EDITOR, ROOT

D = dt.date
WIB = dt.timezone(dt.timedelta(hours=7))


def test_a_quarter_and_a_month_are_read_as_their_first_and_last_days():
    q = report.parse_period("2026-Q3")
    assert (q.start, q.end, q.code, q.words("id"), q.words("en")) == \
        (D(2026, 7, 1), D(2026, 9, 30), "2026-Q3", "Triwulan III 2026", "Q3 2026")
    m = report.parse_period("2026-09")
    assert (m.start, m.end, m.words("id")) == (D(2026, 9, 1), D(2026, 9, 30), "September 2026")
    assert report.parse_period("2024-02").end == D(2024, 2, 29)
    assert report.parse_period("2026q4").end == D(2026, 12, 31)


@pytest.mark.parametrize("bad", ["2026-Q5", "2026-13", "2026-00", "Q3", "", "2026-Q3:2026-Q4", "=1+1"])
def test_a_period_that_is_no_month_or_quarter_is_refused_in_both_languages(bad):
    with pytest.raises(UserError) as refused:
        report.parse_period(bad)
    assert "2026-Q3" in refused.value.text("id") and "report period" in refused.value.text("en")


def _store(eng) -> None:
    """One agreement signed in Q2 2026 and running from 10 August 2026 with a KPI and readings in Q2 and Q3; a
    visit in Q3; and a visit planned in Q3 (never counted)."""
    with storage.transaction(eng) as s:
        write.save_visit(s, VisitData("KUNKER-1", "Wakil Menteri Perdagangan", "Kementerian Perdagangan",
                                      dt.datetime(2026, 8, 20, 9, tzinfo=WIB), "WIB", [StopData("32.73")],
                                      goals=["ekonomi_kreatif"]), EDITOR)
        write.save_visit(s, VisitData("RENCANA-1", "Wakil Menteri Perdagangan", "Kementerian Perdagangan",
                                      dt.datetime(2026, 9, 2, 9, tzinfo=WIB), "WIB", [StopData("32.73")],
                                      planned=True), EDITOR)
        write.save_agreement(s, AgreementData(
            doc_number="=HYPERLINK(\"http://x\")", title="Kerja sama perdagangan", type="KB", status="berjalan",
            parties=[Party("32.73"), Party("32.04")], sectors=["perdagangan"], signed_on=D(2026, 4, 1),
            start_on=D(2026, 4, 1), end_on=D(2027, 3, 31),
            status_history=[("ditandatangani", D(2026, 4, 1)), ("berjalan", D(2026, 8, 10))],
            indicators=[Indicator("Transaksi", "kali", 100.0, ((D(2026, 6, 30), 5.0, "", "ani"),
                                                                (D(2026, 7, 31), 9.0, "", "ani")),
                                  baseline=0.0, target_on=D(2027, 3, 31), frequency="monthly")]), EDITOR)


def _report(eng, code: str, lang: str = "id") -> report.Report:
    return report.build(read.agreements_frame(eng), read.visits_frame(eng), kpis.load(eng),
                        report.parse_period(code), lang=lang, today=D(2026, 11, 30))


def _counts(rep: report.Report) -> dict[str, dict[str, int]]:
    return {title: dict(rows) for title, rows in rep.sections}


def test_the_report_counts_the_status_changes_readings_and_visits_of_the_period_only(sqlite_engine):
    _store(sqlite_engine)
    counts = _counts(_report(sqlite_engine, "2026-Q3"))
    assert counts["Kerja sama menurut status pada akhir periode"]["Berjalan"] == 1
    assert counts["Perubahan status selama periode (alur kerja sama)"] == {
        "menjadi usulan": 0, "menjadi ditandatangani": 0, "menjadi berjalan": 1, "menjadi selesai": 0,
        "menjadi terhambat": 0, "menjadi batal": 0}
    kpi = counts["Indikator kinerja (KPI)"]
    # on 30/09 the last reading (31/07, monthly) fell due on 31/08 and is overdue from 30/09; 9 of 100 after
    # 182 of 364 days is 41 points behind the line
    assert (kpi["KPI dipantau"], kpi["pembacaan diterima selama periode"], kpi["pembacaan terlambat pada akhir periode"],
            kpi["tertinggal"]) == (1, 1, 1, 1)
    assert counts["Kunjungan kerja selama periode"] == {"semua kunjungan": 1, "Kementerian Perdagangan": 1}
    q2 = _counts(_report(sqlite_engine, "2026-Q2"))
    assert q2["Kerja sama menurut status pada akhir periode"]["Ditandatangani"] == 1
    assert q2["Kunjungan kerja selama periode"] == {"semua kunjungan": 0}


def test_a_report_for_an_empty_period_has_zero_counts_and_says_nothing_happened(sqlite_engine):
    _store(sqlite_engine)
    rep = _report(sqlite_engine, "2025-01")
    counts = _counts(rep)
    assert all(n == 0 for rows in counts.values() for n in rows.values())
    assert rep.quiet and "Tidak ada kegiatan tercatat pada periode ini." in rep.notes()
    assert rep.attention.empty
    assert not _report(sqlite_engine, "2026-Q3").quiet


def test_the_report_pdf_reads_back_with_its_title_period_and_counts(sqlite_engine):
    from pypdf import PdfReader

    _store(sqlite_engine)
    data = report.pdf_bytes(_report(sqlite_engine, "2026-Q3"))
    pdf = PdfReader(io.BytesIO(data))
    words = " ".join(p.extract_text() for p in pdf.pages)
    assert (round(float(pdf.pages[0].mediabox.width)), round(float(pdf.pages[0].mediabox.height))) == (595, 842)
    assert "Laporan pemantauan kerja sama — Triwulan III 2026" in words
    assert "1 Juli 2026 s.d. 30 September 2026" in words
    assert "menjadi berjalan 1" in words and "Terlambat; Tertinggal" in words
    assert "Halaman 1 dari 1" in words
    en = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(report.pdf_bytes(
        _report(sqlite_engine, "2026-09", "en")))).pages)
    assert "Cooperation monitoring report — September 2026" in en and "became running 0" in en  # it did in August


def test_the_report_xlsx_has_a_title_a_bold_frozen_header_and_neutralised_formulas(sqlite_engine):
    from openpyxl import load_workbook

    _store(sqlite_engine)
    wb = load_workbook(io.BytesIO(report.xlsx_bytes(_report(sqlite_engine, "2026-Q3"))))
    summary, kpi = wb.worksheets
    assert summary["A1"].value == "Laporan pemantauan kerja sama — Triwulan III 2026" and summary["A1"].font.bold
    header = int(summary.freeze_panes[1:]) - 1
    assert [c.value for c in summary[header]] == ["Bagian", "Butir", "Jumlah"]
    assert all(c.font.bold for c in summary[header])
    rows = [[c.value for c in r] for r in summary.iter_rows(min_row=header + 1)]
    assert ["Perubahan status selama periode (alur kerja sama)", "menjadi berjalan", 1] in rows
    header = int(kpi.freeze_panes[1:]) - 1
    assert kpi.cell(header, 1).value == "Nomor dokumen"
    assert kpi.cell(header + 1, 1).value == "'=HYPERLINK(\"http://x\")"  # shows as text, never runs
    assert all(not str(c.value).startswith("=") for r in kpi.iter_rows() for c in r if c.value is not None)


def _cli(data_dir, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT), SINERGI_DATA_DIR=str(data_dir))
    env.pop("SINERGI_DATABASE_URL", None)
    env.pop("SINERGI_LOG_FILE", None)
    return subprocess.run([sys.executable, "-m", "geo", "report", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture()
def data_dir(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    eng = storage.make_engine(f"sqlite:///{folder / 'sinergi.db'}")
    storage.migrate(eng)
    _store(eng)
    eng.dispose()
    return folder


@pytest.mark.parametrize("args,message", [
    (["--period", "2026-Q5", "--out", "{out}/r.pdf"], "periode laporan tidak dikenal: '2026-Q5'"),
    (["--period", "2026-13", "--out", "{out}/r.xlsx"], "periode laporan tidak dikenal"),
    (["--period", "2026-Q3", "--out", "{out}/r.docx"], "bukan '.docx'"),
    (["--period", "2026-Q3", "--out", "{out}/missing/r.pdf"], "missing"),
])
def test_the_command_line_refuses_bad_input_with_exit_2_and_writes_nothing(data_dir, tmp_path, args, message):
    out = tmp_path / "out"
    out.mkdir()
    r = _cli(data_dir, *[a.format(out=out) for a in args])
    assert r.returncode == 2, r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr
    assert list(out.iterdir()) == []


def test_the_command_line_writes_the_report_whole_and_logs_an_export_line(data_dir, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "laporan.pdf"
    r = _cli(data_dir, "--period", "2026-Q3", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert f"{out}: 2026-Q3" in r.stdout
    assert "Triwulan III 2026" in PdfReader(out).pages[0].extract_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "laporan.pdf"]  # no temporary file left
    [line] = [json.loads(x) for x in r.stderr.splitlines() if '"export"' in x]
    assert (line["kind"], line["format"], line["via"], line["bytes"]) == ("report", "pdf", "cli", out.stat().st_size)


def test_a_period_with_readings_but_no_status_change_or_visit_says_when_the_last_one_was_recorded(sample_database):
    # the sample's statuses and visits end in June 2026 while its KPI readings run on: 2026-Q3 is that case
    eng = storage.make_engine(f"sqlite:///{sample_database}")
    try:
        agreements, visits = read.agreements_frame(eng), read.visits_frame(eng)
        rep = report.from_database(eng, report.parse_period("2026-Q3"), today=dt.date(2026, 11, 30))
    finally:
        eng.dispose()
    start = dt.date(2026, 7, 1)
    moves = [d for h in agreements["status_history"] for _, d in h]
    days = [d.date() for d in visits.loc[~visits["planned"].astype(bool), "local_start"]]
    assert not [d for d in moves + days if start <= d <= dt.date(2026, 9, 30)]  # the case itself
    last = max(d for d in moves + days if d < start)
    assert not rep.quiet and rep.last_recorded == last
    assert f"yang terakhir tercatat pada {report.day_text(last, 'id')}." in " ".join(rep.notes())
    assert report.build(agreements, visits, [], report.parse_period("2026-Q2"), today=dt.date(2026, 11, 30)
                        ).last_recorded is None  # a period with status changes says nothing of the kind
