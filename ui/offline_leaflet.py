"""Serve Leaflet from the installed xstatic-leaflet package, not from a CDN.

Streamlit serves the folder of every declared component at
``/component/<module>.<name>/``. Declaring the package's data folder as a
(never rendered) component makes ``leaflet.js`` and ``leaflet.css`` available
from the app itself. The map frame (``ui.region_map``) lives at
``/component/ui.region_map.region_map/index.html``, so the assets are
reached with a relative URL and keep working behind a base URL path.
"""

from __future__ import annotations

import streamlit.components.v1 as components
import xstatic.pkg.leaflet as xstatic_leaflet

_COMPONENT = components.declare_component("leaflet", path=xstatic_leaflet.BASE_DIR)
ASSET_BASE = "../ui.offline_leaflet.leaflet"
