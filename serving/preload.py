"""What a page will need, named in Streamlit's page so the browser fetches it while Streamlit starts instead of
after its first run: the front-end chunks of the pages' widgets, and on the map page the map frame's files and
the boundaries of the level it opens at.

Why: Streamlit's front end loads the code of a widget (a select box, a slider, a component's frame …) only when
the first run sends one: a second wave of about 50 files, after the websocket has opened and the script has run.
On a slow link (2 Mbit/s, 150 ms) that wave came last and alone. Named in the page as ``<link
rel="modulepreload">``, the same files travel beside Streamlit's own, while the browser waits for the websocket.

Rules:

* ``ELEMENTS``: the widgets the map page (every visitor's first page) and the sidebar draw. Each is found in
  Streamlit's front end by its chunk's name (``Selectbox.7rsxE6LC.js``); with it, every file its lazy import
  loads (the ``__vite__mapDeps`` list beside that import in the entry script). Scripts only (``.js``).
* ``NESTED``: lazy imports inside an element's own chunk, found the same way in that chunk: Markdown with HTML
  in it (the map page's legend and headline) loads ``rehype-raw`` and two more files only when it first draws
  one — a third wave of requests after the first run, 0.13 s on a 10 Mbit/s link, before this rule.
* A file the page already names (``<script src>``, ``<link rel="modulepreload">``) is not named twice.
* Nothing is guessed: an element whose chunk or import is not found is reported by ``missing`` (a test fails on
  it, so a Streamlit upgrade that renames a chunk is seen at once), never silently dropped from the wrong list.
* nginx adds the links before ``</head>`` of every page it proxies (``sub_filter``, ``serving/nginx.conf.template``).
* The map page (``/``) also names, as ``<link rel="prefetch">``, the map frame's versioned scripts and
  stylesheets (``ui.component_files``) and the boundary file of the level in its address (``?level=``, the
  province by default; ``geo.maps.boundary_files``). A prefetch has the lowest priority: it travels while the
  browser waits for the websocket and the first run, and lands in the HTTP cache, where the frame finds it (the
  files are cached for a year under their content's name). The frame's page itself is not named: its address
  carries the page's own address (``?streamlitUrl=``), which nginx would have to rebuild.

Measured by ``bench/bench_serve.py`` (first visit on the emulated links).
"""

from __future__ import annotations

import re
from pathlib import Path

ELEMENTS = ("Selectbox", "Multiselect", "TextInput", "Checkbox", "Slider",
            "ButtonGroup", "PageLink", "ComponentInstance", "DownloadButton")
NESTED = {"StreamlitMarkdown": ("rehype-raw",)}


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


def _chunk_of(name: str, chunks: dict[str, list[str]] | list[str]) -> str | None:
    return next((c for c in chunks if re.fullmatch(rf"{re.escape(name)}\.[A-Za-z0-9_-]{{8}}\.js", c)), None)


def _groups(static: Path, elements: tuple[str, ...], nested: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Each element (and each nested import, as ``parent/child``) → the files its lazy import loads; an element
    not found is absent."""
    lazy = _lazy_imports(_entry(static)[1])
    out = {}
    for element in elements:
        chunk = _chunk_of(element, lazy)
        if chunk:
            out[element] = lazy[chunk]
    files = sorted(p.name for p in (static / "static" / "js").glob("*.js"))
    for parent, children in nested.items():  # the parent's chunk, whether the page or a lazy import loads it
        chunk = _chunk_of(parent, files)
        inner = _lazy_imports((static / "static" / "js" / chunk).read_text(encoding="utf-8")) if chunk else {}
        for child in children:
            found = _chunk_of(child, inner)
            if found:
                out[f"{parent}/{child}"] = inner[found]
    return out


def chunks(static: Path | None = None, elements: tuple[str, ...] = ELEMENTS,
           nested: dict[str, tuple[str, ...]] = NESTED) -> list[str]:
    """The scripts to name in the page, in a stable order (each element's own chunk, then what it loads; then
    the nested imports)."""
    static = static or static_folder()
    known = _named_in_page(static)
    out: list[str] = []
    for files in _groups(static, elements, nested).values():
        for name in files:
            if name.endswith(".js") and name not in known and name not in out:
                out.append(name)
    return out


def missing(static: Path | None = None, elements: tuple[str, ...] = ELEMENTS,
            nested: dict[str, tuple[str, ...]] = NESTED) -> list[str]:
    """The elements (and nested imports, ``parent/child``) not found in this Streamlit's front end."""
    found = _groups(static or static_folder(), elements, nested)
    return [e for e in (*elements, *(f"{p}/{c}" for p, cs in nested.items() for c in cs)) if e not in found]


def links(static: Path | None = None) -> str:
    """The ``<link rel="modulepreload">`` lines, as nginx puts them before ``</head>`` (one line)."""
    return "".join(f'<link rel="modulepreload" crossorigin href="./static/js/{name}">' for name in chunks(static))


def frame_files(folder: Path) -> list[str]:
    """The URL paths of the versioned scripts and stylesheets a frame built in ``folder`` names
    (``ui.component_files``), e.g. ``/component/ui.region_map.region_map/leaflet.5819285cec13.js``."""
    page = (folder / "index.html").read_text(encoding="utf-8")
    return [f"/component/{folder.name}/{name}" for name in re.findall(r'(?:src|href)="([^"]+)"', page)]


def map_prefetch(frame_folder: Path, boundary_names: dict[str, str], default_level: str = "province") -> dict[str, str]:
    """For each ``?level=`` of the map page ("" for none) the ``<link rel="prefetch">`` lines nginx adds to it:
    the frame's files, then that level's boundary file (``boundary_names``: level → versioned file name)."""
    frame = "".join(f'<link rel="prefetch" href="{path}">' for path in frame_files(frame_folder))
    out = {}
    for level, name in boundary_names.items():
        out[level] = frame + f'<link rel="prefetch" href="/component/ui.region_map.boundaries/{name}">'
    out[""] = out[default_level]
    return out
