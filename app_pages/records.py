"""Data page: browse, filter, add, edit, delete and import visits and agreements."""

import datetime as dt

import streamlit as st

from geo.db import storage
from geo.importer import changes, files, templates
from geo.records import forms, read, sample, write
from geo.records.write import AgreementData, Party
from geo.regions import lookup
from geo.text.vocabulary import AGREEMENT_TYPES, OBSTACLES, SECTORS, STATUSES
from ui import auth, import_preview, record_tables
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


def history(record_type: str, key: str) -> None:
    with st.expander(t("rec.history")):
        st.dataframe(localized_columns(read.audit_frame(eng, record_type, key), ["at", "actor", "action",
                                                                                    "changes"]),
                     hide_index=True, width="stretch")


def delete_and_history(record_type: str, key: str, delete, version: int, widget: str) -> None:
    """The confirm box and delete button of one record (``delete``: ``write.delete_agreement`` or
    ``write.delete_visit``, refused by the engine to viewers and on an edit conflict), then its history."""
    confirm = st.checkbox(t("rec.delete_confirm", doc=md(key)), key=f"{widget}-{key}")
    if st.button(t("rec.delete"), disabled=not confirm, key=f"{widget}btn-{key}"):
        with errors_shown():
            with storage.transaction(eng) as s:
                delete(s, key, actor, expected_version=version)
            st.success(t("rec.deleted", doc=md(key)))
    history(record_type, key)


tab_agreements, tab_visits, tab_add, tab_import = st.tabs(
    [t("rec.tab.agreements"), t("rec.tab.visits"), t("rec.tab.add"), t("rec.tab.import")])

with tab_agreements:
    df = read.agreements_frame(eng)
    c1, c2, c3, c4 = st.columns([2, 2, 2, 3])
    status_f = c1.multiselect(t("rec.status"), list(STATUSES), format_func=lambda k: label(STATUSES, k),
                              key="f_status", placeholder=t("choose"))
    type_f = c2.multiselect(t("rec.type"), list(AGREEMENT_TYPES), format_func=lambda k: label(AGREEMENT_TYPES, k),
                            key="f_type", placeholder=t("choose"))
    sector_f = c3.multiselect(t("rec.sector"), list(SECTORS), format_func=lambda k: label(SECTORS, k),
                              key="f_sector", placeholder=t("choose"))
    search = c4.text_input(t("rec.search"), key="f_search")
    shown = read.filter_agreements(df, statuses=status_f, types=type_f, sectors=sector_f, text=search)
    st.caption(t("rec.count", n=len(shown), total=len(df)))
    table = record_tables.agreements_table(shown)
    cols = ["doc_number", "title", "type", "status", "sectors", "parties", "signed_on", "value_idr", "obstacles",
            "visit_ref"]
    st.dataframe(localized_columns(table, cols), hide_index=True, width="stretch",
                 column_config={t("col.value_idr"): st.column_config.NumberColumn(format="localized")})
    download_buttons(localized_columns(table, cols), "kerja_sama")

    doc = st.selectbox(t("rec.pick"), [""] + shown["doc_number"].tolist(), key="edit_doc") if can_edit else ""
    if doc:
        with storage.transaction(eng) as s:
            loaded = write.load_agreement(s, doc)
            current, version = (write.agreement_data(loaded), loaded.version) if loaded else (None, None)
        if current is None:
            st.warning(md(t("rec.gone", doc=doc)))
            st.stop()
        with st.form(f"edit-{doc}"):
            title = st.text_input(t("rec.title_field"), current.title)
            status = st.selectbox(t("rec.status"), list(STATUSES), index=list(STATUSES).index(current.status),
                                  format_func=lambda k: label(STATUSES, k))
            status_on = st.date_input(t("rec.status_date"), current.status_on or dt.date.today(), format="DD/MM/YYYY")
            value = st.number_input(t("rec.value"), min_value=0, value=current.value_idr or 0, step=1_000_000)
            obstacle_kinds = st.multiselect(t("rec.obstacles"), list(OBSTACLES),
                                            default=sorted({k for k, _ in current.obstacles}),
                                            format_func=lambda k: label(OBSTACLES, k), placeholder=t("choose"))
            note = st.text_input(t("rec.obstacle_note"), next((n for _, n in current.obstacles if n), ""))
            notes = st.text_area(t("rec.notes"), current.notes)
            if st.form_submit_button(t("rec.save"), type="primary"):
                changed = AgreementData(**{**current.__dict__, "title": title, "status": status,
                                           "status_on": status_on, "value_idr": int(value) or None,
                                           "obstacles": [(k, note) for k in obstacle_kinds], "notes": notes,
                                           "status_history": None})
                with errors_shown():
                    with storage.transaction(eng) as s:
                        action = write.save_agreement(s, changed, actor, expected_version=version)
                    st.success(t("rec.saved") if action != "unchanged" else t("rec.unchanged"))
        with st.expander(t("rec.progress")):
            if current.indicators:
                st.dataframe(read.progress_frame(current), hide_index=True, width="stretch")
            with st.form(f"progress-{doc}"):
                c1, c2, c3 = st.columns(3)
                ind_name = c1.text_input(t("rec.indicator"),
                                         current.indicators[0].name if current.indicators else "")
                ind_date = c2.date_input(t("rec.date"), dt.date.today(), format="DD/MM/YYYY")
                ind_value = c3.number_input(t("rec.realisation"), min_value=0.0, step=1.0)
                ind_target = c1.number_input(t("rec.target"), min_value=0.0, step=1.0, value=None)
                ind_unit = c2.text_input(t("rec.unit"), current.indicators[0].unit if current.indicators else "")
                if st.form_submit_button(t("rec.save")):
                    with errors_shown():
                        with storage.transaction(eng) as s:
                            write.record_progress(s, doc, ind_name, ind_date, float(ind_value), actor,
                                                    unit=ind_unit, target=ind_target)
                        st.success(t("rec.saved"))
        delete_and_history("agreement", doc, write.delete_agreement, version, "del")

