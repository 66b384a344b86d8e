"""Briefing: a guided story (national map → top regions → chosen regions → itinerary), stepped forward and
back, and the files to take home (PPTX deck, PDF region briefs, PNG/SVG/PDF map).

Presenting (``ui.presentation``): no page title (the view's statement says what is shown), the step bar right
under the one-line simulated-data banner, the map filling the window below it with its legend inside; the keys
of ``ui.step_keys`` step the story (presenter clickers too). Tables show their cells as written
(``ui.text_table``): an agenda typed "1. Rapat" stays "1. Rapat", never a Markdown list."""

import datetime as dt

import pandas as pd
import streamlit as st

from geo.briefings import deck, region_brief, screen_pages
from geo.maps import map_view
from geo.regions import lookup
from geo.text.catalog import text
from ui import (
    briefing_files,
    presentation,
    records_cache,
    region_map,
    safe_text,
    shared_view,
    step_keys,
    text_table,
    url_state,
)
from ui.database import simulated_banner
from ui.downloads import download_buttons
from ui.i18n import current_language, t

lang = current_language()
this_year = dt.date.today().year
choices = [r.code for lv in lookup.GOVERNMENT_LEVELS for r in lookup.all_regions(lv)]

presenting = presentation.active()
if not presenting:
    st.title(t("brief.title"))
simulated_banner()
version = records_cache.version()
shared_view.begin()  # the measure, period, filters and weights chosen on the map (or any page)
if st.session_state.get("b_level") not in lookup.GOVERNMENT_LEVELS:
    shared_level = st.session_state["level"]
    st.session_state["b_level"] = shared_level if shared_level in lookup.GOVERNMENT_LEVELS else "province"

with presentation.controls():
    st.selectbox(t("map.metric"), list(map_view.METRIC_UNITS), format_func=lambda k: t(f"metric.{k}"),
                 key="metric", placeholder=t("choose"))
    st.segmented_control(t("map.level"), list(lookup.GOVERNMENT_LEVELS), format_func=lambda lv: t(f"level.{lv}"),
                         key="b_level")
    y0, y1 = st.slider(t("map.period"), url_state.FIRST_YEAR, this_year,
                       (int(st.session_state["y0"]), int(st.session_state["y1"])), key="b_years")
    st.session_state["y0"], st.session_state["y1"] = y0, y1
    st.multiselect(t("brief.regions"), choices, key="b_regions",
                   format_func=lambda c: f"{lookup.get(c).name} ({c})", placeholder=t("choose"))
shared_view.end()

spec = shared_view.spec(st.session_state["b_level"] or "province")
if presenting:
    shared_view.weights_note()  # the period and filters are in the statement above the picture
else:
    shared_view.caption(spec.level)
view = briefing_files.view(version, spec, lang)
chosen = tuple(st.session_state["b_regions"])
itinerary = st.session_state.get(briefing_files.ITINERARY_KEY)
if itinerary is not None:
    itinerary = deck.check_itinerary(itinerary)

# on a projector a long itinerary is a step per page that fits the screen (``screen_pages``); else one step
trip_pages = screen_pages.pages(itinerary) if itinerary is not None and len(itinerary) else []
steps = [("map", None), ("top", None)] + [("region", c) for c in chosen] \
    + ([("itinerary", i) for i in range(len(trip_pages))] if presenting else [("itinerary", None)] if trip_pages
       else [])
step = min(max(int(st.session_state.get("story_step", 0)), 0), len(steps) - 1)
st.session_state["story_step"] = step


def go(delta: int) -> None:
    st.session_state["story_step"] = min(max(step + delta, 0), len(steps) - 1)


def step_name(kind: str, code) -> str:
    if kind == "region":
        return t("brief.step.region", region=lookup.get(code).name)
    if kind == "itinerary" and code is not None and len(trip_pages) > 1:  # a page of the itinerary
        return f"{t('brief.step.itinerary')} ({code + 1}/{len(trip_pages)})"
    return t(f"brief.step.{kind}")


