"""The record rules the engine keeps for every caller: a record entered as new never overwrites one with the
same key, and the database refusing a write reaches the user as a message, not a traceback (SQLite and, when
configured, PostgreSQL)."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from geo.db import storage
from geo.db.models import Agreement, AuditEntry
from geo.records import write
from geo.records.write import AgreementData, Party, StopData, VisitData
from geo.text.messages import UserError
from tests.conftest import Principal

ANI, BUDI = Principal("ani", "editor"), Principal("budi", "editor")
WIB = dt.timezone(dt.timedelta(hours=7))


def _agreement(**kw) -> AgreementData:
    base = dict(doc_number="119/KB/2024", title="Kerja sama pariwisata", type="KB", status="berjalan",
                parties=[Party("32.73"), Party("32.04")], sectors=["pariwisata"], signed_on=dt.date(2024, 3, 1))
    base.update(kw)
    return AgreementData(**base)


def _visit(**kw) -> VisitData:
    base = dict(ref="KUNKER-2024-001", official_role="Wakil Menteri Dalam Negeri",
                ministry="Kementerian Dalam Negeri", start_at=dt.datetime(2024, 8, 20, 9, tzinfo=WIB),
                time_zone="WIB", stops=[StopData("32.73", "Balai Kota")])
    base.update(kw)
    return VisitData(**base)


def test_adding_an_agreement_whose_document_number_exists_is_refused_and_the_stored_one_stays(engine):
    with storage.transaction(engine) as s:
        assert write.save_agreement(s, _agreement(), ANI, new=True) == "add"
    with pytest.raises(UserError) as exc:
        with storage.transaction(engine) as s:
            write.save_agreement(s, _agreement(title="Judul lain"), BUDI, new=True)
    assert exc.value.key == "row.duplicate"
    assert exc.value.text("id") == "baris ganda dengan kunci '119/KB/2024' (baris -)"
    assert exc.value.text("en") == "duplicate row for key '119/KB/2024' (row -)"
    with storage.transaction(engine) as s:
        assert write.load_agreement(s, "119/KB/2024").title == "Kerja sama pariwisata"
        assert [e.actor for e in write.audit_trail(s, "agreement", "119/KB/2024")] == ["ani"]


def test_adding_a_visit_whose_code_exists_is_refused_and_the_stored_one_stays(engine):
    with storage.transaction(engine) as s:
        assert write.save_visit(s, _visit(), ANI, new=True) == "add"
    with pytest.raises(UserError) as exc:
        with storage.transaction(engine) as s:
            write.save_visit(s, _visit(agenda="Agenda lain"), BUDI, new=True)
    assert exc.value.key == "row.duplicate" and exc.value.params["record"] == "KUNKER-2024-001"
    with storage.transaction(engine) as s:
        assert write.load_visit(s, "KUNKER-2024-001").agenda == ""


def test_saving_an_existing_record_without_new_still_updates_it(engine):
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(), ANI)
    with storage.transaction(engine) as s:
        assert write.save_agreement(s, _agreement(title="Judul baru"), BUDI) == "update"


def test_a_key_taken_between_the_check_and_the_insert_is_a_user_error_in_both_languages(engine, monkeypatch):
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(), ANI)
    monkeypatch.setattr(write, "load_agreement", lambda session, doc: None)  # the check ran before the other commit
    with pytest.raises(UserError) as exc:
        with storage.transaction(engine) as s:
            write.save_agreement(s, _agreement(title="Judul lain"), BUDI, new=True)
    assert exc.value.key == "record.refused"
    assert "'119/KB/2024'" in exc.value.text("id") and "tidak ada yang berubah" in exc.value.text("id")
    assert "'119/KB/2024'" in exc.value.text("en") and "nothing changed" in exc.value.text("en")
    monkeypatch.undo()
    with storage.transaction(engine) as s:
        assert write.load_agreement(s, "119/KB/2024").title == "Kerja sama pariwisata"
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 1


def test_a_visit_code_taken_between_the_check_and_the_insert_is_a_user_error(engine, monkeypatch):
    with storage.transaction(engine) as s:
        write.save_visit(s, _visit(), ANI)
    monkeypatch.setattr(write, "load_visit", lambda session, ref: None)
    with pytest.raises(UserError) as exc:
        with storage.transaction(engine) as s:
            write.save_visit(s, _visit(agenda="Agenda lain"), BUDI, new=True)
    assert exc.value.key == "record.refused" and exc.value.params["record"] == "KUNKER-2024-001"


def test_a_batch_refused_at_its_commit_is_the_callers_message_and_saves_nothing(engine):
    with storage.transaction(engine) as s:
        write.save_agreement(s, _agreement(), ANI)
    with pytest.raises(UserError) as exc:
        with write.refused_as("import.concurrent"):
            with storage.transaction(engine) as s:  # the importer's plan said "add", but someone added it meanwhile
                write.save_agreement(s, _agreement(doc_number="120/PKS/2024", type="PKS"), BUDI, assume_new=True)
                write.save_agreement(s, _agreement(title="Judul lain"), BUDI, assume_new=True)
    assert exc.value.key == "import.concurrent"
    assert exc.value.text("id").startswith("Impor bertabrakan dengan perubahan lain")
    assert exc.value.text("en").startswith("The import collided with another change")
    with storage.transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(Agreement)) == 1


def test_refused_as_lets_other_errors_through():
    with pytest.raises(KeyError):
        with write.refused_as("import.concurrent"):
            raise KeyError("not the database")
