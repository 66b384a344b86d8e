"""The planner page (Streamlit AppTest): renders, responds to weights, builds, exports and saves a schedule,
runs the backtest; the region page links to it; the plan is kept as the user's draft (a new session of the same
user — F5, a new login — finds it, edits survive adding a stop, saved plans reopen)."""

import io

import openpyxl
import pytest
from sqlalchemy import delete, func, select
from streamlit.testing.v1 import AppTest

from geo.db import storage
from geo.db.models import PlanDraft
from geo.planner import schedule_files
from geo.records import read
from tests.conftest import ROOT, app_session


@pytest.fixture(autouse=True)
def app_data_dir(app_database):
    """The app's database (one per test process, as in the app), with the test users and no planner draft."""
    with storage.transaction(app_database) as s:
        s.execute(delete(PlanDraft))
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
    rows = _stop_rows(at)
    assert len(rows) == 3 and [r[0] for r in rows] == [1, 2, 3]
    rows = [r[1:] for r in rows]  # Tanggal, Waktu, Lokasi, Narasumber/Pihak yang Dijumpai, Agenda
    assert {r[1].split()[-1] for r in rows} == {"WIB", "WITA", "WIT"}
    assert all(r[0].split(",")[0] in ("Senin", "Selasa", "Rabu", "Kamis", "Jumat") for r in rows)
    assert any("Wali Kota Makassar" in r[3] for r in rows)
    assert all(r[4].startswith("1) ") for r in rows)
    assert schedule_files.pdf_bytes(at.session_state["plan_schedule_doc"]).startswith(b"%PDF")
    assert {b.proto.label for b in at.get("download_button")} >= {
        "Unduh jadwal (XLSX)", "Unduh jadwal siap cetak (PDF, A4 mendatar)"}
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


def test_the_backtest_says_in_words_whether_its_difference_is_clear_with_its_interval():
    from geo.planner import backtest, rank

    at = _planner()
    at.button(key="plan_bt_run").click().run()
    assert not at.exception
    eng = storage.default_engine()
    hist = rank.prepare(read.agreements_frame(eng), read.visits_frame(eng), level="regency")
    bt = backtest.run(hist, top_k=50)  # the page's defaults: regency level, top 50, default weights
    word = backtest.verdict(bt)
    lead = {"better": "Rekomendasi lebih baik, jelas", "worse": "Rekomendasi lebih buruk, jelas",
            "unclear": "Belum pasti"}[word]
    said = [m.value for m in at.markdown if lead in m.value]
    assert len(said) == 1, [m.value for m in at.markdown]
    lo, hi = bt.difference_ci
    assert f"{abs(lo):.2f}".replace(".", ",") in said[0] and f"{abs(hi):.2f}".replace(".", ",") in said[0]
    if word == "unclear":
        assert lo <= 0 <= hi and "mencakup nol" in said[0]
    assert all(m.help and "12 bulan sesudah" in m.help for m in at.metric)  # the unit of the three figures


def test_opening_the_planner_computes_the_backtest_in_the_background_and_the_press_then_reads_it_from_disk(
        monkeypatch):
    import time

    import streamlit as st

    from geo.planner import backtest, rank, replay_store
    from ui import records_cache

    monkeypatch.setenv("SINERGI_PLANNER_PRECOMPUTE", "1")
    st.cache_data.clear()
    st.cache_resource.clear()
    records_cache._precompute_checked.clear()
    for old in replay_store.folder().glob("replay-*.pkl"):
        old.unlink()
    at = _planner(plan_level="province")  # (a first run of the app seeds the sample)
    assert not at.exception
    eng = storage.default_engine()
    path = replay_store.path_of(replay_store.key(rank.prepare(read.agreements_frame(eng), read.visits_frame(eng),
                                                              level="province")))
    deadline = time.monotonic() + 300
    while not path.exists() and time.monotonic() < deadline:  # the page started `python -m geo planner-warm`
        time.sleep(0.2)
    assert path.exists()
    monkeypatch.setattr(backtest, "replay", lambda *a, **k: pytest.fail("computed again although kept on disk"))
    at.button(key="plan_bt_run").click().run()
    assert not at.exception
    assert [m.label for m in at.metric] == ["Direkomendasikan & dikunjungi", "Dikunjungi, tidak direkomendasikan",
                                            "Pilihan acak"]


