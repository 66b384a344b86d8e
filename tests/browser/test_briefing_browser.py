"""Headless Chromium: presentation mode hides the sidebar and editing widgets and enlarges the type; the
story's PNG download is a print-resolution map (what only a browser shows). On a projector (issue 17): at 1280×720
and 1920×1080 the step-one map and its legend are in view without scrolling, in room type; presenter keys step
the story; an agenda is shown as typed."""

import io
import os
import time
from urllib.parse import urlparse

import openpyxl
import pytest
from PIL import Image

from tests.browser.test_browser import (  # noqa: F401  (fixtures)
    MAP_FRAME,
    _wait_for_paths,
    app_url,
    download,
    page,
    wait_until_idle,
)


def _font_px(browser_page, selector):
    return browser_page.evaluate(f"parseFloat(getComputedStyle(document.querySelector('{selector}')).fontSize)")


def test_presentation_mode_is_clean_and_large(app_url, page):  # noqa: F811
    page.goto(app_url)
    assert _wait_for_paths(page, 38) == 38
    page.get_by_text("Ukuran").first.wait_for(timeout=30_000)
    normal_title = _font_px(page, "h1")
    assert page.locator('[data-testid="stSidebar"]').is_visible()

    page.goto(f"{app_url}/?present=1")
    assert _wait_for_paths(page, 38) == 38
    statement = page.locator(".sinergi-present-statement")
    statement.wait_for(timeout=30_000)
    assert "Kerja sama ditandatangani — Indonesia, provinsi" in statement.inner_text()
    assert "Periode: 2021–" in statement.inner_text()
    time.sleep(1)
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.get_by_text("Ukuran", exact=True).is_visible()  # the measure picker is hidden
    assert not page.get_by_text("Tingkat wilayah").is_visible()
    assert page.get_by_text("tidak ada data").first.is_visible()  # the legend stays
    assert page.locator("h1:visible").count() == 0  # no page title: the statement above the map says what it shows
    assert _font_px(page, ".sinergi-present-statement") >= 28 and normal_title > 0
    assert page.locator('iframe[title="ui.region_map.region_map"]').first.is_visible()
    page.get_by_role("button", name="Keluar dari mode presentasi").click()
    page.locator('[data-testid="stSidebar"]').wait_for(state="visible", timeout=30_000)
    assert "present=1" not in page.url
    assert page.outside_requests == [] and page.console_errors == []


def test_story_steps_and_png_download(app_url, page):  # noqa: F811
    page.goto(app_url)  # opened from the navigation (a direct /briefing URL makes Streamlit probe /briefing/_stcore)
    page.get_by_role("link", name="Mode presentasi / Briefing").click()
    page.get_by_text("Langkah 1 dari 2: Peta nasional").wait_for(timeout=60_000)
    page.get_by_role("button", name="Berikutnya →").click()
    page.get_by_text("Langkah 2 dari 2: Wilayah tertinggi dan terendah").wait_for(timeout=30_000)
    page.get_by_role("cell", name="Jawa Barat", exact=True).first.wait_for(timeout=30_000)  # the top regions table
    png = download(page, "Peta (PNG, 300 dpi)")
    img = Image.open(io.BytesIO(open(png.path(), "rb").read()))
    assert img.size[0] >= 3500 and len(img.convert("RGB").getcolors(1 << 24)) > 50
    page.get_by_role("button", name="← Sebelumnya").click()
    page.get_by_text("Langkah 1 dari 2: Peta nasional").wait_for(timeout=30_000)
    assert page.outside_requests == [] and page.console_errors == []


# Issue 17, a projector: the sizes stated in README (*Briefings*) and ui/presentation.py, per window size:
# (body text, the map's legend, table cells) in px. 1280×720 is the same room picture as 1920×1080, two thirds.
ROOM_TYPE = {(1920, 1080): (24, 20, 20), (1280, 720): (16, 14, 14)}
STEP_LABEL = "[data-testid='stMarkdownContainer'] p:has-text('Langkah')"
KEYS_FRAME = "iframe[title='ui.step_keys.step_keys']"


def _keys_ready(browser_page) -> None:
    """Until the keys' frame listens (it loads after the page is drawn)."""
    browser_page.frame_locator(KEYS_FRAME).first.locator("body[data-listening='1']").wait_for(
        state="attached", timeout=30_000)


