"""No lost data: kill the importing process, or the PostgreSQL server itself, in the middle of an import.

The moment is chosen deterministically: the command line prints its progress after each 1,000 rows have
been sent to the database inside the import's one transaction; the test waits for that line and for
PostgreSQL to show a backend holding a write transaction (``pg_stat_activity.backend_xid``), then kills.
Afterwards the data must be exactly the old (a backup export is byte-identical), and importing the file
again gives exactly the new.
"""

import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from geo.access import accounts
from geo.db import storage
from geo.importer import changes, files
from geo.records import backup
from tests.conftest import EDITOR, ROOT, fresh_postgres_engine

N_ROWS = 3000
KILL_AFTER = "1000/"


def _big_csv(path: Path) -> Path:
    lines = ["Nomor;Judul;Pihak 1;Pihak 2;Tanggal;Nilai"]
    lines += [f"{i}/PKS/2030;Kerja sama nomor {i};Kota Bandung;Kab. Bandung;01/03/2024;Rp {i * 1000}"
              for i in range(1, N_ROWS + 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _old_state(eng, tmp_path) -> None:
    """Some data before the big import, and an editor who may import."""
    small = tmp_path / "old.csv"
    small.write_text("Nomor;Judul;Pihak 1;Pihak 2\n1/KB/2024;Lama satu;Kota Bandung;Kab. Bandung\n"
                     "2/KB/2024;Lama dua;Kota Bogor;Kab. Bogor\n", encoding="utf-8")
    plan = changes.plan_import(eng, "agreements", files.read_table(small))
    changes.commit_import(eng, plan, EDITOR)
    accounts.bootstrap_admin(eng, "ani", "sandi-ani-panjang")


def _snapshot(eng, folder: Path) -> dict[str, bytes]:
    """The backup's files, byte for byte — but for audit entries about users: the import command's own login is
    audited (in its own transaction, before the import starts), and that is no record the import could lose."""
    backup.export_backup(eng, folder)
    out = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "manifest.json"}
    lines = out["audit_entry.jsonl"].splitlines(keepends=True)
    out["audit_entry.jsonl"] = b"".join(line for line in lines if b'"record_type": "user"' not in line)
    return out


def _start_import(url: str, csv: Path) -> subprocess.Popen:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(csv.parent),
           "SINERGI_DATABASE_URL": url, "SINERGI_USER": "ani", "SINERGI_PASSWORD": "sandi-ani-panjang"}
    return subprocess.Popen([sys.executable, "-m", "geo", "import", "agreements", str(csv)], env=env, cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_progress(proc: subprocess.Popen, marker: str, timeout: float = 300) -> str:
    """Read the importer's progress output until ``marker`` shows (rows flushed inside its transaction)."""
    seen = b""
    deadline = time.time() + timeout
    while marker.encode() not in seen:
        assert time.time() < deadline, seen[-500:]
        ready, _, _ = select.select([proc.stderr], [], [], 1.0)
        if ready:
            chunk = os.read(proc.stderr.fileno(), 4096)
            assert chunk or proc.poll() is None, f"the import ended early: {seen[-2000:]!r}"
            seen += chunk
    return seen.decode(errors="replace")


def _writing_backends(eng) -> int:
    """Other sessions of this database inside a transaction that has written something."""
    with eng.connect() as conn:
        return conn.execute(text("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                                 "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL "
                                 "AND xact_start IS NOT NULL")).scalar()


def _agreements(eng) -> int:
    with eng.connect() as conn:
        return conn.execute(text("SELECT COUNT(*) FROM agreement")).scalar()


def _finish_and_check_new(eng, url, csv, old_count):
    done = _start_import(url, csv)
    out, err = done.communicate(timeout=600)
    assert done.returncode == 0, err.decode()[-2000:]
    assert _agreements(eng) == old_count + N_ROWS  # exactly the new
    with eng.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM audit_entry WHERE record_key LIKE '%/PKS/2030'")).scalar() \
            == N_ROWS


def _import_caught_mid_write(eng, url, tmp_path):
    """Old records stored, then a big import started and caught while its transaction holds written rows:
    (snapshot of the old data, old agreement count, the CSV, the running import process)."""
    _old_state(eng, tmp_path)
    before = _snapshot(eng, tmp_path / "before")
    old_count = _agreements(eng)
    csv = _big_csv(tmp_path / "big.csv")
    proc = _start_import(url, csv)
    try:
        _wait_for_progress(proc, KILL_AFTER)
        assert _writing_backends(eng) == 1  # the import's transaction holds written rows right now
    except BaseException:
        proc.kill()
        raise
    return before, old_count, csv, proc


def test_sigkill_of_the_importing_process_leaves_exactly_the_old_data(tmp_path):
    eng, url = fresh_postgres_engine()
    before, old_count, csv, proc = _import_caught_mid_write(eng, url, tmp_path)
    try:
        assert _agreements(eng) == old_count  # ... that nobody else sees
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    deadline = time.time() + 30
    while _writing_backends(eng) and time.time() < deadline:  # the server notices the dead client
        time.sleep(0.2)
    assert _writing_backends(eng) == 0
    assert _snapshot(eng, tmp_path / "after") == before  # exactly the old, byte for byte
    _finish_and_check_new(eng, url, csv, old_count)
    eng.dispose()


# ------------------------------------------------------------------ killing the database server

def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: [int(x) for x in p.parts[-3]
                                                                                     .split(".") if x.isdigit()])
    return found[-1].parent if found else None


def _as_postgres(args, **kw):
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


@pytest.fixture()
def own_cluster():
    """A throw-away PostgreSQL cluster this test may stop hard: (data dir, bin dir, port, url)."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        if os.environ.get("SINERGI_REQUIRE_POSTGRES") == "1":
            pytest.fail("SINERGI_REQUIRE_POSTGRES=1 but no PostgreSQL binaries in /usr/lib/postgresql")
        pytest.skip("no PostgreSQL binaries here (CI installs them)")
    base = Path(tempfile.mkdtemp(prefix="sinergi-kill-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = base / "data"
    _as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
    start = [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o",
             f"-p {port} -k {base} -c listen_addresses=127.0.0.1"]
    _as_postgres([*start, "start"])
    _as_postgres([str(bin_dir / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-qc",
                  "CREATE DATABASE sinergi_kill"])
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/sinergi_kill"
    try:
        yield {"start": start, "data": data, "bin": bin_dir, "url": url}
    finally:
        subprocess.run((["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else [])
                       + [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def test_stopping_the_database_server_mid_import_leaves_exactly_the_old_data(own_cluster, tmp_path):
    url = own_cluster["url"]
    eng = storage.make_engine(url)
    storage.migrate(eng)
    before, old_count, csv, proc = _import_caught_mid_write(eng, url, tmp_path)
    try:
        eng.dispose()
        # The server dies as in a power cut: no checkpoint, no clean shutdown of the import's session.
        _as_postgres([str(own_cluster["bin"] / "pg_ctl"), "-D", str(own_cluster["data"]), "-m", "immediate",
                      "stop"])
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 4, err.decode()[-2000:]  # the import failed loudly ...
    assert b"Impor gagal, tidak ada yang disimpan" in err
    _as_postgres([*own_cluster["start"], "start"])  # crash recovery replays the log
    eng = storage.make_engine(url)
    assert _snapshot(eng, tmp_path / "after") == before  # ... and left exactly the old data
    _finish_and_check_new(eng, url, csv, old_count)
    eng.dispose()
