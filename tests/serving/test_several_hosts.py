"""Several hosts, one PostgreSQL: workers on different ports stand in for hosts. Host A runs nginx and one worker
(``run.py serve --upstream`` naming host B's worker); host B runs one worker only (``run.py serve
--workers-only``), with its own data folder. One set of users, one login back-off, caches that follow writes."""

import datetime as dt
import os
import signal
import subprocess
import sys

import pytest

from geo.access import accounts
from geo.access.roles import SAMPLE_SEEDER
from geo.db import storage
from geo.records import sample, write
from geo.records.write import AgreementData, Party
from tests.browser.test_browser import _free_port
from tests.conftest import ADMIN, EDITOR, ROOT, fresh_postgres_engine
from tests.serving.streamlit_client import load_page, opener
from tests.serving.test_serve import _get, _port_taken, _wait


def _serve(args, env, run_dir):
    return subprocess.Popen([sys.executable, "-m", "serving", *args, "--run-dir", str(run_dir), "--check-every", "1"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _ports(n):
    port = _free_port()
    while any(_port_taken(port + i) for i in range(n)):
        port = _free_port()
    return port


@pytest.fixture(scope="module")
def hosts(require_nginx, tmp_path_factory):
    eng, url = fresh_postgres_engine()
    sample.seed(eng, SAMPLE_SEEDER)  # before any worker starts: the hosts find the database filled
    base = tmp_path_factory.mktemp("hosts")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SINERGI_", "STREAMLIT_"))}
    common = dict(clean, PYTHONPATH=str(ROOT), SINERGI_DATABASE_URL=url, SINERGI_TRUSTED_PROXIES="127.0.0.1")
    port_b = _ports(3)
    b = _serve(["--workers", "1", "--port", str(port_b), "--workers-only", "--address", "127.0.0.1"],
               dict(common, SINERGI_DATA_DIR=str(base / "host-b")), base / "run-b")
    port_a = _ports(3)
    while abs(port_a - port_b) < 3:
        port_a = _ports(3)
    a = _serve(["--workers", "1", "--port", str(port_a), "--address", "127.0.0.1", "--upstream",
                f"127.0.0.1:{port_b + 1}", "--nginx", require_nginx],
               dict(common, SINERGI_DATA_DIR=str(base / "host-a")), base / "run-a")
    nginx = f"http://127.0.0.1:{port_a}"
    try:
        _wait(lambda: _get(f"http://127.0.0.1:{port_b + 1}/_stcore/health")[0] == 200, 120, "host B's worker")
        _wait(lambda: _get(nginx + "/_stcore/health")[0] == 200 and
              _get(f"http://127.0.0.1:{port_a + 1}/_stcore/health")[0] == 200, 120, "host A's nginx and worker")
        yield nginx, f"127.0.0.1:{port_a + 1}", f"127.0.0.1:{port_b + 1}", eng
    finally:
        for proc in (a, b):
            proc.send_signal(signal.SIGTERM)
        for proc in (a, b):
            try:
                proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                proc.kill()
        eng.dispose()


def _browser_on(nginx, worker):
    """A browser (cookie jar) whose sticky cookie sends it to ``worker``."""
    for _ in range(200):
        op, jar = opener()
        if _get(nginx + "/", op)[1]["x-sinergi-worker"] == worker:
            return jar
    pytest.fail(f"no browser landed on {worker}")


def _java_barat_text(page) -> str:
    args = next(a for name, a in page.components if name.endswith("region_map"))
    row = next(r for r in args["regions"] if r[0] == "32")
    return args["texts"][row[2]]


def test_one_nginx_sends_browsers_to_the_workers_of_both_hosts_and_each_runs_the_app(hosts):
    nginx, worker_a, worker_b, _ = hosts
    seen = {_get(nginx + "/", opener()[0])[1]["x-sinergi-worker"] for _ in range(24)}
    assert seen == {worker_a, worker_b}
    for worker in (worker_a, worker_b):
        page = load_page(nginx, _browser_on(nginx, worker))
        assert page.finished and not page.exceptions
        assert page.handshake_headers["x-sinergi-worker"] == worker


def test_a_record_written_through_one_host_is_on_the_map_of_both_at_once(hosts):
    nginx, worker_a, worker_b, eng = hosts
    jars = {w: _browser_on(nginx, w) for w in (worker_a, worker_b)}
    before = {w: _java_barat_text(load_page(nginx, jar)) for w, jar in jars.items()}
    assert before[worker_a] == before[worker_b]  # both workers' caches hold the same data version
    with storage.transaction(eng) as s:  # a write, as host B's worker or the command line makes it
        for i in range(3):
            write.save_agreement(s, AgreementData(
                doc_number=f"HOSTS/{i}", title="Kerja sama uji", type="PKS", status="ditandatangani",
                parties=[Party("32.73"), Party("32.04")], signed_on=dt.date.today() - dt.timedelta(days=1)), EDITOR)
    after = {w: _java_barat_text(load_page(nginx, jar)) for w, jar in jars.items()}
    assert after[worker_a] == after[worker_b] != before[worker_a]
    assert int(after[worker_a].split()[0].replace(".", "")) == int(before[worker_a].split()[0].replace(".", "")) + 3


def test_failed_logins_through_one_host_slow_the_same_name_down_on_the_other(hosts):
    """The back-off counters live in the shared database: a second connection pool (another host's) sees them."""
    _, _, _, eng = hosts
    if not accounts.has_admin(eng):
        accounts.bootstrap_admin(eng, "kepala", "sandi-yang-benar-1")
    accounts.add_user(eng, ADMIN, "siti", "sandi-yang-benar-2", "editor")
    other_host = storage.make_engine(eng.url.render_as_string(hide_password=False))
    try:
        for _ in range(accounts.FREE_FAILURES + 1):
            with pytest.raises(Exception):
                accounts.authenticate(eng, "siti", "salah", client="10.0.0.5")
        assert accounts.wait_seconds(other_host, "siti") > 0  # the same name waits on the other host too
        assert accounts.wait_seconds(other_host, "kepala", client="10.0.0.9") == 0  # nobody else does
        assert accounts.authenticate(other_host, "kepala", "sandi-yang-benar-1").role == "admin"
    finally:
        other_host.dispose()
