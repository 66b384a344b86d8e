"""Briefing files in the app: the view of the screen, the files made from it (cached until the data
changes), and their download buttons. A file is made when its button is clicked, not on every rerun.

An itinerary for the deck and the story (a DataFrame with ``geo.briefings.deck.ITINERARY_COLUMNS``) is read from
``st.session_state[ITINERARY_KEY]``, where the planner puts the one the user chose.
"""

from __future__ import annotations

import streamlit as st

from geo.briefings import deck, region_brief
from geo.evidence import gallery
from geo.io import gis_export
from geo.maps import map_view, print_map
from ui import records_cache
from ui.database import engine
from ui.downloads import logged_file
from ui.i18n import current_language, t

ITINERARY_KEY = "briefing_itinerary"
SCREEN_DPI = 110
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}


def view(version: tuple, spec: map_view.Spec, lang: str | None = None) -> map_view.View:
    """The view of ``spec`` from the data version's context (as the map page computes it)."""
    return map_view.compute(spec, records_cache.context(version), lang=lang or current_language())


@st.cache_data(show_spinner=False, max_entries=16)
def map_file(version: tuple, spec: map_view.Spec, lang: str, fmt: str, dpi: int = print_map.PRINT_DPI) -> bytes:
    return print_map.render(view(version, spec, lang), fmt, dpi=dpi)


@st.cache_data(show_spinner=False, max_entries=16)
def facts(version: tuple, code: str, lang: str, start=None, end=None, weights: tuple = (),
          filters: tuple = ((), (), (), ())) -> region_brief.Facts:
    """The region's facts for the view's period, score weights and ``filters`` (sectors, types, statuses,
    ministries)."""
    sectors, types, statuses, ministries = filters
    return region_brief.facts(code, records_cache.context(version), lang=lang, start=start, end=end, weights=weights,
                              sectors=sectors, types=types, statuses=statuses, ministries=ministries)


def filters_of(spec: map_view.Spec) -> tuple:
    return spec.sectors, spec.types, spec.statuses, spec.ministries


@st.cache_data(show_spinner=False, max_entries=16)
def region_photos(version: tuple, code: str, start=None, end=None) -> list:
    """The photos of the region's agreements and visits in the period (``geo.evidence.gallery``), newest first."""
    return gallery.region_photos(engine(), code, start=start, end=end)


def photos_with_images(version: tuple, code: str, start=None, end=None) -> list:
    """The newest photos the brief and the deck carry, with their stored images."""
    return gallery.with_images(engine(), region_photos(version, code, start, end)[:region_brief.MAX_PHOTOS])


def brief_pdf(version: tuple, code: str, lang: str, start=None, end=None, weights: tuple = (),
              filters: tuple = ((), (), (), ())) -> bytes:
    return region_brief.pdf_bytes(facts(version, code, lang, start, end, weights, filters),
                                  photos_with_images(version, code, start, end))


def deck_file(version: tuple, spec: map_view.Spec, lang: str, chosen: tuple, itinerary=None) -> bytes:
    """The deck of the view on screen; the map picture and the chosen regions' facts are the cached ones."""
    return deck.build(view(version, spec, lang), records_cache.context(version), chosen=chosen, itinerary=itinerary,
                      facts={code: facts(version, code, lang, spec.start, spec.end, spec.weights, filters_of(spec))
                             for code in chosen},
                      map_png=map_file(version, spec, lang, "png", 200),
                      photos={code: photos_with_images(version, code, spec.start, spec.end) for code in chosen})


def _name(spec: map_view.Spec) -> str:
    where = spec.within.replace(".", "_") if spec.within else "indonesia"
    return f"peta_{spec.metric}_{where}_{spec.level}"


@st.cache_data(show_spinner=False, max_entries=8)
def gis_file(version: tuple, spec: map_view.Spec, lang: str, fmt: str) -> bytes:
    """The map layer on screen as a GIS file (``geo.io.gis_export``: GeoPackage, zipped Shapefile, GeoJSON, KML)."""
    return gis_export.export(view(version, spec, lang), fmt)


def map_buttons(version: tuple, spec: map_view.Spec, *, key: str = "map") -> None:
    """PNG (300 dpi), SVG and PDF of the map as it is on screen; then the map layer as a GIS file, in the format
    picked (the file is made only when its button is clicked)."""
    lang = current_language()
    cols = st.columns(3)
    for col, fmt in zip(cols, ("png", "svg", "pdf")):
        col.download_button(t(f"brief.dl_{fmt}"),
                            logged_file(lambda fmt=fmt: map_file(version, spec, lang, fmt), "map", fmt, _name(spec)),
                            f"{_name(spec)}.{fmt}", MIME[fmt], key=f"{key}-{fmt}", on_click="ignore",
                            icon=":material/download:")
    pick, button = st.columns([2, 1], vertical_alignment="bottom")
    fmt = pick.selectbox(t("gis.format"), tuple(gis_export.MIME), format_func=lambda f: t(f"gis.format.{f}"),
                         key=f"{key}-gis-format", help=t("gis.format_help"), placeholder=t("choose"))
    button.download_button(t("gis.download"),
                           logged_file(lambda: gis_file(version, spec, lang, fmt), "map_layer", fmt, _name(spec)),
                           f"{_name(spec)}{gis_export.SUFFIX[fmt]}", gis_export.MIME[fmt], key=f"{key}-gis",
                           on_click="ignore", icon=":material/download:")


def brief_button(version: tuple, code: str, name: str, *, start=None, end=None, weights: tuple = (),
                 filters: tuple = ((), (), (), ()), key: str = "brief") -> None:
    lang = current_language()
    st.download_button(t("brief.dl_brief", region=name),
                       logged_file(lambda: brief_pdf(version, code, lang, start, end, weights, filters), "brief",
                                   "pdf", code),
                       f"ringkasan_{code.replace('.', '_')}.pdf", MIME["pdf"], key=f"{key}-{code}",
                       on_click="ignore", icon=":material/download:")


def deck_button(version: tuple, spec: map_view.Spec, chosen: tuple, itinerary=None, *, key: str = "deck") -> None:
    lang = current_language()
    st.download_button(t("brief.dl_pptx"),
                       logged_file(lambda: deck_file(version, spec, lang, chosen, itinerary), "deck", "pptx",
                                   _name(spec)),
                       "briefing_sinergi.pptx", MIME["pptx"], key=key, on_click="ignore", type="primary",
                       icon=":material/download:")
