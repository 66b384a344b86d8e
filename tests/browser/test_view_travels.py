"""One view across pages, in a real browser: a period chosen on the map is the region page's period (same
number, named), and Back returns to the map with level, measure and period as they were."""

import re
import time

from tests.browser.test_browser import (  # noqa: F401
    _in_map,
    _map_frame,
    _point,
    _wait_for_paths,
    app_url,
    page,
    wait_until_idle,
)


def _thumbs(pg):
    """The period slider's two thumbs (range inputs): start, end."""
    return pg.locator("[data-testid='stSidebar'] [data-testid='stSlider']").first.locator("input[type='range']")


def _move_thumb(pg, index: int, key: str, times: int) -> None:
    thumb = _thumbs(pg).nth(index)
    thumb.focus()
    for _ in range(times):
        pg.keyboard.press(key)
    time.sleep(0.3)


def _tooltip_at(pg, lat: float, lng: float) -> str:
    pg.mouse.move(*_point(pg, lat, lng))
    tip = _map_frame(pg).locator(".leaflet-tooltip")
    tip.first.wait_for(state="visible", timeout=15_000)
    return tip.first.inner_text()


def test_a_period_chosen_on_the_map_is_the_region_pages_and_back_restores_the_map(app_url, page):  # noqa: F811
    page.goto(f"{app_url}/?level=regency&metric=signed")
    assert _wait_for_paths(page, 514, timeout=120) == 514
    wait_until_idle(page)
    # choose 2023–2024 on the period slider (defaults 2021 – this year), as a user does with the keyboard
    first, last = _thumbs(page).nth(0), _thumbs(page).nth(1)
    this_year = int(last.input_value())
    _move_thumb(page, 0, "ArrowRight", 2)
    wait_until_idle(page)
    _move_thumb(page, 1, "ArrowLeft", this_year - 2024)
    wait_until_idle(page)
    page.wait_for_url(re.compile(r".*y0=2023.*"), timeout=30_000)
    page.wait_for_url(re.compile(r".*y1=2024.*"), timeout=30_000)
    assert first.input_value() == "2023" and last.input_value() == "2024"
    assert _wait_for_paths(page, 514, timeout=60) == 514
    time.sleep(1.5)
    _in_map(page, "() => { sinergiMap.setView([-6.92, 107.61], 10, {animate: false}); }")  # 3 px wide at zoom 5
    time.sleep(1)
    tip = _tooltip_at(page, -6.92, 107.61)  # Kota Bandung
    assert "Kota Bandung" in tip, tip
    on_map = re.search(r"Kerja sama ditandatangani\s*:?\s*([\d.]+)", tip).group(1)

    page.mouse.click(*_point(page, -6.92, 107.61))
    page.wait_for_url("**/region?**", timeout=30_000)
    page.get_by_role("heading", name="Kota Bandung").wait_for(timeout=30_000)
    wait_until_idle(page)
    page.get_by_text("Periode: 2023–2024").first.wait_for(timeout=30_000)  # the page names the period
    signed = page.locator("[data-testid='stMetric']").filter(has_text="Kerja sama ditandatangani").first
    assert signed.locator("[data-testid='stMetricValue']").inner_text().strip() == on_map
    assert "y0=2023" in page.url and "y1=2024" in page.url

    page.go_back()
    page.wait_for_url(re.compile(r"^[^?]*/\?.*"), timeout=30_000)
    assert _wait_for_paths(page, 514, timeout=90) == 514  # still regencies, not reset to provinces
    wait_until_idle(page)
    assert _thumbs(page).nth(0).input_value() == "2023"
    assert _thumbs(page).nth(1).input_value() == "2024"
    assert "level=regency" in page.url and "metric=signed" in page.url
    legend = page.get_by_text("Kerja sama ditandatangani").first
    assert legend.count() == 1
    # Streamlit drops a page's download files when the user leaves it; going Back, the browser may still ask for the
    # old one once before the page redraws its buttons (a 404 in the console, nothing on screen). Any other error
    # fails the test.
    stale = ("Download Button source error - 404", "status of 404 (Not Found)")
    errors = [e for e in page.console_errors if not any(s in e for s in stale)]
    assert page.outside_requests == [] and errors == [], (page.outside_requests, page.console_errors)
