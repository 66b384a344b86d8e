"""The parties' feedback in the app (Streamlit AppTest, Indonesian): the link opens the form without a login even
when viewing requires one, and sending it writes one pending row and nothing else; a wrong code shows only the code
box; the moderation page is for editors; an approved entry shows, escaped, on the region page, its obstacles
counted apart as from the parties."""

import pytest
import streamlit as st
from sqlalchemy import event, select
from streamlit.testing.v1 import AppTest

from geo.access import accounts
from geo.db import storage
from geo.db.models import PartyFeedback, User
from geo.records import party_feedback, read
from tests.conftest import APP_USERS, EDITOR, ROOT, app_session
from tests.records.test_party_feedback import _dump

EVIL = '<script>window.x=1</script> **tebal** [klik](http://contoh.invalid) =HYPERLINK("http://x")'


@pytest.fixture()
def feedback_app(sample_data_dir, monkeypatch):
    """(engine, document number, code): the app on a copy of the sample with the test users, and a feedback code
    for an agreement of Kota Bandung (32.73)."""
    monkeypatch.setenv("SINERGI_DATA_DIR", str(sample_data_dir))
    monkeypatch.delenv("SINERGI_DATABASE_URL", raising=False)
    monkeypatch.delenv("SINERGI_VIEW_REQUIRES_LOGIN", raising=False)
    st.cache_data.clear()
    eng = storage.default_engine()  # the engine the app uses for this folder
    for name, (role, password) in APP_USERS.items():
        with storage.transaction(eng) as s:
            known = s.scalar(select(User).where(User.username == name)) is not None
        if not known:
            accounts._add(eng, name, password, role)
    agreements = read.agreements_frame(eng)
    doc = agreements[agreements["region_codes"].map(lambda cs: "32.73" in cs)]["doc_number"].iloc[0]
    code = party_feedback.current_code(eng, EDITOR, doc) or party_feedback.issue_code(eng, EDITOR, doc)
    yield eng, doc, code
    st.cache_data.clear()


def _app(code: str | None, **state) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    for key, value in state.items():
        at.session_state[key] = value
    at.session_state["lang"] = "id"
    if code is not None:
        at.query_params[party_feedback.PARAM] = code
    return at.run()


def _send(at: AppTest, **fields) -> AppTest:
    if "party" in fields:
        [s for s in at.selectbox if s.label == "Daerah Anda"][0].set_value(fields["party"])
    if "rating" in fields:
        at.radio[0].set_value(fields["rating"])
    at.multiselect[0].set_value(list(fields.get("obstacles", [])))
    at.text_area[0].set_value(fields.get("suggestion", ""))
    at.text_input[0].set_value(fields.get("contact", ""))
    [b for b in at.get("form_submit_button") if b.label == "Kirim umpan balik"][0].click()
    return at.run()


def test_the_feedback_form_works_without_a_login_and_writes_one_pending_row_and_nothing_else(feedback_app,
                                                                                               monkeypatch):
    eng, doc, code = feedback_app
    monkeypatch.setenv("SINERGI_VIEW_REQUIRES_LOGIN", "1")
    at = _app(code)
    assert not at.exception
    assert [t.value for t in at.title] == ["Umpan balik para pihak"]
    assert not any("login" in (w.key or "") for w in at.text_input)  # no login box, nothing of the app
    assert not any("masuk untuk melihat" in i.value for i in at.info)
    before = _dump(eng)
    writes = []
    listener = lambda conn, cursor, statement, *rest: writes.append(statement.split("(")[0].strip())  # noqa: E731
    event.listen(eng, "before_cursor_execute", listener)
    try:
        at = _send(at, party="32.73", rating=2, obstacles=["anggaran"], suggestion=EVIL, contact="08123")
    finally:
        event.remove(eng, "before_cursor_execute", listener)
    assert not at.exception and not at.error
    assert any("Terima kasih" in s.value for s in at.success)
    assert [w for w in writes if w.split()[0].upper() in ("INSERT", "UPDATE", "DELETE")] == \
        ["INSERT INTO party_feedback"]
    after = _dump(eng)
    new = [r for r in after["party_feedback"] if r not in before["party_feedback"]]
    assert [(r["status"], r["rating"], r["suggestion"], r["contact"]) for r in new] == [("menunggu", 2, EVIL, "08123")]
    after["party_feedback"] = before["party_feedback"]
    assert after == before


