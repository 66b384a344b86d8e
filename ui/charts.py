"""The app's charts (altair / Streamlit line charts), built from the engine's tables; pages only place them.

* ``region_timeline``: a region's agreements per month (line), the comparison regions' 95% band (grey area,
  ``geo.analysis.region_profile``), the twelve months before and after its first visit (shaded) and every visit
  (red rules) — the same picture as the PDF brief's ``geo.briefings.region_brief.timeline_png``.
* ``region_values``: the agreements' value per month (bars), or None without any value.
* ``event_study_lines``: the impact page's event-time curve (ATT and its interval, ``geo.analysis.estimator``)
  from ``window`` months before the first visit to twice ``window`` after, with ``EVENT_STUDY_COLOURS``;
  ``event_study_chart`` draws it.

Numbers on axes and in tooltips are written in the page's language ("1.000", "0,5", "Rp 1,5 M"; ``ui.chart_formats``),
months as mm/yyyy.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

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
