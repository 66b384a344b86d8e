"""Numbers on chart axes and tooltips in the page's language: "1.000.000", "0,5", "Rp 1,5 M" in Indonesian.

Vega-Lite (altair, ``st.altair_chart``) formats numbers with d3's English locale, and Streamlit cannot set another
one. So the charts do not use ``format``: they write their labels with a Vega expression (an axis ``labelExpr``, or
a ``calculate`` transform for tooltips) that formats the English way with d3 and then swaps the separators by
``geo.text.numbers.SEPARATORS`` — the same rule as every number in the app's text.

* ``number_expr(field, lang, decimals)``: thousands grouped, at most ``decimals`` decimals, trailing zeros dropped.
* ``rupiah_expr(field, lang)``: an amount with a short scale word ("Rp 250 jt", "Rp 1,5 M", "Rp 2 T"; English
  "Rp 1.5 bn"), the words from the catalog (``numbers.short.*``).
* ``number_axis`` / ``rupiah_axis``: an ``alt.Axis`` labelled that way (whole-number axes tick at whole numbers).
"""

from __future__ import annotations

import altair as alt

from geo.text import catalog
from geo.text.numbers import SEPARATORS

_SCALES = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand")]  # largest first


def _localised(expr: str, lang: str) -> str:
    """``expr`` (an English-formatted number) with the language's separators, via a placeholder for the swap."""
    decimal, thousands = SEPARATORS.get(lang, SEPARATORS["en"])
    if (decimal, thousands) == (".", ","):
        return expr
    return (f"replace(replace(replace({expr}, regexp(',', 'g'), '_'), regexp('\\\\.', 'g'), '{decimal}'), "
            f"regexp('_', 'g'), '{thousands}')")


def number_expr(field: str, lang: str, decimals: int = 2) -> str:
    """A Vega expression writing ``field``: 1000000 → "1.000.000", 0.5 → "0,5" (id); "1,000,000", "0.5" (en)."""
    return _localised(f"format({field}, ',.{int(decimals)}~f')", lang)


def rupiah_expr(field: str, lang: str) -> str:
    """A Vega expression writing an amount with a short scale word: 1.5e9 → "Rp 1,5 M" (id), "Rp 1.5 bn" (en)."""
    expr = f"'Rp ' + {number_expr(field, lang, 0)}"
    for scale, name in reversed(_SCALES):  # the innermost test is the largest scale
        word = catalog.text(f"numbers.short.{name}", lang)
        shown = number_expr(f"{field} / {scale}", lang, 1)
        expr = f"abs({field}) >= {scale} ? 'Rp ' + {shown} + ' {word}' : ({expr})"
    return expr


def number_axis(lang: str, decimals: int = 2, **kwargs) -> alt.Axis:
    """With ``decimals=0`` (counts, months) the ticks are whole numbers, never 0.5 written as a rounded "1"."""
    if decimals == 0:
        kwargs.setdefault("tickMinStep", 1)
    return alt.Axis(labelExpr=number_expr("datum.value", lang, decimals), **kwargs)


def rupiah_axis(lang: str, **kwargs) -> alt.Axis:
    return alt.Axis(labelExpr=rupiah_expr("datum.value", lang), **kwargs)
