"""Visit planner: where to visit next (map and ranked table, each region's why), the itinerary and its
schedule (editable, kept as the user's draft, XLSX and PDF, saved as planned visits and reopened), and the backtest
of the recommendation."""

import zlib

import streamlit as st

from geo.db import storage
from geo.planner import backtest, drafts, itinerary, rank, stop_notes
from geo.records import read
from geo.regions import lookup
from geo.text import numbers, parsing
from geo.text.catalog import text
from geo.text.messages import UserError
from ui import (
    auth,
    briefing_files,
    date_columns,
    plan_draft,
    record_tables,
    records_cache,
    region_map,
    vocabulary_labels,
)
from ui.database import engine, simulated_banner
from ui.downloads import download_buttons
from ui.feedback import errors_shown
from ui.i18n import current_language, label, t
from ui.ranking_table import ranking_frame
from ui.route_map import route_map
from ui.route_table import legs_frame
from ui.safe_text import md

lang = current_language()
st.title(t("plan.title"))
simulated_banner()
st.caption(t("plan.intro"))
version = records_cache.version()
ctx = records_cache.context(version)  # shared by every session, read-only (no copy of the records per run)
agreements, visits = ctx.agreements, ctx.visits

actor = auth.principal()  # the engine checks the role again on every write
draft = plan_draft.restore(actor)  # the user's plan as they left it (F5, a new login), before any widget is drawn
wanted = st.query_params.get("pick", "")
if "plan_level" not in st.session_state:
    st.session_state["plan_level"] = "province" if len(wanted) == 2 and lookup.exists(wanted) else "regency"

with st.sidebar:
    st.subheader(t("plan.weights"))
    # in percent, as on the impact page: a slider's number cannot take a decimal comma ("0.25")
    weights = tuple((k, st.slider(t(f"plan.c.{k}"), 0, 100, round(100 * rank.DEFAULT_WEIGHTS[k]), 5, format="%d%%",
                                  key=f"plan_w_{k}") / 100) for k in rank.COMPONENTS)
    with st.expander(t("plan.constraints"), expanded=True):
        level = st.selectbox(t("plan.level"), ["regency", "province"], format_func=lambda lv: t(f"level.{lv}"),
                             key="plan_level", placeholder=t("choose"))
        exclude = st.number_input(t("plan.exclude"), 0, 120, 6, key="plan_exclude")
        provinces = st.multiselect(t("plan.provinces"), [r.code for r in lookup.all_regions("province")],
                                   format_func=lambda c: lookup.get(c).name, key="plan_provinces",
                                   placeholder=t("choose"))
        islands = st.multiselect(t("plan.islands"), list(rank.ISLAND_GROUPS), format_func=rank.ISLAND_NAMES.get,
                                 key="plan_islands", placeholder=t("choose"))
        sectors = st.multiselect(t("plan.sectors"), vocabulary_labels.options("sector"),
                                 format_func=lambda k: label(vocabulary_labels.labels("sector"), k),
                                 key="plan_sectors", placeholder=t("choose"))
        ministry = st.selectbox(t("plan.ministry"), [""] + sorted(visits["ministry"].dropna().unique()),
                                format_func=lambda m: m or t("plan.ministry_all"), key="plan_ministry",
                                placeholder=t("choose"))

constraints = rank.Constraints(exclude_visited_months=int(exclude), provinces=tuple(provinces),
                                  islands=tuple(islands), sectors=tuple(sectors), ministry=ministry or None)
ranking = records_cache.planner_ranking(version, level, weights, constraints)
table = ranking.table
st.caption(t("plan.period", month=parsing.month_year(ranking.as_of, lang)))  # the period this page shows
with st.expander(t("plan.model")):
    st.markdown(text("planner.expectation_model", lang))
    st.caption(t("plan.assumptions"))

options = [r.code for r in lookup.all_regions(level)]
if "plan_pick" not in st.session_state:  # a first plan: the top 5, or the region the planner came from
    st.session_state["plan_pick"] = [] if wanted in options else list(table.index[:5])
st.session_state["plan_pick"] = [c for c in st.session_state["plan_pick"] if c in options]
if wanted in options and st.session_state.get("plan_link_seen") != wanted:  # arrived with "Add to visit plan"
    st.session_state["plan_link_seen"] = wanted
    st.session_state["plan_pick"] = [c for c in st.session_state["plan_pick"] if c != wanted] + [wanted]


