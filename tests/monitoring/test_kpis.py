"""KPI rules at their exact edges (due, overdue, off track), who may write KPIs and readings, and that they are
kept: audited, in backups, in the sample, by migration 0008."""

import datetime as dt

import pytest
from sqlalchemy import inspect, select

from geo.access.roles import AccessDenied
from geo.db import storage
from geo.db.models import AuditEntry
from geo.monitoring import kpis
from geo.records import backup, write
from geo.records.write import AgreementData, Indicator, Party, Reading
from geo.text.messages import UserError
from tests.conftest import ADMIN, EDITOR, VIEWER, migrate_down

D = dt.date


def _record(*, status="berjalan", start=D(2026, 1, 1), readings=(), baseline=0.0, target=100.0,
            target_on=D(2026, 4, 11), frequency="quarterly", history=None) -> kpis.KpiRecord:
    kpi = Indicator("Wisatawan", "orang", target, tuple(readings), baseline, target_on, frequency)
    return kpis.KpiRecord("1/KB/2026", "Kerja sama", status, tuple(history or [(status, start)]), ("pariwisata",),
                          ("32.73",), "", start, kpi)


def test_a_quarterly_reading_falls_due_three_months_after_the_last_to_the_day():
    r = _record(readings=[(D(2026, 3, 15), 10.0)])
    assert kpis.assess(r, D(2026, 6, 14))["reading"] == "ok"
    assert kpis.assess(r, D(2026, 6, 15))["reading"] == "due"
    assert kpis.assess(r, D(2026, 6, 15))["due_on"] == D(2026, 6, 15)


def test_a_reading_becomes_overdue_exactly_thirty_days_after_it_fell_due():
    r = _record(readings=[(D(2026, 3, 15), 10.0)])
    assert kpis.assess(r, D(2026, 7, 14))["reading"] == "due"  # due 15/06 + 29 days
    assert kpis.assess(r, D(2026, 7, 15))["reading"] == "overdue"  # due 15/06 + 30 days


def test_a_kpi_without_readings_is_due_one_period_after_the_agreement_started():
    r = _record(start=D(2026, 1, 1), frequency="monthly")
    assert kpis.assess(r, D(2026, 1, 31))["reading"] == "ok"
    assert kpis.assess(r, D(2026, 2, 1))["reading"] == "due"
    assert kpis.assess(r, D(2026, 3, 3))["reading"] == "overdue"


def test_a_monthly_reading_on_the_31st_falls_due_on_the_last_day_of_a_shorter_month():
    assert kpis.due_on(D(2026, 1, 31), "monthly") == D(2026, 2, 28)
    assert kpis.due_on(D(2028, 1, 31), "monthly") == D(2028, 2, 29)
    assert kpis.due_on(D(2026, 11, 30), "quarterly") == D(2027, 2, 28)


def test_off_track_means_more_than_ten_points_behind_the_straight_line():
    # 100 days from 0 to 100; on day 50 the line is at 50: 40 is exactly ten points behind (on track), 39.9 more
    on_line = _record(readings=[(D(2026, 2, 20), 40.0)])
    behind = _record(readings=[(D(2026, 2, 20), 39.9)])
    assert kpis.assess(on_line, D(2026, 2, 20))["expected"] == pytest.approx(0.5)
    assert kpis.assess(on_line, D(2026, 2, 20))["off_track"] is False
    assert kpis.assess(behind, D(2026, 2, 20))["off_track"] is True


def test_after_the_target_date_anything_short_of_ninety_percent_of_the_way_is_off_track():
    assert kpis.assess(_record(readings=[(D(2026, 6, 1), 90.0)]), D(2026, 6, 1))["off_track"] is False
    assert kpis.assess(_record(readings=[(D(2026, 6, 1), 89.0)]), D(2026, 6, 1))["off_track"] is True


