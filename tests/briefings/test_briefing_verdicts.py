"""The visit impact in the region brief's facts, its PDF and the deck is a verdict in words (issue 13): "Belum pasti"
when the interval includes zero (no score), the score only beside a clear verdict, "Belum dikunjungi" and no score
for a region never visited, "Data belum cukup" with its reason. Read back with pypdf and python-pptx."""

import io
import re

import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from geo.analysis import impact_report, panel
from geo.analysis.context import Context
from geo.briefings import deck, region_brief
from geo.maps import map_view
from geo.text import numbers

A_SCORE = re.compile(r"\b(skor|score) \d", re.IGNORECASE)  # "skor 85", "Score 67 of 100"


@pytest.fixture(scope="module")
def ctx(sample_frames):
    return Context(*sample_frames)


@pytest.fixture(scope="module")
def report(sample_frames):
    """The regencies' impact report as the brief takes it, computed here on its own."""
    return impact_report.compute(*sample_frames, impact_report.Settings(level="regency", start="2021-01"))


@pytest.fixture(scope="module")
def never_visited(sample_frames, report):
    """A regency no visit ever went to, found from the visits themselves."""
    visited = {panel.region_of(c, "regency") for codes in sample_frames[1]["region_codes"] for c in codes}
    code = next(c for c in sorted(report.scores) if c not in visited and report.scores[c].details["agreements"])
    return code


def _pdf_text(facts) -> str:
    reader = PdfReader(io.BytesIO(region_brief.pdf_bytes(facts)))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def _region_slide_text(ctx, facts) -> tuple[list[list[str]], str]:
    """The figures table and every other text of the deck's slide for ``facts.region``."""
    png = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(png, format="PNG")
    view = map_view.compute(map_view.Spec(level="regency", metric="signed"), ctx, lang=facts.lang)
    prs = Presentation(io.BytesIO(deck.build(view, ctx, chosen=[facts.region.code], facts={facts.region.code: facts},
                                             map_png=png.getvalue())))
    slide = list(prs.slides)[4]
    table = [sh.table for sh in slide.shapes if sh.has_table][0]
    texts = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    return [[c.text for c in r.cells] for r in table.rows], texts


def test_a_region_whose_interval_includes_zero_shows_not_yet_clear_and_no_score(ctx, report):
    s = report.scores["32.73"]
    ve = s.details["visit_effect"]
    assert ve.ci_low <= 0 <= ve.ci_high and s.score is not None  # Kota Bandung: a score of its own, but unsure
    for lang, label in (("id", "Belum pasti"), ("en", "Not yet clear")):
        facts = region_brief.facts("32.73", ctx, lang=lang)
        assert facts.key_figures["impact"] == label and facts.score is None
        assert "95%" in facts.impact_note and ("nol" if lang == "id" else "zero") in facts.impact_note
        shown = numbers.number(s.score, 0, lang)
        assert shown not in facts.key_figures.values()
        assert not any(A_SCORE.search(line) for line in facts.explanation)
        text = _pdf_text(facts)
        assert f"{label} " in text and facts.impact_note[:60] in text
        assert not A_SCORE.search(text)
    rows, texts = _region_slide_text(ctx, facts)
    assert rows[-1] == ["Visit impact", "Not yet clear"]
    assert facts.impact_note in texts and not A_SCORE.search(texts)


def test_a_region_never_visited_has_no_score_in_facts_pdf_or_deck(ctx, report, never_visited):
    s = report.scores[never_visited]
    assert s.status == "not_visited" and s.score is None and s.verdict is None
    facts = region_brief.facts(never_visited, ctx)
    assert facts.key_figures["impact"] == "Belum dikunjungi" and facts.score is None and facts.verdict is None
    assert facts.impact_note.startswith("Belum ada kunjungan kerja")
    text = _pdf_text(facts)
    assert "Dampak kunjungan: Belum dikunjungi" in text
    assert not A_SCORE.search(text) and "dari 100" not in text
    rows, texts = _region_slide_text(ctx, facts)
    assert rows[-1] == ["Dampak kunjungan", "Belum dikunjungi"]
    assert not A_SCORE.search(texts) and "dari 100" not in texts


def test_a_clearly_rising_region_shows_its_verdict_with_the_score_beside_it(ctx, report):
    code = next(c for c, s in sorted(report.scores.items()) if s.score is not None
                and s.details.get("visit_effect") is not None and s.details["visit_effect"].ci_low > 0
                and min(s.details["window_months_held"]) >= 6 and s.details["visit_effect"].n_comparison >= 10)
    score = report.scores[code].score
    facts = region_brief.facts(code, ctx)
    assert facts.key_figures["impact"] == f"Naik, jelas (skor {numbers.number(score, 0)})"
    assert facts.score == score
    assert facts.impact_note.startswith("Sekitar ") and "lebih banyak per tahun" in facts.impact_note
    assert f"Skor {numbers.number(score, 0)} dari 100" in facts.explanation[-1]
    assert f"Dampak kunjungan: Naik, jelas (skor {numbers.number(score, 0)})" in _pdf_text(facts)


def test_too_little_data_says_so_with_its_reason_and_no_score(ctx, report):
    code = next(c for c, s in sorted(report.scores.items()) if s.status == "scored"
                and s.details.get("visit_effect") is not None and min(s.details["window_months_held"]) < 6)
    months = min(report.scores[code].details["window_months_held"])
    facts = region_brief.facts(code, ctx, lang="en")
    assert facts.key_figures["impact"] == "Not enough data yet" and facts.score is None
    assert facts.impact_note == f"Only {months} months of data before or after the visit (6 needed)"
    assert not A_SCORE.search(_pdf_text(facts))


def test_the_change_maps_deck_states_both_periods_and_gives_each_ranked_region_its_change_verdict(ctx):
    import datetime as dt

    png = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(png, format="PNG")
    view = map_view.compute(map_view.Spec(level="province", metric="change", start=dt.date(2024, 1, 1),
                                          end=dt.date(2026, 12, 31)), ctx)
    prs = Presentation(io.BytesIO(deck.build(view, ctx, map_png=png.getvalue())))
    slides = list(prs.slides)
    title = " ".join(sh.text_frame.text for sh in slides[0].shapes if sh.has_text_frame)
    assert "Periode: 2024–2026 dibanding 2021–2023" in title
    top = [sh.table for sh in slides[2].shapes if sh.has_table][0]
    rows = [[c.text for c in r.cells] for r in top.rows]
    assert rows[0][-1] == "Putusan" and len(rows) > 1
    for row in rows[1:]:
        v = view.verdicts[row[2]]
        assert row[-1] == v.label("id") and v.kind != "too_little_data"
    assert rows[1][-1] == "Naik, jelas"  # the largest rise in the sample's growing cooperation is a clear one
