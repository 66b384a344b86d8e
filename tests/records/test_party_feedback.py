"""Feedback from the parties (geo.records.party_feedback): the public form's one write is one pending row and
nothing else; wrong, revoked and rotated codes, hostile text and rate limits are refused without writing; codes and
moderation are editors' (checked in the engine) and audited; approved feedback feeds the region's obstacles summary,
marked as from the parties; backups carry both tables."""

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import func, inspect, select, text

from geo.access.roles import AccessDenied
from geo.analysis import region_profile
from geo.db import storage
from geo.db.models import AuditEntry, FeedbackCode, PartyFeedback
from geo.records import backup, party_feedback, write
from geo.records.party_feedback import FeedbackForm
from geo.records.write import AgreementData, Party
from geo.text.messages import UserError
from tests.conftest import ADMIN, EDITOR, VIEWER, migrate_down

DOC = "KB/018/2025"
NOW = dt.datetime(2026, 11, 30, 3, 0, tzinfo=dt.timezone.utc)
GOOD = FeedbackForm(party_region="32.73", rating=4, obstacles=("anggaran", "regulasi"),
                    suggestion="Perlu rapat koordinasi tiap triwulan.", contact="dinas@bandung.go.id")


def _store(eng, doc: str = DOC) -> None:
    with storage.transaction(eng) as s:
        write.save_agreement(s, AgreementData(
            doc_number=doc, title=f"Kerja sama pariwisata {doc}", type="KB", status="berjalan",
            parties=[Party("32.73"), Party("32.04"), Party(partner_name="Universitas Padjadjaran")],
            signed_on=dt.date(2025, 3, 1), obstacles=[("anggaran", "")]), EDITOR)


@pytest.fixture()
def with_code(engine):
    """(engine, code): an agreement of two regions and a partner, with an active feedback code."""
    _store(engine)
    return engine, party_feedback.issue_code(engine, EDITOR, DOC)


def _dump(eng) -> dict[str, list[dict]]:
    """Every row of every table (alembic's too), in primary-key order."""
    out = {}
    with eng.connect() as conn:
        for name in sorted(inspect(eng).get_table_names()):
            out[name] = [dict(r) for r in conn.execute(text(f"SELECT * FROM {name} ORDER BY 1")).mappings()]
    return out


def _feedback_rows(eng) -> list[PartyFeedback]:
    with storage.transaction(eng) as s:
        return list(s.scalars(select(PartyFeedback).order_by(PartyFeedback.id)))


def test_a_valid_code_opens_a_form_that_shows_only_the_title_and_the_parties(with_code):
    eng, code = with_code
    shown = party_feedback.public_agreement(eng, party_feedback.format_code(code).lower())
    assert shown == party_feedback.PublicAgreement(
        title=f"Kerja sama pariwisata {DOC}", parties=("Kota Bandung", "Kabupaten Bandung", "Universitas Padjadjaran"),
        regions=(("32.73", "Kota Bandung"), ("32.04", "Kabupaten Bandung")))
    assert party_feedback.public_agreement(eng, "ABCD-EFGH-JKMN") is None


def test_feedback_cannot_change_anything_else_than_one_pending_row(with_code):
    eng, code = with_code
    before = _dump(eng)
    feedback_id = party_feedback.submit(eng, code, GOOD, client="10.0.0.7", now=NOW)
    after = _dump(eng)
    new = [r for r in after["party_feedback"] if r["id"] == feedback_id]
    assert len(new) == 1 and new[0]["status"] == "menunggu" and new[0]["moderated_by"] is None
    after["party_feedback"] = [r for r in after["party_feedback"] if r["id"] != feedback_id]
    assert after == before  # no audit entry, no other table, no other row
    row = _feedback_rows(eng)[0]
    assert (row.party_region, row.rating, row.obstacles, row.suggestion, row.contact) == \
        ("32.73", 4, ["anggaran", "regulasi"], GOOD.suggestion, GOOD.contact)
    assert "10.0.0.7" not in row.client_key and row.client_key == party_feedback.client_key("10.0.0.7")


