"""A region's facts (page, PDF brief, deck) are the map view's: the same period and filters give the same
count as the map's tooltip, and the brief says which period and filters it shows (issue 13)."""

import datetime as dt

import pandas as pd

from geo.analysis.context import Context
from geo.briefings import region_brief
from geo.maps import map_view
from geo.text import numbers


def test_the_region_facts_equal_the_map_for_the_same_period_and_filters(sample_frames):
    ctx = Context(*sample_frames)
    start, end = dt.date(2023, 1, 1), dt.date(2024, 12, 31)
    a = sample_frames[0]
    bandung = a[a["region_codes"].map(lambda cs: "32.73" in cs)]
    sector = bandung["sectors"].explode().value_counts().index[0]  # a sector Kota Bandung has agreements in
    for sectors in ((), (sector,)):
        spec = map_view.Spec(level="regency", metric="signed", start=start, end=end, sectors=sectors)
        on_map = map_view.compute(spec, ctx).values["32.73"]
        f = region_brief.facts("32.73", ctx, start=start, end=end, sectors=sectors)
        assert f.key_figures["signed"] == numbers.number(on_map, 0)
        # and both equal a count made here from the records: Kota Bandung (or a place in it) a party, the
        # agreement dated (signed, else started) in the period, with the sector
        day = pd.to_datetime(a["signed_on"].where(a["signed_on"].notna(), a["start_on"]))
        mine = a[(day >= pd.Timestamp(start)) & (day <= pd.Timestamp(end))
                 & a["region_codes"].map(lambda cs: any(c == "32.73" or str(c).startswith("32.73.") for c in cs))
                 & a["sectors"].map(lambda ks: not sectors or bool(set(ks) & set(sectors)))]
        assert int(on_map) == len(mine) > 0, sectors
    filtered = region_brief.facts("32.73", ctx, start=start, end=end, sectors=(sector,))
    assert filtered.period_text == f"2023–2024 ({map_view.filters_text(map_view.Spec(sectors=(sector,)))})"
    assert filtered.period_text.startswith("2023–2024 (") and "bidang" in filtered.period_text
    assert region_brief.facts("32.73", ctx, start=start, end=end).period_text == "2023–2024"


def test_a_verdict_from_a_first_visit_outside_the_period_says_so(sample_frames):
    ctx = Context(*sample_frames)
    whole = region_brief.facts("32.73", ctx)  # Kota Bandung, all years
    assert whole.visited and whole.first_visit is not None
    first = whole.first_visit.date()
    inside = region_brief.facts("32.73", ctx, start=dt.date(first.year, 1, 1), end=dt.date(first.year, 12, 31))
    assert inside.verdict is not None and "di luar periode" not in inside.impact_note
    later = region_brief.facts("32.73", ctx, start=dt.date(first.year + 1, 1, 1),
                               end=dt.date(first.year + 1, 12, 31))
    assert later.verdict is not None
    assert f"Kunjungan pertama ({whole.first_visit:%m/%Y}) di luar periode yang dipilih" in later.impact_note


def test_the_timeline_keeps_the_months_outside_the_period(sample_frames):
    """The key figures count the period; the timeline draws every month of the panel, so the months before the
    period are the region's own counts, not zeros."""
    ctx = Context(*sample_frames)
    f = region_brief.facts("32.73", ctx, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    tl = f.profile.timeline
    before = tl[pd.to_datetime(tl["month"]) < pd.Timestamp("2025-01-01")]["count"].sum()
    a = sample_frames[0]
    day = pd.to_datetime(a["signed_on"].where(a["signed_on"].notna(), a["start_on"]))
    mine = a[(day >= pd.Timestamp("2021-01-01")) & (day < pd.Timestamp("2025-01-01"))
             & a["region_codes"].map(lambda cs: any(c == "32.73" or str(c).startswith("32.73.") for c in cs))]
    assert before == len(mine) > 0
