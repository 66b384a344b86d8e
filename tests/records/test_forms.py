"""The edit forms' rules (``geo.records.forms``): an agreement's parties and dates, a visit's times and stops,
saved through ``geo.records.write`` (audit trail, optimistic locking), refused with the engine's messages."""

import datetime as dt

import pytest

from geo.db import storage
from geo.records import forms, read, write
from geo.records.write import AgreementData, EditConflict, Party, StopData, VisitData
from geo.text.messages import UserError
from tests.conftest import Principal

ANI, BUDI = Principal("ani", "editor"), Principal("budi", "editor")
WIB = dt.timezone(dt.timedelta(hours=7))
WITA = dt.timezone(dt.timedelta(hours=8))


def _store(eng) -> None:
    data = AgreementData(doc_number="KB/001/2024", title="Kerja sama pariwisata", type="KB", status="berjalan",
                         parties=[Party("32.73"), Party(partner_name="Universitas Padjadjaran"), Party("32.04")],
                         sectors=["pariwisata"], signed_on=dt.date(2024, 3, 1), start_on=dt.date(2024, 3, 1),
                         end_on=dt.date(2025, 12, 31))
    with storage.transaction(eng) as s:
        write.save_agreement(s, data, ANI, new=True)


def _loaded(eng) -> tuple[AgreementData, int]:
    with storage.transaction(eng) as s:
        a = write.load_agreement(s, "KB/001/2024")
        return write.agreement_data(a), a.version


def _save(eng, data, version, actor=BUDI) -> str:
    with storage.transaction(eng) as s:
        return write.save_agreement(s, data, actor, expected_version=version)


def test_an_edit_changing_a_party_and_the_end_date_is_saved_audited_and_shown_in_the_read_frame(engine):
    _store(engine)
    current, version = _loaded(engine)
    edited = forms.edited_agreement(current, region_codes=["32.73", "32.77"], partners="Universitas Padjadjaran",
                                    end_on=dt.date(2026, 6, 30))
    assert _save(engine, edited, version) == "update"
    row = read.agreements_frame(engine).set_index("doc_number").loc["KB/001/2024"]
    assert row["region_codes"] == ["32.73", "32.77"]
    assert row["parties"] == ["Kota Bandung", "Universitas Padjadjaran", "Kota Cimahi"]
    assert row["end_on"] == dt.date(2026, 6, 30) and row["version"] == version + 1
    with storage.transaction(engine) as s:
        changes = write.audit_trail(s, "agreement", "KB/001/2024")[-1].changes
    assert changes["end_on"] == ["2025-12-31", "2026-06-30"]
    assert [p["region_code"] for p in changes["parties"][0]] == ["32.73", None, "32.04"]
    assert [p["region_code"] for p in changes["parties"][1]] == ["32.73", None, "32.77"]


def test_saving_the_form_untouched_changes_nothing_even_when_a_partner_sits_between_regions(sqlite_engine):
    _store(sqlite_engine)
    current, version = _loaded(sqlite_engine)
    same = forms.edited_agreement(current, region_codes=["32.04", "32.73"],
                                  partners=forms.partners_text(current.parties))
    assert _save(sqlite_engine, same, version) == "unchanged"


def test_one_party_only_is_refused_with_the_two_party_message_and_nothing_changes(sqlite_engine):
    _store(sqlite_engine)
    current, version = _loaded(sqlite_engine)
    with pytest.raises(UserError) as exc:
        forms.edited_agreement(current, region_codes=["32.73"], partners="")
    assert exc.value.key == "parties.few"
    assert exc.value.text("id") == "perjanjian butuh sedikitnya dua pihak, satu di antaranya daerah"
    assert exc.value.text("en") == "an agreement needs at least two parties, one of them a region"
    assert _loaded(sqlite_engine) == (current, version)


def test_two_partners_without_a_region_are_refused():
    current = AgreementData(doc_number="X", title="T", type="KB", status="usulan",
                            parties=[Party("32.73"), Party(partner_name="PT A")])
    with pytest.raises(UserError) as exc:
        forms.edited_agreement(current, region_codes=[], partners="PT A; PT B")
    assert exc.value.key == "parties.few"


def test_an_end_date_before_the_start_date_is_refused_with_the_date_message(sqlite_engine):
    _store(sqlite_engine)
    current, version = _loaded(sqlite_engine)
    with pytest.raises(UserError) as exc:
        forms.edited_agreement(current, region_codes=["32.73", "32.04"], partners="",
                               start_on=dt.date(2024, 5, 1), end_on=dt.date(2024, 4, 30))
    assert exc.value.text("id") == "tanggal berakhir sebelum tanggal mulai"
    assert _loaded(sqlite_engine) == (current, version)


def test_a_village_is_refused_as_a_party():
    current = AgreementData(doc_number="X", title="T", type="KB", status="usulan",
                            parties=[Party("32.73"), Party("32.04")])
    with pytest.raises(UserError) as exc:
        forms.edited_agreement(current, region_codes=["32.73", "32.73.01.1001"], partners="")
    assert exc.value.key == "region.level"


