"""The folium map loads nothing from outside and escapes what it shows."""

import re

from geo import maps


def test_map_html_references_no_external_assets():
    m = maps.region_map("province", asset_base="../assets")
    html = m.get_root().render()
    urls = re.findall(r'(?:src|href)=["\']([^"\']+)["\']', html)
    assert urls, "expected local asset links"
    assert [u for u in urls if u.startswith(("http:", "https:", "//"))] == []
    assert "../assets/leaflet.js" in urls


def test_all_features_present_with_names():
    fc = maps.display_geojson("province")
    assert len(fc["features"]) == 38
    assert {f["properties"]["name"] for f in fc["features"]} >= {"Jawa Barat", "Papua Barat Daya"}


def test_string_properties_are_escaped():
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "<img src=x onerror=alert(1)>", "code": "99"},
         "geometry": {"type": "Point", "coordinates": [0, 0]}}]}
    assert maps._escaped(fc)["features"][0]["properties"]["name"] == "&lt;img src=x onerror=alert(1)&gt;"
