"""Gallery "Contoh kerja sama yang berhasil": photos of running and completed agreements, filtered by sector,
region and period (``geo.evidence.gallery``); the sector and period travel with the shared view."""

import datetime as dt

import streamlit as st

from geo.evidence import gallery
from geo.regions import lookup
from ui import evidence, records_cache, shared_view, url_state, vocabulary_labels
from ui.database import engine, simulated_banner
from ui.i18n import label, t


@st.cache_data(show_spinner=False, max_entries=32)
def photos(version: tuple, sectors: tuple, region: str, start: dt.date, end: dt.date) -> list[gallery.Photo]:
    return gallery.success_gallery(engine(), sectors=sectors, regions_in=(region,) if region else (),
                                   start=start, end=end)


SECTORS = vocabulary_labels.labels("sector")  # the defaults and the admin's terms
st.title(t("ev.title"))
simulated_banner()
st.caption(t("ev.intro"))
version = records_cache.version()
shared_view.begin()
c1, c2, c3 = st.columns([3, 3, 2])
c1.multiselect(t("rec.sector"), vocabulary_labels.options("sector"), format_func=lambda k: label(SECTORS, k),
               key="sector", placeholder=t("choose"))
regions = [""] + [r.code for lv in lookup.GOVERNMENT_LEVELS for r in lookup.all_regions(lv)]
region = c2.selectbox(t("ev.region"), regions, key="gal_region",
                      format_func=lambda c: f"{lookup.get(c).name} ({c})" if c else t("ev.all_regions"))
with c3:
    y0, y1 = st.slider(t("map.period"), url_state.FIRST_YEAR, dt.date.today().year,
                       (int(st.session_state["y0"]), int(st.session_state["y1"])), key="gal_years")
st.session_state["y0"], st.session_state["y1"] = y0, y1
shared_view.end()
start, end = shared_view.period_dates()

found = photos(version, tuple(st.session_state["sector"]), region, start, end)
st.caption(t("ev.count", n=len(found)))
if found:
    evidence.photo_grid(found)
else:
    st.info(t("ev.none"))
