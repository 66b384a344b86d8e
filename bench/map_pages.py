"""What the map benchmarks share: starting a Streamlit server from a source tree, and knowing when its map has
drawn every region — with this tree's map component (``ui.region_map``: the frame's body says ``data-drawn``) or
with the folium map of older trees (one SVG path per region), so that a benchmark can measure an earlier commit
in the same run (``--baseline PATH``, e.g. a ``git worktree`` of the commit before a change).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

NEW_FRAME = "iframe[title='ui.region_map.region_map']"
OLD_FRAME = "iframe[title='streamlit_folium.st_folium']"


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextlib.contextmanager
def browser_profile(playwright, viewport: dict | None = None):
    """A browser with its own profile on disk, as a user's browser has (removed afterwards): a persistent
    Playwright context. A returning visitor is a second page of it. Unlike a private window (Playwright's
    ``browser.new_context()``), such a profile keeps the scripts V8 compiled (``Code Cache``) beside the HTTP
    cache, so a returning browser does not compile Streamlit's 3 MB of scripts again."""
    folder = tempfile.mkdtemp(prefix="sinergi-profile-")
    context = playwright.chromium.launch_persistent_context(
        folder, executable_path=chromium(), args=CHROMIUM_ARGS, viewport=viewport or {"width": 1400, "height": 1000})
    try:
        yield context
    finally:
        context.close()
        shutil.rmtree(folder, ignore_errors=True)


def wait_background(limit: float = 120.0) -> float:
    """Wait until no ``python -m geo planner-warm`` runs (the planner's months, computed in the background after a
    new data version's first page: ``geo.planner.replay_store``), so that a figure does not count a core taken by
    it; seconds waited."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < limit:
        busy = subprocess.run(["pgrep", "-f", "geo planner-warm"], capture_output=True).returncode == 0
        if not busy:
            break
        time.sleep(0.5)
    return time.perf_counter() - t0


def uses_component(tree: Path) -> bool:
    return (tree / "ui" / "region_map.py").exists()


def start_server(tree: Path, data_dir: str, extra_env: dict | None = None,
                 cpus: set[int] | None = None) -> tuple[subprocess.Popen, str]:
    """A Streamlit server of ``tree`` on a free port with ``data_dir`` (pinned to ``cpus`` if given); (process,
    url) once it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=str(tree), SINERGI_DATA_DIR=data_dir, **(extra_env or {}))
    env.pop("SINERGI_DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(tree / "app.py"), "--server.port",
                             str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
                             "--browser.serverAddress", "localhost"], cwd=tree, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            return proc, url
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("the app did not start")


def drawn(page, component: bool) -> int:
    """How many regions the page's (first) map has drawn; -1 while there is no map."""
    try:
        if component:
            value = page.frame_locator(NEW_FRAME).first.locator("body").get_attribute("data-drawn", timeout=200)
            return int(value) if value else -1
        return page.frame_locator(OLD_FRAME).first.locator("path.leaflet-interactive").count()
    except Exception:  # no frame yet, or it is being replaced
        return -1


def wait_drawn(page, component: bool, expected: int, t0: float, limit: float = 180.0) -> float:
    """Seconds from ``t0`` until the map shows ``expected`` regions (inf after ``limit``)."""
    while drawn(page, component) != expected:
        if time.perf_counter() - t0 > limit:
            return float("inf")
        time.sleep(0.03)
    return time.perf_counter() - t0


async def protocol_session(url: str, query: str = "level=regency", cookie: str | None = None) -> float:
    """Seconds until the server has sent a new session's whole page (``script_finished``), speaking Streamlit's
    own protocol (``serving.warmup.open_page``): nothing drawn. ``cookie``: behind nginx, its sticky cookie."""
    from serving.warmup import open_page

    return await open_page(url, query, cookie=cookie, timeout=180)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def server_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
