"""The region map in the page: a small Streamlit component of our own (``ui/components/region_map``, plain
JavaScript on Leaflet, no build step, nothing from outside the app).

Why not streamlit-folium: folium writes the whole map, geometry included, into every view it sends (0.99 MB per
new session at regency level, 5.3 MB for districts) and the browser redraws it all. This component keeps the
boundaries as static, versioned files (``geo.maps.boundary_files``, served at
``/component/ui.region_map.boundaries/``) that the browser fetches once per level and keeps (in IndexedDB, and
in its HTTP cache behind ``run.py serve``'s nginx); each view sends only ``geo.maps.web_map.map_payload``:
colours, texts, ranks and layers. Leaflet comes from the installed xstatic-leaflet package, never a CDN; the
frame's files are versioned (``ui.component_files``), so a returning browser loads none of them again.

``show`` returns the last click as ``{"code": ..., "n": ...}`` (``n`` counts clicks, so a second click on the
same region is a new value) or None.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components
import xstatic.pkg.leaflet as xstatic_leaflet

from geo.maps import boundary_files, map_view, web_map
from ui import component_files
from ui.i18n import t

_FRONTEND = Path(__file__).parent / "components" / "region_map"
_FILES = component_files.build(_FRONTEND, component_files.default_root() / f"{__name__}.region_map",
                               {"leaflet/": xstatic_leaflet.BASE_DIR})
_component = components.declare_component("region_map", path=str(_FILES), url=component_files.frame_url(_FILES))
_BOUNDARY_FOLDER = boundary_files.default_folder()
_BOUNDARY_FOLDER.mkdir(parents=True, exist_ok=True)
_boundaries = components.declare_component("boundaries", path=str(_BOUNDARY_FOLDER))


def frame_folder() -> Path:
    """The frame's build folder (``ui.component_files``): its versioned page, scripts and stylesheets."""
    return _FILES


def boundary_folder() -> Path:
    """Where the versioned boundary files are written and served from."""
    return _BOUNDARY_FOLDER


@st.cache_data(show_spinner=False, max_entries=64)
def tooltip_labels(value_label: str) -> tuple[str, str, str, str]:
    """The tooltip's words in the page's language (``web_map.map_payload``'s ``labels``): the region, the value
    (``value_label``), the rank, and what a rank several regions share is called."""
    return t("tooltip.region"), value_label, t("map.rank"), t("map.rank_tied")


def view_payload(version: tuple, spec: map_view.Spec, lang: str, **options) -> dict:
    """The payload of the view of ``spec`` on data ``version``, computed once and shared by every session (the
    national map's view is the same for everyone who asks for it). ``options``: ``map_payload``'s."""
    from ui import briefing_files

    return web_map.map_payload(briefing_files.view(version, spec, lang), boundary_folder=_BOUNDARY_FOLDER, **options)


def show(payload: dict, *, key: str, on_change=None):
    """Draw ``payload`` (``geo.maps.web_map.map_payload``); the last click, or None."""
    return _component(**payload, key=key, default=None, on_change=on_change)
