"""Region drill-down: key figures, impact score and its explanation, timeline, agreements, partners,
obstacles with mitigation, child regions and visits."""

import altair as alt
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.analysis import impact_report, panel, region_profile
from geo.maps import classes, map_view, web_map
from geo.regions import lookup
from geo.text import numbers
from geo.text.vocabulary import AGREEMENT_TYPES, STATUSES
from ui import briefing_files, presentation, records_cache
from ui.database import simulated_banner
from ui.downloads import download_buttons
from ui.i18n import current_language, label, localized_columns, t
from ui.offline_leaflet import ASSET_BASE

lang = current_language()
choices = [r.code for lv in lookup.GOVERNMENT_LEVELS for r in lookup.all_regions(lv)]
wanted = st.query_params.get("region", "")
if "region_pick" not in st.session_state:
    st.session_state["region_pick"] = wanted if wanted in choices else "32"
code = st.selectbox(t("reg.pick"), choices, key="region_pick", format_func=lambda c: f"{lookup.get(c).name} ({c})")
st.query_params["region"] = code
region = lookup.get(code)
crumbs = " › ".join(["Indonesia"] + [a.name for a in lookup.ancestors(code)] + [region.name])
st.caption(crumbs)
st.title(region.name)
simulated_banner()
if st.button(t("reg.plan"), icon=":material/route:", key="plan_region"):
    st.switch_page("app_pages/planner.py", query_params={"pick": code, "lang": lang})
presentation.page()
presentation.statement(crumbs, map_view.describe(map_view.Spec(), lang))

version = records_cache.version()
agreements, visits = records_cache.frames(version)
level = region.level
table = records_cache.region_metrics(version, level, None, None, (), (), ())
row = table.loc[code]
rep = records_cache.report(version, impact_report.Settings(level=level))
region_score = rep.scores.get(code)
briefing_files.brief_button(version, code, region.name)

cols = st.columns(3) + st.columns(3)
cols[0].metric(t("reg.population"), numbers.number(region.population, lang=lang))
cols[1].metric(t("metric.signed"), numbers.number(row["signed"], lang=lang))
cols[2].metric(t("metric.value_idr"), numbers.rupiah(row["value_idr"], lang))
cols[3].metric(t("metric.partners"), numbers.number(row["partners"], lang=lang))
cols[4].metric(t("metric.visits"), numbers.number(row["visits"], lang=lang))
cols[5].metric(t("reg.score"), "–" if region_score is None or region_score.score is None
               else numbers.number(region_score.score, lang=lang))
if region_score is not None:
    with st.expander(t("imp2.explain"), expanded=True):
        for line in region_score.explain(lang):
            st.markdown(f"- {line}")

region_panel = panel.monthly_panel(agreements, visits, level=level, start="2021-01")
prof = region_profile.profile(code, agreements, visits, region_panel, lang=lang)

st.subheader(t("reg.timeline"))
tl = prof.timeline
if len(tl):
    base = alt.Chart(tl).encode(x=alt.X("month:T", title=None, axis=alt.Axis(format="%m/%Y")))
    layers = []
    first_visit = region_panel.groupby("region")["first_visit"].first().get(code)
    if first_visit is not None and not pd.isna(first_visit):
        shade = pd.DataFrame({"start": [first_visit - pd.DateOffset(months=12), first_visit],
                              "end": [first_visit, first_visit + pd.DateOffset(months=12)],
                              "window": ["sebelum" if lang == "id" else "before",
                                         "sesudah" if lang == "id" else "after"]})
        layers.append(alt.Chart(shade).mark_rect(opacity=0.12).encode(
            x="start:T", x2="end:T", color=alt.Color("window:N", legend=None,
                                                     scale=alt.Scale(range=["#999999", "#1f78b4"]))))
    if "comparison_mean" in tl:
        layers.append(base.mark_area(opacity=0.25, color="#888888").encode(y="comparison_low:Q",
                                                                           y2="comparison_high:Q"))
    layers.append(base.mark_line(color="#1f5f99", point=True).encode(
        y=alt.Y("count:Q", title=t("col.agreements")), tooltip=["month:T", "count:Q"]))
    vm = pd.DataFrame({"month": pd.to_datetime(prof.visits["local_start"])})
    if len(vm):
        layers.append(alt.Chart(vm).mark_rule(color="#b2182b", strokeWidth=2).encode(x="month:T"))
    st.altair_chart(alt.layer(*layers).properties(height=260), use_container_width=True)
    st.caption(t("reg.timeline_note"))
    if tl["value_idr"].notna().any():
        value_chart = alt.Chart(tl.dropna(subset=["value_idr"])).mark_bar(color="#74a9cf").encode(
            x=alt.X("month:T", title=None, axis=alt.Axis(format="%m/%Y")),
            y=alt.Y("value_idr:Q", title=t("metric.value_idr")),
            tooltip=["month:T", alt.Tooltip("value_idr:Q", format=",.0f")])
        st.altair_chart(value_chart.properties(height=140), use_container_width=True)
