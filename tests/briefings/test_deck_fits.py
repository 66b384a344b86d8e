"""Decks that fit (issue 17), checked on the rendering, not on the shapes: LibreOffice (Debian's
libreoffice-impress-nogui) turns each deck into a PDF, poppler's ``pdftotext -bbox`` gives the box of every word
drawn, and every word must lie on its page and inside the box of a shape whose text it belongs to (a table's
frame is as tall as the rows the deck measured, so a row that LibreOffice needs taller pushes words out of it);
no two words may overlap. One conversion per deck, each in its own LibreOffice profile so parallel runs do not
clash. Skipped where LibreOffice or poppler is missing, unless ``SINERGI_REQUIRE_LIBREOFFICE=1`` (CI).

Two decks: the sample's (the simulated records, a planner itinerary with its real agenda suggestions, two chosen
regions) and a hostile one (40 stops, 726-character agenda cells, the longest region names, long titles and
filters).
"""

import datetime as dt
import html
import io
import re
import subprocess
from dataclasses import dataclass

import pandas as pd
import pytest
from pptx import Presentation
from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject

from geo.analysis.context import Context
from geo.briefings import deck
from geo.maps import map_view
from geo.planner import itinerary, stop_notes
from geo.regions import lookup

MARGIN = 2.0  # points a word may stray over a box's edge (glyph boxes are a little larger than advances)
EMU_PER_PT = 12700
WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')
LONGEST_REGENCIES = ["31.01", "71.09", "16.12", "16.09"]  # "Kabupaten Administrasi Kepulauan Seribu" …


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    def inside(self, x0, y0, x1, y1, margin=MARGIN) -> bool:
        return (self.x0 >= x0 - margin and self.y0 >= y0 - margin and self.x1 <= x1 + margin
                and self.y1 <= y1 + margin)

    def overlaps(self, other: "Word") -> bool:
        """Drawn over each other: side by side by more than a point and their middles less than half a line
        apart (a word's box is the font's whole height, 1.3 em: the boxes of lines 1.16 em apart overlap)."""
        middle = abs((self.y0 + self.y1) - (other.y0 + other.y1)) / 2
        return (min(self.x1, other.x1) - max(self.x0, other.x0) > 1.0
                and middle < 0.5 * min(self.y1 - self.y0, other.y1 - other.y0))


def render_pdf(pptx: bytes, folder, tools) -> bytes:
    """The deck as LibreOffice draws it (PDF), in ``folder`` with a LibreOffice profile of its own."""
    soffice, _ = tools
    (folder / "deck.pptx").write_bytes(pptx)
    profile = (folder / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(folder), str(folder / "deck.pptx")], check=True, capture_output=True, timeout=300)
    return (folder / "deck.pdf").read_bytes()


def words_of(pdf: bytes, folder, tools) -> list[tuple[float, float, list[Word]]]:
    """Per page: (width, height, every word drawn with its box, top-left origin) — words off the page included:
    each page is first widened threefold, as pdftotext leaves out what lies outside the page."""
    _, pdftotext = tools
    writer, sizes = PdfWriter(), []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        sizes.append((w, h))
        page.mediabox = page.cropbox = RectangleObject([-w, -h, 2 * w, 2 * h])
        writer.add_page(page)
    wide = folder / "wide.pdf"
    with open(wide, "wb") as fh:
        writer.write(fh)
    out = subprocess.run([pdftotext, "-bbox", str(wide), "-"], check=True, capture_output=True, text=True,
                         timeout=120).stdout
    pages = []
    for (w, h), page in zip(sizes, out.split("<page ")[1:]):
        pages.append((w, h, [Word(float(x0) - w, float(y0) - h, float(x1) - w, float(y1) - h, html.unescape(t))
                             for x0, y0, x1, y1, t in WORD.findall(page)]))
    return pages


def shape_boxes(slide, scale: float) -> list[tuple[tuple[float, float, float, float], str]]:
    """Every shape with text on ``slide``: its box in the PDF's points and its text (a table's: all cells)."""
    out = []
    for sh in slide.shapes:
        if sh.has_table:
            body = " ".join(c.text for r in sh.table.rows for c in r.cells)
        elif sh.has_text_frame and sh.text_frame.text.strip():
            body = sh.text_frame.text
        else:
            continue
        box = tuple(v / EMU_PER_PT * scale for v in (sh.left, sh.top, sh.left + sh.width, sh.top + sh.height))
        out.append((box, " ".join(body.split())))
    return out


