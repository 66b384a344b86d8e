"""Data page: browse, filter, add, edit, delete and import visits and agreements."""

import datetime as dt

import streamlit as st

from geo.db import storage
from geo.importer import changes, files, templates
from geo.records import audit_text, forms, read, sample, write
from geo.records.write import AgreementData, Party
from geo.regions import lookup
from geo.text import numbers
from geo.text.catalog import text
from geo.text.vocabulary import GOAL_AREAS, STATUSES
from ui import (
    audit_trail,
    auth,
    date_columns,
    evidence,
    import_preview,
    record_tables,
    records_cache,
    theme,
    vocabulary_labels,
)
from ui.database import engine, simulated_banner
from ui.downloads import download_buttons
from ui.feedback import errors_shown
from ui.i18n import current_language, label, localized_columns, t
from ui.safe_text import md

lang = current_language()
st.title(t("rec.title"))
simulated_banner()
eng = engine()
actor = auth.principal()  # the engine checks the role again on every write
can_edit = actor is not None and actor.can("editor")
if not can_edit:
    st.info(t("auth.read_only"))
known = vocabulary_labels.current()  # sectors, types and obstacles: the defaults and the admin's terms
SECTORS, AGREEMENT_TYPES, OBSTACLES = known.labels("sector"), known.labels("agreement_type"), known.labels("obstacle")


DATE_RANGE = {"min_value": dt.date(1945, 1, 1), "max_value": dt.date(2100, 12, 31), "format": "DD/MM/YYYY"}


def region_label(code: str) -> str:
    try:
        return f"{lookup.get(code).name} ({code})"
    except KeyError:
        return code


def region_options(extra=()) -> list[str]:
    """Provinces and regencies/cities, plus the codes a record already holds (so a stored one stays pickable)."""
    codes = [r.code for lv in lookup.GOVERNMENT_LEVELS for r in lookup.all_regions(lv)]
    return codes + [c for c in dict.fromkeys(extra) if c and c not in set(codes)]


def held_version(kind: str, key: str, version: int) -> int:
    """The version this session loaded the record at when its edit form first showed: what a save or delete
    expects, so a change someone else saved in between is the engine's conflict message, not overwritten."""
    held = st.session_state.get(f"held-{kind}")
    if not held or held[0] != key:
        st.session_state[f"held-{kind}"] = held = (key, version)
    return held[1]


def field_key(kind: str, key: str, name: str) -> str:
    """The widget key of one field of a record's edit form; a conflict (``settled``) starts a new generation of
    keys, so the form shows the record as stored now instead of what was typed."""
    return f"e-{kind}-{key}-{st.session_state.get(f'generation-{kind}', 0)}-{name}"


def settled(kind: str, outcome) -> None:
    """After a write: saved, the next run holds the new version; refused as a conflict, the form also forgets what
    was typed and shows the record as stored now (the message asks to make the change again)."""
    if outcome.failed and not isinstance(outcome.error, write.EditConflict):
        return
    st.session_state.pop(f"held-{kind}", None)
    if outcome.failed:
        st.session_state[f"generation-{kind}"] = st.session_state.get(f"generation-{kind}", 0) + 1


def history(record_type: str, key: str) -> None:
    with st.expander(t("rec.history")):
        audit_trail.show(audit_trail.record_trail(record_type, key), f"riwayat_{record_type}_{key}")


def delete_and_history(record_type: str, key: str, delete, version: int, widget: str) -> None:
    """The confirm box and delete button of one record (``delete``: ``write.delete_agreement`` or
    ``write.delete_visit``, refused by the engine to viewers and on an edit conflict), then its history."""
    confirm = st.checkbox(t("rec.delete_confirm", doc=md(key)), key=f"{widget}-{key}")
    if st.button(t("rec.delete"), disabled=not confirm, key=f"{widget}btn-{key}"):
        with errors_shown() as outcome:
            with storage.transaction(eng) as s:
                delete(s, key, actor, expected_version=version)
            st.success(t("rec.deleted", doc=md(key)))
        settled(record_type, outcome)
    history(record_type, key)


tab_agreements, tab_visits, tab_add, tab_import, tab_trail = st.tabs(
    [t("rec.tab.agreements"), t("rec.tab.visits"), t("rec.tab.add"), t("rec.tab.import"), t("rec.tab.trail")])

