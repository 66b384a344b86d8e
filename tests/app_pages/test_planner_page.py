"""The planner page (Streamlit AppTest): renders, responds to weights, builds, exports and saves a schedule,
runs the backtest; the region page links to it."""

import io

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from geo.records import read
from tests.conftest import ROOT, app_session


@pytest.fixture(autouse=True)
def app_data_dir(app_database):
    """The app's database (one per test process, as in the app), with the test users."""
    return app_database


def _planner(**state):
    at = AppTest.from_file(str(ROOT / "app_pages" / "planner.py"), default_timeout=300)
    for k, v in state.items():
        at.session_state[k] = v
    return at.run()


def _ranking(at):
    return at.dataframe[0].value["Wilayah"].tolist()


def test_renders_map_ranking_and_why():
    at = _planner()
    assert not at.exception and not at.error
    assert at.title[0].value == "Perencana kunjungan: ke mana berikutnya?"
    assert len(_ranking(at)) == 514
    shown = at.dataframe[0].value  # issue 13: whole-number scores, a verdict in words beside them
    assert str(shown["Skor (0–100)"].dtype).startswith("int")
    assert {"Belum dikunjungi", "Belum pasti"} <= set(shown["Dampak kunjungan pertama"])
    why = " ".join(m.value for m in at.markdown)
    assert "Kesenjangan kerja sama" in why and "Daya ungkit jejaring" in why
    assert any("Asumsi perjalanan" in c.value for c in at.caption)
    assert "regresi Poisson" in why  # the expectation model is stated


def test_changing_a_weight_changes_the_ranking():
    at = _planner()
    assert at.slider(key="plan_w_gap").value == 25 and at.slider(key="plan_w_gap").proto.format == "%d%%"
    before = _ranking(at)[:10]
    at.slider(key="plan_w_stalled").set_value(100)  # percent, never "0.25" without a decimal comma
    at.slider(key="plan_w_gap").set_value(0).run()
    assert not at.exception
    assert _ranking(at)[:10] != before


def test_constraint_limits_the_ranking():
    at = _planner()
    at.multiselect(key="plan_provinces").set_value(["73"]).run()
    assert not at.exception
    ranked = at.dataframe[0].value
    assert 0 < len(ranked) < 40


def test_builds_exports_and_saves_a_schedule(app_data_dir):
    at = _planner(**app_session("ani"))  # an editor: only editors may save plans
    at.multiselect(key="plan_pick").set_value(["32.73", "73.71", "91.71"])
    at.number_input(key="plan_days").set_value(10).run()
    assert not at.exception and not at.error
    travel = [m.value for m in at.markdown if m.value.startswith("Perjalanan")]
    assert travel and "km" in travel[0]
    wb = openpyxl.load_workbook(io.BytesIO(at.session_state["plan_schedule_xlsx"]))
    rows = list(wb.active.iter_rows(values_only=True))
    assert list(rows[0]) == ["Tanggal", "Waktu", "Lokasi", "Narasumber/Pihak yang Dijumpai", "Agenda"]
    assert len(rows) == 4
    assert {r[1].split()[-1] for r in rows[1:]} == {"WIB", "WITA", "WIT"}
    assert all(r[0].split(",")[0] in ("Senin", "Selasa", "Rabu", "Kamis", "Jumat") for r in rows[1:])
    assert any("Wali Kota Makassar" in r[3] for r in rows[1:])
    assert all(r[4].startswith("1) ") for r in rows[1:])
    at.text_input(key="plan_ref").set_value("RENCANA-APPTEST")
    next(b for b in at.button if b.label == "Simpan sebagai rencana kunjungan").click().run()
    assert not at.exception and not at.error
    assert any("RENCANA" in s.value for s in at.success)
    engine = app_data_dir
    planned = read.visits_frame(engine, planned=True).set_index("ref")
    assert sorted(planned.loc["RENCANA-APPTEST", "region_codes"]) == ["32.73", "73.71", "91.71"]
    assert "RENCANA-APPTEST" not in read.visits_frame(engine)["ref"].tolist()


def test_too_short_a_trip_says_so():
    at = _planner()
    at.multiselect(key="plan_pick").set_value(["32.73", "73.71", "91.71", "12.71"])
    at.number_input(key="plan_days").set_value(1).run()
    assert not at.exception
    assert any("tidak muat" in e.value for e in at.error)


def test_backtest_runs_in_the_app():
    at = _planner()
    at.button(key="plan_bt_run").click().run()
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert labels == ["Direkomendasikan & dikunjungi", "Dikunjungi, tidak direkomendasikan", "Pilihan acak"]
    assert any("bulan diputar ulang" in m.value for m in at.markdown)


def test_region_page_links_to_the_planner():
    at = AppTest.from_file(str(ROOT / "app_pages" / "region.py"), default_timeout=300)
    at.query_params["region"] = "73.71"
    at.run()
    assert not at.exception
    assert any(b.label == "Rencanakan kunjungan" for b in at.button)
    planner_at = AppTest.from_file(str(ROOT / "app_pages" / "planner.py"), default_timeout=300)
    planner_at.query_params["pick"] = "73.71"
    planner_at.run()
    assert "73.71" in planner_at.multiselect(key="plan_pick").value


def test_a_viewer_sees_the_schedule_but_cannot_save_it():
    at = _planner(**app_session("vina"))
    at.multiselect(key="plan_pick").set_value(["32.73", "73.71"]).run()
    assert not at.exception
    assert "plan_schedule_xlsx" in at.session_state  # the schedule can still be exported
    assert not [b for b in at.button if b.label == "Simpan sebagai rencana kunjungan"]
    assert any("hanya dapat melihat" in i.value for i in at.info)


def test_the_schedule_goes_to_the_briefing():
    at = _planner()
    at.multiselect(key="plan_pick").set_value(["32.73", "73.71"]).run()
    handed = at.session_state["briefing_itinerary"]
    assert list(handed.columns) == ["Tanggal", "Waktu", "Lokasi", "Narasumber/Pihak yang Dijumpai", "Agenda"]
    assert len(handed) == 2
    story = AppTest.from_file(str(ROOT / "app_pages" / "briefing.py"), default_timeout=300)
    story.session_state["briefing_itinerary"] = handed
    story.session_state["story_step"] = 99  # the last step
    story.run()
    assert not story.exception
    shown = story.table[0].value
    assert set(shown.iloc[:, 2]) == set(handed["Lokasi"])


def _editor_key(at):
    keys = [k for k in at.session_state.keys() if str(k).startswith("plan_editor_")]
    assert len(keys) == 1, keys
    return keys[0]


def test_schedule_editor_starts_afresh_when_weekdays_or_return_home_change():
    """The schedule editor keeps manual edits under its key; every setting that changes the schedule must
    change the key, or edits made to the old schedule would carry over to the new one."""
    at = _planner()
    at.multiselect(key="plan_pick").set_value(["32.73", "73.71"]).run()
    assert not at.exception
    keys = [_editor_key(at)]
    at.checkbox(key="plan_weekdays").set_value(False).run()
    keys.append(_editor_key(at))
    at.checkbox(key="plan_return").set_value(False).run()
    keys.append(_editor_key(at))
    assert not at.exception
    assert len(set(keys)) == 3, keys
    at.checkbox(key="plan_weekdays").set_value(True)
    at.checkbox(key="plan_return").set_value(True).run()
    assert _editor_key(at) == keys[0]  # back to the same settings: the same schedule and its edits
