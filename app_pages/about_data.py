"""Where the region data comes from, its licence and the build's checks."""

import json

import pandas as pd
import streamlit as st

from geo.maps.web_map import DATA_DIR
from geo.regions import lookup
from ui.downloads import download_buttons
from ui.i18n import t

st.title(t("data.title"))
st.caption(t("credit"))
counts = pd.DataFrame({t("map.level"): [t(f"level.{lv}") for lv in ("province", "regency", "district")],
                       t("data.counts"): [len(lookup.all_regions(lv)) for lv in ("province", "regency", "district")]})
st.subheader(t("data.counts"))
st.dataframe(counts, hide_index=True)
download_buttons(counts, "jumlah_wilayah")
st.subheader(t("data.licence"))
st.code((DATA_DIR / "LICENSE-wilayah.txt").read_text(encoding="utf-8"), language=None)
report = json.loads((DATA_DIR / "build_report.json").read_text(encoding="utf-8"))
st.json(report["checks"]["display"], expanded=False)
