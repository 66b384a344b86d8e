"""Briefing exports read back with real readers: python-pptx, pypdf, Pillow; and the ``brief`` command."""

import datetime as dt
import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches
from pypdf import PdfReader

from geo.analysis import impact_report, metrics
from geo.analysis.context import Context
from geo.briefings import deck, maker, region_brief
from geo.db import storage
from geo.maps import classes, map_view, print_map
from geo.text import numbers
from geo.text.messages import UserError
from geo.text.vocabulary import MITIGATIONS
from tests.conftest import ROOT

PERIOD = (dt.date(2021, 1, 1), dt.date(2026, 12, 31))


@pytest.fixture(scope="module")
def data_dir(sample_data_dir):
    """The CLI's data folder: the module's own copy of the seeded sample (a test saves a plan in it)."""
    return sample_data_dir


@pytest.fixture(scope="module")
def frames(sample_frames):
    """The sample's records (shared by the whole run: read only)."""
    return sample_frames


@pytest.fixture(scope="module")
def real_frames(frames):
    """The same records as if they had been imported (not simulated)."""
    a, v = frames
    return a.assign(simulated=False), v.assign(simulated=False)


@pytest.fixture(scope="module")
def ctx(frames):
    """One analysis context over the sample records, shared by the module's views, briefs and decks."""
    return Context(*frames)


@pytest.fixture(scope="module")
def real_ctx(real_frames):
    return Context(*real_frames)


@pytest.fixture(scope="module")
def national(ctx):
    spec = map_view.Spec(level="province", metric="signed", start=PERIOD[0], end=PERIOD[1])
    return map_view.compute(spec, ctx)


@pytest.fixture(scope="module")
def itinerary():
    return pd.DataFrame([
        [dt.date(2026, 12, 7), "08.00–10.00 WIB", "Kota Bandung", "Wali Kota Bandung", "Rapat koordinasi KSAD"],
        [dt.date(2026, 12, 7), "13.00–15.00 WIB", "Kabupaten Garut", "Sekda Garut; Bappeda", "Tinjauan PKS air minum"],
    ], columns=deck.ITINERARY_COLUMNS)


def _rgb(hex_color):
    return tuple(int(hex_color[i:i + 2], 16) for i in (1, 3, 5))


# --------------------------------------------------------------------------- the view

def test_view_values_are_the_engine_metrics_for_the_same_filters(frames, ctx):
    spec = map_view.Spec(level="regency", within="32", metric="value_idr", start=PERIOD[0], end=PERIOD[1],
                              sectors=("pendidikan",))
    view = map_view.compute(spec, ctx)
    table = metrics.region_metrics(*frames, level="regency", start=PERIOD[0], end=PERIOD[1], sectors=("pendidikan",))
    expected = table["value_idr"][table.index.str.startswith("32.")].astype(float)
    pd.testing.assert_series_equal(view.values, expected, check_names=False)
    assert set(view.values.index) == {c for c in table.index if c.startswith("32.")}
    assert view.title == "Nilai kerja sama (Rp) — Jawa Barat, kabupaten/kota"
    assert view.subtitle == "Periode: 2021–2026 · Saring: bidang: Pendidikan"
    legend = view.legend()
    assert legend[-1] == (classes.NO_DATA_COLOR, "tidak ada data")
    assert all("Rp " in label for _, label in legend[:-1])  # "≤ Rp 1,2 miliar", "> Rp 1,2 miliar s.d. …"


def test_period_parsing_and_errors():
    assert map_view.parse_period("2021:2025") == (dt.date(2021, 1, 1), dt.date(2025, 12, 31))
    assert map_view.parse_period("2021-03:2024-02") == (dt.date(2021, 3, 1), dt.date(2024, 2, 29))
    for bad in ("2025:2021", "2021", "2021-13:2022", "kemarin:besok"):
        with pytest.raises(UserError) as exc:
            map_view.parse_period(bad)
        assert "periode tidak dapat dibaca" in exc.value.text("id")
    with pytest.raises(UserError):
        maker.format_of("laporan.docx")
    with pytest.raises(UserError) as exc:
        maker.check_region("32.73.01")
    assert "provinsi atau kabupaten/kota" in exc.value.text("id")


def test_simulated_note_only_for_simulated_data(frames, real_frames):
    assert map_view.simulated_note(*frames) == "DATA SIMULASI — bukan data sebenarnya"
    assert map_view.simulated_note(*real_frames) is None
    a, v = real_frames
    mixed = pd.concat([a, frames[0].head(3)])
    assert "3 DATA SIMULASI" in map_view.simulated_note(mixed, v)


