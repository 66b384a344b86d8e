"""Load benchmark: many simultaneous viewers of the national map against ONE Streamlit server.

    .venv/bin/python bench/bench_load.py [--levels 1,2,4,8,16] [--rounds 2] [--pin]    (needs Chromium)

Each viewer is a separate headless Chromium page (its own browser context, so its own Streamlit
session and websocket). For each concurrency level, that many viewers open the map at the same moment;
the time counted is from navigation start until the map has drawn all 38 provinces. Prints the median and
95th percentile per level and the largest level whose p95 (and median) stays under 2 s. Prints figures;
asserts nothing. The browsers run on the same machine as the server, so they compete for its CPU:
the figure is a lower bound for a server whose viewers sit at their own computers. The server's own CPU
time per page load is printed too: with viewers elsewhere, a 2-core server draws at most about
2 / (that figure) maps per second. ``--pin`` keeps the two apart on a 2-core machine: the server on CPU 0
(a Streamlit server is one Python process, mostly bound to one core by the GIL anyway) and every browser on
CPU 1, so the browsers' own work no longer slows the server down.

Because the browsers on this machine slow the server down (or, pinned, are slow themselves), a second
part measures the server alone: ``--protocol-levels`` viewers that speak Streamlit's own websocket protocol
(the messages a browser sends on opening the page) and wait until the server has sent the whole page
(``script_finished``), without drawing it. A viewer at their own computer waits that long plus the time
their browser needs to draw the page, which is the one-viewer browser time minus the one-viewer server
time measured here. The figure printed at the end: the largest number of viewers opening the map at once
whose p95 wait, so computed, stays under 2 s.
"""

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.map_pages import NEW_FRAME, p95, protocol_session, server_cpu_seconds, start_server  # noqa: E402

PROVINCES = 38
LIMIT_S = 2.0
server_cpu: dict[int, float] = {}  # concurrency -> server CPU seconds per page load


async def one_viewer(browser, url: str) -> float:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    try:
        t0 = time.perf_counter()
        await page.goto(url, timeout=180_000, wait_until="commit")
        await page.frame_locator(NEW_FRAME).first.locator(f"body[data-drawn='{PROVINCES}']").wait_for(
            state="attached", timeout=180_000)
        return time.perf_counter() - t0
    except Exception:  # not drawn within 3 minutes: counted as a failed page load
        return float("inf")
    finally:
        await context.close()


async def run_protocol(url: str, levels: list[int], rounds: int) -> dict[int, list[float]]:
    results = {}
    await protocol_session(url, "level=province")
    for level in levels:
        times = []
        for _ in range(rounds):
            times += await asyncio.gather(*(protocol_session(url, "level=province") for _ in range(level)))
        results[level] = times
        print(f"{level:3d} viewers at once, server side: median {statistics.median(times):5.2f} s, "
              f"p95 {p95(times):5.2f} s until the whole page was sent", flush=True)
    return results


async def run(url: str, levels: list[int], rounds: int, pid: int) -> dict[int, list[float]]:
    from playwright.async_api import async_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    results: dict[int, list[float]] = {}
    server_cpu.clear()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        await one_viewer(browser, url)  # warm-up: the server's caches, as after its first visitor
        for level in levels:
            times = []
            cpu0 = server_cpu_seconds(pid)
            for _ in range(rounds):
                times += await asyncio.gather(*(one_viewer(browser, url) for _ in range(level)))
            cpu = (server_cpu_seconds(pid) - cpu0) / len(times)
            server_cpu[level] = cpu
            results[level] = times
            failed = sum(t == float("inf") for t in times)
            print(f"{level:3d} concurrent viewers: median {statistics.median(times):5.2f} s, "
                  f"p95 {p95(times):5.2f} s, worst {max(times):5.2f} s  ({len(times)} page loads, {failed} not "
                  f"drawn within 3 min; server CPU {cpu:.2f} s per page load)", flush=True)
        await browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", default="1,2,4,8,16")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--pin", action="store_true", help="server on CPU 0, browsers on CPU 1")
    parser.add_argument("--protocol-levels", default="1,2,4,8,16,32,64")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]
    data_dir = tempfile.mkdtemp(prefix="sinergi-load-")
    proc, url = start_server(ROOT, data_dir, cpus={0} if args.pin else None)
    if args.pin:
        os.sched_setaffinity(0, {1})  # this process, the Playwright driver and every Chromium it starts
    try:
        where = "server on CPU 0, browsers on CPU 1" if args.pin else "browsers on the same cores"
        print(f"one Streamlit server, {os.cpu_count()} CPU cores ({where})", flush=True)
        results = asyncio.run(run(url, levels, args.rounds, proc.pid))
        if args.pin:
            os.sched_setaffinity(0, set(range(os.cpu_count())))
        protocol = asyncio.run(run_protocol(url, [int(x) for x in args.protocol_levels.split(",")], args.rounds))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)
    ok_p95 = [lv for lv, ts in results.items() if p95(ts) < LIMIT_S]
    ok_median = [lv for lv, ts in results.items() if statistics.median(ts) < LIMIT_S]
    print(f"largest concurrency with the map drawn in under {LIMIT_S:.0f} s: "
          f"p95 {max(ok_p95) if ok_p95 else 'none'}, median {max(ok_median) if ok_median else 'none'}")
    cpu = [c for c in server_cpu.values()]
    if cpu:
        per_load = statistics.median(cpu)
        print(f"server CPU per map page load: {per_load:.2f} s")
    if 1 in results and 1 in protocol:
        drawing = max(0.0, statistics.median(results[1]) - statistics.median(protocol[1]))
        held = [lv for lv, ts in protocol.items() if p95(ts) + drawing < LIMIT_S]
        print(f"the browser's own part of opening the map (one viewer: browser time minus server time): "
              f"{drawing:.2f} s; viewers opening the map at the same moment with p95 under {LIMIT_S:.0f} s, "
              f"each at their own computer: {max(held) if held else 'none'}")


if __name__ == "__main__":
    main()