c1, c2, c3 = st.columns([1, 4, 1], vertical_alignment="center")
c1.button(t("brief.prev"), key="story_prev", on_click=go, args=(-1,), disabled=step == 0, width="stretch")
c2.markdown(f"**{t('brief.step', i=step + 1, n=len(steps), name=step_name(*steps[step]))}**")
c3.button(t("brief.next"), key="story_next", on_click=go, args=(1,), disabled=step == len(steps) - 1,
          width="stretch", type="primary")
if presenting:  # before the step's own content: its frame keeps its place from step to step, so it never reloads
    step_keys.listen(next_key="story_next", prev_key="story_prev")  # (a key pressed while it reloads would be lost)

kind, code = steps[step]
if presenting and kind != "region":  # a region's step names its region instead (below), with the period
    presentation.statement(view.title, view.subtitle)
elif not presenting:
    st.subheader(view.title)
    st.caption(view.subtitle)

if kind == "map":
    payload = region_map.view_payload(  # the live map, its legend inside; the PNG is among the downloads
        version, spec, lang, labels=region_map.tooltip_labels(t("metric." + view.metric)),
        no_data_text=t("map.no_data"), height=620, fill=presentation.MAP_FILL if presenting else None,
        loading_text=t("map.loading"), error_text=t("map.load_failed"))
    region_map.show(payload, key="story-map")
elif kind == "top":
    verdict_of = deck.score_verdicts(view, records_cache.context(version))
    headers = deck.ranking_headers(view, verdict_of)
    left, right = st.columns(2)
    for col, top in ((left, True), (right, False)):
        rows = deck.ranking_rows(view, top=top, verdict_of=verdict_of)
        col.markdown(f"### {text('briefing.deck.top' if top else 'briefing.deck.bottom', lang, n=len(rows))}")
        table = pd.DataFrame(rows, columns=headers)
        with col:
            text_table.show(table)
            download_buttons(table, "wilayah_tertinggi" if top else "wilayah_terendah")
elif kind == "region":
    f = briefing_files.facts(version, code, lang, spec.start, spec.end, spec.weights, briefing_files.filters_of(spec))
    st.markdown(f"### {f.region.name}  \n{f.crumbs}" + (f" · {safe_text.md(view.subtitle)}" if presenting else ""))
    for col, (key, (label, value)) in zip(st.columns(len(f.figures)), zip(region_brief.KEY_FIGURES, f.figures)):
        col.metric(label, value)
        if key == "impact":  # a verdict in words; its size (or reason) beneath
            col.caption(f.impact_note)
    left, right = st.columns([3, 2])
    with left:
        chart = region_brief.timeline_png(f)
        if chart and presenting:  # on a projector the step's picture comes first, in view; the reading below it
            st.image(chart, caption=text("briefing.brief.timeline_note", lang), width="stretch")
        for line in f.explanation:
            st.markdown(f"- {safe_text.md(line)}")
        if chart and not presenting:
            st.image(chart, caption=text("briefing.brief.timeline_note", lang), width="stretch")
    with right:
        headers_o, rows_o = f.obstacles_table()
        st.markdown(f"**{text('briefing.brief.obstacles', lang)}**")
        if rows_o:
            text_table.show(pd.DataFrame(rows_o, columns=headers_o))
        else:
            st.info(text("briefing.brief.none", lang))
elif presenting:  # a page of it, cells shortened; the whole itinerary, every cell in full, below the picture
    text_table.show(trip_pages[code])
    with st.expander(t("brief.itinerary_full")):
        text_table.show(itinerary)
else:
    text_table.show(itinerary)

with st.expander(t("brief.downloads"), expanded=not presenting):
    briefing_files.deck_button(version, spec, chosen, itinerary)
    briefing_files.map_buttons(version, spec, key="story-map")
    for c in chosen:
        briefing_files.brief_button(version, c, lookup.get(c).name, start=spec.start, end=spec.end,
                                    weights=spec.weights, filters=briefing_files.filters_of(spec))

