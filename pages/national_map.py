"""National map: every region of the chosen level, name on hover."""

import os

import streamlit as st
from streamlit_folium import st_folium

from geo import maps, regions
from ui.database import simulated_banner
from ui.i18n import t
from ui.offline_leaflet import ASSET_BASE

st.title(t("map.title"))
simulated_banner()
levels = ["province", "regency", "district"]
level = st.segmented_control(t("map.level"), levels, default="province",
                             format_func=lambda lv: t(f"level.{lv}"), key="level") or "province"
st.caption(t("map.caption", n=len(regions.all_regions("province"))))

m = maps.region_map(level, asset_base=ASSET_BASE, tile_url=os.environ.get("SINERGI_TILE_URL") or None,
                    tooltip_labels=(t("tooltip.region"), t("tooltip.code")))
st_folium(m, height=620, use_container_width=True, returned_objects=[], key=f"map-{level}")
st.caption(t("credit"))
