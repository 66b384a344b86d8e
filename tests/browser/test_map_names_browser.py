"""Headless Chromium: the live map's region names never overlap each other or the map's controls and never cross
the map's edge (a name at the edge, "Kab. Merauke", is moved inside, not cut off), at province and regency level,
on a laptop, a projector and a phone; the visit markers and partner lines have legend entries wherever a map shows
them, readable at 20 px in presentation mode."""

import re
import time

import pytest

from geo.text.catalog import text
from tests.browser.test_browser import (  # noqa: F401  (fixtures)
    MAP_FRAME,
    _in_map,
    _map_frame,
    _wait_for_paths,
    app_url,
    page,
    wait_until_idle,
)

LAPTOP, PROJECTOR, PHONE = (1366, 768), (1920, 1080), (390, 844)
# the visible names' boxes and the controls', relative to the map's container, and the container's size
BOXES = """() => {
  const c = document.getElementById("map").getBoundingClientRect();
  const box = (e) => { const r = e.getBoundingClientRect();
                       return [r.left - c.left, r.top - c.top, r.right - c.left, r.bottom - c.top]; };
  const names = [...document.querySelectorAll(".sinergi-name")]
    .filter((e) => getComputedStyle(e).visibility !== "hidden")
    .map((e) => [e.textContent, ...box(e), parseFloat(getComputedStyle(e).fontSize)]);
  const controls = [...document.querySelectorAll("#map .leaflet-control")].map(box);
  return {names: names, controls: controls, size: [c.width, c.height], laid: document.body.dataset.names};
}"""


def _open(pg, url: str, viewport, regions: int):
    pg.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    pg.goto(url)
    assert _wait_for_paths(pg, regions, timeout=120) == regions
    wait_until_idle(pg)
    time.sleep(1.5)  # the last fit's move has ended: the names are laid out for it


def _assert_scale_fits(pg) -> None:
    """The scale bar is metric only and its text lies inside its line (no tick crossing "500 km")."""
    scale = _in_map(pg, "() => { const s = document.querySelector('.leaflet-control-scale-line'); "
                        "const t = document.createRange(); t.selectNodeContents(s); "
                        "return [s.textContent, t.getBoundingClientRect().right, s.getBoundingClientRect().right, "
                        "parseFloat(getComputedStyle(s).borderRightWidth)]; }")
    text_right, line_right, border = scale[1], scale[2], scale[3]
    assert re.fullmatch(r"\d+ k?m", scale[0]) and text_right <= line_right - border, scale


def _names(pg) -> dict:
    return _in_map(pg, BOXES)


