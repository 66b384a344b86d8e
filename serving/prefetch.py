"""What the map page will need, named in Streamlit's page so the browser fetches it while Streamlit starts: the map
frame's files and the boundaries of the level the page opens at.

Rules:

* The map page (``/``) names, as ``<link rel="prefetch">``, the map frame's versioned scripts and stylesheets
  (``ui.component_files``) and the boundary file of the level in its address (``?level=``, the province by
  default; ``geo.maps.boundary_files``). No other page names them.
* A prefetch has the lowest priority: it travels while the browser waits for the websocket and the first run, and
  lands in the HTTP cache, where the frame finds it (the files are cached for a year under their content's name).
* The frame's page itself is not named: its address carries the page's own address (``?streamlitUrl=``), which
  nginx would have to rebuild.
* nginx adds the links before ``</head>`` of the page (``sub_filter`` with a ``map`` on the path and the level,
  ``serving/nginx.conf.template``).

Not named: the front-end chunks of the page's widgets. Named as ``<link rel="modulepreload">`` (49 files: the
select boxes, sliders, the component frame, Markdown's HTML parser …) they made the first visit slower, not faster:
``bench/bench_serve.py``'s regency map on a 10 Mbit/s, 50 ms link, medians of 4–6 runs, 30/11/2026: first visit
about 3.1 s with them, 2.7 s without; returning visitor about 2.0 s with them, 1.7 s without; 2 Mbit/s equal
(6.8 s). Fifty high-priority requests queue before Streamlit's own, and a returning browser compiles them all before
the page starts. Naming only the frame's chunk and the HTML parser (7 files) did no better.

    >>> import tempfile, pathlib
    >>> frame = pathlib.Path(tempfile.mkdtemp()) / "ui.region_map.region_map"; frame.mkdir()
    >>> _ = (frame / "index.html").write_text('<script src="leaflet.0123456789ab.js"></script>')
    >>> frame_files(frame)
    ['/component/ui.region_map.region_map/leaflet.0123456789ab.js']
"""

from __future__ import annotations

from pathlib import Path


def frame_files(folder: Path) -> list[str]:
    """The URL paths of the versioned scripts and stylesheets a frame built in ``folder`` names
    (``ui.component_files``), e.g. ``/component/ui.region_map.region_map/leaflet.5819285cec13.js``."""
    from ui import component_files

    return [f"/component/{folder.name}/{name}" for name in component_files.named_files(folder)]


def map_prefetch(frame_folder: Path, boundary_names: dict[str, str], default_level: str = "province") -> dict[str, str]:
    """For each ``?level=`` of the map page ("" for none) the ``<link rel="prefetch">`` lines nginx adds to it:
    the frame's files, then that level's boundary file (``boundary_names``: level → versioned file name)."""
    frame = "".join(f'<link rel="prefetch" href="{path}">' for path in frame_files(frame_folder))
    out = {}
    for level, name in boundary_names.items():
        out[level] = frame + f'<link rel="prefetch" href="/component/ui.region_map.boundaries/{name}">'
    out[""] = out[default_level]
    return out
