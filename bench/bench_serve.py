"""Benchmark of the production setup (``run.py serve``: nginx in front of 2 workers) against a baseline tree served
the way it was (one Streamlit process, or its own ``serve`` with ``--baseline-serve``). Prints figures; asserts
nothing.

    .venv/bin/python bench/bench_serve.py [--baseline PATH] [--viewers 30] [--runs 5]    (needs Chromium and nginx)

* First visit to the regency map (a new browser profile) on emulated links — Chromium's own network emulation
  (DevTools ``Network.emulateNetworkConditions``): 10 Mbit/s with 50 ms latency and 2 Mbit/s with 150 ms — and
  the returning visitor (the same profile's second visit, 2 s later) on the 10 Mbit/s link. Each profile is a
  folder on disk, as a user's browser has (``map_pages.browser_profile``): Chromium keeps beside its HTTP cache the
  code V8 compiled from the scripts (from a script's second visit on, used from its third), which a private
  window (Playwright's ``new_context``) does not; the profile's third visit and a private window's second and
  third are printed too. Seconds until all 514 regencies are
  drawn, ``--runs`` times each (a new browser profile each run; the median and the range are printed: on a
  2-core machine one run moves by a second or more; with ``--baseline`` both servers run at once and take turns,
  run by run, so that the machine's drift weighs on both alike); and for each visit (the last run's) the HTTP
  requests that went over the network (a revalidation's 304 counts, a file from the browser's cache does not)
  and the bytes they carried, the websocket apart.
* ``--viewers`` viewers opening the map at the same moment, speaking Streamlit's own protocol through nginx
  (each first fetches the page, so it has nginx's sticky cookie, then opens the websocket): median and p95 of the
  seconds until the server has sent the whole page (``script_finished``).
* Streamlit's own start on the 10 Mbit/s link (``bench_map.streamlit_floor``): a page holding only a title, first
  visit and returning visitor, so that the map's figures can be set against what no Streamlit page goes below.
* The same, with one worker killed (SIGKILL) half a second after the viewers start: a viewer whose connection
  broke opens the page again (as the browser does), and its time counts from the first try; the viewers whose
  first request reached the killed worker and the others are listed apart. The supervisor restarts the dead
  worker.
"""

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.map_pages import (  # noqa: E402
    CHROMIUM_ARGS,
    browser_profile,
    chromium,
    p95,
    protocol_session,
    start_server,
    uses_component,
    wait_background,
    wait_drawn,
)

LINKS = {"10 Mbit/s, 50 ms": (10e6, 50), "2 Mbit/s, 150 ms": (2e6, 150)}


def _free_port() -> int:
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if all(socket.socket().connect_ex(("127.0.0.1", port + i)) != 0 for i in range(3)):
            return port


def start_serve(tree: Path, data_dir: str, workers: int = 2) -> tuple[subprocess.Popen, str, Path]:
    port = _free_port()
    run_dir = Path(tempfile.mkdtemp(prefix="sinergi-serve-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SINERGI_", "STREAMLIT_"))}
    env.update(PYTHONPATH=str(tree), SINERGI_DATA_DIR=data_dir, SINERGI_LOG_FILE=str(run_dir / "events.log"))
    proc = subprocess.Popen([sys.executable, "-m", "serving", "--workers", str(workers), "--port", str(port),
                             "--address", "127.0.0.1", "--run-dir", str(run_dir), "--check-every", "1"],
                            cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            state = json.loads((run_dir / "workers.json").read_text())
            log = run_dir / "events.log"
            warmed = log.read_text().count('"worker_warm"') if log.exists() else 0
            if all(w["healthy"] for w in state["workers"]) and warmed >= workers:  # serving.warmup is done
                urllib.request.urlopen(url + "/_stcore/health", timeout=2)
                return proc, url, run_dir
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.5)
    proc.kill()
    raise SystemExit("run.py serve did not start")


def _emulate(context, page, bits_per_s: float, latency_ms: float) -> dict:
    """Emulate the link on ``page``; returns a tally, filled as the page loads, of the HTTP requests that went
    over the network (``requests``: a 304 counts, a file from the browser's cache does not) and the bytes they
    carried (``bytes``, as sent: compressed, headers included; the websocket apart)."""
    cdp = context.new_cdp_session(page)
    tally = {"requests": 0, "bytes": 0, "cached": 0}
    from_cache = set()

    def served_from_cache(event):
        if event["requestId"] not in from_cache:
            from_cache.add(event["requestId"])
            tally["cached"] += 1

    def finished(event):
        if event["requestId"] not in from_cache:
            tally["requests"] += 1
            tally["bytes"] += int(event.get("encodedDataLength", 0))

    def received(event):
        response = event["response"]
        if response.get("fromDiskCache") or response.get("fromPrefetchCache") or response.get("fromServiceWorker"):
            served_from_cache(event)

    cdp.on("Network.requestServedFromCache", served_from_cache)
    cdp.on("Network.responseReceived", received)
    cdp.on("Network.loadingFinished", finished)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": latency_ms,
                                                  "downloadThroughput": bits_per_s / 8,
                                                  "uploadThroughput": bits_per_s / 8})
    return tally


