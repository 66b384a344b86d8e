"""Presentation mode and the briefing story in the app (Streamlit AppTest)."""

import datetime as dt
from html.parser import HTMLParser

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo.analysis import metrics
from geo.briefings import deck, screen_pages
from geo.db import storage
from geo.records import read
from tests.conftest import ROOT

EDITING_LABELS = {"Ukuran", "Periode (tahun penandatanganan)", "Kementerian", "Jumlah kelas"}


@pytest.fixture(autouse=True)
def app_data_dir(tmp_path_factory, monkeypatch):
    folder = tmp_path_factory.getbasetemp() / "app-data"  # shared with tests/test_app.py: seeded once
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("SINERGI_DATA_DIR", str(folder))
    monkeypatch.delenv("SINERGI_DATABASE_URL", raising=False)
    return folder


def _app(path, present=False, **state):
    at = AppTest.from_file(str(path), default_timeout=180)
    if present:
        at.query_params["present"] = "1"
    for k, v in state.items():
        at.session_state[k] = v
    return at.run()


def _sidebar_labels(at):
    """Labels of every widget in the sidebar, also inside its expanders."""
    kinds = ("selectbox", "slider", "multiselect", "text_input", "toggle", "button_group", "button")
    return {getattr(w, "label", None) for kind in kinds for w in at.sidebar.get(kind)} - {None}


class _Cells(HTMLParser):
    """The header and rows of a ``ui.text_table`` table, cell texts as shown."""

    def __init__(self, markup: str):
        super().__init__()
        self.rows, self._cell = [], None
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = ""

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.rows[-1].append(self._cell)
            self._cell = None


def _table(at, i: int = 0) -> pd.DataFrame:
    """The ``i``-th table the page drew with ``ui.text_table`` (``st.html``), as text."""
    rows = _Cells([h.value for h in at.html if 'class="sinergi-table"' in h.value][i]).rows
    return pd.DataFrame(rows[1:], columns=rows[0])


def _css(at):
    return " ".join(m.value for m in at.markdown if m.value.startswith("<style>"))


def test_national_map_switches_into_presentation_and_back():
    at = _app(ROOT / "app_pages" / "national_map.py", open_filters=True, open_scheme=True)
    assert not at.exception
    assert EDITING_LABELS <= _sidebar_labels(at) and _css(at) == ""
    at.toggle(key="present_switch").set_value(True).run()
    assert not at.exception
    assert at.query_params["present"] == "1"
    assert not (EDITING_LABELS & _sidebar_labels(at))  # no editing widget left in the sidebar
    css = _css(at)
    assert '[data-testid="stSidebar"]' in css and ".st-key-present-controls" in css and ".st-key-level" in css
    statement = [m.value for m in at.markdown if m.value.startswith("<div class=\"sinergi-present-statement")]
    assert statement and "Kerja sama ditandatangani — Indonesia, provinsi" in statement[0]
    assert f"Periode: 2021–{dt.date.today().year}" in statement[0] and "tanpa saringan" in statement[0]
    # the view keeps its state while presenting: the widgets still run, hidden
    assert at.selectbox(key="metric").value == "signed"
    at.button(key="present_exit").click().run()
    assert "present" not in at.query_params
    assert "Ukuran" in _sidebar_labels(at) and _css(at) == ""


def test_present_flag_in_the_url_states_the_filters():
    at = _app(ROOT / "app_pages" / "national_map.py", present=True, sector=["pendidikan"], metric="value_idr")
    assert not at.exception
    assert not (EDITING_LABELS & _sidebar_labels(at))
    statement = [m.value for m in at.markdown if m.value.startswith("<div class=\"sinergi-present-statement")][0]
    assert "Nilai kerja sama (Rp) — Indonesia, provinsi" in statement
    assert "Saring: bidang: Pendidikan" in statement
    legend = [m.value for m in at.html if m.value.startswith("<b>Nilai kerja sama")][0]
    assert "Rp " in legend and "tidak ada data" in legend
    assert at.button(key="present_exit").label == "Keluar dari mode presentasi"


def test_region_page_in_presentation_mode():
    at = _app(ROOT / "app_pages" / "region.py", present=True, region_pick="32.73")
    assert not at.exception
    assert ".st-key-region_pick" in _css(at) and "stDownloadButton" in _css(at)
    statement = [m.value for m in at.markdown if m.value.startswith("<div class=\"sinergi-present-statement")][0]
    assert "Indonesia › Jawa Barat" in statement and "Periode: 2021–" in statement  # the shared view's period
    assert at.title[0].value == "Kota Bandung"
    buttons = [str(e.proto) for e in at.get("download_button")]
    assert any("Ringkasan Kota Bandung (PDF)" in b for b in buttons)


