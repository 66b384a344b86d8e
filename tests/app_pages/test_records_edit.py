"""The Data page's edit forms and change history (Streamlit AppTest, Indonesian: AppTest formats a form's select
boxes outside the script run, where the language is the default): parties and dates are edited through the
engine's rules, refusals keep the stored record, a change someone else saved first is the conflict message, and the
history reads as escaped sentences, not JSON."""

import datetime as dt
import re

from streamlit.testing.v1 import AppTest

from geo.db import storage
from geo.records import write
from geo.records.write import AgreementData, Party, StopData, VisitData
from tests.conftest import EDITOR, ROOT, app_session

DOC = "KB/001/2024"
WIB = dt.timezone(dt.timedelta(hours=7))


def _store(eng, title="Kerja sama pariwisata") -> None:
    data = AgreementData(doc_number=DOC, title=title, type="KB", status="berjalan",
                         parties=[Party("32.73"), Party("32.04")], signed_on=dt.date(2024, 3, 1),
                         start_on=dt.date(2024, 3, 1), end_on=dt.date(2025, 12, 31))
    with storage.transaction(eng) as s:
        write.save_agreement(s, data, EDITOR, new=True)


def _stored(eng) -> tuple[list[str | None], dt.date | None, int]:
    with storage.transaction(eng) as s:
        a = write.load_agreement(s, DOC)
        return [p.region_code for p in a.parties], a.end_on, a.version


def _editing(doc: str = DOC) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app_pages" / "records.py"), default_timeout=300)
    for k, v in app_session("ani").items():
        at.session_state[k] = v
    at.session_state["lang"] = "id"
    at.run()
    at.selectbox(key="edit_doc").set_value(doc)
    return at.run()


def _save(at: AppTest) -> AppTest:
    [b for b in at.button if b.label == "Simpan perubahan"][0].click()
    return at.run()


def _plain(markdown: str) -> str:
    return markdown.replace("\\", "")


def test_an_edit_of_a_party_and_the_end_date_is_saved_and_the_history_reads_it_as_a_sentence(own_app_database):
    _store(own_app_database)
    at = _editing()
    at.multiselect(key=f"e-agreement-{DOC}-0-parties").set_value(["32.73", "32.77"])
    at.date_input(key=f"e-agreement-{DOC}-0-end").set_value(dt.date(2026, 6, 30))
    at = _save(at)
    assert not at.exception and not at.error
    assert [s.value for s in at.success] == ["Tersimpan."]
    assert _stored(own_app_database) == (["32.73", "32.77"], dt.date(2026, 6, 30), 2)
    at.run()  # the history below the form and in its own tab now hold the change
    texts = [_plain(m.value) for m in at.markdown]
    expected = ("ani mengubah para pihak kerja sama KB/001/2024 dari Kota Bandung, Kabupaten Bandung menjadi "
                "Kota Bandung, Kota Cimahi; tanggal selesai dari 31/12/2025 menjadi 30/06/2026")
    assert sum(expected in text for text in texts) == 2
    assert not any('"region_code"' in text or "'region_code'" in text or "{" in text for text in texts)


def test_one_party_only_is_refused_with_the_two_party_message_and_nothing_changes(own_app_database):
    _store(own_app_database)
    at = _editing()
    at.multiselect(key=f"e-agreement-{DOC}-0-parties").set_value(["32.73"])
    at = _save(at)
    assert not at.exception and not at.success
    assert [_plain(e.value) for e in at.error] == ["perjanjian butuh sedikitnya dua pihak, satu di antaranya daerah"]
    assert _stored(own_app_database) == (["32.73", "32.04"], dt.date(2025, 12, 31), 1)


def test_an_end_date_before_the_start_date_is_refused_and_nothing_changes(own_app_database):
    _store(own_app_database)
    at = _editing()
    at.date_input(key=f"e-agreement-{DOC}-0-end").set_value(dt.date(2024, 2, 1))
    at = _save(at)
    assert [_plain(e.value) for e in at.error] == ["tanggal berakhir sebelum tanggal mulai"]
    assert _stored(own_app_database) == (["32.73", "32.04"], dt.date(2025, 12, 31), 1)


def test_saving_after_someone_else_saved_the_record_is_the_conflict_message_and_keeps_their_change(own_app_database):
    _store(own_app_database)
    at = _editing()
    with storage.transaction(own_app_database) as s:  # budi saves while ani has the form open
        a = write.load_agreement(s, DOC)
        write.save_agreement(s, AgreementData(**{**write.agreement_data(a).__dict__, "end_on": dt.date(2027, 1, 1),
                                                 "status_history": None}), EDITOR, expected_version=a.version)
    at.multiselect(key=f"e-agreement-{DOC}-0-parties").set_value(["32.73", "32.77"])
    at = _save(at)
    assert [_plain(e.value) for e in at.error] == [
        "data ini telah diubah oleh pengguna lain; muat ulang lalu ulangi perubahan Anda"]
    assert _stored(own_app_database) == (["32.73", "32.04"], dt.date(2027, 1, 1), 2)
    at.run()  # the form now shows the stored record as it is now
    assert at.date_input(key=f"e-agreement-{DOC}-1-end").value == dt.date(2027, 1, 1)
    assert at.multiselect(key=f"e-agreement-{DOC}-1-parties").value == ["32.73", "32.04"]


