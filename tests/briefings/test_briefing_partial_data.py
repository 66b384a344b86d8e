"""A database holding visits but no agreements yet (a visit planned before any import), or agreements but no
visits: the region brief and the deck are still made, never a traceback (issue 13)."""

import io

import pytest
from pptx import Presentation
from pypdf import PdfReader

from geo.analysis.context import Context
from geo.briefings import maker


@pytest.mark.parametrize("keep", ["visits", "agreements"])
def test_region_brief_and_deck_are_made_from_only_visits_or_only_agreements(sample_frames, keep):
    agreements, visits = sample_frames
    ctx = Context(agreements if keep == "agreements" else agreements.iloc[:0],
                  visits if keep == "visits" else visits.iloc[:0])
    pdf = maker.make("pdf", ctx, region="32.73", lang="en")
    assert "Kota Bandung" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    deck = Presentation(io.BytesIO(maker.make("pptx", ctx, region="32.73", lang="en")))
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert any("Kota Bandung" in t for t in titles)
