"""geo.maps.scale_bar: every map's scale bar is in kilometres only — never Leaflet's default miles ("300 mi")."""

import pytest

from geo.maps import web_map


@pytest.mark.parametrize("make", [lambda: web_map.base_map("/assets"),
                                  lambda: web_map.region_map("province", asset_base="/assets")])
def test_maps_draw_a_metric_scale_bar_without_miles(make):
    html = make().get_root().render()
    assert "L.control.scale({metric: true, imperial: false" in html
    assert "L.control.scale()" not in html  # folium's own control, with miles, is off
    assert html.count("L.control.scale(") == 1
