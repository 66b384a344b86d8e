"""Keep every page inside the app's navigation, also when its URL is opened directly.

Streamlit treats a folder named ``pages/`` next to the entry script as an old-style (v1) multipage app until
the entry script has called ``st.navigation`` once in the server process. So the first visitor of a fresh
server who opens ``/impact`` directly would get that page without the app's navigation, language picker and
wide layout, and so would everyone after them. ``run_inside_app`` switches the server to the app's own
navigation and reruns, which then goes through ``app.py`` to the same page.
"""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def run_inside_app() -> None:
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
