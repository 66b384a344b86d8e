"""The briefing deck (PPTX, python-pptx): title, national map, top and bottom regions, chosen regions,
itinerary, the cooperation flow (``geo.analysis.flow``: its diagram, a table of the stages, and what the records
cannot show), method and data sources. No impact score stands alone: beside each score in the ranking tables its
verdict in words, and on a region's slide the verdict itself ("Belum pasti", the score only beside a clear one). Every text is a real, editable text box or table; only the map and
the timeline and the flow diagram are pictures. Its words are in the catalog (``geo/text/words/briefing.py``, keys ``briefing.*``);
the itinerary's column headers stay Indonesian, the ministries' format.

A chosen region with photos (``photos[code]``: (``geo.evidence.gallery.Photo``, stored image) pairs) gets a slide
"Foto kegiatan" after its own: up to ``PHOTOS_PER_SLIDE`` pictures, each fitted in its cell without distortion, its
caption and its place · date · credit beneath as text boxes. No slide without photos.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from geo.analysis import flow as flows
from geo.analysis import impact_report
from geo.analysis import verdict as verdicts
from geo.analysis.context import Context
from geo.briefings import flow_chart, region_brief
from geo.maps import print_map
from geo.regions import lookup
from geo.text.catalog import text
from geo.text.numbers import number
from geo.text.vocabulary import STATUSES

ITINERARY_COLUMNS = ["Tanggal", "Waktu", "Lokasi", "Narasumber/Pihak yang Dijumpai", "Agenda"]
TOP_N = 10
PHOTOS_PER_SLIDE = 4
ROWS_PER_SLIDE = 10
# the method slide's paragraphs, in order (catalog keys briefing.deck.method.<name>)
METHOD_PARAGRAPHS = ("records", "classes", "score", "boundaries")
WIDE = (Inches(13.333), Inches(7.5))
RED = RGBColor(0xB2, 0x18, 0x2B)
GREY = RGBColor(0x55, 0x55, 0x55)
LAYOUT_TITLE, LAYOUT_TITLE_ONLY = 0, 5


def check_itinerary(itinerary: pd.DataFrame) -> pd.DataFrame:
    """The itinerary with exactly the planner's columns (a ValueError naming what is wrong otherwise)."""
    if list(itinerary.columns) != ITINERARY_COLUMNS:
        raise ValueError(f"itinerary columns must be exactly {ITINERARY_COLUMNS}, got {list(itinerary.columns)}")
    return itinerary


def _cell_text(v) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, (dt.date, pd.Timestamp)):
        return v.strftime("%d/%m/%Y")
    return str(v)


class _Deck:
    def __init__(self, note: str | None, lang: str):
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = WIDE
        self.note, self.lang = note, lang

    def slide(self, title: str, layout: int = LAYOUT_TITLE_ONLY):
        s = self.prs.slides.add_slide(self.prs.slide_layouts[layout])
        s.shapes.title.text = title
        if layout == LAYOUT_TITLE:  # the default template's placeholders are laid out for 4:3
            for shape, top in ((s.shapes.title, Inches(1.8)), (s.placeholders[1], Inches(3.7))):
                shape.left, shape.top, shape.width = Inches(0.8), top, Inches(11.7)
        else:
            s.shapes.title.left, s.shapes.title.top = Inches(0.5), Inches(0.25)
            s.shapes.title.width, s.shapes.title.height = Inches(12.3), Inches(0.9)
            s.shapes.title.text_frame.paragraphs[0].runs[0].font.size = Pt(30)
        if self.note:
            self.text(s, [self.note], Inches(0.5), Inches(7.0), Inches(12.3), Inches(0.4), size=12, color=RED,
                      bold=True)
        return s

    @staticmethod
    def text(s, lines, left, top, width, height, *, size=16, color=None, bold=False, bullets=False):
        box = s.shapes.add_textbox(left, top, width, height)
        tf = box.text_frame
        tf.word_wrap = True
        for i, line in enumerate(lines):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.text = ("• " if bullets else "") + line
            p.space_after = Pt(6 if bullets else 2)
            for run in p.runs:
                run.font.size = Pt(size)
                run.font.bold = bold
                if color is not None:
                    run.font.color.rgb = color
        return box

    @staticmethod
    def table(s, headers, rows, left, top, width, *, widths=None, size=14):
        shape = s.shapes.add_table(len(rows) + 1, len(headers), left, top, width, Inches(0.4) * (len(rows) + 1))
        tbl = shape.table
        if widths:
            total = sum(widths)
            for i, wgt in enumerate(widths):
                tbl.columns[i].width = int(width * wgt / total)
        for r, row in enumerate([headers] + rows):
            for c, value in enumerate(row):
                cell = tbl.cell(r, c)
                cell.text = _cell_text(value)
                for p in cell.text_frame.paragraphs:
                    for run in p.runs:
                        run.font.size = Pt(size)
                        run.font.bold = r == 0
        return tbl

    def save(self) -> bytes:
        buf = io.BytesIO()
        self.prs.save(buf)
        return buf.getvalue()