def misplaced(pptx: bytes, pages) -> list[str]:
    """What is drawn where it should not be: a word off its page, outside every box whose text holds it, or over
    another word."""
    prs = Presentation(io.BytesIO(pptx))
    slides = list(prs.slides)
    assert len(pages) == len(slides)
    problems = []
    for n, (slide, (w, h, words)) in enumerate(zip(slides, pages), start=1):
        scale = w / (prs.slide_width / EMU_PER_PT)
        shapes = shape_boxes(slide, scale)
        assert words, f"slide {n} drew no text"
        for word in words:
            if not word.inside(0, 0, w, h, margin=0):
                problems.append(f"slide {n}: {word.text!r} off the page at {word.y0:.0f}–{word.y1:.0f} pt")
            elif not any(word.text in body and word.inside(*box) for box, body in shapes):
                problems.append(f"slide {n}: {word.text!r} outside its box at {word.x0:.0f},{word.y0:.0f} pt")
        for i, a in enumerate(words):
            problems += [f"slide {n}: {a.text!r} over {b.text!r}" for b in words[i + 1:] if a.overlaps(b)]
    return problems


def table_font_sizes(pptx: bytes) -> set[float]:
    prs = Presentation(io.BytesIO(pptx))
    return {run.font.size.pt for s in prs.slides for sh in s.shapes if sh.has_table for r in sh.table.rows
            for c in r.cells for p in c.text_frame.paragraphs for run in p.runs}


def notes_of(pptx: bytes) -> str:
    prs = Presentation(io.BytesIO(pptx))
    return "\n".join(s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide)


@pytest.fixture(scope="module")
def ctx(sample_frames):
    return Context(*sample_frames)


@pytest.fixture(scope="module")
def sample_deck(ctx) -> tuple[bytes, pd.DataFrame]:
    """The sample's deck: national map, rankings, two chosen regions and a planned trip whose agenda the planner
    suggested from the records (up to some 650 characters a stop)."""
    order = ["32.73", "73.71", "32.04", "35.78", "11.71", "91.03", "64.72"]
    stops = itinerary.schedule("31.71", order, start_date=dt.date(2030, 3, 4), days=10,
                               briefs={c: stop_notes.brief(c, ctx.agreements) for c in order})
    trip = itinerary.schedule_frame(stops)
    view = map_view.compute(map_view.Spec(level="province", metric="signed"), ctx)
    return deck.build(view, ctx, chosen=["32.73", "32"], itinerary=trip), trip


def hostile_agenda(i: int) -> str:
    words = (f"{i + 1}) Mendorong kerja sama terhambat 0{i:03d}/PKS/SIM/2031 (Penyediaan air minum lintas batas "
             "Kabupaten Administrasi Kepulauan Seribu dan Kabupaten Kep. Siau Tagulandang Biaro): hambatan "
             "anggaran, komitmen, perbedaan persepsi — perencanaan anggaran dan sumber pendanaan alternatif; "
             "tim koordinasi, insentif, pemantauan berkala; forum komunikasi dan koordinasi; ")
    text = (words * 3)[:725]
    return text + "."


@pytest.fixture(scope="module")
def hostile_deck(ctx) -> tuple[bytes, pd.DataFrame]:
    """40 stops, 726-character agenda cells, the longest regency names as places and chosen regions, a map of the
    province with the longest name, many filters (a long subtitle), in English."""
    names = [lookup.get(c) for c in LONGEST_REGENCIES]
    rows = []
    for i in range(40):
        r = names[i % len(names)]
        rows.append([f"Rabu, {1 + i % 28} September 2031", "09.00–12.00 WITA",
                     f"{r.name}, {lookup.parent(r.code).name}",
                     "; ".join([f"Bupati {r.name}", "Sekretaris Daerah", "Kepala Bappeda",
                                "pihak kerja sama terhambat: " + ", ".join(n.name for n in names),
                                "mitra non-pemerintah: PT Bank Pembangunan Daerah, Universitas Terbuka"]),
                     hostile_agenda(i)])
    trip = pd.DataFrame(rows, columns=deck.ITINERARY_COLUMNS)
    spec = map_view.Spec(level="regency", within="19", metric="value_per_capita",
                         sectors=("pendidikan", "kesehatan", "pariwisata", "perdagangan", "pertanian", "perikanan",
                                  "infrastruktur", "transportasi", "lingkungan", "energi", "industri", "umkm"),
                         types=("KB", "PKS"))
    view = map_view.compute(spec, ctx, lang="en")
    return deck.build(view, ctx, chosen=LONGEST_REGENCIES[:3], itinerary=trip,
                      photos={LONGEST_REGENCIES[0]: hostile_photos()}), trip