else:
    st.info(t("reg.none"))

st.subheader(t("reg.agreements"))
status_pick = st.multiselect(t("rec.status"), list(STATUSES), format_func=lambda k: label(STATUSES, k),
                             key="region_status", placeholder=t("choose"))
shown = prof.agreements[prof.agreements["status"].isin(status_pick)] if status_pick else prof.agreements
ag = shown.assign(type=shown["type"].map(lambda k: label(AGREEMENT_TYPES, k)),
                  status=shown["status"].map(lambda k: label(STATUSES, k)),
                  parties=shown["parties"].map("; ".join))
ag_cols = ["doc_number", "title", "type", "status", "parties", "signed_on", "value_idr"]
ag_table = localized_columns(ag, ag_cols)
st.dataframe(ag_table, hide_index=True, width="stretch")
download_buttons(ag_table, f"kerja_sama_{code}")

c1, c2 = st.columns(2)
with c1:
    st.subheader(t("reg.partners"))
    partners = prof.partners
    if len(partners):
        p_table = localized_columns(partners.rename(columns={"agreements": "agreements"}),
                                    ["name", "code", "agreements"])
        st.dataframe(p_table, hide_index=True, width="stretch", height=260)
        download_buttons(p_table, f"mitra_{code}")
        values = partners.set_index("code")["agreements"].astype(float)
        values[code] = float("nan")
        mini = web_map.choropleth_map(level, values, classes.classify(values, k=4), asset_base=ASSET_BASE,
                                   fmt=classes.value_formatter("count", lang), codes=list(values.index),
                                   labels=(t("tooltip.region"), t("col.agreements"), t("map.rank")),
                                   rank_of=classes.ranks(values), no_data_text=t("map.no_data"))
        st_folium(mini, height=300, use_container_width=True, returned_objects=[], key=f"partners-{code}")
    else:
        st.info(t("reg.none"))
with c2:
    st.subheader(t("reg.obstacles"))
    if len(prof.obstacles):
        o_table = localized_columns(prof.obstacles, ["label", "agreements", "mitigation"])
        st.dataframe(o_table, hide_index=True, width="stretch")
        download_buttons(o_table, f"hambatan_{code}")
    else:
        st.info(t("reg.none"))
    child_level = {"province": "regency", "regency": "district"}.get(level)
    if child_level:
        st.subheader(t("reg.children"))
        children = records_cache.region_metrics(version, child_level, None, None, (), (), ())
        kids = children[children.index.str.startswith(code + ".")]
        measure = "signed" if child_level == "regency" else "visits"
        kid_values = kids[measure].astype(float)
        kid_map = web_map.choropleth_map(child_level, kid_values, classes.classify(kid_values, k=4),
                                      asset_base=ASSET_BASE, within=code,
                                      fmt=classes.value_formatter("count", lang),
                                      labels=(t("tooltip.region"), t(f"metric.{measure}"), t("map.rank")),
                                      rank_of=classes.ranks(kid_values), no_data_text=t("map.no_data"))
        st_folium(kid_map, height=300, use_container_width=True, returned_objects=[], key=f"children-{code}")

st.subheader(t("reg.visits"))
if len(prof.visits_followed):
    v_table = localized_columns(prof.visits_followed, ["ref", "official_role", "start_at", "agenda", "n_after",
                                                       "agreements_after"])
    st.dataframe(v_table, hide_index=True, width="stretch")
    download_buttons(v_table, f"kunjungan_{code}")
else:
    st.info(t("reg.none"))