def score_verdicts(view, ctx: Context) -> dict[str, verdicts.Verdict | None] | None:
    """On the impact score map, each region's verdict in words (``geo.analysis.verdict``) from the impact report the
    view's scores come from (``geo.maps.map_view.compute``'s settings; the context computes it once); on the change
    map each region's change verdict (the view's own); None for any other measure."""
    spec = view.spec
    if spec.metric == "change":
        return view.verdicts
    if spec.metric != "score" or spec.level == "district":
        return None
    first_year = min(spec.start.year, 2021) if spec.start else 2021
    rep = ctx.report(impact_report.Settings(level=spec.level, start=f"{first_year}-01", sectors=spec.sectors,
                                            types=spec.types, ministries=spec.ministries))
    return {c: s.verdict for c, s in rep.scores.items()}


def ranking_headers(view, verdict_of: Mapping | None = None) -> list[str]:
    """The ranking tables' headers; a verdict column beside an impact score (``score_verdicts``)."""
    lang = view.lang
    headers = [text("briefing.rank", lang), text("briefing.region", lang), text("briefing.code", lang),
               view.metric_label]
    return headers + ([text("briefing.col.verdict", lang)] if verdict_of is not None else [])


def ranking_rows(view, *, top: bool, n: int = TOP_N, verdict_of: Mapping | None = None) -> list[list[str]]:
    """Rank, region, code and formatted value of the ``n`` highest (or lowest, lowest first) regions; with
    ``verdict_of`` (``score_verdicts``), the verdict's label beside each score, so no score stands alone."""
    ranking = view.ranking()
    part = ranking.head(n) if top else ranking.tail(n).iloc[::-1]
    rows = [[str(r.rank), r.name, r.code, r.text] for r in part.itertuples(index=False)]
    if verdict_of is not None:
        for row in rows:
            v = verdict_of.get(row[2])
            row.append(text("verdict.not_visited", view.lang) if v is None else v.label(view.lang))
    return rows


def flow_slide(d: _Deck, view, ctx: Context) -> None:
    """The cooperation flow of the view's period and filters: the diagram, a table of the stages (ever, now),
    how to read it and what the records cannot show."""
    lang = view.lang
    fl = flows.of_view(view.spec, ctx.agreements, ctx.visits)
    s = d.slide(text("flow.title", lang))
    d.text(s, [text("flow.total", lang, n=number(fl.total, lang=lang), period=view.period_text,
                    filters=view.filters_text)], Inches(0.5), Inches(1.05), Inches(12.3), Inches(0.4), size=14,
           color=GREY)
    if not fl.total:
        d.text(s, [text("flow.empty", lang)], Inches(0.5), Inches(1.7), Inches(12.3), Inches(0.6), size=18)
        return
    s.shapes.add_picture(io.BytesIO(flow_chart.png(fl, lang)), Inches(0.3), Inches(1.55), width=Inches(8.6))
    rows = [[STATUSES[stage][lang if lang in ("id", "en") else "id"], number(fl.reached[stage], lang=lang),
             number(fl.now[stage], lang=lang)] for stage in flows.STAGES]
    d.table(s, [text("flow.stage", lang), text("flow.reached", lang), text("flow.now", lang)], rows,
            Inches(9.1), Inches(1.6), Inches(3.9), widths=(2.2, 1.5, 1.5), size=12)
    d.text(s, [text("flow.rule", lang), fl.honest_note(lang)], Inches(0.5), Inches(5.35), Inches(12.3),
           Inches(1.5), size=12, bullets=True)


