"""The audit trail in words (``geo.records.audit_text``): sentences in both languages, times in WIB, labels and
region names instead of keys and codes, long changes cut, and the trail of a real edit read back from the database."""

import datetime as dt
import json

from geo.db import storage
from geo.records import audit_text, forms, read, write
from geo.records.write import AgreementData, Party
from tests.conftest import Principal

UTC = dt.timezone.utc


def _entry(action="update", changes=None, at=dt.datetime(2026, 11, 30, 3, 0, tzinfo=UTC), key="KB/001/2024",
           record_type="agreement", actor="budi"):
    return {"at": at, "actor": actor, "action": action, "record_type": record_type, "record_key": key,
            "changes": changes or {}}


def test_an_entry_at_three_utc_reads_ten_o_clock_wib_on_the_same_monday():
    at = dt.datetime(2026, 11, 30, 3, 0, tzinfo=UTC)
    assert audit_text.when_text(at, "id") == "Senin, 30/11/2026 10.00 WIB"
    assert audit_text.when_text(at, "en") == "Monday, 30/11/2026 10:00 WIB"


def test_an_entry_stored_without_a_zone_is_utc_and_late_evening_utc_is_the_next_day_in_wib():
    assert audit_text.when_text(dt.datetime(2026, 11, 29, 18, 30), "id") == "Senin, 30/11/2026 01.30 WIB"


def test_a_status_change_reads_with_the_status_labels_in_both_languages():
    entry = _entry(changes={"status": ["berjalan", "terhambat"]})
    assert audit_text.sentence(entry, "id") == \
        "budi mengubah status kerja sama KB/001/2024 dari Berjalan menjadi Terhambat"
    assert audit_text.sentence(entry, "en") == \
        "budi changed the status of agreement KB/001/2024 from Running to Stalled"


def test_a_party_change_reads_with_region_names_and_the_partner_in_both_languages():
    old = [{"region_code": "32.73", "partner_name": None}, {"region_code": "32.04", "partner_name": None}]
    new = [{"region_code": "32.73", "partner_name": None}, {"region_code": None, "partner_name": "PT KAI"}]
    entry = _entry(changes={"parties": [old, new]})
    assert audit_text.sentence(entry, "id") == ("budi mengubah para pihak kerja sama KB/001/2024 dari Kota Bandung, "
                                                "Kabupaten Bandung menjadi Kota Bandung, PT KAI")
    assert audit_text.sentence(entry, "en") == ("budi changed the parties of agreement KB/001/2024 from Kota Bandung, "
                                                "Kabupaten Bandung to Kota Bandung, PT KAI")


def test_changed_fields_come_status_first_then_dates_and_an_empty_value_is_named_empty():
    entry = _entry(changes={"end_on": [None, "2026-06-30"], "status": ["usulan", "ditandatangani"],
                            "value_idr": [1_500_000_000, 2_000_000_000]})
    assert audit_text.sentence(entry, "id") == (
        "budi mengubah status kerja sama KB/001/2024 dari Usulan menjadi Ditandatangani; tanggal selesai dari "
        "(kosong) menjadi 30/06/2026; nilai dari Rp 1,5 miliar menjadi Rp 2 miliar")


def test_more_than_four_changed_fields_end_with_the_number_of_the_others():
    changes = {f: ["a", "b"] for f in ("title", "notes", "visit_ref", "doc_number", "agenda", "ministry")}
    text = audit_text.sentence(_entry(changes=changes), "en")
    assert text.endswith("; and 2 other changes") and text.count(" from ") == 4


def test_a_long_text_is_cut_and_a_long_list_names_how_many_more():
    long_title = "Kerja sama " + "pariwisata " * 30
    text = audit_text.sentence(_entry(changes={"title": ["Judul lama", long_title]}), "id")
    quoted = text.split(" menjadi ")[1]
    assert quoted.endswith("…”") and len(quoted) == audit_text.MAX_CHARS + 2
    sectors = ["pendidikan", "kesehatan", "pariwisata", "perdagangan", "pertanian", "energi", "industri"]
    text = audit_text.sentence(_entry(changes={"sectors": [[], sectors]}), "en")
    assert text.endswith("to Education, Health, Tourism, Trade, Agriculture and 2 more")


