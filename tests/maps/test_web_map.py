"""The folium map loads nothing from outside and escapes what it shows."""

import re

from geo.maps import web_map


def test_map_html_references_no_external_assets():
    m = web_map.region_map("province", asset_base="../assets")
    html = m.get_root().render()
    urls = re.findall(r'(?:src|href)=["\']([^"\']+)["\']', html)
    assert urls, "expected local asset links"
    assert [u for u in urls if u.startswith(("http:", "https:", "//"))] == []
    assert "../assets/leaflet.js" in urls


def test_all_features_present_with_names():
    fc = web_map.display_geojson("province")
    assert len(fc["features"]) == 38
    assert {f["properties"]["name"] for f in fc["features"]} >= {"Jawa Barat", "Papua Barat Daya"}


def test_string_properties_are_escaped():
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "<img src=x onerror=alert(1)>", "code": "99"},
         "geometry": {"type": "Point", "coordinates": [0, 0]}}]}
    assert web_map._escaped(fc)["features"][0]["properties"]["name"] == "&lt;img src=x onerror=alert(1)&gt;"


def test_full_detail_for_one_region_is_finer_than_display():
    import shapely

    from geo.regions import boundaries

    full = boundaries.detail_geometry("32.73")
    disp = next(f for f in web_map.display_geojson("regency")["features"] if f["properties"]["code"] == "32.73")
    assert full.is_valid and full.geom_type in ("Polygon", "MultiPolygon")
    assert shapely.get_num_coordinates(full) > shapely.get_num_coordinates(shapely.geometry.shape(disp["geometry"]))
    assert boundaries.has_boundary("32.73.01") and not boundaries.has_boundary("32.73.01.1001")


def _agreements(rows):
    import pandas as pd

    return pd.DataFrame({"region_codes": rows})


def test_partner_links_keep_the_strongest_and_count_them_all():
    rows = [["32.73", "32.04"]] * 5 + [["32.73", "33.74"]] * 2 + [["31.71", "36.71", "32.01"]]
    links = web_map.partner_links(_agreements(rows), "regency", top=2)
    assert links.attrs["total"] == 5  # 2 + the three pairs of the three-party agreement
    assert list(links["count"]) == [5, 2]
    assert {links.iloc[0]["name_a"], links.iloc[0]["name_b"]} == {"Kota Bandung", "Kabupaten Bandung"}
    # province level: Jawa Barat's internal agreement is no line, the Jabar–Jateng pair counts twice
    prov = web_map.partner_links(_agreements(rows), "province", top=None)
    assert dict(zip(zip(prov["name_a"], prov["name_b"]), prov["count"]))[("Jawa Barat", "Jawa Tengah")] == 2
    inside = web_map.partner_links(_agreements(rows), "regency", within="33", top=None)
    assert list(inside["count"]) == [2]


def test_partner_line_tooltips_are_escaped():
    import pandas as pd

    from geo.maps import map_view

    links = pd.DataFrame([(-6.9, 107.6, -7.0, 110.4, 3, "<b>A</b>", "B")],
                         columns=["lat_a", "lon_a", "lat_b", "lon_b", "count", "name_a", "name_b"])
    values = pd.Series({"32": 1.0, "33": 2.0})
    layers = web_map.choropleth_layers(map_view.of_values(values, level="province", k=3), partner_links=links)
    html = "".join(layer.get_root().render() for layer in layers)
    assert "&lt;b&gt;A&lt;/b&gt; – B: 3" in html and "<b>A</b>" not in html


