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
