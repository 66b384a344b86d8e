"""The deck's cooperation-flow slide: the diagram as a picture, a table of the stages with the engine's counts for
the view's period and filters, how to read it and what the records cannot show."""

import datetime as dt
import io

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from geo.analysis import flow as flows
from geo.analysis.context import Context
from geo.briefings import deck, flow_chart
from geo.maps import map_view
from geo.text.numbers import number

PERIOD = dict(start=dt.date(2022, 1, 1), end=dt.date(2024, 12, 31))


@pytest.fixture(scope="module")
def ctx(sample_frames):
    return Context(*sample_frames)


def _slide(prs, title):
    (slide,) = [s for s in prs.slides if s.shapes.title.text == title]
    return slide


def test_the_deck_has_a_flow_slide_whose_table_holds_the_counts_of_the_views_period_and_filters(ctx):
    spec = map_view.Spec(level="province", metric="signed", types=("PKS",), **PERIOD)
    view = map_view.compute(spec, ctx)
    prs = Presentation(io.BytesIO(deck.build(view, ctx)))
    slide = _slide(prs, "Alur kerja sama")
    expected = flows.of_view(spec, ctx.agreements, ctx.visits)
    assert expected.total > 0
    (table,) = [sh.table for sh in slide.shapes if sh.has_table]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Tahap", "pernah di tahap ini", "kini di tahap ini"]
    assert rows[1:] == [[label, number(expected.reached[s]), number(expected.now[s])]
                        for s, label in zip(flows.STAGES, ["Usulan", "Ditandatangani", "Berjalan", "Selesai",
                                                           "Terhambat", "Batal"])]
    said = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert f"{number(expected.total)} kerja sama pada periode 2022–2024" in said and "Perjanjian Kerja Sama" in said
    assert expected.honest_note("id") in said and "DATA SIMULASI" in said
    pictures = [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    image = Image.open(io.BytesIO(pictures[0].image.blob))
    assert image.format == "PNG" and image.width > 1500


def test_the_flow_slide_says_so_when_no_agreement_is_in_the_view_and_speaks_english(ctx):
    spec = map_view.Spec(level="province", metric="signed", start=dt.date(2030, 1, 1), end=dt.date(2030, 12, 31))
    prs = Presentation(io.BytesIO(deck.build(map_view.compute(spec, ctx, lang="en"), ctx)))
    slide = _slide(prs, "Cooperation flow")
    said = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "No agreements in this period and these filters." in said
    assert not [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]


def test_the_flow_picture_is_a_png_in_the_languages_number_format(ctx):
    fl = flows.of_view(map_view.Spec(**PERIOD), ctx.agreements, ctx.visits)
    data = flow_chart.png(fl, "en", dpi=80)
    assert Image.open(io.BytesIO(data)).format == "PNG"