@pytest.mark.parametrize("form, message", [
    (FeedbackForm("32.73", 4, suggestion="x" * 2001), "party_feedback.too_long"),
    (FeedbackForm("32.73", 4, contact="y" * 201), "party_feedback.too_long"),
    (FeedbackForm("32.73", 4, contact="a@b\nBcc: c@d"), "party_feedback.bad_text"),
    (FeedbackForm("32.73", 4, suggestion="nul \x00 here"), "party_feedback.bad_text"),
    (FeedbackForm("32.73", 4, suggestion="\ud800 broken"), "party_feedback.bad_text"),
    (FeedbackForm("32.73", 0), "party_feedback.bad_rating"),
    (FeedbackForm("32.73", 6), "party_feedback.bad_rating"),
    (FeedbackForm("32.73", "5"), "party_feedback.bad_rating"),
    (FeedbackForm("32.73", True), "party_feedback.bad_rating"),
    (FeedbackForm("31.71", 3), "party_feedback.bad_party"),  # Jakarta is no party of this agreement
    (FeedbackForm("", 3), "party_feedback.bad_party"),
    (FeedbackForm("32.73", 3, obstacles=("<script>",)), "party_feedback.bad_obstacle"),
])
def test_hostile_or_broken_input_is_refused_and_writes_nothing(with_code, form, message):
    eng, code = with_code
    before = _dump(eng)
    with pytest.raises(UserError) as refused:
        party_feedback.submit(eng, code, form, client="10.0.0.7", now=NOW)
    assert refused.value.key == message and refused.value.text("id") != refused.value.text("en")
    assert _dump(eng) == before


def test_html_script_and_formulas_are_stored_as_typed_and_neutralised_in_exports(with_code):
    from geo.records import exports

    eng, code = with_code
    evil = '<script>alert(1)</script> **tebal** [klik](http://x) =HYPERLINK("http://x","klik")'
    party_feedback.submit(eng, code, FeedbackForm("32.04", 2, suggestion=evil, contact="=1+1"), client="a", now=NOW)
    row = _feedback_rows(eng)[0]
    assert (row.suggestion, row.contact) == (evil, "=1+1")
    exported = exports.to_csv_bytes(pd.DataFrame({"saran": [row.suggestion], "kontak": [row.contact]}))
    assert b";=1+1" not in exported and b"'=1+1" in exported


@pytest.mark.parametrize("code", ["", "ABCD-EFGH-JKMN", "' OR 1=1 --", "x" * 5000])
def test_a_wrong_code_is_refused_and_writes_nothing(with_code, code):
    eng, _ = with_code
    before = _dump(eng)
    with pytest.raises(UserError, match="not valid"):
        party_feedback.submit(eng, code, GOOD, client="10.0.0.7", now=NOW)
    assert _dump(eng) == before


def test_a_revoked_code_is_refused_and_a_rotated_code_replaces_the_old_one(with_code):
    eng, code = with_code
    newer = party_feedback.issue_code(eng, EDITOR, DOC)  # rotation
    assert newer != code and party_feedback.current_code(eng, EDITOR, DOC) == newer
    with pytest.raises(UserError, match="not valid"):
        party_feedback.submit(eng, code, GOOD, client="10.0.0.7", now=NOW)
    assert party_feedback.submit(eng, newer, GOOD, client="10.0.0.7", now=NOW) > 0
    assert party_feedback.revoke_code(eng, EDITOR, DOC) is True
    assert party_feedback.public_agreement(eng, newer) is None and party_feedback.current_code(eng, EDITOR, DOC) is None
    with pytest.raises(UserError, match="not valid"):
        party_feedback.submit(eng, newer, GOOD, client="10.0.0.8", now=NOW)
    assert party_feedback.revoke_code(eng, EDITOR, DOC) is False
    assert len(_feedback_rows(eng)) == 1