def test_any_page_of_a_new_data_version_starts_the_backtests_months_in_the_background(monkeypatch):
    import time

    import streamlit as st

    from geo.planner import rank, replay_store
    from ui import records_cache

    monkeypatch.setenv("SINERGI_PLANNER_PRECOMPUTE", "1")
    st.cache_data.clear()
    records_cache._precompute_checked.clear()
    for old in replay_store.folder().glob("replay-*.pkl"):
        old.unlink()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()  # the national map, not the planner
    assert not at.exception
    eng = storage.default_engine()
    path = replay_store.path_of(replay_store.key(rank.prepare(read.agreements_frame(eng), read.visits_frame(eng),
                                                              level="regency")))
    deadline = time.monotonic() + 300
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert path.exists()


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
    assert "plan_schedule_doc" in at.session_state  # the schedule can still be exported
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
    import html

    [table] = [h.value for h in story.html if 'class="sinergi-table"' in h.value]  # ui.text_table: cells as written
    assert all(f"<td>{html.escape(place)}</td>" in table for place in handed["Lokasi"])


def _sheet(at):
    return openpyxl.load_workbook(io.BytesIO(schedule_files.xlsx_bytes(at.session_state["plan_schedule_doc"]))).active


def _stop_rows(at) -> list[tuple]:
    """The schedule XLSX's stop rows (No., Tanggal, Waktu, Lokasi, Narasumber, Agenda), in order."""
    return [r[:6] for r in _sheet(at).iter_rows(values_only=True) if isinstance(r[0], int)]


def _editor_key(at):
    keys = [k for k in at.session_state.keys() if str(k).startswith("plan_editor_") and str(k) not in
            ("plan_editor_rev", "plan_editor_shown")]
    assert len(keys) == 1, keys
    return keys[0]


def _edit(at, row: int, **cells):
    """What the browser's schedule editor sends when cells of ``row`` are changed (AppTest cannot type in it)."""
    at.session_state[_editor_key(at)] = {"edited_rows": {row: cells}, "added_rows": [], "deleted_rows": []}
    return at.run()


WAKTU = "Waktu"
NARASUMBER = "Narasumber/Pihak yang Dijumpai"


def test_the_plan_survives_a_new_session_of_the_same_user():
    at = _planner(**app_session("ani"))
    at.multiselect(key="plan_pick").set_value(["32.73", "73.71"])
    at.number_input(key="plan_days").set_value(9)
    at.text_input(key="plan_title").set_value("Kunjungan Kerja ke Makassar").run()
    assert not at.exception
    assert any("tersimpan otomatis" in c.value for c in at.caption)
    again = _planner(**app_session("ani"))  # F5, or logging in again: a new Streamlit session
    assert not again.exception
    assert again.multiselect(key="plan_pick").value == ["32.73", "73.71"]
    assert again.number_input(key="plan_days").value == 9
    assert _sheet(again)["A1"].value == "Kunjungan Kerja ke Makassar"
    other = _planner(**app_session("vina"))  # another user has a plan of their own
    assert other.multiselect(key="plan_pick").value != ["32.73", "73.71"]


