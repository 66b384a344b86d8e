"""The cooperation flow (``geo.analysis.flow``) as a picture for files (PNG, matplotlib): a box per stage where the
flow places it, with how many agreements were ever there and how many are now; an arrow per recorded move, as
thick as its count (square root), with the count on it. Numbers in the language's format, DejaVu Sans (ships
with matplotlib): nothing is fetched. The app draws the same diagram with altair (``ui.charts.flow_chart``).
"""

from __future__ import annotations

import io
import math

import matplotlib

matplotlib.use("Agg")
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

from geo.analysis.flow import COLOURS, Flow  # noqa: E402
from geo.maps.print_map import RC  # noqa: E402
from geo.text.catalog import text  # noqa: E402

BOX_W, BOX_H = 0.62, 0.34


def _offset(row, gap: float = 0.07) -> tuple[float, float]:
    """A move drawn beside the opposite one (both recorded) instead of on top of it."""
    if not row.back:
        return 0.0, 0.0
    dx, dy = row.x2 - row.x, row.y2 - row.y
    length = math.hypot(dx, dy) or 1.0
    return -dy / length * gap, dx / length * gap


def _edge_of_box(x: float, y: float, dx: float, dy: float, pad: float = 0.03) -> tuple[float, float]:
    """Where a line from the box's centre in direction (dx, dy) leaves the box (plus ``pad``)."""
    hw, hh = BOX_W / 2 + pad, BOX_H / 2 + pad
    t = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
    return x + dx * t, y + dy * t


def figure(flow: Flow, lang: str = "id", *, size: tuple[float, float] = (11.0, 4.6)):
    with plt.rc_context(RC):
        fig, ax = plt.subplots(figsize=size)
        ax.set_xlim(-0.5, 3.5)
        ax.set_ylim(-0.35, 1.35)
        ax.axis("off")
        edges = flow.edges(lang)
        top = max([1, *edges["count"]])
        for row in edges.itertuples(index=False):
            ox, oy = _offset(row)
            width = 0.8 + 5 * math.sqrt(row.count / top)
            dx, dy = row.x2 - row.x, row.y2 - row.y
            start = _edge_of_box(row.x + ox, row.y + oy, dx, dy)
            end = _edge_of_box(row.x2 + ox, row.y2 + oy, -dx, -dy)
            ax.annotate("", xy=end, xytext=start,
                        arrowprops=dict(arrowstyle="-|>", lw=width, color="#08519c" if row.count else "#bbbbbb",
                                        shrinkA=0, shrinkB=0, mutation_scale=12 + width, alpha=0.75))
            ax.text(start[0] + (end[0] - start[0]) * row.at, start[1] + (end[1] - start[1]) * row.at, row.count_text, ha="center", va="center",
                    fontsize=10, color="#08306b", bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none"))
        for node in flow.nodes(lang).itertuples(index=False):
            ax.add_patch(FancyBboxPatch((node.x - BOX_W / 2, node.y - BOX_H / 2), BOX_W, BOX_H,
                                        boxstyle="round,pad=0.02", fc=COLOURS[node.stage], ec="#444444",
                                        lw=1, zorder=3))
            ax.text(node.x, node.y + 0.06, node.label, ha="center", va="center", fontsize=12, fontweight="bold",
                    zorder=4)
            ax.text(node.x, node.y - 0.08, text("flow.node", lang, reached=node.reached_text, now=node.now_text),
                    ha="center", va="center", fontsize=9.5, zorder=4)
        fig.tight_layout()
    return fig


def png(flow: Flow, lang: str = "id", *, dpi: int = 200) -> bytes:
    fig = figure(flow, lang)
    buf = io.BytesIO()
    with plt.rc_context(RC):
        fig.savefig(buf, format="png", dpi=dpi)
    plt.close(fig)
    return buf.getvalue()
