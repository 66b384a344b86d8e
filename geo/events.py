"""The event log: one JSON object per line, per event (start, login, failed login, user and role changes,
import, restore, export, error, and the server's own events), to standard error or to ``SINERGI_LOG_FILE``.

* Passwords never get here: a field whose name mentions a password, secret or token is refused (dropped and
  named in ``dropped``), whatever the caller passes.
* Every line has ``ts`` (UTC, ISO 8601), ``event`` and ``pid`` (which worker wrote it, behind ``run.py serve``).
* Lines are appended whole (one ``write`` on a file opened for appending), so several worker processes can
  share one file.

>>> import io, json
>>> out = io.StringIO()
>>> log("login_failed", user="kepala", client="10.0.0.1", password="rahasia", stream=out)
>>> line = json.loads(out.getvalue())
>>> line["event"], line["user"], "password" in line, line["dropped"]
('login_failed', 'kepala', False, ['password'])
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import sys
import threading
import traceback
from typing import IO, Any

from geo import config

_SECRET_WORDS = ("password", "passwd", "secret", "token", "sandi", "cookie")
_lock = threading.Lock()


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def log(event: str, *, stream: IO[str] | None = None, **fields: Any) -> None:
    """Write one event line. Never raises: a log that cannot be written must not stop the app."""
    record: dict[str, Any] = {"ts": dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds"),
                              "event": event, "pid": os.getpid()}
    dropped = []
    for name, value in fields.items():
        if any(word in name.lower() for word in _SECRET_WORDS):
            dropped.append(name)
        else:
            record[name] = _plain(value)
    if dropped:
        record["dropped"] = dropped
    line = json.dumps(record, ensure_ascii=False) + "\n"
    try:
        with _lock:
            if stream is not None:
                stream.write(line)
                return
            path = config.get("SINERGI_LOG_FILE")
            if path:
                with open(path, "a", encoding="utf-8") as f:
                    f.write(line)
            else:
                sys.stderr.write(line)
                sys.stderr.flush()
    except Exception:  # noqa: BLE001 - logging must never break the caller
        pass


def new_error_id() -> str:
    """A short id users can quote; the log line of the error carries it."""
    return secrets.token_hex(4).upper()


def log_error(exc: BaseException, where: str = "", **fields: Any) -> str:
    """Log an unexpected error with its traceback; return the error id to show to the user."""
    error_id = new_error_id()
    log("error", error_id=error_id, where=where, error_type=type(exc).__name__, message=str(exc)[:500],
        traceback="".join(traceback.format_exception(exc))[-8000:], **fields)
    return error_id
