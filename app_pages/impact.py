"""Impact page: did cooperation grow after visits, and is that real — in words first ("Apa artinya?", "Batasan"),
then the effect by month since the visit, the cooperation score per region, and the cooperation flow (agreements
moving usulan → ditandatangani → berjalan → selesai / terhambat / batal) for the view's period and filters."""

import dataclasses
import datetime as dt

import streamlit as st

from geo.analysis import flow as flows
from geo.maps import map_view
from geo.records import app_settings
from geo.regions import lookup
from geo.text import numbers
from geo.text.catalog import text
from geo.text.periods import period_text
from ui import auth, charts, impact_summary, records_cache, score_table, shared_view, url_state
from ui.database import engine, simulated_banner
from ui.downloads import download_buttons
from ui.i18n import current_language, t

OUTCOMES = ("new_as_lead", "new_agreements", "new_partners")
lang = current_language()
st.title(t("imp2.title"))
simulated_banner()
eng = engine()
version = records_cache.version()
shared_view.begin({"imp_outcome": "new_as_lead", "imp_window": 12},
                  {"imp_outcome": OUTCOMES, "imp_window": (3, 24)})
caption_box, summary_box = st.container(), st.container()

with st.sidebar:
    y0, y1 = st.slider(t("map.period"), url_state.FIRST_YEAR, dt.date.today().year,
                       (int(st.session_state["y0"]), int(st.session_state["y1"])), key="imp_years")
    st.session_state["y0"], st.session_state["y1"] = y0, y1
    st.selectbox(t("imp2.outcome"), OUTCOMES, format_func=lambda k: t(f"imp2.outcome.{k}"), key="imp_outcome",
                 help=t("imp2.outcome_help"), placeholder=t("choose"))
    st.slider(t("imp2.window"), 3, 24, key="imp_window")
    with st.expander(t("imp2.weights")):
        for key in ("effect", "breadth", "progress"):
            st.slider(t(f"imp2.w.{key}"), 0, 100, step=5, format="%d%%", key=f"w_{key}")
        who = auth.principal()
        if who is not None and who.can("admin") and not shared_view.weights_are_default():
            if st.button(t("imp2.weights_save"), key="save_weights"):
                app_settings.set_score_weights(eng, url_state.weights(), who)
                st.rerun()
shared_view.end(("imp_outcome", "imp_window"))
outcome, window = st.session_state["imp_outcome"], int(st.session_state["imp_window"])
spec = shared_view.spec("regency")
with caption_box:
    shared_view.caption("regency")
# Cached: recomputed only when the data (its version) or the settings change.
settings = dataclasses.replace(map_view.report_settings(spec, level="regency", outcome=outcome), window_months=window)
with summary_box:
    impact_summary.what_it_means(version, spec, settings=settings)
rep = records_cache.report(version, settings)
for note in rep.notes:
    st.info(note)

if rep.direct is not None:
    st.subheader(t("imp2.event"))
    st.caption(t("imp2.event_help"))
    st.altair_chart(charts.event_study_chart(rep.direct.event_study, window, lang), use_container_width=True)
with st.expander(t("imp2.figures")):
    m1, m2 = st.columns(2)
    if rep.direct_window:
        d = rep.direct_window
        m1.metric(t("imp2.direct", n=window), numbers.signed(d["att"], lang=lang),
                  help=t(f"imp2.outcome.{rep.settings.outcome}"))
        m1.caption(t("imp2.per_month", lo=numbers.signed(d["ci_low"], lang=lang),
                     hi=numbers.signed(d["ci_high"], lang=lang)))
    if rep.spillover_window:
        sw = rep.spillover_window
        m2.metric(t("imp2.spill"), numbers.signed(sw["att"], lang=lang))
        m2.caption(t("imp2.per_month", lo=numbers.signed(sw["ci_low"], lang=lang),
                     hi=numbers.signed(sw["ci_high"], lang=lang)))

st.subheader(t("imp2.scores"))
frame = score_table.scores_by_region(rep, lang)  # a verdict in words beside every score; never visited: no score
table = score_table.score_table(frame)
st.dataframe(table, hide_index=True, width="stretch",
             column_config={t("col.score"): st.column_config.ProgressColumn(min_value=0, max_value=100,
                                                                             format="%.0f"),
                            t("col.verdict_size"): st.column_config.TextColumn(width="large")})
download_buttons(table, "skor_dampak")
pick = st.selectbox(t("imp2.explain"), frame.index.tolist(), key="score_pick",
                    format_func=lambda c: f"{lookup.get(c).name} ({c})", placeholder=t("choose"))
if pick:
    for line in rep.scores[pick].explain(lang):
        st.markdown(f"- {line}")

st.subheader(text("flow.title", lang))
ctx = records_cache.context(version)
flow = flows.of_view(spec, ctx.agreements, ctx.visits)
st.caption(text("flow.total", lang, n=numbers.number(flow.total, lang=lang), period=period_text(spec.start, spec.end, lang), filters=map_view.filters_text(spec, lang)))
if flow.total:
    st.altair_chart(charts.flow_chart(flow, lang), width="content")
    st.caption(text("flow.rule", lang))
    st.caption(flow.honest_note(lang))
else:
    st.info(text("flow.empty", lang))
