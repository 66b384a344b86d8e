"""The words of the on-screen web map (``geo.maps.web_map``) that the interface does not already name.

The map's legend, titles and measures come from the interface (``ui.map.*``, ``ui.metric.*``) and, for the
exports, from ``briefing.*``; here only what the folium markers write themselves. Keys start with ``maps.``.
"""

from __future__ import annotations

WORDS = {
    "maps.more_visits": {"id": "+ {n} kunjungan lainnya", "en": "+ {n} more visits"},
}
