"""Every setting of Sinergi in one registry: name, default, parser and help (read from ``SINERGI_*``).

Rules:

* This is the only module of the app that reads ``os.environ`` (``run.py`` and the tests aside).
* Every setting is listed in ``SETTINGS``; the README's settings table lists the same names
  (``tests/test_config.py`` checks both ways).
* A value that does not parse is an error that names the variable and what it expects,
  never a silent fall back to the default:

    >>> import os
    >>> os.environ["SINERGI_MAX_IMPORT_MB"] = "abc"
    >>> get("SINERGI_MAX_IMPORT_MB")
    Traceback (most recent call last):
    ...
    geo.config.ConfigError: SINERGI_MAX_IMPORT_MB='abc': expected a positive number (megabytes)
    >>> os.environ["SINERGI_MAX_IMPORT_MB"] = "12.5"
    >>> get("SINERGI_MAX_IMPORT_MB")
    12.5
    >>> del os.environ["SINERGI_MAX_IMPORT_MB"]
    >>> get("SINERGI_MAX_IMPORT_MB")
    50.0

* An empty value counts as unset.

Paths of the source tree live here too: ``ROOT`` (the checkout) and ``REGION_DATA_DIR`` (the committed
region files in ``data/``, built by ``python -m geo.build.region_files``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REGION_DATA_DIR = ROOT / "data"


class ConfigError(ValueError):
    """A setting's value cannot be used; the message names the variable."""


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    parse: Callable[[str], Any]
    expects: str  # what a valid value looks like, for the error message
    help: str
    scope: str = "app"  # "app": the app and the command line; "cli": command line only; "tests": the test suite


def _flag(text: str) -> bool:
    value = text.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(text)


def _positive(text: str) -> float:
    value = float(text.replace(",", "."))
    if not value > 0 or value != value or value == float("inf"):
        raise ValueError(text)
    return value


def _non_negative(text: str) -> float:
    value = float(text.replace(",", "."))
    if not value >= 0 or value == float("inf"):
        raise ValueError(text)
    return value


def _count(text: str) -> int:
    value = int(text.strip())
    if value < 1:
        raise ValueError(text)
    return value


def _text(text: str) -> str:
    return text.strip()


def _networks(text: str) -> tuple:
    """Comma-separated IP addresses or CIDR networks (``10.0.0.5, 10.1.0.0/16``) as ``ipaddress`` networks."""
    import ipaddress

    return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in text.split(",") if part.strip())


def _host_name(text: str) -> str:
    value = text.strip()
    if not re.fullmatch(r"[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]", value):
        raise ValueError(text)
    return value


def _tile_url(text: str) -> str:
    value = text.strip()
    if not value.startswith(("http://", "https://", "/")) or "{z}" not in value:
        raise ValueError(text)
    return value


