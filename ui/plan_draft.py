"""The planner page's draft (``geo.planner.drafts``): put into the page's widgets when a browser session starts
(F5 included) or another user logs in, kept after every change, merged with the schedule editor's edits, reopened
from a saved plan; and the schedule's XLSX and PDF download buttons.

Where the draft lives: for a logged-in user in the database (their own draft, ``drafts.load``/``drafts.save``, the
engine checks whose); for an anonymous viewer only in this browser session (``st.session_state``): the page says
so, and logging in keeps that work as the user's draft when they have none yet. On logout the page starts a fresh
plan, so the next person at the screen does not see the last one's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import streamlit as st

from geo.db import storage
from geo.planner import drafts, schedule_files
from geo.records import sample
from ui.database import engine
from ui.downloads import logged_file

KEY = "plan_draft"  # this session's Draft
OWNER_KEY = "plan_draft_owner"  # whose draft it is (None: anonymous)
REVISION_KEY = "plan_editor_rev"  # the schedule editor's key changes after every merged edit
SHOWN_KEY = "plan_editor_shown"  # (computed schedule, order) of the editor drawn last: what its row numbers mean
# Draft field → the page widget holding it
WIDGETS = {"level": "plan_level", "picks": "plan_pick", "start": "plan_start", "start_date": "plan_date",
           "days": "plan_days", "per_day": "plan_per_day", "weekdays_only": "plan_weekdays",
           "return_home": "plan_return", "title": "plan_title", "official": "plan_official",
           "ministry": "plan_ministry_name", "note": "plan_note", "ref": "plan_ref"}


def _default_date() -> dt.date:
    today = dt.date.today()
    return today + dt.timedelta(days=7 - today.weekday())  # next Monday


def _to_widget(draft: drafts.Draft, name: str) -> None:
    value = getattr(draft, name)
    if name == "start_date":
        value = drafts.first_day(draft, _default_date())
    st.session_state[WIDGETS[name]] = list(value) if isinstance(value, list) else value


def _to_widgets(draft: drafts.Draft, *, with_picks: bool) -> None:
    for name in WIDGETS:
        if name in ("picks", "level") and not with_picks:
            continue  # a new plan: the page chooses the first stops and the level (from the link it came by)
        _to_widget(draft, name)


def _store(actor, draft: drafts.Draft) -> None:
    st.session_state[KEY] = draft
    if actor is not None:
        with storage.transaction(engine()) as session:
            drafts.save(session, actor, draft)


def restore(actor) -> drafts.Draft:
    """This session's draft; on a session's first run, or when the user changed, the user's stored draft is put
    into the widgets (before they are drawn)."""
    owner = actor.username if actor is not None else None
    if KEY in st.session_state and st.session_state.get(OWNER_KEY, "") == owner:
        draft = st.session_state[KEY]
        # Streamlit drops a widget's value when a run does not draw it (another page was shown, or this page
        # stopped early): those widgets get the draft's value back, never their calls' defaults
        for name, key in WIDGETS.items():
            if key not in st.session_state and not (name == "picks" and not draft.picks):
                _to_widget(draft, name)
        return draft
    stored = None
    if actor is not None:
        with storage.transaction(engine()) as session:
            stored = drafts.load(session, actor)
    previous_owner = st.session_state.get(OWNER_KEY, "")
    st.session_state[OWNER_KEY] = owner
    if stored is not None:  # the user's own draft: everything as they left it
        st.session_state[KEY] = stored
        _to_widgets(stored, with_picks=True)
        st.session_state[REVISION_KEY] = st.session_state.get(REVISION_KEY, 0) + 1
        return stored
    if KEY in st.session_state and previous_owner is None:  # work done before logging in becomes the user's
        _store(actor, st.session_state[KEY])
        return st.session_state[KEY]
    fresh = drafts.Draft(start_date=_default_date().isoformat())
    if KEY in st.session_state:  # another user's plan was on the screen (logout or a new login): start afresh
        st.session_state.pop("plan_pick", None)
    st.session_state[KEY] = fresh
    _to_widgets(fresh, with_picks=False)
    return fresh


def keep(actor) -> drafts.Draft:
    """The draft with the widgets' values of this run (and any schedule edit not merged yet); stored when anything
    changed."""
    _merge_pending(actor)
    draft = st.session_state[KEY]
    values = {}
    for name, key in WIDGETS.items():
        if key in st.session_state:
            value = st.session_state[key]
            values[name] = value.isoformat() if isinstance(value, dt.date) else value
    values["picks"] = list(values.get("picks", draft.picks))
    new = dataclasses.replace(draft, **values)
    if new != draft:
        _store(actor, new)
    return new


def editor_key() -> str:
    return f"plan_editor_{st.session_state.get(REVISION_KEY, 0)}"


def _pending() -> dict:
    state = st.session_state.get(editor_key())
    return (state.get("edited_rows") or {}) if isinstance(state, dict) else {}


def _merge(actor, computed, order) -> None:
    """The schedule editor's on_change: its edits into the draft (by stop), then a fresh editor showing them."""
    changes = _pending()
    if changes:
        _store(actor, drafts.merge_edits(st.session_state[KEY], computed, order, changes))
    old = editor_key()
    st.session_state[REVISION_KEY] = st.session_state.get(REVISION_KEY, 0) + 1
    st.session_state.pop(old, None)


