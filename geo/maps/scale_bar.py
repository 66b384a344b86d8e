"""The maps' scale bar: kilometres only.

folium's ``Map(control_scale=True)`` writes ``L.control.scale()`` with Leaflet's defaults, which draw miles under
the kilometres ("300 mi"). Indonesia measures in kilometres, so the maps leave ``control_scale`` off and add
``MetricScale`` instead: ``L.control.scale({metric: true, imperial: false})``, bottom left as before.

    >>> import folium
    >>> m = folium.Map(tiles=None)
    >>> _ = MetricScale().add_to(m)
    >>> html = m.get_root().render()
    >>> "imperial: false" in html and "L.control.scale()" not in html
    True
"""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template


class MetricScale(MacroElement):
    """A Leaflet scale control in kilometres and metres only."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            L.control.scale({metric: true, imperial: false, position: "bottomleft"}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "MetricScale"
