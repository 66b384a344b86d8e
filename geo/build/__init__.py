"""The offline build of ``data/`` from the upstream dumps in ``../shared/data`` (run by hand, never by the app)."""
