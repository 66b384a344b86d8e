"""Classes of the impact map: did visits work, and is it real? Each visited region by its first visit's verdict
(``geo.analysis.verdict``) and the verdict's size per year. The change map (``geo.analysis.change``: agreements a
year against the period before) uses the same classes with each region's change verdict; it has no "not visited".

Rules (a diverging scale on the verdict, never the 0–100 score):

* a clear rise ("Naik, jelas") is one of two teal shades by its size per year (``Verdict.per_year``): the darker
  at or above ``threshold``, the lighter below; a clear fall ("Turun, jelas") likewise in two browns;
* "Belum pasti" (the 95% interval includes zero) is a neutral pale colour (``UNCLEAR_COLOR``, hatched on the print
  map), whatever its point estimate: an unclear change is not drawn as a rise or a fall;
* "Data belum cukup" has its own pale lavender, off the scale;
* a region never visited is ``classes.NOT_VISITED_COLOR`` ("Belum dikunjungi"), never on the impact scale; a region
  without a verdict otherwise is "no data" (``classes.NO_DATA_COLOR``);
* ``threshold`` is the median size per year of the clear verdicts shown (rise or fall), rounded as the verdict
  writes amounts (``verdict.decimals_for``), so the legend's "≥ 2" is exactly the rule; with no clear verdict, or a
  threshold that rounds to zero, each direction has one shade;
* only the classes some region shown is in are listed, in the order of the scale (rise, unclear, fall, too little
  data); the legend words are in ``geo/text/words/verdict.py`` (keys ``verdict.map.*``).

    >>> from geo.analysis import verdict
    >>> vs = {"a": verdict.decide(0.3, 0.1, 0.5), "b": verdict.decide(0.05, 0.01, 0.09),
    ...       "c": verdict.decide(0.1, -0.1, 0.3), "d": None}
    >>> c = classify(vs, not_visited={"d"})
    >>> [c.color_of(k) == color for k, color in zip("abcd", (UP_COLORS[1], UP_COLORS[0], UNCLEAR_COLOR,
    ...                                                        classes.NOT_VISITED_COLOR))]
    [True, True, True, True]
    >>> [label for _, label in c.legend(str, "id")]
    ['Naik, jelas: ≥ 2 per tahun', 'Naik, jelas: < 2 per tahun', 'Belum pasti']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.analysis import verdict as verdicts
from geo.maps import classes

UP_COLORS = ("#5ab4ac", "#01665e")  # ColorBrewer BrBG: smaller, larger rise
DOWN_COLORS = ("#d8b365", "#8c510a")  # smaller, larger fall
UNCLEAR_COLOR = "#f5f5f5"  # BrBG's neutral middle
TOO_LITTLE_COLOR = "#dadaeb"  # ColorBrewer Purples: off the brown–teal scale
HATCHED = frozenset({classes.NO_DATA_COLOR, UNCLEAR_COLOR})  # drawn hatched on the print map
ORDER = ("up_large", "up_small", "up", "unclear", "down", "down_small", "down_large", "too_little_data")


def threshold(found: dict) -> float | None:
    """The size per year splitting large from small clear changes: the median of the clear ones, rounded as the
    verdict writes it (None: no clear verdict, or it rounds to zero).

    >>> from geo.analysis import verdict
    >>> threshold({"a": verdict.decide(0.3, 0.1, 0.5), "b": verdict.decide(-0.05, -0.09, -0.01)})
    2.0
    """
    sizes = [abs(v.per_year) for v in found.values() if v is not None and v.clear]
    if not sizes:
        return None
    m = float(np.median(sizes))
    t = round(m, verdicts.decimals_for(m))
    return t if t > 0 else None


def kind_of(v, cut: float | None) -> str | None:
    """The map class of one verdict (None: no verdict)."""
    if v is None:
        return None
    if v.kind in ("unclear", "too_little_data"):
        return v.kind
    if cut is None:
        return v.kind
    return f"{v.kind}_{'large' if abs(v.per_year) >= cut else 'small'}"


COLORS = {"up_large": UP_COLORS[1], "up_small": UP_COLORS[0], "up": UP_COLORS[1], "unclear": UNCLEAR_COLOR,
          "down": DOWN_COLORS[1], "down_small": DOWN_COLORS[0], "down_large": DOWN_COLORS[1],
          "too_little_data": TOO_LITTLE_COLOR}


def classify(found: dict, *, not_visited=()) -> classes.Classification:
    """The classification of regions (``found``: region → its first visit's ``Verdict``, None without one);
    ``not_visited``: regions never visited."""
    cut = threshold(found)
    kinds = {c: kind_of(v, cut) for c, v in found.items()}
    present = [k for k in ORDER if k in set(kinds.values())]
    index = pd.Index(list(found), dtype=object)
    region_class = pd.Series([present.index(kinds[c]) if kinds[c] else np.nan for c in index], index=index,
                             dtype=float)
    labels = tuple(f"verdict.map.{k}" for k in present)
    shown = frozenset(c for c in not_visited if c in found)
    return classes.Classification("verdict", list(range(len(present))), 0.0, [COLORS[k] for k in present],
                                  region_class, False, shown, labels=labels, cut=cut)
