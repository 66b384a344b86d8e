import os
import shutil
from pathlib import Path

import pytest

from geo.access.roles import Principal

# Tests that write act as an editor (every engine write checks the role).
EDITOR = Principal("ani", "editor")
ADMIN = Principal("root", "admin")
VIEWER = Principal("vina", "viewer")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE = Path(os.environ.get("SINERGI_WILAYAH_SOURCE", ROOT.parent / "shared" / "data" / "wilayah"))


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def require_browser() -> str:
    path = chromium_path()
    if path is None:
        if os.environ.get("SINERGI_REQUIRE_BROWSER") == "1":
            pytest.fail("SINERGI_REQUIRE_BROWSER=1 but no Chromium is installed")
        pytest.skip("no Chromium here (CI installs it and sets SINERGI_REQUIRE_BROWSER=1)")
    return path


def _postgres_url() -> str | None:
    url = os.environ.get("SINERGI_TEST_DATABASE_URL")
    if not url and os.environ.get("SINERGI_REQUIRE_POSTGRES") == "1":
        pytest.fail("SINERGI_REQUIRE_POSTGRES=1 but SINERGI_TEST_DATABASE_URL is not set")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    """A migrated, empty database: a SQLite file, and a real PostgreSQL server when configured."""
    from sqlalchemy import text

    from geo.db import storage

    if request.param == "sqlite":
        eng = storage.make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    else:
        url = _postgres_url()
        if not url:
            pytest.skip("no PostgreSQL here (CI starts one and sets SINERGI_REQUIRE_POSTGRES=1)")
        eng = storage.make_engine(url)
        with eng.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    storage.migrate(eng)
    yield eng
    eng.dispose()


# Users of the app's database in AppTest runs (the app keeps one engine per process: one folder for all).
APP_USERS = {"kepala": ("admin", "sandi-admin-panjang"), "vina": ("viewer", "sandi-vina-panjang"),
             "ani": ("editor", "sandi-ani-panjang")}


@pytest.fixture()
def app_database(tmp_path_factory, monkeypatch):
    """The database AppTest runs use, with the users of ``APP_USERS`` as listed there."""
    from sqlalchemy import select

    from geo.access import accounts
    from geo.db import storage
    from geo.db.models import User

    folder = tmp_path_factory.getbasetemp() / "app-data"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("SINERGI_DATA_DIR", str(folder))
    monkeypatch.delenv("SINERGI_DATABASE_URL", raising=False)
    monkeypatch.delenv("SINERGI_VIEW_REQUIRES_LOGIN", raising=False)
    eng = storage.make_engine()
    storage.migrate(eng)
    for name, (role, password) in APP_USERS.items():
        with storage.transaction(eng) as s:
            user = s.scalar(select(User).where(User.username == name))
            if user is not None:
                user.role, user.active = role, True
        if user is None:
            accounts._add(eng, name, password, role)
    yield eng
    eng.dispose()


@pytest.fixture()
def own_app_database(tmp_path, monkeypatch, app_database):
    """A database of its own for an AppTest that writes real records (which would end the "simulated data"
    state other modules' tests see): the app's engine and data caches point at it during the test only."""
    import streamlit as st

    from geo.access import accounts
    from geo.db import storage

    monkeypatch.setenv("SINERGI_DATA_DIR", str(tmp_path))
    st.cache_data.clear()  # the app's engine follows the configured database by itself (ui/database.py)
    eng = storage.make_engine()
    storage.migrate(eng)
    for name, (role, password) in APP_USERS.items():
        accounts._add(eng, name, password, role)
    yield eng
    eng.dispose()
    st.cache_data.clear()  # cached frames are keyed on the data version, which two databases may share


def app_session(username: str | None) -> dict:
    """Session state of a browser session where ``username`` has just logged in."""
    import datetime as dt

    return {"_auth": {"username": username, "last_seen": dt.datetime.now(dt.timezone.utc)}} if username else {}