def test_story_steps_forward_and_back(app_data_dir):
    itinerary = pd.DataFrame([[dt.date(2026, 12, 7), "08.00–10.00 WIB", "Kota Bandung", "Wali Kota Bandung",
                               "1. Rapat\n2) Kunjungan *pasar*"]], columns=deck.ITINERARY_COLUMNS)
    at = _app(ROOT / "app_pages" / "briefing.py", b_regions=["32.73"], briefing_itinerary=itinerary)
    assert not at.exception
    step = lambda: [m.value for m in at.markdown if m.value.startswith("**Langkah")][0]  # noqa: E731
    assert step() == "**Langkah 1 dari 4: Peta nasional**"
    assert at.button(key="story_prev").disabled
    at.button(key="story_next").click().run()
    assert step() == "**Langkah 2 dari 4: Wilayah tertinggi dan terendah**"
    top = _table(at, 0)
    eng = storage.make_engine(f"sqlite:///{app_data_dir / 'sinergi.db'}")
    signed = metrics.region_metrics(read.agreements_frame(eng), read.visits_frame(eng), level="province",
                                    start=dt.date(2021, 1, 1), end=dt.date(dt.date.today().year, 12, 31))["signed"]
    eng.dispose()
    assert list(top["Kode"]) == list(signed.sort_values(ascending=False, kind="stable").index[:10])
    assert [int(v.replace(".", "")) for v in top["Kerja sama ditandatangani"]] == \
        list(signed.sort_values(ascending=False, kind="stable").iloc[:10])
    at.button(key="story_next").click().run()
    assert step() == "**Langkah 3 dari 4: Rincian Kota Bandung**"
    assert [m.label for m in at.metric][:2] == ["Penduduk", "Kerja sama ditandatangani"]
    # issue 13: the visit impact in words (Kota Bandung's interval includes zero), its range beneath, no score
    assert (at.metric[-1].label, at.metric[-1].value) == ("Dampak kunjungan", "Belum pasti")
    assert any(c.value.startswith("Perkiraan ") and "mencakup nol" in c.value for c in at.caption)
    at.button(key="story_next").click().run()
    assert step() == "**Langkah 4 dari 4: Rencana perjalanan**"
    shown = _table(at, 0)
    assert list(shown.columns) == deck.ITINERARY_COLUMNS
    assert shown["Agenda"].tolist() == ["1. Rapat\n2) Kunjungan *pasar*"]  # as typed: no Markdown
    assert at.button(key="story_next").disabled
    at.button(key="story_prev").click().run()
    assert step() == "**Langkah 3 dari 4: Rincian Kota Bandung**"
    assert not at.exception


def test_on_a_projector_a_long_itinerary_is_a_step_per_page_with_every_cell_whole_below():
    long = "Rapat koordinasi kerja sama antardaerah dan peninjauan lapangan bersama para pihak. " * 8
    itinerary = pd.DataFrame([[dt.date(2026, 12, 7 + i), "08.00–10.00 WIB", "Kota Bandung", "Wali Kota", long]
                              for i in range(12)], columns=deck.ITINERARY_COLUMNS)
    at = _app(ROOT / "app_pages" / "briefing.py", present=True, briefing_itinerary=itinerary, story_step=2)
    assert not at.exception
    step = lambda: [m.value for m in at.markdown if m.value.startswith("**Langkah")][0]  # noqa: E731
    assert step() == "**Langkah 3 dari 5: Rencana perjalanan (1/3)**"  # 12 stops: pages of 5, 5 and 2
    page, whole = _table(at, 0), _table(at, 1)
    assert len(page) == screen_pages.ROWS and len(whole) == 12
    assert all(len(a) <= screen_pages.CHARS + 2 and a.endswith("…") for a in page["Agenda"])
    assert set(whole["Agenda"]) == {long}  # nothing lost: the whole itinerary below the picture
    at.button(key="story_next").click().run()
    at.button(key="story_next").click().run()
    assert step() == "**Langkah 5 dari 5: Rencana perjalanan (3/3)**" and len(_table(at, 0)) == 2


def test_story_in_presentation_mode_keeps_only_the_stepping():
    at = _app(ROOT / "app_pages" / "briefing.py", present=True)
    assert not at.exception
    assert not ({"Ukuran", "Wilayah yang dibahas"} & _sidebar_labels(at))
    assert {b.key for b in at.button} >= {"story_prev", "story_next", "present_exit"}
    assert ".st-key-present-controls" in _css(at)


def test_story_in_english():
    at = _app(ROOT / "app_pages" / "briefing.py", lang="en")
    assert not at.exception
    assert "**Step 1 of 2: National map**" in [m.value for m in at.markdown]
    assert at.subheader[0].value == "Agreements signed — Indonesia, provinces"
    assert at.caption[0].value.startswith("Period: 2021–")
