"""The briefing deck (PPTX, python-pptx): title, national map, top and bottom regions, chosen regions,
itinerary, the cooperation flow (``geo.analysis.flow``: its diagram, a table of the stages, and what the records
cannot show), method and data sources. No impact score stands alone: beside each score in the ranking tables its
verdict in words, and on a region's slide the verdict itself ("Belum pasti", the score only beside a clear one).
Every text is a real, editable text box or table; only the map and the timeline and the flow diagram are pictures.
Its words are in the catalog (``geo/text/words/briefing.py``, keys ``briefing.*``); the itinerary's column headers
stay Indonesian, the ministries' format.

Every text stays on its slide (issue 17), by measure (``geo.briefings.slide_fit``: DejaVu Sans metrics, wider
than the theme's Calibri), not by hope:

* Table text is never smaller than ``MIN_TABLE_PT`` (12 pt; rankings and figures 14 pt). Each row is as tall as
  its tallest cell measured; rows go on the slide while they fit above ``SLIDE_BOTTOM`` (6.9 in; the simulated-data
  note lies beneath), the rest continue on slides titled "… (lanjutan)" / "… (continued)" with the headers
  repeated. A cell longer than ``MAX_CELL_LINES`` lines is shortened with "…" and its full text is put in that
  slide's notes ("Agenda, baris 3: …"), so nothing is lost.
* A text box keeps its size when its text fits, else shrinks a point at a time to ``MIN_TEXT_PT`` (12 pt; titles
  from 30 pt to 20 pt); what still does not fit is cut with "…", full text in the notes. Boxes never grow
  (autofit off), so what the measure says is what PowerPoint and LibreOffice draw.
* ``tests/briefings/test_deck_fits.py`` renders decks with LibreOffice and checks every word of the PDF lies on
  its page and inside the box it belongs to.

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
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Emu, Inches, Pt

from geo.analysis import flow as flows
from geo.analysis import impact_report
from geo.analysis import verdict as verdicts
from geo.analysis.context import Context
from geo.briefings import flow_chart, region_brief, slide_fit
from geo.maps import print_map
from geo.regions import lookup
from geo.text.catalog import text
from geo.text.numbers import number
from geo.text.vocabulary import STATUSES

ITINERARY_COLUMNS = ["Tanggal", "Waktu", "Lokasi", "Narasumber/Pihak yang Dijumpai", "Agenda"]
TOP_N = 10
PHOTOS_PER_SLIDE = 4
MAP_BOX_IN = (12.6, 5.7)  # the map slide's picture: the slide's width, from below the title to above the note
# the method slide's paragraphs, in order (catalog keys briefing.deck.method.<name>)
METHOD_PARAGRAPHS = ("records", "classes", "score", "boundaries")
WIDE = (Inches(13.333), Inches(7.5))
RED = RGBColor(0xB2, 0x18, 0x2B)
GREY = RGBColor(0x55, 0x55, 0x55)
LAYOUT_TITLE, LAYOUT_TITLE_ONLY = 0, 5
EMU_PER_PT = 12700
MIN_TABLE_PT = 12  # no table text smaller than this
MIN_TEXT_PT = 12  # a text box shrinks to fit no further than this (its own size when that is smaller)
TITLE_PT, MIN_TITLE_PT = 30, 20
MAX_CELL_LINES = 6  # a table cell longer than this is shortened (full text in the notes)
CONTINUED_TOP = Inches(1.3)  # where a table continues on a "(lanjutan)" slide
SLIDE_BOTTOM = Inches(6.9)  # nothing reaches lower: the simulated-data note lies beneath
NOTE_TOP = Inches(7.0)
CELL_MARGIN_X, CELL_MARGIN_Y = Inches(0.1), Inches(0.05)  # PowerPoint's defaults, set on every cell
BOX_MARGIN_X, BOX_MARGIN_Y = Inches(0.1), Inches(0.05)  # and on every text box


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


def _column_widths(headers, width, weights, size) -> list[int]:
    """Column widths (EMU) in proportion to ``weights``, except that a column is widened to hold each word of its
    header unbroken (bold), the width taken from the widest column."""
    total = sum(weights)
    cols = [int(width * w / total) for w in weights]
    for i, header in enumerate(headers):
        need = int((max(slide_fit.width(w, size, True) for w in str(header).split() or [""]) + 1) * EMU_PER_PT
                   + 2 * CELL_MARGIN_X)
        widest = max(range(len(cols)), key=cols.__getitem__)
        if cols[i] < need and widest != i:
            cols[widest] -= need - cols[i]
            cols[i] = need
    return cols


class _Deck:
    """A deck being made; every text placed through it fits its box (see the module's layout rules)."""

    def __init__(self, note: str | None, lang: str):
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = WIDE
        self.note, self.lang = note, lang
        self.titles: dict[int, str] = {}  # slide id → its title as asked for (a continuation repeats it)

    def slide(self, title: str, layout: int = LAYOUT_TITLE_ONLY):
        s = self.prs.slides.add_slide(self.prs.slide_layouts[layout])
        self.titles[s.slide_id] = title
        if layout == LAYOUT_TITLE:  # the default template's placeholders are laid out for 4:3
            for shape, top, height in ((s.shapes.title, Inches(1.8), Inches(1.5)),
                                       (s.placeholders[1], Inches(3.7), Inches(3.1))):
                shape.left, shape.top, shape.width, shape.height = Inches(0.8), top, Inches(11.7), height
            self.fill(s, s.shapes.title, [title], size=40, min_size=24, kind="title")
        else:
            s.shapes.title.left, s.shapes.title.top = Inches(0.5), Inches(0.25)
            s.shapes.title.width, s.shapes.title.height = Inches(12.3), Inches(0.9)
            self.fill(s, s.shapes.title, [title], size=TITLE_PT, min_size=MIN_TITLE_PT, kind="title")
        if self.note:
            self.text(s, [self.note], Inches(0.5), NOTE_TOP, Inches(12.3), Inches(0.4), size=12, color=RED,
                      bold=True)
        return s

    def continued(self, s):
        """A new slide titled as ``s`` (as the first of its run), with "(lanjutan)"."""
        title = self.titles[s.slide_id]
        new = self.slide(text("briefing.deck.continued", self.lang, title=title))
        self.titles[new.slide_id] = title
        return new

    def keep_full_text(self, s, line: str) -> None:
        """Put ``line`` (a shortened text in full) in the notes of slide ``s``, under one heading."""
        tf = s.notes_slide.notes_text_frame
        if not tf.text:
            tf.text = text("briefing.deck.notes.heading", self.lang)
        tf.add_paragraph().text = line

    def fill(self, s, shape, lines, *, size, min_size=MIN_TEXT_PT, color=None, bold=False, bullets=False,
             kind="box") -> int:
        """Write ``lines`` (paragraphs) into ``shape``'s text frame at the largest size from ``size`` down to
        ``min_size`` at which they fit its box; at ``min_size``, the paragraphs that do not fit are shortened or
        left out and the full text goes to the slide's notes. Returns the size used, in points."""
        paragraphs = [("• " if bullets else "") + str(line) for line in lines]
        room = shape.width / EMU_PER_PT - 2 * BOX_MARGIN_X.pt
        tall = shape.height / EMU_PER_PT - 2 * BOX_MARGIN_Y.pt
        gap = (6 if bullets else 2)  # space after each paragraph, points

        def needed(sz: float) -> float:
            return sum(slide_fit.height(slide_fit.line_count(p, room, sz, bold), sz) + gap for p in paragraphs)

        sz = size
        while sz > min_size and needed(sz) > tall:
            sz -= 1
        if needed(sz) > tall:  # shorten at the smallest size: whole paragraphs while they fit, then a cut one
            kept, used = [], 0.0
            for p in paragraphs:
                lines_left = int((tall - used - gap) // slide_fit.height(1, sz))
                n = slide_fit.line_count(p, room, sz, bold)
                if n <= lines_left:
                    kept.append(p)
                    used += slide_fit.height(n, sz) + gap
                    continue
                if lines_left >= 1:
                    kept.append(slide_fit.shorten(p, room, sz, lines_left, bold))
                break
            self.keep_full_text(s, text(f"briefing.deck.notes.{kind}", self.lang, text=" ".join(map(str, lines))))
            paragraphs = kept or [slide_fit.ELLIPSIS]
        tf = shape.text_frame
        tf.clear()
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.margin_left = tf.margin_right = BOX_MARGIN_X
        tf.margin_top = tf.margin_bottom = BOX_MARGIN_Y
        for i, line in enumerate(paragraphs):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.text = line
            p.space_after = Pt(gap)
            for run in p.runs:
                run.font.size = Pt(sz)
                run.font.bold = bold
                if color is not None:
                    run.font.color.rgb = color
        return sz

    def text(self, s, lines, left, top, width, height, *, size=16, min_size=MIN_TEXT_PT, color=None, bold=False,
             bullets=False):
        """A text box of ``lines`` that fits its box (``fill``)."""
        box = s.shapes.add_textbox(left, top, width, height)
        self.fill(s, box, lines, size=size, min_size=min(size, min_size), color=color, bold=bold, bullets=bullets)
        return box

    def table(self, s, headers, rows, left, top, width, *, widths, size=14, bottom=SLIDE_BOTTOM):
        """A table of ``rows`` under ``headers`` from ``top`` down to ``bottom`` of slide ``s``; the rows that do not
        fit continue on new slides ("(lanjutan)", headers repeated, from ``CONTINUED_TOP``). Each row is as tall as
        its tallest cell measured (``slide_fit``); a cell longer than ``MAX_CELL_LINES`` lines (fewer when a slide
        holds fewer) is shortened with "…" and its full text goes to the slide's notes.
        Returns (the last slide used, the bottom of the table on it)."""
        if size < MIN_TABLE_PT:
            raise ValueError(f"table text must be at least {MIN_TABLE_PT} pt, got {size}")
        col_widths = _column_widths(headers, width, widths, size)
        rooms = [w / EMU_PER_PT - 2 * CELL_MARGIN_X.pt for w in col_widths]
        line = slide_fit.height(1, size)
        pad = 2 * CELL_MARGIN_Y.pt
        header_pt = max(slide_fit.line_count(h, r, size, True) for h, r in zip(headers, rooms)) * line + pad
        fresh = (bottom - CONTINUED_TOP) / EMU_PER_PT - header_pt  # room for rows on a continuation slide
        max_lines = max(1, min(MAX_CELL_LINES, int((fresh - pad) // line)))
        prepared = []  # (cells as shown, height in points, [(column, full text)] shortened)
        for row in rows:
            full = [_cell_text(v) for v in row]
            shown = [slide_fit.shorten(t, r, size, max_lines) for t, r in zip(full, rooms)]
            lines = max(slide_fit.line_count(t, r, size) for t, r in zip(shown, rooms))
            prepared.append((shown, lines * line + pad, [(h, f) for h, f, t in zip(headers, full, shown) if f != t]))
        done = 0
        while True:
            room = (bottom - top) / EMU_PER_PT - header_pt
            take, used = 0, 0.0
            while done + take < len(prepared) and used + prepared[done + take][1] <= room:
                used += prepared[done + take][1]
                take += 1
            if take == 0 and done < len(prepared):
                if top != CONTINUED_TOP:  # not one row fits below what the slide already shows
                    s, top = self.continued(s), CONTINUED_TOP
                    continue
                used, take = prepared[done][1], 1  # never reached: a row is at most a fresh slide's room
            part = prepared[done:done + take]
            self._table_shape(s, headers, part, left, top, col_widths, size, header_pt)
            for k, (_, _, shortened) in enumerate(part, start=done + 1):
                for column, full in shortened:
                    self.keep_full_text(s, text("briefing.deck.notes.cell", self.lang, column=column, row=k,
                                                text=full))
            done += take
            end = top + Emu(int((header_pt + used) * EMU_PER_PT))
            if done >= len(prepared):
                return s, end
            s, top = self.continued(s), CONTINUED_TOP

    @staticmethod
    def _table_shape(s, headers, part, left, top, col_widths, size, header_pt):
        heights = [header_pt] + [h for _, h, _ in part]
        total = Emu(sum(int(h * EMU_PER_PT) for h in heights))
        shape = s.shapes.add_table(len(part) + 1, len(headers), left, top, sum(col_widths), total)
        tbl = shape.table
        for i, w in enumerate(col_widths):
            tbl.columns[i].width = w
        for r, h in enumerate(heights):
            tbl.rows[r].height = int(h * EMU_PER_PT)
        for r, row in enumerate([headers] + [cells for cells, _, _ in part]):
            for c, value in enumerate(row):
                cell = tbl.cell(r, c)
                cell.margin_left = cell.margin_right = CELL_MARGIN_X
                cell.margin_top = cell.margin_bottom = CELL_MARGIN_Y
                cell.text = str(value)
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


def _fitted_picture(s, data: bytes, left, top, width, height):
    """A picture as large as fits the box (``left``, ``top``, ``width``, ``height``), never distorted, centred."""
    from PIL import Image

    w, h = Image.open(io.BytesIO(data)).size
    scale = min(width / w, height / h)
    pw, ph = int(w * scale), int(h * scale)
    return s.shapes.add_picture(io.BytesIO(data), left + (width - pw) // 2, top + (height - ph) // 2, width=pw,
                                height=ph)


def photo_slide(d: _Deck, region_name: str, photos) -> None:
    """Up to ``PHOTOS_PER_SLIDE`` photos in a 2 × 2 grid, each with its caption and credit line."""

    from geo.evidence.gallery import photo_line

    lang = d.lang
    s = d.slide(text("evidence.deck.title", lang, region=region_name))
    # two rows of picture + caption end at 6.75 in, above ``SLIDE_BOTTOM`` (the simulated-data note)
    cell_w, cell_h, text_h = Inches(6.0), Inches(2.15), Inches(0.6)
    for i, (photo, data) in enumerate(list(photos)[:PHOTOS_PER_SLIDE]):
        left = Inches(0.5) + (i % 2) * Inches(6.3)
        top = Inches(1.15) + (i // 2) * (cell_h + text_h + Inches(0.1))
        _fitted_picture(s, data, left, top, cell_w, cell_h)
        d.text(s, [photo.caption, photo_line(photo, lang)], left, top + cell_h, cell_w, text_h, size=MIN_TEXT_PT)


def build(view, ctx: Context, *, chosen=(), itinerary: pd.DataFrame | None = None,
          facts: Mapping[str, region_brief.Facts] | None = None, map_png: bytes | None = None,
          top_n: int = TOP_N, photos: Mapping[str, list] | None = None, labels: bool | None = None) -> bytes:
    """The deck for ``view`` (a ``geo.maps.map_view.View`` made from ``ctx``), with a slide per code in ``chosen``.

    A chosen region's figures are ``facts[code]`` when given (made from the same context), else
    ``region_brief.facts`` of ``ctx`` over the view's period; ``map_png`` defaults to the static map of the view
    (with region names as ``labels`` says, ``geo.maps.print_map.render``).
    """
    lang = view.lang
    if itinerary is not None:
        check_itinerary(itinerary)
    made = dict(facts or {})
    d = _Deck(view.note, lang)

    s = d.slide(text("briefing.deck.title", lang), LAYOUT_TITLE)
    d.fill(s, s.placeholders[1], [view.title, view.subtitle, view.made_on.strftime("%d/%m/%Y")], size=24,
           min_size=14)

    where = view.spec.within
    s = d.slide(text("briefing.deck.map_within", lang, region=lookup.get(where).name, metric=view.metric_label)
                if where else text("briefing.deck.map", lang, metric=view.metric_label))
    # the map drawn for the slide's own shape (wide, like the country), fitted into the slide below its title
    png = map_png if map_png is not None else print_map.render(view, "png", dpi=200, labels=labels,
                                                               size=MAP_BOX_IN)
    _fitted_picture(s, png, Inches(0.37), Inches(1.15), Inches(MAP_BOX_IN[0]), Inches(MAP_BOX_IN[1]))

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
        s, below = d.table(s, [text("briefing.col.figure", lang), text("briefing.value", lang)],
                           [list(x) for x in f.figures], Inches(0.5), Inches(1.55), Inches(4.6), widths=(3, 2),
                           size=14, bottom=Inches(4.9))
        # the impact figure is a verdict in words; its size (or reason) beneath the table
        impact_top = max(Inches(5.0), below + Inches(0.1))
        d.text(s, [f"{text('briefing.brief.impact', lang)}: {f.key_figures['impact']}", f.impact_note],
               Inches(0.5), impact_top, Inches(4.6), SLIDE_BOTTOM - impact_top, size=12)
        d.text(s, f.explanation or [text("briefing.brief.none", lang)], Inches(5.4), Inches(1.55), Inches(7.4),
               Inches(2.9), size=12, bullets=True)
        headers_o, rows_o = f.obstacles_table()
        if rows_o:
            d.table(s, headers_o, rows_o, Inches(5.4), Inches(4.6), Inches(7.4), widths=(2, 1.2, 5), size=12)
        if (photos or {}).get(code):
            photo_slide(d, f.region.name, photos[code])

    if itinerary is not None and len(itinerary):
        rows = [[_cell_text(v) for v in r] for r in itinerary.itertuples(index=False)]
        s = d.slide(text("briefing.deck.itinerary", lang))
        d.table(s, ITINERARY_COLUMNS, rows, Inches(0.5), CONTINUED_TOP, Inches(12.3), widths=(1.3, 1.2, 2.5, 3, 4),
                size=12)

    flow_slide(d, view, ctx)

    s = d.slide(text("briefing.deck.method", lang))
    scheme = text(f"briefing.scheme.{view.classification.scheme}", lang) if view.classification.scheme else ""
    lines = [text(f"briefing.deck.method.{paragraph}", lang, scheme=scheme, k=len(view.classification.bins))
             for paragraph in METHOD_PARAGRAPHS]
    lines.append(view.source_text)
    d.text(s, lines, Inches(0.5), Inches(1.3), Inches(12.3), Inches(5.4), size=16, bullets=True)
    return d.save()
