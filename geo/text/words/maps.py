"""The words of the on-screen web map (``geo.maps.web_map``) that the interface does not already name.

The map's legend, titles and measures come from the interface (``ui.map.*``, ``ui.metric.*``) and, for the
exports, from ``briefing.*``; here only what the folium markers write themselves, and the legend's one class when
every region has the same value (``geo.maps.classes``). Keys start with ``maps.``.
"""

from __future__ import annotations

WORDS = {
    "maps.more_visits": {"id": "+ {n} kunjungan lainnya", "en": "+ {n} more visits"},
    "maps.all_equal": {"id": "semua daerah: {value}", "en": "all regions: {value}"},
    # half-open classes of measures that are not counts: a value sits in exactly one (``geo.maps.classes``)
    "maps.class.first": {"id": "≤ {high}", "en": "≤ {high}"},
    "maps.class.middle": {"id": "> {low} s.d. {high}", "en": "> {low} to {high}"},
    "maps.class.last": {"id": "> {low}", "en": "> {low}"},
}
