"""The app's look: less empty space above the content, so the map is in view without scrolling on a projector."""

import streamlit as st

CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; padding-bottom: 2rem; }
[data-testid="stSidebarContent"] [data-testid="stSidebarHeader"] { height: 2rem; }
</style>"""


def apply() -> None:
    st.markdown(CSS, unsafe_allow_html=True)
