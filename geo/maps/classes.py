"""Classes, colours and legends for choropleth maps (mapclassify for the class breaks).

Rules:

* "No data" (a region without a value) is drawn in its own hatched grey, never as the lowest class; zero is a value
  like any other. A region never visited, on the impact score map (no score: ``geo.analysis.score``), is drawn in
  its own darker grey ``NOT_VISITED_COLOR`` with the legend entry "Belum dikunjungi" / "Not visited", apart from
  "no data".
* Palettes are ColorBrewer schemes that are safe for colour-blind readers.
* Breaks are mapclassify's (Quantiles, EqualInterval, FisherJenks, UserDefined); ``bins`` are the classes'
  upper bounds (a class holds the values above the previous bound up to its own), the last one the largest value.
  Repeated bounds and bounds below the smallest value are dropped, so no class is empty or repeated; a value is
  classed by the value alone, so equal values always share a class.
* Counts (``integer=True``, and every value a whole number): bounds are whole numbers (rounded down), and a class
  reads from the whole number after the previous bound to its own — "0", "1–2", "3–5", "6–68" — so no value is in
  two classes' labels. A class of one value reads as that value.
* Other measures (rates, rupiah, shares, scores): the classes are half-open and say so — "≤ 2", "> 2 s.d. 5",
  "> 5" — so a value sits in exactly one label. With ``snap`` (the value as the legend writes it: ``written``),
  bounds are the numbers written and values are classed as written, so a value written "28" is never above a
  bound written "28"; bounds written alike are one bound (their classes merged), so no two classes read the same.
* Natural breaks are the same for the same values, every time (a shared link or an exported map shows the classes
  the screen showed): Fisher–Jenks, exact, on the values or, above ``JENKS_POINTS`` values, on that many of their
  quantiles. (mapclassify's ``NaturalBreaks`` is k-means from a random start: three loads of one view gave three
  legends; its exact ``FisherJenks`` takes 0.3 s for 514 values without numba, and grows with their square.)
* When every value is the same there is one class, and its legend says so ("semua daerah: 0"), never "0 – 0";
  the same when every value is written the same.

    >>> import pandas as pd
    >>> from geo.maps import classes
    >>> values = pd.Series({"31": 1.0, "32": 2.0, "33": 3.0, "34": 4.0, "35": 10.0, "36": None}, dtype=float)
    >>> c = classes.classify(values, scheme="equal_interval", k=3)
    >>> c.bins, c.lower
    ([4.0, 7.0, 10.0], 1.0)
    >>> c.color_of("35"), c.color_of("36") == classes.NO_DATA_COLOR
    ('#0c2c84', True)
    >>> counts = pd.Series({"a": 0, "b": 0, "c": 1, "d": 2, "e": 4, "f": 68}, dtype=float)
    >>> [label for _, label in classes.classify(counts, scheme="user", user_breaks=[0, 2, 5], integer=True)
    ...  .legend(lambda v: f"{v:g}")]
    ['0', '1–2', '3–5', '6–68']
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import mapclassify
import numpy as np
import pandas as pd

from geo.analysis import verdict as verdicts
from geo.text import numbers
from geo.text.catalog import text

SCHEMES = ("quantiles", "equal_interval", "natural_breaks", "user")
# ColorBrewer, colour-blind safe (sequential; diverging for signed values)
PALETTES = {
    "YlGnBu": ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
    "YlOrBr": ["#ffffd4", "#fee391", "#fec44f", "#fe9929", "#ec7014", "#cc4c02", "#8c2d04"],
    "PuBu": ["#f1eef6", "#d0d1e6", "#a6bddb", "#74a9cf", "#3690c0", "#0570b0", "#034e7b"],
    "BrBG": ["#8c510a", "#d8b365", "#f6e8c3", "#f5f5f5", "#c7eae5", "#5ab4ac", "#01665e"],
}
NO_DATA_COLOR = "#d9d9d9"
NOT_VISITED_COLOR = "#969696"  # ColorBrewer Greys: darker than "no data", lighter than no class colour's darkest


@dataclass
class Classification:
    scheme: str
    bins: list[float]  # upper bounds of the classes
    lower: float
    colors: list[str]
    classes: pd.Series  # region -> class index (NaN for no data)
    integer: bool = False  # whole-number bounds and labels (counts)
    not_visited: frozenset = frozenset()  # regions drawn as "not visited" (the impact map)
    labels: tuple[str, ...] = ()  # named classes (the impact map, ``geo.maps.verdict_classes``): catalog keys
    cut: float | None = None  # named classes: the size per year splitting large from small ("{n}" in the labels)

    def color_of(self, region) -> str:
        if region in self.not_visited:
            return NOT_VISITED_COLOR
        k = self.classes.get(region)
        return NO_DATA_COLOR if k is None or pd.isna(k) else self.colors[int(k)]

    @property
    def ranges(self) -> list[tuple[float, float]]:
        """(lowest, highest) value each class can hold: counts from the whole number after the previous bound."""
        out, low = [], self.lower
        for high in self.bins:
            out.append((low, high))
            low = high + 1 if self.integer else high
        return out

    @property
    def all_equal(self) -> bool:
        return len(self.bins) == 1 and self.bins[0] == self.lower

    def legend(self, fmt, lang: str = "id") -> list[tuple[str, str]]:
        """(colour, label) per class, bounds formatted with ``fmt`` (the no-data and not-visited entries are the
        map view's, ``geo.maps.map_view.View.legend``).

        >>> import pandas as pd
        >>> values = pd.Series({"31": 1.0, "32": 2.0, "33": 3.0, "34": 4.0, "35": 10.0})
        >>> classify(values, scheme="user", user_breaks=[2, 5]).legend(lambda v: f"{v:g}")
        [('#ffffcc', '≤ 2'), ('#41b6c4', '> 2 s.d. 5'), ('#0c2c84', '> 5')]
        >>> classify(pd.Series([0.0, 0.0, 0.0]), integer=True).legend(lambda v: f"{v:g}", "en")
        [('#ffffcc', 'all regions: 0')]
        """
        if self.labels:
            n = verdicts.amount(self.cut, lang) if self.cut is not None else ""
            return [(color, text(key, lang, n=n)) for color, key in zip(self.colors, self.labels)]
        if not self.bins:
            return []
        if self.all_equal or (len(self.bins) == 1 and fmt(self.lower) == fmt(self.bins[0])):
            return [(self.colors[0], text("maps.all_equal", lang, value=fmt(self.lower)))]
        if len(self.bins) == 1:
            return [(self.colors[0], f"{fmt(self.lower)} – {fmt(self.bins[0])}")]
        out = []
        last = len(self.bins) - 1
        for i, (color, (low, high)) in enumerate(zip(self.colors, self.ranges)):
            a, b = fmt(low), fmt(high)
            if self.integer:
                out.append((color, a if a == b else f"{a}–{b}"))
            elif i == 0:
                out.append((color, text("maps.class.first", lang, high=b)))
            elif i == last:
                out.append((color, text("maps.class.last", lang, low=a)))
            else:
                out.append((color, text("maps.class.middle", lang, low=a, high=b)))
        return out


def _pick_colors(palette: str, k: int) -> list[str]:
    base = PALETTES[palette]
    if k >= len(base):
        return base
    idx = np.round(np.linspace(0, len(base) - 1, k)).astype(int)
    return [base[i] for i in idx]


def classify(values: pd.Series, *, scheme: str = "quantiles", k: int = 5, user_breaks: list[float] | None = None,
             palette: str = "YlGnBu", integer: bool = False, not_visited=(), snap=None) -> Classification:
    """Class every region with a value; regions with NaN are "no data" (or "not visited" when in ``not_visited``).

    ``k`` is lowered to the number of distinct values; user breaks at or above the largest value are dropped;
    repeated bounds are dropped (fewer classes rather than an empty or repeated one). ``integer``: whole-number
    bounds, when every value is a whole number (counts). ``snap``: a value as the legend writes it (``written``):
    bounds and values are compared as written, bounds written alike are one.

    >>> import pandas as pd
    >>> values = pd.Series({"31": 1.0, "32": 2.0, "33": 3.0, "34": 4.0, "35": 10.0, "36": float("nan")})
    >>> classify(values, scheme="quantiles", k=2).bins
    [3.0, 10.0]
    >>> c = classify(values, scheme="user", user_breaks=[2, 5, 50])
    >>> c.bins, c.classes.tolist()
    ([2.0, 5.0, 10.0], [0.0, 0.0, 1.0, 1.0, 2.0, nan])
    >>> c = classify(pd.Series([0.0, 1, 1, 2, 31, 68, 68, 74]), scheme="quantiles", k=4, integer=True)
    >>> c.bins, [label for _, label in c.legend(str)]
    ([1.0, 16.0, 68.0, 74.0], ['0.0–1.0', '2.0–16.0', '17.0–68.0', '69.0–74.0'])
    """
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {SCHEMES}")
    shown = frozenset(c for c in not_visited if c in values.index)
    present = values.dropna().astype(float)
    if present.empty:
        return Classification(scheme, [], 0.0, [], pd.Series(np.nan, index=values.index), integer, shown)
    y = present.to_numpy()
    integer = bool(integer and np.all(y == np.round(y)))
    distinct = len(np.unique(y))
    k = max(1, min(k, distinct))
    if scheme == "user":
        if not user_breaks:
            raise ValueError("user breaks are required for scheme 'user'")
        breaks = sorted(b for b in user_breaks if b < y.max())
        c = mapclassify.UserDefined(y, bins=breaks + [float(y.max())])
    elif k == 1:
        c = mapclassify.UserDefined(y, bins=[float(y.max())])
    elif scheme == "quantiles":
        c = mapclassify.Quantiles(y, k=k)
    elif scheme == "equal_interval":
        c = mapclassify.EqualInterval(y, k=k)
    else:
        c = mapclassify.UserDefined(y, bins=natural_breaks(y, k))
    raw = [float(np.floor(b)) if integer else float(b) for b in c.bins]
    if snap is not None and not integer:  # bounds and values as written: a set, so bounds written alike are one
        y = np.array([snap(v) for v in y], dtype=float)
        raw = [snap(b) for b in raw]
    bins = sorted({b for b in raw if b >= y.min() and b < y.max()} | {float(y.max())})
    classes = pd.Series(np.nan, index=values.index)
    # a value belongs to the first class whose upper bound is at or above it: by value alone, so ties share a class
    classes.loc[present.index] = np.searchsorted(np.array(bins), y, side="left")
    return Classification(scheme, bins, float(y.min()), _pick_colors(palette, len(bins)), classes, integer, shown)


JENKS_POINTS = 300


def natural_breaks(y: np.ndarray, k: int) -> list[float]:
    """Fisher–Jenks class bounds of ``y`` (at most ``k`` classes, the last bound its largest value), the same for
    the same values every time.

    >>> natural_breaks(np.array([1, 2, 3, 10, 11, 12, 30, 31.0]), 3)
    [3.0, 12.0, 31.0]
    """
    sample = np.asarray(y, dtype=float)
    if len(sample) > JENKS_POINTS:
        sample = np.quantile(sample, np.linspace(0, 1, JENKS_POINTS))
    k = max(1, min(k, len(np.unique(sample))))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Numba not installed. Using slow pure python version."
        bins = mapclassify.FisherJenks(sample, k=k).bins if k > 1 else [sample.max()]
    return [float(b) for b in bins[:-1]] + [float(np.max(y))]


def ranks(values: pd.Series) -> pd.Series:
    """1 = highest value among peers; no data gets no rank.

    >>> import pandas as pd
    >>> ranks(pd.Series([3.0, 10.0, float("nan"), 3.0])).tolist()
    [2.0, 1.0, nan, 2.0]
    """
    return values.rank(ascending=False, method="min")


def written(unit: str):
    """The value as ``value_formatter`` writes it, as a number (``classify``'s ``snap``): 67.6 → 68.0 for a score,
    0.4567 → 0.46 for a rate or share (46%), 1_234_000_000 → 1_200_000_000 for rupiah ("Rp 1,2 miliar").

    >>> written("score")(67.6), written("rate")(0.4567), written("share")(0.4567), written("rupiah")(1_234_000_000)
    (68.0, 0.46, 0.46, 1200000000.0)
    >>> written("rupiah")(999_999_999), written("rupiah")(745_321.4)
    (1000000000.0, 745321.0)
    """
    if unit == "rupiah":
        return _rupiah_written
    decimals = {"rate": 2, "share": 2}.get(unit, 0)
    return lambda v: float(round(float(v), decimals))


def _rupiah_written(value: float) -> float:
    """The number ``numbers.rupiah`` writes (same steps: in full below a million, else one decimal of its scale)."""
    sign, v = (-1.0 if value < 0 else 1.0), abs(float(value))
    scales = [scale for scale, _ in numbers._SCALES]
    if round(v) < scales[0]:
        return sign * float(round(v))
    for i, scale in enumerate(scales):
        shown = v / scale
        rounded = round(shown, 0 if shown >= 100 or shown == int(shown) else 1)
        if i == len(scales) - 1 or (rounded < 1000 and v < scales[i + 1]):
            return sign * float(rounded * scale)
    raise AssertionError("unreachable")


def value_formatter(unit: str, lang: str = "id"):
    if unit == "rupiah":
        return lambda v: numbers.rupiah(v, lang)
    if unit == "share":
        return lambda v: numbers.percent(v, 0, lang)
    if unit == "score":
        return lambda v: numbers.number(v, 0, lang)
    if unit == "per_year":  # a verdict's size per year, signed (the impact map)
        return lambda v: ("+" if v > 0 else "−" if v < 0 else "") + verdicts.amount(v, lang)
    if unit == "rate":
        return lambda v: numbers.number(v, 2, lang)
    return lambda v: numbers.number(v, 0, lang)
