"""Nothing leaves the network: the app, started with the production flags (``serving.flags``), neither resolves
nor connects to any address outside this machine while it starts and serves a first page load.

The app runs under a ``sitecustomize`` that installs an audit hook (``sys.addaudithook``) on every name
look-up and socket connect/send and writes each target that is not this machine to a file."""

import os
import subprocess
import sys
import time
import urllib.request

from serving.flags import streamlit_flags
from tests.browser.test_browser import _free_port
from tests.conftest import ROOT
from tests.serving.streamlit_client import load_page

SITECUSTOMIZE = r'''
import ipaddress, os, socket, sys

_OUT = os.environ["SINERGI_TEST_NETWORK_LOG"]
_LOCAL_NAMES = {None, "", "localhost", "localhost.localdomain", "ip6-localhost"}


def _local(host):
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if host in _LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return False  # a name other than localhost: looking it up may leave the machine
    return address.is_loopback or address.is_unspecified


def _note(event, target):
    with open(_OUT, "a", encoding="utf-8") as f:
        f.write(f"{event} {target!r}\n")


def _hook(event, args):
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex", "socket.gethostbyaddr"):
        if not _local(args[0]):
            _note(event, args[0])
    elif event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        sock, address = args[0], args[-1]
        if getattr(sock, "family", None) == socket.AF_UNIX or not isinstance(address, tuple):
            return
        if not _local(address[0]):
            _note(event, address)


sys.addaudithook(_hook)
'''


def test_the_app_neither_resolves_nor_connects_outside_the_machine_on_start_and_first_page(tmp_path):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE)
    log = tmp_path / "outside.txt"
    log.write_text("")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SINERGI_", "STREAMLIT_"))}
    env.update(PYTHONPATH=f"{hooks}{os.pathsep}{ROOT}", SINERGI_DATA_DIR=str(tmp_path / "data"),
               SINERGI_TEST_NETWORK_LOG=str(log))
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                             *streamlit_flags(port, "127.0.0.1")],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 90
        while True:
            try:
                assert urllib.request.urlopen(url + "/_stcore/health", timeout=2).status == 200
                break
            except OSError:
                assert time.time() < deadline and proc.poll() is None, "the app did not start"
                time.sleep(0.5)
        page = load_page(url)
        assert page.finished and not page.exceptions
        time.sleep(2)  # anything started in the background on the first run
    finally:
        proc.terminate()
        output = proc.communicate(timeout=30)[0]
    assert "sitecustomize" not in output  # the hook itself loaded without error
    assert log.read_text() == ""
    assert "External URL" not in output and "Network URL" not in output


def test_the_hook_does_record_an_outside_look_up(tmp_path):
    """The guard above can fail: the same hook notes a look-up of a name that is not this machine."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE)
    log = tmp_path / "outside.txt"
    code = ("import socket\n"
            "for target in ('checkip.amazonaws.com', ('8.8.8.8', 1)):\n"
            "    try:\n"
            "        socket.getaddrinfo(target, 80) if isinstance(target, str) else "
            "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).connect(target)\n"
            "    except OSError:\n"
            "        pass\n")
    env = dict(os.environ, PYTHONPATH=str(hooks), SINERGI_TEST_NETWORK_LOG=str(log))
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert "checkip.amazonaws.com" in log.read_text() and "8.8.8.8" in log.read_text()
