"""Users page (admins only): add users, change roles and passwords, disable or remove accounts."""

import pandas as pd
import streamlit as st

from geo.access import accounts
from geo.access.roles import ROLES
from ui import auth, date_columns
from ui.database import engine
from ui.feedback import errors_shown
from ui.i18n import current_language, localized_columns, t

st.title(t("users.title"))
admin = auth.principal()
if admin is None or not admin.can("admin"):
    st.warning(t("users.admin_only"))
    st.stop()
eng = engine()
DONE_KEY = "users_done"  # the success message of the last change, shown on the run that follows it

if st.session_state.pop(DONE_KEY, None):
    st.success(t("users.done"))


def attempt(action) -> None:
    """Do ``action``; on success run the page again, so the table, pick list and buttons show the change."""
    with errors_shown() as outcome:  # the message may quote what the admin typed, e.g. a rejected user name
        action()
    if outcome.failed:
        return
    st.session_state[DONE_KEY] = True
    st.rerun()


people = accounts.list_users(eng, admin)
frame = pd.DataFrame([u.__dict__ for u in people], columns=["username", "role", "active", "created_at",
                                                            "last_login_at"])
frame["role"] = frame["role"].map(lambda r: t(f"role.{r}"))
for column in ("created_at", "last_login_at"):  # never logged in: an empty cell (NaT), never the word "None"
    frame[column] = pd.to_datetime(frame[column], utc=True)
people_shown = localized_columns(frame, list(frame.columns))
st.dataframe(people_shown, hide_index=True, width="stretch",
             column_config=date_columns.config(people_shown, current_language()))

with st.form("user-add", clear_on_submit=True):
    st.subheader(t("users.add"))
    c1, c2 = st.columns(2)
    name = c1.text_input(t("auth.username"), key="new_user")
    role = c2.selectbox(t("users.role"), ROLES, format_func=lambda r: t(f"role.{r}"), key="new_role",
                        placeholder=t("choose"))
    pw1 = c1.text_input(t("auth.password"), type="password", key="new_pw1")
    pw2 = c2.text_input(t("users.password_again"), type="password", key="new_pw2")
    if st.form_submit_button(t("users.add"), type="primary"):
        if pw1 != pw2:
            st.error(t("users.mismatch"))
        else:
            attempt(lambda: accounts.add_user(eng, admin, name, pw1, role))

picked = st.selectbox(t("users.pick"), [""] + [u.username for u in people], key="user_pick", placeholder=t("choose"))
user = next((u for u in people if u.username == picked), None)
if user is not None:
    c1, c2 = st.columns(2)
    new_role = c1.selectbox(t("users.role"), ROLES, index=ROLES.index(user.role), format_func=lambda r: t(f"role.{r}"),
                            key="edit_role", placeholder=t("choose"))
    if c1.button(t("users.set_role"), key="btn_role"):
        attempt(lambda: accounts.set_role(eng, admin, picked, new_role))
    if c2.button(t("users.disable") if user.active else t("users.enable"), key="btn_active"):
        attempt(lambda: accounts.set_active(eng, admin, picked, not user.active))
    with st.form("user-password", clear_on_submit=True):
        pw1 = st.text_input(t("auth.password"), type="password", key="edit_pw1")
        pw2 = st.text_input(t("users.password_again"), type="password", key="edit_pw2")
        if st.form_submit_button(t("users.set_password")):
            if pw1 != pw2:
                st.error(t("users.mismatch"))
            else:
                def set_password():
                    accounts.set_password(eng, admin, picked, pw1)
                    if picked == admin.username:  # a new password ends older logins: this one goes on
                        auth.start_session(admin)

                attempt(set_password)
    confirm = st.checkbox(t("users.remove"), key="remove_confirm")
    if st.button(t("users.remove"), disabled=not confirm, key="btn_remove", type="primary"):
        attempt(lambda: accounts.remove_user(eng, admin, picked))
