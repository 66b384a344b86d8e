"""The web map loads nothing from outside, sends no geometry per view, and shows every text as text."""

import json
import re
from pathlib import Path

import pandas as pd

from geo.maps import map_view, web_map
from geo.regions import lookup
from geo.text import catalog

FRONTEND = Path(__file__).resolve().parents[2] / "ui" / "components" / "region_map"


def _payload(view, **kw):
    import tempfile

    return web_map.map_payload(view, boundary_folder=tempfile.mkdtemp(), **kw)


def _regions(payload) -> dict:
    """code -> (colour, text, rank, no data) as the component reads them."""
    return {r[0]: (payload["colors"][r[1]], payload["texts"][r[2]], r[3], bool(r[4])) for r in payload["regions"]}


def test_the_map_frame_references_no_external_assets():
    html = (FRONTEND / "index.html").read_text()
    script = (FRONTEND / "region_map.js").read_text()
    urls = re.findall(r'(?:src|href)=["\']([^"\']+)["\']', html)
    assert "leaflet/leaflet.js" in urls and "region_map.js" in urls  # Leaflet from the installed package
    assert [u for u in urls if u.startswith(("http:", "https:", "//"))] == []
    assert not re.search(r"https?://", script)


def test_the_scale_bar_measures_in_kilometres_only():
    script = (FRONTEND / "region_map.js").read_text()
    assert re.findall(r"L\.control\.scale\(([^)]*)\)", script) == [
        '{ metric: true, imperial: false, position: "bottomleft", maxWidth: 160 }']


def test_the_map_frame_writes_every_text_as_text_never_as_html():
    script = (FRONTEND / "region_map.js").read_text()
    assert "textContent" in script
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink
    # a DivIcon's html is an element made by el(), not a string
    assert set(re.findall(r"html:\s*(\S+)", script)) == {'el("div",'}  # labels and stop numbers: elements


def test_all_features_present_with_names():
    fc = web_map.display_geojson("province")
    assert len(fc["features"]) == 38
    assert {f["properties"]["name"] for f in fc["features"]} >= {"Jawa Barat", "Papua Barat Daya"}


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


def test_partner_line_tooltips_carry_the_names_as_plain_text():
    import pandas as pd

    from geo.maps import map_view

    links = pd.DataFrame([(-6.9, 107.6, -7.0, 110.4, 3, "<b>A</b>", "B")],
                         columns=["lat_a", "lon_a", "lat_b", "lon_b", "count", "name_a", "name_b"])
    values = pd.Series({"32": 1.0, "33": 2.0})
    payload = _payload(map_view.of_values(values, level="province", k=3), partner_links=links)
    assert payload["lines"] == [[-6.9, 107.6, -7.0, 110.4, 6.0, web_map.LINK_COLOR, ["<b>A</b> – B: 3"]]]


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


def test_visit_markers_one_per_place_newest_first_in_plain_text():
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
    payload = _payload(map_view.of_values(values, level="province", k=3), visit_points=pts)
    lines = [line for p in payload["points"] for line in p[3]]
    assert "Wamen <script> · 01/03/2024" in lines  # plain text: the frame writes it with textContent


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
    from geo.maps import classes, map_view

    agreements = pd.DataFrame({
        "doc_number": ["a", "b"], "region_codes": [["32.73", "32.04"], ["32.73"]],
        "signed_on": [dt.date(2022, 5, 1), dt.date(2024, 5, 1)], "start_on": [None, None],
        "status": ["berjalan", "selesai"], "type": ["KB", "PKS"], "value_idr": [1e9, None],
        "sectors": [["pendidikan"], ["kesehatan"]], "visit_ref": [None, None], "simulated": [False, False]})
    visits = pd.DataFrame({"ref": pd.Series([], dtype=str), "ministry": [], "focus_sectors": [], "region_codes": [],
                           "start_at": pd.to_datetime(pd.Series([], dtype=str), utc=True), "simulated": []})
    view = map_view.compute(map_view.Spec(level="regency", within="32", k=3), Context(agreements, visits), lang="en")
    payload = _payload(view, labels=("Region", "Signed", "Rank"), no_data_text="<none>")
    assert payload["labels"] == ["Region", "Signed", "Rank"] and payload["show_rank"]
    regions = _regions(payload)
    assert len(regions) > 20 and all(code.startswith("32.") for code in regions)  # Jawa Barat's regencies only
    assert regions["32.73"][1:3] == ("2", 1) and regions["32.04"][1:3] == ("1", 2)
    assert all(r[0] == view.classification.color_of(code) for code, r in regions.items())
    assert regions["32.01"][1] == "0" and not regions["32.01"][3]  # zero is a value, not "no data"
    # the regencies reading 0 share third place: the tooltip says the places they share, not a third place each
    zeros = sum(r[1] == "0" for r in regions.values())
    assert zeros > 20 and payload["ties"] == {"3": zeros} and payload["ranked"] == len(regions)
    # fitted to Jawa Barat (not all of Indonesia), and the legend is the view's
    (s, w), (n, e) = payload["fit"]
    assert -8.0 < s < n < -5.8 and 106.0 < w < e < 109.0
    assert payload["legend"]["items"] == [[c, t, "hatch" if c == classes.NO_DATA_COLOR else ""]
                                          for c, t in view.legend()]