def test_one_client_may_send_five_an_hour_and_the_sixth_is_refused_without_a_row(with_code):
    eng, code = with_code
    for minute in range(5):
        party_feedback.submit(eng, code, GOOD, client="10.0.0.7", now=NOW + dt.timedelta(minutes=minute))
    with pytest.raises(UserError) as refused:
        party_feedback.submit(eng, code, GOOD, client="10.0.0.7", now=NOW + dt.timedelta(minutes=30))
    assert refused.value.key == "party_feedback.client_limit" and "5" in refused.value.text("id")
    assert len(_feedback_rows(eng)) == 5
    party_feedback.submit(eng, code, GOOD, client="10.0.0.8", now=NOW + dt.timedelta(minutes=30))  # another client
    party_feedback.submit(eng, code, GOOD, client="10.0.0.7", now=NOW + dt.timedelta(minutes=61))  # an hour on
    assert len(_feedback_rows(eng)) == 7


def test_one_code_takes_the_configured_number_a_day(with_code, monkeypatch):
    eng, code = with_code
    monkeypatch.setenv("SINERGI_FEEDBACK_PER_CODE_DAY", "3")
    for i in range(3):
        party_feedback.submit(eng, code, GOOD, client=f"10.0.1.{i}", now=NOW + dt.timedelta(hours=i))
    with pytest.raises(UserError) as refused:
        party_feedback.submit(eng, code, GOOD, client="10.0.2.1", now=NOW + dt.timedelta(hours=5))
    assert refused.value.key == "party_feedback.code_limit"
    party_feedback.submit(eng, code, GOOD, client="10.0.2.1", now=NOW + dt.timedelta(hours=24, minutes=1))
    assert len(_feedback_rows(eng)) == 4


def test_codes_and_moderation_are_for_editors_only_whoever_calls_the_engine(with_code):
    eng, code = with_code
    feedback_id = party_feedback.submit(eng, code, GOOD, client="10.0.0.7", now=NOW)
    for who in (None, VIEWER, "ani"):
        for call in (lambda: party_feedback.moderate(eng, who, feedback_id, True),
                     lambda: party_feedback.pending(eng, who),
                     lambda: party_feedback.issue_code(eng, who, DOC),
                     lambda: party_feedback.revoke_code(eng, who, DOC),
                     lambda: party_feedback.current_code(eng, who, DOC)):
            with pytest.raises(AccessDenied):
                call()
    assert [r.status for r in _feedback_rows(eng)] == ["menunggu"]
    assert party_feedback.current_code(eng, EDITOR, DOC) == code
    assert [e.id for e in party_feedback.pending(eng, ADMIN)] == [feedback_id]


def test_an_editor_approves_once_and_the_decision_is_audited(with_code):
    eng, code = with_code
    first = party_feedback.submit(eng, code, GOOD, client="10.0.0.7", now=NOW)
    second = party_feedback.submit(eng, code, FeedbackForm("32.04", 1, ("komitmen",)), client="10.0.0.8", now=NOW)
    version = storage.data_version(eng)
    party_feedback.moderate(eng, EDITOR, first, True)
    party_feedback.moderate(eng, ADMIN, second, False)
    assert storage.data_version(eng) != version  # the pages' caches follow the decision
    with pytest.raises(UserError) as twice:
        party_feedback.moderate(eng, EDITOR, first, False)
    assert twice.value.key == "party_feedback.decided"
    assert [(r.status, r.moderated_by) for r in _feedback_rows(eng)] == [("disetujui", "ani"), ("ditolak", "root")]
    assert party_feedback.pending(eng, EDITOR) == []
    with storage.transaction(eng) as s:
        audit = [(e.actor, e.action, e.record_type, e.record_key, e.changes) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.record_type.in_(("party_feedback", "feedback_code")))
            .order_by(AuditEntry.id))]
    assert audit == [("ani", "create", "feedback_code", DOC, {}),
                     ("ani", "update", "party_feedback", f"{DOC} #{first}", {"moderation": ["menunggu", "disetujui"]}),
                     ("root", "update", "party_feedback", f"{DOC} #{second}", {"moderation": ["menunggu", "ditolak"]})]
    assert not any(code in str(a) for a in audit)
    approved = party_feedback.approved_frame(eng)
    assert approved["party"].tolist() == ["Kota Bandung"] and "contact" not in approved.columns


