"""Boundaries for the browser as static, versioned files: fetched once per level, then kept.

Rules:

* A level's file is the committed display boundaries (``data/display/<level>.geojson``, built by
  ``geo.build.region_files``) under a name carrying the first 12 hex digits of its SHA-256:
  ``regency.3f2a9c1b7d10.json``. Same content, same name; new boundaries, a new name, so a browser or proxy may
  keep a file forever (``Cache-Control: immutable``) and never shows stale shapes.
* The files are written once into ``folder`` (by default ``<SINERGI_DATA_DIR>/web/boundaries``), atomically
  (a temporary file renamed into place), so several app processes sharing the folder never read half a file.
  A gzip copy (``.json.gz``) sits beside each one for a web server that serves pre-compressed files (nginx's
  ``gzip_static``, see ``serving/``).
* The map component (``ui/region_map.py``) serves the folder at ``/component/ui.region_map.boundaries/``;
  a map view then sends only what changes (values, colours, texts), never geometry.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> name = published("province", folder)
    >>> name.startswith("province.") and name.endswith(".json") and len(name.split(".")[1]) == 12
    True
    >>> published("province", folder) == name  # the same content keeps its name
    True
"""

from __future__ import annotations

import gzip
import hashlib
import os
from functools import lru_cache
from pathlib import Path

from geo import config

LEVELS = ("province", "regency", "district")
SOURCE_DIR = config.REGION_DATA_DIR / "display"


def default_folder() -> Path:
    from geo.db import storage

    return storage.data_dir() / "web" / "boundaries"


def file_name(level: str, content: bytes) -> str:
    """``<level>.<12 hex digits of the content's SHA-256>.json``."""
    return f"{level}.{hashlib.sha256(content).hexdigest()[:12]}.json"


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


@lru_cache(maxsize=16)
def published(level: str, folder: str | os.PathLike | None = None) -> str:
    """The versioned file name of ``level``'s boundaries in ``folder``, written there (with its gzip copy) when
    missing."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    content = (SOURCE_DIR / f"{level}.geojson").read_bytes()
    name = file_name(level, content)
    where = Path(folder) if folder is not None else default_folder()
    where.mkdir(parents=True, exist_ok=True)
    target = where / name
    if not target.exists() or target.stat().st_size != len(content):
        _write_atomically(target, content)
    zipped = where / f"{name}.gz"
    if not zipped.exists():
        _write_atomically(zipped, gzip.compress(content, compresslevel=9, mtime=0))
    for old in where.glob(f"{level}.*.json*"):  # earlier versions of this level
        if not old.name.startswith(name):
            old.unlink(missing_ok=True)
    return name
