"""A region's brief: key figures, the visit impact in words and its explanation, timeline, agreements, obstacles
and their mitigation — as ``Facts`` (shared with the deck) and as a one- or two-page PDF (fpdf2).

The figures are the region page's: ``geo.analysis.metrics.region_metrics`` for the region's level, the score of
``geo.analysis.impact_report`` and ``geo.analysis.region_profile``. ``facts`` is the one place they are computed:
the region page shows ``Facts.key_figures`` under its own labels, the PDF and the deck ``Facts.figures``, so the
three cannot disagree. Fonts: DejaVu Sans from matplotlib's package data.

The visit impact figure is a verdict in words (``geo.analysis.verdict``, issue 13), never a bare score: "Belum
pasti" with the size sentence beneath (``Facts.impact_note``); the 0–100 score only beside a clear verdict ("Naik,
jelas (skor 85)"); "Belum dikunjungi" and no score for a region never visited; "Data belum cukup" with its reason.
Words: the catalog (``geo/text/words/briefing.py``, keys ``briefing.*``).

Photos (``geo.evidence.gallery.region_photos``, with their stored images) come as ``photos``: up to
``MAX_PHOTOS`` in a section "Foto kegiatan" after the obstacles, two a row, each with its caption and its place,
date and credit; no section when there are none. The stored images are the re-encoded ones, never an upload as is.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import pandas as pd

from geo.analysis import metrics, panel, region_profile
from geo.analysis import verdict as verdicts
from geo.analysis.context import Context
from geo.maps import map_view
from geo.maps.map_view import period_text, simulated_note
from geo.regions import lookup
from geo.text import catalog, numbers
from geo.text.messages import UserError
from geo.text.vocabulary import AGREEMENT_TYPES, STATUSES

MAX_AGREEMENT_ROWS = 12
MAX_PHOTOS = 4
# The key figures, in the order every output shows them, and their labels in the brief and the deck.
KEY_FIGURES = {"population": "brief.population", "signed": "brief.signed", "value_idr": "brief.value",
               "partners": "brief.partners", "visits": "brief.visits", "impact": "brief.impact"}
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@dataclass
class Facts:
    region: lookup.Region
    lang: str
    start: dt.date | None
    end: dt.date | None
    key_figures: dict[str, str]  # KEY_FIGURES key → formatted value
    score: float | None  # the impact score as shown: only beside a clear verdict (``RegionScore.shown_score``)
    explanation: list[str]
    profile: region_profile.Profile
    first_visit: pd.Timestamp | None
    note: str | None
    verdict: verdicts.Verdict | None = None  # the first visit's; None for a region never visited
    visited: bool = False
    filters: str = ""  # the view's filters in words ("bidang: Pendidikan"); empty: none

    @property
    def impact_note(self) -> str:
        """The line beneath the impact figure: the size in plain units, the reason data are too few, or why a
        region never visited has no verdict."""
        if not self.visited or self.verdict is None:
            note = catalog.text("briefing.impact.not_visited_note", self.lang)
        else:
            note = self.verdict.size(self.lang)
            if self.first_visit is not None and not self._in_period(self.first_visit):
                note += ". " + catalog.text("briefing.impact.visit_outside", self.lang,
                                            month=pd.Timestamp(self.first_visit).strftime("%m/%Y"))
        return note[:1].upper() + note[1:]  # a line of its own

    def _in_period(self, day) -> bool:
        day = pd.Timestamp(day).date()
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    @property
    def figures(self) -> list[tuple[str, str]]:
        """(label in the brief's words, formatted value) of each key figure."""
        return [(catalog.text("briefing." + KEY_FIGURES[k], self.lang), self.key_figures[k]) for k in KEY_FIGURES]

    @property
    def period_text(self) -> str:
        """The period, and the view's filters when there are any: "2023–2024 (bidang: Pendidikan)"."""
        shown = period_text(self.start, self.end, self.lang)
        return f"{shown} ({self.filters})" if self.filters else shown

    @property
    def crumbs(self) -> str:
        return " › ".join(["Indonesia"] + [a.name for a in lookup.ancestors(self.region.code)])

    def agreements_table(self, limit: int = MAX_AGREEMENT_ROWS) -> tuple[list[str], list[list[str]], int]:
        """(headers, rows of the latest ``limit`` agreements, total number)."""
        lang = self.lang
        ag = self.profile.agreements
        day = metrics.agreement_day(ag)
        latest = ag.assign(day=day).sort_values("day", ascending=False, na_position="last").head(limit)
        rows = [[r.doc_number, _short(r.title, 70), AGREEMENT_TYPES.get(r.type, {}).get(lang, r.type),
                 STATUSES.get(r.status, {}).get(lang, r.status),
                 "–" if pd.isna(r.day) else r.day.strftime("%d/%m/%Y"), numbers.rupiah(r.value_idr, lang)]
                for r in latest.itertuples(index=False)]
        headers = [catalog.text(f"briefing.col.{c}", lang)
                   for c in ("doc_number", "title", "type", "status", "signed_on", "value_idr")]
        return headers, rows, len(ag)

    def obstacles_table(self) -> tuple[list[str], list[list[str]]]:
        lang = self.lang
        rows = [[r.label, numbers.number(r.agreements, 0, lang), r.mitigation]
                for r in self.profile.obstacles.itertuples(index=False)]
        return [catalog.text(f"briefing.col.{c}", lang) for c in ("obstacle", "agreements", "mitigation")], rows


def _short(text, n: int) -> str:
    text = str(text or "")
    return text if len(text) <= n else text[: n - 1] + "…"


def _in_period(frame: pd.DataFrame, day: pd.Series, start, end) -> pd.DataFrame:
    """Rows whose (local) day lies in the period, both ends included: the map's own rule (``geo.analysis.metrics``)."""
    if start is None and end is None:
        return frame
    return frame[metrics.in_period_mask(pd.to_datetime(day).dt.normalize(), start, end).to_numpy()]


def facts(code: str, ctx: Context, *, lang: str = "id", start: dt.date | None = None,
          end: dt.date | None = None, weights: tuple = (), sectors: tuple = (), types: tuple = (),
          statuses: tuple = (), ministries: tuple = ()) -> Facts:
    """What the region's brief shows, from the records and derived tables of ``ctx`` (as the map view's): the same
    period and filters as the map (so a figure equals the map's tooltip), and the impact report the map view uses
    for that period, filters and score weights (``map_view.report_settings``)."""
    if not lookup.exists(code or "-") or lookup.level_of(code) not in lookup.GOVERNMENT_LEVELS:
        raise UserError("region.level" if lookup.exists(code or "-") else "region.unknown", text=code)
    region = lookup.get(code)
    level = region.level
    spec = map_view.Spec(level=level, start=start, end=end, weights=tuple(weights), sectors=tuple(sectors),
                         types=tuple(types), statuses=tuple(statuses), ministries=tuple(ministries))
    agreements, visits = metrics.filter_records(ctx.agreements, ctx.visits, sectors=spec.sectors, types=spec.types,
                                                ministries=spec.ministries, statuses=spec.statuses)
    row = ctx.region_metrics(level=level, start=start, end=end, sectors=spec.sectors, types=spec.types,
                             ministries=spec.ministries, statuses=spec.statuses).loc[code]
    first_year = min(start.year, 2021) if start else 2021
    settings = map_view.report_settings(spec)
    region_score = ctx.report(settings).scores.get(code)
    visited = region_score is not None and region_score.visited
    v = region_score.verdict if visited else None
    score = region_score.shown_score if visited else None
    key_figures = {"population": numbers.number(region.population, 0, lang),
                   "signed": numbers.number(row["signed"], 0, lang),
                   "value_idr": numbers.rupiah(row["value_idr"], lang),
                   "partners": numbers.number(row["partners"], 0, lang),
                   "visits": numbers.number(row["visits"], 0, lang),
                   "impact": impact_text(v, score, lang)}
    ag = _in_period(agreements, metrics.agreement_day(agreements), start, end)
    vis = _in_period(visits, pd.to_datetime(visits["local_start"]), start, end)
    region_panel = panel.monthly_panel(agreements, visits, level=level, start=f"{first_year}-01")
    prof = region_profile.profile(code, ag, vis, region_panel, lang=lang, timeline_agreements=agreements)
    first_visit = region_panel.groupby("region")["first_visit"].first().get(code)
    # the verdict's sentence is the figure and its note; the score's line only where the score is shown
    explanation = [] if region_score is None else region_score.explain(lang, verdict=False, total=score is not None)
    return Facts(region, lang, start, end, key_figures, score, explanation, prof,
                 None if first_visit is None or pd.isna(first_visit) else first_visit,
                 simulated_note(ctx.agreements, ctx.visits, lang), v, visited,
                 "" if spec == map_view.Spec(level=level, start=start, end=end, weights=spec.weights)
                 else map_view.filters_text(spec, lang))


def impact_text(v: verdicts.Verdict | None, score: float | None, lang: str) -> str:
    """The impact figure in words: the verdict's label ("Belum dikunjungi" without a verdict), with the score beside
    it only when ``score`` is given (a clear verdict)."""
    label = catalog.text("verdict.not_visited", lang) if v is None else v.label(lang)
    if score is None:
        return label
    return catalog.text("briefing.impact.with_score", lang, verdict=label, score=numbers.number(score, 0, lang))


def timeline_png(f: Facts, *, size=(7.0, 2.4), dpi: int = 200) -> bytes | None:
    """The monthly agreements of the region, the comparison band and the visits, as a PNG (None: no data)."""
    from matplotlib.figure import Figure

    tl = f.profile.timeline
    if not len(tl):
        return None
    lang = f.lang
    with matplotlib.rc_context({"font.family": "DejaVu Sans"}):
        fig = Figure(figsize=size)
        ax = fig.add_axes((0.07, 0.16, 0.91, 0.78))
        if "comparison_mean" in tl:
            ax.fill_between(tl["month"], tl["comparison_low"], tl["comparison_high"], color="#888888", alpha=0.3,
                            linewidth=0)
        ax.plot(tl["month"], tl["count"], color="#1f5f99", marker="o", markersize=2.5, linewidth=1.2)
        for day in pd.to_datetime(f.profile.visits["local_start"]):
            ax.axvline(day, color="#b2182b", linewidth=1)
        ax.set_ylabel(catalog.text("briefing.col.agreements", lang), fontsize=8)
        ax.tick_params(labelsize=7)
        ax.spines[["top", "right"]].set_visible(False)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def _pdf_class():
    from fpdf import FPDF

    class BriefPDF(FPDF):
        footer_lines: list[tuple[str, tuple[int, int, int]]] = []

        def footer(self):
            self.set_y(-16)
            self.set_font("DejaVu", "", 6.5)
            for text, color in self.footer_lines:
                self.set_text_color(*color)
                self.multi_cell(0, 3.2, text, new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0, 0, 0)

    return BriefPDF


def pdf_bytes(f: Facts, photos=()) -> bytes:
    """The brief as an A4 PDF of one or two pages (and the photos' section, when ``photos``: (Photo, image
    bytes) pairs)."""
    from fpdf.fonts import FontFace

    lang = f.lang
    pdf = _pdf_class()(orientation="portrait", unit="mm", format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    made = dt.date.today().strftime("%d/%m/%Y")
    pdf.footer_lines = ([(f.note, (178, 24, 43))] if f.note else []) + [
        (catalog.text("briefing.source", lang, date=made), (80, 80, 80))]
    pdf.set_title(f"{catalog.text('briefing.brief.title', lang)}: {f.region.name}")
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(15, 12, 15)
    pdf.add_page()
    heading = FontFace(emphasis="BOLD", fill_color=(230, 236, 244))

    pdf.set_font("DejaVu", "", 9)
    pdf.set_text_color(90, 90, 90)
    pdf.cell(0, 5, f"{catalog.text('briefing.brief.title', lang)} · {f.crumbs}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "B", 18)
    pdf.cell(0, 9, f"{f.region.name} ({f.region.code})", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(0, 6, f"{catalog.text('briefing.period', lang)}: {f.period_text}", new_x="LMARGIN", new_y="NEXT")
    if f.note:
        pdf.set_font("DejaVu", "B", 10)
        pdf.set_text_color(178, 24, 43)
        pdf.cell(0, 6, f.note, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)

    def section(title: str) -> None:
        pdf.ln(2)
        pdf.set_font("DejaVu", "B", 12)
        pdf.cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 9)

    section(catalog.text("briefing.brief.key_figures", lang))
    with pdf.table(col_widths=(1, 1, 1), text_align="CENTER", line_height=5.5, first_row_as_headings=False,
                   headings_style=heading) as table:
        for half in (f.figures[:3], f.figures[3:]):
            table.row([label for label, _ in half], style=heading)
            table.row([value for _, value in half])

    pdf.ln(1.5)  # the impact figure in words, its size (or reason) beneath
    pdf.set_font("DejaVu", "B", 10)
    pdf.multi_cell(0, 5, f"{catalog.text('briefing.brief.impact', lang)}: {f.key_figures['impact']}",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(0, 4.6, f.impact_note, new_x="LMARGIN", new_y="NEXT")

    section(catalog.text("briefing.brief.score_explain", lang))
    for line in f.explanation or [catalog.text("briefing.brief.none", lang)]:
        pdf.multi_cell(0, 4.6, f"• {line}", new_x="LMARGIN", new_y="NEXT")

    section(catalog.text("briefing.brief.timeline", lang))
    chart = timeline_png(f)
    if chart:
        pdf.image(io.BytesIO(chart), w=pdf.epw)
        pdf.set_font("DejaVu", "", 7.5)
        pdf.cell(0, 4, catalog.text("briefing.brief.timeline_note", lang), new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.cell(0, 5, catalog.text("briefing.brief.none", lang), new_x="LMARGIN", new_y="NEXT")

    headers, rows, total = f.agreements_table()
    shown = catalog.text("briefing.brief.agreements_shown", lang, shown=len(rows), total=total)
    section(f"{catalog.text('briefing.brief.agreements', lang)} ({shown})")
    if rows:
        pdf.set_font("DejaVu", "", 7.5)
        with pdf.table(col_widths=(30, 54, 26, 22, 17, 20), line_height=4, headings_style=heading,
                       text_align="LEFT") as table:
            table.row(headers)
            for r in rows:
                table.row(r)
    else:
        pdf.cell(0, 5, catalog.text("briefing.brief.none", lang), new_x="LMARGIN", new_y="NEXT")

    section(catalog.text("briefing.brief.obstacles", lang))
    headers, rows = f.obstacles_table()
    if rows:
        with pdf.table(col_widths=(25, 15, 60), line_height=4.6, headings_style=heading, text_align="LEFT") as table:
            table.row(headers)
            for r in rows:
                table.row(r)
    else:
        pdf.cell(0, 5, catalog.text("briefing.brief.none", lang), new_x="LMARGIN", new_y="NEXT")
    if photos:
        _photo_section(pdf, list(photos)[:MAX_PHOTOS], lang, section)
    return bytes(pdf.output())


def _photo_section(pdf, photos, lang: str, section) -> None:
    """Two photos a row, each 4:3 at most, its caption and its place · date · credit beneath."""
    from PIL import Image

    from geo.evidence.gallery import photo_line

    gap = 6
    width = (pdf.epw - gap) / 2
    height = width * 0.75
    if pdf.will_page_break(height + 25):
        pdf.add_page()
    section(catalog.text("evidence.brief.title", lang))
    for start in range(0, len(photos), 2):
        row = photos[start:start + 2]
        if pdf.will_page_break(height + 20):
            pdf.add_page()
        top = pdf.get_y()
        bottoms = []
        for i, (photo, data) in enumerate(row):
            x = pdf.l_margin + i * (width + gap)
            w, h = Image.open(io.BytesIO(data)).size
            drawn = min(height, width * h / w)  # the caption right under the picture, however tall it is
            pdf.image(io.BytesIO(data), x=x, y=top, keep_aspect_ratio=True, w=width, h=drawn)
            pdf.set_xy(x, top + drawn + 1)
            pdf.set_font("DejaVu", "", 8)
            pdf.multi_cell(width, 3.8, _short(photo.caption, 160), align="L", new_x="LEFT", new_y="NEXT")
            pdf.set_font("DejaVu", "", 7)
            pdf.set_text_color(90, 90, 90)
            pdf.multi_cell(width, 3.4, photo_line(photo, lang), align="L", new_x="LEFT", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            bottoms.append(pdf.get_y())
        pdf.set_xy(pdf.l_margin, max(bottoms) + 3)


def brief_pdf(code: str, ctx: Context, *, photos=(), **kw) -> bytes:
    return pdf_bytes(facts(code, ctx, **kw), photos)
