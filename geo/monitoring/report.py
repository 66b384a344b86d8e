"""The periodic monitoring report, monthly or quarterly, as an A4 PDF and an XLSX workbook.

``python -m geo report --period 2026-Q3 --out laporan.pdf`` (or ``--period 2026-09``, ``.xlsx``) — fit for cron: it
exits 2 with a message and writes nothing on a bad period, extension or folder, or an empty database.

What it says, for the period's first to last day (``Period``), assessed on its last day — or today, when the
period has not ended yet (``as_of``) — with only what was recorded by then:

* agreements by status at the end of the period (each agreement's last recorded status change on or before it;
  agreements whose first change is later are not counted);
* the cooperation flow of the period: status changes dated in it, by the status reached;
* KPIs (``geo.monitoring.kpis``, its rules): those watched at the end of the period, on track / off track / cannot
  tell yet; readings received in the period; readings due and overdue at its end;
* working visits made in the period (planned ones never count), in total and per ministry;
* the KPIs needing attention (off track or overdue), one row each, worst first (the PDF the first
  ``PDF_ATTENTION_ROWS``, saying how many more the XLSX lists).

A period in which nothing happened still gives a report: its counts are zero and it says so. Every text in the
XLSX passes ``geo.records.exports.neutralise`` (a cell a spreadsheet would run as a formula shows as text); the PDF
uses the schedule's page (``geo.planner.schedule_files.a4_pdf``: fonts, footer) and says when the data is simulated.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field

import pandas as pd

from geo.monitoring import kpis
from geo.text import numbers
from geo.text.catalog import text
from geo.text.messages import UserError
from geo.text.parsing import month_year
from geo.text.vocabulary import STATUSES

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTENSIONS = (".pdf", ".xlsx")
PDF_ATTENTION_ROWS = 40  # the PDF lists the worst 40 KPIs needing attention; the XLSX lists them all
_QUARTER = re.compile(r"(\d{4})-?[Qq]([1-4])")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


@dataclass(frozen=True)
class Period:
    """A calendar month or quarter: its first and last day and how it was asked for (``2026-Q3``, ``2026-09``)."""

    start: dt.date
    end: dt.date
    code: str
    quarter: int | None = None

    def words(self, lang: str = "id") -> str:
        if self.quarter:
            return text("monitoring.report.quarter", lang, q=("I", "II", "III", "IV")[self.quarter - 1] if lang == "id"
                        else self.quarter, year=self.start.year)
        return month_year(self.start, lang)


def parse_period(value: str) -> Period:
    """``2026-Q3`` (also ``2026Q3``, ``2026-q3``) or ``2026-09``; anything else is ``UserError("report.period")``.

    >>> p = parse_period("2026-Q3"); (p.start, p.end)
    (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
    >>> parse_period("2026-02").end
    datetime.date(2026, 2, 28)
    """
    raw = (value or "").strip()
    if m := _QUARTER.fullmatch(raw):
        year, q = int(m.group(1)), int(m.group(2))
        start = dt.date(year, 3 * q - 2, 1)
        return Period(start, kpis.add_months(start, 3) - dt.timedelta(days=1), f"{year}-Q{q}", q)
    if (m := _MONTH.fullmatch(raw)) and 1 <= int(m.group(2)) <= 12 and 1900 <= int(m.group(1)):
        start = dt.date(int(m.group(1)), int(m.group(2)), 1)
        return Period(start, kpis.add_months(start, 1) - dt.timedelta(days=1), f"{start:%Y-%m}")
    raise UserError("report.period", text=raw[:40])


def last_quarter(today: dt.date) -> Period:
    """The last quarter that has ended by ``today`` (the page's default report).

    >>> last_quarter(dt.date(2026, 11, 30)).code, last_quarter(dt.date(2026, 1, 1)).code
    ('2026-Q3', '2025-Q4')
    """
    before = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1) - dt.timedelta(days=1)
    return parse_period(f"{before.year}-Q{(before.month - 1) // 3 + 1}")


def check_extension(path) -> str:
    ext = str(path).lower().rsplit(".", 1)[-1] if "." in str(path) else ""
    if f".{ext}" not in EXTENSIONS:
        raise UserError("report.extension", text=f".{ext}" if ext else str(path))
    return ext


def day_text(d: dt.date | None, lang: str = "id") -> str:
    """``30 September 2026`` (a missing date: "–")."""
    return f"{d.day} {month_year(d, lang)}" if d else "–"


@dataclass
class Report:
    period: Period
    as_of: dt.date
    sections: list[tuple[str, list[tuple[str, int]]]]
    attention: pd.DataFrame  # columns: the attention table's headings (words), text cells
    simulated: bool = False
    lang: str = "id"
    quiet: bool = False  # nothing happened in the period: no status change, reading or visit dated in it
    # no status change and no visit in the period (readings only): the last day either was recorded, said plainly so
    # that zeros do not read as "nothing happened" when the records simply stop earlier
    last_recorded: dt.date | None = None
    made_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))

    @property
    def title(self) -> str:
        return text("monitoring.report.title", self.lang, period=self.period.words(self.lang))

    def subtitle(self) -> str:
        from geo.text.periods import moment

        return "; ".join([
            text("monitoring.report.span", self.lang, start=day_text(self.period.start, self.lang),
                 end=day_text(self.period.end, self.lang), as_of=day_text(self.as_of, self.lang)),
            text("monitoring.report.made", self.lang, when=moment(self.made_at))])

    def notes(self) -> list[str]:
        out = [text("monitoring.report.nothing", self.lang)] if self.quiet else []
        if self.last_recorded is not None:
            out.append(text("monitoring.report.last_recorded", self.lang,
                            day=day_text(self.last_recorded, self.lang)))
        return out + ([text("briefing.simulated", self.lang)] if self.simulated else [])


def build(agreements: pd.DataFrame, visits: pd.DataFrame, records: list[kpis.KpiRecord], period: Period, *,
          lang: str = "id", today: dt.date | None = None, simulated: bool = False) -> Report:
    """The report of ``period`` from the records (``geo.records.read`` frames and ``kpis.load``)."""
    as_of = min(period.end, today or dt.date.today())
    w = lambda key, **kw: text(f"monitoring.report.{key}", lang, **kw)  # noqa: E731
    status_end = [kpis.status_on(h, s, as_of) for h, s in zip(agreements["status_history"], agreements["status"])]
    by_status = [(STATUSES[s][lang], sum(1 for x in status_end if x == s)) for s in STATUSES]
    moves = [(w("became", status=STATUSES[s][lang].lower()),
              sum(1 for h in agreements["status_history"] for st, d in h
                  if st == s and period.start <= d <= period.end)) for s in STATUSES]
    table = kpis.frame(records, as_of)
    watched = table[table["reading"] != "not_watched"]
    kpi_rows = [(w("kpi_watched"), len(watched)), (w("kpi_on"), int((watched["off_track"] == False).sum())),  # noqa: E712
                (w("kpi_off"), int((watched["off_track"] == True).sum())),  # noqa: E712
                (w("kpi_unknown"), int(watched["off_track"].isna().sum())),
                (w("readings_in"), kpis.readings_in(records, period.start, min(period.end, as_of))),
                (w("readings_due"), int((watched["reading"] == "due").sum())),
                (w("readings_overdue"), int((watched["reading"] == "overdue").sum()))]
    made = visits[~visits["planned"].astype(bool)] if len(visits) else visits
    days = pd.to_datetime(made["local_start"]).dt.date if len(made) else pd.Series(dtype=object)
    in_period = made[days.map(lambda d: period.start <= d <= period.end)] if len(made) else made
    visit_rows = [(w("visits_total"), len(in_period))] + [
        (str(m), int(n)) for m, n in in_period["ministry"].value_counts().sort_index().items()]
    sections = [(w("status_end"), by_status), (w("moves"), moves), (w("kpis"), kpi_rows),
                (w("visits"), visit_rows)]
    quiet = not (sum(n for _, n in moves) or kpi_rows[4][1] or len(in_period))
    last = None
    if not quiet and not sum(n for _, n in moves) and not len(in_period):
        earlier = [d for h in agreements["status_history"] for _, d in h if d < period.start] + \
            [d for d in days if d < period.start]
        last = max(earlier, default=None)
    return Report(period, as_of, sections, attention_table(watched, lang), simulated, lang, quiet, last)


def attention_table(table: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """KPIs off track or overdue, worst first (off track, then the longest overdue), as text cells."""
    need = table[(table["off_track"] == True) | (table["reading"] == "overdue")]  # noqa: E712
    need = need.sort_values(["off_track", "due_on"], ascending=[False, True], key=lambda c: c.fillna(False)
                            if c.name == "off_track" else c)
    col = lambda key: text(f"monitoring.col.{key}", lang)  # noqa: E731

    def track(v) -> str:
        return text("monitoring.track." + ("unknown" if v is None or pd.isna(v) else "off" if v else "on"), lang)

    rows = [{col("doc"): r.doc_number, col("kpi"): r.kpi,
             col("last"): day_text(r.last_on, lang) if r.last_on else "–",
             col("value"): numbers.number(r.last_value, 1, lang) if r.last_value is not None
             and not pd.isna(r.last_value) else "–",
             col("target"): numbers.number(r.target, 1, lang) if r.target is not None and not pd.isna(r.target)
             else "–",
             col("state"): f"{text('monitoring.state.' + r.reading, lang)}; {track(r.off_track)}"}
            for r in need.itertuples(index=False)]
    return pd.DataFrame(rows, columns=[col(k) for k in ("doc", "kpi", "last", "value", "target", "state")])


def from_database(engine, period: Period, *, lang: str = "id", today: dt.date | None = None) -> Report:
    """The report from the database the app uses; ``UserError`` when it holds no records at all."""
    from geo.analysis.context import Context
    from geo.briefings import maker
    from geo.records import read, sample

    agreements, visits = read.agreements_frame(engine), read.visits_frame(engine)
    maker.check_not_empty(Context(agreements, visits))
    return build(agreements, visits, kpis.load(engine), period, lang=lang, today=today,
                 simulated=sample.is_simulated(engine))


# ------------------------------------------------------------------ files

def xlsx_bytes(report: Report) -> bytes:
    """Sheet one: title, period line, then Section | Item | Count under a bold frozen header; sheet two: the KPIs
    needing attention, the same way. Every text neutralised."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from geo.records.exports import neutralise

    wb = Workbook()
    lang = report.lang

    def sheet(ws, header: list[str], rows: list[list]) -> None:
        ws.append([neutralise(report.title)])
        ws["A1"].font = Font(bold=True, size=14)
        ws.append([neutralise(report.subtitle())])
        for note in report.notes():
            ws.append([neutralise(note)])
        ws.append([])
        ws.append([neutralise(h) for h in header])
        top = ws.max_row
        for cell in ws[top]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DCE6F1")
        for row in rows:
            ws.append([neutralise(v) for v in row])
        ws.freeze_panes = f"A{top + 1}"
        for letter, width in zip("ABCDEF", (44, 44, 22, 16, 16, 40)):
            ws.column_dimensions[letter].width = width

    ws = wb.active
    ws.title = text("monitoring.report.summary_sheet", lang)
    sheet(ws, [text(f"monitoring.report.{k}", lang) for k in ("section", "item", "count")],
          [[title, label, count] for title, rows in report.sections for label, count in rows])
    sheet(wb.create_sheet(text("monitoring.report.kpi_sheet", lang)[:31]), list(report.attention.columns),
          report.attention.values.tolist())
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def pdf_bytes(report: Report) -> bytes:
    """A4 portrait: title, period line, notes, one small table per section, then the KPIs needing attention with
    the header repeated on every page; "Halaman n dari N" at the foot of each page."""
    from fpdf.enums import TableHeadingsDisplay
    from fpdf.fonts import FontFace

    from geo.planner.schedule_files import a4_pdf

    lang = report.lang
    pdf = a4_pdf(report.title, text("monitoring.report.page", lang, page="{page}", pages="{nb}"),
                 orientation="portrait", margin=15, foot=16)
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 7.5, report.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9.5)
    pdf.multi_cell(0, 5, report.subtitle(), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "I", 9)
    for note in report.notes():
        pdf.multi_cell(0, 5, note, new_x="LMARGIN", new_y="NEXT")
    heading = FontFace(emphasis="BOLD", fill_color=(220, 230, 241))
    for title, rows in report.sections:
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 9)
        with pdf.table(col_widths=(130, 50), width=180, line_height=5, text_align=("LEFT", "RIGHT"),
                       first_row_as_headings=False) as table:
            for label, count in rows:
                table.row([label, numbers.number(count, 0, lang)])
    pdf.ln(3)
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(0, 6, text("monitoring.report.attention", lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 8)
    if report.attention.empty:
        pdf.multi_cell(0, 5, text("monitoring.none", lang), new_x="LMARGIN", new_y="NEXT")
    else:
        with pdf.table(col_widths=(30, 46, 28, 20, 18, 38), width=180, line_height=4.2, text_align="LEFT",
                       headings_style=heading, repeat_headings=TableHeadingsDisplay.ON_TOP_OF_EVERY_PAGE) as table:
            table.row(list(report.attention.columns))
            for row in report.attention.head(PDF_ATTENTION_ROWS).itertuples(index=False):
                table.row([str(v) for v in row])
        if len(report.attention) > PDF_ATTENTION_ROWS:
            pdf.set_font("DejaVu", "I", 8.5)
            pdf.multi_cell(0, 5, text("monitoring.report.more", lang, n=numbers.number(
                len(report.attention) - PDF_ATTENTION_ROWS, 0, lang)), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def file_bytes(report: Report, ext: str) -> bytes:
    return pdf_bytes(report) if ext == "pdf" else xlsx_bytes(report)