# --------------------------------------------------------------------------- static map

def test_png_is_print_resolution_not_blank_and_shows_the_legend(national):
    png = print_map.render(national, "png")
    img = Image.open(io.BytesIO(png)).convert("RGB")
    assert img.size[0] >= 3500 and img.size[1] >= 2480  # A4 landscape at 300 dpi
    assert round(Image.open(io.BytesIO(png)).info["dpi"][0]) == 300
    pixels = np.asarray(img).reshape(-1, 3)
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    assert len(colours) > 50
    present = {tuple(c) for c, n in zip(colours, counts) if n > 200}
    legend = national.legend()
    assert len(legend) == 6  # five classes and "no data"
    for colour, _ in legend[:-1]:
        assert _rgb(colour) in present, colour  # the class colours are on the map and in the legend
    # the darkest class covers part of the map, not only the legend swatch
    dark = counts[np.all(colours == _rgb(legend[-2][0]), axis=1)][0]
    assert dark > 5000


def test_svg_and_pdf_map_carry_title_period_source_and_note(national):
    svg = print_map.render(national, "svg").decode("utf-8")
    ET.fromstring(svg)  # well-formed
    assert national.title in svg and "Periode: 2021–2026" in svg
    assert "DATA SIMULASI" in svg and "cahya dsn" in svg
    text = PdfReader(io.BytesIO(print_map.render(national, "pdf"))).pages[0].extract_text()
    assert "Kerja sama ditandatangani" in text and "DATA SIMULASI" in text


def test_map_of_real_data_has_no_simulated_note(real_ctx):
    view = map_view.compute(map_view.Spec(level="regency", within="32"), real_ctx)
    assert view.note is None
    svg = print_map.render(view, "svg").decode("utf-8")
    assert "SIMULASI" not in svg and "Jawa Barat" in svg


# --------------------------------------------------------------------------- region brief

def test_region_brief_pdf_reads_back(ctx):
    facts = region_brief.facts("32.73", ctx)
    pdf = region_brief.pdf_bytes(facts)
    reader = PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Kota Bandung (32.73)" in text
    assert "DATA SIMULASI" in text
    figures = dict(facts.figures)
    assert figures["Dampak kunjungan"] == "Belum pasti"  # its interval includes zero (test_briefing_verdicts)
    assert f"Dampak kunjungan: {figures['Dampak kunjungan']}" in text and facts.impact_note in text
    assert facts.explanation[0] in text  # the explanation, in Indonesian
    assert figures["Nilai kerja sama"].startswith("Rp ") and figures["Nilai kerja sama"] in text
    top_obstacle = facts.profile.obstacles.iloc[0]
    assert " ".join(MITIGATIONS[top_obstacle["kind"]]["id"].split()) in text
    assert "Kerja sama per bulan" in text
    assert any("/Image" in str(p.get("/Resources", {}).get("/XObject", {})) or p.images for p in reader.pages)


def test_region_brief_key_figures_equal_the_engine(frames, ctx):
    facts = region_brief.facts("32", ctx, lang="en")
    row = metrics.region_metrics(*frames, level="province").loc["32"]
    figures = dict(facts.figures)
    assert figures["Agreements signed"] == numbers.number(row["signed"], 0, "en")
    assert figures["Agreement value"] == numbers.rupiah(row["value_idr"], "en")
    reader = PdfReader(io.BytesIO(region_brief.pdf_bytes(facts)))
    assert len(reader.pages) <= 2
    text = reader.pages[0].extract_text()
    assert "Visit impact" in text and "Jawa Barat" in text and "SIMULATED DATA" in text


def test_region_brief_of_a_period_counts_only_that_period(ctx):
    whole = region_brief.facts("32.73", ctx)
    one_year = region_brief.facts("32.73", ctx, start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31))
    assert 0 < len(one_year.profile.agreements) < len(whole.profile.agreements)
    assert one_year.period_text == "2023"


# --------------------------------------------------------------------------- deck

