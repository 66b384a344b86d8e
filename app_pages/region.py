"""Region drill-down: key figures, impact score and its explanation, timeline, agreements, partners,
obstacles with mitigation, child regions and visits."""

import streamlit as st

from geo.analysis import region_profile
from geo.maps import map_view
from geo.records import party_feedback
from geo.regions import lookup
from geo.text.catalog import text
from geo.text.vocabulary import STATUSES
from ui import (
    briefing_files,
    charts,
    date_columns,
    evidence,
    mini_maps,
    party_feedback_table,
    presentation,
    record_tables,
    records_cache,
    region_map,
    shared_view,
    vocabulary_labels,
)
from ui.database import simulated_banner
from ui.downloads import download_buttons
from ui.i18n import current_language, label, localized_columns, t

# The key figures (geo.briefings.region_brief.KEY_FIGURES), in the page's order and under its labels.
FIGURE_LABELS = {"population": "reg.population", "signed": "metric.signed", "value_idr": "metric.value_idr",
                 "partners": "metric.partners", "visits": "metric.visits", "impact": "reg.impact"}

lang = current_language()
choices = [r.code for lv in lookup.GOVERNMENT_LEVELS for r in lookup.all_regions(lv)]
wanted = st.query_params.get("region", "")
if "region_pick" not in st.session_state:
    st.session_state["region_pick"] = wanted if wanted in choices else "32"
code = st.selectbox(t("reg.pick"), choices, key="region_pick", format_func=lambda c: f"{lookup.get(c).name} ({c})",
                    placeholder=t("choose"))
st.query_params["region"] = code
region = lookup.get(code)
crumbs = " › ".join(["Indonesia"] + [a.name for a in lookup.ancestors(code)] + [region.name])
st.caption(crumbs)
st.title(region.name)
simulated_banner()
if st.button(t("reg.plan"), icon=":material/route:", key="plan_region"):
    st.switch_page("app_pages/planner.py", query_params=shared_view.link_params(pick=code, lang=lang))
presentation.page()
version = records_cache.version()
shared_view.begin()  # the period and filters chosen on the map (or any page) are this page's too
shared_view.end()
start, end = shared_view.period_dates()
shared_view.caption(region.level)
presentation.statement(crumbs, map_view.describe(shared_view.spec(region.level), lang))

level = region.level
view_spec = shared_view.spec(level)
weights, filters = view_spec.weights, briefing_files.filters_of(view_spec)
facts = briefing_files.facts(version, code, lang, start, end, weights, filters)  # the PDF brief's and deck's figures
prof = facts.profile
briefing_files.brief_button(version, code, region.name, start=start, end=end, weights=weights, filters=filters)

cols = st.columns(3) + st.columns(3)
for col, (key, label_key) in zip(cols, FIGURE_LABELS.items()):
    col.metric(t(label_key), facts.key_figures[key])
    if key == "impact":  # a verdict in words, never a bare score; its size (or reason) beneath
        col.caption(facts.impact_note)
if facts.explanation:
    with st.expander(t("imp2.explain"), expanded=True):
        for line in facts.explanation:
            st.markdown(f"- {line}")

st.subheader(t("reg.timeline"))
tl = prof.timeline
if len(tl):
    st.altair_chart(charts.region_timeline(tl, prof.visits["local_start"], facts.first_visit, lang),
                    use_container_width=True)
    # the red rules are the visits in the period: say so when there are none, rather than promise them
    st.caption(t("reg.timeline_note") if len(prof.visits) else t("reg.timeline_note_none"))
    value_chart = charts.region_values(tl, lang)
    if value_chart is not None:
        st.altair_chart(value_chart, use_container_width=True)
else:
    st.info(t("reg.none"))

st.subheader(t("reg.agreements"))
status_pick = st.multiselect(t("rec.status"), list(STATUSES), format_func=lambda k: label(STATUSES, k),
                             key="region_status", placeholder=t("choose"))
shown = prof.agreements[prof.agreements["status"].isin(status_pick)] if status_pick else prof.agreements
ag = record_tables.agreements_table(shown, vocabulary_labels.current())
ag_cols = ["doc_number", "title", "type", "status", "parties", "signed_on", "value_idr"]
ag_table = localized_columns(ag, ag_cols)
st.dataframe(ag_table, hide_index=True, width="stretch", column_config=date_columns.config(ag_table, lang))
download_buttons(ag_table, f"kerja_sama_{code}")

photos = briefing_files.region_photos(version, code, start, end)
if photos:
    st.subheader(t("ev.region_photos"))
    evidence.photo_grid(photos, columns=4)

c1, c2 = st.columns(2)
with c1:
    st.subheader(t("reg.partners"))
    partners = prof.partners
    if len(partners):
        p_table = localized_columns(partners.rename(columns={"agreements": "agreements"}),
                                    ["name", "code", "agreements"])
        st.dataframe(p_table, hide_index=True, width="stretch", height=260)
        download_buttons(p_table, f"mitra_{code}")
        region_map.show(mini_maps.partners_map(level, code, partners, lang), key=f"partners-{code}")
    else:
        st.info(t("reg.none"))
feedback = party_feedback_table.approved()
feedback = feedback[feedback["doc_number"].isin(set(prof.agreements["doc_number"]))]
# the obstacles the records give the region's agreements, and apart, those the parties' approved feedback names
obstacles = region_profile.with_party_obstacles(
    prof.obstacles, party_feedback.obstacle_counts(feedback, prof.agreements["doc_number"]), lang)
with c2:
    st.subheader(t("reg.obstacles"))
    if len(obstacles):
        o_table = localized_columns(obstacles, ["label", "agreements", "from_parties", "mitigation"])
        st.dataframe(o_table, hide_index=True, width="stretch")
        download_buttons(o_table, f"hambatan_{code}")
    else:
        st.info(t("reg.none"))
    child_level = lookup.CHILD_LEVEL.get(level)
    if child_level:
        st.subheader(t("reg.children"))
        measure, kid_values = region_profile.children_values(
            code, records_cache.region_metrics(version, child_level, start, end, *filters[:2], filters[3], filters[2]))
        region_map.show(mini_maps.children_map(child_level, code, measure, kid_values, lang), key=f"children-{code}")

st.subheader(text("party_feedback.region.title", lang))
if len(feedback):
    st.caption(text("party_feedback.region.note", lang))
    f_table = party_feedback_table.table(feedback, lang)
    st.dataframe(f_table, hide_index=True, width="stretch")
    download_buttons(f_table, f"umpan_balik_{code}")
else:
    st.info(t("reg.none"))

st.subheader(t("reg.visits"))
if len(prof.visits_followed):
    v_table = localized_columns(prof.visits_followed, ["ref", "official_role", "start_at", "agenda", "n_after",
                                                       "agreements_after"])
    st.dataframe(v_table, hide_index=True, width="stretch", column_config=date_columns.config(v_table, lang))
    download_buttons(v_table, f"kunjungan_{code}")
else:
    st.info(t("reg.none"))