def _visit(context, url: str, component: bool, link: tuple[float, float]) -> tuple[float, dict]:
    """A new page of ``context`` opens the regency map on the emulated ``link``: (seconds until all 514 regencies
    are drawn, the tally of what went over the network)."""
    page = context.new_page()
    tally = _emulate(context, page, *link)
    t0 = time.perf_counter()
    page.goto(f"{url}/?level=regency", timeout=180_000)
    seconds = wait_drawn(page, component, 514, t0)
    page.close()
    return seconds, dict(tally)


def _visit_run(p, b, url: str, component: bool, out: dict) -> None:
    """One run of each link's visits on the server at ``url``, added to ``out``: per link (first visits, returning
    visits) in seconds; per link + " network" the requests and bytes. A first visit is a new browser profile on
    disk (``map_pages.browser_profile``); the returning visitor is the same profile's second visit, 2 s later, as
    a user's browser. On the 10 Mbit/s link also the profile's third visit (``third``: Chromium compiles a script
    it sees a second time into its code cache and uses that from the third visit on) and a private window's
    second and third visits (``private``: it keeps no compiled code, so it compiles Streamlit's scripts again)."""
    for name, link in LINKS.items():
        firsts, backs = out.setdefault(name, ([], []))
        with browser_profile(p) as context:
            seconds, tally = _visit(context, url, component, link)
            firsts.append(seconds)
            out[f"{name} network"] = (tally, None)
            if name.startswith("10"):
                time.sleep(2)
                seconds, again = _visit(context, url, component, link)
                backs.append(seconds)
                out[f"{name} network"] = (tally, again)
                time.sleep(2)
                out.setdefault("third", []).append(_visit(context, url, component, link)[0])
        if name.startswith("10"):
            private = b.new_context(viewport={"width": 1400, "height": 1000})
            _visit(private, url, component, link)
            for visit in ("second", "third"):
                time.sleep(2)
                out.setdefault("private", {}).setdefault(visit, []).append(_visit(private, url, component, link)[0])
            private.close()


def browser_visits(servers: dict[str, tuple[str, bool]], runs: int = 1) -> dict[str, dict]:
    """For each server (name → (url, whether it has the map component)), ``runs`` runs of the visits; the servers
    take turns run by run, so that a machine that gets busier or quieter meanwhile weighs on both alike."""
    from playwright.sync_api import sync_playwright

    out: dict[str, dict] = {name: {} for name in servers}
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        for _ in range(runs):
            for name, (url, component) in servers.items():
                _visit_run(p, b, url, component, out[name])
        b.close()
    return out


async def _viewer(url: str, query: str = "level=regency") -> tuple[float, str, int]:
    """(seconds until the whole page was sent to a new session through nginx, the worker that answered its first
    request, how many tries it took): a broken connection is tried again (as the browser reconnects), the time
    counting from the first try."""
    import http.cookiejar

    t0 = time.perf_counter()
    jar = http.cookiejar.CookieJar()  # one browser: its sticky cookie stays when it tries again
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    first = ""
    for attempt in range(1, 6):
        try:
            with await asyncio.to_thread(lambda: opener.open(url + "/", timeout=60)) as response:
                first = first or response.headers.get("X-Sinergi-Worker", "")
            await protocol_session(url, query, cookie="; ".join(f"{c.name}={c.value}" for c in jar))
            return time.perf_counter() - t0, first, attempt
        except Exception:  # the worker died under it: open the page again
            await asyncio.sleep(0.5)
    return float("inf"), first, 5


async def _crowd(url: str, n: int, kill_pid: int | None = None) -> list[tuple[float, str, int]]:
    async def killer():
        await asyncio.sleep(0.5)
        os.kill(kill_pid, signal.SIGKILL)

    tasks = [asyncio.create_task(_viewer(url)) for _ in range(n)]
    if kill_pid:
        asyncio.create_task(killer())
    return list(await asyncio.gather(*tasks))


def crowd(url: str, run_dir: Path | None, n: int) -> dict:
    asyncio.run(_crowd(url, 2))  # warm: the data version's caches
    out = {"calm": [t for t, _, _ in asyncio.run(_crowd(url, n))]}
    if run_dir is not None:
        time.sleep(2)
        state = json.loads((run_dir / "workers.json").read_text())
        victim = state["workers"][0]
        rows = asyncio.run(_crowd(url, n, kill_pid=victim["pid"]))
        dead = f"127.0.0.1:{victim['port']}"
        out["killed worker's viewers"] = [t for t, w, _ in rows if w == dead] or [float("nan")]
        out["other worker's viewers"] = [t for t, w, _ in rows if w != dead] or [float("nan")]
        out["tries"] = [a for _, _, a in rows]
    return out


