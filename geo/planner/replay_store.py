"""The backtest's replay kept on disk: computed once per history, shared by every process and every restart.

``geo.planner.backtest.replay`` ranks every region month by month (the partner network, the Louvain communities,
the GLM fits, the uplift estimates): about 6 s on a 2-core machine for 35 months of regencies. Each Streamlit
worker keeps its result in memory, but a new worker, a restart or a second worker would compute it again, and the
first person to press "Jalankan uji balik" after a data change would wait for it. Here it is kept in the data
folder (``<SINERGI_DATA_DIR>/cache/planner/``), so it is computed once and every later process loads it (a few
tens of milliseconds).

Rules:

* **The key is what the replay depends on**, never a guess about it (``key``): a SHA-256 of the prepared history
  itself (every table of ``rank.History`` as text, the region codes and their neighbours), the replay's
  parameters, the source of every engine module (``geo/**/*.py``), the region data it names regions from
  (``data/regions.csv``, ``data/neighbors.csv``) and the versions of Python and of the libraries that compute it.
  Any change to one of them is a new key: a stale replay is never loaded.
* **Computed once across processes** (``load_or_replay``): a process that finds no file takes an exclusive
  lock on the key (``fcntl.flock``; the server is Linux), looks again (another process may have written it
  while it waited), computes, writes the file whole (a temporary name, then ``os.replace``) and releases the
  lock. A second process asking meanwhile waits for the first instead of computing beside it.
* **A file that cannot be read** (cut short, written by another version of a library) is computed again and
  replaced; nothing fails because of the store. Without a writable folder the replay is computed and not kept.
* **In the background** (``warm_in_background``): after any page has run for a new data version (``app.py``), and
  when the planner page opens, ``python -m geo planner-warm`` is started at low priority (``nice``) unless the
  replay is on disk already, so that the first press finds it ready. One such process at a time per folder (its
  ``warm.lock``): it computes every level, then looks at the data again and computes again while they changed
  under it, so that a run of edits starts one process, not one per edit. ``SINERGI_PLANNER_PRECOMPUTE=0`` turns
  that off (the first press computes it).
* Only the newest ``KEEP`` files are kept.
* The files are Python pickles, read only from the application's own data folder (whoever can write there can
  also replace the database).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import os
import pickle
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

import pandas as pd

from geo import config, events
from geo.planner import backtest, rank

KEEP = 8
LIBRARIES = ("numpy", "pandas", "scipy", "statsmodels", "networkx")
ROOT = Path(__file__).resolve().parents[2]


def folder() -> Path:
    """Where the replays are kept: ``<data folder>/cache/planner``."""
    from geo.db import storage

    return storage.data_dir() / "cache" / "planner"


@functools.cache
def code_fingerprint() -> str:
    """SHA-256 of the engine's source (every ``geo/**/*.py``), the region data and the library versions."""
    h = hashlib.sha256()
    for path in sorted((ROOT / "geo").rglob("*.py")):
        h.update(str(path.relative_to(ROOT)).encode())
        h.update(path.read_bytes())
    for name in ("regions.csv", "neighbors.csv"):
        path = config.REGION_DATA_DIR / name
        h.update(path.read_bytes() if path.exists() else b"-")
    h.update(platform.python_version().encode())
    for lib in LIBRARIES:
        h.update(f"{lib}=={metadata.version(lib)}".encode())
    return h.hexdigest()


def _frame_digest(h, frame: pd.DataFrame) -> None:
    h.update(repr((list(map(str, frame.columns)), list(map(str, frame.dtypes)), frame.shape)).encode())
    if len(frame):
        text = frame.reset_index().astype(str)
        h.update(pd.util.hash_pandas_object(text, index=False).to_numpy().tobytes())


def key(hist: rank.History, **params) -> str:
    """The replay's key: a SHA-256 of ``hist`` (every table, as text), ``params`` and ``code_fingerprint()``.

    >>> import pandas as pd
    >>> empty = pd.DataFrame({"region": [], "month": []})
    >>> hist = rank.History("province", empty, empty, empty, empty, ["31"], pd.DataFrame({"x": [1.0]}), {"31": []})
    >>> key(hist) == key(hist), key(hist) == key(hist, uplift_refresh=3), len(key(hist))
    (True, False, 64)
    """
    h = hashlib.sha256()
    h.update(f"{hist.level}|{sorted(params.items())!r}|{code_fingerprint()}".encode())
    for frame in (hist.events, hist.docs, hist.visit_months, hist.panel, hist.covariates):
        _frame_digest(h, frame)
    h.update(repr(list(hist.codes)).encode())
    h.update(repr(sorted((k, list(v)) for k, v in hist.neighbours.items())).encode())
    return h.hexdigest()


