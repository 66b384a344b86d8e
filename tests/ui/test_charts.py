"""ui.charts: the region timeline's layers follow the data; the event-time curve keeps its window."""

import pandas as pd

from ui import charts

TIMELINE = pd.DataFrame({"month": pd.to_datetime(["2023-01-01", "2023-02-01", "2023-03-01"]), "count": [1, 0, 2],
                         "value_idr": [5e8, None, None], "comparison_mean": [0.5, 0.6, 0.7],
                         "comparison_low": [0.1, 0.2, 0.3], "comparison_high": [0.9, 1.0, 1.1]})


def _marks(chart) -> list[str]:
    return [layer["mark"]["type"] for layer in chart.to_dict()["layer"]]


def test_timeline_shows_first_visit_window_comparison_band_line_and_visits():
    chart = charts.region_timeline(TIMELINE, pd.Series(["2023-02-10T09:00:00"]), pd.Timestamp("2023-02-01"), "id")
    assert _marks(chart) == ["rect", "area", "line", "rule"]
    assert chart.to_dict()["height"] == 260


def test_timeline_without_visits_or_comparison_is_just_the_line():
    chart = charts.region_timeline(TIMELINE[["month", "count", "value_idr"]], pd.Series([], dtype=str), None, "en")
    assert _marks(chart) == ["line"]


def test_value_chart_only_when_some_month_has_a_value():
    bars = charts.region_values(TIMELINE)
    assert bars.to_dict()["mark"]["type"] == "bar" and len(bars.data) == 1
    assert charts.region_values(TIMELINE.assign(value_idr=None)) is None


def test_event_time_curve_runs_from_minus_window_to_twice_the_window():
    es = pd.DataFrame({"event_time": range(-30, 31), "att": 0.1, "ci_low": 0.0, "ci_high": 0.2})
    lines = charts.event_study_lines(es, 6)
    assert list(lines.index) == list(range(-6, 13))
    assert list(lines.columns) == ["Selisih dengan pembanding", "Batas bawah 95%", "Batas atas 95%"]
    assert len(charts.EVENT_STUDY_COLOURS) == len(lines.columns)


def _axis_expr(spec_part) -> str:
    return spec_part["axis"]["labelExpr"]


def test_indonesian_value_axis_swaps_separators_and_uses_short_rupiah_words():
    spec = charts.region_values(TIMELINE, "id").to_dict()
    expr = _axis_expr(spec["encoding"]["y"])
    assert "format" not in spec["encoding"]["y"]["axis"]  # d3's English locale would write 1,000,000,000
    assert "' M'" in expr and "' jt'" in expr and "'Rp '" in expr
    assert "regexp('\\\\.', 'g'), ','" in expr  # the decimal point becomes a comma
    assert "regexp('_', 'g'), '.'" in expr  # the thousands comma becomes a dot


def test_english_value_axis_keeps_d3_separators_and_english_scale_words():
    expr = _axis_expr(charts.region_values(TIMELINE, "en").to_dict()["encoding"]["y"])
    assert "replace(" not in expr and "' bn'" in expr and "' M'" not in expr


def test_event_time_chart_writes_its_numbers_the_indonesian_way():
    es = pd.DataFrame({"event_time": range(-30, 31), "att": 0.5, "ci_low": 0.0, "ci_high": 1.0})
    spec = charts.event_study_chart(es, 6, "id").to_dict()
    assert "regexp('\\\\.', 'g'), ','" in _axis_expr(spec["encoding"]["y"])
    assert spec["encoding"]["color"]["scale"]["range"] == charts.EVENT_STUDY_COLOURS
    assert len(spec["data"]["values"] if "values" in spec["data"] else next(iter(spec["datasets"].values()))) == 19 * 3


def test_count_axis_ticks_only_at_whole_numbers_so_no_label_repeats():
    spec = charts.region_timeline(TIMELINE, pd.Series([], dtype=str), None, "id").to_dict()
    [line] = [layer for layer in spec["layer"] if layer["mark"]["type"] == "line"]
    assert line["encoding"]["y"]["axis"]["tickMinStep"] == 1
