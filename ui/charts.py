"""The app's charts (altair / Streamlit line charts), built from the engine's tables; pages only place them.

* ``region_timeline``: a region's agreements per month (line), the comparison regions' 95% band (grey area,
  ``geo.analysis.region_profile``), the twelve months before and after its first visit (shaded) and every visit
  (red rules) — the same picture as the PDF brief's ``geo.briefings.region_brief.timeline_png``.
* ``region_values``: the agreements' value per month (bars), or None without any value.
* ``event_study_lines``: the impact page's event-time curve (ATT and its interval, ``geo.analysis.estimator``)
  from ``window`` months before the first visit to twice ``window`` after, with ``EVENT_STUDY_COLOURS``;
  ``event_study_chart`` draws it.
* ``flow_chart``: the cooperation flow (``geo.analysis.flow``): a box per stage with how many agreements were ever
  there and are there now, an arrow per recorded move as thick as its count — the deck's picture
  (``geo.briefings.flow_chart``) drawn with altair.
* ``kpi_chart``: a KPI's readings and its straight line from baseline to target (``geo.monitoring.kpis``).

Numbers on axes and in tooltips are written in the page's language ("1.000", "0,5", "Rp 1,5 M"; ``ui.chart_formats``),
months as mm/yyyy.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from geo.analysis import flow as flows
from geo.text.catalog import text
from ui import chart_formats
from ui.i18n import current_language, t

EVENT_STUDY_COLOURS = ["#1f4e9c", "#9ecae1", "#9ecae1"]


def region_timeline(tl: pd.DataFrame, visit_starts, first_visit, lang: str) -> alt.LayerChart:
    """``tl``: ``Profile.timeline``; ``visit_starts``: the local start of each visit; ``first_visit``: or None."""
    base = alt.Chart(tl).encode(x=alt.X("month:T", title=None, axis=alt.Axis(format="%m/%Y")))
    layers = []
    if first_visit is not None and not pd.isna(first_visit):
        windows = [t("reg.window.before"), t("reg.window.after")]  # grey before, blue after, in either language
        shade = pd.DataFrame({"start": [first_visit - pd.DateOffset(months=12), first_visit],
                              "end": [first_visit, first_visit + pd.DateOffset(months=12)], "window": windows})
        layers.append(alt.Chart(shade).mark_rect(opacity=0.12).encode(
            x="start:T", x2="end:T", color=alt.Color("window:N", legend=None,
                                                     scale=alt.Scale(domain=windows, range=["#999999", "#1f78b4"]))))
    if "comparison_mean" in tl:
        layers.append(base.mark_area(opacity=0.25, color="#888888").encode(y="comparison_low:Q",
                                                                           y2="comparison_high:Q"))
    layers.append(base.mark_line(color="#1f5f99", point=True).encode(
        y=alt.Y("count:Q", title=t("col.agreements"), axis=chart_formats.number_axis(lang, 0)),
        tooltip=[alt.Tooltip("month:T", format="%m/%Y", title=t("col.month")),
                 alt.Tooltip("count:Q", title=t("col.agreements"))]))
    vm = pd.DataFrame({"month": pd.to_datetime(visit_starts)})
    if len(vm):
        layers.append(alt.Chart(vm).mark_rule(color="#b2182b", strokeWidth=2).encode(x="month:T"))
    return alt.layer(*layers).properties(height=260)


def region_values(tl: pd.DataFrame, lang: str | None = None) -> alt.Chart | None:
    """The value per month (bars), its axis and tooltip in rupiah with a short scale word ("Rp 1,5 M")."""
    if not tl["value_idr"].notna().any():
        return None
    lang = lang or current_language()
    values = tl.dropna(subset=["value_idr"])[["month", "value_idr"]]
    return alt.Chart(values).mark_bar(color="#74a9cf").transform_calculate(
        value_text=chart_formats.rupiah_expr("datum.value_idr", lang)).encode(
        x=alt.X("month:T", title=None, axis=alt.Axis(format="%m/%Y")),
        y=alt.Y("value_idr:Q", title=t("metric.value_idr"), axis=chart_formats.rupiah_axis(lang)),
        tooltip=[alt.Tooltip("month:T", format="%m/%Y", title=t("col.month")),
                 alt.Tooltip("value_text:N", title=t("metric.value_idr"))]).properties(height=180)


def event_study_lines(event_study: pd.DataFrame, window: int) -> pd.DataFrame:
    """The ATT and its interval by event time, series named in the page's language (one column each)."""
    es = event_study[(event_study["event_time"] >= -window)
                     & (event_study["event_time"] <= 2 * window)].set_index("event_time")
    series = {"att": t("imp2.series.att"), "ci_low": t("imp2.series.low"), "ci_high": t("imp2.series.high")}
    return es[list(series)].rename(columns=series)