def photo_slide(d: _Deck, region_name: str, photos) -> None:
    """Up to ``PHOTOS_PER_SLIDE`` photos in a 2 × 2 grid, each with its caption and credit line."""
    from PIL import Image

    from geo.evidence.gallery import photo_line

    lang = d.lang
    s = d.slide(text("evidence.deck.title", lang, region=region_name))
    cell_w, cell_h, text_h = Inches(6.0), Inches(2.25), Inches(0.6)
    for i, (photo, data) in enumerate(list(photos)[:PHOTOS_PER_SLIDE]):
        left = Inches(0.5) + (i % 2) * Inches(6.3)
        top = Inches(1.15) + (i // 2) * (cell_h + text_h + Inches(0.1))
        w, h = Image.open(io.BytesIO(data)).size
        scale = min(cell_w / w, cell_h / h)
        pw, ph = int(w * scale), int(h * scale)
        s.shapes.add_picture(io.BytesIO(data), left + (cell_w - pw) // 2, top, width=pw, height=ph)
        d.text(s, [photo.caption, photo_line(photo, lang)], left, top + cell_h, cell_w, text_h, size=11)


def build(view, ctx: Context, *, chosen=(), itinerary: pd.DataFrame | None = None,
          facts: Mapping[str, region_brief.Facts] | None = None, map_png: bytes | None = None,
          top_n: int = TOP_N, photos: Mapping[str, list] | None = None) -> bytes:
    """The deck for ``view`` (a ``geo.maps.map_view.View`` made from ``ctx``), with a slide per code in ``chosen``.

    A chosen region's figures are ``facts[code]`` when given (made from the same context), else
    ``region_brief.facts`` of ``ctx`` over the view's period; ``map_png`` defaults to the static map of the view.
    """
    lang = view.lang
    if itinerary is not None:
        check_itinerary(itinerary)
    made = dict(facts or {})
    d = _Deck(view.note, lang)

    s = d.slide(text("briefing.deck.title", lang), LAYOUT_TITLE)
    s.placeholders[1].text = "\n".join([view.title, view.subtitle, view.made_on.strftime("%d/%m/%Y")])

    where = view.spec.within
    s = d.slide(text("briefing.deck.map_within", lang, region=lookup.get(where).name, metric=view.metric_label)
                if where else text("briefing.deck.map", lang, metric=view.metric_label))
    png = map_png if map_png is not None else print_map.render(view, "png", dpi=200)
    s.shapes.add_picture(io.BytesIO(png), Inches(2.2), Inches(1.15), height=Inches(5.8))

    verdict_of = score_verdicts(view, ctx)
    headers = ranking_headers(view, verdict_of)
    for top in (True, False):
        rows = ranking_rows(view, top=top, n=top_n, verdict_of=verdict_of)
        s = d.slide(text("briefing.deck.top" if top else "briefing.deck.bottom", lang, n=len(rows)))
        d.text(s, [view.subtitle], Inches(0.5), Inches(1.1), Inches(12.3), Inches(0.4), size=14, color=GREY)
        d.table(s, headers, rows, Inches(0.5), Inches(1.6), Inches(12.3),
                widths=(1, 5, 1.5, 3) + ((2.5,) if verdict_of is not None else ()), size=14)

    for code in chosen:
        f = made.get(code) or region_brief.facts(code, ctx, lang=lang, start=view.spec.start, end=view.spec.end)
        s = d.slide(text("briefing.deck.region", lang, region=f.region.name))
        d.text(s, [f"{f.crumbs} · {text('briefing.period', lang)}: {f.period_text}"], Inches(0.5), Inches(1.05),
               Inches(12.3), Inches(0.4), size=14, color=GREY)
        d.table(s, [text("briefing.col.figure", lang), text("briefing.value", lang)], [list(x) for x in f.figures],
                Inches(0.5), Inches(1.55), Inches(4.6), widths=(3, 2), size=14)
        # the impact figure is a verdict in words; its size (or reason) beneath the table
        d.text(s, [f"{text('briefing.brief.impact', lang)}: {f.key_figures['impact']}", f.impact_note],
               Inches(0.5), Inches(5.0), Inches(4.6), Inches(1.9), size=12)
        d.text(s, f.explanation or [text("briefing.brief.none", lang)], Inches(5.4), Inches(1.55), Inches(7.4),
               Inches(2.9), size=12, bullets=True)
        headers_o, rows_o = f.obstacles_table()
        if rows_o:
            d.table(s, headers_o, rows_o, Inches(5.4), Inches(4.6), Inches(7.4), widths=(2, 1.2, 5), size=12)
        if (photos or {}).get(code):
            photo_slide(d, f.region.name, photos[code])

    if itinerary is not None and len(itinerary):
        rows = [[_cell_text(v) for v in r] for r in itinerary.itertuples(index=False)]
        for i in range(0, len(rows), ROWS_PER_SLIDE):
            s = d.slide(text("briefing.deck.itinerary", lang))
            d.table(s, ITINERARY_COLUMNS, rows[i:i + ROWS_PER_SLIDE], Inches(0.5), Inches(1.3), Inches(12.3),
                    widths=(1.3, 1.2, 2.5, 3, 4), size=12)

    flow_slide(d, view, ctx)

    s = d.slide(text("briefing.deck.method", lang))
    scheme = text(f"briefing.scheme.{view.classification.scheme}", lang) if view.classification.scheme else ""
    lines = [text(f"briefing.deck.method.{paragraph}", lang, scheme=scheme, k=len(view.classification.bins))
             for paragraph in METHOD_PARAGRAPHS]
    lines.append(view.source_text)
    d.text(s, lines, Inches(0.5), Inches(1.3), Inches(12.3), Inches(5.4), size=16, bullets=True)
    return d.save()
