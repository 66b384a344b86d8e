"""How much text fits in a box of a slide: text measured, wrapped into lines and shortened with "…" (issue 17,
"decks that fit"). Pure arithmetic on font metrics: no python-pptx, no renderer.

Rules:

* Text is measured with the advance widths of DejaVu Sans (regular or bold), the font that ships with
  matplotlib. LibreOffice draws the deck's theme font (Calibri) in DejaVu Sans when Calibri is missing, and
  DejaVu Sans is wider than Calibri and Carlito, so a text that fits by this measure fits in PowerPoint too.
  Kerning is ignored (it only narrows a line).
* Lines break at spaces only; a renderer that also breaks after "/" or "-" needs no more lines than this. A word
  wider than the whole line is broken between characters, as renderers do. ``"\\n"`` starts a new paragraph.
* A line is ``LINE_HEIGHT`` (1.22) × the font size high: PowerPoint sets Calibri 1.22 em apart, LibreOffice
  DejaVu Sans 1.164 em.
* A text that needs more lines than allowed is cut at a word boundary and ends in "…" (``ELLIPSIS``); whoever
  shortens a text keeps the full one elsewhere (the deck puts it in the slide's notes).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import matplotlib

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT_FILES = {False: FONT_DIR / "DejaVuSans.ttf", True: FONT_DIR / "DejaVuSans-Bold.ttf"}
LINE_HEIGHT = 1.22  # × font size
ELLIPSIS = "…"
_UNIT = 100.0  # glyphs are measured at 100 pt and scaled


@lru_cache(maxsize=2)
def _font(bold: bool):
    from matplotlib import ft2font

    font = ft2font.FT2Font(str(FONT_FILES[bold]))
    font.set_size(_UNIT, 72)
    return font


@lru_cache(maxsize=8192)
def _advance(char: str, bold: bool) -> float:
    """The advance width of ``char`` at 1 pt, in points."""
    glyph = _font(bold).load_char(ord(char))
    return glyph.linearHoriAdvance / 65536 / _UNIT


def width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` on one line at ``size`` points, in points.

    >>> width("iii", 12) < width("WWW", 12) and width("Agenda", 12) < width("Agenda", 12, bold=True)
    True
    >>> round(width("Agenda", 24) / width("Agenda", 12), 6)
    2.0
    """
    return sum(_advance(c, bold) for c in text) * size


def _break_word(word: str, room: float, size: float, bold: bool) -> list[str]:
    """A word wider than the line, in pieces that each fit (at least one character each)."""
    pieces, piece = [], ""
    for c in word:
        if piece and width(piece + c, size, bold) > room:
            pieces.append(piece)
            piece = ""
        piece += c
    return pieces + [piece]


def wrap(text: str, room: float, size: float, bold: bool = False) -> list[str]:
    """``text`` as the lines it takes in a box ``room`` points wide at ``size`` points (an empty text: one line).

    >>> wrap("satu dua tiga", width("satu dua", 10) + 0.1, 10)
    ['satu dua', 'tiga']
    """
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if width(candidate, size, bold) <= room:
                line = candidate
                continue
            if line:
                lines.append(line)
            pieces = _break_word(word, room, size, bold) if width(word, size, bold) > room else [word]
            lines.extend(pieces[:-1])
            line = pieces[-1]
        lines.append(line)
    return lines


def line_count(text: str, room: float, size: float, bold: bool = False) -> int:
    return len(wrap(text, room, size, bold))


def shorten(text: str, room: float, size: float, max_lines: int, bold: bool = False) -> str:
    """``text`` itself when it takes at most ``max_lines`` lines; else its longest beginning, cut after a whole word,
    that ends in "…" and takes at most ``max_lines`` lines (paragraph breaks become spaces).

    >>> shorten("satu dua tiga empat", width("satu dua", 10) + 0.1, 10, 1)
    'satu…'
    """
    if line_count(text, room, size, bold) <= max_lines:
        return text
    words = " ".join(str(text).split()).split(" ")
    lo, hi = 0, len(words)  # the most words that fit with the ellipsis: binary search
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if line_count(" ".join(words[:mid]).rstrip(",;:") + ELLIPSIS, room, size, bold) <= max_lines:
            lo = mid
        else:
            hi = mid - 1
    if lo:
        return " ".join(words[:lo]).rstrip(",;:") + ELLIPSIS
    head = ""  # not even the first word fits: cut within it
    for c in words[0]:
        if line_count(head + c + ELLIPSIS, room, size, bold) > max_lines:
            break
        head += c
    return head + ELLIPSIS


def height(lines: int, size: float) -> float:
    """The height of ``lines`` lines at ``size`` points, in points."""
    return lines * size * LINE_HEIGHT