def test_map_layers_follow_the_period_and_filters():
    import datetime as dt

    import pandas as pd

    from geo.analysis import metrics

    agreements = pd.DataFrame({
        "doc_number": ["a", "b", "c"], "region_codes": [["32.73", "32.04"]] * 3,
        "signed_on": [dt.date(2022, 5, 1), dt.date(2024, 5, 1), None], "start_on": [None, None, dt.date(2024, 1, 1)],
        "status": ["berjalan", "selesai", "usulan"], "type": ["KB", "PKS", "PKS"],
        "sectors": [["pendidikan"], ["kesehatan"], ["kesehatan"]], "visit_ref": [None, None, None]})
    visits = pd.DataFrame({"ref": ["v1", "v2"], "ministry": ["Kemendagri", "Kemenkes"], "focus_sectors": [[], []],
                           "start_at": pd.to_datetime(["2022-03-01T02:00Z", "2024-12-31T20:00Z"]),
                           "local_start": pd.to_datetime(["2022-03-01 09:00", "2025-01-01 03:00"]),
                           "region_codes": [["32.73"], ["32.04"]]})
    in_2024 = metrics.agreements_in_view(agreements, visits, start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
    assert list(in_2024["doc_number"]) == ["b", "c"]  # c: not signed, started in 2024
    assert list(metrics.agreements_in_view(agreements, visits, types=("KB",))["doc_number"]) == ["a"]
    # the visit of 31 Dec 2024 UTC is on 1 Jan 2025 local time
    v2024 = metrics.visits_in_view(agreements, visits, start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
    assert v2024.empty
    assert list(metrics.visits_in_view(agreements, visits, ministries=("Kemenkes",))["ref"]) == ["v2"]


def test_visit_markers_one_per_place_newest_first_and_escaped():
    import pandas as pd

    from geo.maps import map_view

    visits = pd.DataFrame({
        "official_role": ["Wamen A", "Wamen <script>", "Wamen C", "Wamen D"],
        "start_at": pd.to_datetime(["2024-01-05", "2024-03-01", "2023-06-01", "2024-02-01"]),
        "region_codes": [["32.73"], ["32.73", "32.73", "32.04"], ["32.73.01.1001"], ["33.74"]]})
    pts = web_map.visit_points(visits, listed=2)
    bandung = pts[pts["name"] == "Kota Bandung"].iloc[0]
    assert bandung["count"] == 2  # a visit naming the city twice is one visit there
    assert bandung["lines"][0].endswith("01/03/2024")
    district = pts[pts["name"] != "Kota Bandung"]
    assert len(district) == 3  # Kab. Bandung; the village stop at its district; Semarang
    assert list(web_map.visit_points(visits, within="33")["name"]) == ["Kota Semarang"]
    by_province = web_map.visit_points(visits, level="province").set_index("name")["count"]
    assert by_province.to_dict() == {"Jawa Barat": 3, "Jawa Tengah": 1}
    assert web_map.visit_points(visits, listed=1).set_index("name").loc["Kota Bandung", "lines"][-1] \
        == "+ 1 kunjungan lainnya"
    values = pd.Series({"32": 1.0})
    layers = web_map.choropleth_layers(map_view.of_values(values, level="province", k=3), visit_points=pts)
    html = "".join(layer.get_root().render() for layer in layers)
    assert "Wamen &lt;script&gt;" in html and "Wamen <script>" not in html


def test_labels_only_where_they_fit():
    west_java = web_map.features_within("regency", "32")
    codes = web_map.label_codes(west_java)
    assert "32.01" in codes  # Kab. Bogor, large
    assert "32.73" not in codes and "32.77" not in codes  # Kota Bandung, Kota Cimahi: too small at this view
    assert web_map.short_name("Kabupaten Bekasi") == "Kab. Bekasi" and web_map.short_name("Kota Bekasi") == "Kota Bekasi"
    assert len(web_map.label_codes(web_map.features_within("regency", None))) <= 60


def test_the_choropleth_draws_the_views_regions_values_colours_and_ranks():
    import datetime as dt

    import pandas as pd

    from geo.analysis.context import Context
    from geo.maps import map_view

    agreements = pd.DataFrame({
        "doc_number": ["a", "b"], "region_codes": [["32.73", "32.04"], ["32.73"]],
        "signed_on": [dt.date(2022, 5, 1), dt.date(2024, 5, 1)], "start_on": [None, None],
        "status": ["berjalan", "selesai"], "type": ["KB", "PKS"], "value_idr": [1e9, None],
        "sectors": [["pendidikan"], ["kesehatan"]], "visit_ref": [None, None], "simulated": [False, False]})
    visits = pd.DataFrame({"ref": pd.Series([], dtype=str), "ministry": [], "focus_sectors": [], "region_codes": [],
                           "start_at": pd.to_datetime(pd.Series([], dtype=str), utc=True), "simulated": []})
    view = map_view.compute(map_view.Spec(level="regency", within="32", k=3), Context(agreements, visits), lang="en")
    layers = web_map.choropleth_layers(view, labels=("Region", "Signed", "Rank"), no_data_text="<none>")
    assert [layer.layer_name for layer in layers] == ["regions"]
    features = {f["properties"]["code"]: f["properties"]
                for f in next(iter(layers[0]._children.values())).data["features"]}
    assert len(features) > 20 and all(code.startswith("32.") for code in features)  # Jawa Barat's regencies only
    assert features["32.73"]["value_text"] == "2" and features["32.73"]["rank_text"] == f"1 / {len(features)}"
    assert features["32.04"]["value_text"] == "1" and features["32.04"]["rank_text"] == f"2 / {len(features)}"
    assert all(f["fill"] == view.classification.color_of(code) for code, f in features.items())
    assert features["32.01"]["value_text"] == "0"  # zero is a value, not "no data"


def test_the_impact_maps_tooltip_says_each_regions_verdict_and_size_escaped_and_not_visited_in_words(sample_frames):
    import html

    from geo.analysis.context import Context
    from geo.maps import map_view

    view = map_view.compute(map_view.Spec(level="regency", metric="score", within="35"), Context(*sample_frames),
                            lang="en")
    layers = web_map.choropleth_layers(view, labels=("Region", "Impact", "Rank"), no_data_text="no data")
    features = {f["properties"]["code"]: f["properties"]
                for f in next(iter(layers[0]._children.values())).data["features"]}
    said = [c for c, v in view.verdicts.items() if v is not None]
    assert said
    for code in said:
        sentence = view.verdicts[code].sentence("en")
        assert features[code]["value_text"] == html.escape(sentence)
        assert sentence.split(":")[0] in ("Up, clearly", "Not yet clear", "Down, clearly", "Not enough data yet")
    assert features["35.26"]["value_text"] == "Not visited" and not features["35.26"]["nodata"]  # Bangkalan
    assert features["35.26"]["fill"] == view.classification.color_of("35.26")