def test_a_kpi_meant_to_fall_is_off_track_when_it_falls_too_slowly():
    # from 200 down to 100: half-way in time it should be at 150; 162 is 38% of the way (12 points behind)
    r = _record(baseline=200.0, target=100.0, readings=[(D(2026, 2, 20), 162.0)])
    assert kpis.assess(r, D(2026, 2, 20))["off_track"] is True
    r = _record(baseline=200.0, target=100.0, readings=[(D(2026, 2, 20), 158.0)])
    assert kpis.assess(r, D(2026, 2, 20))["off_track"] is False


def test_off_track_is_not_said_without_a_reading_a_target_date_or_a_target_apart_from_the_baseline():
    assert kpis.assess(_record(), D(2026, 2, 20))["off_track"] is None
    assert kpis.assess(_record(target_on=None, readings=[(D(2026, 2, 1), 1.0)]), D(2026, 2, 20))["off_track"] is None
    assert kpis.assess(_record(target=0.0, readings=[(D(2026, 2, 1), 0.0)]), D(2026, 2, 20))["off_track"] is None


def test_completed_or_cancelled_agreements_expect_no_more_readings():
    for status in ("selesai", "batal", "usulan"):
        row = kpis.assess(_record(status=status, readings=[(D(2025, 1, 1), 5.0)]), D(2026, 6, 1))
        assert row["reading"] == "not_watched" and row["due_on"] is None
    assert kpis.assess(_record(status="terhambat", readings=[(D(2025, 1, 1), 5.0)]), D(2026, 6, 1))["reading"] \
        == "overdue"


def test_only_readings_and_statuses_up_to_the_assessment_day_count():
    r = _record(status="selesai", history=[("berjalan", D(2026, 1, 1)), ("selesai", D(2026, 9, 1))],
                readings=[(D(2026, 2, 1), 10.0), (D(2026, 8, 1), 90.0)])
    row = kpis.assess(r, D(2026, 5, 15))  # the reading of 01/02 fell due on 01/05
    assert (row["status"], row["readings"], row["last_value"], row["reading"]) == ("berjalan", 1, 10.0, "due")
    assert kpis.assess(r, D(2026, 9, 1))["reading"] == "not_watched"


def test_a_kpi_must_have_a_known_frequency_and_numbers():
    with pytest.raises(UserError) as bad:
        kpis.check_kpi(Indicator("x", frequency="weekly"))
    assert "weekly" in bad.value.text("id") and "monthly" in bad.value.text("en")
    with pytest.raises(UserError):
        kpis.check_kpi(Indicator("x", target=float("nan")))
    with pytest.raises(UserError):
        kpis.check_kpi(Indicator(" "))


def _agreement() -> AgreementData:
    return AgreementData(doc_number="119/KB/2026", title="Kerja sama pariwisata", type="KB", status="berjalan",
                         parties=[Party("32.73"), Party("32.04")], sectors=["pariwisata"],
                         signed_on=D(2026, 1, 1), start_on=D(2026, 1, 1), end_on=D(2027, 12, 31))


def test_a_viewer_can_neither_add_a_reading_nor_define_a_kpi_and_nothing_changes(sqlite_engine):
    with storage.transaction(sqlite_engine) as s:
        write.save_agreement(s, _agreement(), EDITOR)
    for attempt in (lambda s: write.record_progress(s, "119/KB/2026", "Wisatawan", D(2026, 3, 1), 5.0, VIEWER),
                    lambda s: write.define_kpi(s, "119/KB/2026", Indicator("Wisatawan"), VIEWER),
                    lambda s: write.record_progress(s, "119/KB/2026", "Wisatawan", D(2026, 3, 1), 5.0, None)):
        with pytest.raises(AccessDenied), storage.transaction(sqlite_engine) as s:
            attempt(s)
    assert kpis.load(sqlite_engine) == []