def event_study_chart(event_study: pd.DataFrame, window: int, lang: str | None = None) -> alt.Chart:
    """``event_study_lines`` as lines (``EVENT_STUDY_COLOURS``), numbers on the axes in the page's language."""
    lang = lang or current_language()
    lines = event_study_lines(event_study, window)
    long = lines.reset_index().melt("event_time", var_name="series", value_name="value")
    return alt.Chart(long).mark_line().encode(
        x=alt.X("event_time:Q", title=t("imp2.event_axis"), axis=chart_formats.number_axis(lang, 0)),
        y=alt.Y("value:Q", title=None, axis=chart_formats.number_axis(lang, 3)),
        color=alt.Color("series:N", title=None, sort=list(lines.columns),
                        scale=alt.Scale(domain=list(lines.columns), range=EVENT_STUDY_COLOURS),
                        legend=alt.Legend(orient="bottom", labelLimit=0)),
        tooltip=[alt.Tooltip("event_time:Q", title=t("imp2.event_axis")), alt.Tooltip("series:N", title=" "),
                 alt.Tooltip("value_text:N", title=" ")],
    ).transform_calculate(value_text=chart_formats.number_expr("datum.value", lang, 3)).properties(height=260)


FLOW_SIZE = (760, 330)  # pixels: fixed, so that the arrowheads point along their arrows
FLOW_X, FLOW_Y = (-0.5, 3.5), (-0.35, 1.35)
FLOW_BOX = (0.31, 0.17)  # half width and height of a stage's box (data units)


def _flow_edge_points(edges: pd.DataFrame) -> pd.DataFrame:
    """The arrows clipped to the boxes' edges, beside each other when both directions are recorded, with the
    angle of their heads on screen and where the count goes (beside the arrow's middle)."""
    sx = FLOW_SIZE[0] / (FLOW_X[1] - FLOW_X[0])
    sy = FLOW_SIZE[1] / (FLOW_Y[1] - FLOW_Y[0])
    hw, hh = FLOW_BOX[0] + 0.03, FLOW_BOX[1] + 0.03
    rows = []
    for e in edges.itertuples(index=False):
        dx, dy = e.x2 - e.x, e.y2 - e.y
        length = math.hypot(dx, dy) or 1.0
        ox, oy = ((-dy / length * 0.07, dx / length * 0.07) if e.back else (0.0, 0.0))
        cut = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
        x0, y0 = e.x + ox + dx * cut, e.y + oy + dy * cut
        x1, y1 = e.x2 + ox - dx * cut, e.y2 + oy - dy * cut
        nx, ny = -dy / length * 0.09, dx / length * 0.09  # the count beside its arrow, to the arrow's left
        rows.append({**e._asdict(), "ax": x0, "ay": y0, "bx": x1, "by": y1, "mx": x0 + (x1 - x0) * e.at + nx,
                     "my": y0 + (y1 - y0) * e.at + ny,
                     "angle": math.degrees(math.atan2(dx * sx, dy * sy))})
    return pd.DataFrame(rows)


