"""Maintainers' tools run by ``run.py`` (not the app): ``mutants`` (mutation testing of the engine)."""
