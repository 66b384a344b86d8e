"""What each imported cell was read as ("Dibaca sebagai"), the region as written kept beside today's code, and a
weekday that contradicts its date: a warning, the row still comes in."""

import csv
import datetime as dt

from sqlalchemy import select

from geo.db import storage
from geo.db.models import AgreementParty, VisitStop
from geo.importer import changes, files
from geo.records import read
from tests.conftest import EDITOR, ROOT

AGREEMENTS = ("nomor dokumen;judul;pihak;provinsi;tanggal tanda tangan;nilai\n"
              '1/KB/2025;Kerja sama pelabuhan;"Kab. Merauke; Kota Jayapura";Papua;Senin, 4 Maret 2025;Rp 1,5 miliar\n'
              '2/KB/2025;Kerja sama pangan;"Kabupaten Merauke; Kota Jayapura";;Selasa, 4 Maret 2025;750.000\n'
              ).encode()


def _history_code_now(old_code: str) -> str:
    """Today's code of an earlier code, read straight from data/region_history.csv."""
    with (ROOT / "data" / "region_history.csv").open(encoding="utf-8") as fh:
        [code] = {r["code_now"] for r in csv.DictReader(fh) if r["old_code"] == old_code}
    return code


def _plan(engine, kind, text):
    return changes.plan_import(engine, kind, files.read_table(text if isinstance(text, bytes) else text.encode(),
                                                              f"{kind}.csv"))


def test_a_party_named_with_the_province_it_was_in_keeps_what_was_written_and_an_exact_name_keeps_nothing(engine):
    merauke = _history_code_now("91.01")  # Merauke was in Papua (91) until the 2022 split
    assert merauke != "91.01" and not merauke.startswith("91.")
    plan = _plan(engine, "agreements", AGREEMENTS)
    assert [r.action for r in plan.rows] == ["add", "add"]
    changes.commit_import(engine, plan, actor=EDITOR)
    with storage.transaction(engine) as s:
        stored = {(p.agreement.doc_number, p.region_code): p.as_written for p in s.scalars(select(AgreementParty))}
    assert stored[("1/KB/2025", merauke)] == "Kab. Merauke, Papua"
    assert stored[("1/KB/2025", "91.71")] is None  # Kota Jayapura is today's name, in today's Papua
    assert stored[("2/KB/2025", merauke)] is None  # today's name without a province
    frame = read.agreements_frame(engine).set_index("doc_number")
    assert frame.loc["1/KB/2025", "parties_as_written"] == ["Kab. Merauke, Papua", ""]
    assert sorted(frame.loc["1/KB/2025", "region_codes"]) == sorted([merauke, "91.71"])  # roll-ups: today's codes


def test_the_preview_says_what_the_region_date_and_amount_were_read_as(engine):
    merauke = _history_code_now("91.01")
    first, second = _plan(engine, "agreements", AGREEMENTS).rows
    texts = [r.text("id") for r in first.read_as]
    assert texts[0].startswith(f"Pihak: Kab. Merauke, Papua → Kabupaten Merauke ({merauke}), dahulu di provinsi Papua")
    assert "Pihak: Kota Jayapura → Kota Jayapura (91.71)" in texts  # no reason given: today's exact name
    assert "Tanggal tanda tangan: Senin, 4 Maret 2025 → 04/03/2025" in texts
    assert "Nilai: Rp 1,5 miliar → Rp 1.500.000.000" in texts
    assert "Amount: Rp 1,5 miliar → Rp 1,500,000,000" in first.read_as_text("en")
    assert "Nilai: 750.000 → Rp 750.000" in second.read_as_text("id")
    table = changes.preview_frame(_plan(engine, "agreements", AGREEMENTS), "id")
    assert table.loc[0, "read_as"] == first.read_as_text("id")


def test_a_weekday_that_contradicts_the_date_warns_naming_both_and_the_row_still_comes_in(engine):
    assert dt.date(2025, 3, 4).weekday() == 1  # a Tuesday (Selasa), not a Monday (Senin)
    plan = _plan(engine, "agreements", AGREEMENTS)
    first, second = plan.rows
    assert first.action == "add" and not first.errors
    assert first.warning_text("id") == "hari 'Senin' tidak cocok dengan tanggal 04/03/2025, yang jatuh pada hari Selasa"
    assert "'Senin'" in first.warning_text("en") and "Selasa" in first.warning_text("en")
    assert second.warnings == []  # "Selasa, 4 Maret 2025" is right
    changes.commit_import(engine, plan, actor=EDITOR)
    assert read.agreements_frame(engine).set_index("doc_number").loc["1/KB/2025", "signed_on"] == dt.date(2025, 3, 4)


def test_a_visit_stop_under_an_earlier_code_keeps_it_as_written_and_today_s_code(engine):
    merauke = _history_code_now("91.01")
    plan = _plan(engine, "visits", "kode kunjungan;pejabat;tanggal;kode wilayah\n"
                                   "KJ-1;Wakil Menteri Pertanian;05/03/2025;91.01\n"
                                   "KJ-2;Wakil Menteri Pertanian;06/03/2025;32.73\n")
    assert [r.action for r in plan.rows] == ["add", "add"]
    assert plan.rows[0].read_as[0].text("en").startswith(f"Region: 91.01 → Kabupaten Merauke ({merauke}), former code")
    changes.commit_import(engine, plan, actor=EDITOR)
    with storage.transaction(engine) as s:
        stops = {st.region_code: st.as_written for st in s.scalars(select(VisitStop))}
    assert stops == {merauke: "91.01", "32.73": None}
    assert sorted(map(tuple, read.visits_frame(engine)["places_as_written"])) == [("",), ("91.01",)]