with tab_agreements:
    df = read.agreements_frame(eng)
    c1, c2, c3, c4 = st.columns([2, 2, 2, 3])
    status_f = c1.multiselect(t("rec.status"), list(STATUSES), format_func=lambda k: label(STATUSES, k),
                              key="f_status", placeholder=t("choose"))
    type_f = c2.multiselect(t("rec.type"), known.options("agreement_type"),
                            format_func=lambda k: label(AGREEMENT_TYPES, k),
                            key="f_type", placeholder=t("choose"))
    sector_f = c3.multiselect(t("rec.sector"), known.options("sector"), format_func=lambda k: label(SECTORS, k),
                              key="f_sector", placeholder=t("choose"))
    search = c4.text_input(t("rec.search"), key="f_search")
    shown = read.filter_agreements(df, statuses=status_f, types=type_f, sectors=sector_f, text=search)
    st.caption(t("rec.count", n=numbers.number(len(shown), 0, current_language()),
                 total=numbers.number(len(df), 0, current_language())))
    table = record_tables.agreements_table(shown, known)
    cols = ["doc_number", "title", "type", "status", "sectors", "parties", "signed_on", "value_idr", "obstacles",
            "visit_ref"]
    ag_shown = localized_columns(table, cols)
    st.dataframe(ag_shown, hide_index=True, width="stretch", column_config=date_columns.config(
        ag_shown, lang, **{t("col.value_idr"): st.column_config.NumberColumn(format="localized")}))
    download_buttons(localized_columns(table, cols), "kerja_sama")

    doc = st.selectbox(t("rec.pick"), [""] + shown["doc_number"].tolist(), key="edit_doc",
                       placeholder=t("choose")) if can_edit else ""
    if doc:
        with storage.transaction(eng) as s:
            loaded = write.load_agreement(s, doc)
            current, version = (write.agreement_data(loaded), loaded.version) if loaded else (None, None)
        if current is None:
            st.warning(md(t("rec.gone", doc=doc)))
            st.stop()
        version = held_version("agreement", doc, version)
        with st.form(f"edit-{doc}"):
            title = st.text_input(t("rec.title_field"), current.title)
            held_codes = list(dict.fromkeys(p.region_code for p in current.parties if p.region_code))
            e_parties = st.multiselect(t("rec.parties"), region_options(held_codes), default=held_codes,
                                       format_func=region_label, placeholder=t("choose"),
                                       key=field_key("agreement", doc, "parties"))
            e_partners = st.text_input(t("rec.partners"), forms.partners_text(current.parties),
                                       key=field_key("agreement", doc, "partners"))
            d1, d2, d3 = st.columns(3)
            e_signed = d1.date_input(t("rec.signed_on"), current.signed_on, **DATE_RANGE,
                                     key=field_key("agreement", doc, "signed"))
            e_start = d2.date_input(t("rec.start_on"), current.start_on, **DATE_RANGE,
                                    key=field_key("agreement", doc, "start"))
            e_end = d3.date_input(t("rec.end_on"), current.end_on, **DATE_RANGE,
                                  key=field_key("agreement", doc, "end"))
            status = st.selectbox(t("rec.status"), list(STATUSES), index=list(STATUSES).index(current.status),
                                  format_func=lambda k: label(STATUSES, k), placeholder=t("choose"))
            status_on = st.date_input(t("rec.status_date"), current.status_on or dt.date.today(), format="DD/MM/YYYY")
            value = st.number_input(t("rec.value"), min_value=0, value=current.value_idr or 0, step=1_000_000)
            obstacle_kinds = st.multiselect(t("rec.obstacles"),
                                            vocabulary_labels.options("obstacle", {k for k, _ in current.obstacles}),
                                            default=sorted({k for k, _ in current.obstacles}),
                                            format_func=lambda k: label(OBSTACLES, k), placeholder=t("choose"))
            note = st.text_input(t("rec.obstacle_note"), next((n for _, n in current.obstacles if n), ""))
            notes = st.text_area(t("rec.notes"), current.notes)
            if st.form_submit_button(t("rec.save"), type="primary"):
                with errors_shown() as outcome:
                    changed = forms.edited_agreement(
                        current, region_codes=e_parties, partners=e_partners, title=title, status=status,
                        status_on=status_on, value_idr=int(value) or None, signed_on=e_signed, start_on=e_start,
                        end_on=e_end, obstacles=[(k, note) for k in obstacle_kinds], notes=notes)
                    with storage.transaction(eng) as s:
                        action = write.save_agreement(s, changed, actor, expected_version=version)
                    st.success(t("rec.saved") if action != "unchanged" else t("rec.unchanged"))
                settled("agreement", outcome)
        with st.expander(t("rec.progress")):
            if current.indicators:
                progress = read.progress_frame(current)
                st.dataframe(progress, hide_index=True, width="stretch",
                             column_config=date_columns.config(progress, lang))
            with st.form(f"progress-{doc}"):
                c1, c2, c3 = st.columns(3)
                ind_name = c1.text_input(t("rec.indicator"),
                                         current.indicators[0].name if current.indicators else "")
                ind_date = c2.date_input(t("rec.date"), dt.date.today(), format="DD/MM/YYYY")
                ind_value = c3.number_input(t("rec.realisation"), min_value=0.0, step=1.0)
                ind_target = c1.number_input(t("rec.target"), min_value=0.0, step=1.0, value=None)
                ind_unit = c2.text_input(t("rec.unit"), current.indicators[0].unit if current.indicators else "")
                if st.form_submit_button(t("rec.save")):
                    with errors_shown() as outcome:
                        with storage.transaction(eng) as s:
                            write.record_progress(s, doc, ind_name, ind_date, float(ind_value), actor,
                                                    unit=ind_unit, target=ind_target)
                        st.success(t("rec.saved"))
                    settled("agreement", outcome)  # the reading moved the agreement's version
        evidence.panel("agreement", doc, actor, can_edit=can_edit, widget="ev-a")
        delete_and_history("agreement", doc, write.delete_agreement, version, "del")

