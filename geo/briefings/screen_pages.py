"""A long table cut into pages for a projector: each page fits the screen without scrolling.

Rule: at most ``ROWS`` rows a page, and a cell longer than ``CHARS`` characters is shortened at a word boundary
with "…" (the page keeps the full table below the picture, so nothing is lost). Why these numbers: in presentation
mode the type grows with the window (``ui.presentation``: tables 0.9 × the root size, 2.3% of the window's
height), so a screen holds about the same number of table lines at 1280×720 as at 1920×1080 — about 26 below the
step bar — and an itinerary's two long columns hold about 50 characters a line: five rows of at most four lines
each, with their header, fit (``tests/browser/test_briefing_browser.py`` measures it at both sizes).

>>> import pandas as pd
>>> frame = pd.DataFrame({"Agenda": ["a " * 100, "b"] * 6})
>>> [len(p) for p in pages(frame)]
[5, 5, 2]
>>> pages(frame)[0]["Agenda"].iloc[0][-5:], pages(frame)[0]["Agenda"].iloc[1]
('a a …', 'b')
"""

from __future__ import annotations

import pandas as pd

ROWS = 5
CHARS = 160


def shorten(text: str, limit: int = CHARS) -> str:
    """``text`` as it is when it has at most ``limit`` characters, else cut at the last space before it, plus "…".

    >>> shorten("Rapat koordinasi dengan Bappeda", 20)
    'Rapat koordinasi …'
    >>> shorten("1. Rapat\\n2) Kunjungan *pasar*")
    '1. Rapat\\n2) Kunjungan *pasar*'
    """
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + " …"


def pages(frame: pd.DataFrame, rows: int = ROWS, chars: int = CHARS) -> list[pd.DataFrame]:
    """``frame`` in pages of at most ``rows`` rows, each text cell shortened to ``chars`` (``shorten``)."""
    short = frame.apply(lambda column: column.map(lambda v: shorten(v, chars) if isinstance(v, str) else v))
    return [short.iloc[i:i + rows] for i in range(0, len(short), rows)] or [short]
