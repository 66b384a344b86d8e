"""``python3 run.py serve --workers N [--port P]``: N Streamlit workers behind nginx, kept alive.

* Workers listen on 127.0.0.1 only, ports P+1 … P+N, with the production flags (``serving.flags``); they share
  the database (the SQLite file in ``SINERGI_DATA_DIR``, or ``SINERGI_DATABASE_URL``).
* nginx listens on ``--address``:P with a configuration generated from ``serving/nginx.conf.template`` into
  the run folder (``--run-dir``, default a new temporary folder), and runs as the current user.
* The app believes ``X-Forwarded-For`` from nginx only: the workers get ``SINERGI_TRUSTED_PROXIES=127.0.0.1``
  (plus whatever the setting already lists, for a proxy in front of nginx).
* Every ``--check-every`` seconds each worker's ``/_stcore/health`` is asked; a worker that exited, or that
  failed ``FAILS_BEFORE_RESTART`` checks in a row after its start-up grace, is killed and started again on
  its port. nginx is restarted too if it dies. SIGTERM/SIGINT stop everything.
* A worker that has just become healthy is warmed (``serving.warmup``): the map page opened once over the
  websocket, so that its first visitor does not wait for its caches.
* Every start, restart and stop is one line of the event log (``geo.events``); ``workers.json`` in the run
  folder lists the workers' ports and process ids.
* Several hosts, one PostgreSQL (``SINERGI_DATABASE_URL`` the same everywhere): on the other hosts
  ``run.py serve --workers-only --address 0.0.0.0 --port P`` starts and watches workers (P+1 …) without nginx,
  listening on that address; on the host with nginx, ``--upstream HOST:PORT`` (once per remote worker) adds them
  to nginx's workers. The other hosts must trust this nginx (``SINERGI_TRUSTED_PROXIES`` = its address). Users,
  the login back-off (table ``login_throttle``) and the data version every cache is keyed on live in the database,
  so every worker on every host sees the same ones at once.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from geo import config, events
from serving import warmup
from serving.flags import streamlit_flags

ROOT = config.ROOT
TEMPLATE = Path(__file__).with_name("nginx.conf.template")
FAILS_BEFORE_RESTART = 3
START_GRACE_S = 90.0


@dataclass
class Worker:
    port: int
    proc: subprocess.Popen | None = None
    started_at: float = 0.0
    fails: int = 0
    restarts: int = 0
    healthy: bool = False


@dataclass
class Server:
    workers: list[Worker]
    port: int
    address: str
    run_dir: Path
    nginx: str
    nginx_proc: subprocess.Popen | None = None
    env: dict = field(default_factory=dict)
    worker_address: str = "127.0.0.1"  # --workers-only: the --address other hosts' nginx reaches them on


def find_nginx(given: str | None = None) -> str | None:
    """``given`` if it exists (never another one instead), else nginx on PATH or in /usr/sbin."""
    if given:
        return given if Path(given).exists() else None
    for candidate in (shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _mime_types(nginx: str) -> str:
    for candidate in ("/etc/nginx/mime.types", str(Path(nginx).resolve().parent.parent / "conf" / "mime.types")):
        if Path(candidate).exists():
            return candidate
    raise SystemExit("nginx's mime.types was not found (expected /etc/nginx/mime.types)")


def nginx_config(ports: list[int], port: int, address: str, run_dir: Path, nginx: str,
                 server_name: str | None = None, upstream: tuple[str, ...] = ()) -> str:
    """The nginx configuration for these worker ports (the template with its blanks filled)."""
    import streamlit

    import ui.login_cookie  # noqa: F401  (these three build their frames' versioned files when imported, as
    import ui.region_map  # noqa: F401   the workers do when they start: on disk before nginx serves them)
    import ui.step_keys  # noqa: F401
    from geo.maps import boundary_files
    from serving import icon_font, prefetch
    from ui import component_files

    boundaries = {level: boundary_files.published(level) for level in boundary_files.LEVELS}  # on disk first
    links = prefetch.map_prefetch(ui.region_map.frame_folder(), boundaries)
    try:
        icon_url, icon_file = icon_font.write(run_dir)
    except Exception as exc:  # noqa: BLE001 - the whole font still works, only bigger
        events.log("icon_font_failed", error=type(exc).__name__)
        icon_url, icon_file = f"/static/media/{icon_font.font_file().name}", icon_font.font_file()
    listen = f"[{address}]:{port}" if ":" in address else f"{address}:{port}"
    values = {
        "workers": str(len(ports)),
        "prefix": str(run_dir),
        "mime_types": _mime_types(nginx),
        "upstream_servers": "\n".join(f"        server {a} max_fails=1 fail_timeout=5s;"
                                      for a in [f"127.0.0.1:{p}" for p in ports] + list(upstream)),
        "listen": listen,
        "server_name": server_name or config.get("SINERGI_SERVER_ADDRESS"),
        "max_body_mb": str(math.ceil(config.get("SINERGI_MAX_IMPORT_MB"))),
        "streamlit_static": str(Path(streamlit.__file__).parent / "static"),
        "boundary_dir": str(boundary_files.default_folder()),
        "component_dir": str(component_files.default_root()),
        "map_prefetch": "\n".join(f"        \"/:{level}\" '{line}';" for level, line in links.items()),
        "icon_font_url": icon_url,
        "icon_font_file": str(icon_file),
        # nginx started by root would run its workers as "nobody", who cannot read the data folder's boundary
        # files; they run as the user who started it instead (as they do for anyone else: nginx only switches
        # users when started by root).
        "user_line": "user root;" if os.geteuid() == 0 else "",
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    assert "{{" not in text, "a blank of the nginx template was not filled"
    return text


def worker_env(base: dict | None = None) -> dict:
    env = dict(os.environ if base is None else base, PYTHONPATH=str(ROOT))
    trusted = [part.strip() for part in env.get("SINERGI_TRUSTED_PROXIES", "").split(",") if part.strip()]
    env["SINERGI_TRUSTED_PROXIES"] = ",".join(dict.fromkeys(["127.0.0.1", *trusted]))
    return env


def _start_worker(server: Server, worker: Worker) -> None:
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
           *streamlit_flags(worker.port, server.worker_address)]
    log = open(server.run_dir / f"worker-{worker.port}.log", "ab")
    worker.proc = subprocess.Popen(cmd, cwd=ROOT, env=server.env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    log.close()
    worker.started_at, worker.fails, worker.healthy = time.monotonic(), 0, False
    events.log("worker_started", port=worker.port, worker_pid=worker.proc.pid, restarts=worker.restarts)
    _write_state(server)


def _stop(proc: subprocess.Popen | None, timeout: float = 15) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def _write_state(server: Server) -> None:
    state = {"port": server.port, "nginx_pid": server.nginx_proc.pid if server.nginx_proc else None,
             "workers": [{"port": w.port, "pid": w.proc.pid if w.proc else None, "restarts": w.restarts,
                          "healthy": w.healthy} for w in server.workers]}
    tmp = server.run_dir / "workers.json.tmp"
    tmp.write_text(json.dumps(state))
    tmp.replace(server.run_dir / "workers.json")


def _reach(address: str) -> str:
    """The host this machine reaches its own worker on: a worker listening on every address, on 127.0.0.1."""
    return "127.0.0.1" if address in ("0.0.0.0", "::", "") else address


def _healthy(port: int, address: str = "127.0.0.1") -> bool:
    host = _reach(address)
    host = f"[{host}]" if ":" in host else host
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/_stcore/health", timeout=3) as r:
            return r.status == 200
    except OSError:
        return False


def _start_nginx(server: Server) -> None:
    conf = server.run_dir / "nginx.conf"
    cmd = [server.nginx, "-p", str(server.run_dir), "-c", str(conf), "-g", "daemon off;"]
    check = subprocess.run([*cmd[:-2], "-t"], capture_output=True, text=True)
    if check.returncode != 0:
        raise SystemExit(f"nginx refused its configuration {conf}:\n{check.stderr}")
    server.nginx_proc = subprocess.Popen(cmd, start_new_session=True)
    events.log("nginx_started", port=server.port, address=server.address, nginx_pid=server.nginx_proc.pid,
               config=str(conf))
    _write_state(server)


def check_once(server: Server) -> None:
    """One round of health checks; restart what is dead or stuck."""
    for worker in server.workers:
        exited = worker.proc is None or worker.proc.poll() is not None
        if not exited:
            ok = _healthy(worker.port, server.worker_address)
            if ok:
                if not worker.healthy:
                    events.log("worker_healthy", port=worker.port, worker_pid=worker.proc.pid,
                               secs=round(time.monotonic() - worker.started_at, 1))
                    warmup.warm_in_background(worker.port, _reach(server.worker_address))  # its first visitor finds its caches filled
                worker.healthy, worker.fails = True, 0
                continue
            if time.monotonic() - worker.started_at < START_GRACE_S and not worker.healthy:
                continue  # still starting
            worker.fails += 1
            if worker.fails < FAILS_BEFORE_RESTART:
                continue
        code = None if worker.proc is None else worker.proc.poll()
        events.log("worker_restart", port=worker.port, worker_pid=worker.proc.pid if worker.proc else None,
                   reason="exited" if exited else "health check failed", exit_code=code)
        _stop(worker.proc, timeout=5)
        worker.restarts += 1
        _start_worker(server, worker)
    if server.nginx_proc is not None and server.nginx_proc.poll() is not None:
        events.log("nginx_restart", exit_code=server.nginx_proc.returncode)
        _start_nginx(server)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="run.py serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="Streamlit processes (default 2)")
    parser.add_argument("--port", type=int, default=8501, help="nginx's port; workers take the next N ports")
    parser.add_argument("--address", default="0.0.0.0", help="nginx's listen address (default all)")
    parser.add_argument("--run-dir", help="folder for nginx's config, pid, logs and the workers' logs")
    parser.add_argument("--nginx", help="the nginx program (default: nginx on PATH or /usr/sbin/nginx)")
    parser.add_argument("--check-every", type=float, default=5.0, help="seconds between health checks")
    parser.add_argument("--upstream", action="append", default=[], metavar="HOST:PORT",
                        help="a worker on another host, added to nginx's workers (repeat for each)")
    parser.add_argument("--workers-only", action="store_true",
                        help="no nginx: start and watch workers listening on --address (for another host's nginx)")
    args = parser.parse_args(argv)
    if args.workers < 1 or not 0 < args.port < 65536 - args.workers:
        parser.error("--workers must be 1 or more and the ports must fit below 65536")
    if problems := config.check_all():
        print("\n".join(problems), file=sys.stderr)
        return 2
    bad = [u for u in args.upstream if not re.fullmatch(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}", u)]
    if bad:
        parser.error(f"--upstream takes HOST:PORT, not {bad[0]!r}")
    nginx = find_nginx(args.nginx) if not args.workers_only else "-"
    if nginx is None:
        print(f"nginx not found{f' at {args.nginx}' if args.nginx else ''}: "
              "apt-get install nginx-light (or nginx), or give --nginx PATH", file=sys.stderr)
        return 2
    run_dir = Path(args.run_dir) if args.run_dir else Path(tempfile.mkdtemp(prefix="sinergi-serve-"))
    run_dir.mkdir(parents=True, exist_ok=True)
    ports = [args.port + i for i in range(1, args.workers + 1)]
    server = Server([Worker(p) for p in ports], args.port, args.address, run_dir.resolve(), nginx,
                    env=worker_env(), worker_address=args.address if args.workers_only else "127.0.0.1")
    if not args.workers_only:
        (server.run_dir / "nginx.conf").write_text(nginx_config(ports, args.port, args.address, server.run_dir, nginx,
                                                                upstream=tuple(args.upstream)))
    stopping = []

    def stop(signum, _frame):
        stopping.append(signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    events.log("serve_start", workers=args.workers, port=args.port, address=args.address,
               run_dir=str(server.run_dir), upstream=args.upstream, workers_only=args.workers_only)
    try:
        for worker in server.workers:
            _start_worker(server, worker)
        if not args.workers_only:
            _start_nginx(server)
        while not stopping:
            deadline = time.monotonic() + args.check_every
            while not stopping and time.monotonic() < deadline:
                time.sleep(0.2)
            if not stopping:
                check_once(server)
                _write_state(server)
    finally:
        events.log("serve_stop", signal=stopping[0] if stopping else None)
        _stop(server.nginx_proc)
        for worker in server.workers:
            _stop(worker.proc)
    return 0