with tab_visits:
    vdf = read.visits_frame(eng)
    v_search = st.text_input(t("rec.search_visits"), key="v_search")
    vdf = read.filter_visits(vdf, text=v_search)
    vtable = record_tables.visits_table(vdf, known)
    vcols = ["ref", "official_role", "start_at", "time_zone", "places", "agenda", "focus_sectors", "people_met"]
    v_shown = localized_columns(vtable, vcols)
    st.dataframe(v_shown, hide_index=True, width="stretch", column_config=date_columns.config(v_shown, lang))
    download_buttons(localized_columns(vtable, vcols), "kunjungan")
    ref = st.selectbox(t("rec.pick"), [""] + vdf["ref"].tolist(), key="visit_pick",
                       placeholder=t("choose")) if can_edit else ""
    if ref:
        with storage.transaction(eng) as s:
            loaded_visit = write.load_visit(s, ref)
            current_visit, visit_version = ((write.visit_data(loaded_visit), loaded_visit.version)
                                            if loaded_visit else (None, None))
        if current_visit is None:
            st.warning(md(t("rec.gone", doc=ref)))
            st.stop()
        visit_version = held_version("visit", ref, visit_version)
        with st.form(f"edit-visit-{ref}"):
            official = st.text_input(t("rec.official"), current_visit.official_role)
            ministry = st.text_input(t("rec.ministry"), current_visit.ministry)
            local_start = read.local_time(current_visit.start_at, current_visit.time_zone)
            local_end = read.local_time(current_visit.end_at, current_visit.time_zone)
            z1, z2, z3, z4, z5 = st.columns(5)
            v_zone = z1.selectbox(t("rec.time_zone"), forms.TIME_ZONE_CHOICES, key=field_key("visit", ref, "zone"),
                                  index=forms.TIME_ZONE_CHOICES.index(current_visit.time_zone)
                                  if current_visit.time_zone in forms.TIME_ZONE_CHOICES else 0, placeholder=t("choose"))
            v_start_day = z2.date_input(t("rec.start_day"), local_start.date(), **DATE_RANGE,
                                        key=field_key("visit", ref, "start_day"))
            v_start_time = z3.time_input(t("rec.start_time"), local_start.time(), step=300,
                                         key=field_key("visit", ref, "start_time"))
            v_end_day = z4.date_input(t("rec.end_day"), local_end.date() if local_end else None, **DATE_RANGE,
                                      key=field_key("visit", ref, "end_day"))
            v_end_time = z5.time_input(t("rec.end_time"), local_end.time() if local_end else None, step=300,
                                       key=field_key("visit", ref, "end_time"))
            st.caption(t("rec.stops_help"))
            stop_rows = []
            for i, stop in enumerate([*current_visit.stops, None]):
                s1, s2 = st.columns(2)
                stop_codes = [""] + region_options([stop.region_code] if stop else [])
                stop_code = s1.selectbox(
                    t("rec.stop", n=i + 1), stop_codes, index=stop_codes.index(stop.region_code) if stop else 0,
                    format_func=lambda c, extra=stop is None: region_label(c) if c else t(
                        "rec.stop_new" if extra else "rec.stop_remove"), key=field_key("visit", ref, f"stop{i}"),
                    placeholder=t("choose"))
                stop_place = s2.text_input(t("rec.stop_place", n=i + 1), stop.place_name if stop else "",
                                           key=field_key("visit", ref, f"place{i}"))
                stop_rows.append((stop_code, stop_place))
            agenda = st.text_area(t("rec.agenda"), current_visit.agenda)
            people = st.text_area(t("rec.people"), current_visit.people_met)
            focus = st.multiselect(t("rec.sector"), vocabulary_labels.options("sector", current_visit.focus_sectors),
                                   default=current_visit.focus_sectors,
                                   format_func=lambda k: label(SECTORS, k), placeholder=t("choose"))
            goals = st.multiselect(text("monitoring.goals.col.goal", lang), list(GOAL_AREAS),
                                   default=[g for g in current_visit.goals if g in GOAL_AREAS],
                                   format_func=lambda k: label(GOAL_AREAS, k), placeholder=t("choose"))
            if st.form_submit_button(t("rec.save"), type="primary"):
                with errors_shown() as outcome:
                    changed = forms.edited_visit(
                        current_visit, start_day=v_start_day, start_time=v_start_time, end_day=v_end_day,
                        end_time=v_end_time, time_zone=v_zone, stops=stop_rows, official_role=official.strip(),
                        ministry=ministry.strip(), agenda=agenda, people_met=people, focus_sectors=focus,
                        goals=goals)
                    with storage.transaction(eng) as s:
                        action = write.save_visit(s, write.validated_visit(changed, known), actor,
                                                    expected_version=visit_version)
                    st.success(t("rec.saved") if action != "unchanged" else t("rec.unchanged"))
                settled("visit", outcome)
        evidence.panel("visit", ref, actor, can_edit=can_edit, widget="ev-v")
        delete_and_history("visit", ref, write.delete_visit, visit_version, "delv")

