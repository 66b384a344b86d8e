"""The impact page's cooperation flow (Streamlit AppTest): the diagram of the view's period and filters, its count
the engine's, and what the records cannot show."""

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from geo.analysis import flow as flows
from geo.db import storage
from geo.maps import map_view
from geo.records import read
from geo.text.numbers import number
from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def app_data_dir(tmp_path_factory, monkeypatch):
    folder = tmp_path_factory.getbasetemp() / "app-data"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("SINERGI_DATA_DIR", str(folder))
    monkeypatch.delenv("SINERGI_DATABASE_URL", raising=False)
    return folder


def test_the_impact_page_draws_the_flow_of_the_views_period_and_filters_with_the_engines_counts(app_data_dir):
    at = AppTest.from_file(str(ROOT / "app_pages" / "impact.py"), default_timeout=180)
    at.query_params["sector"] = "pendidikan"
    at.run()
    assert not at.exception
    assert "Alur kerja sama" in [h.value for h in at.subheader]
    y0, y1 = int(at.session_state["y0"]), int(at.session_state["y1"])
    eng = storage.make_engine(f"sqlite:///{app_data_dir / 'sinergi.db'}")
    spec = map_view.Spec(start=dt.date(y0, 1, 1), end=dt.date(y1, 12, 31), sectors=("pendidikan",))
    expected = flows.of_view(spec, read.agreements_frame(eng), read.visits_frame(eng))
    eng.dispose()
    assert 0 < expected.total
    captions = [c.value for c in at.caption]
    total = [c for c in captions if c.startswith(f"{number(expected.total)} kerja sama pada periode")]
    assert total and "Pendidikan" in total[0]
    assert any(c.startswith("Kotak: berapa kerja sama pernah") for c in captions)
    assert expected.honest_note("id") in captions
    charts = [str(c.proto) for c in at.get("vega_lite_chart")]
    assert any("reached_text" in c and "count_text" in c for c in charts)  # the flow's boxes and arrows
