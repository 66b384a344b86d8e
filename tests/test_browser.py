"""Headless Chromium against the running app: the map draws offline."""

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


@pytest.fixture(scope="module")
def app_url(require_browser, tmp_path_factory):
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), SINERGI_DATA_DIR=str(tmp_path_factory.mktemp("appdata")))
    env.pop("SINERGI_TILE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("the app did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture()
def page(require_browser):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=require_browser, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        pg = browser.new_page(viewport={"width": 1400, "height": 900})
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
