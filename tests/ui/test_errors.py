"""An unexpected error: the user sees a friendly message with an error id, the log has the details."""

import json

import pytest
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.friendly_errors


def _page_that_fails():
    from ui.errors import run_page

    def broken():
        raise RuntimeError("kolom rahasia_internal hilang")

    run_page(broken, where="tes")


def test_a_failing_page_shows_an_error_id_and_the_log_has_the_traceback_under_it(tmp_path, monkeypatch):
    log = tmp_path / "events.log"
    monkeypatch.setenv("SINERGI_LOG_FILE", str(log))
    at = AppTest.from_function(_page_that_fails).run(timeout=60)
    assert not at.exception
    shown = at.error[0].value
    assert "rahasia_internal" not in shown and "Traceback" not in shown and "RuntimeError" not in shown
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    error = next(e for e in lines if e["event"] == "error")
    assert f"**{error['error_id']}**" in shown
    assert "rahasia_internal" in error["traceback"] and error["error_type"] == "RuntimeError"


def test_reruns_and_stops_are_not_errors():
    def page():
        import streamlit as st

        from ui.errors import run_page

        run_page(st.stop)
        st.write("not reached")

    at = AppTest.from_function(page).run(timeout=60)
    assert not at.error and not at.exception and not at.markdown


@pytest.mark.friendly_errors
def test_in_the_test_suite_a_failing_page_is_still_an_exception(monkeypatch):
    monkeypatch.setattr("ui.errors.RERAISE", True)  # what tests/conftest.py does for every other test
    at = AppTest.from_function(_page_that_fails).run(timeout=60)
    assert at.exception and at.error
