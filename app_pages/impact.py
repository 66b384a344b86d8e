"""Impact page: the overall effect of visits, the event-time curve, spillover and explained scores."""

import streamlit as st

from geo.analysis import impact_report
from geo.regions import lookup
from geo.text import numbers
from ui import charts, records_cache, score_table
from ui.database import engine, simulated_banner
from ui.downloads import download_buttons
from ui.i18n import current_language, t

lang = current_language()
st.title(t("imp2.title"))
simulated_banner()
st.caption(t("imp2.method"))
eng = engine()

c1, c2 = st.columns(2)
outcome = c1.selectbox(t("imp2.outcome"), ["new_agreements", "new_as_lead", "new_partners"],
                       format_func=lambda k: t(f"imp2.outcome.{k}"), key="imp_outcome")
window = c2.slider(t("imp2.window"), 3, 24, 12, key="imp_window")
with st.expander(t("imp2.weights")):
    w1, w2, w3 = st.columns(3)
    weights = (("effect", w1.slider(t("imp2.w.effect"), 0.0, 1.0, 0.5, 0.05, key="w_effect")),
               ("breadth", w2.slider(t("imp2.w.breadth"), 0.0, 1.0, 0.25, 0.05, key="w_breadth")),
               ("progress", w3.slider(t("imp2.w.progress"), 0.0, 1.0, 0.25, 0.05, key="w_progress")))


# Cached: recomputed only when the data (its version) or the settings change.
rep = records_cache.report(records_cache.version(), impact_report.Settings(outcome=outcome, window_months=window,
                                                                           weights=weights))
m1, m2 = st.columns(2)
if rep.direct_window:
    d = rep.direct_window
    m1.metric(t("imp2.direct", n=window), numbers.signed(d["att"], lang=lang),
              help=t(f"imp2.outcome.{rep.settings.outcome}"))
    m1.caption(t("imp2.per_month", lo=numbers.signed(d["ci_low"], lang=lang),
                 hi=numbers.signed(d["ci_high"], lang=lang)))
if rep.spillover_window:
    s = rep.spillover_window
    m2.metric(t("imp2.spill"), numbers.signed(s["att"], lang=lang))
    m2.caption(t("imp2.per_month", lo=numbers.signed(s["ci_low"], lang=lang),
                 hi=numbers.signed(s["ci_high"], lang=lang)))
for note in rep.notes:
    st.info(note)

if rep.direct is not None:
    st.subheader(t("imp2.event"))
    st.line_chart(charts.event_study_lines(rep.direct.event_study, window), height=260,
                  color=charts.EVENT_STUDY_COLOURS)

st.subheader(t("imp2.scores"))
frame = score_table.scores_by_region(rep, lang)  # a verdict in words beside every score; never visited: no score
table = score_table.score_table(frame)
st.dataframe(table, hide_index=True, width="stretch",
             column_config={t("col.score"): st.column_config.ProgressColumn(min_value=0, max_value=100,
                                                                             format="%.0f"),
                            t("col.verdict_size"): st.column_config.TextColumn(width="large")})
download_buttons(table, "skor_dampak")
pick = st.selectbox(t("imp2.explain"), frame.index.tolist(), key="score_pick",
                    format_func=lambda c: f"{lookup.get(c).name} ({c})")
if pick:
    for line in rep.scores[pick].explain(lang):
        st.markdown(f"- {line}")