def test_deck_slides_tables_and_numbers_match_the_engine(frames, ctx, national, itinerary):
    data = deck.build(national, ctx, chosen=["32.73"], itinerary=itinerary)
    prs = Presentation(io.BytesIO(data))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles == ["Briefing Kerja Sama Antar Daerah", "Peta nasional: Kerja sama ditandatangani",
                      "10 wilayah tertinggi", "10 wilayah terendah", "Rincian wilayah: Kota Bandung",
                      "Rencana perjalanan", "Alur kerja sama", "Metode dan sumber data"]
    slides = list(prs.slides)

    def table_rows(slide):
        tables = [sh.table for sh in slide.shapes if sh.has_table]
        return [[c.text for c in r.cells] for r in tables[0].rows]

    # the top-regions table against the engine's own numbers for the same filters
    engine_signed = metrics.region_metrics(*frames, level="province", start=PERIOD[0], end=PERIOD[1])["signed"]
    top = table_rows(slides[2])
    assert top[0] == ["Peringkat", "Wilayah", "Kode", "Kerja sama ditandatangani"]
    assert [r[2] for r in top[1:]] == list(engine_signed.sort_values(ascending=False, kind="stable").index[:10])
    for rank, name, code, value in top[1:]:
        assert int(value.replace(".", "")) == engine_signed[code]
    bottom = table_rows(slides[3])
    assert int(bottom[1][3].replace(".", "")) == engine_signed.min()
    # the region slide: figures and obstacle mitigation as text
    facts = region_brief.facts("32.73", ctx, start=PERIOD[0], end=PERIOD[1])
    assert table_rows(slides[4])[1:] == [list(f) for f in facts.figures]
    slide_text = " ".join(sh.text_frame.text for sh in slides[4].shapes if sh.has_text_frame)
    assert facts.explanation[-1] in slide_text
    obstacles = [[c.text for c in r.cells] for r in [sh.table for sh in slides[4].shapes if sh.has_table][1].rows]
    assert obstacles[1:] == facts.obstacles_table()[1]
    assert obstacles[1][2] in [m["id"] for m in MITIGATIONS.values()]
    # the itinerary as a real table with the planner's columns
    it = table_rows(slides[5])
    assert it[0] == deck.ITINERARY_COLUMNS
    assert it[1] == ["07/12/2026", "08.00–10.00 WIB", "Kota Bandung", "Wali Kota Bandung", "Rapat koordinasi KSAD"]
    # only the map and the flow diagram are pictures; every slide says the data is simulated
    pictures = [sh for s in slides for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 2
    # the map as large as the slide allows (the room reads it): its full width, inside the slide, above the note
    [the_map] = [sh for sh in slides[1].shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert the_map.width >= Inches(11) and the_map.left >= 0 and the_map.left + the_map.width <= prs.slide_width
    assert the_map.top >= Inches(1) and the_map.top + the_map.height <= deck.SLIDE_BOTTOM
    for s in slides:
        assert any("DATA SIMULASI" in sh.text_frame.text for sh in s.shapes if sh.has_text_frame)


def test_the_map_view_the_region_brief_and_the_deck_read_the_same_figures_from_one_context(frames):
    ctx = Context(*frames)
    view = map_view.compute(map_view.Spec(level="province", metric="score", start=PERIOD[0], end=PERIOD[1]), ctx)
    facts = region_brief.facts("32", ctx, start=PERIOD[0], end=PERIOD[1])
    prs = Presentation(io.BytesIO(deck.build(view, ctx, chosen=["32"])))
    # one region-metrics table and one impact report for all three
    assert ctx.computed == {"metrics": 1, "report": 1}
    assert ctx.region_metrics(level="province", start=PERIOD[0], end=PERIOD[1]) is view.table
    figures = dict(facts.figures)
    assert figures["Kerja sama ditandatangani"] == numbers.number(view.table.loc["32", "signed"], 0)
    # the brief's verdict is the one of the report the map shows; the impact map shows the first visit's verdict
    # and its size per year (issue 13), from the same report
    report = ctx.report(impact_report.Settings(level="province", start="2021-01"))
    first_visit = report.scores["32"].verdict
    assert facts.verdict == first_visit
    assert figures["Dampak kunjungan"] == first_visit.label("id")
    assert view.verdicts["32"] == first_visit and view.value_text("32") == first_visit.sentence("id")
    slides = list(prs.slides)
    ranking = [[c.text for c in r.cells] for r in [sh.table for sh in slides[2].shapes if sh.has_table][0].rows]
    ranked = view.ranking()
    assert ranked["text"].tolist() == [view.fmt(v) for v in ranked["value"]]
    assert ranking[0][-1] == "Putusan"
    assert [r[2:] for r in ranking[1:]] == [[c, text, report.scores[c].verdict.label("id")]
                                            for c, text in zip(ranked["code"][:10], ranked["text"][:10])]
    region_table = [[c.text for c in r.cells] for r in [sh.table for sh in slides[4].shapes if sh.has_table][0].rows]
    assert region_table[1:] == [list(f) for f in facts.figures]


def test_deck_without_itinerary_or_regions_and_bad_itinerary(real_ctx):
    view = map_view.compute(map_view.Spec(level="regency", metric="visits"), real_ctx, lang="en")
    prs = Presentation(io.BytesIO(deck.build(view, real_ctx)))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles == ["Inter-regional cooperation briefing", "National map: Working visits", "Top 10 regions",
                      "Bottom 10 regions", "Cooperation flow", "Method and data sources"]
    assert not any("SIMULATED" in sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame)
    long = pd.DataFrame([[dt.date(2026, 12, 1 + i), "09.00 WIB", f"Lokasi {i}", "Bupati", "Rapat"] for i in range(25)],
                        columns=deck.ITINERARY_COLUMNS)
    prs = Presentation(io.BytesIO(deck.build(view, real_ctx, itinerary=long)))
    frames = [[sh for sh in s.shapes if sh.has_table][0] for s in prs.slides
              if s.shapes.title.text in ("Itinerary", "Itinerary (continued)")]
    tables = [f.table for f in frames]
    # split over two slides by the measured row budget, headers on both, nothing below the slide's bottom line
    assert len(tables) == 2 and sum(len(tb.rows) - 1 for tb in tables) == 25
    assert [c.text for c in tables[1].rows[0].cells] == deck.ITINERARY_COLUMNS
    assert tables[1].cell(len(tables[1].rows) - 1, 2).text == "Lokasi 24"
    assert all(f.top + f.height <= deck.SLIDE_BOTTOM for f in frames)
    assert frames[0].top + frames[0].height + tables[0].rows[1].height > deck.SLIDE_BOTTOM  # the first one is full
    with pytest.raises(ValueError, match="Narasumber"):
        deck.build(view, real_ctx, itinerary=pd.DataFrame({"Tanggal": [], "Lokasi": []}))


# --------------------------------------------------------------------------- command line

def _cli(data_dir, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT), SINERGI_DATA_DIR=str(data_dir))
    env.pop("SINERGI_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "geo", "brief", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def test_cli_writes_every_format(data_dir, tmp_path):
    out = tmp_path / "briefing.pptx"
    r = _cli(data_dir, "--out", str(out), "--region", "32.73", "--period", "2021:2026")
    assert r.returncode == 0, r.stderr
    titles = [s.shapes.title.text for s in Presentation(str(out)).slides]
    assert "Rincian wilayah: Kota Bandung" in titles and titles[-1] == "Metode dan sumber data"

    out = tmp_path / "bandung.pdf"
    r = _cli(data_dir, "--out", str(out), "--region", "32.73")
    assert r.returncode == 0, r.stderr
    text = PdfReader(str(out)).pages[0].extract_text()
    assert "Kota Bandung" in text and "DATA SIMULASI" in text

    out = tmp_path / "jabar.png"
    r = _cli(data_dir, "--out", str(out), "--region", "32", "--metric", "value_idr", "--lang", "en")
    assert r.returncode == 0, r.stderr
    img = Image.open(out)
    assert img.size[0] >= 3500 and len(img.convert("RGB").getcolors(1 << 24)) > 50

    out = tmp_path / "national.svg"
    r = _cli(data_dir, "--out", str(out), "--period", "2022:2023")
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    assert "Kerja sama ditandatangani — Indonesia, provinsi" in svg and "Periode: 2022–2023" in svg

    out = tmp_path / "national.pdf"
    r = _cli(data_dir, "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "Indonesia, provinsi" in PdfReader(str(out)).pages[0].extract_text()


@pytest.mark.parametrize("args,message", [
    (["--out", "x.docx"], "format berkas tidak dikenal: '.docx'"),
    (["--out", "x.pptx", "--region", "99.99"], "wilayah '99.99' tidak dikenal"),
    (["--out", "x.png", "--period", "2025:2021"], "periode tidak dapat dibaca: '2025:2021'"),
    (["--out", "x.pdf", "--region", "32.73.01"], "'32.73.01' harus provinsi atau kabupaten/kota"),
    # a folder that does not exist: a clear message, no traceback
    (["--out", "nodir/x.png"], "nodir' tidak ada; buat dulu foldernya"),
    (["--out", "nodir/x.pptx", "--lang", "en"], "nodir' does not exist; create it first"),
    # impact scores are not computed for districts: refused instead of an all-"no data" map
    (["--out", "x.png", "--metric", "score", "--level", "district"],
     "skor dampak dihitung untuk provinsi dan kabupaten/kota; di tingkat kecamatan datanya terlalu sedikit"),
    (["--out", "x.pptx", "--metric", "score", "--level", "district", "--lang", "en"],
     "impact scores are computed for provinces and regencies/cities; districts have too little data"),
    (["--out", "x.svg", "--metric", "score", "--region", "32.73"],  # a regency's map shows its districts
     "skor dampak dihitung untuk provinsi dan kabupaten/kota"),
])
def test_cli_bad_input_is_a_clear_error_and_writes_nothing(data_dir, tmp_path, args, message):
    args = [str(tmp_path / a) if a.startswith(("x.", "nodir/")) else a for a in args]
    r = _cli(data_dir, *args)
    assert r.returncode == 2
    assert message in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_failed_write_is_a_clear_error_and_leaves_no_half_file(data_dir, tmp_path):
    taken = tmp_path / "x.png"
    taken.mkdir()  # the name is a folder: the file cannot be written there
    r = _cli(data_dir, "--out", str(taken))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"berkas {str(taken)!r} tidak dapat ditulis" in r.stderr
    assert list(tmp_path.iterdir()) == [taken] and list(taken.iterdir()) == []  # no temporary file left


def test_cli_score_map_of_regencies_is_still_written(data_dir, tmp_path):
    out = tmp_path / "score.png"
    r = _cli(data_dir, "--out", str(out), "--metric", "score", "--level", "regency")
    assert r.returncode == 0, r.stderr
    assert out.stat().st_size > 10_000 and [p.name for p in tmp_path.iterdir()] == ["score.png"]


def test_cli_deck_carries_a_saved_plan_as_its_itinerary(data_dir, tmp_path):
    from geo.planner import itinerary, rank
    from tests.conftest import EDITOR

    order = ["32.73", "73.71"]
    stops = itinerary.schedule("31.71", order, start_date=dt.date(2030, 3, 4), days=5,
                               briefs={c: ("Kepala daerah", "Rapat koordinasi") for c in order})
    eng = storage.make_engine(f"sqlite:///{data_dir / 'sinergi.db'}")
    with storage.transaction(eng) as s:
        rank.save_planned_visits(s, rank.Plan(ref="RENCANA-DEK", official_role="Wakil Menteri",
                                                    ministry="Kementerian Dalam Negeri", stops=stops), EDITOR)
    eng.dispose()
    out = tmp_path / "plan.pptx"
    r = _cli(data_dir, "--out", str(out), "--plan", "RENCANA-DEK")
    assert r.returncode == 0, r.stderr
    slides = list(Presentation(str(out)).slides)
    tables = [sh.table for s in slides for sh in s.shapes if sh.has_table]
    cells = [c.text for t in tables for row in t.rows for c in row.cells]
    assert "Narasumber/Pihak yang Dijumpai" in cells
    assert any(c.startswith("Kota Bandung") for c in cells) and any("WITA" in c for c in cells)
    assert any(c.startswith("Senin, 4 Maret 2030") for c in cells)
    r = _cli(data_dir, "--out", str(tmp_path / "x.pptx"), "--plan", "TIDAK-ADA")
    assert r.returncode == 2 and "tidak ada rencana kunjungan dengan kode 'TIDAK-ADA'" in r.stderr


def test_region_brief_counts_the_period_as_the_map_does(frames, ctx):
    """An agreement signed on 1 January after the period is in neither the figure nor the table."""
    agreements, visits = frames
    start, end = dt.date(2021, 1, 1), dt.date(2021, 12, 31)
    for code in ("32.75", "32.73", "35.78"):
        f = region_brief.facts(code, ctx, start=start, end=end)
        signed = metrics.region_metrics(agreements, visits, level="regency", start=start, end=end).loc[code, "signed"]
        days = pd.to_datetime(f.profile.agreements["signed_on"].where(f.profile.agreements["signed_on"].notna(),
                                                                       f.profile.agreements["start_on"]))
        assert (days <= pd.Timestamp(end)).all() and (days >= pd.Timestamp(start)).all()
        assert len(f.profile.agreements) == signed


def test_cli_map_of_a_provinces_regencies_carries_their_names_unless_told_not_to(data_dir, tmp_path):
    out = tmp_path / "papua_selatan.svg"
    r = _cli(data_dir, "--out", str(out), "--region", "93")
    assert r.returncode == 0, r.stderr
    assert "Kab. Merauke" in out.read_text(encoding="utf-8")
    r = _cli(data_dir, "--out", str(out), "--region", "93", "--no-labels")
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    assert "Kab. Merauke" not in svg and "Papua Selatan" in svg
