"""The front-end chunks the pages' widgets need, named in Streamlit's page so the browser fetches them while
Streamlit starts instead of after its first run.

Why: Streamlit's front end loads the code of a widget (a select box, a slider, a component's frame …) only when
the first run sends one: a second wave of about 50 files, after the websocket has opened and the script has run.
On a slow link (2 Mbit/s, 150 ms) that wave came last and alone. Named in the page as ``<link
rel="modulepreload">``, the same files travel beside Streamlit's own, while the browser waits for the websocket.

Rules:

* ``ELEMENTS``: the widgets the map page (every visitor's first page) and the sidebar draw. Each is found in
  Streamlit's front end by its chunk's name (``Selectbox.7rsxE6LC.js``); with it, every file its lazy import
  loads (the ``__vite__mapDeps`` list beside that import in the entry script). Scripts only (``.js``).
* A file the page already names (``<script src>``, ``<link rel="modulepreload">``) is not named twice.
* Nothing is guessed: an element whose chunk or import is not found is reported by ``missing`` (a test fails on
  it, so a Streamlit upgrade that renames a chunk is seen at once), never silently dropped from the wrong list.
* nginx adds the links before ``</head>`` of every page it proxies (``sub_filter``, ``serving/nginx.conf.template``).

Measured by ``bench/bench_serve.py`` (first visit on the emulated links).
"""

from __future__ import annotations

import re
from pathlib import Path

ELEMENTS = ("Selectbox", "Multiselect", "TextInput", "Checkbox", "Slider",
            "ButtonGroup", "PageLink", "ComponentInstance", "DownloadButton")


def static_folder() -> Path:
    import streamlit

    return Path(streamlit.__file__).parent / "static"


def _entry(static: Path) -> tuple[str, str]:
    """The entry script's name and text (``<script type="module" src="./static/js/index.<hash>.js">``)."""
    page = (static / "index.html").read_text(encoding="utf-8")
    name = re.search(r'<script type="module"[^>]*src="\./static/js/([^"]+\.js)"', page).group(1)
    return name, (static / "static" / "js" / name).read_text(encoding="utf-8")


def _named_in_page(static: Path) -> set[str]:
    page = (static / "index.html").read_text(encoding="utf-8")
    return set(re.findall(r'(?:src|href)="\./static/js/([^"]+\.js)"', page))


def _lazy_imports(entry_text: str) -> dict[str, list[str]]:
    """Each lazily imported chunk → the files its import loads (itself first)."""
    files = re.search(r"m\.f=\[([^\]]*)\]", entry_text)
    if not files:
        return {}
    table = [f.strip().strip("\"'`").removeprefix("./") for f in files.group(1).split(",")]
    out = {}
    for chunk, indices in re.findall(r"import\(`\./([^`]+\.js)`\),__vite__mapDeps\(\[([\d,]*)\]\)", entry_text):
        out[chunk] = [chunk] + [table[int(i)] for i in indices.split(",") if i]
    return out


def chunks(static: Path | None = None, elements: tuple[str, ...] = ELEMENTS) -> list[str]:
    """The scripts to name in the page, in a stable order (each element's own chunk, then what it loads)."""
    static = static or static_folder()
    _, text = _entry(static)
    lazy = _lazy_imports(text)
    known = _named_in_page(static)
    out: list[str] = []
    for element in elements:
        for chunk, files in lazy.items():
            if re.fullmatch(rf"{re.escape(element)}\.[A-Za-z0-9_-]{{8}}\.js", chunk):
                for name in files:
                    if name.endswith(".js") and name not in known and name not in out:
                        out.append(name)
    return out


def missing(static: Path | None = None, elements: tuple[str, ...] = ELEMENTS) -> list[str]:
    """The elements whose chunk and lazy import were not found in this Streamlit's front end."""
    static = static or static_folder()
    lazy = _lazy_imports(_entry(static)[1])
    return [e for e in elements
            if not any(re.fullmatch(rf"{re.escape(e)}\.[A-Za-z0-9_-]{{8}}\.js", chunk) for chunk in lazy)]


def links(static: Path | None = None) -> str:
    """The ``<link rel="modulepreload">`` lines, as nginx puts them before ``</head>`` (one line)."""
    return "".join(f'<link rel="modulepreload" crossorigin href="./static/js/{name}">' for name in chunks(static))
