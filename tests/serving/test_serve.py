"""``run.py serve`` for real: nginx in front of two Streamlit workers sharing one SQLite file."""

import gzip
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.browser.test_browser import _free_port
from tests.conftest import ROOT
from tests.serving.streamlit_client import load_page, opener


def _get(url, jar_opener=None, gzip_ok=False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with (jar_opener or urllib.request.build_opener()).open(request, timeout=30) as r:
        return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()


def _state(run_dir) -> dict:
    return json.loads((run_dir / "workers.json").read_text())


def _wait(predicate, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def served(require_nginx, tmp_path_factory):
    base = tmp_path_factory.mktemp("serve")
    port = _free_port()
    while any(_port_taken(port + i) for i in range(3)):
        port = _free_port()
    run_dir = base / "run"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SINERGI_", "STREAMLIT_"))}
    env.update(PYTHONPATH=str(ROOT), SINERGI_DATA_DIR=str(base / "data"), SINERGI_LOG_FILE=str(base / "events.log"))
    proc = subprocess.Popen([sys.executable, "-m", "serving", "--workers", "2", "--port", str(port),
                             "--address", "127.0.0.1", "--run-dir", str(run_dir), "--check-every", "1",
                             "--nginx", require_nginx],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(lambda: proc.poll() is None and all(w["healthy"] for w in _state(run_dir)["workers"])
              and _get(url + "/_stcore/health")[0] == 200, 120, "nginx and both workers")
        yield url, run_dir, base / "events.log"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            proc.kill()
    state = _state(run_dir)
    for pid in [state["nginx_pid"], *(w["pid"] for w in state["workers"])]:
        assert not _alive(pid), f"process {pid} outlived run.py serve"


def _port_taken(port) -> bool:
    import socket

    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _alive(pid) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie of an exited child counts as gone
        return "zombie" not in open(f"/proc/{pid}/status").read().lower()
    except OSError:
        return False


def test_the_page_and_the_health_check_answer_through_nginx(served):
    url, _, _ = served
    status, headers, body = _get(url + "/")
    assert status == 200 and b'<div id="root">' in body and headers["server"] == "nginx"
    assert _get(url + "/_stcore/health")[2] == b"ok"


def test_streamlits_hashed_javascript_comes_gzip_compressed_with_a_year_long_cache(served):
    url, _, _ = served
    page = _get(url + "/")[2].decode()
    script = re.search(r'src="\.?/?(static/js/index\.[A-Za-z0-9_-]+\.js)"', page).group(1)
    status, headers, body = _get(f"{url}/{script}", gzip_ok=True)
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert "max-age=31536000" in headers["cache-control"] and "immutable" in headers["cache-control"]
    plain = gzip.decompress(body)
    assert len(body) < len(plain) / 2  # compressed to less than half
    css = re.search(r'href="\.?/?(static/css/index\.[A-Za-z0-9_-]+\.css)"', page).group(1)
    assert _get(f"{url}/{css}", gzip_ok=True)[1].get("content-encoding") == "gzip"


def test_the_maps_boundaries_come_from_disk_gzip_compressed_with_a_year_long_cache(served):
    from geo.maps import boundary_files

    url, _, _ = served
    source = (boundary_files.SOURCE_DIR / "regency.geojson").read_bytes()
    name = boundary_files.file_name("regency", source)
    status, headers, body = _get(f"{url}/component/ui.region_map.boundaries/{name}", gzip_ok=True)
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert "max-age=31536000" in headers["cache-control"] and "immutable" in headers["cache-control"]
    assert "x-sinergi-worker" not in headers  # nginx sent the file from disk, no worker involved
    assert gzip.decompress(body) == source and len(body) < len(source) / 2
    with pytest.raises(urllib.error.HTTPError) as missing:  # a name nginx does not have is asked of a worker
        _get(f"{url}/component/ui.region_map.boundaries/regency.000000000000.json")
    assert missing.value.code == 404 and missing.value.headers["X-Sinergi-Worker"]


def test_the_maps_frame_is_versioned_files_that_nginx_sends_from_disk_with_a_year_long_cache(served):
    import ui.region_map

    url, _, _ = served
    frame = ui.region_map._component.url  # what the browser's frame opens: /component/<module.name>/index.<hash>.html
    assert re.fullmatch(r"/component/ui\.region_map\.region_map/index\.[0-9a-f]{12}\.html", frame), frame
    status, headers, body = _get(f"{url}{frame}?streamlitUrl=x", gzip_ok=True)
    assert status == 200 and "x-sinergi-worker" not in headers  # from disk
    assert "max-age=31536000" in headers["cache-control"] and "immutable" in headers["cache-control"]
    page = gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
    assert hashlib.sha256(page).hexdigest()[:12] == frame.split(".")[-2]  # the name is its content
    names = re.findall(r'(?:src|href)="([^"]+)"', page.decode())
    assert len(names) == 4 and all(re.fullmatch(r"[a-z_]+\.[0-9a-f]{12}\.(js|css)", n) for n in names), names
    for name in names:
        status, headers, data = _get(f"{url}/component/ui.region_map.region_map/{name}", gzip_ok=True)
        assert status == 200 and headers.get("content-encoding") == "gzip" and "x-sinergi-worker" not in headers
        assert "max-age=31536000" in headers["cache-control"] and "immutable" in headers["cache-control"]
        assert hashlib.sha256(gzip.decompress(data)).hexdigest()[:12] == name.split(".")[-2]  # the name is its content
    for module in ("ui.step_keys", "ui.login_cookie"):
        frame = __import__(module, fromlist=["_component"])._component.url
        status, headers, body = _get(f"{url}{frame}")
        assert status == 200 and "immutable" in headers["cache-control"], (module, headers)
        assert re.search(r'src="[a-z_]+\.[0-9a-f]{12}\.js"', body.decode()), body
    with pytest.raises(urllib.error.HTTPError) as missing:  # a name nginx does not have is asked of a worker
        _get(f"{url}/component/ui.region_map.region_map/region_map.000000000000.js")
    assert missing.value.code == 404 and missing.value.headers["X-Sinergi-Worker"]


def test_the_map_page_names_its_frames_files_and_its_levels_boundaries_for_prefetching_and_each_is_served(served):
    from serving import prefetch

    url, _, _ = served
    for path, level in (("/", "province"), ("/?level=regency", "regency"), ("/?level=district", "district"),
                        ("/?lang=en&level=province", "province")):
        status, headers, body = _get(f"{url}{path}", gzip_ok=True)
        page = gzip.decompress(body).decode() if headers.get("content-encoding") == "gzip" else body.decode()
        named = re.findall(r'<link rel="prefetch" href="([^"]+)">', page[:page.index("</head>")])
        assert len(named) == 5, (path, named)
        assert re.fullmatch(rf"/component/ui\.region_map\.boundaries/{level}\.[0-9a-f]{{12}}\.json", named[-1]), named
        for name in named:
            status, headers, _ = _get(f"{url}{name}", gzip_ok=True)
            assert status == 200 and "immutable" in headers["cache-control"] and "x-sinergi-worker" not in headers
    assert set(prefetch.frame_files(__import__("ui.region_map").region_map.frame_folder())) <= set(named)
    for other in ("/planner", "/region"):  # no other page asks for the map's files
        body = _get(f"{url}{other}", gzip_ok=True)[2]
        assert b'rel="prefetch"' not in (gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body)


def test_the_icon_font_is_the_apps_cut_revalidated_on_every_visit(served):
    from serving import icon_font

    url, _, _ = served
    original = icon_font.font_file()
    status, headers, body = _get(f"{url}/static/media/{original.name}")
    assert status == 200 and body[:4] == b"wOF2" and len(body) < original.stat().st_size / 5
    assert headers["cache-control"] == "no-cache" and headers.get("etag") and "x-sinergi-worker" not in headers
    assert headers["content-type"] == "font/woff2"


def test_each_worker_is_warmed_once_it_is_healthy_so_its_first_visitor_finds_its_caches_filled(served):
    url, run_dir, log = served
    state = _state(run_dir)
    _wait(lambda: sum('"worker_warm"' in line for line in log.read_text().splitlines()) >= len(state["workers"]),
          180, "both workers warmed")
    warmed = [json.loads(line) for line in log.read_text().splitlines() if '"worker_warm"' in line]
    assert {w["port"] for w in warmed} >= {w["port"] for w in state["workers"]}
    assert all(w["secs"] > 0 for w in warmed)


def test_one_browser_reaches_one_worker_for_its_requests_and_its_websocket(served):
    url, _, _ = served
    browser, jar = opener()
    _get(url + "/", browser)
    assert any(c.name == "sinergi_worker" for c in jar)
    workers = {_get(url + "/_stcore/health", browser)[1]["x-sinergi-worker"] for _ in range(8)}
    assert len(workers) == 1
    page = load_page(url, jar)
    assert page.finished and not page.exceptions  # the app ran through nginx's websocket
    assert page.handshake_headers["x-sinergi-worker"] in workers
    # and the browsers of a room are spread over both workers (all 16 on one: 1 in 32768)
    spread = set()
    for _ in range(16):
        other, _jar = opener()
        spread.add(_get(url + "/", other)[1]["x-sinergi-worker"])
    assert len(spread) == 2


def test_a_killed_worker_is_started_again_on_its_port(served):
    url, run_dir, events = served
    victim = _state(run_dir)["workers"][1]
    os.kill(victim["pid"], signal.SIGKILL)
    _wait(lambda: (w := _state(run_dir)["workers"][1])["pid"] != victim["pid"] and w["healthy"], 90,
          "the worker to come back")
    assert _get(f"http://127.0.0.1:{victim['port']}/_stcore/health")[2] == b"ok"
    lines = [json.loads(line) for line in events.read_text().splitlines()]
    assert any(e["event"] == "worker_restart" and e["port"] == victim["port"] and e["reason"] == "exited"
               for e in lines)
    assert _get(url + "/_stcore/health")[0] == 200


def test_the_generated_config_limits_uploads_to_the_import_limit_and_trusts_only_nginx(monkeypatch, tmp_path):
    from serving.supervisor import nginx_config, worker_env

    monkeypatch.setenv("SINERGI_MAX_IMPORT_MB", "12.5")
    conf = nginx_config([9001, 9002], 9000, "127.0.0.1", tmp_path, "/usr/sbin/nginx")
    assert "client_max_body_size 13m;" in conf
    assert "server 127.0.0.1:9001" in conf and "server 127.0.0.1:9002" in conf
    assert "hash $sinergi_sticky consistent;" in conf
    assert worker_env({})["SINERGI_TRUSTED_PROXIES"] == "127.0.0.1"
    assert worker_env({"SINERGI_TRUSTED_PROXIES": "10.9.0.0/16"})["SINERGI_TRUSTED_PROXIES"] == "127.0.0.1,10.9.0.0/16"


def test_serve_without_nginx_says_how_to_install_it_and_starts_nothing(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SINERGI_")}
    env.update(PYTHONPATH=str(ROOT), SINERGI_DATA_DIR=str(tmp_path / "data"))
    run = subprocess.run([sys.executable, "-m", "serving", "--workers", "1", "--port", str(_free_port()),
                          "--nginx", str(tmp_path / "no-nginx"), "--run-dir", str(tmp_path / "run")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "apt-get install nginx-light" in run.stderr
    assert not (tmp_path / "run" / "workers.json").exists()


def test_run_py_hands_serve_to_the_supervisor():
    import importlib.util

    spec = importlib.util.spec_from_file_location("run_script", ROOT / "run.py")
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    assert run.serve_command(ROOT / "py", ["--workers", "3"]) == [str(ROOT / "py"), "-m", "serving", "--workers", "3"]
