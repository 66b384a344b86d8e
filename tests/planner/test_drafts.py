"""geo.planner.drafts: one draft per user in the database, only its owner reads it, edits stay with their stop,
the user's order holds, saved plans reopen (SQLite, and PostgreSQL when configured)."""

import datetime as dt

import pytest
from sqlalchemy import inspect

from geo.access.roles import AccessDenied, Principal
from geo.db import storage
from geo.db.models import record_tables
from geo.planner import drafts, itinerary, rank
from tests.conftest import ADMIN, EDITOR, VIEWER, migrate_down

OTHER_EDITOR = Principal("budi", "editor")


def _computed(order):
    stops = itinerary.schedule("31.71", order, start_date=dt.date(2030, 3, 4), days=10,
                               briefs={c: ("Kepala daerah", "Rapat koordinasi") for c in order})
    return itinerary.schedule_frame(stops)


def test_a_draft_is_kept_per_user_and_comes_back_whole(engine):
    mine = drafts.Draft(picks=["32.73", "73.71"], days=9, per_day=1, weekdays_only=False, title="Kunker Sulsel",
                        edits={"73.71": {"Waktu": "10.00 – 11.30 WITA"}}, manual_order=["73.71", "32.73"])
    with storage.transaction(engine) as s:
        drafts.save(s, VIEWER, mine)  # a viewer has a draft too: it is no record
        drafts.save(s, EDITOR, drafts.Draft(picks=["91.71"]))
    with storage.transaction(engine) as s:
        assert drafts.load(s, VIEWER) == mine
        assert drafts.load(s, EDITOR).picks == ["91.71"]
        assert drafts.load(s, ADMIN) is None
    with storage.transaction(engine) as s:  # saving again replaces the user's one draft
        drafts.save(s, VIEWER, drafts.Draft(picks=["12.71"]))
    with storage.transaction(engine) as s:
        assert drafts.load(s, VIEWER).picks == ["12.71"]


def test_a_user_cannot_read_another_users_draft_not_even_an_admin(engine):
    with storage.transaction(engine) as s:
        drafts.save(s, EDITOR, drafts.Draft(picks=["32.73"], note="rahasia"))
    for intruder in (OTHER_EDITOR, VIEWER, ADMIN):
        with pytest.raises(AccessDenied) as refused, storage.transaction(engine) as s:
            drafts.load(s, intruder, owner=EDITOR.username)
        assert "hanya melihat rancangannya sendiri" in refused.value.text("id")
    with pytest.raises(AccessDenied), storage.transaction(engine) as s:
        drafts.load(s, None)  # nobody logged in: no draft in the database
    with pytest.raises(AccessDenied), storage.transaction(engine) as s:
        drafts.save(s, None, drafts.Draft())


def test_only_an_admin_may_discard_another_users_draft(engine):
    with storage.transaction(engine) as s:
        drafts.save(s, EDITOR, drafts.Draft(picks=["32.73"]))
    with pytest.raises(AccessDenied), storage.transaction(engine) as s:
        drafts.discard(s, OTHER_EDITOR, EDITOR.username)
    with storage.transaction(engine) as s:
        assert drafts.discard(s, ADMIN, EDITOR.username) is True
    with storage.transaction(engine) as s:
        assert drafts.load(s, EDITOR) is None


def test_an_edit_stays_with_its_stop_when_a_stop_is_added_or_removed():
    order = ["32.73", "73.71"]
    computed = _computed(order)
    draft = drafts.merge_edits(drafts.Draft(picks=order), computed, order,
                               {1: {"Waktu": "10.00 – 11.30 WITA", "Agenda": "Catatan sendiri"}})
    assert draft.edits == {"73.71": {"Waktu": "10.00 – 11.30 WITA", "Agenda": "Catatan sendiri"}}
    bigger = ["91.71", "32.73", "73.71"]  # a stop added in front: Makassar is now the third row
    shown = drafts.apply(draft, _computed(bigger), bigger)
    assert shown.loc[2, ["Lokasi", "Waktu", "Agenda"]].tolist() == [
        "Kota Makassar, Sulawesi Selatan", "10.00 – 11.30 WITA", "Catatan sendiri"]
    assert shown.loc[0, "Agenda"] == "Rapat koordinasi" and shown["No."].tolist() == [1, 2, 3]
    smaller = ["73.71"]  # Bandung removed
    assert drafts.apply(draft, _computed(smaller), smaller).loc[0, "Waktu"] == "10.00 – 11.30 WITA"
    # a stop removed and added back brings its edits back; only clear_edits drops them
    assert drafts.apply(draft, computed, order).loc[1, "Agenda"] == "Catatan sendiri"
    assert drafts.apply(drafts.clear_edits(draft), computed, order).loc[1, "Agenda"] == "Rapat koordinasi"


