"""Evidence in the app: photo grids and a record's attachments panel (attach, see, download, remove).

Photos are shown only as image bytes (``st.image``, the stored re-encoded JPEG/PNG or its thumbnail) and signed
documents only as a download (``st.download_button`` with ``application/pdf``): nothing uploaded is ever put in
the page as HTML or SVG. Captions, places, credits and titles are typed by users and go through
``ui.safe_text.md`` wherever they reach markdown. Attaching and removing are checked again by the engine
(``geo.evidence.attachments``: editors and admins).
"""

from __future__ import annotations

import streamlit as st

from geo.db import storage
from geo.evidence import attachments, gallery, images, pdfs
from geo.text import numbers
from geo.text.vocabulary import STATUSES
from ui.database import engine
from ui.downloads import logged_file
from ui.feedback import errors_shown
from ui.i18n import current_language, label, t
from ui.safe_text import md

MAX_SHOWN = 30


@st.cache_data(show_spinner=False, max_entries=300)
def _image(attachment_id: int, sha256: str, thumbnail: bool) -> bytes:
    """The stored bytes of one attachment (keyed on its sha256 too: a restore may give an id other bytes)."""
    return attachments.content(engine(), attachment_id, thumbnail=thumbnail)


def photo_card(photo: gallery.Photo, *, title: bool = True) -> None:
    st.image(_image(photo.id, photo.sha256, True), width="stretch")
    if title:
        status = f" · {label(STATUSES, photo.status)}" if photo.status else ""
        st.markdown(f"**{md(photo.title)}**  \n{md(photo.owner_key)}{md(status)}")
    if photo.caption:
        st.markdown(md(photo.caption))
    line = gallery.photo_line(photo, current_language())
    if line:
        st.caption(md(line))


def photo_grid(photos: list[gallery.Photo], *, columns: int = 3, title: bool = True) -> None:
    """Up to ``MAX_SHOWN`` photos in rows of ``columns`` cards (saying how many were left out)."""
    shown = photos[:MAX_SHOWN]
    for start in range(0, len(shown), columns):
        for col, photo in zip(st.columns(columns), shown[start:start + columns]):
            with col:
                photo_card(photo, title=title)
    if len(photos) > len(shown):
        st.caption(t("ev.more", shown=numbers.number(len(shown), 0, current_language()),
                     n=numbers.number(len(photos), 0, current_language())))


def _item_card(item: attachments.Item, can_edit: bool, actor, widget: str) -> None:
    if item.kind == "photo":
        st.image(_image(item.id, item.sha256, True), width="stretch")
    else:
        st.download_button(t("ev.download_pdf", pages=item.height or 0),
                           logged_file(lambda: _image(item.id, item.sha256, False), "evidence", "pdf",
                                       item.download_name), item.download_name, "application/pdf",
                           key=f"{widget}-dl-{item.id}", on_click="ignore", icon=":material/description:")
    if item.caption:
        st.markdown(md(item.caption))
    photo_like = gallery.Photo(item.id, item.owner_kind, item.owner_key, "", "", (), (), None, item.caption,
                               item.place, item.taken_on, item.credit, item.added_at, item.width, item.height,
                               item.sha256)
    st.caption(md(" · ".join(x for x in (gallery.photo_line(photo_like, current_language()),
                                        t("ev.added_by", who=item.added_by)) if x)))
    if can_edit and st.button(t("ev.remove"), key=f"{widget}-rm-{item.id}", icon=":material/delete:"):
        with errors_shown():
            with storage.transaction(engine()) as s:
                attachments.remove(s, item.id, actor)
            st.session_state[f"{widget}-flash"] = t("ev.removed")
            st.rerun()


def panel(owner_kind: str, owner_key: str, actor, *, can_edit: bool, widget: str) -> None:
    """The evidence of one agreement or visit, and (editors) the form to attach more."""
    with st.expander(t("ev.section"), expanded=True):
        flash = st.session_state.pop(f"{widget}-flash", None)
        if flash:
            st.success(flash)
        items = attachments.items(engine(), owner_kind, owner_key)
        if not items:
            st.caption(t("ev.empty"))
        for start in range(0, len(items), 3):
            for col, item in zip(st.columns(3), items[start:start + 3]):
                with col:
                    _item_card(item, can_edit, actor, widget)
        if not can_edit:
            return
        with st.form(f"{widget}-form-{owner_key}", clear_on_submit=True):
            upload = st.file_uploader(t("ev.upload"), key=f"{widget}-file-{owner_key}",
                                      help=t("ev.upload_help", mp=images.MAX_PIXELS // 1_000_000,
                                             mb_image=images.MAX_BYTES // 2 ** 20, mb_pdf=pdfs.MAX_BYTES // 2 ** 20))
            caption = st.text_input(t("ev.caption"), max_chars=attachments.TEXT_LIMITS["caption"])
            c1, c2, c3 = st.columns(3)
            place = c1.text_input(t("ev.place"), max_chars=attachments.TEXT_LIMITS["place"])
            taken_on = c2.date_input(t("ev.taken_on"), None, format="DD/MM/YYYY")
            credit = c3.text_input(t("ev.credit"), max_chars=attachments.TEXT_LIMITS["credit"])
            if st.form_submit_button(t("ev.attach"), type="primary", icon=":material/attach_file:"):
                if upload is None:
                    st.warning(t("ev.pick_file"))
                    return
                with errors_shown():
                    with storage.transaction(engine()) as s:
                        attachments.attach(s, owner_kind, owner_key, upload.getvalue(), actor,
                                           details=attachments.Details(caption, place, taken_on, credit),
                                           original_name=upload.name)
                    st.session_state[f"{widget}-flash"] = t("ev.attached")
                    st.rerun()