with tab_add:
    if not can_edit:
        st.info(t("auth.read_only"))
    else:
        options = [r.code for lv in lookup.GOVERNMENT_LEVELS for r in lookup.all_regions(lv)]
        st.subheader(t("rec.agreement_add"))
        with st.form("add-agreement", clear_on_submit=False):
            doc_number = st.text_input(t("rec.doc_number"))
            title = st.text_input(t("rec.title_field"))
            a_type = st.selectbox(t("rec.type"), known.options("agreement_type"),
                                  format_func=lambda k: label(AGREEMENT_TYPES, k), placeholder=t("choose"))
            parties = st.multiselect(t("rec.parties"), options,
                                     format_func=lambda c: f"{lookup.get(c).name} ({c})", placeholder=t("choose"))
            partners = st.text_input(t("rec.partners"))
            sectors = st.multiselect(t("rec.sector"), known.options("sector"), format_func=lambda k: label(SECTORS, k),
                                     placeholder=t("choose"))
            signed_on = st.date_input(t("rec.signed_on"), None, format="DD/MM/YYYY")
            status = st.selectbox(t("rec.status"), list(STATUSES), index=1, format_func=lambda k: label(STATUSES, k),
                                  placeholder=t("choose"))
            value = st.number_input(t("rec.value"), min_value=0, value=0, step=1_000_000)
            if st.form_submit_button(t("rec.add"), type="primary"):
                all_parties = [Party(region_code=c) for c in parties] + [
                    Party(partner_name=p.strip()) for p in partners.split(";") if p.strip()]
                with errors_shown():
                    data = write.validated_agreement(AgreementData(
                        doc_number=doc_number.strip(), title=title.strip(), type=a_type, status=status,
                        parties=all_parties, sectors=sectors, signed_on=signed_on, value_idr=int(value) or None), known)
                    with storage.transaction(eng) as s:
                        write.save_agreement(s, data, actor, new=True)
                    st.success(t("rec.saved"))

        st.subheader(t("rec.visit_add"))
        with st.form("add-visit", clear_on_submit=False):
            v_ref = st.text_input(t("rec.visit_ref"))
            v_official = st.text_input(t("rec.official"))
            v_region = st.selectbox(t("rec.region"), options, format_func=lambda c: f"{lookup.get(c).name} ({c})",
                                    placeholder=t("choose"))
            v_place = st.text_input(t("rec.place"))
            v_date = st.date_input(t("rec.date"), dt.date.today(), format="DD/MM/YYYY")
            v_time = st.text_input(t("rec.time"), "09.00 – 12.00")
            v_agenda = st.text_area(t("rec.agenda"))
            v_people = st.text_area(t("rec.people"))
            v_sectors = st.multiselect(t("rec.sector"), known.options("sector"),
                                       format_func=lambda k: label(SECTORS, k),
                                       placeholder=t("choose"))
            if st.form_submit_button(t("rec.visit_add"), type="primary"):
                with errors_shown():
                    visit = write.validated_visit(forms.visit_from_form(
                        ref=v_ref, official=v_official, region_code=v_region, place=v_place, day=v_date,
                        time_text=v_time, agenda=v_agenda, people=v_people, sectors=v_sectors), known)
                    with storage.transaction(eng) as s:
                        write.save_visit(s, visit, actor, new=True)
                    st.success(t("rec.saved"))
        counts = sample.simulated_counts(eng)
        n_sim = counts["simulated_agreements"] + counts["simulated_visits"]
        if n_sim and st.button(t("rec.remove_sample"), key="remove_sample"):
            st.success(t("rec.removed_sample", n=sample.remove_simulated(eng, actor)))

