"""Issue 15: the offline bundle. Build it (this needs the package index), then install it with pip unable
to reach any index (and, where the machine allows, inside a network namespace with no network at all),
import every engine and UI module with the runtime packages only, and start the app.

About 3 minutes on a 2-core machine with a warm pip cache (README, "Offline install")."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NO_INDEX = {"PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1", "PIP_INDEX_URL": "http://127.0.0.1:9/"}


def _no_network_prefix() -> list[str]:
    """``unshare --net`` (an empty network namespace) where this user may make one, as root in CI."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "--net", "true"], capture_output=True).returncode == 0:
        return [unshare, "--net"]
    return []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


def test_the_bundle_installs_without_network_and_the_app_starts(tmp_path):
    started = time.monotonic()
    built = subprocess.run([sys.executable, str(ROOT / "run.py"), "bundle", "--out", str(tmp_path / "dist")],
                           cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stderr[-3000:]
    bundle = Path(built.stdout.strip().splitlines()[-1])
    assert bundle.name.startswith("sinergi-offline-") and bundle.name.endswith(".tar.gz"), bundle
    build_seconds = time.monotonic() - started

    with tarfile.open(bundle) as tar:
        tar.extractall(tmp_path / "site", filter="data")
    (site,) = (tmp_path / "site").iterdir()
    for part in ("INSTALL.txt", "run.py", "app.py", "requirements.txt", "data", ".streamlit/config.toml", "wheels"):
        assert (site / part).exists(), part
    assert not (site / "wheels-test").exists()  # test wheels only with --with-tests
    wheels = sorted(p.name for p in (site / "wheels").iterdir())
    assert wheels and all(name.endswith(".whl") for name in wheels)

    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_") and k != "PYTHONPATH"}
    env.update(NO_INDEX, SINERGI_DATA_DIR=str(tmp_path / "data"))
    offline = _no_network_prefix()

    # The control: in this environment pip can fetch nothing that is not in the bundle.
    control = subprocess.run([*offline, sys.executable, "-m", "pip", "download", "--no-deps", "-d",
                              str(tmp_path / "nothing"), "six==1.17.0"], env=env, capture_output=True, text=True)
    assert control.returncode != 0, control.stdout
    assert "No matching distribution" in control.stderr and not list((tmp_path / "nothing").glob("*"))

    started = time.monotonic()
    installed = subprocess.run([*offline, sys.executable, "run.py", "install", "--from-bundle", str(bundle)],
                               cwd=site, env=env, capture_output=True, text=True, timeout=600)
    install_seconds = time.monotonic() - started
    assert installed.returncode == 0, installed.stdout[-2000:] + installed.stderr[-3000:]
    python = site / ".venv" / "bin" / "python"

    listed = subprocess.run([str(python), "-m", "pip", "list", "--format=freeze"], env=env,
                            capture_output=True, text=True, check=True).stdout.lower()
    assert "streamlit==" in listed and "pytest==" not in listed and "playwright==" not in listed

    # Every engine and UI module imports with the runtime packages only (no test package, no network).
    imports = subprocess.run([*offline, str(python), "-c", """
import importlib, pkgutil, geo, ui, streamlit
names = [m.name for p in (geo, ui) for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.')
         if not m.name.startswith('geo.db.migrations')]
for name in names:
    importlib.import_module(name)
print(len(names))
"""], cwd=site, env=env, capture_output=True, text=True, timeout=300)
    assert imports.returncode == 0, imports.stderr[-3000:]
    assert int(imports.stdout.split()[-1]) > 50

    # The app starts from the README's command without installing anything, and answers for a while.
    port = _free_port()
    app = subprocess.Popen([sys.executable, "run.py", "app", "--server.port", str(port),
                            "--server.address", "127.0.0.1", "--server.headless", "true"],
                           cwd=site, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           start_new_session=True)
    try:
        health, deadline = None, time.monotonic() + 90
        while time.monotonic() < deadline and app.poll() is None:
            try:
                health = _get(f"http://127.0.0.1:{port}/_stcore/health")
                break
            except OSError:
                time.sleep(0.5)
        assert health == (200, b"ok"), app.stdout.read() if app.poll() is not None else "no answer in 90 s"
        time.sleep(5)
        assert app.poll() is None
        assert _get(f"http://127.0.0.1:{port}/_stcore/health") == (200, b"ok")
        status, page = _get(f"http://127.0.0.1:{port}/")
        assert status == 200 and b"<html" in page.lower()
    finally:
        os.killpg(app.pid, signal.SIGTERM)
        try:
            output = app.communicate(timeout=20)[0]
        except subprocess.TimeoutExpired:
            os.killpg(app.pid, signal.SIGKILL)
            output = app.communicate()[0]
    assert "Installing" not in output, output  # run.py app found .venv complete: no pip, no network
    size = bundle.stat().st_size
    shutil.rmtree(tmp_path / "site")  # about 1 GB with its .venv; pytest keeps the last runs' folders
    bundle.unlink()
    print(f"bundle {size / 2**20:.0f} MiB ({len(wheels)} wheels) built in {build_seconds:.0f} s; "
          f"installed without network in {install_seconds:.0f} s ({'network namespace' if offline else 'no index'})")
