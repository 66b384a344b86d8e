"""Streamlit's icon font cut down to the icons this app can show: 66 KB instead of 375 KB on a first visit.

Why: the icons (``:material/map:`` in the navigation, the expanders' arrows …) come from one font, Material
Symbols Rounded, with all its 4,309 icons: the largest file of a first visit (a quarter of its bytes; 1.5 s on a
2 Mbit/s link).

Rules:

* An icon is a ligature: its name typed in the font becomes its picture. Kept: every icon whose name appears as a
  word in Streamlit's front-end scripts (its own icons: arrows, close, download …) or in this app's Python code
  (``:material/…:``); with them the letters, digits and ``_`` that spell the names. A generous set (678 of 4,309
  with Streamlit 1.67): a word such as ``map`` or ``check`` counts even where it is not an icon, so no icon the
  app draws is ever missing.
* Made with fontTools (already installed with matplotlib) and written as WOFF2 (``brotli``), at ``serve`` start,
  into the run folder. nginx sends it at the original font's URL with ``no-cache``: a returning browser asks again
  (a 304 while unchanged), so an icon added in a later version of the app reaches it the first time it is used.
* Without ``run.py serve`` (``run.py app``) Streamlit sends its whole font, as before.

Measured by ``bench/bench_serve.py`` (first visit on the emulated links: bytes and time).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = ("app.py", "app_pages", "ui", "geo")  # where this app names icons


def static_media() -> Path:
    import streamlit

    return Path(streamlit.__file__).parent / "static" / "static" / "media"


def font_file(media: Path | None = None) -> Path:
    """Streamlit's Material Symbols Rounded font (its name carries a content hash)."""
    found = sorted((media or static_media()).glob("MaterialSymbols-Rounded.*.woff2"))
    if len(found) != 1:
        raise FileNotFoundError(f"one MaterialSymbols-Rounded font expected in {media or static_media()}: {found}")
    return found[0]


def ligatures(font) -> dict[str, str]:
    """Icon name → the glyph it becomes, read from the font's ligature table (GSUB)."""
    char_of = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    out = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            for first, endings in getattr(table, "ligatures", {}).items():
                for lig in endings:
                    sequence = [first, *lig.Component]
                    if all(g in char_of for g in sequence):
                        out["".join(char_of[g] for g in sequence)] = lig.LigGlyph
    return out


def words_in_use(static_js: Path | None = None, code_root: Path = ROOT) -> set[str]:
    """Every lower-case word of Streamlit's front-end scripts and of this app's Python code."""
    static_js = static_js or static_media().parent / "js"
    files = list(static_js.glob("*.js"))
    for part in CODE:
        path = code_root / part
        files += [path] if path.is_file() else list(path.rglob("*.py"))
    words: set[str] = set()
    for path in files:
        words.update(re.findall(r"[a-z0-9_]+", path.read_text(encoding="utf-8", errors="ignore")))
    return words


def subset(source: Path | None = None, words: set[str] | None = None) -> tuple[bytes, list[str]]:
    """The cut-down font (WOFF2 bytes) and the icon names it keeps."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source or font_file()))
    names = ligatures(font)
    words = words_in_use() if words is None else words
    kept = sorted(n for n in names if n in words)
    options = ft_subset.Options()
    options.layout_features = ["*"]
    options.layout_closure = False  # keep only the ligatures asked for, not every icon spelt with these letters
    options.flavor = "woff2"
    cutter = ft_subset.Subsetter(options)
    cutter.populate(text="".join(sorted(set("".join(kept)))), glyphs=[names[n] for n in kept])
    cutter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue(), kept


def write(run_dir: Path) -> tuple[str, Path]:
    """Write the cut-down font into ``run_dir``; returns the original font's URL path and the file nginx sends."""
    original = font_file()
    data, _ = subset(original)
    path = run_dir / "icons" / original.name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return f"/static/media/{original.name}", path