def test_html_in_a_title_shows_escaped_in_the_history_tab(own_app_database):
    _store(own_app_database, title='<img src=x onerror="alert(1)"> **tebal**')
    at = _editing()
    texts = [m.value for m in at.markdown if "menambahkan" in m.value]
    assert texts and all(re.search(r"(?<!\\)<img", text) is None for text in texts)
    assert all("\\<img" in text and "\\*\\*tebal\\*\\*" in text for text in texts)


def test_a_visit_moved_a_day_with_a_stop_region_replaced_is_saved(own_app_database):
    visit = VisitData(ref="KUNKER-1", official_role="Wakil Menteri Dalam Negeri", ministry="Kementerian Dalam Negeri",
                      start_at=dt.datetime(2024, 8, 20, 9, tzinfo=WIB), end_at=dt.datetime(2024, 8, 20, 15, tzinfo=WIB),
                      time_zone="WIB", stops=[StopData("32.73", "Balai Kota")])
    with storage.transaction(own_app_database) as s:
        write.save_visit(s, visit, EDITOR)
    at = AppTest.from_file(str(ROOT / "app_pages" / "records.py"), default_timeout=300)
    for k, v in app_session("ani").items():
        at.session_state[k] = v
    at.run()
    at.selectbox(key="visit_pick").set_value("KUNKER-1")
    at.run()
    at.date_input(key="e-visit-KUNKER-1-0-start_day").set_value(dt.date(2024, 8, 21))
    at.date_input(key="e-visit-KUNKER-1-0-end_day").set_value(dt.date(2024, 8, 21))
    at.selectbox(key="e-visit-KUNKER-1-0-stop0").set_value("32.77")
    at.text_input(key="e-visit-KUNKER-1-0-place0").set_value("Pemkot Cimahi")
    [b for b in at.button if b.label == "Simpan perubahan"][-1].click()
    at.run()
    assert not at.exception and not at.error
    with storage.transaction(own_app_database) as s:
        saved = write.visit_data(write.load_visit(s, "KUNKER-1"))
    assert saved.start_at == dt.datetime(2024, 8, 21, 9, tzinfo=WIB)
    assert [(st.region_code, st.place_name) for st in saved.stops] == [("32.77", "Pemkot Cimahi")]


def test_the_history_tab_lists_every_record_newest_first_and_filters_by_record(own_app_database):
    _store(own_app_database)
    other = AgreementData(doc_number="PKS/002/2025", title="Kerja sama kesehatan", type="PKS", status="usulan",
                          parties=[Party("32.73"), Party(partner_name="RSUP Hasan Sadikin")])
    with storage.transaction(own_app_database) as s:
        write.save_agreement(s, other, EDITOR, new=True)
    at = AppTest.from_file(str(ROOT / "app_pages" / "records.py"), default_timeout=300)
    for k, v in app_session("ani").items():
        at.session_state[k] = v
    at.run()
    listed = [_plain(m.value) for m in at.markdown if "menambahkan" in m.value]
    assert len(listed) == 1
    lines = listed[0].split("\n")
    assert [("PKS/002/2025" in line, DOC in line) for line in lines] == [(True, False), (False, True)]
    at.selectbox(key="trail_pick").set_value(f"agreement:{DOC}")
    at.run()
    listed = [_plain(m.value) for m in at.markdown if "menambahkan" in m.value]
    assert len(listed) == 1 and "PKS/002/2025" not in listed[0] and DOC in listed[0]


def test_an_edit_after_the_same_editor_recorded_progress_is_saved_not_taken_for_a_conflict(own_app_database):
    _store(own_app_database)
    at = _editing()
    [ti for ti in at.text_input if ti.label == "Indikator"][0].set_value("Wisatawan")
    [ni for ni in at.number_input if ni.label == "Realisasi"][0].set_value(1200.0)
    [b for b in at.button if b.label == "Simpan perubahan"][1].click()
    at.run()
    assert not at.error and _stored(own_app_database)[2] == 2
    at.multiselect(key=f"e-agreement-{DOC}-0-parties").set_value(["32.73", "32.77"])
    at = _save(at)
    assert not at.error and [s.value for s in at.success] == ["Tersimpan."]
    assert _stored(own_app_database) == (["32.73", "32.77"], dt.date(2025, 12, 31), 3)


def test_the_history_tab_reads_in_english_when_the_page_is_in_english(own_app_database):
    _store(own_app_database)
    at = AppTest.from_file(str(ROOT / "app_pages" / "records.py"), default_timeout=300)
    for k, v in app_session("ani").items():
        at.session_state[k] = v
    at.session_state["lang"] = "en"
    at.run()
    listed = [_plain(m.value) for m in at.markdown if " added " in m.value]
    assert len(listed) == 1 and listed[0].endswith(
        "WIB** — ani added agreement KB/001/2024 (“Kerja sama pariwisata”; Running; Kota Bandung, "
        "Kabupaten Bandung)")
