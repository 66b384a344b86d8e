"""Benchmark of the map page, this tree against a baseline tree in the same run. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_map.py [--baseline PATH] [--sessions 10]    (needs Chromium)

``--baseline``: another checkout (e.g. ``git worktree add /tmp/base <commit>``), measured the same way first, so
that each figure can be read as a ratio (absolute times differ about twofold between machines of one kind).

For each tree, with a fresh data folder and its own server:
* first start: seconds until the first page shows something (title or progress) and until the map is drawn,
  while the sample is seeded (then the benchmark waits for the planner's background computation that the first
  page started, ``map_pages.wait_background``, so that no figure below counts a core taken by it);
* per level: all regions drawn after opening the page — first visit (a new browser profile, empty cache) and
  returning visitor (a profile on disk that has seen that level before, as a user's browser:
  ``map_pages.browser_profile``, which keeps the code V8 compiled, as a private window does not) — and the
  bytes received over the websocket by the new session (static files excluded);
* the drill-down: click Jawa Barat on the province map, seconds until its 27 regencies are drawn;
* server CPU per new map session at regency level: ``--sessions`` sessions speaking Streamlit's own protocol
  one after another (the messages a browser sends on opening the page), CPU time of the server process / n.

Then Streamlit's own start (``streamlit_floor``): a Streamlit page holding only a title, opened the same way (first
visit and returning visitor, median of 3), so that each figure can be set against what no Streamlit page goes below.
"""

import argparse
import asyncio
import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.map_pages import (  # noqa: E402
    CHROMIUM_ARGS,
    NEW_FRAME,
    OLD_FRAME,
    browser_profile,
    chromium,
    protocol_session,
    server_cpu_seconds,
    start_server,
    uses_component,
    wait_background,
    wait_drawn,
)

EXPECTED = {"province": 38, "regency": 514, "district": 7285}
ARGS = CHROMIUM_ARGS


