"""The national map page (Streamlit AppTest): the measures a level offers and the search box."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def app_data_dir(tmp_path_factory, monkeypatch):
    # One database for the module's app runs (seeding the sample takes a few seconds).
    folder = tmp_path_factory.getbasetemp() / "app-data"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("SINERGI_DATA_DIR", str(folder))
    monkeypatch.delenv("SINERGI_DATABASE_URL", raising=False)


def _map(**query):
    at = AppTest.from_file(str(ROOT / "app_pages" / "national_map.py"), default_timeout=180)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_the_district_level_offers_only_visit_measures_and_its_own_hint():
    at = _map(level="district", metric="signed")
    assert not at.exception
    # the sample's agreements are between regencies: no district has one, so no agreement measure is offered
    assert at.selectbox(key="metric").options == ["Kunjungan kerja", "Kunjungan per 100.000 penduduk"]
    assert at.selectbox(key="metric").value == "visits"  # "signed" from the link is not offered here
    hints = [c.value for c in at.caption]
    assert any(h.startswith("Klik kecamatan") for h in hints) and not any(h.startswith("Klik kabupaten") for h in hints)


def test_the_regency_level_offers_every_measure_again():
    at = _map(level="regency")
    assert not at.exception
    assert len(at.selectbox(key="metric").options) == 10
    assert any(c.value.startswith("Klik kabupaten/kota") for c in at.caption)