def take_top() -> None:
    st.session_state["plan_pick"] = list(table.index[:int(st.session_state["plan_k"])])


def add_clicked() -> None:
    code = (st.session_state.get("plan_map") or {}).get("code")
    if code in options and code not in st.session_state["plan_pick"]:
        st.session_state["plan_pick"] = st.session_state["plan_pick"] + [code]


c_map, c_table = st.columns([3, 2])
with c_table:
    st.subheader(t("plan.ranking"))
    if table.empty:
        st.info(t("plan.none"))
    ranked = ranking_frame(table)  # beside each score the verdict of the first visit in words, as on the region page
    st.dataframe(ranked, hide_index=True, width="stretch", height=420,
                 column_config={t("plan.verdict"): st.column_config.TextColumn(help=t("plan.verdict_help"))})
    download_buttons(ranked, "peringkat_kunjungan")
    if not table.empty:
        why_code = st.selectbox(t("plan.why"), list(table.index[:50]), key="plan_why",
                                format_func=lambda c: f"{int(table.at[c, 'rank'])}. {table.at[c, 'name']}",
                                placeholder=t("choose"))
        st.markdown("\n".join(f"- {md(line)}" for line in ranking.why(why_code, lang)))

# ------------------------------------------------------------------ itinerary inputs
st.subheader(t("plan.itinerary"))
plan_draft.status(actor, t)
plan_draft.reopen_picker(actor, read.visits_frame(engine(), planned=True)["ref"].tolist(), t)
c1, c2, c3 = st.columns([1, 1, 4])
c1.number_input(t("plan.k"), 1, 20, 5, key="plan_k")
c2.button(t("plan.take_top"), on_click=take_top, key="plan_take")
picks = c3.multiselect(t("plan.pick"), options, key="plan_pick", format_func=lambda c: lookup.get(c).name,
                       placeholder=t("choose"))
c1, c2, c3, c4 = st.columns(4)
cities = [r.code for r in lookup.all_regions("regency")]
if st.session_state.get("plan_start") not in cities:
    st.session_state["plan_start"] = "31.71"
# the defaults of these widgets come from the draft (plan_draft.restore), never from the calls
start = c1.selectbox(t("plan.start"), cities, key="plan_start", format_func=lambda c: lookup.get(c).name,
                     placeholder=t("choose"))
start_date = c2.date_input(t("plan.date"), key="plan_date", format="DD/MM/YYYY")
days = int(c3.number_input(t("plan.days"), 1, 60, key="plan_days"))
per_day = int(c4.radio(t("plan.per_day"), [1, 2], horizontal=True, key="plan_per_day"))
weekdays_only = c1.checkbox(t("plan.weekdays"), key="plan_weekdays")
return_home = c2.checkbox(t("plan.return"), key="plan_return")
with st.expander(t("plan.heading")):  # the schedule's title block
    h1, h2, h3 = st.columns(3)
    h1.text_input(t("plan.visit_title"), key="plan_title", placeholder=t("plan.visit_title_hint"))
    h2.text_input(t("plan.official"), key="plan_official")
    h3.text_input(t("plan.ministry_name"), key="plan_ministry_name")
    st.text_area(t("plan.note"), key="plan_note", height=68)
draft = plan_draft.keep(actor)

order = drafts.route_order(draft, itinerary.best_order(start, picks, return_home=return_home))
legs = itinerary.route_legs(start, order, return_home) if order else []

with c_map:
    st.subheader(t("plan.map"))
    region_map.show(route_map(level, table, options, order, legs, lang), key="plan_map", on_change=add_clicked)
    st.caption(t("plan.map_hint"))

if not order:
    st.info(t("plan.none") if table.empty else UserError("plan.empty").text(lang))
    st.stop()

naive = itinerary.totals(itinerary.route_legs(start, list(picks), return_home))
best = itinerary.totals(legs)
st.markdown(t("plan.travel", km=numbers.number(best["km"], 0, lang), hours=numbers.number(best["hours"], 1, lang),
              nkm=numbers.number(naive["km"], 0, lang), nhours=numbers.number(naive["hours"], 1, lang)))
st.caption(t("plan.assumptions"))
with st.expander(t("plan.legs")):
    st.dataframe(legs_frame(legs, lang), hide_index=True, width="stretch",  # numbers as text ("0,3"): on the right
                 column_config={t(c): st.column_config.TextColumn(alignment="right") for c in ("col.km", "col.hours")})

