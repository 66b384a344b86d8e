"""Fixtures and names every test folder shares: the principals, the databases, and the simulated sample.

The sample (``geo.records.sample``) is seeded once per run into ``sample_database``; tests that only read
take ``sample_frames``, tests that write take ``seeded_engine`` (or ``sample_data_dir``, a copy of their own).
"""

import shutil
from pathlib import Path

import pytest

from geo import config
from geo.access.roles import SAMPLE_SEEDER, Principal

# Tests that write act as an editor (every engine write checks the role).
EDITOR = Principal("ani", "editor")
ADMIN = Principal("root", "admin")
VIEWER = Principal("vina", "viewer")

ROOT = config.ROOT
DATA = config.REGION_DATA_DIR
SOURCE = Path(config.get("SINERGI_WILAYAH_SOURCE"))


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
        if config.get("SINERGI_REQUIRE_BROWSER"):
            pytest.fail("SINERGI_REQUIRE_BROWSER=1 but no Chromium is installed")
        pytest.skip("no Chromium here (CI installs it and sets SINERGI_REQUIRE_BROWSER=1)")
    return path


@pytest.fixture(autouse=True)
def page_errors_stay_exceptions(request, monkeypatch):
    """A page's unexpected error is shown as a message with an id (``ui.errors``); in tests it is also raised
    again, so that ``at.exception`` still catches it. ``@pytest.mark.friendly_errors`` tests the message alone."""
    if "friendly_errors" not in request.keywords:
        monkeypatch.setattr("ui.errors.RERAISE", True)


@pytest.fixture(scope="session")
def require_nginx() -> str:
    from serving.supervisor import find_nginx

    path = find_nginx()
    if path is None:
        if config.get("SINERGI_REQUIRE_NGINX"):
            pytest.fail("SINERGI_REQUIRE_NGINX=1 but nginx is not installed")
        pytest.skip("no nginx here (CI installs it and sets SINERGI_REQUIRE_NGINX=1)")
    return path


@pytest.fixture(scope="session")
def require_soffice() -> tuple[str, str]:
    """LibreOffice's ``soffice`` and poppler's ``pdftotext`` (Debian: libreoffice-impress-nogui, poppler-utils)."""
    found = shutil.which("soffice"), shutil.which("pdftotext")
    if None in found:
        if config.get("SINERGI_REQUIRE_LIBREOFFICE"):
            pytest.fail("SINERGI_REQUIRE_LIBREOFFICE=1 but soffice or pdftotext is not installed")
        pytest.skip("no LibreOffice or poppler here (CI installs them and sets SINERGI_REQUIRE_LIBREOFFICE=1)")
    return found


def _postgres_url() -> str | None:
    url = config.get("SINERGI_TEST_DATABASE_URL")
    if not url and config.get("SINERGI_REQUIRE_POSTGRES"):
        pytest.fail("SINERGI_REQUIRE_POSTGRES=1 but SINERGI_TEST_DATABASE_URL is not set")
    return url


def fresh_postgres_engine():
    """(engine, URL) of the configured PostgreSQL server, emptied and migrated; the test skips without one."""
    from sqlalchemy import text

    from geo.db import storage

    url = _postgres_url()
    if not url:
        pytest.skip("no PostgreSQL here (CI starts one and sets SINERGI_REQUIRE_POSTGRES=1)")
    eng = storage.make_engine(url)
    with eng.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    storage.migrate(eng)
    return eng, url


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    """A migrated, empty database: a SQLite file, and a real PostgreSQL server when configured."""
    from geo.db import storage

    if request.param == "sqlite":
        eng = storage.make_engine(f"sqlite:///{tmp_path / 'test.db'}")
        storage.migrate(eng)
    else:
        eng, _ = fresh_postgres_engine()
    yield eng
    eng.dispose()


@pytest.fixture()
def seeded_engine(engine):
    """``engine`` (SQLite and PostgreSQL) with the simulated sample stored: for tests that write."""
    from geo.records import sample

    sample.seed(engine, SAMPLE_SEEDER)
    return engine


@pytest.fixture(scope="session")
def sample_database(tmp_path_factory) -> Path:
    """A SQLite file with the simulated sample, seeded once per run. Nothing writes to it: copy it to write."""
    from geo.records import sample

    path = tmp_path_factory.mktemp("sample") / "sinergi.db"
    sample.seed_sqlite(path)
    return path


@pytest.fixture(scope="session")
def sample_frames(sample_database):
    """(agreements, visits) of the simulated sample as ``geo.records.read`` gives them; read them, never change
    them in place (every test of the run shares them)."""
    from geo.db import storage
    from geo.records import read

    eng = storage.make_engine(f"sqlite:///{sample_database}")
    frames = read.agreements_frame(eng), read.visits_frame(eng)
    eng.dispose()
    return frames


@pytest.fixture(scope="module")
def sample_data_dir(tmp_path_factory, sample_database) -> Path:
    """A ``SINERGI_DATA_DIR`` folder of the module's own, holding a copy of the seeded sample (tests may write)."""
    folder = tmp_path_factory.mktemp("sample-data")
    shutil.copyfile(sample_database, folder / "sinergi.db")
    return folder


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


@pytest.fixture()
def sqlite_engine(tmp_path):
    """An empty, migrated SQLite database of the test's own, for rules that do not depend on the database."""
    from geo.db import storage

    eng = storage.make_engine(f"sqlite:///{tmp_path / 'sinergi.db'}")
    storage.migrate(eng)
    yield eng
    eng.dispose()


def migrate_down(engine, revision: str) -> None:
    """Run the Alembic migrations of ``engine``'s database down to ``revision`` (a migration test then checks what
    its ``downgrade`` removed, and ``storage.migrate`` brings it back up)."""
    from alembic import command

    from geo.db import storage

    with engine.begin() as conn:
        cfg = storage.alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
