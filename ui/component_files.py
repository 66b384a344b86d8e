"""A component's front end as versioned files, so a returning browser asks for none of them again.

Rules:

* Every script and stylesheet that a component's ``index.html`` names (``<script src>``, ``<link href>``) is
  copied into the component's build folder as ``<stem>.<12 hex digits of its SHA-256>.<ext>``, and the copy of
  ``index.html`` there names those files. Changed content gets a new name, so no browser ever runs an old script
  with a new page; the same content keeps its name from build to build and from worker to worker.
* A name under one of ``assets``' prefixes comes from that folder (``leaflet/leaflet.js`` from the installed
  xstatic-leaflet package); any other name from the component's own folder. A subfolder the stylesheets point at
  (Leaflet's ``images/``) is copied as it is. A name with a scheme or ``//`` is refused: nothing from outside.
* The page itself is versioned too: ``index.html`` in the build folder is the current page, and a copy of it
  is written as ``index.<12 hex digits>.html``. The component is declared with both ``path`` (Streamlit serves
  the folder) and ``url=frame_url(folder)`` (the frame opens the versioned page), so no file of a frame is ever
  asked for again once a browser has it: not even the page, which used to cost a revalidation round trip (one
  or two per visit, 50 ms each on a 50 ms link).
* The build folder is ``<data folder>/web/components/<module>.<name>/`` (the component's URL path). Behind
  ``run.py serve``, nginx serves it from disk with a year's ``immutable`` cache (0 requests on a return visit).
  Without nginx, Streamlit serves the same folder. Older versions stay in the folder, so a browser that still
  holds an older page of the app finds every file that page names.
* Files are written atomically (a temporary name, then a rename), so workers that build at once never serve half
  a file.

Measured by ``bench/bench_serve.py`` (network requests and bytes on a returning visit).

    >>> import tempfile, pathlib
    >>> src = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (src / "index.html").write_text('<link rel="stylesheet" href="a.css"><script src="a.js"></script>')
    >>> _ = (src / "a.js").write_text("1"); _ = (src / "a.css").write_text("p{}")
    >>> out = build(src, pathlib.Path(tempfile.mkdtemp()) / "x.y.z")
    >>> (out / "index.html").read_text()
    '<link rel="stylesheet" href="a.806db221261e.css"><script src="a.6b86b273ff34.js"></script>'
    >>> named_files(out)
    ['a.806db221261e.css', 'a.6b86b273ff34.js']
    >>> frame_url(out, base="")
    '/component/x.y.z/index.57d8310677e7.html'
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

REFERENCE = re.compile(r'(<(?:script|link)\b[^>]*?\b(?:src|href)=")([^"]+)(")')


def versioned_name(name: str, content: bytes) -> str:
    """``leaflet.js`` → ``leaflet.<12 hex digits of the content's SHA-256>.js`` (the folder part dropped)."""
    path = Path(name)
    return f"{path.stem}.{hashlib.sha256(content).hexdigest()[:12]}{path.suffix}"


def _write_atomically(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _source(name: str, folder: Path, assets: dict[str, Path]) -> Path:
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", name, re.I):
        raise ValueError(f"{name}: a component loads nothing from outside the app")
    for prefix, base in assets.items():
        if name.startswith(prefix):
            return Path(base) / name[len(prefix):]
    return folder / name


def build(folder: Path, out: Path, assets: dict[str, Path] | None = None) -> Path:
    """Build the component in ``folder`` into ``out`` (see the rules above); returns ``out``."""
    assets = assets or {}
    out.mkdir(parents=True, exist_ok=True)
    copied_dirs: set[Path] = set()

    def replace(match: re.Match) -> str:
        source = _source(match.group(2), folder, assets)
        content = source.read_bytes()
        name = versioned_name(source.name, content)
        _write_atomically(out / name, content)
        images = source.parent / "images"  # what a stylesheet points at (Leaflet's icons)
        if source.suffix == ".css" and images.is_dir() and images not in copied_dirs:
            shutil.copytree(images, out / "images", dirs_exist_ok=True)
            copied_dirs.add(images)
        return match.group(1) + name + match.group(3)

    html = REFERENCE.sub(replace, (folder / "index.html").read_text(encoding="utf-8")).encode("utf-8")
    _write_atomically(out / versioned_name("index.html", html), html)  # first: never a page naming a missing one
    _write_atomically(out / "index.html", html)
    return out


def named_files(out: Path) -> list[str]:
    """The files the current page of the frame built in ``out`` names, in its order (``a.806db221261e.css``)."""
    return [m.group(2) for m in REFERENCE.finditer((out / "index.html").read_text(encoding="utf-8"))]


def frame_url(out: Path, base: str | None = None) -> str:
    """The URL path of the versioned page of the frame built in ``out`` (``/component/<out's name>/index.<hash>
    .html``), under Streamlit's ``server.baseUrlPath`` (``base``; read from Streamlit's settings when None)."""
    if base is None:
        from streamlit import config

        base = config.get_option("server.baseUrlPath") or ""
    prefix = "/" + base.strip("/") if base.strip("/") else ""
    return f"{prefix}/component/{out.name}/{versioned_name('index.html', (out / 'index.html').read_bytes())}"


def default_root() -> Path:
    """``<data folder>/web/components``: one build folder per component, named by its URL path."""
    from geo.db import storage

    return storage.data_dir() / "web" / "components"
