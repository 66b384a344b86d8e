"""National map: a choropleth of the chosen measure; click a province to see its regencies in place."""

import datetime as dt

import streamlit as st

from geo import config
from geo.analysis import change, metrics
from geo.maps import classes, map_view, search, web_map
from geo.regions import lookup
from geo.text import numbers
from geo.text.vocabulary import STATUSES
from ui import (
    briefing_files,
    impact_summary,
    lazy_expander,
    presentation,
    records_cache,
    region_map,
    safe_text,
    shared_view,
    url_state,
    vocabulary_labels,
)
from ui.database import simulated_banner
from ui.i18n import current_language, label, t

lang = current_language()
METRIC_UNITS = map_view.METRIC_UNITS
PALETTES = ["YlGnBu", "YlOrBr", "PuBu"]
FIRST_YEAR, this_year = url_state.FIRST_YEAR, dt.date.today().year

if not presentation.active():  # on a projector the statement above the map says what it shows
    st.title(t("map.title"))
simulated_banner()
version = records_cache.version()
ctx = records_cache.context(version)  # shared by every session, read-only (no copy of the records per run)
agreements, visits = ctx.agreements, ctx.visits
ministries = sorted(visits["ministry"].dropna().unique())
SECTORS, AGREEMENT_TYPES = vocabulary_labels.labels("sector"), vocabulary_labels.labels("agreement_type")
shared_view.begin({"scheme": "quantiles", "k": 5, "palette": "YlGnBu", "breaks": "", "visits": False,
                   "links": False, "labels": False},
                  {"level": lookup.MAP_LEVELS, "metric": METRIC_UNITS, "scheme": classes.SCHEMES, "k": (3, 7),
                   "palette": PALETTES}, ministries=ministries)
MAP_KEYS = ("scheme", "k", "palette", "breaks", "visits", "links", "labels")
# presentation mode: a taller map, a legend and region names the back row can read
PRESENT_HEIGHT, PRESENT_LEGEND_PX, PRESENT_NAMES_PX = 760, 20, 18
PRESENT_FILL = {"below": 12, "min": 280}  # presenting: the map fills the window below its top (legend: 20 px)
SWATCH = {"": "width:1.1rem;height:0.9rem;border:1px solid #999;background:{}",  # the text legend under the map
          "dot": "width:0.9rem;height:0.9rem;border-radius:50%;background:{}",
          "line": "width:1.1rem;height:0;border-top:3px solid {}"}
presenting = presentation.active()
caption_box = st.container()  # the view's period, filters and temporary weights, stated under the title
summary_box = st.container()  # "Apa artinya?": filled once the controls below have set the period


def shown_level() -> str:
    """The level the map shows: a province's regencies while drilled down, else the chosen level."""
    return "regency" if lookup.exists(st.session_state["prov"] or "-") else st.session_state["level"]


# only the measures with data at the level shown (districts: the visit measures; never an all-zero map)
measures = map_view.metrics_at(shown_level(), records_cache.context(version))
st.session_state["measures"] = measures
# a measure the level lacks (districts) gives way to one it has, and comes back at a level that has it, unless the
# user chose another measure meanwhile; ``_metric_instead``: (the user's measure, the one shown instead)
instead = st.session_state.get("_metric_instead")
if instead and st.session_state["metric"] != instead[1]:
    instead = None  # the user chose another measure meanwhile
if instead and instead[0] in measures:
    st.session_state["metric"], instead = instead[0], None
if st.session_state["metric"] not in measures:
    shown = measures[0] if "signed" not in measures else "signed"
    instead = (st.session_state["metric"], shown)
    st.session_state["metric"] = shown
st.session_state["_metric_instead"] = instead


def filter_widgets() -> None:
    st.multiselect(t("rec.sector"), vocabulary_labels.options("sector"), format_func=lambda k: label(SECTORS, k),
                   key="sector", placeholder=t("choose"))
    st.multiselect(t("rec.type"), vocabulary_labels.options("agreement_type"),
                   format_func=lambda k: label(AGREEMENT_TYPES, k), key="type", placeholder=t("choose"))
    st.multiselect(t("rec.status"), list(STATUSES), format_func=lambda k: label(STATUSES, k), key="status",
                   placeholder=t("choose"))
    st.multiselect(t("map.ministry"), ministries, key="ministry", placeholder=t("choose"))


def class_widgets() -> None:
    st.selectbox(t("map.scheme"), list(classes.SCHEMES), format_func=lambda k: t(f"map.scheme.{k}"),
                 key="scheme", placeholder=t("choose"))
    st.slider(t("map.k"), 3, 7, key="k")
    st.text_input(t("map.breaks"), key="breaks")
    st.selectbox(t("map.palette"), PALETTES, key="palette", placeholder=t("choose"))


