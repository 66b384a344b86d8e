"""The briefing words of one language as a mapping without the ``briefing.`` prefix: ``words("en")["period"]``.

The words themselves are in the catalog (``geo/text/words/briefing.py``); this view serves the callers that
still look many of them up by short key (``geo.maps.map_view`` and the briefing page). New code asks the
catalog directly: ``geo.text.catalog.text("briefing.period", lang)``. The values are templates, their
placeholders unfilled; a language outside ``geo.text.catalog.LANGUAGES`` gets Indonesian.
"""

from __future__ import annotations

from geo.text import catalog

PREFIX = "briefing."


def words(lang: str = catalog.DEFAULT_LANGUAGE) -> dict[str, str]:
    return {key.removeprefix(PREFIX): catalog.template(key, lang) for key in catalog.CATALOG if key.startswith(PREFIX)}
