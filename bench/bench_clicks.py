"""Benchmark of what a planner and a presenter click, in Chromium: seconds from the click (or key) until the app
has answered — the server's run finished (``script_finished`` on the websocket) and, where the map changes, the
map redrawn. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_clicks.py [--repeat 3] [--precompute 1|0]    (needs Chromium)

A fresh data folder with the sample; one warm-up pass (the caches of the data version filled, as after the first
visitor of the day), then each interaction ``--repeat`` times: the best and the worst are printed.
Planner: a weight slider moved one step, a constraint (an island group) chosen, a stop added by clicking the map,
a stop removed, the number of days changed (the schedule made again), the backtest run. Briefing: next and
previous step. The backtest's first press of the data version finds its months computed in the background since
the warm-up pass opened the planner (``SINERGI_PLANNER_PRECOMPUTE``); ``--precompute 0`` measures it computed by
the press instead.
"""

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.map_pages import NEW_FRAME, start_server  # noqa: E402


class Answers:
    """Counts the runs the server finished for one page, from its websocket."""

    def __init__(self, page):
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self.finished = 0

        def on_frame(frame):
            if isinstance(frame, (bytes, bytearray)):
                msg = ForwardMsg()
                msg.ParseFromString(frame)
                if msg.WhichOneof("type") == "script_finished":
                    self.finished += 1

        page.on("websocket", lambda ws: ws.on("framereceived", on_frame))

    def timed(self, page, action, *, map_changes: bool = False, limit: float = 120.0) -> float:
        """Seconds from ``action()`` until the server finished the run it caused (and the map shows a new view)."""
        before = self.finished
        view = _view_id(page) if map_changes else None
        t0 = time.perf_counter()
        action()
        while self.finished == before or (map_changes and _view_id(page) == view):
            if time.perf_counter() - t0 > limit:
                return float("inf")
            page.wait_for_timeout(10)  # lets Playwright deliver the websocket's frames meanwhile
        return time.perf_counter() - t0


def _view_id(page) -> str | None:
    try:
        return page.frame_locator(NEW_FRAME).first.locator("body").get_attribute("data-view", timeout=200)
    except Exception:
        return None


def _settle(page, seconds: float = 1.0) -> None:
    time.sleep(seconds)
    while page.locator("[data-testid='stStatusWidget']").count():
        time.sleep(0.1)


def _map_click(page, lat: float, lng: float) -> None:
    frame = page.frame_locator(NEW_FRAME).first
    x, y, hit = frame.locator("body").evaluate(
        f"() => {{ const p = sinergiMap.latLngToContainerPoint([{lat}, {lng}]);"
        f" const e = document.elementFromPoint(p.x, p.y); return [p.x, p.y, e ? e.tagName : '']; }}")
    if hit != "CANVAS":  # a control or the legend lies over the place: the click would not reach the map
        raise SystemExit(f"bench_clicks: ({lat}, {lng}) is under a {hit} on the map, not on a region")
    page.locator(NEW_FRAME).first.scroll_into_view_if_needed()
    box = page.locator(NEW_FRAME).first.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def planner(page, url: str, answers: Answers, repeat: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    page.goto(f"{url}/planner")
    page.locator(NEW_FRAME).first.wait_for(timeout=180_000)
    page.frame_locator(NEW_FRAME).first.locator("body[data-drawn='514']").wait_for(timeout=180_000)
    _settle(page)
    slider = page.locator("[data-testid='stSidebar'] [data-testid='stSlider']").first.locator("input[type='range']")
    for i in range(repeat):
        def move(key="ArrowRight" if i % 2 == 0 else "ArrowLeft"):
            slider.focus()
            page.keyboard.press(key)
        out.setdefault("weight slider, one step", []).append(answers.timed(page, move, map_changes=True))
        _settle(page)
    days = page.get_by_label("Lama perjalanan").first
    for i in range(repeat):
        def more_days(n=str(4 + i % 2)):
            days.fill(n)
            days.press("Enter")
        out.setdefault("number of days (the schedule made again)", []).append(answers.timed(page, more_days))
        _settle(page)
    picks = page.get_by_label("Lokasi yang dikunjungi").first  # the stops' box
    # Merauke, Kapuas Hulu, Sumba Timur, Ambon (not Aceh: at the planner map's zoom the zoom buttons cover it)
    far = [(-7.6, 139.6), (0.8, 113.0), (-9.9, 120.3), (-3.6, 128.3)]
    for i in range(repeat):
        lat, lng = far[i % len(far)]
        out.setdefault("stop added by a click on the map", []).append(
            answers.timed(page, lambda: _map_click(page, lat, lng), map_changes=True))
        _settle(page)

        def remove_last():  # Backspace in the stops' box removes the last stop, as a user does
            picks.focus()
            page.keyboard.press("Backspace")
        out.setdefault("stop removed", []).append(answers.timed(page, remove_last, map_changes=True))
        _settle(page)
    run = page.get_by_role("button", name="Jalankan uji balik")
    if run.count():
        out["backtest, first press of this data version"] = [answers.timed(page, lambda: run.first.click(),
                                                                            limit=300)]
        _settle(page)
        def step():
            slider.focus()
            page.keyboard.press("ArrowRight")
        out["weight slider with the backtest shown"] = [answers.timed(page, step, map_changes=True, limit=300)]
    return out


def briefing(page, url: str, answers: Answers, repeat: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    page.goto(f"{url}/briefing")
    page.get_by_role("button", name="Berikutnya").first.wait_for(timeout=180_000)
    _settle(page, 2)
    for _ in range(repeat):
        for name, label in (("next step", "Berikutnya"), ("previous step", "Sebelumnya")):
            button = page.get_by_role("button", name=label).first
            out.setdefault(name, []).append(answers.timed(page, lambda b=button: b.click()))
            _settle(page, 0.5)
    return out


def main() -> None:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--precompute", choices=["1", "0"], default="1",
                    help="SINERGI_PLANNER_PRECOMPUTE of the server (default 1, as installed)")
    args = ap.parse_args()
    data_dir = tempfile.mkdtemp(prefix="sinergi-bench-")
    proc, url = start_server(ROOT, data_dir, {"SINERGI_PLANNER_PRECOMPUTE": args.precompute})
    print(f"SINERGI_PLANNER_PRECOMPUTE={args.precompute}")
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=shutil.which("chromium") or shutil.which("chromium-browser"),
                                  args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            warm = b.new_page(viewport={"width": 1400, "height": 1000})
            for path in ("/", "/planner", "/briefing"):  # the sample seeded, the caches of this data version filled
                warm.goto(url + path)
                time.sleep(3)
                _settle(warm, 2)
            warm.close()
            results = {}
            for name, fn in (("planner", planner), ("briefing", briefing)):
                page = b.new_page(viewport={"width": 1400, "height": 1000})
                answers = Answers(page)
                results[name] = fn(page, url, answers, args.repeat)
                page.close()
            b.close()
        for name, rows in results.items():
            for what, times in rows.items():
                print(f"{name}: {what}: best {min(times):.2f} s, worst {max(times):.2f} s ({len(times)} tries)")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
