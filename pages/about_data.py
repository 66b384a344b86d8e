"""Where the region data comes from, its licence and the build's checks."""

import json

import streamlit as st

from geo import regions
from geo.maps import DATA_DIR
from ui.i18n import t

st.title(t("data.title"))
st.caption(t("credit"))
counts = {t(f"level.{lv}"): len(regions.all_regions(lv)) for lv in ("province", "regency", "district")}
st.subheader(t("data.counts"))
st.table(counts)
st.subheader(t("data.licence"))
st.code((DATA_DIR / "LICENSE-wilayah.txt").read_text(encoding="utf-8"), language=None)
report = json.loads((DATA_DIR / "build_report.json").read_text(encoding="utf-8"))
st.json(report["checks"]["display"], expanded=False)
