""""Apa artinya?": the answer to "did cooperation grow after visits, and is that real?" for the view's period and
filters, the "Batasan" list and a link to the method, as the map and impact pages show them
(``geo.analysis.headline`` says what; this module only places it)."""

from __future__ import annotations

import html

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from geo.analysis import headline, impact_report
from geo.maps import map_view
from geo.text.catalog import text
from ui import lazy_expander, records_cache
from ui.i18n import current_language
from ui.safe_text import md

VERDICT_COLOURS = {"up": "#1a7f37", "down": "#b42318", "unclear": "#8a6d00", "too_little_data": "#57606a"}


def of_spec(version: tuple, spec: map_view.Spec, settings: impact_report.Settings | None = None) -> headline.Headline:
    """The headline of the view (regencies, the view's period, filters and weights) or of ``settings``."""
    settings = settings or map_view.report_settings(spec, level="regency")
    return headline.of_report(records_cache.report(version, settings))


def verdict_line(h: headline.Headline, *, inline: bool = False) -> None:
    """The verdict in large coloured words and its size: beneath it, or on the same line (``inline``). Drawn by
    ``st.html`` (every word escaped here): Markdown with HTML costs the browser its HTML parser (``rehype-raw``)."""
    lang = current_language()
    colour = VERDICT_COLOURS[h.verdict.kind]
    label = html.escape(h.verdict.label(lang))
    size = html.escape(h.verdict.size(lang))
    if inline:
        st.html(f'<div style="line-height:1.35"><span style="font-size:1.6rem;font-weight:700;color:{colour}">'
                f'{label}</span> <span style="font-size:1.05rem">— {size}</span></div>')
    else:
        st.html(f'<div style="font-size:1.9rem;font-weight:700;color:{colour};line-height:1.2">{label}</div>'
                f'<div style="font-size:1.05rem">{size}</div>')


def method_link(lang: str) -> None:
    """A link to the method page (outside ``st.navigation``, e.g. a page run alone in a test: a plain link)."""
    try:
        st.page_link("app_pages/method.py", label=text("headline.method_link", lang), icon=":material/menu_book:")
    except StreamlitPageNotFoundError:
        st.markdown(f"[{text('headline.method_link', lang)}](method)")


def what_it_means(version: tuple, spec: map_view.Spec, *, compact: bool = False,
                  settings: impact_report.Settings | None = None) -> headline.Headline:
    """The box: the question, the verdict in large words, the paragraph, the limits and the method link.
    ``compact`` (the map, which must stay in view on a 1366×768 screen): the question and the verdict with its
    size on one line, the paragraph and the limits folded beneath."""
    lang = current_language()
    h = of_spec(version, spec, settings)
    # the months the comparison used (from 2021 at the latest, so visits have months before them), not only the
    # map's period: the paragraph counts every region visited in them
    paragraph = md(h.what_it_means(lang, period=h.months_text(lang) or map_view.period_text(spec.start, spec.end, lang),
                                   filters=map_view.filters_text(spec, lang)))
    question = f"**{html.escape(text('headline.title', lang))}** {html.escape(text('headline.question', lang))}"
    with st.container(border=not compact):
        st.markdown(question)
        verdict_line(h, inline=compact)
        # on the map, "Apa artinya, dan batasannya" is drawn only once opened (``ui.lazy_expander``)
        more = lazy_expander.expander(text("headline.more", lang), "headline_more") if compact else st.container()
        if more is None:
            return h
        with more:
            st.markdown(paragraph)
            st.markdown(f"**{text('headline.limits_title', lang)}**")
            st.markdown("\n".join(f"- {line}" for line in h.limits(lang)))
            method_link(lang)
    return h
