"""Storage and records against SQLite and a real PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from geo.db import storage
from geo.db.models import Agreement, AuditEntry
from geo.records import write
from geo.records.write import AgreementData, EditConflict, Party, StopData, VisitData
from tests.conftest import Principal

ANI, BUDI = Principal("ani", "editor"), Principal("budi", "editor")


def _agreement(**kw) -> AgreementData:
    base = dict(doc_number="119/KB/2024", title="Kerja sama pariwisata", type="KB", status="berjalan",
                parties=[Party("32.73"), Party("32.04"), Party(partner_name="Universitas Padjadjaran")],
                sectors=["pariwisata"], signed_on=dt.date(2024, 3, 1), value_idr=1_500_000_000,
                obstacles=[("anggaran", "APBD terbatas")])
    base.update(kw)
    return AgreementData(**base)


def test_migrations_create_every_table(engine):
    assert {"visit", "visit_stop", "agreement", "agreement_party", "status_change", "obstacle",
            "progress_indicator", "progress_reading", "audit_entry", "dataset_info", "alembic_version"} \
        <= storage.current_tables(engine)
    storage.migrate(engine)  # idempotent


def test_add_update_unchanged_with_audit(engine):
    with storage.transaction(engine) as s:
        assert write.save_agreement(s, _agreement(), ANI) == "add"
    with storage.transaction(engine) as s:
        assert write.save_agreement(s, _agreement(), ANI) == "unchanged"
    with storage.transaction(engine) as s:
        assert write.save_agreement(s, _agreement(status="terhambat", status_on=dt.date(2024, 9, 1)), BUDI) \
            == "update"
    with storage.transaction(engine) as s:
        a = write.load_agreement(s, "119/KB/2024")
        assert a.status == "terhambat" and a.version == 2
        assert [(c.status, c.changed_on) for c in a.status_changes] == [
            ("berjalan", dt.date(2024, 3, 1)), ("terhambat", dt.date(2024, 9, 1))]
        assert a.region_codes == ["32.73", "32.04"]
        trail = write.audit_trail(s, "agreement", "119/KB/2024")
        assert [(e.actor, e.action) for e in trail] == [("ani", "create"), ("budi", "update")]
        assert trail[1].changes["status"] == ["berjalan", "terhambat"]


def test_failed_write_changes_nothing(engine):
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(), ANI)
    with pytest.raises(RuntimeError):
        with storage.transaction(engine) as s:
            write.save_agreement(s, _agreement(doc_number="120/PKS/2024", type="PKS"), ANI)
            write.save_agreement(s, _agreement(title="Diubah"), ANI)
            raise RuntimeError("power cut halfway")
    with storage.transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(Agreement)) == 1
        assert write.load_agreement(s, "119/KB/2024").title == "Kerja sama pariwisata"
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 1


def test_second_editor_is_told(engine):
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(), ANI)
    with storage.transaction(engine) as s:
        loaded_version = write.load_agreement(s, "119/KB/2024").version
    with storage.transaction(engine) as s:  # editor 1 saves first
        write.save_agreement(s, _agreement(title="Versi Ani"), ANI, expected_version=loaded_version)
    with pytest.raises(EditConflict) as exc:  # editor 2 loaded the same version
        with storage.transaction(engine) as s:
            write.save_agreement(s, _agreement(title="Versi Budi"), BUDI, expected_version=loaded_version)
    assert "pengguna lain" in exc.value.text("id")
    with storage.transaction(engine) as s:
        assert write.load_agreement(s, "119/KB/2024").title == "Versi Ani"


def test_concurrent_flush_is_a_conflict(engine):
    """Two sessions hold the same row; the one that writes second gets EditConflict (version column)."""
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(), ANI)
    from sqlalchemy.orm import Session

    s1, s2 = Session(engine), Session(engine)
    a1 = write.load_agreement(s1, "119/KB/2024")
    a2 = write.load_agreement(s2, "119/KB/2024")
    write.save_agreement(s1, _agreement(title="satu"), ANI, existing=a1)
    s1.commit()
    with pytest.raises(EditConflict):
        write.save_agreement(s2, _agreement(title="dua"), BUDI, existing=a2)
    s2.rollback()
    s1.close()
    s2.close()


def test_visit_with_stops_and_delete(engine):
    wib = dt.timezone(dt.timedelta(hours=7))
    v = VisitData(ref="KUNKER-2024-001", official_role="Wakil Menteri Dalam Negeri", ministry="Kementerian Dalam Negeri",
                  start_at=dt.datetime(2024, 8, 20, 9, tzinfo=wib), end_at=dt.datetime(2024, 8, 21, 12, tzinfo=wib),
                  time_zone="WIB", agenda="Rakor KAD", focus_sectors=["pariwisata"], people_met="Wali Kota",
                  stops=[StopData("32.73", "Balai Kota"), StopData("32.04.01", "Kawasan Industri", -7.0, 107.5)])
    with storage.transaction(engine) as s:
        assert write.save_visit(s, v, ANI) == "add"
    with storage.transaction(engine) as s:
        assert write.save_visit(s, v, ANI) == "unchanged"
        loaded = write.visit_data(write.load_visit(s, "KUNKER-2024-001"))
        assert [st.region_code for st in loaded.stops] == ["32.73", "32.04.01"]
        assert loaded.start_at == v.start_at
    with storage.transaction(engine) as s:
        write.delete_visit(s, "KUNKER-2024-001", ANI)
    with storage.transaction(engine) as s:
        assert write.load_visit(s, "KUNKER-2024-001") is None
        assert [e.action for e in write.audit_trail(s, "visit", "KUNKER-2024-001")] == ["create", "delete"]


def test_default_database_is_a_sqlite_file_outside_the_source_tree(tmp_path, monkeypatch):
    monkeypatch.setenv("SINERGI_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.delenv("SINERGI_DATABASE_URL", raising=False)
    url = storage.database_url()
    assert url == f"sqlite:///{tmp_path / 'd' / 'sinergi.db'}"
    monkeypatch.setenv("SINERGI_DATABASE_URL", "postgresql+psycopg://u:secret@h/db")
    assert "secret" not in storage.safe_url(storage.database_url())


def test_hand_entered_records_are_validated():
    from geo.text.messages import UserError

    with pytest.raises(UserError) as exc:
        write.validated_agreement(_agreement(parties=[Party("32.73")]))
    assert exc.value.key == "parties.few"
    with pytest.raises(UserError) as exc:
        write.validated_agreement(_agreement(parties=[Party("32.73.01"), Party("32.04")]))
    assert exc.value.key == "region.level"
    with pytest.raises(UserError):
        write.validated_agreement(_agreement(doc_number=" "))
    assert write.validated_agreement(_agreement()).doc_number == "119/KB/2024"


def test_visit_from_form_uses_the_regions_time_zone():
    from geo.records import forms

    v = write.validated_visit(forms.visit_from_form(
        ref="", official="Wakil Menteri Perdagangan", region_code="73.71", place="Pelabuhan", day=dt.date(2024, 9, 2),
        time_text="13.00 - 15.00", agenda="Tinjauan", people="Wali Kota", sectors=["perdagangan"]))
    assert v.time_zone == "WITA" and v.ministry == "Kementerian Perdagangan"
    assert v.start_at.utcoffset() == dt.timedelta(hours=8)
    assert v.ref == "Wakil Menteri Perdagangan 2024-09-02"


def test_remove_simulated_sample(engine):
    from geo.records import sample

    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(simulated=True), Principal("sampel", "editor"))
        write.save_agreement(s, _agreement(doc_number="1/PKS/2025", type="PKS"), ANI)
    assert not sample.is_simulated(engine)  # real data is there too
    assert sample.remove_simulated(engine, Principal("admin", "admin")) == 1
    counts = sample.simulated_counts(engine)
    assert counts["simulated_agreements"] == 0 and counts["real_agreements"] == 1


def test_progress_readings_are_recorded_and_audited(engine):
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(), ANI)
    with storage.transaction(engine) as s:
        write.record_progress(s, "119/KB/2024", "Wisatawan difasilitasi", dt.date(2024, 12, 31), 120.0, BUDI,
                                unit="orang", target=500.0)
        write.record_progress(s, "119/KB/2024", "Wisatawan difasilitasi", dt.date(2025, 3, 31), 260.0, BUDI)
    with storage.transaction(engine) as s:
        data = write.agreement_data(write.load_agreement(s, "119/KB/2024"))
        assert data.indicators[0].target == 500.0
        assert data.indicators[0].readings == (write.Reading(dt.date(2024, 12, 31), 120.0, "", "budi"),
                                               write.Reading(dt.date(2025, 3, 31), 260.0, "", "budi"))
        assert [e.actor for e in write.audit_trail(s, "agreement", "119/KB/2024")] == ["ani", "budi", "budi"]


def test_data_version_changes_with_every_write(engine):
    v0 = storage.data_version(engine)
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(), ANI)
    v1 = storage.data_version(engine)
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(), ANI)  # unchanged: no new version
    assert storage.data_version(engine) == v1 != v0
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(title="baru"), ANI)
    assert storage.data_version(engine) != v1


def test_editing_only_obstacles_still_detects_a_conflict(engine):
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(), ANI)
    with storage.transaction(engine) as s:
        version = write.load_agreement(s, "119/KB/2024").version
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(obstacles=[("regulasi", "x")]), ANI, expected_version=version)
    with pytest.raises(EditConflict):
        with storage.transaction(engine) as s:
            write.save_agreement(s, _agreement(obstacles=[("komitmen", "y")]), BUDI, expected_version=version)
    with storage.transaction(engine) as s:
        assert [o.kind for o in write.load_agreement(s, "119/KB/2024").obstacles] == ["regulasi"]
