"""Photos as they are stored: checked by their content, decoded by Pillow, re-encoded, with a thumbnail.

Rules (whatever the file is called):

* Only JPEG, PNG and WebP are opened (``Image.open(..., formats=...)``): SVG, HTML, GIF, TIFF, BMP … are refused,
  so nothing uploaded can reach a browser as markup or script. A file that looks like SVG or HTML gets a message
  of its own.
* At most ``MAX_BYTES`` uploaded and ``MAX_PIXELS`` declared pixels. The pixel count is read from the header,
  before any pixel is decoded: a small file that declares 30000×30000 (a decompression bomb) is refused without
  the memory it would need. Pillow's own bomb guard (warning and error) is turned into the same refusal.
* The stored image is made from the decoded pixels only: the camera's orientation is applied
  (``ImageOps.exif_transpose``), colours in another ICC profile are converted to sRGB, and then every extra is
  dropped — EXIF (with its GPS position), ICC, XMP, comments, text chunks, and whatever follows the image data
  (a "polyglot" JPEG with HTML or JavaScript appended loses it). Longest side at most ``MAX_SIDE`` pixels.
* Images with transparency are stored as PNG, all others as JPEG (quality ``JPEG_QUALITY``); the thumbnail is a
  JPEG of at most ``THUMB_SIDE`` pixels a side.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from geo.text.messages import UserError

FORMATS = ("JPEG", "PNG", "WEBP")
MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 50_000_000  # e.g. 8660 × 5773: more than any camera the ministries use
MAX_SIDE = 2400
THUMB_SIDE = 480
JPEG_QUALITY = 85
MARKUP_SIGNS = (b"<svg", b"<?xml", b"<html", b"<!doctype", b"<script", b"<body")


@dataclass(frozen=True)
class StoredImage:
    content: bytes
    mime: str  # image/jpeg or image/png
    width: int
    height: int
    thumbnail: bytes  # JPEG


def looks_like_markup(data: bytes) -> bool:
    """True when the start of ``data`` reads as SVG, XML or HTML (after a byte-order mark and white space)."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return any(head.startswith(sign) for sign in MARKUP_SIGNS) or b"<svg" in head


def _open(data: bytes) -> Image.Image:
    if len(data) > MAX_BYTES:
        raise UserError("evidence.too_big", mb=MAX_BYTES // (1024 * 1024))
    if looks_like_markup(data):
        raise UserError("evidence.markup")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data), formats=FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UserError("evidence.too_many_pixels", mp=MAX_PIXELS // 1_000_000) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise UserError("evidence.not_image") from exc
    width, height = im.size
    if width < 1 or height < 1 or width * height > MAX_PIXELS:
        raise UserError("evidence.too_many_pixels", mp=MAX_PIXELS // 1_000_000)
    return im


def _to_srgb(im: Image.Image) -> Image.Image:
    """Colours converted from the image's embedded ICC profile to sRGB (unchanged when it has none or it is
    unreadable); the profile itself is not kept."""
    profile = im.info.get("icc_profile")
    if not profile or im.mode not in ("RGB", "RGBA"):
        return im
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(im, source, ImageCms.createProfile("sRGB"), outputMode=im.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return im


def _decoded(im: Image.Image) -> Image.Image:
    """The pixels, upright, in RGB or RGBA, at most ``MAX_SIDE`` a side; decoding errors are ``not_image``."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if im.format == "JPEG":
                im.draft("RGB", (MAX_SIDE, MAX_SIDE))  # decode at a reduced scale when the photo is much larger
            im.load()
            upright = ImageOps.exif_transpose(im)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning) as exc:
        raise UserError("evidence.not_image") from exc
    icc = im.info.get("icc_profile")
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info)
    upright = upright.convert("RGBA" if has_alpha else "RGB")
    if icc:
        upright.info["icc_profile"] = icc
        upright = _to_srgb(upright)
    upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())  # pixels only, no metadata at all
    return clean


def _encode(im: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "PNG":
        im.save(out, "PNG", optimize=True)
    else:
        im.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return out.getvalue()


def prepare(data: bytes) -> StoredImage:
    """The photo as it is stored (``UserError`` with the reason when it is refused)."""
    im = _open(data)
    clean = _decoded(im)
    fmt = "PNG" if clean.mode == "RGBA" else "JPEG"
    thumb = clean.convert("RGB")
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    return StoredImage(_encode(clean, fmt), "image/png" if fmt == "PNG" else "image/jpeg", clean.width,
                       clean.height, _encode(thumb, "JPEG"))