with presentation.controls():
    st.selectbox(t("map.metric"), measures, format_func=lambda k: t(f"metric.{k}"), key="metric",
                 placeholder=t("choose"))
    y0, y1 = st.slider(t("map.period"), FIRST_YEAR, this_year,
                       (int(st.session_state["y0"]), int(st.session_state["y1"])), key="years")
    st.session_state["y0"], st.session_state["y1"] = y0, y1
    # the folded controls are drawn only when opened (ui.lazy_expander); their values stay in the view meanwhile
    for title, key, widgets in ((t("map.filters"), "open_filters", filter_widgets),
                                (t("map.scheme"), "open_scheme", class_widgets)):
        if box := lazy_expander.expander(title, key):
            with box:
                widgets()
    st.caption(t("map.layers"))
    st.toggle(t("map.layer.visits"), key="visits")
    st.toggle(t("map.layer.links"), key="links")
    st.toggle(t("map.layer.labels"), key="labels")


if not presenting:  # on a projector: the period is in the statement, and "Apa artinya?" comes below the map
    with caption_box:
        shared_view.caption(shown_level())
    with summary_box:
        impact_summary.what_it_means(version, shared_view.spec("regency"), compact=True)


def use_years(y0: int, y1: int) -> None:
    """Set the view's period (and the slider showing it) before the page is drawn again."""
    st.session_state["y0"], st.session_state["y1"] = y0, y1
    st.session_state["years"] = (y0, y1)


def change_note() -> None:
    """The change map compares the period with the one before it: when the records do not cover that one, say so
    and offer a period whose comparison they cover (outside the map's fragment, so the period slider follows)."""
    periods = change.periods_of(*shared_view.period_dates())
    span = change.records_span(agreements)
    years = change.suggested_years(span)
    if span is None or years is None or change.comparison_covered(periods, span):
        return
    suggest = change.periods_of(dt.date(years[0], 1, 1), dt.date(years[1], 12, 31)).text(lang)
    st.info(t("map.change_uncovered", before=periods.before_text(lang), span=map_view.period_text(*span, lang),
              suggest=suggest))
    st.button(t("map.change_use", period=suggest), key="change_use", on_click=use_years, args=years)


if st.session_state["metric"] == "change":
    change_note()



def on_map_click() -> None:
    """Runs before the rerun a click causes: a province drills down in place, a regency opens its page."""
    map_key, _level, prov = st.session_state.get("map_view", ("", "province", ""))
    code = (st.session_state.get(map_key) or {}).get("code")
    if not code or not lookup.exists(code):
        return
    if lookup.level_of(code) == "province" and not prov:
        st.session_state["prov"] = code
    elif lookup.level_of(code) in ("regency", "district"):
        st.session_state["goto_region"] = code


def map_level_now() -> tuple[str, str]:
    """(level shown, province drilled into) as the map stands."""
    prov = st.session_state["prov"] if lookup.exists(st.session_state["prov"] or "-") else ""
    return ("regency" if prov else st.session_state["level"] or "province"), prov


def go_to(found) -> None:
    """Move the map to what the search found: drill into its province when needed, outline it."""
    st.session_state["search_found"] = found
    if found.status == "found":
        st.session_state["prov"] = found.within
        if not found.within:
            st.session_state["level"] = found.level


def on_search() -> None:
    level, prov = map_level_now()
    go_to(search.find(st.session_state.get("map_search", ""), level=level, within=prov, lang=lang))


def on_pick() -> None:
    code = st.session_state.get("search_pick")
    if code:
        level, prov = map_level_now()
        go_to(search.found_code(code, level=level, within=prov))


def search_box():
    """The search box and what it found; the found region (outline, centre, zoom) while the map still shows it."""
    st.text_input(t("map.search"), key="map_search", placeholder=t("map.search_placeholder"), on_change=on_search)
    found = st.session_state.get("search_found")
    if found is None or found.status == "empty":
        return None
    typed = safe_text.md(found.query)
    if found.status == "found":
        if found.within != map_level_now()[1] or (not found.within and found.level != map_level_now()[0]):
            return None  # the map moved on (back, another level): no outline out of place
        name = lookup.get(found.code).name
        if found.outline != found.code:  # a district on a regency map: its regency is outlined
            name = f"{name} ({lookup.get(found.outline).name})"
        st.caption(t("map.search_found", name=safe_text.md(name)) + (f" · {safe_text.md(found.note)}" if found.note
                                                                       else ""))
        return found
    if found.status == "not_found" and not found.candidates:
        st.warning(t("map.search_none", text=typed))
        return None
    st.selectbox(t("map.search_pick" if found.status == "choose" else "map.search_maybe", text=typed),
                 [c.code for c in found.candidates], key="search_pick", index=None, placeholder=t("choose"),
                 format_func=lambda code: search.candidate_label(next(c for c in found.candidates if c.code == code)),
                 on_change=on_pick)
    return None


