"""Photos are judged by content, re-encoded without extras, and refused when hostile (geo.evidence.images)."""

import io
import tracemalloc

import pytest
from PIL import Image

from geo.evidence import images
from geo.text.messages import UserError
from tests.evidence import hostile_files as hf


def _refusal(data: bytes) -> str:
    with pytest.raises(UserError) as err:
        images.prepare(data)
    return err.value.key


def test_an_svg_with_a_script_is_refused_whatever_it_is_called():
    assert _refusal(hf.svg_with_script()) == "evidence.markup"
    assert _refusal(b"  \n" + hf.svg_with_script().split(b"\n", 1)[1]) == "evidence.markup"
    assert "SVG" in UserError("evidence.markup").text("id")


def test_an_html_page_and_a_gif_are_refused_with_a_message_in_the_users_language():
    assert _refusal(b"<!DOCTYPE html><html>" + hf.SCRIPT) == "evidence.markup"
    gif = hf.photo(fmt="GIF")
    assert _refusal(gif) == "evidence.not_image"
    assert "hanya foto JPEG, PNG atau WebP" in UserError("evidence.not_image").text("id")


def test_a_polyglot_jpeg_is_re_encoded_so_the_appended_html_and_metadata_are_gone():
    data = hf.polyglot_jpeg()
    assert hf.SCRIPT in data and b"onerror" in data
    stored = images.prepare(data)
    assert stored.mime == "image/jpeg"
    assert b"<script" not in stored.content and b"<html" not in stored.content and b"onerror" not in stored.content
    assert b"Exif" not in stored.content
    assert stored.content.endswith(b"\xff\xd9")  # nothing after the end of the image
    again = Image.open(io.BytesIO(stored.content))
    assert again.format == "JPEG" and again.size == (64, 48) and not again.getexif()
    assert b"<script" not in stored.thumbnail


def test_a_png_declaring_30000_by_30000_pixels_is_refused_without_exhausting_memory():
    for data in (hf.declared_huge_png(), hf.declared_huge_jpeg()):
        assert len(data) < 2000
        tracemalloc.start()
        try:
            assert _refusal(data) == "evidence.too_many_pixels"
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 20 * 1024 * 1024  # decoding it would need 2.7 GB


def test_an_image_just_over_the_pixel_limit_is_refused_below_pillows_own_guard():
    side = int(images.MAX_PIXELS ** 0.5) + 10
    assert side * side < Image.MAX_IMAGE_PIXELS  # Pillow alone would decode it
    assert _refusal(hf.declared_huge_png(side)) == "evidence.too_many_pixels"


def test_a_file_over_the_size_limit_is_refused_before_it_is_opened():
    assert _refusal(b"\xff\xd8" + b"\x00" * (images.MAX_BYTES + 1)) == "evidence.too_big"


def test_the_camera_orientation_is_applied_and_the_exif_dropped():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    exif[0x8825] = {1: "S", 2: (6.0, 54.0, 0.0)}  # a GPS position
    stored = images.prepare(hf.photo((80, 40), exif=exif))
    again = Image.open(io.BytesIO(stored.content))
    assert again.size == (40, 80) and (stored.width, stored.height) == (40, 80)
    assert not again.getexif()


def test_a_webp_photo_is_stored_as_jpeg_and_a_transparent_png_as_png_with_a_small_thumbnail():
    assert images.prepare(hf.photo(fmt="WEBP")).mime == "image/jpeg"
    rgba = Image.new("RGBA", (3000, 1000), (0, 0, 0, 0))
    out = io.BytesIO()
    rgba.save(out, "PNG")
    stored = images.prepare(out.getvalue())
    assert stored.mime == "image/png" and max(stored.width, stored.height) == images.MAX_SIDE
    thumb = Image.open(io.BytesIO(stored.thumbnail))
    assert thumb.format == "JPEG" and max(thumb.size) == images.THUMB_SIDE


def test_a_truncated_jpeg_is_refused_as_no_image():
    assert _refusal(hf.photo((400, 300))[:300]) == "evidence.not_image"