def test_a_cell_changed_back_to_the_computed_text_is_no_longer_an_edit():
    order = ["32.73", "73.71"]
    computed = _computed(order)
    draft = drafts.merge_edits(drafts.Draft(), computed, order, {0: {"Narasumber/Pihak yang Dijumpai": "Wali Kota"}})
    assert draft.edits == {"32.73": {"Narasumber/Pihak yang Dijumpai": "Wali Kota"}}
    draft = drafts.merge_edits(draft, computed, order, {0: {"Narasumber/Pihak yang Dijumpai": "Kepala daerah "}})
    assert draft.edits == {}


def test_a_renumbered_stop_sets_the_users_order_and_a_stop_added_later_goes_last():
    best = ["32.73", "73.71", "91.71"]
    draft = drafts.Draft(picks=best)
    assert drafts.route_order(draft, best) == best
    draft = drafts.merge_edits(draft, _computed(best), best, {2: {"No.": 1}})  # Jayapura first
    assert draft.manual_order == ["91.71", "32.73", "73.71"]
    assert drafts.route_order(draft, ["32.73", "12.71", "73.71", "91.71"]) == ["91.71", "32.73", "73.71", "12.71"]
    assert drafts.route_order(draft, ["32.73", "73.71"]) == ["32.73", "73.71"]  # Jayapura removed
    assert drafts.route_order(drafts.clear_order(draft), best) == best


def test_a_saved_plan_reopens_with_its_stops_order_and_cells(engine):
    order = ["73.71", "32.73"]
    stops = itinerary.stops_from_frame(
        _computed(order).assign(Agenda=["Agenda Makassar", "=1+1 agenda Bandung"]), order)
    with storage.transaction(engine) as s:
        rank.save_planned_visits(s, rank.Plan(ref="RENCANA-BUKA", official_role="Wakil Menteri PPN",
                                              ministry="Kementerian PPN/Bappenas", stops=stops), EDITOR)
    with storage.transaction(engine) as s:
        draft = drafts.from_planned_visit(s, "RENCANA-BUKA", drafts.Draft(start="35.78", picks=["12.71"]))
        drafts.save(s, VIEWER, draft)  # reading a saved plan needs no editor; the draft is the viewer's own
    assert draft.picks == order and draft.manual_order == order and draft.start == "35.78"
    assert (draft.ref, draft.official, draft.ministry) == ("RENCANA-BUKA", "Wakil Menteri PPN",
                                                           "Kementerian PPN/Bappenas")
    assert draft.start_date == "2030-03-04"
    shown = drafts.apply(draft, _computed(["73.71", "32.73"]), drafts.route_order(draft, ["32.73", "73.71"]))
    assert shown["Agenda"].tolist() == ["Agenda Makassar", "=1+1 agenda Bandung"]
    assert shown["Tanggal"].tolist() == itinerary.schedule_frame(stops)["Tanggal"].tolist()
    with pytest.raises(Exception) as missing, storage.transaction(engine) as s:
        drafts.from_planned_visit(s, "TIDAK-ADA")
    assert "TIDAK-ADA" in missing.value.text("id")


def test_drafts_belong_to_accounts_so_no_backup_restore_or_sample_touches_them():
    assert "plan_draft" not in {t.name for t in record_tables()}


def test_migration_0005_adds_and_removes_the_drafts_table(sqlite_engine):
    assert "plan_draft" in inspect(sqlite_engine).get_table_names()
    migrate_down(sqlite_engine, "0004")
    assert "plan_draft" not in inspect(sqlite_engine).get_table_names()
    storage.migrate(sqlite_engine)
    assert "plan_draft" in inspect(sqlite_engine).get_table_names()
