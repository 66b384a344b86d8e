"""The visit schedule as files a protocol officer prints as they are: XLSX and an A4 landscape PDF.

Both carry the same things, in Indonesian (the ministries' schedules are; words from the catalog, ``planner.file.*``):

* a title block: the visit's name, the official, the ministry, the days (from the first to the last stop's date as
  written in the schedule, ``geo.text.periods.day_span``), the plan's reference and note;
* the table: No. | Tanggal | Waktu | Lokasi | Narasumber/Pihak yang Dijumpai | Agenda, one numbered row per stop
  as the user edited it, and between the stops a row per travel leg with its mode and duration
  (``geo.planner.itinerary.route_legs``; "4 jam 30 menit", ``geo.text.numbers.duration``) — from the start city to
  the first stop and, when the trip returns home, a last leg back to the start city;
* when it was made ("Senin, 30 November 2026 14.42 WIB", ``geo.text.periods.moment``), that travel times are
  estimates, and that the data is simulated when it is.

XLSX: bold title, bold filled header row frozen with the title above it, wrapped cells with widths for each column,
legs merged across the row in italics, printed A4 landscape one page wide with the header row repeated and
"Halaman n dari N" in the footer. Every text the user wrote passes ``geo.records.exports.neutralise``: a cell a
spreadsheet would run as a formula ("=…", "+…", "-…", "@…") starts with an apostrophe and shows as text.
PDF (fpdf2, DejaVu Sans from matplotlib for Indonesian text): the title block, the table with its header row
repeated on every page, and "Halaman n dari N" at the foot of each page.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from geo.planner.itinerary import SCHEDULE_COLUMNS, Leg
from geo.records.exports import neutralise
from geo.regions import lookup
from geo.text import numbers
from geo.text.catalog import text
from geo.text.parsing import parse_date
from geo.text.periods import day_span, moment

COLUMNS = ["No.", *SCHEDULE_COLUMNS]
XLSX_WIDTHS = (6, 24, 20, 30, 45, 70)  # characters, per column of COLUMNS
PDF_WIDTHS = (10, 40, 34, 45, 62, 82)  # mm: the 273 mm between 12 mm margins of A4 landscape
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class ScheduleDoc:
    """One schedule: ``rows`` (columns ``SCHEDULE_COLUMNS``, one per stop, in order, as edited), ``legs`` the route's
    legs for those stops (``route_legs(start, codes, return_home)``: one before each stop, then the way home)."""

    rows: pd.DataFrame
    legs: list[Leg]
    title: str = ""
    official: str = ""
    ministry: str = ""
    ref: str = ""
    note: str = ""
    simulated: bool = False
    made_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    lang: str = "id"

    def t(self, key: str, **kw) -> str:
        return text(f"planner.file.{key}", self.lang, **kw)

    @property
    def heading(self) -> str:
        return self.title.strip() or self.t("default_title", official=self.official.strip() or "—")

    def days_text(self) -> str:
        days = [d for d in (parse_date(v) for v in self.rows["Tanggal"]) if d is not None] if len(self.rows) else []
        return day_span(min(days), max(days)) if days else "–"

    def facts(self) -> list[tuple[str, str]]:
        """The title block's lines below the title: (label, value), the empty ones left out."""
        out = [(self.t("official"), self.official), (self.t("ministry"), self.ministry),
               (self.t("dates"), self.days_text()), (self.t("ref"), self.ref), (self.t("note"), self.note)]
        return [(k, v.strip()) for k, v in out if v and v.strip()]

    def leg_text(self, x: Leg, home: bool) -> str:
        return self.t("return" if home else "leg", origin=lookup.get(x.origin).name,
                      destination=lookup.get(x.destination).name, mode=self.t(f"mode.{x.mode}"),
                      duration=numbers.duration(x.hours, self.lang), km=numbers.number(x.km, 0, self.lang))

    def table(self) -> list[tuple[str, list[str]]]:
        """The table's rows in order: ("leg", [text]) and ("stop", [No., Tanggal, Waktu, Lokasi, …])."""
        out: list[tuple[str, list[str]]] = []
        n = len(self.rows)
        for i, row in enumerate(self.rows[SCHEDULE_COLUMNS].itertuples(index=False)):
            if i < len(self.legs):
                out.append(("leg", [self.leg_text(self.legs[i], False)]))
            out.append(("stop", [str(i + 1), *(_cell(v) for v in row)]))
        if len(self.legs) > n:  # the way back to the start city
            out.append(("leg", [self.leg_text(self.legs[n], True)]))
        return out

    def closing(self) -> list[str]:
        lines = [self.t("made", when=moment(self.made_at)), self.t("estimates")]
        return lines + ([text("briefing.simulated", self.lang)] if self.simulated else [])


def _cell(value) -> str:
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return str(value).strip()


# ------------------------------------------------------------------ XLSX

