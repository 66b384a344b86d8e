"""Feedback from the parties, for editors: moderate pending entries, and create, rotate or revoke each agreement's
feedback code and link (``geo.records.party_feedback``; the engine checks the editor role again on every call).

Navigation lists this page for editors and admins only; opened otherwise, it says so and shows nothing. What parties
typed is escaped (``ui.safe_text.md``) wherever it reaches markdown.
"""

import streamlit as st

from geo.records import party_feedback, read
from geo.text.catalog import text
from geo.text.periods import moment
from ui import auth, party_feedback_form, party_feedback_table, vocabulary_labels
from ui.database import engine, simulated_banner
from ui.downloads import download_buttons
from ui.feedback import errors_shown
from ui.i18n import current_language, t
from ui.safe_text import md

lang = current_language()
st.title(text("party_feedback.mod.title", lang))
simulated_banner()
eng = engine()
actor = auth.principal()
if actor is None or not actor.can("editor"):
    st.info(t("auth.read_only"))
    st.stop()
known = vocabulary_labels.current()

waiting = party_feedback.pending(eng, actor)
st.subheader(text("party_feedback.mod.pending", lang, n=len(waiting)))
if not waiting:
    st.info(text("party_feedback.mod.none", lang))
for entry in waiting:
    with st.container(border=True):
        st.markdown("**" + md(text("party_feedback.mod.entry", lang, doc=entry.doc_number,
                                   party=party_feedback.region_name(entry.party_region), rating=entry.rating,
                                   when=moment(entry.received_at))) + "**")
        st.caption(md(entry.title))
        obstacles = ", ".join(known.label("obstacle", k, lang) for k in entry.obstacles) or "–"
        st.markdown(f"{text('party_feedback.mod.obstacles', lang)}: {md(obstacles)}")
        # what the party typed, as plain text: no markdown, no link made of an address
        st.text(f"{text('party_feedback.mod.suggestion', lang)}: {entry.suggestion or '–'}")
        st.text(f"{text('party_feedback.mod.contact', lang)}: {entry.contact or '–'}")
        c1, c2, _ = st.columns([1, 1, 4])
        for column, approve, label in ((c1, True, "party_feedback.mod.approve"),
                                       (c2, False, "party_feedback.mod.reject")):
            if column.button(text(label, lang), key=f"moderate-{entry.id}-{approve}",
                             type="primary" if approve else "secondary"):
                with errors_shown() as outcome:
                    party_feedback.moderate(eng, actor, entry.id, approve)
                if not outcome.failed:
                    st.toast(text("party_feedback.mod.approved" if approve else "party_feedback.mod.rejected", lang))
                    st.rerun()

st.subheader(text("party_feedback.mod.codes", lang))
st.caption(text("party_feedback.mod.codes_help", lang))
agreements = read.agreements_frame(eng)
titles = dict(zip(agreements["doc_number"], agreements["title"]))
doc = st.selectbox(text("party_feedback.mod.pick", lang), [""] + list(titles), key="feedback_doc",
                   format_func=lambda d: f"{d} – {titles[d][:80]}" if d else "", placeholder=t("choose"))
if doc:
    code = party_feedback.current_code(eng, actor, doc)
    if code:
        st.markdown(f"{text('party_feedback.mod.link', lang)}:")
        st.code(party_feedback.link(code, party_feedback_form.app_address()), language=None)
        st.markdown(text("party_feedback.mod.code", lang, param=md(f"/?{party_feedback.PARAM}")) + ":")
        st.code(party_feedback.format_code(code), language=None)
    else:
        st.info(text("party_feedback.mod.no_code", lang))
    c1, c2 = st.columns(2)
    if c1.button(text("party_feedback.mod.rotate" if code else "party_feedback.mod.issue", lang), key="issue_code"):
        with errors_shown():
            party_feedback.issue_code(eng, actor, doc)
            st.rerun()
    if code and c2.button(text("party_feedback.mod.revoke", lang), key="revoke_code"):
        with errors_shown():
            party_feedback.revoke_code(eng, actor, doc)
            st.toast(text("party_feedback.mod.revoked", lang))
            st.rerun()

st.subheader(text("party_feedback.mod.recent", lang))
shown = party_feedback_table.table(party_feedback_table.approved(), lang)
if len(shown):
    st.dataframe(shown, hide_index=True, width="stretch")
    download_buttons(shown, "umpan_balik_pihak")
else:
    st.info(text("party_feedback.mod.none_approved", lang))
