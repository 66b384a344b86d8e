"""The Data page (Streamlit AppTest) adds records through the engine's rules: a second record with the same key
is refused with the engine's message, in the page's language, and the first one stays as it was."""

from streamlit.testing.v1 import AppTest

from geo.db import storage
from geo.records import write
from tests.conftest import ROOT, app_session


def _data_page(lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app_pages" / "records.py"), default_timeout=300)
    for k, v in app_session("ani").items():
        at.session_state[k] = v
    at.session_state["lang"] = lang
    return at.run()


def _add_visit(at: AppTest, ref: str, official: str, add_label: str) -> AppTest:
    inputs = {ti.label: ti for ti in at.text_input}
    inputs[next(label for label in inputs if label.startswith(("Kode kunjungan", "Visit ref")))].set_value(ref)
    inputs[next(label for label in inputs if label.startswith(("Pejabat", "Official")))].set_value(official)
    [b for b in at.button if b.label == add_label][0].click()
    return at.run()


def test_adding_a_visit_twice_is_refused_the_second_time(own_app_database):
    # Indonesian only: AppTest formats a form's select boxes outside the script run, where the page's language
    # is the default; the English text of the message is tested in tests/ui/test_feedback.py.
    at = _add_visit(_data_page("id"), "UJI-GANDA-1", "Wakil Menteri Dalam Negeri", "Tambah kunjungan")
    assert not at.exception and not at.error
    assert [s.value for s in at.success] == ["Tersimpan."]
    at = _add_visit(at, "UJI-GANDA-1", "Wakil Menteri Keuangan", "Tambah kunjungan")
    assert not at.exception and not at.success
    assert [e.value.replace("\\", "") for e in at.error] == ["baris ganda dengan kunci 'UJI-GANDA-1' (baris -)"]
    with storage.transaction(own_app_database) as s:
        assert write.load_visit(s, "UJI-GANDA-1").official_role == "Wakil Menteri Dalam Negeri"


AGREEMENTS_CSV = ("nomor dokumen;judul;pihak;tanggal tanda tangan\n"
                  '9/KB/2025;Kerja sama air bersih;"Kota Bandung; Kabupaten Bandung";Selasa, 4 Maret 2025\n'
                  '10/KB/2025;Kerja sama sampah;"Kota Cimahi; Kabupaten Bandung Barat";Senin 05/03/2025\n').encode()


def _upload(at: AppTest, content: bytes, name: str) -> AppTest:
    at.file_uploader(key="upload-agreements").set_value((name, content, "text/csv"))
    return at.run()


def test_a_saved_import_says_so_and_offers_no_second_save_until_another_file_comes(own_app_database):
    at = _upload(_data_page("id"), AGREEMENTS_CSV, "kerja_sama.csv")
    assert not at.exception and not at.error
    [commit] = [b for b in at.button if b.key == "commit"]
    assert commit.label == "Simpan 2 baris yang diterima"
    [preview] = [d.value for d in at.dataframe if "Dibaca sebagai" in d.value.columns]
    assert "Tanggal tanda tangan: Selasa, 4 Maret 2025 → 04/03/2025" in preview["Dibaca sebagai"].iloc[0]
    # 5 March 2025 was a Wednesday: the row comes in, with a warning to look at
    assert "1 baris diterima dengan peringatan: periksa kolom Peringatan sebelum menyimpan" in [
        w.value for w in at.warning]
    assert "'Senin'" in preview["Peringatan"].iloc[1] and "Rabu" in preview["Peringatan"].iloc[1]
    commit.click()
    at = at.run()
    assert not at.exception and not at.error
    assert [s.value for s in at.success] == ["Impor selesai: 2 ditambah, 0 diperbarui, 0 tidak berubah, 0 ditolak"]
    assert "Berkas ini sudah disimpan (2 baris). Unggah berkas lain untuk impor berikutnya." in [
        i.value for i in at.info]
    assert not [b for b in at.button if b.key == "commit"]
    at = at.run()  # a rerun of the same file: still no save button, still nothing saved twice
    assert not [b for b in at.button if b.key == "commit"] and at.success
    with storage.transaction(own_app_database) as s:
        assert write.load_agreement(s, "9/KB/2025").title == "Kerja sama air bersih"
    changed = AGREEMENTS_CSV.replace(b"Kerja sama sampah", b"Kerja sama sampah terpadu")
    at = _upload(at, changed, "kerja_sama.csv")  # another file (same name, other bytes): previewed afresh
    assert not at.exception and not at.success
    [commit] = [b for b in at.button if b.key == "commit"]
    assert commit.label == "Simpan 1 baris yang diterima"  # one row changed, one unchanged


def _column_formats(element) -> dict:
    import json

    config = json.loads(element.proto.columns or "{}")
    return {name: (c.get("type_config") or {}).get("format") for name, c in config.items()
            if (c.get("type_config") or {}).get("type") in ("date", "datetime")}


def test_agreement_and_visit_tables_show_dates_as_dd_mm_yyyy_and_times_with_a_dot(app_database):
    at = _data_page("id")
    assert not at.exception
    formats = [_column_formats(d) for d in at.dataframe]
    assert {"Tanggal TTD": "DD/MM/YYYY"} in formats
    assert {"Mulai": "DD/MM/YYYY HH.mm"} in formats
