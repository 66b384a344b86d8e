"""Photos in the region brief (PDF) and the deck (PPTX), read back with pypdf and python-pptx: the region's newest
photos with their captions and credits when it has some, no photo section or slide when it has none."""

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from geo.analysis.context import Context
from geo.briefings import deck, maker, region_brief
from geo.db import storage
from geo.evidence import gallery
from geo.maps import map_view


@pytest.fixture(scope="module")
def sample_engine(sample_database):
    eng = storage.make_engine(f"sqlite:///{sample_database}")
    yield eng
    eng.dispose()


@pytest.fixture(scope="module")
def ctx(sample_frames):
    return Context(*sample_frames)


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_region_brief_carries_the_regions_photos_with_caption_and_credit(sample_engine, ctx):
    photos = maker.region_photos(sample_engine, "32")
    assert 2 <= len(photos) <= region_brief.MAX_PHOTOS
    pdf = maker.make("pdf", ctx, region="32", photos=photos)
    text = _text(pdf)
    assert "Foto kegiatan" in text and "Foto: Sinergi (gambar simulasi)" in text
    assert photos[0][0].caption[:30] in text.replace("\n", " ")
    pictures = sum(len(p.images) for p in PdfReader(io.BytesIO(pdf)).pages)
    without = maker.make("pdf", ctx, region="32")
    assert "Foto kegiatan" not in _text(without)
    assert pictures - sum(len(p.images) for p in PdfReader(io.BytesIO(without)).pages) == len(photos)


def test_a_region_without_photos_has_no_photo_section(sample_engine, ctx):
    code = next(c for c in ("91", "94", "95", "96", "97", "81", "82")
                if not gallery.region_photos(sample_engine, c))
    assert maker.region_photos(sample_engine, code) == []
    assert "Foto kegiatan" not in _text(maker.make("pdf", ctx, region=code, photos=[]))


def test_the_deck_has_a_slide_of_the_regions_photos_after_its_own(sample_engine, ctx):
    photos = maker.region_photos(sample_engine, "32")
    prs = Presentation(io.BytesIO(maker.make("pptx", ctx, region="32", photos=photos)))
    titles = [s.shapes.title.text for s in prs.slides]
    at = titles.index("Foto kegiatan: Jawa Barat")
    assert titles[at - 1] == "Rincian wilayah: Jawa Barat"
    slide = prs.slides[at]
    pictures = [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == min(len(photos), deck.PHOTOS_PER_SLIDE)
    for pic in pictures:  # fitted in its cell, never stretched
        w, h = pic.image.size
        assert abs(pic.width / pic.height - w / h) < 0.02
    words = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert photos[0][0].caption in words and "Foto: Sinergi (gambar simulasi)" in words


def test_a_deck_without_photos_has_no_photo_slide(ctx):
    view = map_view.compute(map_view.Spec(level="province"), ctx)
    titles = [s.shapes.title.text for s in Presentation(io.BytesIO(deck.build(view, ctx, chosen=["32"]))).slides]
    assert not any(title.startswith("Foto kegiatan") for title in titles)


def test_the_brief_command_puts_the_photos_of_the_database_in(sample_engine, tmp_path):
    pdf = maker.make_file(sample_engine, str(tmp_path / "jabar.pdf"), region="32")
    assert "Foto kegiatan" in _text(pdf)