def _presenting_briefing(browser_page, app_url, region: str | None = None):  # noqa: F811
    """The briefing page, opened from the navigation, ``region`` (a name) chosen to present, then the sidebar's
    presentation switch turned on."""
    browser_page.goto(app_url)
    link = browser_page.get_by_role("link", name="Mode presentasi / Briefing")
    link.wait_for(timeout=90_000)  # the app's first run on a busy machine
    link.click()
    browser_page.get_by_text("Langkah 1 dari").first.wait_for(timeout=60_000)
    if region:
        wait_until_idle(browser_page)
        box = browser_page.locator(".st-key-b_regions input").first
        box.click()
        box.type(region)
        browser_page.get_by_role("option", name=region).first.click()
        browser_page.keyboard.press("Escape")
        browser_page.get_by_text("Langkah 1 dari 3").first.wait_for(timeout=30_000)
    browser_page.get_by_text("Mode presentasi", exact=True).click()
    browser_page.locator(".sinergi-present-statement").wait_for(timeout=30_000)
    _keys_ready(browser_page)


def _step_shown(browser_page) -> int:
    label = browser_page.locator(STEP_LABEL).first
    label.wait_for(timeout=30_000)
    return int(label.inner_text().split()[1])


def _wait_for_step(browser_page, number: int, timeout_s: float = 30) -> int:
    deadline = time.time() + timeout_s
    while (shown := _step_shown(browser_page)) != number and time.time() < deadline:
        time.sleep(0.2)
    return shown


def _inside(box, width, height) -> bool:
    return box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height


def _scrolled(browser_page) -> list[float]:
    """How far the page and Streamlit's scrolling main area are scrolled."""
    return browser_page.evaluate("() => [window.scrollY, document.scrollingElement.scrollTop, "
                                 "document.querySelector('[data-testid=stMain]').scrollTop]")


@pytest.mark.parametrize("size", list(ROOM_TYPE))
def test_at_projector_sizes_the_step_one_map_and_its_legend_are_in_view_in_room_type(app_url, page, size):  # noqa: F811
    width, height = size
    body_px, legend_px, table_px = ROOM_TYPE[size]
    page.set_viewport_size({"width": width, "height": height})
    _presenting_briefing(page, app_url, region="Jawa Barat (32)")
    assert _wait_for_paths(page, 38) == 38
    frame = page.locator(MAP_FRAME).first
    legend = page.frame_locator(MAP_FRAME).first.locator(".sinergi-legend")
    deadline = time.time() + 15  # the frame sizes itself to the window (again after the page above it settled)
    while not _inside(frame.bounding_box(), width, height) and time.time() < deadline:
        time.sleep(0.2)
    time.sleep(3)  # its last re-measure: the frame must still be in view after it
    box, legend_box = frame.bounding_box(), legend.bounding_box()
    assert _scrolled(page) == [0, 0, 0]
    assert _inside(box, width, height), box
    assert _inside(legend_box, width, height), legend_box
    assert box["height"] >= 0.6 * height and box["width"] >= 0.9 * width  # it fills the screen, not a corner
    assert box["x"] <= legend_box["x"] and legend_box["y"] + legend_box["height"] <= box["y"] + box["height"]
    assert "tidak ada data" in legend.inner_text()
    assert page.locator(STEP_LABEL).first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= body_px
    assert _font_px(page, ".sinergi-present-statement") >= body_px
    assert legend.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= legend_px
    assert not page.locator('[data-testid="stSidebar"]').is_visible()

    page.keyboard.press("PageDown")  # step 2: the top and bottom regions, two tables
    assert _wait_for_step(page, 2) == 2
    cell = page.locator(".sinergi-table td").first
    cell.wait_for(timeout=30_000)
    assert cell.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= table_px
    tables = page.locator(".sinergi-table")
    assert tables.count() == 2 and all(_inside(tables.nth(i).bounding_box(), width, height) for i in range(2))
    assert _scrolled(page) == [0, 0, 0]

    wait_until_idle(page)
    page.keyboard.press("PageDown")  # step 3: the first chosen region — its figures and its timeline chart in view
    assert _wait_for_step(page, 3) == 3
    assert "Rincian" in page.locator(STEP_LABEL).first.inner_text()
    chart = page.locator("[data-testid='stImage'] img").first
    chart.wait_for(timeout=30_000)
    page.wait_for_function("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)")
    wait_until_idle(page)
    assert _inside(chart.bounding_box(), width, height), chart.bounding_box()
    assert chart.bounding_box()["width"] >= 0.45 * width  # the picture of the step, not a thumbnail
    figures = page.locator("[data-testid='stMetric']")
    assert figures.count() == 6 and all(_inside(figures.nth(i).bounding_box(), width, height) for i in range(6))
    assert _scrolled(page) == [0, 0, 0]
    if shots := os.environ.get("SINERGI_SHOTS_DIR"):  # for a person to look at
        page.screenshot(path=f"{shots}/briefing-region-{width}x{height}.png")
    assert page.outside_requests == [] and page.console_errors == []


