"""Where records live: SQLAlchemy models, the engine for the configured database, migrations."""
