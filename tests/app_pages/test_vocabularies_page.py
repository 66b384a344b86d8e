"""The Vocabularies page (Streamlit AppTest): for admins only; an admin sees the terms, adds one, and maps a label an
import kept as written onto a term for all its records; a refusal is shown in the page's language."""

from streamlit.testing.v1 import AppTest

from geo.db import storage
from geo.importer import changes, files
from geo.records import vocabularies, write
from tests.conftest import EDITOR, ROOT, app_session

PAGE = ROOT / "app_pages" / "vocabularies.py"


def _page(username: str | None, lang: str = "id") -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=300)
    for k, v in app_session(username).items():
        at.session_state[k] = v
    at.session_state["lang"] = lang
    return at.run()


def _terms(at: AppTest):
    return at.dataframe[-1].value


def test_the_vocabularies_page_is_for_admins_only(own_app_database):
    for who in (None, "vina", "ani"):
        at = _page(who)
        assert not at.exception
        assert any("hanya untuk admin" in w.value for w in at.warning) and len(at.dataframe) == 0


def test_an_admin_adds_a_term_and_maps_a_label_an_import_kept_for_all_its_records(own_app_database):
    csv = ("Nomor Dokumen;Judul;Jenis;Bidang;Pihak 1;Pihak 2\n"
           "1/PKS/UJI;Kerja sama satu;PKS;Hilirisasi Nikel;Kota Bandung;Kab. Bandung\n"
           "2/PKS/UJI;Kerja sama dua;PKS;hilirisasi nikel;Kota Bandung;Kab. Garut\n")
    plan = changes.plan_import(own_app_database, "agreements", files.read_table(csv.encode(), "k.csv"))
    changes.commit_import(own_app_database, plan, EDITOR)

    at = _page("kepala")
    assert not at.exception and at.title[0].value == "Kosakata"
    review = at.dataframe[0].value
    assert review.to_dict("records") == [{"Label tertulis": "Hilirisasi Nikel", "Kunci": "hilirisasi_nikel",
                                          "Jumlah data": 2}]
    terms = _terms(at).set_index("Kunci")
    assert terms.loc["ekonomi_kreatif", "Label (Indonesia)"] == "Ekonomi Kreatif"
    assert terms.loc["hilirisasi_nikel", "Keadaan"] == "perlu ditinjau"

    at.text_input(key="voc_new_id").set_value("Hilirisasi")
    at.text_input(key="voc_new_en").set_value("Downstreaming")
    [b for b in at.get("form_submit_button") if b.label == "Tambah istilah"][0].click().run()
    assert not at.exception and [s.value for s in at.success] == ["Tersimpan."]
    assert _terms(at).set_index("Kunci").loc["hilirisasi", "Label (Inggris)"] == "Downstreaming"

    at.selectbox(key="voc_review").set_value("hilirisasi_nikel")
    assert at.selectbox(key="voc_review_target").value is None and at.button(key="voc_map").disabled  # no guess
    at.selectbox(key="voc_review_target").set_value("hilirisasi").run()
    at.button(key="voc_map").click().run()
    assert not at.exception and [s.value for s in at.success] == ["Tersimpan; 2 data diubah."]
    assert any("Tidak ada label yang perlu ditinjau" in c.value for c in at.caption)
    with storage.transaction(own_app_database) as s:
        assert write.load_agreement(s, "1/PKS/UJI").sectors == ["hilirisasi"]
        assert write.load_agreement(s, "2/PKS/UJI").sectors == ["hilirisasi"]
    assert vocabularies.current(own_app_database).key_for("sector", "Hilirisasi Nikel") == "hilirisasi"

    data_page = AppTest.from_file(str(ROOT / "app_pages" / "records.py"), default_timeout=300)
    for k, v in app_session("ani").items():
        data_page.session_state[k] = v
    data_page.run()  # the Data page offers the new term in its filter and shows it by its label
    assert "Hilirisasi" in data_page.multiselect(key="f_sector").options  # AppTest lists options as shown
    data_page.multiselect(key="f_sector").set_value(["hilirisasi"]).run()
    shown = data_page.dataframe[0].value
    assert sorted(shown["Nomor"]) == ["1/PKS/UJI", "2/PKS/UJI"] and set(shown["Bidang"]) == {"Hilirisasi"}


def test_a_refused_change_is_shown_in_the_pages_language_and_changes_nothing(own_app_database):
    at = _page("kepala", lang="en")
    assert at.title[0].value == "Vocabularies"
    at.text_input(key="voc_new_id").set_value("Perhubungan")  # already an alias of transportasi
    [b for b in at.get("form_submit_button") if b.label == "Add a term"][0].click().run()
    assert not at.exception and not at.success
    assert [e.value for e in at.error] == ["'Perhubungan' already names the term 'transportasi'"]
    assert "perhubungan" not in set(_terms(at)["Key"])