with tab_visits:
    vdf = read.visits_frame(eng)
    v_search = st.text_input(t("rec.search_visits"), key="v_search")
    vdf = read.filter_visits(vdf, text=v_search)
    vtable = record_tables.visits_table(vdf)
    vcols = ["ref", "official_role", "start_at", "time_zone", "places", "agenda", "focus_sectors", "people_met"]
    st.dataframe(localized_columns(vtable, vcols), hide_index=True, width="stretch")
    download_buttons(localized_columns(vtable, vcols), "kunjungan")
    ref = st.selectbox(t("rec.pick"), [""] + vdf["ref"].tolist(), key="visit_pick") if can_edit else ""
    if ref:
        with storage.transaction(eng) as s:
            loaded_visit = write.load_visit(s, ref)
            current_visit, visit_version = ((write.visit_data(loaded_visit), loaded_visit.version)
                                            if loaded_visit else (None, None))
        if current_visit is None:
            st.warning(md(t("rec.gone", doc=ref)))
            st.stop()
        with st.form(f"edit-visit-{ref}"):
            official = st.text_input(t("rec.official"), current_visit.official_role)
            ministry = st.text_input(t("rec.ministry"), current_visit.ministry)
            agenda = st.text_area(t("rec.agenda"), current_visit.agenda)
            people = st.text_area(t("rec.people"), current_visit.people_met)
            focus = st.multiselect(t("rec.sector"), list(SECTORS), default=current_visit.focus_sectors,
                                   format_func=lambda k: label(SECTORS, k), placeholder=t("choose"))
            if st.form_submit_button(t("rec.save"), type="primary"):
                changed = write.VisitData(**{**current_visit.__dict__, "official_role": official,
                                               "ministry": ministry, "agenda": agenda, "people_met": people,
                                               "focus_sectors": focus})
                with errors_shown():
                    with storage.transaction(eng) as s:
                        action = write.save_visit(s, write.validated_visit(changed), actor,
                                                    expected_version=visit_version)
                    st.success(t("rec.saved") if action != "unchanged" else t("rec.unchanged"))
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
            a_type = st.selectbox(t("rec.type"), list(AGREEMENT_TYPES), format_func=lambda k: label(AGREEMENT_TYPES, k))
            parties = st.multiselect(t("rec.parties"), options,
                                     format_func=lambda c: f"{lookup.get(c).name} ({c})", placeholder=t("choose"))
            partners = st.text_input(t("rec.partners"))
            sectors = st.multiselect(t("rec.sector"), list(SECTORS), format_func=lambda k: label(SECTORS, k),
                                     placeholder=t("choose"))
            signed_on = st.date_input(t("rec.signed_on"), None, format="DD/MM/YYYY")
            status = st.selectbox(t("rec.status"), list(STATUSES), index=1, format_func=lambda k: label(STATUSES, k))
            value = st.number_input(t("rec.value"), min_value=0, value=0, step=1_000_000)
            if st.form_submit_button(t("rec.add"), type="primary"):
                all_parties = [Party(region_code=c) for c in parties] + [
                    Party(partner_name=p.strip()) for p in partners.split(";") if p.strip()]
                with errors_shown():
                    data = write.validated_agreement(AgreementData(
                        doc_number=doc_number.strip(), title=title.strip(), type=a_type, status=status,
                        parties=all_parties, sectors=sectors, signed_on=signed_on, value_idr=int(value) or None))
                    with storage.transaction(eng) as s:
                        write.save_agreement(s, data, actor, new=True)
                    st.success(t("rec.saved"))

        st.subheader(t("rec.visit_add"))
        with st.form("add-visit", clear_on_submit=False):
            v_ref = st.text_input(t("rec.visit_ref"))
            v_official = st.text_input(t("rec.official"))
            v_region = st.selectbox(t("rec.region"), options, format_func=lambda c: f"{lookup.get(c).name} ({c})")
            v_place = st.text_input(t("rec.place"))
            v_date = st.date_input(t("rec.date"), dt.date.today(), format="DD/MM/YYYY")
            v_time = st.text_input(t("rec.time"), "09.00 – 12.00")
            v_agenda = st.text_area(t("rec.agenda"))
            v_people = st.text_area(t("rec.people"))
            v_sectors = st.multiselect(t("rec.sector"), list(SECTORS), format_func=lambda k: label(SECTORS, k),
                                       placeholder=t("choose"))
            if st.form_submit_button(t("rec.visit_add"), type="primary"):
                with errors_shown():
                    visit = write.validated_visit(forms.visit_from_form(
                        ref=v_ref, official=v_official, region_code=v_region, place=v_place, day=v_date,
                        time_text=v_time, agenda=v_agenda, people=v_people, sectors=v_sectors))
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
        st.download_button(t("imp.template"), templates.template_xlsx(kind, lang), f"templat_{kind}.xlsx",
                           key=f"tpl-{kind}")
        upload = st.file_uploader(t("imp.file"), type=["csv", "xlsx"], key=f"upload-{kind}")
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
