"""Vocabularies page (admins only): the sectors, document types and obstacles records use — labels an import kept
as written awaiting review (mapped once for all their records), the terms with their aliases, and adding, renaming,
aliasing and merging terms. The engine (``geo.records.vocabularies``) checks the admin role and audits each change."""

import pandas as pd
import streamlit as st

from geo.records import vocabularies
from ui import auth
from ui.database import engine
from ui.feedback import errors_shown
from ui.i18n import label, t

st.title(t("voc.title"))
admin = auth.principal()
if admin is None or not admin.can("admin"):
    st.warning(t("voc.admin_only"))
    st.stop()
eng = engine()
DONE_KEY = "vocabularies_done"  # the success message of the last change, shown on the run that follows it

if (done := st.session_state.pop(DONE_KEY, None)) is not None:
    st.success(t("voc.done_records", n=done) if done else t("voc.done"))
st.caption(t("voc.intro"))


def attempt(action) -> None:
    """Do ``action``; on success run the page again, so the tables and pick lists show the change."""
    result = None
    with errors_shown() as outcome:  # the message may quote what the admin typed, e.g. a label
        result = action()
    if outcome.failed:
        return
    st.session_state[DONE_KEY] = result if isinstance(result, int) else 0
    st.rerun()


# Names are worked out here, in the page's language, not inside format functions (Streamlit may call those
# outside the page's run, where the language is not known).
kind_names = {k: t(f"voc.kind.{k}") for k in vocabularies.KINDS}
kind = st.radio(t("voc.kind"), vocabularies.KINDS, format_func=kind_names.get, horizontal=True, key="voc_kind")
known = vocabularies.current(eng)
labels = known.labels(kind)
terms = known.options(kind)
names = {k: f"{label(labels, k)} ({k})" for k in labels}


def term_name(key: str) -> str:
    return names.get(key, key)


st.subheader(t("voc.review"))
review = [r for r in vocabularies.review_list(eng) if r["kind"] == kind]
if not review:
    st.caption(t("voc.review_none"))
else:
    st.caption(t("voc.review_intro"))
    st.dataframe(pd.DataFrame({t("voc.col.label"): [r["label"] for r in review],
                               t("voc.col.key"): [r["key"] for r in review],
                               t("voc.col.records"): [r["records"] for r in review]}), hide_index=True, width="stretch")
    c1, c2 = st.columns(2)
    pending = c1.selectbox(t("voc.col.label"), [r["key"] for r in review], format_func=term_name, key="voc_review",
                           placeholder=t("choose"))
    targets = [k for k in terms if k not in known.review[kind]]
    # no term chosen in advance: one careless click must not file "Ketahanan Pangan" under the first term listed
    target = c2.selectbox(t("voc.map_to"), targets, format_func=term_name, key="voc_review_target", index=None,
                          placeholder=t("choose"))
    if st.button(t("voc.map"), type="primary", key="voc_map", disabled=target is None):
        attempt(lambda: vocabularies.map_review_label(eng, admin, kind, pending, target))

st.subheader(t("voc.terms"))
rows = [r for r in vocabularies.terms_table(eng) if r["kind"] == kind]


def state_text(state: str) -> str:
    if state.startswith("merged:"):
        return t("voc.state.merged", term=term_name(state.split(":", 1)[1]))
    return t(f"voc.state.{state}")


st.dataframe(pd.DataFrame({t("voc.col.key"): [r["key"] for r in rows],
                           t("voc.col.label_id"): [r["label_id"] for r in rows],
                           t("voc.col.label_en"): [r["label_en"] for r in rows],
                           t("voc.col.aliases"): [r["aliases"] for r in rows],
                           t("voc.col.state"): [state_text(r["state"]) for r in rows]}), hide_index=True,
             width="stretch")

with st.form("voc-add", clear_on_submit=True):
    st.subheader(t("voc.add"))
    c1, c2 = st.columns(2)
    new_id = c1.text_input(t("voc.col.label_id"), key="voc_new_id")
    new_en = c2.text_input(t("voc.col.label_en"), key="voc_new_en")
    if st.form_submit_button(t("voc.add"), type="primary"):
        attempt(lambda: vocabularies.add_term(eng, admin, kind, new_id, new_en))

st.subheader(t("voc.rename"))
picked = st.selectbox(t("voc.pick"), terms, format_func=term_name, key="voc_pick", placeholder=t("choose"))
if picked:
    with st.form(f"voc-rename-{kind}-{picked}"):
        c1, c2 = st.columns(2)
        renamed_id = c1.text_input(t("voc.col.label_id"), labels[picked]["id"])
        renamed_en = c2.text_input(t("voc.col.label_en"), labels[picked]["en"])
        if st.form_submit_button(t("voc.rename")):
            attempt(lambda: vocabularies.rename(eng, admin, kind, picked, renamed_id, renamed_en))
    with st.form(f"voc-alias-{kind}-{picked}", clear_on_submit=True):
        alias = st.text_input(t("voc.alias"))
        if st.form_submit_button(t("voc.alias_add")):
            attempt(lambda: vocabularies.add_alias(eng, admin, kind, alias, picked))

st.subheader(t("voc.merge"))
c1, c2 = st.columns(2)
source = c1.selectbox(t("voc.merge_source"), terms, format_func=term_name, key="voc_merge_source",
                      placeholder=t("choose"))
into = c2.selectbox(t("voc.merge_target"), [k for k in terms if k != source], format_func=term_name,
                    key="voc_merge_target", placeholder=t("choose"))
confirm = st.checkbox(t("voc.merge_confirm"), key="voc_merge_confirm")
if st.button(t("voc.merge"), disabled=not (confirm and source and into), key="voc_merge"):
    attempt(lambda: vocabularies.merge(eng, admin, kind, source, into))
