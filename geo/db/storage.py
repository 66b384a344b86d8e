"""Where records are stored: SQLite by default, PostgreSQL when configured.

* ``SINERGI_DATABASE_URL`` — any SQLAlchemy URL, e.g.
  ``postgresql+psycopg://user:password@host/db``; when unset, a SQLite file
  ``sinergi.db`` in ``SINERGI_DATA_DIR`` (default: ``~/.local/share/sinergi``,
  outside the source tree) is created on first use.
* ``migrate(engine)`` brings the schema to the newest Alembic revision; the app
  calls it on start.
* ``transaction(engine)`` gives a session whose work is committed as one unit,
  or rolled back entirely on any error.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from geo import config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def data_dir() -> Path:
    configured = config.get("SINERGI_DATA_DIR")
    base = Path(configured).expanduser() if configured else Path.home() / ".local" / "share" / "sinergi"
    base.mkdir(parents=True, exist_ok=True)
    return base


def database_url() -> str:
    return config.get("SINERGI_DATABASE_URL") or f"sqlite:///{data_dir() / 'sinergi.db'}"


def safe_url(url: str) -> str:
    """The URL with any password hidden, for logs and messages."""
    return make_url(url).render_as_string(hide_password=True)


def make_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            # Let SQLAlchemy, not the sqlite3 module, begin transactions: then reads inside a
            # transaction (a backup) see one snapshot (SQLAlchemy's documented pysqlite recipe).
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            conn.exec_driver_sql("BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


def default_engine() -> Engine:
    """The configured database's engine (one per URL and process), migrated."""
    return _engine_for(database_url())


@lru_cache(maxsize=4)
def _engine_for(url: str) -> Engine:
    engine = make_engine(url)
    migrate(engine)
    return engine


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the newest revision (idempotent)."""
    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def current_tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


@contextmanager
def transaction(engine: Engine | None = None) -> Iterator[Session]:
    """A session committed at the end of the block, rolled back on any exception."""
    factory = sessionmaker(bind=engine or default_engine(), expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def data_version(engine: Engine) -> tuple:
    """Changes whenever a record is added, changed or deleted (every write leaves an audit entry). Entries
    about users (logins, accounts) do not count: 30 people logging in must not empty every cache 30 times."""
    from sqlalchemy import text

    with engine.connect() as conn:
        return tuple(conn.execute(text(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM audit_entry WHERE record_type <> 'user'), "
            "(SELECT COUNT(*) FROM agreement), "
            "(SELECT COUNT(*) FROM visit)")).one())
