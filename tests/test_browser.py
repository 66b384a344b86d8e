"""Headless Chromium against the running app: the map draws offline."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlparse

import pytest

from tests.conftest import ROOT

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(data_dir):
    """The app on a free local port with its data in ``data_dir``; yields its URL, stops it afterwards."""
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), SINERGI_DATA_DIR=str(data_dir))
    for name in ("SINERGI_TILE_URL", "SINERGI_DATABASE_URL", "SINERGI_VIEW_REQUIRES_LOGIN"):
        env.pop(name, None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the app did not start")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def app_url(require_browser, tmp_path_factory):
    with running_app(tmp_path_factory.mktemp("appdata")) as url:
        yield url


@pytest.fixture()
def page(require_browser):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=require_browser, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        pg = browser.new_page(viewport={"width": 1400, "height": 1100})
        pg.outside_requests = []
        pg.console_errors = []

        def guard(route):
            host = urlparse(route.request.url).hostname or ""
            if route.request.url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
                route.continue_()
            else:
                pg.outside_requests.append(route.request.url)
                route.abort()

        pg.context.route("**/*", guard)
        pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
        yield pg
        browser.close()


def test_national_map_draws_every_province_offline(app_url, page):
    page.goto(app_url)
    frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
    shapes = frame.locator("path.leaflet-interactive")
    shapes.first.wait_for(timeout=60_000)
    deadline = time.time() + 30
    while shapes.count() < 38 and time.time() < deadline:
        time.sleep(0.5)
    # One SVG path per province feature (a MultiPolygon is drawn as one path).
    assert shapes.count() == 38
    target = shapes.nth(10)
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    target.dispatch_event("mouseover", {"clientX": box["x"] + box["width"] / 2, "clientY": box["y"] + box["height"] / 2})
    tooltip = frame.locator(".leaflet-tooltip")
    tooltip.wait_for(state="attached", timeout=10_000)
    assert tooltip.text_content().strip() != ""
    assert page.outside_requests == [], page.outside_requests
    assert page.console_errors == [], page.console_errors


def _map_frame(page):
    return page.frame_locator("iframe[title='streamlit_folium.st_folium']").first


def _click_latlng(page, lat, lng):
    frame = [f for f in page.frames if "streamlit_folium" in f.url][0]
    x, y = frame.evaluate(f"(() => {{ const p = map_div.latLngToContainerPoint([{lat}, {lng}]); return [p.x, p.y]; }})()")
    iframe = page.locator("iframe[title='streamlit_folium.st_folium']").first
    iframe.scroll_into_view_if_needed()
    box = iframe.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def _wait_for_paths(page, expected, timeout=60):
    deadline = time.time() + timeout
    count = -1
    while time.time() < deadline:
        try:
            count = _map_frame(page).locator("path.leaflet-interactive").count()
        except Exception:  # the iframe is being replaced
            count = -1
        if count == expected:
            return count
        time.sleep(0.2)
    return count


@pytest.mark.parametrize("level,expected", [("regency", 514), ("district", 7285)])
def test_every_region_of_a_level_is_drawn(app_url, page, level, expected):
    page.goto(f"{app_url}/?level={level}")
    assert _wait_for_paths(page, expected, timeout=120) == expected
    assert page.outside_requests == [] and page.console_errors == []


def test_click_province_then_regency_opens_its_page(app_url, page):
    page.goto(app_url)
    assert _wait_for_paths(page, 38) == 38
    time.sleep(1)
    _click_latlng(page, -7.0, 107.6)  # inside Jawa Barat
    page.locator("text=Indonesia › Jawa Barat").first.wait_for(timeout=30_000)
    assert _wait_for_paths(page, 27) == 27  # its 27 regencies and cities, in place
    time.sleep(1)
    _click_latlng(page, -6.92, 107.61)  # Kota Bandung
    page.wait_for_url("**/region?**", timeout=30_000)
    page.get_by_role("heading", name="Kota Bandung").wait_for(timeout=30_000)
    assert "region=32.73" in page.url
    assert page.outside_requests == [] and page.console_errors == []


def test_a_page_opened_directly_on_a_fresh_server_keeps_the_app_navigation(require_browser, tmp_path):
    """Streamlit runs a ``pages/`` file without the app around it when it is the first thing a fresh server
    is asked for; the pages switch the server to the app's own navigation (ui/navigation_guard.py)."""
    from playwright.sync_api import sync_playwright

    with running_app(tmp_path) as url:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=require_browser, args=["--no-sandbox", "--disable-gpu",
                                                                               "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url + "/impact")  # the very first request this server gets
            page.get_by_text("Apakah kerja sama tumbuh setelah kunjungan kerja?").first.wait_for(timeout=90_000)
            nav = page.locator("[data-testid='stSidebarNav']")
            nav.get_by_text("Peta Nasional").first.wait_for(timeout=30_000)  # the app's page titles, not file names
            assert nav.get_by_text("national map", exact=True).count() == 0
            page.locator("[data-testid='stSidebar']").get_by_text("Bahasa", exact=True).first.wait_for(timeout=30_000)
            browser.close()