def test_the_impact_maps_tooltip_says_each_regions_verdict_and_size_and_not_visited_in_words(sample_frames):
    from geo.analysis.context import Context
    from geo.maps import map_view

    view = map_view.compute(map_view.Spec(level="regency", metric="score", within="35"), Context(*sample_frames),
                            lang="en")
    payload = _payload(view, labels=("Region", "Impact", "Rank"), no_data_text="no data")
    regions = _regions(payload)
    assert not payload["show_rank"]  # a verdict map says "read the verdict, not the rank"
    said = [c for c, v in view.verdicts.items() if v is not None]
    assert said
    for code in said:
        sentence = view.verdicts[code].sentence("en")
        assert regions[code][1] == sentence
        assert sentence.split(":")[0] in ("Up, clearly", "Not yet clear", "Down, clearly", "Not enough data yet")
    assert regions["35.26"][1] == "Not visited" and not regions["35.26"][3]  # Bangkalan
    assert regions["35.26"][0] == view.classification.color_of("35.26")


def test_a_view_sends_no_geometry_and_a_national_regency_view_stays_under_50_kb(sample_frames):
    from geo.analysis.context import Context
    from geo.maps import boundary_files, map_view

    ctx = Context(*sample_frames)
    for metric in ("signed", "score"):
        view = map_view.compute(map_view.Spec(level="regency", metric=metric), ctx, lang="id")
        payload = _payload(view)
        size = len(json.dumps(payload, ensure_ascii=False).encode())
        print(f"{metric}: {size / 1000:.1f} KB for {len(payload['regions'])} regencies")
        assert len(payload["regions"]) == 514 and size <= 50_000
        assert "coordinates" not in json.dumps(payload)
        assert payload["boundaries"] == boundary_files.file_name(
            "regency", (boundary_files.SOURCE_DIR / "regency.geojson").read_bytes())


def test_the_fit_changes_only_with_the_level_the_region_or_the_outline_so_a_new_measure_keeps_the_users_zoom(
        sample_frames):
    from geo.analysis.context import Context
    from geo.maps import map_view

    ctx = Context(*sample_frames)
    key = {m: _payload(map_view.compute(map_view.Spec(level="regency", metric=m), ctx))["fit_key"]
           for m in ("signed", "visits")}
    assert key["signed"] == key["visits"]
    assert _payload(map_view.compute(map_view.Spec(level="regency", within="32"), ctx))["fit_key"] != key["signed"]
    assert _payload(map_view.compute(map_view.Spec(level="province"), ctx))["fit_key"] != key["signed"]
    assert _payload(map_view.compute(map_view.Spec(level="regency"), ctx), outline="32.73")["fit_key"] \
        != key["signed"]


def test_the_names_sent_to_the_map_are_every_region_shown_biggest_first_in_the_pages_type_size():
    import shapely
    from shapely.geometry import shape

    values = pd.Series({"93.01": 1.0, "93.02": 2.0, "93.03": 3.0, "93.04": 4.0})
    view = map_view.of_values(values, level="regency", within="93", k=3)  # Papua Selatan's four regencies
    payload = _payload(view, show_labels=True)
    names = [n[2] for n in payload["names"]]
    areas = {f["properties"]["code"]: shapely.area(shape(f["geometry"]))
             for f in web_map.features_within("regency", "93")["features"]}
    by_area = sorted(areas, key=areas.get, reverse=True)
    assert names == [web_map.short_name(lookup.get(c).name) for c in by_area]  # the frame places them in this order
    assert names[0] == "Kab. Merauke" and all(n.startswith("Kab. ") for n in names)
    assert payload["names_px"] == web_map.NAMES_PX
    assert _payload(view, show_labels=True, names_px=18)["names_px"] == 18
    assert _payload(view)["names"] == []  # the layer is off
    national = _payload(map_view.of_values(pd.Series({"32.73": 1.0}), level="regency", k=3), show_labels=True)
    assert len(national["names"]) == 514  # every regency: zooming in leaves room for the smaller ones


def test_a_layers_legend_entry_carries_its_note_to_the_map():
    view = map_view.of_values(pd.Series({"32": 1.0, "33": 2.0}), level="province", k=3)
    extra = ((web_map.VISIT_COLOR, catalog.text("ui.map.legend.visits", "id"), "dot",
              catalog.text("ui.map.legend.visits_note", "id")),
             (web_map.LINK_COLOR, catalog.text("ui.map.legend.links", "en"), "line",
              catalog.text("ui.map.legend.links_note", "en")))
    items = _payload(view, legend_extra=extra)["legend"]["items"]
    assert items[-2:] == [["#b2182b", "Kunjungan kerja", "dot", "lebih besar: lebih banyak kunjungan"],
                          ["#6a3d9a", "Cooperation partners", "line", "thicker: more agreements"]]