def path_of(key_: str, where: Path | None = None) -> Path:
    return (where or folder()) / f"replay-{key_}.pkl"


@contextlib.contextmanager
def _locked(key_: str, where: Path, *, wait: bool = True, name: str | None = None) -> Iterator[bool]:
    """An exclusive lock on ``key_`` across processes; yields False when ``wait`` is off and another holds it."""
    where.mkdir(parents=True, exist_ok=True)
    with open(where / (name or f"replay-{key_}.lock"), "a+b") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _load(path: Path) -> list[backtest.Month] | None:
    try:
        with open(path, "rb") as fh:
            months = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - a file cut short or from another library version: compute again
        events.log("planner_replay_unreadable", file=path.name, error=type(exc).__name__)
        return None
    if not (isinstance(months, list) and all(isinstance(m, backtest.Month) for m in months)):
        events.log("planner_replay_unreadable", file=path.name, error="not a replay")
        return None
    return months


def _save(months: list[backtest.Month], path: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".replay-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(months, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _prune(path.parent)


def _prune(where: Path) -> None:
    """Keep the newest ``KEEP`` replays; drop the others' lock files and locks a day old without a replay."""
    files = sorted(where.glob("replay-*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
    kept = {p.stem for p in files[:KEEP]}
    for lock in where.glob("replay-*.lock"):
        with contextlib.suppress(OSError):
            if lock.stem not in kept and lock.stat().st_mtime < time.time() - 86400:
                lock.unlink()


def stored(hist: rank.History, where: Path | None = None) -> bool:
    """Whether the replay of ``hist`` is on disk."""
    return path_of(key(hist), where).exists()


def load_or_replay(hist: rank.History, where: Path | None = None,
                   compute: Callable[[rank.History], list[backtest.Month]] | None = None) -> list[backtest.Month]:
    """The replay of ``hist``: read from ``where`` (default ``folder()``) when there, otherwise computed once
    (under the key's lock, with ``compute``, default ``backtest.replay``) and written there."""
    where = where or folder()
    compute = compute or backtest.replay
    key_ = key(hist)
    path = path_of(key_, where)
    months = _load(path)
    if months is not None:
        return months
    lock = contextlib.ExitStack()
    try:
        lock.enter_context(_locked(key_, where))
    except OSError as exc:  # a data folder that cannot be written: compute, keep nothing
        events.log("planner_replay_not_kept", error=type(exc).__name__)
        return compute(hist)
    with lock:
        months = _load(path)  # written by another process while this one waited for the lock
        if months is not None:
            return months
        t0 = time.perf_counter()
        months = compute(hist)
        try:
            _save(months, path)
        except OSError as exc:
            events.log("planner_replay_not_kept", error=type(exc).__name__)
        else:
            events.log("planner_replay_stored", level=hist.level, months=len(months),
                       secs=round(time.perf_counter() - t0, 1))
        return months


@contextlib.contextmanager
def warm_lock(where: Path | None = None) -> Iterator[bool]:
    """The folder's warm lock, taken without waiting: yields False when another ``planner-warm`` holds it."""
    with _locked("warm", where or folder(), wait=False, name="warm.lock") as got:
        yield got


def warming(where: Path | None = None) -> bool:
    """Whether a ``planner-warm`` process holds the folder's warm lock (is running now)."""
    with warm_lock(where) as got:
        return not got


def warm_in_background(hist: rank.History, where: Path | None = None) -> subprocess.Popen | None:
    """Start ``python -m geo planner-warm`` at low priority when ``hist``'s replay is not on disk and no such process
    runs already (it computes every level, and again while the data change under it), unless
    ``SINERGI_PLANNER_PRECOMPUTE`` is off. Returns the process started, or None."""
    if not config.get("SINERGI_PLANNER_PRECOMPUTE"):
        return None
    where = where or folder()
    try:
        if stored(hist, where) or warming(where):
            return None
    except OSError:
        return None
    nice = shutil.which("nice")  # a command, not preexec_fn: the server's large process is not forked
    cmd = [*([nice, "-n", "10"] if nice else []), sys.executable, "-m", "geo", "planner-warm"]
    # its event lines go where the server's go (standard error or SINERGI_LOG_FILE)
    proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            start_new_session=True)
    events.log("planner_replay_warm_started", level=hist.level, pid=proc.pid)
    return proc
