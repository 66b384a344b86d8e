"""geo.maps.map_view on the seeded sample: the impact score map shows never-visited regions as such, count
measures get whole-number classes, and a level where every region has the same count gets one class said as such."""

import pytest

from geo.analysis import impact_report, verdict
from geo.analysis.context import Context
from geo.maps import classes, map_view, print_map, verdict_classes
from geo.records import sample
from geo.text.messages import UserError


@pytest.fixture(scope="module")
def ctx(sample_frames):
    return Context(*sample_frames)


def test_the_impact_map_draws_never_visited_regions_in_their_own_grey_with_their_own_legend_entry(ctx):
    view = map_view.compute(map_view.Spec(level="regency", metric="score"), ctx)
    visited = set(sample.generate()[2]["visited_regencies"])
    never = set(view.values.index) - visited
    assert never and view.values[list(never)].isna().all()  # no never-visited region has an impact
    assert all(view.classification.color_of(c) == classes.NOT_VISITED_COLOR for c in never)
    assert view.classification.color_of("35.26") == classes.NOT_VISITED_COLOR  # Bangkalan: 0 visits
    legend = view.legend()
    assert legend[-2:] == [(classes.NOT_VISITED_COLOR, "Belum dikunjungi"), (classes.NO_DATA_COLOR, "tidak ada data")]
    assert map_view.compute(map_view.Spec(level="regency", metric="score"), ctx, lang="en").legend()[-2][1] \
        == "Not visited"


def test_the_impact_map_colours_every_visited_region_by_its_verdict_and_size_never_by_the_0_to_100_score(ctx):
    view = map_view.compute(map_view.Spec(level="regency", metric="score"), ctx)
    rep = ctx.report(impact_report.Settings(level="regency", start="2021-01"))
    found = {c: s.verdict for c, s in rep.scores.items() if s.verdict is not None}
    cut = verdict_classes.threshold(found)
    assert cut is not None and {v.kind for v in found.values()} >= {"up", "unclear"}
    for code, v in found.items():
        colour = view.classification.color_of(code)
        if v.kind == "up":
            assert colour == verdict_classes.UP_COLORS[abs(v.per_year) >= cut]
        elif v.kind == "down":
            assert colour == verdict_classes.DOWN_COLORS[abs(v.per_year) >= cut]
        elif v.kind == "unclear":  # whatever its point estimate
            assert colour == verdict_classes.UNCLEAR_COLOR
        else:
            assert colour == verdict_classes.TOO_LITTLE_COLOR
        # the tooltip says the verdict and its size; the value is its size per year (not the 0–100 score)
        assert view.value_text(code) == v.sentence("id")
        if v.kind != "too_little_data":
            assert view.values[code] == v.per_year
    labels = [label for _, label in view.legend()]
    assert labels[0] == f"Naik, jelas: ≥ {verdict.amount(cut)} per tahun" and "Belum pasti" in labels
    assert view.metric_label == "Dampak kunjungan" and "0–100" not in view.title
    assert view.caption.startswith("Warna = perubahan kerja sama")
    assert map_view.compute(map_view.Spec(level="regency", metric="signed"), ctx).caption is None


def test_the_impact_map_within_a_province_shows_only_its_regions_verdicts(ctx):
    view = map_view.compute(map_view.Spec(level="regency", metric="score", within="32"), ctx)
    assert view.verdicts and all(c.startswith("32.") for c in view.verdicts)
    assert all(c.startswith("32.") for c in view.values.index)


def test_the_print_map_draws_the_impact_maps_classes_and_caption(ctx):
    from matplotlib.colors import to_hex

    view = map_view.compute(map_view.Spec(level="regency", metric="score"), ctx)
    fig = print_map.figure(view)
    drawn = {to_hex(c) for coll in fig.axes[0].collections for c in coll.get_facecolors()}
    assert {color for color, _ in view.legend()} - {classes.NO_DATA_COLOR} <= drawn
    legend_texts = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend_texts == [label for _, label in view.legend()]
    assert view.caption in [t.get_text() for t in fig.texts]
    unclear = [h for h in fig.legends[0].legend_handles if to_hex(h.get_facecolor()) == verdict_classes.UNCLEAR_COLOR]
    assert unclear and unclear[0].get_hatch() == "////"