def test_a_form_saved_after_someone_else_saved_is_the_conflict_message(sqlite_engine):
    _store(sqlite_engine)
    current, version = _loaded(sqlite_engine)
    _save(sqlite_engine, forms.edited_agreement(current, region_codes=["32.73", "32.04"], partners="",
                                                title="Versi Ani"), version, ANI)
    late = forms.edited_agreement(current, region_codes=["32.73", "32.77"], partners="")
    with pytest.raises(EditConflict) as exc:
        _save(sqlite_engine, late, version)
    assert "pengguna lain" in exc.value.text("id")
    assert _loaded(sqlite_engine)[0].title == "Versi Ani"


# ---------------------------------------------------------------- visits

def _visit() -> VisitData:
    return VisitData(ref="KUNKER-1", official_role="Wakil Menteri Dalam Negeri", ministry="Kementerian Dalam Negeri",
                     start_at=dt.datetime(2024, 8, 20, 9, tzinfo=WIB), end_at=dt.datetime(2024, 8, 20, 15, tzinfo=WIB),
                     time_zone="WIB", stops=[
                         StopData("32.73", "Balai Kota", start_at=dt.datetime(2024, 8, 20, 9, tzinfo=WIB),
                                  end_at=dt.datetime(2024, 8, 20, 11, tzinfo=WIB)),
                         StopData("32.04", "Soreang", start_at=dt.datetime(2024, 8, 20, 13, tzinfo=WIB),
                                  end_at=dt.datetime(2024, 8, 20, 15, tzinfo=WIB))])


def test_moving_a_visit_a_day_later_moves_its_stops_and_a_replaced_stop_region_is_saved(sqlite_engine):
    with storage.transaction(sqlite_engine) as s:
        write.save_visit(s, _visit(), ANI)
        loaded = write.load_visit(s, "KUNKER-1")
        current, version = write.visit_data(loaded), loaded.version
    edited = forms.edited_visit(current, start_day=dt.date(2024, 8, 21), start_time=dt.time(9),
                                end_day=dt.date(2024, 8, 21), end_time=dt.time(16), time_zone="WIB",
                                stops=[("32.73", "Balai Kota"), ("32.77", "Pemkot Cimahi"), ("", "")])
    assert [(s.start_at, s.end_at) for s in edited.stops] == [
        (dt.datetime(2024, 8, 21, 9, tzinfo=WIB), dt.datetime(2024, 8, 21, 11, tzinfo=WIB)),
        (dt.datetime(2024, 8, 21, 13, tzinfo=WIB), dt.datetime(2024, 8, 21, 16, tzinfo=WIB))]
    with storage.transaction(sqlite_engine) as s:
        assert write.save_visit(s, edited, BUDI, expected_version=version) == "update"
    row = read.visits_frame(sqlite_engine).set_index("ref").loc["KUNKER-1"]
    assert row["region_codes"] == ["32.73", "32.77"]
    assert row["local_start"] == dt.datetime(2024, 8, 21, 9)
    with storage.transaction(sqlite_engine) as s:
        changes = write.audit_trail(s, "visit", "KUNKER-1")[-1].changes
    assert changes["start_at"] == ["2024-08-20T02:00:00+00:00", "2024-08-21T02:00:00+00:00"]


def test_a_visit_in_wita_is_read_as_wita_wall_clock_time():
    edited = forms.edited_visit(_visit(), start_day=dt.date(2024, 8, 20), start_time=dt.time(9), end_day=None,
                                end_time=None, time_zone="WITA", stops=[("73.71", "Makassar")])
    assert edited.start_at == dt.datetime(2024, 8, 20, 9, tzinfo=WITA) and edited.end_at is None
    assert [s.region_code for s in edited.stops] == ["73.71"]


def test_a_visit_ending_before_it_starts_is_refused_quoting_both_times():
    with pytest.raises(UserError) as exc:
        forms.edited_visit(_visit(), start_day=dt.date(2024, 8, 20), start_time=dt.time(9),
                           end_day=dt.date(2024, 8, 19), end_time=dt.time(15), time_zone="WIB",
                           stops=[("32.73", "")])
    assert exc.value.key == "time.order"
    assert exc.value.text("id") == "waktu selesai sebelum waktu mulai: '20/08/2024 09.00 – 19/08/2024 15.00 WIB'"


def test_an_end_date_without_an_end_time_is_refused():
    with pytest.raises(UserError) as exc:
        forms.edited_visit(_visit(), start_day=dt.date(2024, 8, 20), start_time=dt.time(9),
                           end_day=dt.date(2024, 8, 20), end_time=None, time_zone="WIB", stops=[("32.73", "")])
    assert exc.value.text("en") == "selesai is required"


def test_removing_every_stop_is_refused():
    with pytest.raises(UserError) as exc:
        forms.edited_visit(_visit(), start_day=dt.date(2024, 8, 20), start_time=dt.time(9), end_day=None,
                           end_time=None, time_zone="WIB", stops=[("", ""), ("", "")])
    assert exc.value.key == "field.required"