def test_a_refused_entry_says_why_and_keeps_what_was_typed(feedback_app):
    eng, _, code = feedback_app
    at = _send(_app(code), suggestion="Saran yang panjang dan penting")  # no region chosen
    assert [e.value.replace("\\", "") for e in at.error] == ["Pilih daerah Anda dari para pihak kerja sama ini."]
    at = _send(at, party="32.73", suggestion="Saran yang panjang dan penting")  # no rating chosen
    assert [e.value.replace("\\", "") for e in at.error] == ["Pilih penilaian kemajuan dari 1 sampai 5."]
    assert at.text_area[0].value == "Saran yang panjang dan penting"


def test_a_wrong_or_revoked_code_shows_only_the_code_box(feedback_app):
    eng, doc, code = feedback_app
    at = _app("ABCD-EFGH-JKMN")
    assert not at.exception and any("tidak berlaku" in e.value for e in at.error)
    assert len(at.get("form_submit_button")) == 1 and len(at.radio) == 0  # the box to type a code, no form
    at.text_input[0].set_value(party_feedback.format_code(code).lower())
    at.get("form_submit_button")[0].click()
    at = at.run()
    assert not at.exception and len(at.radio) == 1  # the typed code opens the form
    assert at.query_params[party_feedback.PARAM] == [code] or at.query_params[party_feedback.PARAM] == code


def test_the_moderation_page_is_for_editors_and_an_approval_reaches_the_region_page(feedback_app):
    eng, doc, code = feedback_app
    feedback_id = party_feedback.submit(eng, code, party_feedback.FeedbackForm(
        "32.73", 1, ("perbedaan_persepsi",), suggestion=EVIL, contact="kontak@contoh.invalid"), client="10.9.9.9")
    page = str(ROOT / "app_pages" / "party_feedback.py")
    for who in (None, "vina"):
        at = AppTest.from_file(page, default_timeout=300)
        for k, v in app_session(who).items():
            at.session_state[k] = v
        at = at.run()
        assert not at.exception and len(at.button) == 0 and "kontak@contoh.invalid" not in str(at.main)
    at = AppTest.from_file(page, default_timeout=300)
    for k, v in app_session("ani").items():
        at.session_state[k] = v
    at.session_state["lang"] = "id"
    at = at.run()
    assert not at.exception
    assert f"Saran: {EVIL}" in [x.value for x in at.text]  # plain text: shown as typed, never as markup
    assert "Kontak: kontak@contoh.invalid" in [x.value for x in at.text]
    assert not any(EVIL in m.value for m in at.markdown)
    [b for b in at.button if b.key == f"moderate-{feedback_id}-True"][0].click()
    at = at.run()
    assert not at.exception
    with storage.transaction(eng) as s:
        assert s.get(PartyFeedback, feedback_id).status == "disetujui"
    region = AppTest.from_file(str(ROOT / "app_pages" / "region.py"), default_timeout=300)
    region.query_params["region"] = "32.73"
    region.session_state["lang"] = "id"
    region = region.run()
    assert not region.exception
    tables = [d.value for d in region.dataframe]
    feedback_table = [t for t in tables if "Saran" in t.columns][0]
    assert EVIL in feedback_table["Saran"].tolist() and "Kontak" not in feedback_table.columns
    obstacles = [t for t in tables if "Dari para pihak" in t.columns][0]
    row = obstacles[obstacles["Hambatan"] == "Perbedaan persepsi"]
    assert int(row["Dari para pihak"].iloc[0]) >= 1