with tab_import:
    if not can_edit:
        st.info(t("auth.read_only"))
    else:
        kind = st.radio(t("imp.kind"), ["agreements", "visits"], format_func=lambda k: t(f"imp.kind.{k}"),
                        horizontal=True, key="imp_kind")
        st.download_button(t("imp.template"), templates.template_xlsx(kind, lang, known), f"templat_{kind}.xlsx",
                           key=f"tpl-{kind}")
        upload = st.file_uploader(t("imp.file"), type=["csv", "xlsx"], key=f"upload-{kind}")
        st.caption(theme.upload_caption())
        # One flag: the file (kind + content hash) last saved in this session; the same file offers no second save.
        file_key = import_preview.file_key(kind, upload.getvalue()) if upload is not None else None
        saved = st.session_state.get("imp_saved")
        if file_key is not None and saved and saved["file"] == file_key:
            st.success(saved["summary"])
            st.info(t("imp.saved", n=saved["n"]))
            upload = None
        if upload is not None:
            plan = None
            with errors_shown():
                plan = changes.plan_import(eng, kind, files.read_table(upload.getvalue(), upload.name))
            if plan is not None:
                counts = plan.counts()
                st.subheader(t("imp.preview"))
                cols = st.columns(4)
                for col, k in zip(cols, ["add", "update", "unchanged", "reject"]):
                    col.metric(t(f"act.{k}"), counts[k])
                if plan.table.unknown_headers:
                    st.info(t("imp.ignored", cols=md(", ".join(plan.table.unknown_headers))))
                warned = sum(1 for r in plan.rows if r.warnings and r.action != "reject")
                if warned:
                    st.warning(t("imp.warned", n=warned))
                preview = import_preview.preview_table(plan, lang)
                st.dataframe(preview, hide_index=True, width="stretch")
                notes = import_preview.row_notes(plan, lang)
                if notes:  # the cells above cut long text: the rows to read, in full
                    with st.expander(t("imp.row_notes", n=len(notes)), expanded=True):
                        st.markdown("\n".join(f"- {line}" for line in notes))
                download_buttons(preview, "pratinjau_impor")
                if plan.rejected:
                    st.download_button(t("imp.rejected"), import_preview.rejected_xlsx(plan, lang),
                                       "baris_ditolak.xlsx", key="rejected")
                accepted = counts["add"] + counts["update"]
                if st.button(t("imp.commit", n=accepted), type="primary", disabled=accepted == 0, key="commit"):
                    bar = st.progress(0.0)
                    done = None
                    with errors_shown(), write.refused_as("import.concurrent"):
                        done = changes.commit_import(eng, plan, actor,
                                                      progress=lambda i, n: bar.progress(i / max(n, 1)))
                    if done is not None:
                        st.session_state["imp_saved"] = {
                            "file": file_key, "n": done["add"] + done["update"],
                            "summary": t("imp.done", summary=", ".join(f"{done[k]} {t('act.' + k)}" for k in done))}
                        st.rerun()

with tab_trail:
    if not can_edit:
        st.info(t("auth.read_only"))
    else:
        entries = audit_trail.whole_trail(records_cache.version(), lang)
        records = sorted(dict.fromkeys(f"{k}:{v}" for k, v in zip(entries["record_type"], entries["record_key"])))
        picked = st.selectbox(
            t("rec.trail_record"), [""] + records, key="trail_pick",
            format_func=lambda r: t("rec.trail_all") if not r else
            f"{audit_text.record_name(r.split(':', 1)[0], lang)} {r.split(':', 1)[1]}", placeholder=t("choose"))
        if picked:
            kind_picked, key_picked = picked.split(":", 1)
            entries = entries[(entries["record_type"] == kind_picked) & (entries["record_key"] == key_picked)]
        audit_trail.show(entries, "riwayat_perubahan")
