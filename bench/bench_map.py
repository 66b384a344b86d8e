"""Benchmark of the map page: warm server rerun, browser time until every region is drawn, bytes sent,
and the drill-down click. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_map.py           (needs Chromium: apt-get install chromium)

Uses a throw-away data folder (the simulated sample) and a local server on a free port.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXPECTED = {"province": 38, "regency": 514, "district": 7285}


def warm_reruns(data_dir: str) -> None:
    from streamlit.testing.v1 import AppTest

    os.environ["SINERGI_DATA_DIR"] = data_dir
    for level in EXPECTED:
        at = AppTest.from_file(str(ROOT / "app_pages" / "national_map.py"), default_timeout=300)
        at.query_params["level"] = level
        at.run()
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
        print(f"warm rerun of the map page, {level}: {min(times) * 1000:.0f} ms (best of 3)")


FRAME = "iframe[title='streamlit_folium.st_folium']"


def _open_until_drawn(page, url: str, expected: int) -> float:
    t0 = time.perf_counter()
    page.goto(url)
    frame = page.frame_locator(FRAME).first
    while frame.locator("path.leaflet-interactive").count() < expected:
        time.sleep(0.05)
        if time.perf_counter() - t0 > 120:
            break
    return time.perf_counter() - t0


def _drill_down(page) -> float:
    """Click Jawa Barat on the national map; seconds until its 27 regencies are drawn."""
    frame = page.frame_locator(FRAME).first
    while frame.locator("path.leaflet-interactive").count() != 38:
        time.sleep(0.05)
    time.sleep(1)
    fr = [f for f in page.frames if "streamlit_folium" in f.url][0]
    x, y = fr.evaluate("(() => { const p = map_div.latLngToContainerPoint([-7.0, 107.6]); return [p.x, p.y]; })()")
    box = page.locator(FRAME).first.bounding_box()
    t1 = time.perf_counter()
    page.mouse.click(box["x"] + x, box["y"] + y)
    while frame.locator("path.leaflet-interactive").count() != 27:
        time.sleep(0.02)
    took = time.perf_counter() - t1
    page.locator("text=Indonesia › Jawa Barat").first.wait_for(timeout=30_000)
    return took


def browser(data_dir: str) -> None:
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=str(ROOT), SINERGI_DATA_DIR=data_dir)
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port",
                             str(port), "--server.address", "127.0.0.1"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    try:
        with sync_playwright() as p:
            chromium = shutil.which("chromium") or shutil.which("chromium-browser")
            b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu",
                                                                  "--disable-background-networking"])
            b.new_page().goto(url)  # warm the server caches once
            time.sleep(8)
            returning = b.new_context(viewport={"width": 1400, "height": 1100})
            returning.new_page().goto(url)  # this browser profile now has Streamlit's scripts cached
            time.sleep(5)
            for level, expected in EXPECTED.items():
                page = b.new_page(viewport={"width": 1400, "height": 1100})  # a fresh profile: empty cache
                received = []
                page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.append(
                    len(f) if isinstance(f, (bytes, str)) else 0)))
                drawn = _open_until_drawn(page, f"{url}/?level={level}", expected)
                again = returning.new_page()
                drawn_again = _open_until_drawn(again, f"{url}/?level={level}", expected)
                again.close()
                print(f"browser, {level}: all {expected} regions drawn {drawn:.2f} s after opening "
                      f"(first visit, empty browser cache), {drawn_again:.2f} s (returning visitor); "
                      f"{sum(received) / 1e6:.2f} MB over the websocket")
                if level == "province":
                    for attempt in range(3):
                        print(f"drill-down click on Jawa Barat: its 27 regencies drawn "
                              f"{_drill_down(page):.2f} s after the click")
                        page.goto(f"{url}/?level=province")
                page.close()
            b.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


if __name__ == "__main__":
    folder = tempfile.mkdtemp(prefix="sinergi-bench-")
    warm_reruns(folder)
    browser(folder)
    shutil.rmtree(folder, ignore_errors=True)
