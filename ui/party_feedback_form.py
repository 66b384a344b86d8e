"""The parties' feedback form: what someone sees who opens an agreement's link (``?umpan_balik=CODE``) or types its
code, logged in or not, whether or not viewing requires a login.

``app.py`` calls ``show`` before the login gate when the link's parameter is present, and ``show`` always ends the
script run (``st.stop``): no navigation, no other page, no login box. With a valid code the page shows only the
agreement's title and parties (``geo.records.party_feedback.public_agreement``) and the form; its one write is
``party_feedback.submit`` (a pending entry; nothing else). Without a valid code it shows only a box to type the
code, and says when the one given is not valid. Every text from the records is escaped (``ui.safe_text.md``).
"""

from __future__ import annotations

import streamlit as st

from geo.records import party_feedback
from geo.text.catalog import text
from geo.text.messages import UserError
from ui import auth, vocabulary_labels
from ui.database import engine
from ui.i18n import current_language
from ui.safe_text import md

SENT_KEY = "_party_feedback_sent"


def requested() -> str | None:
    """The code the address carries (``?umpan_balik=…``; may be empty or invalid), or None without the parameter."""
    return st.query_params.get(party_feedback.PARAM)


def app_address() -> str:
    """The app's address as this browser reached it (``http://host:8501``, a path prefix kept), "" when unknown."""
    try:
        url = st.context.url or ""
    except Exception:  # not in a browser session (AppTest)
        return ""
    return url.split("?")[0].rsplit("/", 1)[0] if url.count("/") > 2 else url


def _code_box(lang: str, given: str) -> None:
    st.title(text("party_feedback.form.title", lang))
    if given:
        st.error(UserError("party_feedback.bad_code").text(lang))
    with st.form("party_feedback_code"):
        typed = st.text_input(text("party_feedback.form.code", lang), max_chars=40,
                              help=text("party_feedback.form.code_help", lang))
        if st.form_submit_button(text("party_feedback.form.open", lang)):
            st.query_params[party_feedback.PARAM] = party_feedback.normalize_code(typed) or typed.strip()[:40]
            st.rerun()


def _form(lang: str, code: str, agreement: party_feedback.PublicAgreement) -> None:
    st.title(text("party_feedback.form.title", lang))
    st.markdown(f"**{text('party_feedback.form.agreement', lang)}:** {md(agreement.title)}")
    st.markdown(f"**{text('party_feedback.form.parties', lang)}:** {md('; '.join(agreement.parties))}")
    st.caption(text("party_feedback.form.intro", lang))
    if st.session_state.get(SENT_KEY) == code:
        st.success(text("party_feedback.form.thanks", lang))
        if st.button(text("party_feedback.form.again", lang), key="party_feedback_again"):
            st.session_state.pop(SENT_KEY, None)
            st.rerun()
        return
    obstacles = vocabulary_labels.current()
    names = dict(agreement.regions)
    with st.form("party_feedback"):
        party = st.selectbox(text("party_feedback.form.party", lang), list(names), format_func=names.get, index=None,
                             placeholder=text("party_feedback.form.choose_party", lang))
        rating = st.radio(text("party_feedback.form.rating", lang), list(party_feedback.RATINGS), index=None,
                          horizontal=True, help=text("party_feedback.form.rating_help", lang),
                          format_func=lambda n: text(f"party_feedback.rating.{n}", lang))
        kinds = st.multiselect(text("party_feedback.form.obstacles", lang), obstacles.options("obstacle"),
                               format_func=lambda k: obstacles.label("obstacle", k, lang),
                               placeholder=text("party_feedback.form.choose", lang))
        suggestion = st.text_area(text("party_feedback.form.suggestion", lang),
                                  max_chars=party_feedback.MAX_SUGGESTION)
        contact = st.text_input(text("party_feedback.form.contact", lang), max_chars=party_feedback.MAX_CONTACT)
        if st.form_submit_button(text("party_feedback.form.send", lang), type="primary"):
            try:
                party_feedback.submit(engine(), code, party_feedback.FeedbackForm(
                    party_region=party or "", rating=rating if rating is not None else 0, obstacles=tuple(kinds),
                    suggestion=suggestion or "", contact=contact or ""), client=auth.client_id())
            except UserError as exc:
                st.error(md(exc.text(lang)))
                return
            st.session_state[SENT_KEY] = code
            st.rerun()


def show(given: str) -> None:
    """The public form for the code ``given`` (or the box to type one); ends the script run."""
    lang = current_language()
    code = party_feedback.normalize_code(given)
    agreement = party_feedback.public_agreement(engine(), code) if code else None
    if agreement is None or not agreement.regions:
        _code_box(lang, given)
    else:
        _form(lang, code, agreement)
    st.stop()
