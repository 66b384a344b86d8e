"""The monitoring page (Streamlit AppTest): the engine's counts of readings due, overdue and off track, a viewer
who cannot add a reading, an editor whose reading is stored with its note and author, and the goals view."""

import datetime as dt

from streamlit.testing.v1 import AppTest

from geo.db import storage
from geo.monitoring import kpis
from geo.records import write
from geo.records.write import AgreementData, Indicator, Party, StopData, VisitData
from tests.conftest import EDITOR, ROOT, app_session

D = dt.date
DOC = "KB/007/2026"


def _store(eng) -> None:
    today = dt.date.today()
    with storage.transaction(eng) as s:
        write.save_visit(s, VisitData("KUNKER-1", "Wakil Menteri Perhubungan", "Kementerian Perhubungan",
                                      dt.datetime(2024, 1, 10, 2, tzinfo=dt.timezone.utc), "WIB",
                                      [StopData("32.73")], goals=["infrastruktur"]), EDITOR)
        write.save_agreement(s, AgreementData(
            doc_number=DOC, title="Integrasi angkutan umum", type="KB", status="berjalan",
            parties=[Party("32.73"), Party("32.04")], sectors=["transportasi"], signed_on=D(2024, 2, 1),
            start_on=D(2024, 2, 1), end_on=today + dt.timedelta(days=365), visit_ref="KUNKER-1",
            indicators=[Indicator("Trayek terhubung", "trayek", 40.0, ((today - dt.timedelta(days=200), 3.0),),
                                  baseline=0.0, target_on=today + dt.timedelta(days=365))]), EDITOR)


def _page(user: str | None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app_pages" / "monitoring.py"), default_timeout=300)
    for k, v in app_session(user).items():
        at.session_state[k] = v
    at.session_state["lang"] = "id"
    return at.run()


def test_the_page_shows_the_engines_counts_and_a_viewer_cannot_add_a_reading(own_app_database):
    _store(own_app_database)
    at = _page("vina")
    assert not at.exception and not at.error
    row = kpis.frame(kpis.load(own_app_database), dt.date.today()).iloc[0]
    assert (row["reading"], row["off_track"]) == ("overdue", True)  # 200 days after a quarterly reading; 3 of 40
    assert {m.label: m.value for m in at.metric} == {"KPI dipantau": "1", "Jatuh tempo": "0", "Terlambat": "1",
                                                      "Tertinggal": "1"}
    assert "Masuk sebagai editor untuk menambah pembacaan." in [i.value for i in at.info]
    assert not [b for b in at.button if b.label == "Simpan pembacaan"]
    goals_table = next(d.value for d in at.dataframe if d.value.columns[0] == "Tujuan")
    # one visit; one agreement followed: signed, running, not stalled — what followed, not proof of cause
    assert goals_table.iloc[0].tolist() == ["Infrastruktur", "1", "1", "1", "1", "0"]
    assert any("bukan bukti" in c.value for c in at.caption)


def test_an_editor_adds_a_reading_kept_with_its_note_and_author(own_app_database):
    _store(own_app_database)
    at = _page("ani")
    on = dt.date.today() - dt.timedelta(days=3)
    at.date_input(key="mon_add_date").set_value(on)
    at.number_input(key="mon_add_value").set_value(12.5)
    at.text_input(key="mon_add_note").set_value("=laporan dinas")
    [b for b in at.button if b.label == "Simpan pembacaan"][0].click()
    at = at.run()
    assert not at.exception and not at.error
    assert "Pembacaan tersimpan." in [s.value for s in at.success]
    [record] = kpis.load(own_app_database)
    assert record.kpi.readings[-1] == write.Reading(on, 12.5, "=laporan dinas", "ani")


def test_an_editor_defines_a_kpi_on_the_page_and_a_viewer_is_only_told_to_log_in(own_app_database):
    _store(own_app_database)
    viewer = _page("vina")
    assert "Masuk sebagai editor untuk menambah indikator." in [i.value for i in viewer.info]
    at = _page("ani")
    at.selectbox(key="mon_def_doc").set_value(DOC)
    at.text_input(key="mon_def_name").set_value("Penumpang per hari")
    at.text_input(key="mon_def_unit").set_value("orang")
    at.number_input(key="mon_def_baseline").set_value(100.0)
    at.number_input(key="mon_def_target").set_value(500.0)
    at.date_input(key="mon_def_target_on").set_value(D(2027, 12, 31))
    at.selectbox(key="mon_def_frequency").set_value("monthly")
    [b for b in at.button if b.label == "Simpan indikator"][0].click()
    at = at.run()
    assert not at.exception and not at.error
    assert any("Penumpang per hari" in s.value for s in at.success)
    kpi = next(r.kpi for r in kpis.load(own_app_database) if r.kpi.name == "Penumpang per hari")
    assert (kpi.unit, kpi.baseline, kpi.target, kpi.target_on, kpi.frequency) == ("orang", 100.0, 500.0,
                                                                                  D(2027, 12, 31), "monthly")
    assert {m.label: m.value for m in at.metric}["KPI dipantau"] == "2"  # the page shows it at once


def test_a_kpi_without_a_name_is_refused_in_the_users_language_and_nothing_is_stored(own_app_database):
    _store(own_app_database)
    at = _page("ani")
    at.selectbox(key="mon_def_doc").set_value(DOC)
    [b for b in at.button if b.label == "Simpan indikator"][0].click()
    at = at.run()
    assert not at.exception and at.error and "indikator" in at.error[0].value
    assert [r.kpi.name for r in kpis.load(own_app_database)] == ["Trayek terhubung"]


def test_approved_feedback_from_the_parties_shows_beside_the_kpis_and_pending_feedback_does_not(own_app_database):
    from geo.records import party_feedback
    from geo.records.party_feedback import FeedbackForm

    _store(own_app_database)
    code = party_feedback.issue_code(own_app_database, EDITOR, DOC)
    kept = party_feedback.submit(own_app_database, code, FeedbackForm("32.73", 2, ("anggaran",), "Dana belum cair"),
                                 client="10.0.0.1")
    party_feedback.submit(own_app_database, code, FeedbackForm("32.04", 5), client="10.0.0.2")  # still pending
    party_feedback.moderate(own_app_database, EDITOR, kept, approve=True)
    at = _page("vina")
    assert not at.exception and not at.error
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Umpan balik disetujui"] == "1" and metrics["Rata-rata penilaian kemajuan (1–5)"] == "2,0"
    said = next(d.value for d in at.dataframe if "Dana belum cair" in d.value.to_string())
    assert len(said) == 1 and "Anggaran" in said.to_string()