def xlsx_bytes(doc: ScheduleDoc) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = doc.t("sheet")[:31]
    last = get_column_letter(len(COLUMNS))
    wrap = Alignment(wrap_text=True, vertical="top")
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    def line(value, font=None, height=None) -> None:
        ws.append([neutralise(value)])
        r = ws.max_row
        ws.merge_cells(f"A{r}:{last}{r}")
        ws[f"A{r}"].alignment = Alignment(wrap_text=True, vertical="center")
        if font is not None:
            ws[f"A{r}"].font = font
        if height:
            ws.row_dimensions[r].height = height

    line(doc.heading, Font(bold=True, size=14), 24)
    for label, value in doc.facts():
        line(f"{label}: {value}", Font(size=11))
    ws.append([])
    ws.append([neutralise(c) for c in COLUMNS])
    header = ws.max_row
    for cell in ws[header]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE6F1")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = box
    for kind, cells in doc.table():
        if kind == "leg":
            ws.append(["", neutralise(cells[0])])
            r = ws.max_row
            ws.merge_cells(f"B{r}:{last}{r}")
            ws[f"B{r}"].font = Font(italic=True, color="404040")
            for cell in ws[r]:
                cell.fill = PatternFill("solid", fgColor="F2F2F2")
                cell.alignment = wrap
                cell.border = box
        else:
            ws.append([int(cells[0]), *(neutralise(v) for v in cells[1:])])
            for cell in ws[ws.max_row]:
                cell.alignment = wrap
                cell.border = box
    ws.append([])
    for closing in doc.closing():
        line(closing, Font(italic=True, size=9, color="555555"))
    for i, width in enumerate(XLSX_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = f"A{header + 1}"
    ws.print_title_rows = f"{header}:{header}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = doc.t("page_xlsx")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ------------------------------------------------------------------ PDF

FONT_DIR = Path(__import__("matplotlib").get_data_path()) / "fonts" / "ttf"


def add_fonts(pdf) -> None:
    """DejaVu Sans (regular, bold, italic) as "DejaVu": every letter Indonesian text needs, offline."""
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))


def a4_pdf(title: str, page_word: str, *, orientation: str, margin: float, foot: float):
    """An A4 ``FPDF`` with the DejaVu fonts, ``title`` as its title, margins of ``margin`` mm, the first page added,
    and at the foot of each page the title (left) and ``page_word`` (right; ``{page}`` the page, ``{nb}`` how many),
    for the schedule and the monitoring report (``geo.monitoring.report``)."""
    from fpdf import FPDF

    class FooterPDF(FPDF):
        def footer(self):
            self.set_y(-10)
            self.set_font("DejaVu", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, title[:120 if orientation == "landscape" else 100], align="L")
            self.set_x(self.l_margin)
            self.cell(0, 5, page_word.replace("{page}", str(self.page_no())), align="R")
            self.set_text_color(0, 0, 0)

    pdf = FooterPDF(orientation=orientation, unit="mm", format="A4")
    add_fonts(pdf)
    pdf.set_title(title)
    pdf.set_creator("Sinergi")
    pdf.set_margins(margin, margin, margin)
    pdf.set_auto_page_break(True, margin=foot)
    pdf.add_page()
    return pdf


def pdf_bytes(doc: ScheduleDoc) -> bytes:
    from fpdf.enums import TableHeadingsDisplay
    from fpdf.fonts import FontFace

    pdf = a4_pdf(doc.heading, doc.t("page", page="{page}", pages="{nb}"), orientation="landscape", margin=12,
                 foot=15)

    pdf.set_font("DejaVu", "B", 16)
    pdf.multi_cell(0, 8, doc.heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    for label, value in doc.facts():
        pdf.multi_cell(0, 5.5, f"{label}: {value}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    heading = FontFace(emphasis="BOLD", fill_color=(220, 230, 241))
    leg_style = FontFace(emphasis="ITALICS", color=(64, 64, 64), fill_color=(242, 242, 242))
    pdf.set_font("DejaVu", "", 8.5)
    with pdf.table(col_widths=PDF_WIDTHS, width=sum(PDF_WIDTHS), line_height=4.4, text_align="LEFT", v_align="TOP",
                   headings_style=heading, repeat_headings=TableHeadingsDisplay.ON_TOP_OF_EVERY_PAGE,
                   first_row_as_headings=True) as table:
        table.row(COLUMNS)
        for kind, cells in doc.table():
            row = table.row()
            if kind == "leg":
                row.cell("", style=leg_style)
                row.cell(cells[0], colspan=len(COLUMNS) - 1, style=leg_style)
            else:
                for value in cells:
                    row.cell(value)
    pdf.ln(3)
    pdf.set_font("DejaVu", "I", 8)
    pdf.set_text_color(85, 85, 85)
    for closing in doc.closing():
        pdf.multi_cell(0, 4.2, closing, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
