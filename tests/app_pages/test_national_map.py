"""The national map page (Streamlit AppTest): the measures a level offers, the change map's periods and the search
box."""

import datetime as dt

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
    # the sample's visits stop at regencies too: every district reads 0, and the page says so instead of a bare map
    assert any(i.value.startswith("Setiap kecamatan di peta ini bernilai 0") for i in at.info)


def test_a_regency_map_with_values_carries_no_all_zero_note():
    at = _map(level="regency", metric="visits")
    assert not at.exception
    assert not any(i.value.startswith("Setiap kecamatan") for i in at.info)


def test_the_regency_level_offers_every_measure_again():
    at = _map(level="regency")
    assert not at.exception
    assert len(at.selectbox(key="metric").options) == 11
    assert any(c.value.startswith("Klik kabupaten/kota") for c in at.caption)


def test_choosing_the_change_measure_states_both_periods_in_the_caption_under_the_map():
    this_year = dt.date.today().year
    y0 = this_year - 2
    at = _map(y0=str(y0), y1=str(this_year))
    at.selectbox(key="metric").select("change").run()
    assert not at.exception
    periods = f"{y0}–{this_year} dibanding {y0 - 3}–{y0 - 1}"  # three years against the three before them
    assert any(c.value.startswith("Warna = perubahan jumlah kerja sama") and periods in c.value for c in at.caption)
    assert at.query_params["metric"] == "change"  # the measure travels in the link


def test_the_change_measure_says_when_the_comparison_period_lies_before_the_records_and_offers_one_covered():
    this_year = dt.date.today().year
    at = _map(metric="change", y0="2021", y1=str(this_year))
    assert not at.exception
    before = f"{2021 - (this_year - 2021 + 1)}–2020"
    notes = [i.value for i in at.info if "pembanding" in i.value]
    assert len(notes) == 1 and f"Periode pembanding {before}" in notes[0]
    assert "2024–2026 dibanding 2021–2023" in notes[0]  # a period whose comparison the sample (2021–2026) covers
    at.button(key="change_use").click().run()  # take the period offered
    assert not at.exception
    assert (at.session_state["y0"], at.session_state["y1"]) == (2024, 2026)
    assert any("2024–2026 dibanding 2021–2023" in c.value for c in at.caption)
    assert not [i for i in at.info if "pembanding" in i.value]


def test_a_district_typed_on_the_province_map_drills_into_its_province_and_is_named():
    at = _map()
    at.text_input(key="map_search").set_value("Coblong").run()
    assert not at.exception
    assert at.session_state["prov"] == "32"  # drilled into Jawa Barat, as a click on it does
    assert any("Indonesia › Jawa Barat" in m.value for m in at.markdown)
    assert any(c.value.startswith("Disorot di peta: Coblong") for c in at.caption)
    found = at.session_state["search_found"]
    assert (found.code, found.outline) == ("32.73.02", "32.73")  # the map shows regencies: Kota Bandung outlined


def test_an_ambiguous_name_offers_its_candidates_and_the_pick_moves_the_map():
    at = _map(level="regency")
    at.text_input(key="map_search").set_value("Bandung").run()
    assert not at.exception
    pick = at.selectbox(key="search_pick")
    assert {"Kota Bandung — Jawa Barat (32.73)", "Kabupaten Bandung — Jawa Barat (32.04)"} <= set(pick.options)
    assert "Beberapa daerah cocok" in pick.label
    pick.set_value("32.73").run()
    assert not at.exception
    found = at.session_state["search_found"]
    assert found.status == "found" and found.outline == "32.73" and at.session_state["prov"] == ""
    assert any(c.value.startswith("Disorot di peta: Kota Bandung") for c in at.caption)


def test_a_name_that_is_no_region_says_so():
    at = _map()
    at.text_input(key="map_search").set_value("Atlantis Raya").run()
    assert not at.exception
    assert any("Tidak ada daerah bernama “Atlantis Raya”" in w.value for w in at.warning)
    assert at.session_state["prov"] == ""


def test_the_map_offers_the_layer_shown_as_a_gis_file_in_four_formats_with_one_download_button():
    at = _map(level="regency")
    assert not at.exception
    picker = at.selectbox(key="map-gis-format")
    assert picker.options == ["GeoPackage (.gpkg)", "Shapefile (.zip)", "GeoJSON (.geojson)", "KML (.kml)"]
    assert picker.value == "gpkg"
    picker.select("kml").run()
    assert not at.exception
    buttons = [str(e.proto) for e in at.get("download_button")]
    assert sum("Unduh berkas GIS" in b for b in buttons) == 1
