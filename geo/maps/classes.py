"""Classes, colours and legends for choropleth maps (mapclassify for the class breaks).

"No data" (a region without a value) is drawn in its own hatched grey, never as the lowest class;
zero is a value like any other. Palettes are ColorBrewer schemes that are safe for colour-blind readers.
Breaks are mapclassify's (Quantiles, EqualInterval, NaturalBreaks, UserDefined); ``bins`` are the classes'
upper bounds, the last one the largest value.

    >>> import pandas as pd
    >>> from geo.maps import classes
    >>> values = pd.Series({"31": 1.0, "32": 2.0, "33": 3.0, "34": 4.0, "35": 10.0, "36": None}, dtype=float)
    >>> c = classes.classify(values, scheme="equal_interval", k=3)
    >>> c.bins, c.lower
    ([4.0, 7.0, 10.0], 1.0)
    >>> c.color_of("35"), c.color_of("36") == classes.NO_DATA_COLOR
    ('#0c2c84', True)
"""

from __future__ import annotations

from dataclasses import dataclass

import mapclassify
import numpy as np
import pandas as pd

from geo.text import numbers

SCHEMES = ("quantiles", "equal_interval", "natural_breaks", "user")
# ColorBrewer, colour-blind safe (sequential; diverging for signed values)
PALETTES = {
    "YlGnBu": ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
    "YlOrBr": ["#ffffd4", "#fee391", "#fec44f", "#fe9929", "#ec7014", "#cc4c02", "#8c2d04"],
    "PuBu": ["#f1eef6", "#d0d1e6", "#a6bddb", "#74a9cf", "#3690c0", "#0570b0", "#034e7b"],
    "BrBG": ["#8c510a", "#d8b365", "#f6e8c3", "#f5f5f5", "#c7eae5", "#5ab4ac", "#01665e"],
}
NO_DATA_COLOR = "#d9d9d9"


@dataclass
class Classification:
    scheme: str
    bins: list[float]  # upper bounds of the classes
    lower: float
    colors: list[str]
    classes: pd.Series  # region -> class index (NaN for no data)

    def color_of(self, region) -> str:
        k = self.classes.get(region)
        return NO_DATA_COLOR if k is None or pd.isna(k) else self.colors[int(k)]

    def legend(self, fmt) -> list[tuple[str, str]]:
        """(colour, label) per class, bounds formatted with ``fmt``; the no-data entry last.

        >>> import pandas as pd
        >>> values = pd.Series({"31": 1.0, "32": 2.0, "33": 3.0, "34": 4.0, "35": 10.0})
        >>> classify(values, scheme="user", user_breaks=[2, 5]).legend(lambda v: f"{v:g}")
        [('#ffffcc', '1 – 2'), ('#41b6c4', '2 – 5'), ('#0c2c84', '5 – 10')]
        """
        out = []
        low = self.lower
        for color, high in zip(self.colors, self.bins):
            out.append((color, f"{fmt(low)} – {fmt(high)}"))
            low = high
        return out


def _pick_colors(palette: str, k: int) -> list[str]:
    base = PALETTES[palette]
    if k >= len(base):
        return base
    idx = np.round(np.linspace(0, len(base) - 1, k)).astype(int)
    return [base[i] for i in idx]


def classify(values: pd.Series, *, scheme: str = "quantiles", k: int = 5, user_breaks: list[float] | None = None,
             palette: str = "YlGnBu") -> Classification:
    """Class every region with a value; regions with NaN are "no data".

    ``k`` is lowered to the number of distinct values; user breaks at or above the largest value are dropped.

    >>> import pandas as pd
    >>> values = pd.Series({"31": 1.0, "32": 2.0, "33": 3.0, "34": 4.0, "35": 10.0, "36": float("nan")})
    >>> classify(values, scheme="quantiles", k=2).bins
    [3.0, 10.0]
    >>> c = classify(values, scheme="user", user_breaks=[2, 5, 50])
    >>> c.bins, c.classes.tolist()
    ([2.0, 5.0, 10.0], [0.0, 0.0, 1.0, 1.0, 2.0, nan])
    """
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {SCHEMES}")
    present = values.dropna().astype(float)
    if present.empty:
        return Classification(scheme, [], 0.0, [], pd.Series(np.nan, index=values.index))
    y = present.to_numpy()
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
        c = mapclassify.NaturalBreaks(y, k=k, initial=10)
    bins = [float(b) for b in c.bins]
    classes = pd.Series(np.nan, index=values.index)
    classes.loc[present.index] = c.yb
    return Classification(scheme, bins, float(y.min()), _pick_colors(palette, len(bins)), classes)


def ranks(values: pd.Series) -> pd.Series:
    """1 = highest value among peers; no data gets no rank.

    >>> import pandas as pd
    >>> ranks(pd.Series([3.0, 10.0, float("nan"), 3.0])).tolist()
    [2.0, 1.0, nan, 2.0]
    """
    return values.rank(ascending=False, method="min")


def value_formatter(unit: str, lang: str = "id"):
    if unit == "rupiah":
        return lambda v: numbers.rupiah(v, lang)
    if unit == "share":
        return lambda v: numbers.percent(v, 0, lang)
    if unit == "score":
        return lambda v: numbers.number(v, 0, lang)
    if unit == "rate":
        return lambda v: numbers.number(v, 2, lang)
    return lambda v: numbers.number(v, 0, lang)