def _first_start(browser, url: str, component: bool) -> tuple[float, float]:
    """(seconds until the page shows its title or a progress message, seconds until the map is drawn)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    shown = None
    while shown is None and time.perf_counter() - t0 < 300:
        if page.locator("h1, [data-testid='stProgress'], .sinergi-seeding").count():
            shown = time.perf_counter() - t0
        time.sleep(0.05)
    drawn = wait_drawn(page, component, EXPECTED["province"], t0, limit=300)
    page.close()
    return shown, drawn


def _click(page, component: bool, lat: float, lng: float) -> None:
    frame_sel = NEW_FRAME if component else OLD_FRAME
    fn = "sinergiMap" if component else "map_div"
    x, y = page.frame_locator(frame_sel).first.locator("body").evaluate(
        f"() => {{ const p = {fn}.latLngToContainerPoint([{lat}, {lng}]); return [p.x, p.y]; }}")
    page.locator(frame_sel).first.scroll_into_view_if_needed()
    box = page.locator(frame_sel).first.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def _drill_down(page, url: str, component: bool) -> float:
    page.goto(f"{url}/?level=province")
    wait_drawn(page, component, 38, time.perf_counter())
    time.sleep(1.5)
    t0 = time.perf_counter()
    _click(page, component, -7.0, 107.6)  # Jawa Barat
    return wait_drawn(page, component, 27, t0, limit=60)


def _server_cpu(url: str, pid: int, n: int) -> tuple[float, float]:
    """(server CPU seconds per new regency-map session, median wall seconds until the page was sent)."""
    asyncio.run(protocol_session(url, "level=regency"))  # warm
    cpu0 = server_cpu_seconds(pid)
    walls = [asyncio.run(protocol_session(url, "level=regency")) for _ in range(n)]
    time.sleep(0.5)
    return (server_cpu_seconds(pid) - cpu0) / n, sorted(walls)[len(walls) // 2]


FLOOR_APP = 'import streamlit as st\n\nst.title("Peta kerja sama")\n'


def streamlit_floor(tries: int = 3, link: tuple[float, float] | None = None) -> tuple[float, float]:
    """(first visit, returning visitor): median seconds until a Streamlit page holding only a title shows it,
    served by one Streamlit process and opened the same way as the map page — what Streamlit itself costs before
    any page of its runs. ``link``: (bits/s, latency ms) emulated in Chromium (``bench_serve._emulate``)."""
    import statistics
    import subprocess
    import urllib.request

    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="sinergi-floor-"))
    (folder / "floor_app.py").write_text(FLOOR_APP)
    with __import__("socket").socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(folder / "floor_app.py"),
                             "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless",
                             "true", "--browser.serverAddress", "localhost", "--browser.gatherUsageStats", "false"],
                            cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        firsts, backs = [], []
        with sync_playwright() as p:
            for _ in range(tries):
                # a new profile (empty cache), then its second visit
                with browser_profile(p, {"width": 1400, "height": 1100}) as context:
                    for out in (firsts, backs):
                        page = context.new_page()
                        if link:
                            from bench.bench_serve import _emulate

                            _emulate(context, page, *link)
                        t0 = time.perf_counter()
                        page.goto(url)
                        page.get_by_role("heading", name="Peta kerja sama").wait_for(timeout=60_000)
                        out.append(time.perf_counter() - t0)
                        time.sleep(1)
                        page.close()
        return statistics.median(firsts), statistics.median(backs)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


def measure(tree: Path, sessions: int) -> dict:
    from playwright.sync_api import sync_playwright

    component = uses_component(tree)
    data_dir = tempfile.mkdtemp(prefix="sinergi-bench-")
    proc, url = start_server(tree, data_dir)
    out = {}
    try:
        with sync_playwright() as p, contextlib.ExitStack() as stack:
            b = p.chromium.launch(executable_path=chromium(), args=ARGS)
            out["first_start"] = _first_start(b, url, component)
            time.sleep(2)
            wait_background()  # the planner's months computed after the first page: not beside what is measured
            returning = stack.enter_context(browser_profile(p, {"width": 1400, "height": 1100}))
            for level, expected in EXPECTED.items():
                seen = returning.new_page()  # the returning visitor has seen this level before
                seen.goto(f"{url}/?level={level}")
                wait_drawn(seen, component, expected, time.perf_counter())
                time.sleep(1)
                seen.close()
                page = b.new_page(viewport={"width": 1400, "height": 1100})  # a fresh profile: empty cache
                received = []
                page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.append(
                    len(f) if isinstance(f, (bytes, str)) else 0)))
                t0 = time.perf_counter()
                page.goto(f"{url}/?level={level}")
                first = wait_drawn(page, component, expected, t0)
                time.sleep(1)
                again = returning.new_page()
                t0 = time.perf_counter()
                again.goto(f"{url}/?level={level}")
                back = wait_drawn(again, component, expected, t0)
                if component:  # inside the frame: boundaries in hand → regions added to the map (its own marks)
                    out[f"{level}_frame_ms"] = again.frame_locator(NEW_FRAME).first.locator("body").evaluate(
                        "() => { const m = (n) => performance.getEntriesByName(n).slice(-1)[0];"
                        " return m('sinergi-drawn') && m('sinergi-boundaries') ?"
                        " m('sinergi-drawn').startTime - m('sinergi-boundaries').startTime : null; }")
                again.close()
                out[level] = (first, back, sum(received))
                if level == "province":
                    out["drill"] = min(_drill_down(page, url, component) for _ in range(3))
                page.close()
            b.close()
        out["cpu"] = _server_cpu(url, proc.pid, sessions)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)
    return out


def report(name: str, r: dict) -> None:
    shown, drawn = r["first_start"]
    print(f"[{name}] first start on a fresh data folder: first content {shown:.2f} s, map drawn {drawn:.2f} s")
    for level, expected in EXPECTED.items():
        first, back, size = r[level]
        frame = r.get(f"{level}_frame_ms")
        print(f"[{name}] {level}: all {expected} drawn {first:.2f} s after opening (first visit), {back:.2f} s "
              f"(returning visitor); {size / 1000:.1f} KB over the websocket"
              + (f"; in the frame, regions added {frame:.0f} ms after their boundaries were in hand" if frame else ""))
    print(f"[{name}] drill-down click on Jawa Barat: its 27 regencies drawn {r['drill']:.2f} s after the click")
    cpu, wall = r["cpu"]
    print(f"[{name}] server CPU per new regency-map session: {cpu * 1000:.0f} ms (page sent after {wall:.2f} s)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", type=Path, help="another checkout to measure first, the same way")
    ap.add_argument("--sessions", type=int, default=10)
    args = ap.parse_args()
    results = {}
    if args.baseline:
        results["baseline"] = measure(args.baseline.resolve(), args.sessions)
        report("baseline", results["baseline"])
    results["this"] = measure(ROOT, args.sessions)
    report("this", results["this"])
    floor_first, floor_back = streamlit_floor()
    print(f"[streamlit] a page holding only a title, shown: {floor_first:.2f} s (first visit), {floor_back:.2f} s "
          f"(returning visitor) — Streamlit's own start, below which no page of it can be drawn")
    if args.baseline:
        a, b = results["baseline"], results["this"]
        print("ratios (this / baseline):")
        for level in EXPECTED:
            print(f"  {level}: first visit {b[level][0] / a[level][0]:.2f}, returning {b[level][1] / a[level][1]:.2f}, "
                  f"websocket bytes {b[level][2] / a[level][2]:.3f}")
        print(f"  Streamlit's own start against the baseline's regency map: first visit "
              f"{floor_first / a['regency'][0]:.2f}, returning {floor_back / a['regency'][1]:.2f}")
        print(f"  drill-down {b['drill'] / a['drill']:.2f}; server CPU per session {b['cpu'][0] / a['cpu'][0]:.2f}; "
              f"first start: first content {b['first_start'][0] / a['first_start'][0]:.2f}, map drawn "
              f"{b['first_start'][1] / a['first_start'][1]:.2f}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