def test_approved_feedback_feeds_the_obstacles_summary_marked_as_from_the_parties(with_code):
    eng, code = with_code
    ids = [party_feedback.submit(eng, code, FeedbackForm("32.73", 2, kinds), client=f"c{i}", now=NOW)
           for i, kinds in enumerate([("anggaran", "regulasi"), ("regulasi",), ("komitmen",)])]
    party_feedback.moderate(eng, EDITOR, ids[0], True)
    party_feedback.moderate(eng, EDITOR, ids[1], True)
    party_feedback.moderate(eng, EDITOR, ids[2], False)  # rejected: counts nowhere
    agreements = pd.DataFrame({"doc_number": [DOC], "region_codes": [["32.73", "32.04"]],
                               "obstacles": [["anggaran"]], "visit_ref": [None], "signed_on": [dt.date(2025, 3, 1)],
                               "start_on": [None], "value_idr": [None], "status_history": [[]]})
    visits = pd.DataFrame(columns=["region_codes", "local_start", "ref", "official_role", "agenda"])
    prof = region_profile.profile("32.73", agreements, visits)
    counts = party_feedback.obstacle_counts(party_feedback.approved_frame(eng), prof.agreements["doc_number"])
    summary = region_profile.with_party_obstacles(prof.obstacles, counts, "id")
    assert summary[["label", "agreements", "from_parties"]].values.tolist() == [["Anggaran", 1, 1],
                                                                                ["Regulasi", 0, 2]]
    assert party_feedback.obstacle_counts(party_feedback.approved_frame(eng), ["KB/OTHER"]) == {}


def test_backups_carry_codes_and_feedback_and_a_restore_brings_them_back(with_code, tmp_path):
    eng, code = with_code
    feedback_id = party_feedback.submit(eng, code, GOOD, client="10.0.0.7", now=NOW)
    party_feedback.moderate(eng, EDITOR, feedback_id, True)
    counts = backup.export_backup(eng, tmp_path / "b")
    assert counts["feedback_code"] == 1 and counts["party_feedback"] == 1
    with eng.begin() as conn:
        conn.execute(PartyFeedback.__table__.delete())
    backup.restore_backup(eng, tmp_path / "b", ADMIN, replace=True)
    assert [(r.id, r.status, r.suggestion) for r in _feedback_rows(eng)] == [(feedback_id, "disetujui",
                                                                              GOOD.suggestion)]
    assert party_feedback.public_agreement(eng, code) is not None


def test_deleting_the_agreement_takes_its_codes_and_feedback_with_it(with_code):
    eng, code = with_code
    party_feedback.submit(eng, code, GOOD, client="10.0.0.7", now=NOW)
    with storage.transaction(eng) as s:
        write.delete_agreement(s, DOC, EDITOR)
    with storage.transaction(eng) as s:
        assert s.scalar(select(func.count()).select_from(PartyFeedback)) == 0
        assert s.scalar(select(func.count()).select_from(FeedbackCode)) == 0


def test_migration_0007_adds_and_removes_both_tables_as_the_models_describe_them(sqlite_engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from geo.db.models import Base

    with sqlite_engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in differences if "feedback" in str(d)] == []
    migrate_down(sqlite_engine, "0006")
    assert not {"feedback_code", "party_feedback"} & set(inspect(sqlite_engine).get_table_names())
    storage.migrate(sqlite_engine)
    assert {"feedback_code", "party_feedback"} <= set(inspect(sqlite_engine).get_table_names())
