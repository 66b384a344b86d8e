"""ui.feedback: a refused action is shown once, in the page's language, with the user's text inert."""

from streamlit.testing.v1 import AppTest


def _page(lang: str):
    def script():
        import streamlit as st

        from geo.text.messages import UserError
        from ui.feedback import errors_shown

        with errors_shown() as refused:
            raise UserError("row.duplicate", record="**119**/KB", first="-")
        with errors_shown() as fine:
            st.success("ok")
        st.session_state["seen"] = (refused.failed, refused.error.key, fine.failed)

    at = AppTest.from_function(script)
    at.session_state["lang"] = lang
    return at.run()


def test_a_refused_action_shows_its_message_in_indonesian_and_reports_the_failure():
    at = _page("id")
    assert not at.exception
    assert [e.value.replace("\\", "") for e in at.error] == ["baris ganda dengan kunci '**119**/KB' (baris -)"]
    assert "\\*\\*" in at.error[0].value  # the user's markdown stays text
    assert at.session_state["seen"] == (True, "row.duplicate", False)
    assert [s.value for s in at.success] == ["ok"]


def test_a_refused_action_shows_its_message_in_english():
    at = _page("en")
    assert [e.value.replace("\\", "") for e in at.error] == ["duplicate row for key '**119**/KB' (row -)"]


def test_other_errors_are_not_swallowed():
    def script():
        from ui.feedback import errors_shown

        with errors_shown():
            raise KeyError("a bug")

    at = AppTest.from_function(script).run()
    assert at.exception and not at.error
