"""Where the region data comes from, its licence and the build's checks."""

import streamlit as st

from geo.text import numbers
from ui import data_sources
from ui.downloads import download_buttons
from ui.i18n import current_language, t

st.title(t("data.title"))
st.caption(t("credit"))
counts = data_sources.counts_frame()
st.subheader(t("data.counts"))
# the counts written the Indonesian way ("7.285"); the downloads keep the numbers
count_col = counts.columns[1]
st.dataframe(counts.assign(**{count_col: [numbers.number(n, 0, current_language()) for n in counts[count_col]]}),
             hide_index=True, column_config={count_col: st.column_config.TextColumn(alignment="right")})
download_buttons(counts, "jumlah_wilayah")
st.subheader(t("data.licence"))
st.code(data_sources.licence_text(), language=None)
with st.expander(t("data.checks")):
    st.caption(t("data.checks_help"))
    checks = data_sources.display_checks_frame()
    st.dataframe(checks, hide_index=True, width="stretch")
    download_buttons(checks, "mutu_batas_peta")
