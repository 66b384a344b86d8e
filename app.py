"""Sinergi — entry point and navigation.  Run with ``streamlit run app.py``."""

import streamlit as st

from geo import config, events
from geo.text.catalog import text
from ui import auth, database, errors, party_feedback_form, records_cache, theme
from ui.i18n import current_language, language_picker, t

st.set_page_config(page_title="Sinergi", page_icon="🗺️", layout="wide")


@st.cache_resource
def _started() -> bool:
    """The ``start`` line of the event log, once per server process (its first page load)."""
    events.log("start", version=st.__version__, server_address=config.get("SINERGI_SERVER_ADDRESS"))
    return True


theme.apply()
language_picker()
if problems := config.check_all():  # a bad SINERGI_* value: say which, run nothing on a guess
    st.error(t("config.invalid") + "\n\n" + "\n".join(f"- `{p}`" for p in problems))
    st.stop()
_started()
database.prepare()  # a new data folder: the sample is written here, with a progress bar
if (feedback_code := party_feedback_form.requested()) is not None:
    party_feedback_form.show(feedback_code)  # a party's feedback link: the form only, no login, no other page; stops
who = auth.gate()  # the login box; stops here when viewing requires a login

pages = [
    st.Page("app_pages/national_map.py", title=t("nav.map"), icon=":material/map:", default=True),
    st.Page("app_pages/region.py", title=t("nav.region"), icon=":material/location_city:"),
    st.Page("app_pages/impact.py", title=t("nav.impact"), icon=":material/trending_up:"),
    st.Page("app_pages/planner.py", title=t("nav.planner"), icon=":material/route:"),
    st.Page("app_pages/monitoring.py", title=text("monitoring.nav", current_language()), icon=":material/monitoring:"),
    st.Page("app_pages/records.py", title=t("nav.records"), icon=":material/table_view:"),
    st.Page("app_pages/gallery.py", title=t("nav.gallery"), icon=":material/photo_library:"),
    st.Page("app_pages/briefing.py", title=t("nav.briefing"), icon=":material/slideshow:"),
    st.Page("app_pages/method.py", title=t("nav.method"), icon=":material/menu_book:"),
    st.Page("app_pages/about_data.py", title=t("nav.data_credits"), icon=":material/info:"),
    *([st.Page("app_pages/party_feedback.py", title=text("party_feedback.nav", current_language()),
               icon=":material/rate_review:")] if who and who.can("editor") else []),
    *([st.Page("app_pages/users.py", title=t("nav.users"), icon=":material/group:")] if who and who.can("admin") else []),
    *([st.Page("app_pages/vocabularies.py", title=t("nav.vocabularies"), icon=":material/menu_book:")]
      if who and who.can("admin") else []),
]
page = st.navigation(pages)
errors.run_page(page.run, where=page.url_path or "home")
# after the page, once per data version and process: the planner backtest's months start computing in the
# background, so that its first press finds them (geo.planner.replay_store; SINERGI_PLANNER_PRECOMPUTE)
records_cache.planner_precompute(records_cache.version(), "regency")