# ------------------------------------------------------------------ schedule
st.subheader(t("plan.schedule"))
st.caption(t("plan.schedule_note"))
with errors_shown() as scheduling:
    stops = itinerary.schedule(start, order, start_date=start_date, days=days, stops_per_day=per_day,
                               weekdays_only=weekdays_only,
                               briefs={c: stop_notes.brief(c, agreements) for c in order})
if scheduling.failed:
    st.stop()
# the user's edits are kept in the draft under each stop's region: adding or removing a stop keeps the others'
edited = plan_draft.schedule_editor(actor, draft, itinerary.schedule_frame(stops), order, t)
plan_draft.downloads(draft, edited, legs, start_date, t)
st.session_state[briefing_files.ITINERARY_KEY] = edited  # the briefing story and deck show this schedule
if st.button(t("plan.to_briefing"), icon=":material/slideshow:", key="plan_to_briefing"):
    st.session_state["b_regions"] = list(order)
    st.switch_page("app_pages/briefing.py")

if actor is None or not actor.can("editor"):
    st.info(t("auth.read_only"))
else:
    with st.form("plan_save"):
        auto_ref = f"RENCANA-{start_date:%Y%m%d}-{zlib.crc32('|'.join(order).encode()) % 10000:04d}"
        ref = st.text_input(t("plan.ref"), key="plan_ref", placeholder=auto_ref)
        if st.form_submit_button(t("plan.save")):
            with errors_shown():
                plan = rank.Plan(ref=ref.strip() or auto_ref, official_role=draft.official, ministry=draft.ministry,
                                    stops=itinerary.stops_from_frame(edited, order), focus_sectors=list(sectors))
                with storage.transaction(engine()) as session:
                    saved = rank.save_planned_visits(session, plan, actor)
                st.success(t("plan.saved", ref=md(saved)))

planned = read.visits_frame(engine(), planned=True)
if len(planned):
    st.caption(t("plan.planned_list"))
    planned_shown = record_tables.planned_visits_table(planned)
    st.dataframe(planned_shown, hide_index=True, width="stretch",
                 column_config=date_columns.config(planned_shown, lang))

# ------------------------------------------------------------------ backtest
records_cache.planner_precompute(version, level)  # its months in the background: the first press finds them ready
st.subheader(t("plan.backtest"))
st.caption(t("plan.backtest_intro"))
b1, b2 = st.columns([1, 3])
top_k = int(b1.number_input(t("plan.top_k"), 1, len(options), min(50, len(options) // 8), key=f"plan_top_k_{level}"))
if b2.button(t("plan.run_backtest"), key="plan_bt_run"):
    st.session_state["plan_bt"] = True
if st.session_state.get("plan_bt"):
    bt = records_cache.planner_backtest(version, level, weights, top_k)
    if bt.mean_recommended is None or bt.mean_not_recommended is None:
        st.info(t("plan.bt.none"))
    else:
        def num(v):
            return ("+" if v >= 0 else "−") + numbers.number(abs(v), 2, lang)

        lo, hi = bt.difference_ci  # the answer in words first, with its uncertainty (never a bare difference)
        word = backtest.verdict(bt)
        st.markdown(t(f"plan.bt.verdict.{word}", lo=num(lo), hi=num(hi), d=num(bt.difference) if word == "unclear"
                      else numbers.number(abs(bt.difference), 2, lang)))
        m1, m2, m3 = st.columns(3)
        m1.metric(t("plan.bt.rec"), num(bt.mean_recommended), help=t("plan.bt.unit"))
        m1.caption(t("plan.bt.n", n=bt.n_recommended))
        m2.metric(t("plan.bt.not"), num(bt.mean_not_recommended), help=t("plan.bt.unit"))
        m2.caption(t("plan.bt.n", n=bt.n_events - bt.n_recommended))
        m3.metric(t("plan.bt.random"), num(bt.random_mean), help=t("plan.bt.unit"))
        m3.caption(t("plan.bt.interval", lo=num(bt.random_ci[0]), hi=num(bt.random_ci[1])))
        st.markdown(t("plan.bt.summary", months=bt.months, n=bt.n_events, r=bt.n_recommended, d=num(bt.difference),
                      lo=num(bt.difference_ci[0]), hi=num(bt.difference_ci[1]),
                      share=numbers.percent(bt.share_random_at_least, 0, lang)))