def test_a_count_map_has_whole_number_classes_whose_labels_share_no_value(ctx):
    view = map_view.compute(map_view.Spec(level="regency", metric="signed"), ctx)
    labels = [label for _, label in view.legend()[:-1]]
    ranges = []
    for label in labels:
        low, _, high = label.partition("–")
        ranges.append((int(low), int(high or low)))
    assert all(b[0] == a[1] + 1 for a, b in zip(ranges, ranges[1:]))
    assert ranges[0][0] == int(view.values.min()) and ranges[-1][1] == int(view.values.max())
    assert "tidak ada data" not in labels and all(" – " not in label for label in labels)


def test_a_level_where_every_region_has_the_same_count_has_one_class_and_says_so(ctx):
    # the sample records agreements between regencies: every district of Jawa Barat has 0 of its own
    view = map_view.compute(map_view.Spec(level="district", metric="signed", within="32"), ctx)
    assert view.values.dropna().eq(0).all() and len(view.values) > 100
    assert view.legend() == [(view.classification.colors[0], "semua daerah: 0"),
                             (classes.NO_DATA_COLOR, "tidak ada data")]


def test_districts_are_offered_only_the_measures_some_district_has_a_value_of(ctx):
    offered = map_view.metrics_at("district", ctx)
    table = ctx.region_metrics(level="district")
    assert "visits" in offered and "visits_per_100k" in offered and "score" not in offered
    for metric in map_view.METRIC_UNITS:
        column = "signed" if metric == "change" else metric  # the change map counts signed agreements
        if metric in offered and metric not in map_view.VISIT_METRICS:
            assert table[column].fillna(0).ne(0).any()
        if metric not in offered and metric != "score":
            assert table[column].fillna(0).eq(0).all()  # every district 0: a map that says nothing
    assert "signed" not in offered  # the sample's agreements are between regencies
    assert map_view.metrics_at("province", ctx) == map_view.metrics_at("regency", ctx) == list(map_view.METRIC_UNITS)


def test_a_district_agreement_measure_is_offered_once_a_district_is_a_party():
    import datetime as dt

    import pandas as pd

    agreements = pd.DataFrame({
        "doc_number": ["a"], "region_codes": [["32.73.01", "32.04"]], "signed_on": [dt.date(2022, 5, 1)],
        "start_on": [None], "status": ["berjalan"], "type": ["KB"], "value_idr": [None], "sectors": [["pendidikan"]],
        "visit_ref": [None], "simulated": [False]})
    visits = pd.DataFrame({"ref": pd.Series([], dtype=str), "ministry": [], "focus_sectors": [], "region_codes": [],
                           "start_at": pd.to_datetime(pd.Series([], dtype=str), utc=True), "simulated": []})
    offered = map_view.metrics_at("district", Context(agreements, visits))
    assert {"signed", "change", "progressed_share", "visits"} <= set(offered)  # one running agreement of a district
    # no value, not stalled, its partner a regency (no district partner): still nothing to show
    assert "value_idr" not in offered and "stalled" not in offered and "partners" not in offered
    assert "score" not in offered


def _change_view(ctx, level, lang="id", **extra):
    import datetime as dt

    return map_view.compute(map_view.Spec(level=level, metric="change", start=dt.date(2024, 1, 1),
                                          end=dt.date(2026, 12, 31), **extra), ctx, lang=lang)