def measure(trees: dict[str, tuple[Path, bool]], viewers: int, runs: int = 1) -> dict[str, dict]:
    """Each tree (name → (tree, served with run.py serve?)) started at once on its own data folder; the browser
    visits taking turns between them; then each crowd, one tree after the other."""
    started = {}
    try:
        for name, (tree, serve) in trees.items():
            data_dir = tempfile.mkdtemp(prefix="sinergi-bench-")
            if serve:
                proc, url, run_dir = start_serve(tree, data_dir)
            else:
                (proc, url), run_dir = start_server(tree, data_dir), None
            started[name] = (proc, url, run_dir, data_dir, uses_component(tree))
            urllib.request.urlopen(url + "/", timeout=60).read()
            asyncio.run(_viewer(url))  # the sample seeded, the first caches filled
            asyncio.run(_viewer(url))
        time.sleep(2)
        wait_background()  # the planner's months computed after the first page: not beside what is measured
        visits = browser_visits({name: (url, component) for name, (_, url, _, _, component) in started.items()}, runs)
        return {name: {"visits": visits[name], "crowd": crowd(url, run_dir, viewers)}
                for name, (_, url, run_dir, _, _) in started.items()}
    finally:
        for proc, _, _, data_dir, _ in started.values():
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                proc.kill()
            shutil.rmtree(data_dir, ignore_errors=True)


def _spread(times: list[float]) -> str:
    """"2.95 s" for one run; "median 2.95 s (2.80–3.40 s, 5 runs)" for several."""
    if len(times) == 1:
        return f"{times[0]:.2f} s"
    return f"median {statistics.median(times):.2f} s ({min(times):.2f}–{max(times):.2f} s, {len(times)} runs)"


def report(name: str, r: dict) -> None:
    private, third = r["visits"].pop("private", None), r["visits"].pop("third", None)
    for link, (first, back) in r["visits"].items():
        if link.endswith(" network"):
            said = [f"{v['requests']} requests over the network, {v['bytes'] / 1e3:.1f} KB, {v['cached']} from the "
                    f"browser's cache" for v in (first, back) if v is not None]
            print(f"[{name}] {link}: first visit {said[0]}" + (f"; returning visitor {said[1]}" if len(said) > 1
                                                                else ""), flush=True)
            continue
        extra = f", returning visitor {_spread(back)}" if back else ""
        print(f"[{name}] regency map on {link}: first visit {_spread(first)}{extra}", flush=True)
    if third:
        print(f"[{name}] regency map on 10 Mbit/s, 50 ms, the profile's third visit (Chromium's code cache in use): "
              f"{_spread(third)}", flush=True)
    if private:
        print(f"[{name}] regency map on 10 Mbit/s, 50 ms, in a private window (no compiled code kept): second visit "
              f"{_spread(private['second'])}, third visit {_spread(private['third'])}", flush=True)
    tries = r["crowd"].pop("tries", None)
    for kind, times in r["crowd"].items():
        ok = [t for t in times if t != float("inf")]
        print(f"[{name}] {len(times)} viewers at once ({kind}): median {statistics.median(times):.2f} s, p95 "
              f"{p95(times):.2f} s, worst {max(times):.2f} s, {len(times) - len(ok)} never served", flush=True)
    if tries:
        print(f"[{name}] with the worker killed: {sum(a > 1 for a in tries)} of {len(tries)} viewers connected again",
              flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", type=Path)
    ap.add_argument("--baseline-serve", action="store_true", help="serve the baseline with its own run.py serve")
    ap.add_argument("--viewers", type=int, default=30)
    ap.add_argument("--runs", type=int, default=5, help="browser visits of each kind (their median and range)")
    args = ap.parse_args()
    trees = {"this, run.py serve --workers 2": (ROOT, True)}
    if args.baseline:
        trees = {"baseline": (args.baseline.resolve(), args.baseline_serve), **trees}
    for name, result in measure(trees, args.viewers, args.runs).items():
        report(name, result)
    from bench.bench_map import streamlit_floor

    first, back = streamlit_floor(tries=args.runs, link=(10e6, 50))
    print(f"[streamlit] a page holding only a title (one Streamlit process) on 10 Mbit/s, 50 ms: shown after a "
          f"median {first:.2f} s (first visit), {back:.2f} s (returning visitor) — Streamlit's own start", flush=True)


if __name__ == "__main__":
    main()
