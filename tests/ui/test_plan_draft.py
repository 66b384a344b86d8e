"""ui.plan_draft: the planner's widgets get the draft's values back whenever Streamlit dropped them (a run that did
not draw them: another page was shown), never their calls' defaults."""

from streamlit.testing.v1 import AppTest


def _page():
    import streamlit as st

    from ui import plan_draft

    plan_draft.restore(None)  # anonymous: the draft lives in the session
    if not st.session_state.get("away"):  # a run of another page draws none of the planner's widgets
        st.number_input("days", 1, 60, key="plan_days")
        st.checkbox("return home", key="plan_return")
        st.radio("stops a day", [1, 2], key="plan_per_day")
        plan_draft.keep(None)


def test_the_plans_settings_come_back_after_a_run_that_did_not_draw_them():
    at = AppTest.from_function(_page).run()
    assert at.number_input(key="plan_days").value == 5 and at.checkbox(key="plan_return").value is True
    at.number_input(key="plan_days").set_value(9)
    at.checkbox(key="plan_return").set_value(False)
    at.radio(key="plan_per_day").set_value(1).run()
    at.session_state["away"] = True
    at.run()
    at.session_state["away"] = False
    at.run()
    assert not at.exception
    assert at.number_input(key="plan_days").value == 9
    assert at.checkbox(key="plan_return").value is False and at.radio(key="plan_per_day").value == 1
    assert at.session_state["plan_draft"].days == 9