def hostile_photos() -> list:
    """Four photos (tall, wide, square) with a 400-character caption and long place and credit lines."""
    from PIL import Image

    from geo.evidence.gallery import Photo

    out = []
    for i, size in enumerate([(300, 900), (1200, 300), (500, 500), (640, 480)]):
        buffer = io.BytesIO()
        Image.new("RGB", size, (40 * i, 120, 160)).save(buffer, "PNG")
        caption = ("Peresmian jalan penghubung antarkabupaten yang dibangun bersama " * 7)[:400]
        out.append((Photo(i + 1, "agreement", f"KB/{i}", "Jalan", "selesai", (), (LONGEST_REGENCIES[0],), None,
                          caption, "Kabupaten Kepulauan Siau Tagulandang Biaro, Sulawesi Utara, " * 2,
                          dt.date(2031, 9, 1), "Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah " * 2,
                          dt.datetime(2031, 9, 2), *size, "0" * 64), buffer.getvalue()))
    return out


def test_a_hostile_deck_is_built_to_fit_long_tables_split_and_long_cells_shortened_with_the_full_text_kept(
        hostile_deck):
    data, trip = hostile_deck
    assert all(len(a) == 726 for a in trip["Agenda"])
    prs = Presentation(io.BytesIO(data))
    titles = [s.shapes.title.text for s in prs.slides]
    assert any(t.startswith("Photos: ") for t in titles)  # four photos with long captions, drawn below too
    assert titles.count("Itinerary") == 1 and titles.count("Itinerary (continued)") >= 9  # 40 long stops
    shown = [c.text for s in prs.slides if s.shapes.title.text.startswith("Itinerary")
             for sh in s.shapes if sh.has_table for r in list(sh.table.rows)[1:] for c in r.cells]
    assert len(shown) == 40 * 5
    assert all(len(c) < 726 and c.endswith("…") for c in shown[4::5])  # every agenda shortened …
    notes = notes_of(data)
    for i, agenda in enumerate(trip["Agenda"], start=1):  # … and every one whole in its slide's notes
        assert f"Agenda, row {i}: {agenda}" in notes
    assert min(table_font_sizes(data)) >= deck.MIN_TABLE_PT
    # a long region name in a title: smaller type, whole, never below the title's minimum
    region = [s for s in prs.slides if s.shapes.title.text == "Region details: Kabupaten Kep. Siau Tagulandang Biaro"]
    assert region and region[0].shapes.title.text_frame.paragraphs[0].runs[0].font.size.pt >= deck.MIN_TITLE_PT


def test_the_sample_deck_as_libreoffice_draws_it_has_every_word_inside_its_box_and_its_slide(
        sample_deck, require_soffice, tmp_path):
    data, trip = sample_deck
    assert trip["Agenda"].str.len().max() > 500  # the planner's suggestions are long: the case issue 17 names
    pages = words_of(render_pdf(data, tmp_path, require_soffice), tmp_path, require_soffice)
    assert misplaced(data, pages) == []
    drawn = " ".join(w.text for _, _, words in pages for w in words)
    assert "Rencana perjalanan (lanjutan)" in " ".join(drawn.split()) and "Kota Banda Aceh, Aceh" in drawn


def test_the_hostile_deck_as_libreoffice_draws_it_has_every_word_inside_its_box_and_its_slide(
        hostile_deck, require_soffice, tmp_path):
    data, _ = hostile_deck
    pages = words_of(render_pdf(data, tmp_path, require_soffice), tmp_path, require_soffice)
    assert misplaced(data, pages) == []


def test_the_rendering_check_finds_a_table_that_runs_off_its_slide(hostile_deck, require_soffice, tmp_path):
    """The check itself: the old deck's 0.4-inch rows of whole 726-character agendas would leave the slide."""
    from pptx.util import Inches, Pt

    _, trip = hostile_deck
    prs = Presentation()
    prs.slide_width, prs.slide_height = deck.WIDE
    s = prs.slides.add_slide(prs.slide_layouts[deck.LAYOUT_TITLE_ONLY])
    s.shapes.title.text = "Rencana perjalanan"
    rows = trip.head(4).values.tolist()
    shape = s.shapes.add_table(len(rows) + 1, 5, Inches(0.5), Inches(1.3), Inches(12.3), Inches(0.4) * 5)
    for r, row in enumerate([deck.ITINERARY_COLUMNS] + rows):
        for c, value in enumerate(row):
            shape.table.cell(r, c).text = str(value)
            shape.table.cell(r, c).text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    buf = io.BytesIO()
    prs.save(buf)
    pages = words_of(render_pdf(buf.getvalue(), tmp_path, require_soffice), tmp_path, require_soffice)
    problems = misplaced(buf.getvalue(), pages)
    assert any("off the page" in p for p in problems) and any("outside its box" in p for p in problems)