def _intersect(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _assert_laid_out(seen: dict, at_least: int) -> None:
    """No two visible names intersect, none covers a control, each lies inside the map's container."""
    names, (width, height) = seen["names"], seen["size"]
    assert len(names) >= at_least, names
    assert int(seen["laid"]) == len(names)
    for i, (name, *box, _size) in enumerate(names):
        assert box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height, (name, box, width, height)
        for other, *other_box, _ in names[i + 1:]:
            assert not _intersect(box, other_box), (name, box, other, other_box)
        for control in seen["controls"]:
            assert not _intersect(box, control), (name, box, control)


@pytest.mark.parametrize("viewport", [LAPTOP, PROJECTOR, PHONE], ids=["1366x768", "1920x1080", "390x844"])
def test_province_names_never_overlap_and_stay_inside_the_map(app_url, page, viewport):  # noqa: F811
    _open(page, f"{app_url}/?labels=1", viewport, 38)
    seen = _names(page)
    _assert_laid_out(seen, 8 if viewport == PHONE else 20)
    assert {s for *_, s in seen["names"]} == {13}  # the payload's type size
    _assert_scale_fits(page)
    _in_map(page, "() => { sinergiMap.setView([-2.5, 118], sinergiMap.getZoom() + 1, {animate: false}); }")
    time.sleep(0.5)
    zoomed = _names(page)
    _assert_laid_out(zoomed, 1)  # laid out again for the new view: the names moved with their regions
    assert [n[1:3] for n in zoomed["names"]] != [n[1:3] for n in seen["names"]]
    assert page.outside_requests == [] and page.console_errors == [], (page.outside_requests, page.console_errors)


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1366x768", "390x844"])
def test_regency_names_in_papua_selatan_and_kab_merauke_at_the_maps_edge_is_moved_inside(app_url, page, viewport):  # noqa: F811
    _open(page, f"{app_url}/?labels=1&prov=93", viewport, 4)  # Papua Selatan's four regencies
    seen = _names(page)
    _assert_laid_out(seen, 3)
    assert "Kab. Merauke" in [n[0] for n in seen["names"]]  # the biggest: placed first
    # the map moved so that Merauke's point is 4 px from the right edge: its name cannot be centred on it
    _in_map(page, """() => {
      const size = sinergiMap.getSize(), p = sinergiMap.latLngToContainerPoint([-7.71878, 140.41697]);
      sinergiMap.panBy([p.x - (size.x - 4), 0], {animate: false});
    }""")
    time.sleep(0.5)
    moved = _names(page)
    _assert_laid_out(moved, 1)
    merauke = next(n for n in moved["names"] if n[0] == "Kab. Merauke")
    assert merauke[3] <= moved["size"][0] and merauke[3] > moved["size"][0] - 10  # against the edge, whole
    assert page.outside_requests == [] and page.console_errors == [], (page.outside_requests, page.console_errors)


def _legend(pg, index: int = 0) -> dict:
    """The legend of the page's ``index``-th map: its rows (text, kind, font size) and whether each row is whole."""
    return pg.frame_locator(MAP_FRAME).nth(index).locator("body").evaluate("""() => {
      const lg = document.querySelector(".sinergi-legend");
      if (!lg) return null;
      const box = lg.getBoundingClientRect();
      const rows = [...lg.querySelectorAll(".row")].map((r) => {
        const b = r.getBoundingClientRect(), sw = r.querySelector(".sw");
        return {text: r.querySelector(".w").firstChild.textContent,
                kind: sw.classList.contains("dot") ? "dot" : sw.classList.contains("line") ? "line" : "",
                size: parseFloat(getComputedStyle(r).fontSize), whole: b.top >= box.top && b.bottom <= box.bottom
                  && b.right <= box.right + 0.5 && b.bottom <= window.innerHeight};
      });
      return {rows: rows, clipped: lg.scrollHeight > lg.clientHeight + 1, below: !!lg.closest("#legend-below")};
    }""")


def _layers(legend: dict) -> dict:
    return {r["text"]: r["kind"] for r in legend["rows"] if r["kind"]}


def test_the_national_legend_lists_visit_markers_and_partner_lines_only_when_they_are_on_the_map(app_url, page):  # noqa: F811
    _open(page, f"{app_url}/?visits=1&links=1", LAPTOP, 38)
    legend = _legend(page)
    assert _layers(legend) == {text("ui.map.legend.visits", "id"): "dot", text("ui.map.legend.links", "id"): "line"}
    assert _layers(legend) == {"Kunjungan kerja": "dot", "Mitra kerja sama": "line"}
    assert all(r["whole"] for r in legend["rows"]) and not legend["clipped"] and not legend["below"]
    notes = _map_frame(page).locator(".sinergi-legend .note")
    assert notes.all_inner_texts() == ["lebih besar: lebih banyak kunjungan", "lebih tebal: lebih banyak kerja sama"]
    under = page.get_by_text("Kunjungan kerja (lebih besar: lebih banyak kunjungan)")  # the text legend too
    assert under.count() == 1

    _open(page, f"{app_url}/?visits=0&links=0", LAPTOP, 38)
    assert _layers(_legend(page)) == {}

    _open(page, f"{app_url}/?visits=1&links=1&lang=en", PHONE, 38)  # a phone: below the map, in English
    legend = _legend(page)
    assert _layers(legend) == {"Working visits": "dot", "Cooperation partners": "line"}
    assert legend["below"] and all(r["whole"] for r in legend["rows"])
    assert page.outside_requests == [] and page.console_errors == [], (page.outside_requests, page.console_errors)


def test_in_presentation_mode_the_legend_is_20px_and_whole_and_the_names_bigger(app_url, page):  # noqa: F811
    _open(page, f"{app_url}/?present=1&visits=1&links=1&labels=1", PROJECTOR, 38)
    legend = _legend(page)
    assert {r["size"] for r in legend["rows"]} == {20}
    assert {"Kunjungan kerja", "Mitra kerja sama"} <= set(_layers(legend))
    assert all(r["whole"] for r in legend["rows"]) and not legend["clipped"]
    seen = _names(page)
    _assert_laid_out(seen, 15)
    assert {s for *_, s in seen["names"]} == {18}
    assert page.outside_requests == [] and page.console_errors == [], (page.outside_requests, page.console_errors)


def test_the_planners_legend_lists_its_stops_and_legs_and_the_region_pages_maps_show_no_layer(app_url, page):  # noqa: F811
    failed = []  # a page opened by its own URL: Streamlit asks "<page>/_stcore/health" first (a 404, nothing shown)
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    page.set_viewport_size({"width": LAPTOP[0], "height": LAPTOP[1]})
    page.goto(f"{app_url}/planner")  # a first plan: the five best regions, so stops and legs are on its map
    assert _wait_for_paths(page, 514, timeout=120) == 514
    wait_until_idle(page)
    deadline = time.time() + 30
    while not _layers(_legend(page) or {"rows": []}) and time.time() < deadline:
        time.sleep(0.5)
    assert _layers(_legend(page)) == {text("ui.plan.legend.stops", "id"): "dot",
                                      text("ui.plan.legend.legs", "id"): "line"}
    assert all(r["whole"] for r in _legend(page)["rows"])
    _assert_scale_fits(page)  # the planner's map is half the page wide: the scale bar's shortest line

    page.goto(f"{app_url}/region?region=32.73")  # partners and children maps: coloured regions, no markers or lines
    page.get_by_role("heading", name="Kota Bandung").wait_for(timeout=60_000)
    frames = page.locator(MAP_FRAME)
    frames.nth(1).wait_for(timeout=60_000)
    for i in range(frames.count()):
        frame = page.frame_locator(MAP_FRAME).nth(i).locator("body")
        frame.scroll_into_view_if_needed()
        deadline = time.time() + 60
        while not frame.get_attribute("data-drawn") and time.time() < deadline:
            time.sleep(0.3)
        legend = _legend(page, i)
        assert legend is not None and legend["rows"] and _layers(legend) == {}, legend
    probes = [u for u in failed if u.endswith(("/planner/_stcore/health", "/planner/_stcore/host-config",
                                               "/region/_stcore/health", "/region/_stcore/host-config"))]
    assert page.outside_requests == [] and failed == probes, (page.outside_requests, failed)
    assert [e for e in page.console_errors if "404 (Not Found)" not in e] == [], page.console_errors
    assert len(page.console_errors) == len(probes)