def test_an_unknown_vocabulary_key_and_an_unknown_field_are_shown_as_stored():
    text = audit_text.sentence(_entry(changes={"status": ["berjalan", "dibekukan"], "colour": ["red", "blue"]}), "id")
    assert text == ("budi mengubah status kerja sama KB/001/2024 dari Berjalan menjadi dibekukan; colour dari "
                    "“red” menjadi “blue”")


def test_a_create_and_a_delete_are_summarised_in_one_line():
    changes = {"title": [None, "Kerja sama pariwisata"], "status": [None, "berjalan"],
               "parties": [None, [{"region_code": "32.73", "partner_name": None},
                                  {"region_code": None, "partner_name": "Universitas Padjadjaran"}]],
               "notes": [None, "panjang " * 50]}
    assert audit_text.sentence(_entry("create", changes), "id") == (
        "budi menambahkan kerja sama KB/001/2024 (“Kerja sama pariwisata”; Berjalan; Kota Bandung, "
        "Universitas Padjadjaran)")
    deleted = {k: [v[1], None] for k, v in changes.items()}
    assert audit_text.sentence(_entry("delete", deleted), "en") == (
        "budi deleted agreement KB/001/2024 (“Kerja sama pariwisata”; Running; Kota Bandung, "
        "Universitas Padjadjaran)")


def test_a_visit_time_change_reads_in_wib_and_the_sample_replacement_reads_generically():
    entry = _entry(record_type="visit", key="KUNKER-1",
                   changes={"start_at": ["2024-08-20T02:00:00+00:00", "2024-08-21T02:00:00+00:00"]})
    assert audit_text.sentence(entry, "id") == \
        "budi mengubah waktu mulai kunjungan KUNKER-1 dari 20/08/2024 09.00 WIB menjadi 21/08/2024 09.00 WIB"
    assert audit_text.sentence(_entry("replace", record_type="dataset", key="sample"), "en") == \
        "budi replaced data set sample"


def test_a_saved_edit_reads_back_as_a_sentence_newest_first_with_the_raw_fields_beside_it(sqlite_engine):
    ani, budi = Principal("ani", "editor"), Principal("budi", "editor")
    data = AgreementData(doc_number="KB/001/2024", title="Kerja sama pariwisata", type="KB", status="berjalan",
                         parties=[Party("32.73"), Party("32.04")], end_on=dt.date(2025, 12, 31))
    with storage.transaction(sqlite_engine) as s:
        write.save_agreement(s, data, ani, new=True)
    with storage.transaction(sqlite_engine) as s:
        a = write.load_agreement(s, "KB/001/2024")
        edited = forms.edited_agreement(write.agreement_data(a), region_codes=["32.73", "32.04"], partners="",
                                        status="terhambat", end_on=dt.date(2026, 6, 30))
        write.save_agreement(s, edited, budi, expected_version=a.version)
    trail = audit_text.trail_frame(read.audit_frame(sqlite_engine, "agreement", "KB/001/2024"), "id")
    assert list(trail.columns) == audit_text.TRAIL_COLUMNS
    assert trail["sentence"].iloc[0] == ("budi mengubah status kerja sama KB/001/2024 dari Berjalan menjadi "
                                         "Terhambat; tanggal selesai dari 31/12/2025 menjadi 30/06/2026")
    assert trail["sentence"].iloc[1].startswith("ani menambahkan kerja sama KB/001/2024")
    assert json.loads(trail["changes"].iloc[0])["end_on"] == ["2025-12-31", "2026-06-30"]
    assert trail["when"].iloc[0].endswith(" WIB") and trail["at_utc"].iloc[0].endswith("+00:00")