@pytest.mark.parametrize("size", list(ROOM_TYPE))
def test_the_national_map_presented_fills_the_screen_with_its_legend_in_view(app_url, page, size):  # noqa: F811
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{app_url}/?present=1")
    assert _wait_for_paths(page, 38, timeout=120) == 38
    frame = page.locator(MAP_FRAME).first
    legend = page.frame_locator(MAP_FRAME).first.locator(".sinergi-legend")
    deadline = time.time() + 15  # the frame sizes itself to the window once the page above it settled
    while not _inside(frame.bounding_box(), width, height) and time.time() < deadline:
        time.sleep(0.2)
    time.sleep(3)
    box, legend_box = frame.bounding_box(), legend.bounding_box()
    assert _scrolled(page) == [0, 0, 0]
    assert _inside(box, width, height) and _inside(legend_box, width, height), (box, legend_box)
    assert box["height"] >= 0.55 * height  # the picture of the page, not a strip under the controls
    assert legend.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 20
    assert _font_px(page, ".sinergi-present-statement") >= ROOM_TYPE[size][0]
    if shots := os.environ.get("SINERGI_SHOTS_DIR"):
        page.screenshot(path=f"{shots}/map-present-{width}x{height}.png")
    assert page.outside_requests == [] and page.console_errors == []


def test_presenter_keys_step_the_story_but_not_while_typing(app_url, page):  # noqa: F811
    page.set_viewport_size({"width": 1280, "height": 720})
    _presenting_briefing(page, app_url)
    assert _step_shown(page) == 1
    page.keyboard.press("ArrowLeft")  # nothing before the first step
    page.keyboard.press("PageDown")
    assert _wait_for_step(page, 2) == 2
    page.keyboard.press("PageUp")
    assert _wait_for_step(page, 1) == 1
    page.keyboard.press("ArrowRight")
    assert _wait_for_step(page, 2) == 2
    page.keyboard.press("ArrowLeft")
    assert _wait_for_step(page, 1) == 1
    assert _scrolled(page) == [0, 0, 0]  # PageDown stepped; it did not scroll
    page.keyboard.press("Space")
    assert _wait_for_step(page, 2) == 2
    page.keyboard.press("PageUp")
    assert _wait_for_step(page, 1) == 1
    assert _wait_for_paths(page, 38) == 38
    page.frame_locator(MAP_FRAME).first.locator("#map").click(position={"x": 5, "y": 300})  # the map has the focus
    page.keyboard.press("PageDown")  # a presenter's clicker after someone clicked the map
    assert _wait_for_step(page, 2) == 2
    page.keyboard.press("PageUp")
    assert _wait_for_step(page, 1) == 1
    # the keys' frame keeps its place from step to step: the same frame listens all along (a frame that reloads
    # between steps loses a key pressed meanwhile)
    keys = page.frame_locator(KEYS_FRAME).first.locator("body")
    keys.evaluate("b => { b.dataset.sameFrame = '1'; }")
    steps = int(page.locator(STEP_LABEL).first.inner_text().split()[3].rstrip(":"))
    for number in range(2, steps + 1):  # map, tables, each region, the itinerary: every kind of step
        wait_until_idle(page)
        page.keyboard.press("PageDown")
        assert _wait_for_step(page, number) == number
    assert keys.evaluate("b => b.dataset.sameFrame") == "1"
    for number in range(steps - 1, 0, -1):
        wait_until_idle(page)
        page.keyboard.press("PageUp")
        assert _wait_for_step(page, number) == number

    # typing: an input of the page keeps its keys (the page's own inputs are hidden while presenting)
    page.evaluate("() => { const i = document.createElement('input'); i.id = 'typing-here'; "
                  "document.querySelector('[data-testid=stMain]').prepend(i); }")
    page.locator("#typing-here").fill("Rapat")
    for key in ("ArrowRight", "PageDown", "Space", "ArrowLeft"):
        page.locator("#typing-here").press(key)
    time.sleep(2)
    assert _step_shown(page) == 1
    assert page.locator("#typing-here").input_value() == "Rapat "  # the Space went into the text
    assert page.outside_requests == [] and page.console_errors == []