def _merge_pending(actor) -> None:
    """Edits the editor holds that its on_change has not merged (an edit state set before the run, as tests do),
    merged by the rows the editor showed, before this run changes the stops."""
    if _pending() and SHOWN_KEY in st.session_state:
        _merge(actor, *st.session_state[SHOWN_KEY])


def _change(actor, how) -> None:
    _store(actor, how(st.session_state[KEY]))
    st.session_state[REVISION_KEY] = st.session_state.get(REVISION_KEY, 0) + 1


def schedule_editor(actor, draft: drafts.Draft, computed, order, t):
    """The editable schedule ("No." and the ministries' five columns), the draft's edits shown; returns the
    five columns as shown."""
    shown = drafts.apply(draft, computed, order)
    st.session_state[SHOWN_KEY] = (computed, list(order))
    edited = st.data_editor(
        shown, hide_index=True, num_rows="fixed", width="stretch", key=editor_key(), on_change=_merge,
        args=(actor, computed, order),
        column_config={drafts.NO: st.column_config.NumberColumn(min_value=1, max_value=len(order), step=1,
                                                                help=t("plan.no_help"))})
    c1, c2 = st.columns(2)
    if any(draft.edits.get(c) for c in order):
        c1.button(t("plan.clear_edits"), key="plan_clear_edits", on_click=_change, args=(actor, drafts.clear_edits))
    if draft.manual_order is not None:
        c2.button(t("plan.clear_order"), key="plan_clear_order", on_click=_change, args=(actor, drafts.clear_order))
    return edited[drafts.SCHEDULE_COLUMNS]


def _reopen(actor) -> None:
    ref = st.session_state["plan_reopen_ref"]  # the choice of this click, not of the run that drew the button
    with storage.transaction(engine()) as session:
        draft = drafts.from_planned_visit(session, ref, st.session_state.get(KEY))
    _store(actor, draft)
    _to_widgets(draft, with_picks=True)
    st.session_state[REVISION_KEY] = st.session_state.get(REVISION_KEY, 0) + 1


def reopen_picker(actor, refs: list[str], t) -> None:
    """Choose a saved plan and open it into the draft (replacing what is in it)."""
    if not refs:
        return
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    c1.selectbox(t("plan.reopen"), refs, key="plan_reopen_ref", help=t("plan.reopen_help"), placeholder=t("choose"))
    c2.button(t("plan.reopen_button"), key="plan_reopen", on_click=_reopen, args=(actor,),
              icon=":material/folder_open:")


def status(actor, t) -> None:
    if actor is None:
        st.caption(t("plan.draft_session"))
    else:
        st.caption(t("plan.draft_saved", user=actor.username))


def downloads(draft: drafts.Draft, rows, legs, start_date: dt.date, t) -> None:
    """The schedule as XLSX and PDF (in Indonesian), each made when its button is clicked (making the PDF on every
    run took a third of a planner click's time); the document they are made from is in the session as
    ``plan_schedule_doc`` (read back by the tests)."""
    counts = sample.simulated_counts(engine())
    doc = schedule_files.ScheduleDoc(
        rows, legs, title=draft.title, official=draft.official, ministry=draft.ministry, ref=draft.ref,
        note=draft.note, simulated=bool(counts["simulated_agreements"] + counts["simulated_visits"]))
    st.session_state["plan_schedule_doc"] = doc
    name = f"jadwal_kunjungan_{start_date:%Y%m%d}"
    c1, c2 = st.columns(2)
    c1.download_button(t("plan.xlsx"), logged_file(lambda: schedule_files.xlsx_bytes(doc), "schedule", "xlsx", name),
                       f"{name}.xlsx",
                       schedule_files.XLSX_MIME, key="plan_xlsx", on_click="ignore")
    c2.download_button(t("plan.pdf"), logged_file(lambda: schedule_files.pdf_bytes(doc), "schedule", "pdf", name),
                       f"{name}.pdf", "application/pdf",
                       key="plan_pdf", on_click="ignore")
