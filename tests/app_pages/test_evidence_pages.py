"""Evidence in the app (Streamlit AppTest): attaching on the Data page goes through the engine's checks, the
gallery filters the sample's pictures, and the region page shows its photos; typed captions stay inert text."""

import datetime as dt

from streamlit.testing.v1 import AppTest

from geo.db import storage
from geo.evidence import attachments
from geo.records import write
from geo.records.write import AgreementData, Party
from tests.conftest import EDITOR, ROOT, app_session
from tests.evidence import hostile_files as hf

DOC = "5/KB/2025"


def _page(page: str, user: str | None = None, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app_pages" / page), default_timeout=300)
    for k, v in app_session(user).items():
        at.session_state[k] = v
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def _attach_on_data_page(at: AppTest, name: str, content: bytes, caption: str) -> AppTest:
    at.file_uploader(key=f"ev-a-file-{DOC}").set_value((name, content, "image/jpeg"))
    [box] = [ti for ti in at.text_input if ti.label == "Keterangan"]
    box.set_value(caption)
    [button] = [b for b in at.button if b.label == "Lampirkan"]
    return button.click().run()


def test_an_editor_attaches_a_photo_on_the_data_page_and_a_disguised_svg_is_refused(own_app_database):
    with storage.transaction(own_app_database) as s:
        write.save_agreement(s, AgreementData(
            doc_number=DOC, title="Air bersih", type="KB", status="berjalan", signed_on=dt.date(2025, 3, 4),
            parties=[Party(region_code="32.73"), Party(region_code="32.04")]), EDITOR)
    at = _page("records.py", "ani")
    at.selectbox(key="edit_doc").set_value(DOC).run()
    assert not at.exception and "Belum ada lampiran." in [c.value for c in at.caption]
    caption = "<img src=x onerror=alert(1)> **tebal**"
    at = _attach_on_data_page(at, "foto.jpg", hf.polyglot_jpeg(), caption)
    assert not at.exception and not at.error
    assert "Lampiran disimpan." in [s.value for s in at.success]
    [item] = attachments.items(own_app_database, "agreement", DOC)
    assert item.caption == caption and item.added_by == "ani"
    assert b"<script" not in attachments.content(own_app_database, item.id)
    shown = [m.value for m in at.markdown if "onerror" in m.value]
    assert shown and all("\\<img" in v and "\\*\\*tebal\\*\\*" in v for v in shown)  # escaped: inert text

    at = _attach_on_data_page(at, "foto.jpg", hf.svg_with_script(), "")
    assert [e.value.replace("\\", "") for e in at.error] == [
        "berkas SVG atau HTML tidak diterima (dapat berisi skrip); unggah foto JPEG, PNG atau WebP"]
    assert len(attachments.items(own_app_database, "agreement", DOC)) == 1

    signed = hf.plain_pdf()
    at = _attach_on_data_page(at, "perjanjian.pdf", signed, "Naskah bertanda tangan")
    assert not at.error and "Lampiran disimpan." in [s.value for s in at.success]
    [pdf] = [i for i in attachments.items(own_app_database, "agreement", DOC) if i.kind == "document"]
    assert attachments.content(own_app_database, pdf.id) == signed
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Unduh dokumen (PDF, 1 halaman)" in labels


def test_the_gallery_shows_the_sample_pictures_and_narrows_by_region_and_sector(app_database):
    at = _page("gallery.py")
    assert not at.exception
    assert at.title[0].value == "Contoh kerja sama yang berhasil"
    everything = next(c.value for c in at.caption if c.value.endswith(" foto"))
    assert everything == "10 foto"
    at.selectbox(key="gal_region").set_value("32").run()
    in_west_java = next(c.value for c in at.caption if c.value.endswith(" foto"))
    assert not at.exception and in_west_java == "2 foto"
    at.multiselect(key="sector").set_value(["kesehatan"]).run()
    assert not at.exception
    count = next(c.value for c in at.caption if c.value.endswith(" foto"))
    assert count == "0 foto" and [i.value for i in at.info] == ["Belum ada foto untuk pilihan ini."]


def test_the_region_page_shows_its_photos_with_place_date_and_credit(app_database):
    at = _page("region.py", region="32")
    assert not at.exception
    assert "Foto kegiatan" in [h.value for h in at.subheader]
    lines = [c.value.replace("\\", "") for c in at.caption if "Foto\\: Sinergi" in c.value]
    assert len(lines) >= 2
    assert all(" · " in line and "/20" in line for line in lines)  # place · dd/mm/yyyy · credit