@st.fragment
def map_section() -> None:
    """The map and what belongs to it; a click reruns only this part of the page."""
    left, right = st.columns([3, 2])
    with right:
        found = None if presenting else search_box()
    with left:
        prov = st.session_state["prov"] if lookup.exists(st.session_state["prov"] or "-") else ""
        if prov:
            level = "regency"
            c1, c2 = st.columns([2, 3])
            if c1.button(t("map.back"), key="back"):
                st.session_state["prov"] = ""
                prov = ""
                level = st.session_state.get("level") or "province"  # a hidden widget's key may be gone
            else:
                c2.markdown(f"**Indonesia › {lookup.get(prov).name}** · {t('map.hint_regency')}")
        if not prov:
            level = st.segmented_control(t("map.level"), list(lookup.MAP_LEVELS),
                                         format_func=lambda lv: t(f"level.{lv}"), key="level") or "province"
            if not presenting:  # (the control is hidden while presenting: no hint beside nothing)
                st.caption(t(f"map.hint_{level}"))
    if map_view.metrics_at(level, records_cache.context(version)) != st.session_state.get("measures"):
        st.rerun()  # the measure list outside this fragment follows the level (districts: fewer measures)
    shared_view.end(MAP_KEYS)

    spec = map_view.spec_from_state(st.session_state, level, prov)
    view = briefing_files.view(version, spec)  # the same view the exports are made from
    # what is said about the view goes into this one container, there on every run: the map below it keeps its
    # place among the page's elements whatever is said (a map that moves is drawn in a new frame, and a new frame
    # made while the level changed could stay empty)
    notes = st.container()
    with notes:
        presentation.statement(view.title, view.subtitle)
        if instead := st.session_state.get("_metric_instead"):
            st.caption(t("map.metric_instead", wanted=t(f"metric.{instead[0]}"), shown=t(f"metric.{instead[1]}")))
        if view.metric == "score" and level == "district":
            st.info(t("map.score_not_district"))
        elif level == "district" and view.values.fillna(0).eq(0).all():  # say it: a map of zeros tells nothing
            st.info(t("map.all_zero_districts"))

    visit_points = partner_links = None
    if st.session_state["visits"]:
        shown = metrics.visits_in_view(agreements, visits, start=spec.start, end=spec.end, sectors=spec.sectors,
                                       ministries=spec.ministries)
        visit_points = web_map.visit_points(shown, level=level, within=prov or None, lang=lang)
    if st.session_state["links"]:
        shown = metrics.agreements_in_view(agreements, visits, start=spec.start, end=spec.end, sectors=spec.sectors,
                                           types=spec.types, ministries=spec.ministries, statuses=spec.statuses)
        partner_links = web_map.partner_links(shown, level, within=prov or None)
        if partner_links.attrs["total"] > len(partner_links):
            notes.caption(t("map.links_top", n=numbers.number(len(partner_links), lang=lang),
                            total=numbers.number(partner_links.attrs["total"], lang=lang)))

    center = zoom = None
    if found is not None:  # the region found: outlined, centred and zoomed to
        center, zoom = list(found.center), found.zoom
    extra = []  # the layers' legend entries, when they are on the map
    if visit_points is not None:
        extra.append((web_map.VISIT_COLOR, t("map.legend.visits"), "dot", t("map.legend.visits_note")))
    if partner_links is not None:
        extra.append((web_map.LINK_COLOR, t("map.legend.links"), "line", t("map.legend.links_note")))
    payload = region_map.view_payload(  # computed once per view and data version, for every session
        version, spec, lang, labels=region_map.tooltip_labels(t("metric." + view.metric)),
        no_data_text=t("map.no_data"), show_labels=st.session_state["labels"], visit_points=visit_points,
        partner_links=partner_links, outline=found.outline if found is not None else None, center=center, zoom=zoom,
        legend_extra=tuple(extra), clickable=True, tile_url=config.get("SINERGI_TILE_URL"),
        height=PRESENT_HEIGHT if presenting else 620, legend_px=PRESENT_LEGEND_PX if presenting else None,
        fill=PRESENT_FILL if presenting else None,
        names_px=PRESENT_NAMES_PX if presenting else None,
        loading_text=t("map.loading"), error_text=t("map.load_failed"))
    map_key = "map-main"  # one component for every view: the browser keeps it and its boundaries
    st.session_state["map_view"] = (map_key, level, prov)
    region_map.show(payload, key=map_key, on_change=on_map_click)
    entries = [(color, text, "") for color, text in view.legend()] + [
        (color, f"{text} ({note})", kind) for color, text, kind, note in extra]
    legend = "".join(  # the view's legend as text too (also inside the map): the same words as every export
        f'<span style="display:inline-block;margin-right:1rem"><span style="display:inline-block;'
        f'{SWATCH[kind].format(color)};vertical-align:middle"></span> '
        f"{web_map.escape(text)}</span>" for color, text, kind in entries)
    st.html(f"<b>{web_map.escape(view.metric_label)}</b> — {legend}")  # every word escaped above
    if view.caption:  # how to read the impact map's legend
        st.caption(view.caption)
    st.caption(t("credit"))
    briefing_files.map_buttons(version, spec)

    target = st.session_state.pop("goto_region", None)
    if target:
        st.switch_page("app_pages/region.py", query_params=shared_view.link_params(region=target, lang=lang))


map_section()
if presenting:  # below the picture: scroll to it when the room asks
    impact_summary.what_it_means(version, shared_view.spec("regency"), compact=True)
