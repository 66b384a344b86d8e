"""Sinergi — entry point and navigation.  Run with ``streamlit run app.py``."""

import streamlit as st

from ui import auth, theme
from ui.i18n import language_picker, t

st.set_page_config(page_title="Sinergi", page_icon="🗺️", layout="wide")
theme.apply()
language_picker()
who = auth.gate()  # the login box; stops here when viewing requires a login

pages = [
    st.Page("pages/national_map.py", title=t("nav.map"), icon=":material/map:", default=True),
    st.Page("pages/region.py", title=t("nav.region"), icon=":material/location_city:"),
    st.Page("pages/impact.py", title=t("nav.impact"), icon=":material/trending_up:"),
    st.Page("pages/planner.py", title=t("nav.planner"), icon=":material/route:"),
    st.Page("pages/records.py", title=t("nav.records"), icon=":material/table_view:"),
    st.Page("pages/briefing.py", title=t("nav.briefing"), icon=":material/slideshow:"),
    st.Page("pages/about_data.py", title=t("nav.data_credits"), icon=":material/info:"),
    *([st.Page("pages/users.py", title=t("nav.users"), icon=":material/group:")] if who and who.can("admin") else []),
]
st.navigation(pages).run()