def test_an_agenda_typed_in_the_planner_shows_exactly_as_typed_in_the_briefing(app_url, page):  # noqa: F811
    agenda = "1. Rapat\n2) Kunjungan *pasar*"
    missing = []  # 404s: only a picture of a step already left may be gone (Streamlit drops a past run's media)
    page.on("response", lambda r: r.status == 404 and missing.append(urlparse(r.url).path))
    page.goto(app_url)  # the planner from the navigation: a direct /planner URL makes Streamlit probe /planner/_stcore
    link = page.get_by_role("link", name="Perencana Kunjungan")
    link.wait_for(timeout=90_000)
    link.click()
    page.get_by_role("button", name="Unduh jadwal (XLSX)").wait_for(timeout=120_000)
    for attempt in range(4):  # the page's first runs may redraw the editor under the typing: type again
        wait_until_idle(page)
        grid = page.locator("[data-testid='stDataFrame']").last  # the schedule's editor
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 120, box["y"] + box["height"] / 2)  # a stop's cell
        for _ in range(8):  # → the last column, Agenda (a key past the last column does nothing)
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        editor = page.locator("textarea.gdg-input")  # the grid's cell editor, open and focused
        try:
            editor.wait_for(state="visible", timeout=10_000)
        except Exception:
            if attempt == 3:
                raise
            continue  # the grid was redrawn under the keys: again
        editor.fill(agenda)  # the text with its line break, as a user types it with Shift+Enter
        editor.press("Enter")  # Enter (no Shift) ends the edit
        editor.wait_for(state="hidden", timeout=10_000)
        page.wait_for_timeout(2000)
        wait_until_idle(page)
        # the edit counts once the server's run holds it: the schedule file, made from the same run as the
        # briefing's itinerary, has the agenda as typed (the grid may show a cell the server never got)
        xlsx = openpyxl.load_workbook(io.BytesIO(open(download(page, "Unduh jadwal (XLSX)").path(), "rb").read()))
        if any(cell == agenda for row in xlsx.active.iter_rows(values_only=True) for cell in row):
            break
        if attempt == 3:
            raise AssertionError("the typed agenda never reached the planner's schedule")
    for attempt in range(3):  # a click that lands while the edit's rerun redraws the page can be lost
        page.wait_for_timeout(1000)
        wait_until_idle(page)
        page.get_by_role("button", name="Tampilkan di briefing (peta, wilayah terpilih, jadwal)").click()
        try:
            page.get_by_text("Langkah 1 dari").first.wait_for(timeout=30_000)
            break
        except Exception:
            if attempt == 2:
                raise
    page.set_viewport_size({"width": 1280, "height": 720})  # the room's projector (the planner was typed into at
    wait_until_idle(page)                                   # the fixture's size, where its editor was measured)
    page.get_by_text("Mode presentasi", exact=True).click()
    page.locator(".sinergi-present-statement").wait_for(timeout=30_000)
    _keys_ready(page)
    steps = int(page.locator(STEP_LABEL).first.inner_text().split()[3].rstrip(":"))
    seen, trip_steps = [], 0
    for number in range(2, steps + 1):
        wait_until_idle(page)  # the presenter waits for the step to be drawn
        page.keyboard.press("PageDown")
        assert _wait_for_step(page, number) == number
        if "Rencana perjalanan" not in page.locator(STEP_LABEL).first.inner_text():
            continue
        # a page of the itinerary, on a projector: the whole table in view, nothing to scroll
        trip_steps += 1
        wait_until_idle(page)
        table = page.locator(".sinergi-table").first
        assert _inside(table.bounding_box(), 1280, 720), table.bounding_box()
        assert _scrolled(page) == [0, 0, 0]
        cells = table.locator("td")
        seen += [cells.nth(i).inner_text() for i in range(cells.count())]
        if agenda in seen[-cells.count():]:
            shown = table.locator("td", has_text="Kunjungan").first
            assert shown.locator("ol, li, em, strong").count() == 0  # no list, no italics: the text as typed
    assert agenda in seen and trip_steps >= 1
    assert all(path.startswith("/media/") for path in missing), missing
    # what the room sees has no broken picture: every image on the page now has loaded
    assert page.evaluate("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)")
    errors = [e for e in page.console_errors if not (missing and e.startswith("Failed to load resource") and "404" in e)
              and not any(path in e for path in missing)]
    assert page.outside_requests == [] and errors == [], errors