def test_a_schedule_edit_is_kept_when_a_stop_is_added_and_after_a_reload():
    at = _planner(**app_session("ani"))
    at.multiselect(key="plan_pick").set_value(["32.73", "73.71"]).run()
    makassar = next(i for i, r in enumerate(_stop_rows(at)) if r[3].startswith("Kota Makassar"))
    _edit(at, makassar, **{WAKTU: "10.00 – 11.30 WITA", NARASUMBER: "Wali Kota dan Forkopimda"})
    assert not at.exception

    def makassar_row(app):
        return next(r for r in _stop_rows(app) if r[3].startswith("Kota Makassar"))

    assert makassar_row(at)[2:5:2] == ("10.00 – 11.30 WITA", "Wali Kota dan Forkopimda")
    at.multiselect(key="plan_pick").set_value(["32.73", "73.71", "91.71"]).run()  # a stop added
    assert not at.exception and len(_stop_rows(at)) == 3
    assert makassar_row(at)[2:5:2] == ("10.00 – 11.30 WITA", "Wali Kota dan Forkopimda")
    at.multiselect(key="plan_pick").set_value(["73.71", "91.71"]).run()  # another removed
    assert makassar_row(at)[2] == "10.00 – 11.30 WITA"
    again = _planner(**app_session("ani"))
    assert makassar_row(again)[2:5:2] == ("10.00 – 11.30 WITA", "Wali Kota dan Forkopimda")


def test_renumbering_a_stop_keeps_that_order_until_the_automatic_order_is_asked_for():
    at = _planner(**app_session("ani"))
    at.multiselect(key="plan_pick").set_value(["32.73", "73.71", "91.71"]).run()
    best = [r[3] for r in _stop_rows(at)]
    _edit(at, 2, **{"No.": 1})
    assert [r[3] for r in _stop_rows(at)] == [best[2], best[0], best[1]]
    at.multiselect(key="plan_pick").set_value(["32.73", "73.71", "91.71", "12.71"]).run()
    assert [r[3] for r in _stop_rows(at)][:3] == [best[2], best[0], best[1]]  # the new stop goes last
    assert _stop_rows(at)[3][3].startswith("Kota Medan")
    at.button(key="plan_clear_order").click().run()
    assert not at.exception and "plan_clear_order" not in [b.key for b in at.button]


def test_an_anonymous_viewer_is_told_the_plan_is_not_saved_and_nothing_is_stored(app_data_dir):
    at = _planner()
    at.multiselect(key="plan_pick").set_value(["32.73"]).run()
    assert not at.exception
    assert any("belum tersimpan" in c.value for c in at.caption)
    with storage.transaction(app_data_dir) as s:
        assert s.scalar(select(func.count()).select_from(PlanDraft)) == 0


def test_a_saved_plan_reopens_into_the_draft(app_data_dir):
    at = _planner(**app_session("ani"))
    at.multiselect(key="plan_pick").set_value(["73.71", "32.73"]).run()
    first = _stop_rows(at)[0]
    _edit(at, 0, **{NARASUMBER: "Gubernur dan Wali Kota"})
    at.text_input(key="plan_ref").set_value("RENCANA-BUKA-LAGI")
    next(b for b in at.button if b.label == "Simpan sebagai rencana kunjungan").click().run()
    assert not at.exception and not at.error
    later = _planner(**app_session("vina"))  # someone else, another day, with another plan in the making
    later.multiselect(key="plan_pick").set_value(["91.71"]).run()
    later.selectbox(key="plan_reopen_ref").set_value("RENCANA-BUKA-LAGI")
    later.button(key="plan_reopen").click().run()
    assert not later.exception and not later.error
    assert sorted(later.multiselect(key="plan_pick").value) == ["32.73", "73.71"]
    assert _stop_rows(later)[0][1:4] == first[1:4]
    assert _stop_rows(later)[0][4] == "Gubernur dan Wali Kota"
    assert "Kode rencana: RENCANA-BUKA-LAGI" in [c.value for c in _sheet(later)["A"]]
    again = _planner(**app_session("vina"))  # the reopened plan is now vina's draft
    assert sorted(again.multiselect(key="plan_pick").value) == ["32.73", "73.71"]
