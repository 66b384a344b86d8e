"""Monitoring page: each agreement's KPIs — readings due, overdue, progress off track (``geo.monitoring.kpis``,
rules stated on the page) — with filters (ministry, sector, province), a KPI's readings as a chart, adding a reading
(editors; the engine checks the role again), the periodic report as PDF/XLSX (``geo.monitoring.report``), and the
visits' goals beside what followed in their area and region (``geo.analysis.goals``)."""

import datetime as dt

import pandas as pd
import streamlit as st

from geo.analysis import goals
from geo.db import storage
from geo.monitoring import kpis, report
from geo.records import write
from geo.regions import lookup
from geo.text import numbers
from geo.text.catalog import text
from geo.text.messages import UserError
from geo.text.parsing import short_date
from geo.text.vocabulary import GOAL_AREAS, STATUSES
from ui import auth, charts, party_feedback_table, records_cache, vocabulary_labels
from ui.database import engine, simulated_banner
from ui.downloads import logged_file
from ui.feedback import errors_shown
from ui.i18n import current_language, t
from ui.safe_text import md

lang = current_language()
w = lambda key, **kw: text(f"monitoring.{key}", lang, **kw)  # noqa: E731
st.title(w("title"))
simulated_banner()
eng = engine()
version = records_cache.version()
today = dt.date.today()


@st.cache_data(show_spinner=False, max_entries=4)
def kpi_records(data_version: tuple) -> list[kpis.KpiRecord]:
    return kpis.load(engine())


records = kpi_records(version)
table = kpis.frame(records, today)
sectors = vocabulary_labels.labels("sector")
with st.sidebar:
    ministries = st.multiselect(w("filter.ministry"), sorted({m for m in table["ministry"] if m}),
                                help=w("filter.help"), key="mon_ministries", placeholder=t("choose"))
    chosen_sectors = st.multiselect(w("filter.sector"), sorted({s for ss in table["sectors"] for s in ss}),
                                    format_func=lambda k: sectors.get(k, {}).get(lang, k), key="mon_sectors",
                                    placeholder=t("choose"))
    province = st.selectbox(w("filter.region"), [""] + [r.code for r in lookup.all_regions("province")],
                            format_func=lambda c: lookup.get(c).name if c else "—", key="mon_province")
shown = kpis.filtered(table, ministries=ministries, sectors=chosen_sectors, regions_in=[province] if province else [])
watched = shown[shown["reading"] != "not_watched"]

st.caption(w("intro", today=short_date(today)))
st.caption(w("rules", grace=kpis.GRACE_DAYS, tolerance=numbers.percent(kpis.TOLERANCE, 0, lang)))


def number_text(v, decimals: int = 1) -> str:
    return "–" if v is None or pd.isna(v) else numbers.number(v, decimals, lang)


def date_text(d) -> str:
    return "–" if d is None or pd.isna(d) else short_date(d)


