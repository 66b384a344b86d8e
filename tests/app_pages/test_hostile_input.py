"""Hostile and broken import files (tests/data/hostile/, see tests/hostile_corpus.py): each gets a clear
message in both languages, nothing is written partly (row counts before/after), and the Data page stays up."""

import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from geo.importer import changes, files
from geo.records import exports, read
from geo.text.messages import UserError
from tests.conftest import EDITOR, ROOT, app_session
from tests.hostile_corpus import EXPECTED, HERE, XSS, huge_files, kind_of

TABLES = ("agreement", "agreement_party", "visit", "visit_stop", "audit_entry", "status_change")


def _counts(engine) -> dict:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in TABLES}


def _import(engine, path, kind):
    """What a user gets from the file: a file-level error, or the plan after committing its accepted rows."""
    try:
        plan = changes.plan_import(engine, kind, files.read_table(path))
    except UserError as exc:
        return exc, None
    changes.commit_import(engine, plan, EDITOR)
    return None, plan


def _check(engine, name, path, expected):
    kind = kind_of(name)
    before = _counts(engine)
    error, plan = _import(engine, path, kind)
    after = _counts(engine)
    if expected[0] == "error":
        assert error is not None and error.key == expected[1], (name, error and error.key)
        assert error.text("id") and error.text("en") and error.text("id") != error.text("en")
        assert after == before, name  # nothing written
        return None
    assert error is None, (name, error and error.text("en"))
    _, accepted, reject_keys = expected
    counts = plan.counts()
    assert counts["add"] == accepted, (name, counts, [r.reasons("en") for r in plan.rejected])
    got_keys = {e.key for r in plan.rejected for e in r.errors}
    assert got_keys <= reject_keys | {"visit.row_rejected"} and bool(got_keys) == bool(reject_keys), (name, got_keys)
    assert all(r.reasons("id") and r.reasons("en") for r in plan.rejected)
    added = after["agreement"] - before["agreement"] if kind == "agreements" else after["visit"] - before["visit"]
    groups = len({r.key for r in plan.rows if r.action == "add"})
    assert added == groups, name  # exactly the accepted records, no more, no part of a rejected one
    assert after["audit_entry"] - before["audit_entry"] == groups
    return plan


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_hostile_file_gets_a_clear_message_and_no_partial_write(engine, name):
    _check(engine, name, HERE / name, EXPECTED[name])


def test_huge_files_are_refused_before_they_are_parsed(engine, tmp_path):
    for name, (path, expected) in huge_files(tmp_path).items():
        _check(engine, name, path, expected)


def test_the_size_limit_is_configurable(engine, tmp_path, monkeypatch):
    monkeypatch.setenv("SINERGI_MAX_IMPORT_MB", "0.0001")  # about 100 bytes
    error, _ = _import(engine, HERE / "html_agreements.csv", "agreements")
    assert error.key == "file.too_big" and "SINERGI_MAX_IMPORT_MB" in error.text("en")
    monkeypatch.setenv("SINERGI_MAX_IMPORT_MB", "1")
    assert _import(engine, HERE / "html_agreements.csv", "agreements")[0] is None


def test_script_and_formulas_are_stored_as_typed_and_exports_neutralise_formulas(engine):
    _check(engine, "formulas.csv", HERE / "formulas.csv", EXPECTED["formulas.csv"])
    _check(engine, "html_agreements.csv", HERE / "html_agreements.csv", EXPECTED["html_agreements.csv"])
    frame = read.agreements_frame(engine)
    titles = set(frame["title"])
    assert '=HYPERLINK("http://contoh.invalid","klik")' in titles and XSS in titles  # nothing lost or altered
    assert any(XSS in p for ps in frame["parties"] for p in ps)
    out = frame[["doc_number", "title"]].assign(parties=frame["parties"].map("; ".join))
    csv_text = exports.to_csv_bytes(out).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text and "'@SUM" in csv_text
    ws = load_workbook(io.BytesIO(exports.to_xlsx_bytes(out))).active
    cells = [c.value for row in ws.iter_rows(min_row=2) for c in row]
    assert not any(isinstance(v, str) and v[:1] in "=+-@" for v in cells)
    assert any(v == "'" + '=HYPERLINK("http://contoh.invalid","klik")' for v in cells)


UPLOADS = ["garbage.xlsx", "zip_bomb.xlsx", "utf16_no_bom.csv", "html_agreements.csv", "impossible.csv",
           "empty.csv", "html_visits.csv"]


def test_data_page_stays_up_when_hostile_files_are_uploaded(own_app_database):
    at = AppTest.from_file(str(ROOT / "app_pages" / "records.py"), default_timeout=180)
    for k, v in app_session("ani").items():
        at.session_state[k] = v
    at.run()
    for name in UPLOADS:
        kind = kind_of(name)
        at.radio(key="imp_kind").set_value(kind).run()
        uploader = [u for u in at.file_uploader if u.key == f"upload-{kind}"][0]
        uploader.set_value((name, (HERE / name).read_bytes(), "application/octet-stream")).run()
        assert not at.exception, (name, at.exception)
        expected = EXPECTED[name]
        if expected[0] == "error":
            assert any(w in e.value for e in at.error for w in ("dibaca", "bom zip", "tidak berisi")), name
        else:
            assert len(at.metric) == 4, name  # the dry run's counts are shown
            commit = [b for b in at.button if b.key == "commit"]
            if commit and not commit[0].disabled:
                commit[0].click().run()
                assert not at.exception and any("Tersimpan" in s.value or "ditambah" in s.value
                                                 for s in at.success), name
    from geo.records import sample

    assert sample.simulated_counts(own_app_database)["real_agreements"] > 0  # written where it belonged