def test_an_editor_defines_a_kpi_and_adds_a_reading_kept_with_its_note_and_author_and_audited(engine):
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(), EDITOR)
    with storage.transaction(engine) as s:
        write.define_kpi(s, "119/KB/2026", Indicator("Wisatawan", "orang", 500.0, baseline=20.0,
                                                     target_on=D(2027, 12, 31), frequency="monthly"), EDITOR)
        write.record_progress(s, "119/KB/2026", "Wisatawan", D(2026, 3, 1), 80.0, ADMIN, note="laporan Maret")
    [record] = kpis.load(engine)
    kpi = record.kpi
    assert (kpi.unit, kpi.baseline, kpi.target, kpi.target_on, kpi.frequency) == \
        ("orang", 20.0, 500.0, D(2027, 12, 31), "monthly")
    assert kpi.readings == (Reading(D(2026, 3, 1), 80.0, "laporan Maret", ADMIN.username),)
    with storage.transaction(engine) as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.record_key == "119/KB/2026")).all()
        assert [(e.actor, e.action) for e in entries][-2:] == [(EDITOR.username, "update"), (ADMIN.username, "update")]
        assert "laporan Maret" in str(entries[-1].changes["indicators"])


def test_kpis_readings_and_visit_goals_survive_a_backup_and_restore(engine, tmp_path):
    from geo.records.write import StopData, VisitData

    wib = dt.timezone(dt.timedelta(hours=7))
    with storage.transaction(engine) as s:
        write.save_visit(s, VisitData("KUNKER-1", "Wakil Menteri", "Kementerian", dt.datetime(2026, 1, 5, 9, tzinfo=wib),
                                      "WIB", [StopData("32.73")], goals=["infrastruktur", "regulasi"]), EDITOR)
        write.save_agreement(s, _agreement(), EDITOR)
        write.define_kpi(s, "119/KB/2026", Indicator("Wisatawan", "orang", 500.0, baseline=20.0,
                                                     target_on=D(2027, 12, 31)), EDITOR)
        write.record_progress(s, "119/KB/2026", "Wisatawan", D(2026, 3, 1), 80.0, EDITOR, note="catatan")
    before = kpis.load(engine)
    backup.export_backup(engine, tmp_path / "b")
    backup.restore_backup(engine, tmp_path / "b", ADMIN, replace=True)
    assert kpis.load(engine) == before
    with storage.transaction(engine) as s:
        assert write.visit_data(write.load_visit(s, "KUNKER-1")).goals == ["infrastruktur", "regulasi"]


def test_a_visit_goal_outside_the_vocabulary_is_refused_in_both_languages():
    from geo.records.write import StopData, VisitData

    visit = VisitData("K-1", "Wakil Menteri", "Kementerian", dt.datetime(2026, 1, 5, 2, tzinfo=dt.timezone.utc),
                      "WIB", [StopData("32.73")], goals=["pariwisata-besar"])
    with pytest.raises(UserError) as bad:
        write.validated_visit(visit)
    assert "pariwisata-besar" in bad.value.text("id") and "goal" in bad.value.text("en")


def test_the_sample_has_kpis_due_overdue_and_off_track_for_running_agreements_and_goals_on_visits(sample_database):
    from geo.records import read, sample

    eng = storage.make_engine(f"sqlite:///{sample_database}")
    table = kpis.frame(kpis.load(eng), sample.MONITORING_AS_OF)
    visits = read.visits_frame(eng)
    eng.dispose()
    running = table[table["status"] == "berjalan"]
    assert {"ok", "due", "overdue"} <= set(running["reading"])
    assert (running["off_track"] == True).sum() > 10 and (running["off_track"] == False).sum() > 10  # noqa: E712
    assert set(running["frequency"]) == {"monthly", "quarterly"}
    assert visits["goals"].map(len).min() >= 1


def test_migration_0008_adds_and_removes_the_kpi_and_goal_columns(sqlite_engine):
    def columns(table):
        return {c["name"] for c in inspect(sqlite_engine).get_columns(table)}

    assert {"baseline", "target_on", "frequency"} <= columns("progress_indicator")
    migrate_down(sqlite_engine, "0007")
    assert "goals" not in columns("visit") and "note" not in columns("progress_reading")
    storage.migrate(sqlite_engine)
    assert "goals" in columns("visit") and {"note", "recorded_by"} <= columns("progress_reading")
