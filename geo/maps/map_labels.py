"""Region names on the printed maps (PNG, SVG, PDF, and the deck's map picture), placed so that no two names
overlap and none is clipped at the map's edge (issue 17: "Kab. Merau…" cut off at the edge).

Rules:

* On by default where names can be read (``shown_by_default``): the province map, and the regencies or districts
  of one region. The national regency and district maps (514 and 7,285 regions) are drawn without names unless
  asked for; asked for, they get the names that fit by the same rules.
* A name is written centred on its region's label point (the build's point inside the region,
  ``lookup.Region.label_lon``/``label_lat``), with "Kabupaten" shortened to "Kab." and "Administrasi" to "Adm."
  (``short_name``). A name is never moved off its region.
* Placement is greedy by importance: regions by population, most first. A name is kept only when its box as drawn
  (matplotlib's text extent, grown by ``GAP_PT`` on every side for its white backing) lies wholly inside the map's
  axes and meets no name kept before; otherwise it is left out, never clipped.
* Names are DejaVu Sans (the print map's font), dark grey on a light white backing, ``FONT_PT`` points, and stay
  text in SVG and PDF files (searchable, selectable).
"""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.transforms import Bbox

from geo.regions import lookup

FONT_PT = {"province": 7.0, "regency": 6.5, "district": 6.0}
GAP_PT = 1.5  # the backing and a breath of space around every name
# a light white backing (0.15 em of padding, within GAP_PT) keeps names readable on dark classes; a halo drawn
# with path effects would turn the names into outlines, and SVG and PDF files keep them as text
BACKING = {"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.65}
SHORTER = (("Kabupaten ", "Kab. "), ("Administrasi ", "Adm. "))


def short_name(name: str) -> str:
    """The name as printed on a map.

    >>> short_name("Kabupaten Administrasi Kepulauan Seribu"), short_name("Kota Bandung")
    ('Kab. Adm. Kepulauan Seribu', 'Kota Bandung')
    """
    for long, short in SHORTER:
        name = name.replace(long, short)
    return name


def shown_by_default(view) -> bool:
    """Names by default on the province map and on the map of one region's regencies or districts."""
    return view.spec.level == "province" or bool(view.spec.within)


def place(ax, codes, level: str) -> list:
    """Write the names of the regions ``codes`` on the map axes ``ax`` (its limits and aspect already set) by the
    module's rules; returns the matplotlib texts kept, most important first."""
    fig = ax.figure
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)  # a renderer to measure with; saving in any format lays text out the same
    renderer = fig.canvas.get_renderer()
    ax.apply_aspect()
    edge = ax.get_window_extent(renderer)
    gap = GAP_PT * fig.dpi / 72
    regions = [lookup.get(c) for c in codes if lookup.exists(c)]
    regions = [r for r in regions if r.label_lon is not None and r.label_lat is not None]
    regions.sort(key=lambda r: (-(r.population or 0), r.code))
    kept, boxes = [], []
    for r in regions:
        label = ax.text(r.label_lon, r.label_lat, short_name(r.name), fontsize=FONT_PT.get(level, 6.0),
                        color="#222222", ha="center", va="center", bbox=BACKING, clip_on=False, zorder=5)
        box = label.get_window_extent(renderer).expanded(1, 1)
        box = Bbox.from_extents(box.x0 - gap, box.y0 - gap, box.x1 + gap, box.y1 + gap)
        inside = (box.x0 >= edge.x0 and box.y0 >= edge.y0 and box.x1 <= edge.x1 and box.y1 <= edge.y1)
        if inside and not any(box.overlaps(b) for b in boxes):
            kept.append(label)
            boxes.append(box)
        else:
            label.remove()
    return kept
