"""Where the region data comes from, its licence and the build's checks."""

import streamlit as st

from ui import data_sources
from ui.downloads import download_buttons
from ui.i18n import t

st.title(t("data.title"))
st.caption(t("credit"))
counts = data_sources.counts_frame()
st.subheader(t("data.counts"))
st.dataframe(counts, hide_index=True)
download_buttons(counts, "jumlah_wilayah")
st.subheader(t("data.licence"))
st.code(data_sources.licence_text(), language=None)
with st.expander(t("data.checks")):
    st.caption(t("data.checks_help"))
    checks = data_sources.display_checks_frame()
    st.dataframe(checks, hide_index=True, width="stretch")
    download_buttons(checks, "mutu_batas_peta")
