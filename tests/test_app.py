"""The app's pages render without exceptions (Streamlit AppTest)."""

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def test_national_map_page_renders():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Peta Kerja Sama Antar Daerah"


def test_english_switch():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Inter-regional cooperation map"


def test_data_page_renders():
    at = AppTest.from_file(str(ROOT / "pages" / "about_data.py"), default_timeout=60).run()
    assert not at.exception
    assert "cahya dsn" in " ".join(c.value for c in at.caption)
