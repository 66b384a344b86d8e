"""A map view as a print file (PNG at 300 dpi, SVG or PDF), drawn with matplotlib.

Same regions, classes, colours and legend as the interactive map (all from a ``geo.maps.map_view.View``),
with the title, period, filters, data source and date, and the simulated-data note when it applies; region names
where they fit (``geo.maps.map_labels``: on by default for the province map and one region's regencies or
districts, none overlapping, none clipped at the edge; ``labels=`` turns them on or off).
Text is set in DejaVu Sans, which ships with matplotlib: nothing is fetched.
"""

from __future__ import annotations

import io
from functools import lru_cache

import matplotlib
import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.path import Path

from geo.maps import map_labels, verdict_classes, web_map
from geo.regions import lookup
from geo.text import catalog

FORMATS = ("png", "svg", "pdf")
PRINT_DPI = 300
A4_LANDSCAPE = (11.69, 8.27)  # inches
FONT = "DejaVu Sans"
EDGE_WIDTH = {"province": 0.35, "regency": 0.15, "district": 0.04}
RC = {"font.family": FONT, "svg.fonttype": "none", "pdf.fonttype": 42, "hatch.linewidth": 0.6}
matplotlib.use("Agg", force=False)


def _ring_path(rings: list[np.ndarray]) -> Path:
    verts, codes = [], []
    for xy in rings:
        c = np.full(len(xy), Path.LINETO, dtype=np.uint8)
        c[0], c[-1] = Path.MOVETO, Path.CLOSEPOLY
        verts.append(xy)
        codes.append(c)
    return Path(np.concatenate(verts), np.concatenate(codes))


@lru_cache(maxsize=3)
def region_paths(level: str) -> dict[str, Path]:
    """One compound path per region of ``level`` (holes kept: exteriors and holes wound oppositely)."""
    import shapely
    from shapely.geometry.polygon import orient

    out = {}
    for f in web_map.display_geojson(level)["features"]:
        geom = shapely.geometry.shape(f["geometry"])
        rings = []
        for poly in getattr(geom, "geoms", [geom]):
            poly = orient(poly, 1.0)
            rings.append(np.asarray(poly.exterior.coords))
            rings.extend(np.asarray(r.coords) for r in poly.interiors)
        if rings:
            out[f["properties"]["code"]] = _ring_path(rings)
    return out


def figure(view, *, size: tuple[float, float] = A4_LANDSCAPE, labels: bool | None = None) -> Figure:
    """The map of ``view`` as a matplotlib figure (not yet saved); region names when ``labels`` (None: where they
    are shown by default, ``map_labels.shown_by_default``)."""
    level, within = view.spec.level, view.spec.within
    paths = region_paths(level)
    codes = [c for c in paths if (not within or lookup.is_within(c, within))
             and (view.codes is None or c in view.codes)]
    fig = Figure(figsize=size, facecolor="white")
    ax = fig.add_axes((0.02, 0.17, 0.96, 0.69))
    ax.set_axis_off()
    hatched = verdict_classes.HATCHED  # no data, and "not yet clear" on the impact map
    has = [c for c in codes if view.classification.color_of(c) not in hatched]
    empty = [c for c in codes if c not in set(has)]
    edge = EDGE_WIDTH[level] if not within else EDGE_WIDTH["province"]
    if has:
        ax.add_collection(PathCollection([paths[c] for c in has],
                                         facecolors=[view.classification.color_of(c) for c in has],
                                         edgecolors="white", linewidths=edge, antialiaseds=True))
    if empty:
        ax.add_collection(PathCollection([paths[c] for c in empty],
                                         facecolors=[view.classification.color_of(c) for c in empty],
                                         edgecolors="white", linewidths=edge, hatch="////"))
    if codes:
        ext = np.concatenate([paths[c].vertices for c in codes])
        (x0, y0), (x1, y1) = ext.min(axis=0), ext.max(axis=0)
        pad = 0.02 * max(x1 - x0, y1 - y0)
        ax.set_xlim(x0 - pad, x1 + pad)
        ax.set_ylim(y0 - pad, y1 + pad)
    ax.set_aspect(1 / np.cos(np.radians((y0 + y1) / 2)) if codes else "equal")
    if codes and (map_labels.shown_by_default(view) if labels is None else labels):
        map_labels.place(ax, codes, level)

    fig.text(0.02, 0.965, catalog.text("briefing.map.title", view.lang), fontsize=11, color="#555555", va="top")
    fig.text(0.02, 0.935, view.title, fontsize=17, fontweight="bold", va="top")
    fig.text(0.02, 0.893, view.subtitle, fontsize=10.5, va="top", wrap=True)
    handles = [Patch(facecolor=color, edgecolor="#999999", label=label,
                     hatch="////" if color in hatched else None) for color, label in view.legend()]
    fig.legend(handles=handles, title=view.metric_label, loc="lower center", bbox_to_anchor=(0.5, 0.065),
               ncol=min(len(handles), 4), fontsize=10, title_fontsize=11, frameon=False, handlelength=2.2,
               handleheight=1.3)
    if view.caption:  # how to read the legend (the impact map)
        fig.text(0.5, 0.045, view.caption, fontsize=8.5, color="#333333", ha="center", va="bottom", wrap=True)
    fig.text(0.02, 0.02, view.source_text, fontsize=7.5, color="#444444", va="bottom")
    if view.note:
        fig.text(0.98, 0.965, view.note, fontsize=11, color="#b2182b", fontweight="bold", ha="right", va="top")
    return fig


def render(view, fmt: str = "png", *, dpi: int = PRINT_DPI, size: tuple[float, float] = A4_LANDSCAPE,
           labels: bool | None = None) -> bytes:
    """The map of ``view`` as PNG (``dpi``, print resolution by default), SVG or PDF bytes; ``labels`` as in
    ``figure``."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    with matplotlib.rc_context(RC):
        fig = figure(view, size=size, labels=labels)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=dpi, facecolor="white",
                    metadata={"Title": view.title} if fmt in ("svg", "pdf") else None)
    return buf.getvalue()