@pytest.mark.parametrize("level", ["province", "regency"])
def test_the_change_map_has_no_region_with_a_clear_verdict_whose_interval_includes_zero(ctx, level):
    view = _change_view(ctx, level)
    assert set(view.verdicts) == set(view.values.index) == set(view.change.frame.index)
    kinds = {v.kind for v in view.verdicts.values()}
    assert {"up", "unclear"} <= kinds  # the sample's cooperation grows: some rises are clear, many are not
    cut = verdict_classes.threshold(view.verdicts)
    for code, v in view.verdicts.items():
        colour = view.classification.color_of(code)
        if v.clear:
            assert v.low > 0 if v.kind == "up" else v.high < 0
            assert not (v.low <= 0 <= v.high)
            shades = verdict_classes.UP_COLORS if v.kind == "up" else verdict_classes.DOWN_COLORS
            assert colour == shades[abs(v.per_year) >= cut]
        elif v.kind == "unclear":
            assert v.low <= 0 <= v.high and colour == verdict_classes.UNCLEAR_COLOR
        else:
            assert colour == verdict_classes.TOO_LITTLE_COLOR and view.values[code] != view.values[code]
        assert view.value_text(code) == f"{v.sentence('id')} · {v.counts('id')}"


def test_the_change_map_states_both_periods_in_its_subtitle_caption_and_print_file(ctx):
    from matplotlib.colors import to_hex

    view = _change_view(ctx, "province")
    assert view.metric_label == "Perubahan kerja sama"
    assert view.subtitle.startswith("Periode: 2024–2026 dibanding 2021–2023 · Saring:")
    assert "2024–2026 dibanding 2021–2023" in view.caption
    assert "2024–2026 compared with 2021–2023" in _change_view(ctx, "province", lang="en").caption
    fig = print_map.figure(view)
    texts = [t.get_text() for t in fig.texts]
    assert view.caption in texts and view.subtitle in texts
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [label for _, label in view.legend()]
    drawn = {to_hex(c) for coll in fig.axes[0].collections for c in coll.get_facecolors()}
    assert {view.classification.color_of(c) for c in view.verdicts} <= drawn


def test_the_change_map_within_a_province_keeps_its_regencies_only(ctx):
    view = _change_view(ctx, "regency", within="32")
    assert view.verdicts and all(c.startswith("32.") for c in view.verdicts)
    assert all(c.startswith("32.") for c in view.values.index)


def test_a_change_map_whose_comparison_period_precedes_the_records_says_not_enough_data_everywhere(ctx):
    import datetime as dt

    view = map_view.compute(map_view.Spec(level="province", metric="change", start=dt.date(2021, 1, 1),
                                          end=dt.date(2026, 12, 31)), ctx)
    assert not view.change.comparison_covered
    assert {v.kind for v in view.verdicts.values()} == {"too_little_data"}
    assert all(v.reason == "few_months" and v.reason_period == "before" for v in view.verdicts.values())
    assert [label for _, label in view.legend()] == ["Data belum cukup", "tidak ada data"]


def test_the_change_map_is_offered_where_agreement_counts_are_and_needs_a_period(ctx):
    assert "change" in map_view.metrics_at("province", ctx) and "change" in map_view.metrics_at("regency", ctx)
    assert "change" not in map_view.metrics_at("district", ctx)  # the sample's agreements are between regencies
    with pytest.raises(UserError):
        map_view.compute(map_view.Spec(level="province", metric="change"), ctx)


def test_the_caption_names_the_ministrys_sectors_in_words_not_as_keys():
    # an outside review (01/12/2026): "Saring: … ekonomi_kreatif, pengembangan_sdm, regulasi_perizinan"
    spec = map_view.Spec(level="regency", sectors=("pendidikan", "ekonomi_kreatif", "pengembangan_sdm"))
    assert map_view.filters_text(spec, "id") == "bidang: Pendidikan, Ekonomi Kreatif, Pengembangan SDM"
    assert "Creative economy" in map_view.filters_text(spec, "en")
