"""Hostile and ordinary evidence files, made at test time (no external images)."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageDraw
from pypdf import PdfWriter

SCRIPT = b"<script>window.__xss=1</script>"


def photo(size=(64, 48), fmt="JPEG", color=(200, 60, 40), **save) -> bytes:
    im = Image.new("RGB", size, color)
    ImageDraw.Draw(im).rectangle((0, 0, size[0] // 2, size[1] // 2), fill=(20, 90, 160))
    out = io.BytesIO()
    im.save(out, fmt, **save)
    return out.getvalue()


def svg_with_script() -> bytes:
    return (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            + SCRIPT + b'<rect width="10" height="10"/></svg>')


def polyglot_jpeg() -> bytes:
    """A real JPEG with an HTML comment segment and a whole HTML page with script appended after its end."""
    exif = Image.Exif()
    exif[0x010E] = "<img src=x onerror=alert(1)>"  # ImageDescription
    base = photo(exif=exif, comment=b"<html>" + SCRIPT + b"</html>")
    return base + b"<html><body>" + SCRIPT + b"</body></html>"


def declared_huge_png(side: int = 30000) -> bytes:
    """A PNG of a few dozen bytes whose header declares ``side`` × ``side`` pixels (a decompression bomb)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
            + chunk(b"IEND", b""))


def declared_huge_jpeg(side: int = 30000) -> bytes:
    """A small JPEG whose frame header (SOF) is patched to declare ``side`` × ``side`` pixels."""
    data = bytearray(photo())
    at = data.find(b"\xff\xc0")
    data[at + 5:at + 9] = struct.pack(">HH", side, side)
    return bytes(data)


def one_page_writer() -> PdfWriter:
    w = PdfWriter()
    w.add_blank_page(595, 842)
    return w


def written(w: PdfWriter) -> bytes:
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def plain_pdf() -> bytes:
    return written(one_page_writer())


def pdf_with_javascript() -> bytes:
    """A document-level script (the /Names /JavaScript tree)."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    w = one_page_writer()
    action = w._add_object(DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                                             NameObject("/JS"): TextStringObject("app.alert('x');")}))
    tree = w._add_object(DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("a"), action])}))
    w._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})
    return written(w)


def pdf_with_embedded_file() -> bytes:
    w = one_page_writer()
    w.add_attachment("run.exe", b"MZ not really")
    return written(w)


def pdf_opening_with_launch() -> bytes:
    """An /OpenAction that launches a program, its names hidden behind ``#xx`` escapes."""
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    w = one_page_writer()
    w._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")})
    return written(w).replace(b"/Launch", b"/L#61unch")
