"""The method: how Sinergi estimates the impact of working visits (docs/impact_method.md, shown as written)."""

import streamlit as st

from geo.config import ROOT
from ui.i18n import t

st.title(t("method.title"))
st.info(t("method.intro"))
st.markdown((ROOT / "docs" / "impact_method.md").read_text(encoding="utf-8"))