SETTINGS: dict[str, Setting] = {s.name: s for s in [
    Setting("SINERGI_DATA_DIR", None, _text, "a folder path",
            "folder of the SQLite database `sinergi.db`; default `~/.local/share/sinergi`"),
    Setting("SINERGI_DATABASE_URL", None, _text, "a SQLAlchemy URL",
            "use this database instead, e.g. `postgresql+psycopg://user:password@host/sinergi`; default SQLite"),
    Setting("SINERGI_TILE_URL", None, _tile_url, "an http(s) URL template with {z}, {x} and {y}",
            "optional basemap tile URL template of a tile server on your network "
            "(`http://tiles.intranet/{z}/{x}/{y}.png`); without one the map draws the regions only"),
    Setting("SINERGI_VIEW_REQUIRES_LOGIN", False, _flag, "1/0, true/false, yes/no or on/off",
            "`1`: viewing needs a login too (otherwise maps and reports are open, changes need a login)"),
    Setting("SINERGI_SESSION_IDLE_MINUTES", 30.0, _non_negative, "a number of minutes, 0 or more",
            "a login ends after this many minutes without activity"),
    Setting("SINERGI_SESSION_MAX_HOURS", 12.0, _positive, "a positive number of hours",
            "a login kept across reloads (its cookie) ends this many hours after it began, even when active"),
    Setting("SINERGI_MAX_IMPORT_MB", 50.0, _positive, "a positive number (megabytes)",
            "largest import file accepted (CSV/XLSX), in MB (also the upload limit of Streamlit and nginx)"),
    Setting("SINERGI_FEEDBACK_PER_CLIENT_HOUR", 5, _count, "a whole number, 1 or more",
            "parties' feedback forms (`?umpan_balik=CODE`): most entries one client address may send in an hour"),
    Setting("SINERGI_FEEDBACK_PER_CODE_DAY", 50, _count, "a whole number, 1 or more",
            "parties' feedback forms: most entries one agreement's feedback code accepts in a day"),
    Setting("SINERGI_TRUSTED_PROXIES", (), _networks, "comma-separated IP addresses or CIDR networks",
            "reverse proxies whose `X-Forwarded-For` is believed (the client address of the login back-off); "
            "default none: the connection's own address counts; `run.py serve` trusts its nginx (`127.0.0.1`)"),
    Setting("SINERGI_SERVER_ADDRESS", "localhost", _host_name, "a host name or IP address",
            "the host name users type (Streamlit's `browser.serverAddress`); set so that Streamlit never looks "
            "up the machine's addresses"),
    Setting("SINERGI_PLANNER_PRECOMPUTE", True, _flag, "1/0, true/false, yes/no or on/off",
            "`1`: after a data change (and when the planner page opens), the planner backtest's months are computed "
            "in a background process at low priority and kept on disk (`<SINERGI_DATA_DIR>/cache/planner`), so that "
            "\"Jalankan uji balik\" answers at once; `0`: the first press computes them"),
    Setting("SINERGI_LOG_FILE", None, _text, "a file path",
            "append the event log (one JSON line per event) to this file; default standard error"),
    Setting("SINERGI_USER", None, _text, "a user name",
            "command line: who writes (else `--user`)", scope="cli"),
    Setting("SINERGI_PASSWORD", None, str, "a password",
            "command line: the acting user's password (else a prompt)", scope="cli"),
    Setting("SINERGI_NEW_PASSWORD", None, str, "a password",
            "command line: the password to set with `user add` / `user set-password` (else a prompt)", scope="cli"),
    Setting("SINERGI_REQUIRE_BROWSER", False, _flag, "1/0, true/false, yes/no or on/off",
            "`1`: browser tests fail instead of skipping when Chromium is missing (as in CI)", scope="tests"),
    Setting("SINERGI_REQUIRE_NGINX", False, _flag, "1/0, true/false, yes/no or on/off",
            "`1`: the serving tests fail instead of skipping when nginx is not installed (as in CI)", scope="tests"),
    Setting("SINERGI_REQUIRE_LIBREOFFICE", False, _flag, "1/0, true/false, yes/no or on/off",
            "`1`: the tests that render decks fail instead of skipping when LibreOffice (`soffice`) or poppler's "
            "`pdftotext` is missing (as in CI)", scope="tests"),
    Setting("SINERGI_REQUIRE_POSTGRES", False, _flag, "1/0, true/false, yes/no or on/off",
            "`1`: the PostgreSQL tests fail instead of skipping when `SINERGI_TEST_DATABASE_URL` is unset",
            scope="tests"),
    Setting("SINERGI_TEST_DATABASE_URL", None, _text, "a SQLAlchemy URL of a PostgreSQL server",
            "PostgreSQL server for the storage tests (they drop and recreate its `public` schema)", scope="tests"),
    Setting("SINERGI_WILAYAH_SOURCE", str(ROOT.parent / "shared" / "data" / "wilayah"), _text, "a folder path",
            "where the region build and its tests find the upstream region dumps; default `../shared/data/wilayah`",
            scope="tests"),
]}


def keep_proj_offline() -> None:
    """PROJ (inside pyproj and GDAL, used by the GIS files) never downloads transformation grids: its network
    access is off (``PROJ_NETWORK=OFF``) unless the administrator set it otherwise. Called before they load."""
    os.environ.setdefault("PROJ_NETWORK", "OFF")


def get(name: str) -> Any:
    """The parsed value of setting ``name`` (its default when unset or empty); ``ConfigError`` if invalid."""
    setting = SETTINGS[name]
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return setting.default
    try:
        return setting.parse(raw)
    except (ValueError, TypeError):
        shown = "…" if "PASSWORD" in name else raw
        raise ConfigError(f"{name}={shown!r}: expected {setting.expects}") from None


def check_all() -> list[str]:
    """Problems with the environment's settings, one line each (empty when all parse); run on start."""
    problems = []
    for name in SETTINGS:
        try:
            get(name)
        except ConfigError as exc:
            problems.append(str(exc))
    return problems
