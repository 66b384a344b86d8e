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


def test_full_detail_for_one_region_is_finer_than_display():
    import shapely

    from geo import boundaries

    full = boundaries.detail_geometry("32.73")
    disp = next(f for f in maps.display_geojson("regency")["features"] if f["properties"]["code"] == "32.73")
    assert full.is_valid and full.geom_type in ("Polygon", "MultiPolygon")
    assert shapely.get_num_coordinates(full) > shapely.get_num_coordinates(shapely.geometry.shape(disp["geometry"]))
    assert boundaries.has_boundary("32.73.01") and not boundaries.has_boundary("32.73.01.1001")
