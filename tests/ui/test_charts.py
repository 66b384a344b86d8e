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