def shown_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The KPI rows as the reader reads them: Indonesian numbers and dates, states in words."""
    track = {True: w("track.off"), False: w("track.on")}
    return pd.DataFrame({
        w("col.doc"): rows["doc_number"], w("col.kpi"): rows["kpi"],
        w("col.state"): [f"{w('state.' + r)}; {track.get(o, w('track.unknown'))}"
                         for r, o in zip(rows["reading"], rows["off_track"])],
        w("col.due_on"): rows["due_on"].map(date_text), w("col.last"): rows["last_on"].map(date_text),
        w("col.value"): [f"{number_text(v)} {u}".strip() for v, u in zip(rows["last_value"], rows["unit"])],
        w("col.target"): [f"{number_text(v)} {u}".strip() for v, u in zip(rows["target"], rows["unit"])],
        w("col.target_on"): rows["target_on"].map(date_text),
        w("col.expected"): rows["expected"].map(lambda v: numbers.percent(v, 0, lang)),
        w("col.actual"): rows["actual"].map(lambda v: numbers.percent(v, 0, lang)),
        w("col.frequency"): rows["frequency"].map(lambda f: w(f"frequency.{f}")), w("col.title"): rows["title"],
    })


if table.empty:
    st.info(w("empty"))
else:
    c = st.columns(4)
    c[0].metric(w("count.watched"), numbers.number(len(watched), 0, lang))
    c[1].metric(w("count.due"), numbers.number(int((watched["reading"] == "due").sum()), 0, lang))
    c[2].metric(w("count.overdue"), numbers.number(int((watched["reading"] == "overdue").sum()), 0, lang))
    c[3].metric(w("count.off_track"), numbers.number(int((watched["off_track"] == True).sum()), 0, lang))  # noqa: E712
    parts = {"due": watched[watched["reading"] == "due"].sort_values("due_on"),
             "overdue": watched[watched["reading"] == "overdue"].sort_values("due_on"),
             "off_track": watched[watched["off_track"] == True]}  # noqa: E712
    for tab, (key, rows) in zip(st.tabs([w(f"tab.{k}", n=numbers.number(len(v), 0, lang)) for k, v in parts.items()]),
                                parts.items()):
        with tab:
            if rows.empty:
                st.write(w("none"))
            else:
                st.dataframe(shown_table(rows), hide_index=True, width="stretch", height=300)

    st.subheader(w("chart.title"))
    kept = set(zip(shown["doc_number"], shown["kpi"]))  # the filters' KPIs
    keys = [(r.doc_number, r.kpi.name) for r in records if (r.doc_number, r.kpi.name) in kept]
    pick = st.selectbox(w("chart.pick"), keys, format_func=lambda k: f"{k[0]} — {k[1]}", key="mon_kpi")
    if pick:
        record = next(r for r in records if (r.doc_number, r.kpi.name) == pick)
        readings = pd.DataFrame([(x.on_date, x.value) for x in record.kpi.readings], columns=["date", "value"])
        line = pd.DataFrame(kpis.line_points(record), columns=["date", "value"])
        st.caption(md(f"{record.title} · {STATUSES.get(record.status, {}).get(lang, record.status)}"))
        st.altair_chart(charts.kpi_chart(readings, line, lang), width="stretch")
        st.dataframe(pd.DataFrame({
            w("chart.date"): [short_date(x.on_date) for x in record.kpi.readings],
            w("chart.value"): [number_text(x.value) for x in record.kpi.readings],
            w("chart.note"): [x.note for x in record.kpi.readings],
            w("chart.by"): [x.by for x in record.kpi.readings]}), hide_index=True, width="stretch", height=200)
        actor = auth.principal()  # the engine checks the role again on the write
        with st.expander(w("add.title"), expanded=False):
            if actor is None or not actor.can("editor"):
                st.info(w("add.login"))
            else:
                with st.form(f"reading-{pick[0]}-{pick[1]}", clear_on_submit=True):
                    f1, f2 = st.columns(2)
                    on = f1.date_input(w("add.date"), today, format="DD/MM/YYYY", key="mon_add_date")
                    value = f2.number_input(w("add.value"), step=1.0, value=None, key="mon_add_value")
                    note = st.text_input(w("add.note"), max_chars=500, key="mon_add_note")
                    if st.form_submit_button(w("add.save")):
                        with errors_shown() as outcome:
                            if value is None:
                                raise UserError("field.required", field=w("add.value"))
                            with storage.transaction(eng) as s:
                                write.record_progress(s, pick[0], pick[1], on, float(value), actor, note=note)
                        if not outcome.failed:
                            st.success(w("add.saved"))
                            kpi_records.clear()

def define_form() -> None:
    """Editors add a KPI to an agreement, or change one of the same name (its readings stay): ``write.define_kpi``,
    which checks the role and the numbers again."""
    actor = auth.principal()
    with st.expander(w("define.title"), expanded=table.empty or "mon_def_saved" in st.session_state):
        if saved := st.session_state.pop("mon_def_saved", None):  # said after the rerun that shows the new KPI
            st.success(saved)
        if actor is None or not actor.can("editor"):
            st.info(w("define.login"))
            return
        agreements = records_cache.frames(version)[0]
        open_ones = agreements[agreements["status"].isin(kpis.MONITORED_STATUSES)]
        titles = dict(zip(open_ones["doc_number"], open_ones["title"]))
        with st.form("kpi-define", clear_on_submit=True):
            doc = st.selectbox(w("define.agreement"), sorted(titles), index=None, placeholder=t("choose"),
                               format_func=lambda d: f"{d} — {titles[d]}", key="mon_def_doc")
            c1, c2 = st.columns(2)
            name = c1.text_input(w("define.name"), max_chars=200, key="mon_def_name")
            unit = c2.text_input(w("define.unit"), max_chars=40, key="mon_def_unit")
            c3, c4, c5, c6 = st.columns(4)
            baseline = c3.number_input(w("define.baseline"), value=None, step=1.0, key="mon_def_baseline")
            target = c4.number_input(w("define.target"), value=None, step=1.0, key="mon_def_target")
            target_on = c5.date_input(w("define.target_on"), value=None, format="DD/MM/YYYY", key="mon_def_target_on")
            frequency = c6.selectbox(w("define.frequency"), list(kpis.FREQUENCY_MONTHS),
                                     format_func=lambda f: w(f"frequency.{f}"), index=1, key="mon_def_frequency")
            if st.form_submit_button(w("define.save")):
                with errors_shown() as outcome:
                    if doc is None:
                        raise UserError("field.required", field=w("define.agreement"))
                    with storage.transaction(eng) as s:
                        write.define_kpi(s, doc, write.Indicator(name, unit, target, baseline=baseline,
                                                                 target_on=target_on, frequency=frequency), actor)
                if not outcome.failed:
                    st.session_state["mon_def_saved"] = w("define.saved", name=md(name.strip()), doc=md(doc))
                    kpi_records.clear()
                    st.rerun()  # the counts and tables above include the new KPI


define_form()

st.subheader(w("feedback.title"))  # what the parties themselves say, beside the KPIs (approved entries only)
said = party_feedback_table.approved()
said = said[said["doc_number"].isin(set(shown["doc_number"]))] if len(table) else said.iloc[0:0]
if said.empty:
    st.info(w("feedback.none"))
else:
    f1, f2 = st.columns(2)
    f1.metric(w("feedback.count"), numbers.number(len(said), 0, lang))
    f2.metric(w("feedback.mean"), numbers.number(float(said["rating"].mean()), 1, lang))
    st.dataframe(party_feedback_table.table(said, lang), hide_index=True, width="stretch", height=240)

st.subheader(w("download.title"))
asked = st.text_input(w("download.period"), report.last_quarter(today).code, key="mon_period")
with errors_shown() as period_outcome:
    period = report.parse_period(asked)
if not period_outcome.failed and not table.empty:
    d1, d2 = st.columns(2)

    def made(ext: str):
        return lambda: report.file_bytes(report.from_database(eng, period, lang=lang), ext)

    d1.download_button(w("download.pdf"), logged_file(made("pdf"), "report", "pdf", period.code),
                       f"laporan_pemantauan_{period.code}.pdf", "application/pdf", key="mon_pdf")
    d2.download_button(w("download.xlsx"), logged_file(made("xlsx"), "report", "xlsx", period.code),
                       f"laporan_pemantauan_{period.code}.xlsx", report.XLSX_MIME, key="mon_xlsx")

st.subheader(w("goals.title"))
st.caption(w("goals.caution", months=goals.WINDOW_MONTHS))
agreements, visits = records_cache.frames(version)
if ministries:
    visits = visits[visits["ministry"].isin(ministries)]
if province:
    visits = visits[visits["region_codes"].map(lambda cs: any(lookup.is_within(c, province) for c in cs))]
per_visit = goals.goals_against_results(visits, agreements)
if per_visit.empty:
    st.info(w("goals.empty"))
else:
    def goal_name(g: str) -> str:
        return GOAL_AREAS.get(g, {}).get(lang, g)

    counts = ("followed", "signed", "running", "stalled")
    summary = goals.by_goal(per_visit)
    st.dataframe(pd.DataFrame({w("goals.col.goal"): summary["goal"].map(goal_name),
                               w("goals.col.visits"): summary["visits"].map(lambda n: numbers.number(n, 0, lang)),
                               **{w(f"goals.col.{k}"): summary[k].map(lambda n: numbers.number(n, 0, lang))
                                  for k in counts}}), hide_index=True, width="stretch")
    with st.expander(w("goals.per_visit")):
        st.dataframe(pd.DataFrame({
            w("goals.col.visit"): per_visit["ref"], w("goals.col.official"): per_visit["official_role"],
            w("goals.col.day"): per_visit["visit_day"].map(short_date),
            w("goals.col.regions"): per_visit["regions"].map(lambda cs: ", ".join(lookup.get(c).name for c in cs)),
            w("goals.col.goal"): per_visit["goal"].map(goal_name),
            **{w(f"goals.col.{k}"): per_visit[k].map(lambda n: numbers.number(n, 0, lang)) for k in counts}}),
            hide_index=True, width="stretch")