def flow_chart(flow: flows.Flow, lang: str | None = None) -> alt.LayerChart:
    """The cooperation flow: boxes per stage (ever / now), arrows per recorded move with their counts."""
    lang = lang or current_language()
    nodes = flow.nodes(lang)
    nodes["counts"] = [text("flow.node", lang, reached=r, now=n) for r, n in zip(nodes["reached_text"],
                                                                                 nodes["now_text"])]
    nodes["x0"], nodes["x1"] = nodes["x"] - FLOW_BOX[0], nodes["x"] + FLOW_BOX[0]
    nodes["y0"], nodes["y1"] = nodes["y"] - FLOW_BOX[1], nodes["y"] + FLOW_BOX[1]
    edges = _flow_edge_points(flow.edges(lang))
    top = max([1, *edges["count"]])
    edges["width"] = [1 + 9 * math.sqrt(c / top) for c in edges["count"]]
    edges["colour"] = ["#08519c" if c else "#bbbbbb" for c in edges["count"]]
    x = dict(scale=alt.Scale(domain=list(FLOW_X)), axis=None)
    y = dict(scale=alt.Scale(domain=list(FLOW_Y)), axis=None)
    moved = text("flow.moves", lang)
    lines = alt.Chart(edges).mark_rule(opacity=0.75).encode(
        x=alt.X("ax:Q", **x), y=alt.Y("ay:Q", **y), x2="bx:Q", y2="by:Q",
        strokeWidth=alt.StrokeWidth("width:Q", scale=None, legend=None), color=alt.Color("colour:N", scale=None),
        tooltip=[alt.Tooltip("source:N", title=text("flow.from", lang)), alt.Tooltip("target:N", title=text("flow.to",
                                                                                                           lang)),
                 alt.Tooltip("count_text:N", title=moved)])
    heads = alt.Chart(edges).mark_point(shape="triangle", filled=True, size=140, opacity=0.9).encode(
        x=alt.X("bx:Q", **x), y=alt.Y("by:Q", **y), angle=alt.Angle("angle:Q", scale=None),
        color=alt.Color("colour:N", scale=None))
    halo = alt.Chart(edges).mark_text(fontSize=12, stroke="white", strokeWidth=4).encode(
        x=alt.X("mx:Q", **x), y=alt.Y("my:Q", **y), text="count_text:N")  # keeps a count readable on its line
    counts = alt.Chart(edges).mark_text(fontSize=12, color="#08306b").encode(
        x=alt.X("mx:Q", **x), y=alt.Y("my:Q", **y), text="count_text:N")
    boxes = alt.Chart(nodes).mark_rect(stroke="#444444", cornerRadius=4).encode(
        x=alt.X("x0:Q", **x), x2="x1:Q", y=alt.Y("y0:Q", **y), y2="y1:Q",
        color=alt.Color("stage:N", scale=alt.Scale(domain=list(flows.STAGES), range=[flows.COLOURS[s] for s in flows.STAGES]), legend=None),
        tooltip=[alt.Tooltip("label:N", title=text("flow.stage", lang)),
                 alt.Tooltip("reached_text:N", title=text("flow.reached", lang)),
                 alt.Tooltip("now_text:N", title=text("flow.now", lang))])
    names = alt.Chart(nodes).mark_text(fontSize=14, fontWeight="bold", dy=-9).encode(
        x=alt.X("x:Q", **x), y=alt.Y("y:Q", **y), text="label:N")
    numbers = alt.Chart(nodes).mark_text(fontSize=11, dy=11).encode(x=alt.X("x:Q", **x), y=alt.Y("y:Q", **y),
                                                                    text="counts:N")
    return alt.layer(lines, heads, halo, counts, boxes, names, numbers).properties(
        width=FLOW_SIZE[0], height=FLOW_SIZE[1]).configure_view(stroke=None)


def kpi_chart(readings: pd.DataFrame, line: pd.DataFrame, lang: str | None = None) -> alt.LayerChart:
    """A KPI's readings (points joined by a line) and, when there is one, the straight line from the baseline at
    the start to the target on the target date (dashed, ``geo.monitoring.kpis``); columns ``date`` and ``value``."""
    lang = lang or current_language()
    date_title, value_title = text("monitoring.chart.date", lang), text("monitoring.chart.value", lang)
    series = {"readings": text("monitoring.chart.readings", lang), "line": text("monitoring.chart.line", lang)}
    both = pd.concat([readings.assign(series=series["readings"]), line.assign(series=series["line"])],
                     ignore_index=True)
    both["date"] = pd.to_datetime(both["date"])
    return alt.Chart(both).mark_line(point=True).encode(
        x=alt.X("date:T", title=date_title, axis=alt.Axis(format="%m/%Y")),
        y=alt.Y("value:Q", title=value_title, axis=chart_formats.number_axis(lang, 1)),
        color=alt.Color("series:N", title=None, sort=list(series.values()),
                        scale=alt.Scale(domain=list(series.values()), range=["#1f4e9c", "#bdbdbd"]),
                        legend=alt.Legend(orient="bottom", labelLimit=0)),
        strokeDash=alt.StrokeDash("series:N", legend=None, scale=alt.Scale(domain=list(series.values()),
                                                                           range=[[1, 0], [6, 4]])),
        tooltip=[alt.Tooltip("date:T", format="%d/%m/%Y", title=date_title), alt.Tooltip("series:N", title=" "),
                 alt.Tooltip("value_text:N", title=value_title)],
    ).transform_calculate(value_text=chart_formats.number_expr("datum.value", lang, 1)).properties(height=260)
